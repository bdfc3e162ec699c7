// check on the bundled policy and on edited copies of it: rules pass on the policy as
// published and fail on the edits that break them.
#include "check/check.hpp"
#include "document/loader.hpp"
#include <doctest/doctest.h>

using namespace policyq;
using namespace policyq::check;

namespace {
const char* rules_text = R"([
  {"id": "no-sale", "ask": "Do you sell my personal data?", "expect": ["no"]},
  {"id": "keep-2y", "retention": {"data": "personal information", "max": "P2Y"}},
  {"id": "kids", "section": "Children"},
  {"id": "deny-sale", "practice": {"action": "sell", "data": "personal information"}, "must": "deny"},
  {"id": "no-location-ads", "practice": {"action": "share", "data": "location", "recipient": "advertisers"}, "must": "not_affirm"},
  {"id": "dnt", "phrase": "do not track", "must": "appear", "severity": "warning"}
])";

std::string edited(const std::string& from, const std::string& to) {
  std::string text(load_bundled_policy().source);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::map<std::string, bool> outcomes(const std::string& source) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<Policy>(parse_document("policy.md", source)));
  Report r = run_check(parse_rules("r.json", rules_text), policies);
  std::map<std::string, bool> out;
  for (const Finding& f : r.findings) out[f.rule] = f.passed;
  return out;
}
}  // namespace

TEST_CASE("the bundled policy keeps every rule") {
  auto got = outcomes(std::string(load_bundled_policy().source));
  for (auto [rule, passed] : got) {
    INFO(rule);
    CHECK(passed);
  }
}

TEST_CASE("retention lengthened to five years breaks the two-year limit") {
  auto got = outcomes(edited("two years after you have ceased", "five years after you have ceased"));
  CHECK_FALSE(got["keep-2y"]);
  CHECK(got["no-sale"]);
}

TEST_CASE("\"we do not sell\" removed breaks the sale rules") {
  auto got = outcomes(edited("We do not sell your personal data to unaffiliated third parties for marketing or promotional use. ", ""));
  CHECK_FALSE(got["deny-sale"]);
  CHECK(got["keep-2y"]);
}

TEST_CASE("a new bullet sharing location with advertisers breaks the location rule") {
  auto got = outcomes(edited("* We work with third party service providers",
                             "* We share your precise location with advertisers.\n* We work with third party service providers"));
  CHECK_FALSE(got["no-location-ads"]);
}

TEST_CASE("a removed section and a removed phrase fail their rules") {
  auto got = outcomes(edited("We do not obey Do Not Track signals from a user’s Internet browser. ", ""));
  CHECK_FALSE(got["dnt"]);
  auto no_children = outcomes(edited("Children\n--------", "Minors\n------"));
  CHECK_FALSE(no_children["kids"]);
}

TEST_CASE("only failures at or above --fail-on make the run fail") {
  Report r;
  r.findings.push_back({"w", "t", "", Severity::warning, "", false, {}});
  CHECK_FALSE(fails(r, Severity::error));
  CHECK(fails(r, Severity::warning));
  CHECK(fails(r, Severity::info));
}

TEST_CASE("a required section is found by the words of its title: 'Children' in \"10. Children's Privacy\"") {
  const std::string rules = R"({"rules": [{"id": "kids", "section": "Children"}, {"id": "rights", "section": "Your Rights"},
                                           {"id": "cookies", "section": "Cookies"}]})";
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<Policy>(parse_document(
      "p.md", "# Privacy\n\n## 10. Children's Privacy\n\nWe do not collect data from children.\n\n"
              "## Your California Privacy Rights\n\nYou may ask.\n")));
  Report r = run_check(parse_rules("r.json", rules), policies);
  std::map<std::string, bool> out;
  for (const Finding& f : r.findings) out[f.rule] = f.passed;
  CHECK(out["kids"]);
  CHECK(out["rights"]);
  CHECK_FALSE(out["cookies"]);
}
