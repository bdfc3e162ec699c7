#pragma once
// policyq lint: what a policy fails to say (contact, retention, sharing, rights, children,
// security, changes, transfers, cookies, Do Not Track, effective date), practices it both
// affirms and denies, and structural slips (empty sections, repeated titles, in-page links
// to anchors that do not exist). Each check is a rule id a config can turn off, or, for
// the rules that are off by default, turn on.
#include "check/policy.hpp"
#include "check/report.hpp"
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace policyq::check {
struct LintConfig {
  std::set<std::string> disabled;
  std::set<std::string> enabled;             // rules that are off by default, turned on
  std::map<std::string, Severity> severity;  // overrides
  // Whether rule id runs: not disabled, and on by default or enabled (disable wins).
  bool runs(const std::string& id) const;
};
// {"disable": ["missing-dnt"], "enable": ["contradiction"], "severity": {"contradiction": "error"}}
// (comments allowed).
LintConfig load_lint_config(const std::string& path);
std::vector<RuleInfo> lint_rules();
// contradiction and duplicate-title are off unless enabled: too many of their findings on
// real policies were wrong.
bool lint_rule_on_by_default(const std::string& id);
Report run_lint(const std::vector<std::unique_ptr<Policy>>& policies, const LintConfig& config);
}
