// compare_rights (src/check/diff/compare_rights.cpp): user rights the new version no longer
// mentions. Versions written for these tests.
#include "diff_passes.hpp"
#include "query/answer.hpp"
#include "query/lists.hpp"

#include <set>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> rights(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_rights(d.o, d.n, out);
  return out;
}
const std::string head = "# Privacy\n\nWe collect your email address.\n\n## Your rights\n\n";
const std::string portability = "You have the right to data portability.\n\n";
const std::string complaint = "You may lodge a complaint with a supervisory authority.\n";
}  // namespace

TEST_CASE("compare rights: a right no longer mentioned is a medium right-removed at its old sentence") {
  DiffPasses d(head + portability + complaint, head + complaint);
  auto out = rights(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "right-removed");
  CHECK(f.rank == "medium");
  CHECK(f.extra["right"] == "right_to_portability");
  CHECK(f.extra["old_mentions"] == 1);
  REQUIRE(f.locations.size() == 2);
  CHECK(f.locations[0].role == "new");  // where it was
  CHECK(f.locations[0].quote.empty());
  CHECK(f.locations[1].role == "old");
  CHECK(f.locations[1].line == 7);
}

TEST_CASE("compare rights: a right still mentioned, in other words or elsewhere, is no finding") {
  DiffPasses moved(head + portability + complaint, head + complaint + "\nYou have the right to data portability.\n");
  CHECK(rights(moved).empty());
  DiffPasses reworded(head + portability + complaint, head + "You also have a right to data portability.\n\n" + complaint);
  CHECK(rights(reworded).empty());
}

TEST_CASE("compare rights: a right gone from a reworded sentence points at its new wording") {
  DiffPasses d(head + "You have the right to data portability and the right to lodge a complaint with a supervisory authority.\n",
               head + "You have the right to lodge a complaint with a supervisory authority.\n");
  auto out = rights(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["right"] == "right_to_portability");
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].quote == "You have the right to lodge a complaint with a supervisory authority.");
}

namespace {
std::vector<check::Finding> right_scopes(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_right_scopes(d.o, d.n, query::Lexicon::builtin(), out);
  return out;
}
const std::string email_opt_out = "You may opt out of sharing your email address with our partners by contacting us.\n\n";
const std::string ad_opt_out =
    "You can limit your device identifiers being shared with advertisers through your device settings.\n\n";
}  // namespace

TEST_CASE("compare right scopes: an opt-out of sharing with advertisers deleted while another opt-out of sharing remains") {
  DiffPasses d(head + email_opt_out + ad_opt_out + complaint, head + email_opt_out + complaint);
  CHECK(rights(d).empty());  // the right is still mentioned
  DiffPasses d2(head + email_opt_out + ad_opt_out + complaint, head + email_opt_out + complaint);
  auto out = right_scopes(d2);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "right-removed");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].extra["right"] == "opt_out_of_sharing");
  CHECK(out[0].title.find("advertiser") != std::string::npos);
}

TEST_CASE("compare right scopes: a right reworded in place, or stated for the same data elsewhere, is no finding") {
  DiffPasses reworded(head + email_opt_out + ad_opt_out,
                      head + email_opt_out +
                          "You can limit your device identifiers being shared with advertisers in your phone's settings.\n\n");
  CHECK(right_scopes(reworded).empty());
  DiffPasses moved(head + ad_opt_out + email_opt_out,
                   head + email_opt_out + "## Advertising\n\n" + ad_opt_out);
  CHECK(right_scopes(moved).empty());
}

TEST_CASE("rights: Shine the Light and independent recourse are rights of their own") {
  Document doc = parse_document("r.md", head +
      "Under California's Shine the Light law, you may request information about our disclosures of personal "
      "information to third parties for their direct marketing purposes.\n\n"
      "You may refer unresolved complaints to our independent dispute resolution provider.\n");
  std::vector<query::SentenceFacts> facts = query::topic_facts(doc);
  std::set<std::string> ids;
  for (const auto& it : query::find_rights(doc, facts, query::Lexicon::builtin())) ids.insert(it.concept_id);
  CHECK(ids.count("know_marketing_disclosures"));
  CHECK(ids.count("independent_recourse"));
}

namespace {
std::vector<check::Finding> right_routes(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_right_routes(d.o, d.n, out);
  return out;
}
const std::string ads_opt_out =
    "You may opt out of personalized advertising from other companies. To opt out, visit "
    "[optout.example-alliance.org](https://optout.example-alliance.org/) or "
    "[the choices page](https://www.example-choices.eu/).\n\n";
}  // namespace

TEST_CASE("compare right routes: a site an opt-out was offered through, named nowhere in the new version, is right-removed") {
  DiffPasses d(head + ads_opt_out + complaint,
               head + "You may opt out of personalized advertising from other companies. To opt out, visit "
                      "[the choices page](https://www.example-choices.eu/).\n\n" + complaint);
  auto out = right_routes(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "right-removed");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].extra["sites"] == std::vector<std::string>{"optout.example-alliance.org"});
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].line == 7);
}

TEST_CASE("compare right routes: a site still named elsewhere, or a paragraph not changed, is no finding") {
  DiffPasses moved(head + ads_opt_out + complaint,
                   head + "You may opt out of personalized advertising from other companies. To opt out, visit "
                          "[the choices page](https://www.example-choices.eu/).\n\n" + complaint +
                          "\nMore choices: https://optout.example-alliance.org/\n");
  CHECK(right_routes(moved).empty());
  DiffPasses same(head + ads_opt_out + complaint, head + ads_opt_out + complaint + "\nWe added a sentence.\n");
  CHECK(right_routes(same).empty());
}

namespace {
std::vector<check::Finding> right_limits(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_right_limits(d.o, d.n, out);
  return out;
}
}  // namespace

TEST_CASE("compare right limits: a choice reworded to reach only some of what it reached is right-removed at the new wording") {
  DiffPasses d(head + "A setting lets you control whether information about your activity on other sites is saved in your account.\n",
               head + "A setting lets you control whether some information about your activity on other sites is saved in your account.\n");
  auto out = right_limits(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "right-removed");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].title.find("\"some\"") != std::string::npos);
  DiffPasses kept(head + "You can control whether some information is saved in your account.\n",
                  head + "You can easily control whether some information is saved in your account.\n");
  CHECK(right_limits(kept).empty());  // the limit was there already
  DiffPasses not_a_right(head + "We keep information about your visits.\n", head + "We keep some information about your visits.\n");
  CHECK(right_limits(not_a_right).empty());
}
