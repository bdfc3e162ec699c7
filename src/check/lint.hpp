#pragma once
// policyq lint: what a policy fails to say (contact, retention, sharing, rights, children,
// security, changes, transfers, cookies, Do Not Track, effective date), practices it both
// affirms and denies, and structural slips (empty sections, repeated titles, in-page links
// to anchors that do not exist). Each check is a rule id a config can turn off.
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
  std::map<std::string, Severity> severity;  // overrides
};
// {"disable": ["missing-dnt"], "severity": {"contradiction": "error"}} (comments allowed).
LintConfig load_lint_config(const std::string& path);
std::vector<RuleInfo> lint_rules();
Report run_lint(const std::vector<std::unique_ptr<Policy>>& policies, const LintConfig& config);
}
