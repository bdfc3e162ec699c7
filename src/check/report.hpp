#pragma once
// Findings of the CI commands (check, diff, lint) and their output formats: text for
// people, JSON for pipelines, GitHub workflow commands, SARIF 2.1.0, JUnit XML.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace policyq::check {

enum class Format { text, json, github, sarif, junit };
// "text", "json", "github", "sarif", "junit"; throws Error otherwise.
Format parse_format(const std::string& name);

// error / warning / info; diff's ranks map high → error, medium → warning, low → info.
enum class Severity { error, warning, info };
const char* to_string(Severity s);
Severity parse_severity(const std::string& name);  // throws Error for other names

struct Location {
  std::string file;       // as the user named it
  int line = 0;           // 1-based; 0 when the finding is about the whole file
  int end_line = 0;
  std::string quote;      // the policy's text there (rendered), may be empty
  std::string role;       // "old" / "new" for diff, "" otherwise
};

struct Finding {
  std::string rule;       // rule id: "no-sale", "missing-retention", "retention-changed" …
  std::string title;      // one line, for annotations and test names
  std::string message;    // why, in the policy's terms
  Severity severity = Severity::warning;
  std::string rank;       // diff only: "high" | "medium" | "low"
  bool passed = false;    // check reports passing rules too (JUnit test cases)
  std::vector<Location> locations;  // the primary location first
  nlohmann::json extra = nlohmann::json::object();  // command-specific fields for JSON
};

struct RuleInfo {
  std::string id;
  std::string description;
  Severity severity = Severity::warning;
};

struct Report {
  std::string command;              // "check" | "diff" | "lint"
  std::vector<std::string> inputs;  // the policy files (or "OLD → NEW")
  std::vector<RuleInfo> rules;      // every rule that ran (SARIF's tool.driver.rules)
  std::vector<Finding> findings;    // in the order to print
  nlohmann::json summary = nlohmann::json::object();  // command-specific totals
  // Failed findings at this severity or worse make the run fail (JUnit failures);
  // nullopt: nothing fails (diff --fail-on never).
  std::optional<Severity> fail_on = Severity::info;
};

// Writes the report in the format. github prints one workflow command per failing
// finding (::error file=F,line=L,endLine=E,title=T::message) and then the full text report.
void write_report(const Report& report, Format format, bool color, std::ostream& out);

}  // namespace policyq::check
