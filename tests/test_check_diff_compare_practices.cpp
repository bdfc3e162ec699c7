// analyze_practices, compare_practices and compare_conditions
// (src/check/diff/compare_practices.cpp): what the changed sentences state about data
// practices, against the whole other version. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;
using policyq::testing::findings_of;

namespace {
std::vector<check::Finding> practices(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_practices(d.o, d.n, query::Lexicon::builtin(), out);
  return out;
}
std::vector<check::Finding> conditions(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_conditions(d.o, d.n, out);
  return out;
}
std::string rules(const std::vector<check::Finding>& out) {
  std::string s;
  for (const auto& f : out) s += f.rule + ":" + f.rank + " ";
  return s;
}
const std::string intro = "# Privacy\n\nWe collect your email address when you register.\n\n";
}  // namespace

TEST_CASE("compare practices: analysis fills the facts of body sentences") {
  DiffPasses d(intro + "We do not sell your personal data to third parties.\n", intro);
  d.analyzed();
  const auto& facts = d.o.facts[static_cast<std::size_t>(d.old_index("We do not sell your personal data to third parties."))];
  REQUIRE_FALSE(facts.practices.empty());
  CHECK(facts.practices[0].action == "sell");
  CHECK(facts.practices[0].negative);
}

TEST_CASE("compare practices: \"we do not sell\" turned into \"we may sell\" is a high polarity-flipped") {
  DiffPasses d(intro + "We do not sell your personal data to third parties.\n", intro + "We may sell your personal data to third parties.\n");
  auto out = practices(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "polarity-flipped");
  CHECK(f.rank == "high");
  CHECK(f.title.rfind("Denial turned into an affirmation: does not sell", 0) == 0);
  REQUIRE(f.locations.size() == 2);
  CHECK(f.locations[0].quote == "We may sell your personal data to third parties.");
  CHECK(f.locations[1].quote == "We do not sell your personal data to third parties.");
  CHECK(f.extra["practices"][0]["old"]["polarity"] == "negative");
  CHECK(f.extra["practices"][0]["new"]["polarity"] == "affirmative");
}

TEST_CASE("compare practices: a denial gone is a denial-removed, pointing where it was") {
  DiffPasses d(intro + "We do not sell your personal data to third parties.\n", intro);
  auto out = practices(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "denial-removed");
  CHECK(out[0].rank == "high");
  REQUIRE(out[0].locations.size() == 2);
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].line == 3);
  CHECK(out[0].locations[0].quote.empty());
  CHECK(out[0].locations[1].quote == "We do not sell your personal data to third parties.");
}

TEST_CASE("compare practices: a denial still made elsewhere in the new version is no finding") {
  DiffPasses d(intro + "We do not sell your personal data to third parties.\n",
               "# Privacy\n\nWe do not sell your personal data to third parties.\n\nWe collect your email address when you register.\n");
  CHECK(practices(d).empty());
}

TEST_CASE("compare practices: sharing location with advertisers anew is a high practice-affirmed") {
  DiffPasses d(intro, intro + "We share your location with advertising partners.\n");
  auto out = practices(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-affirmed");
  CHECK(out[0].rank == "high");
  CHECK(out[0].extra["practices"][0]["new"]["data"] == "location");
  CHECK(out[0].extra["practices"][0]["new"]["recipient"] == "advertiser");
  REQUIRE(out[0].locations.size() == 1);
  CHECK(out[0].locations[0].line == 5);
}

TEST_CASE("compare practices: a practice the old version stated already is no finding") {
  DiffPasses d(intro + "We share your location with advertising partners.\n",
               intro + "We share your location with advertising partners.\n\nWe may also share your location with advertising partners.\n");
  CHECK(practices(d).empty());
}

TEST_CASE("compare practices: a new denial is a low practice-denied") {
  DiffPasses d(intro, intro + "We do not share your email address with advertisers.\n");
  auto out = practices(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-denied");
  CHECK(out[0].rank == "low");
  CHECK(out[0].title.rfind("New denial: does not share", 0) == 0);
}

TEST_CASE("compare practices: several atoms of one sentence changed the same way are one finding") {
  DiffPasses d(intro, intro + "We share your location and your contacts with advertising partners.\n");
  auto out = practices(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["practices"].size() == 2);
  CHECK(out[0].message.find("; ") != std::string::npos);
}

TEST_CASE("compare conditions: a consent condition dropped from a disclosure is a high condition-dropped") {
  DiffPasses d(intro + "We may disclose your contact information to third parties for billing if you consent to it.\n",
               intro + "We may disclose your contact information to third parties for billing.\n");
  auto out = conditions(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "condition-dropped");
  CHECK(out[0].rank == "high");
  CHECK(out[0].extra["condition"] == "with your consent");
  CHECK(out[0].extra["action"] == "disclose");
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[1].role == "old");
}

TEST_CASE("compare conditions: a condition kept, or a sentence not reworded, is no finding") {
  DiffPasses kept(intro + "We may disclose your contact information to third parties for billing if you consent to it.\n",
                  intro + "We may disclose your contact details to third parties for billing if you consent to it.\n");
  CHECK(conditions(kept).empty());
  DiffPasses gone(intro + "We may disclose your contact information to third parties for billing if you consent to it.\n", intro);
  CHECK(conditions(gone).empty());
}

TEST_CASE("compare practices: a removed promise not to track, or that third parties receive nothing, is high") {
  DiffPasses track(intro + "We are not in the business of tracking you.\n", intro);
  auto out = practices(track);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "denial-removed");
  CHECK(out[0].rank == "high");
  DiffPasses third(intro + "These third parties do not receive any information from your account.\n", intro);
  auto out2 = practices(third);
  REQUIRE(out2.size() == 1);
  CHECK(out2[0].rule == "denial-removed");
  CHECK(out2[0].rank == "high");
}

