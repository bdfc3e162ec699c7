#pragma once
// Rules for `policyq check`: JSON (comments allowed), either {"rules": [...]} or a bare
// array. Each rule has an id, a severity (error | warning | info, default error), an
// optional message, and exactly one kind:
//   {"ask": "Do you sell personal data?", "expect": ["no"]}            expected verdict(s)
//   {"retention": {"data": "personal information", "max": "P2Y"}}     longest period allowed
//   {"section": "Children"}                                           required section (title, anchor or path)
//   {"practice": {"action": "share", "data": "location", "recipient": "advertisers"},
//    "must": "deny" | "not_affirm"}                                    a statement required or forbidden
//   {"phrase": "Do Not Track", "must": "appear" | "not_appear"}       normalised text
// Mistakes are reported as "RULES.json:LINE:COL: what is wrong" (exit status 2).
#include "check/report.hpp"
#include <string>
#include <vector>

namespace policyq::check {

struct Rule {
  enum class Kind { ask, retention, section, practice, phrase };
  std::string id;
  Kind kind = Kind::ask;
  Severity severity = Severity::error;
  std::string message;
  int line = 0, column = 0;  // of the rule in its file

  std::string question;              // ask
  std::vector<std::string> expect;   // ask: verdicts that pass
  std::string data, recipient, purpose, action;  // retention (data), practice
  std::string max;                   // retention: ISO 8601 duration
  double max_days = 0;
  std::string section;               // section
  std::string phrase;                // phrase
  std::string must;                  // practice: deny | not_affirm; phrase: appear | not_appear
};

std::vector<Rule> parse_rules(const std::string& name, const std::string& text);
std::vector<Rule> load_rules(const std::string& path);
const char* to_string(Rule::Kind kind);
}
