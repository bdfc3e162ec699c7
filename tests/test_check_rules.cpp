#include "check/rules.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>

using namespace policyq;
using namespace policyq::check;

TEST_CASE("every kind of rule is read, with comments allowed") {
  std::string text = R"(// rules for CI
{
  "rules": [
    {"id": "no-sale", "ask": "Do you sell personal data?", "expect": ["no"]},
    {"id": "keep-2y", "retention": {"data": "personal information", "max": "P2Y"}, "severity": "warning"},
    {"id": "kids", "section": "Children"},
    /* a statement that must be denied */
    {"id": "no-ads-location", "practice": {"action": "share", "data": "location", "recipient": "advertisers"}, "must": "deny"},
    {"id": "dnt", "phrase": "Do Not Track", "must": "appear", "message": "say how DNT is handled"}
  ]
})";
  auto rules = parse_rules("r.json", text);
  REQUIRE(rules.size() == 5);
  CHECK(rules[0].kind == Rule::Kind::ask);
  CHECK(rules[0].expect == std::vector<std::string>{"no"});
  CHECK(rules[0].severity == Severity::error);
  CHECK(rules[1].kind == Rule::Kind::retention);
  CHECK(rules[1].max_days == doctest::Approx(730));
  CHECK(rules[1].severity == Severity::warning);
  CHECK(rules[2].section == "Children");
  CHECK(rules[3].must == "deny");
  CHECK(rules[4].message == "say how DNT is handled");
  CHECK(rules[3].line == 8);
  CHECK(rules[3].column == 5);
}

TEST_CASE("a bare array of rules is accepted") {
  auto rules = parse_rules("r.json", R"([{"id": "a", "section": "Children"}])");
  CHECK(rules.size() == 1);
}

TEST_CASE("bad rules files are reported at FILE:LINE:COL") {
  struct Case {
    std::string text, message;
  } cases[] = {
      {"{\n  \"rules\": [\n    {\"id\": \"a\" \"section\": \"x\"}\n  ]\n}",
       "r.json:3:24: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'"},
      {"{\"rules\": [\n  {\"id\": \"a\", \"section\": \"x\"},\n  {\"id\": \"b\", \"ask\": \"Do you sell data?\"}\n]}",
       "r.json:3:3: rule \"b\": an \"ask\" rule needs \"expect\": the verdicts that pass"},
      {"[\n {\"id\": \"r\", \"retention\": {\"max\": \"two years\"}}\n]",
       "r.json:2:2: rule \"r\": \"max\" must be an ISO 8601 duration such as P2Y, P6M or P30D, not \"two years\""},
      {"[{\"id\": \"a\", \"section\": \"x\", \"expect\": [\"no\"]}]", "r.json:1:2: rule \"a\": unknown field \"expect\" for a section rule"},
      {"[{\"section\": \"x\"}]", "r.json:1:2: rule 1: missing \"id\""},
      {"[{\"id\": \"a\", \"section\": \"x\"}, {\"id\": \"a\", \"section\": \"y\"}]", "r.json:1:31: rule \"a\": duplicate rule id \"a\""},
      {"[{\"id\": \"p\", \"practice\": {\"action\": \"share\", \"recipient\": \"zzqx\"}, \"must\": \"deny\"}]",
       "r.json:1:2: rule \"p\": unknown recipient \"zzqx\""},
      {"[{\"id\": \"a\", \"ask\": \"Do you?\", \"expect\": \"maybe\"}]", "r.json:1:2: rule \"a\": \"expect\" takes yes, no, conditional or not_stated, not \"maybe\""},
      {"{\"rule\": []}", "r.json:1:1: unknown top-level field \"rule\" (expected \"rules\")"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH_AS(parse_rules("r.json", c.text), c.message.c_str(), Error);
  }
}
