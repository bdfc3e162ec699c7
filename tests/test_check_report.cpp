// Every output format of the CI commands, parsed back.
#include "check/report.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

using namespace policyq::check;

namespace {
Report sample() {
  Report r;
  r.command = "check";
  r.inputs = {"policy.md"};
  r.rules = {{"no-sale", "we never sell", Severity::error}, {"kids", "a children section", Severity::warning}};
  r.findings.push_back({"no-sale", "\"Do you sell?\" is answered no", "verdict yes, expected no: <b>&</b>", Severity::error, "", false,
                        {{"policy.md", 12, 13, "We may sell your data, including \"profiles\".", ""}}});
  r.findings.push_back({"kids", "section Children is present", "found", Severity::warning, "", true, {{"policy.md", 40, 44, "Children", ""}}});
  r.findings.push_back({"retention-changed", "P2Y → P5Y", "longer", Severity::info, "low", false,
                        {{"new.md", 7, 7, "five years", "new"}, {"old.md", 7, 7, "two years", "old"}}});
  r.summary = {{"failed", 2}};
  return r;
}

std::string render(Format f) {
  std::ostringstream out;
  write_report(sample(), f, false, out);
  return out.str();
}

// A small well-formedness check: balanced tags, quoted attributes, escaped text.
bool well_formed_xml(const std::string& xml, std::vector<std::string>& names) {
  std::vector<std::string> stack;
  std::size_t i = xml.find("?>");
  if (xml.rfind("<?xml", 0) != 0 || i == std::string::npos) return false;
  for (i += 2; i < xml.size(); ++i) {
    if (xml[i] == '&') {
      std::size_t semi = xml.find(';', i);
      std::string ent = xml.substr(i, semi - i + 1);
      if (ent != "&amp;" && ent != "&lt;" && ent != "&gt;" && ent != "&quot;" && ent != "&apos;") return false;
      continue;
    }
    if (xml[i] != '<') continue;
    std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return false;
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1)) return false;
      stack.pop_back();
    } else {
      std::string name = tag.substr(0, tag.find_first_of(" /"));
      names.push_back(name);
      if (std::count(tag.begin(), tag.end(), '"') % 2) return false;
      if (tag.back() != '/') stack.push_back(name);
    }
    i = end;
  }
  return stack.empty();
}
}  // namespace

TEST_CASE("JSON report keeps every finding, location and rule") {
  auto j = nlohmann::json::parse(render(Format::json));
  CHECK(j["command"] == "check");
  REQUIRE(j["findings"].size() == 3);
  CHECK(j["findings"][0]["locations"][0]["line"] == 12);
  CHECK(j["findings"][1]["passed"] == true);
  CHECK(j["findings"][2]["rank"] == "low");
  CHECK(j["rules"].size() == 3);  // the finding's own rule is listed too
}

TEST_CASE("SARIF 2.1.0 has the required fields, levels and physical locations of failures") {
  auto j = nlohmann::json::parse(render(Format::sarif));
  CHECK(j["version"] == "2.1.0");
  CHECK(j.contains("$schema"));
  auto run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "policyq");
  auto rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 3);
  for (const auto& r : rules) {
    CHECK(r.contains("id"));
    CHECK(r["shortDescription"].contains("text"));
  }
  auto results = run["results"];
  REQUIRE(results.size() == 2);  // passed findings are not results
  CHECK(results[0]["ruleId"] == "no-sale");
  CHECK(results[0]["level"] == "error");
  CHECK(results[0]["message"].contains("text"));
  CHECK(rules[results[0]["ruleIndex"].get<int>()]["id"] == "no-sale");
  auto loc = results[0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "policy.md");
  CHECK(loc["region"]["startLine"] == 12);
  CHECK(loc["region"]["endLine"] == 13);
  CHECK(results[1]["level"] == "note");
  CHECK(results[1]["locations"].size() == 2);
}

TEST_CASE("JUnit XML is well formed with a test case per rule and failures for failed rules") {
  std::string xml = render(Format::junit);
  std::vector<std::string> names;
  REQUIRE(well_formed_xml(xml, names));
  CHECK(std::count(names.begin(), names.end(), "testcase") == 3);
  CHECK(std::count(names.begin(), names.end(), "failure") == 2);
  CHECK(xml.find("tests=\"3\" failures=\"2\"") != std::string::npos);
  CHECK(xml.find("&lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("GitHub format prints escaped workflow commands for failures, then the text report") {
  std::string out = render(Format::github);
  CHECK(out.rfind("::error file=policy.md,line=12,endLine=13,title=no-sale%3A \"Do you sell?\" is answered no::verdict yes, expected no: <b>&</b>\n", 0) == 0);
  CHECK(out.find("::notice file=new.md,line=7,endLine=7,title=retention-changed%3A P2Y → P5Y::longer\n") != std::string::npos);
  CHECK(out.find("::warning") == std::string::npos);  // the passed rule is no annotation
  CHECK(out.find("PASS kids") != std::string::npos);
}

TEST_CASE("text report marks passes and failures and quotes locations") {
  std::string out = render(Format::text);
  CHECK(out.find("ERROR no-sale") != std::string::npos);
  CHECK(out.find("  policy.md:12-13\n    > We may sell your data") != std::string::npos);
  CHECK(out.find("INFO retention-changed [low]") != std::string::npos);
  CHECK(out.find("  new new.md:7\n") != std::string::npos);
}