TEST_CASE("compare conditions: opt-out -> consent is a low condition-added; consent -> opt-out a high loosening") {
  const std::string opt_out = "We share your profile with our live partners unless you opt out.\n";
  const std::string consent = "We share your profile with our live partners with your consent.\n";
  DiffPasses tightened(intro + opt_out, intro + consent);
  auto t = conditions(tightened);
  INFO(rules(t));
  REQUIRE(t.size() == 1);
  CHECK(t[0].rule == "condition-added");
  CHECK(t[0].rank == "low");
  DiffPasses loosened(intro + consent, intro + opt_out);
  auto l = conditions(loosened);
  INFO(rules(l));
  REQUIRE(l.size() == 1);
  CHECK(l[0].rule == "condition-dropped");
  CHECK(l[0].rank == "high");
  CHECK(l[0].title.find("loosened") != std::string::npos);
}

TEST_CASE("compare conditions: three bytes of an IP address -> the full address drops a de-identification") {
  DiffPasses d(intro + "We send the first three bytes of your IP address to our search partner.\n",
               intro + "We send your full IP address to our search partner.\n");
  auto out = conditions(d);
  INFO(rules(out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "condition-dropped");
  CHECK(out[0].rank == "high");
}

TEST_CASE("compare practices: aggregates handed on anew are low; personal data where aggregates were is high") {
  DiffPasses narrowed(intro + "We share your personal information with advertisers.\n",
                      intro + "We share aggregated information with advertisers.\n");
  for (const auto& f : practices(narrowed)) CHECK(f.rank == "low");
  DiffPasses widened(intro + "We share aggregated information with advertisers.\n",
                     intro + "We share your personal information with advertisers.\n");
  auto out = practices(widened);
  REQUIRE(!out.empty());
  CHECK(out[0].rank == "high");
}

TEST_CASE("compare practices: another company now using the data is practice-affirmed, high when for advertising") {
  const std::string ads = "Advertising companies collect information about your activity on our site to show you our ads.\n\n";
  DiffPasses d(intro + ads, intro + ads + "These advertising companies may also use information they collect for others' advertising purposes.\n");
  auto out = practices(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-affirmed");
  CHECK(out[0].rank == "high");
  CHECK(out[0].title.find("third party: may use") != std::string::npos);
  DiffPasses research(intro + ads, intro + ads + "These companies may also use information they collect for their own research.\n");
  auto r = practices(research);
  REQUIRE(r.size() == 1);
  CHECK(r[0].rank == "medium");
}

TEST_CASE("compare practices: sharing for advertising is high; 'these partners' are the advertising partners named before") {
  DiffPasses d(intro, intro + "We use tracking pixels provided by advertising partners. Your browsing history is passed to these partners.\n");
  auto out = practices(d);
  REQUIRE(!out.empty());
  CHECK(out[0].rank == "high");
  CHECK(out[0].title.find("to advertiser") != std::string::npos);
  DiffPasses ads(intro, intro + "We may share your device identifiers with our vendors to show you tailored advertising.\n");
  auto a = practices(ads);
  REQUIRE(!a.empty());
  CHECK(a[0].rank == "high");
}

TEST_CASE("compare practices: a denial chained over 'on our servers or share it' is still a denial of sharing") {
  DiffPasses d(intro + "Camera data is used in real time. We don't store this information on our servers or share it with third parties.\n",
               intro + "Camera data is used in real time.\n");
  auto out = practices(d);
  bool share_denial_removed = false;
  for (const auto& f : out)
    if (f.rule == "denial-removed" && f.rank == "high" && f.title.find("share") != std::string::npos) share_denial_removed = true;
  CHECK(share_denial_removed);
}

TEST_CASE("compare practices: inferences newly generated about the user are a medium practice-affirmed") {
  DiffPasses d(intro, intro + "We also generate inferences about your preferences from your activity.\n");
  auto out = practices(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-affirmed");
  CHECK(out[0].rank == "medium");
}

TEST_CASE("compare practices: collecting activity across the web is new even where usage data was collected") {
  const std::string usage = "We collect usage data such as the pages you view on our site.\n\n";
  DiffPasses d(intro + usage, intro + usage + "Our browser collects your search activity across the web, including websites we do not own.\n");
  auto out = practices(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-affirmed");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].title.find("activity on other websites") != std::string::npos);
}
