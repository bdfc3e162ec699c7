#pragma once
// policyq check: rules (see rules.hpp) evaluated on each policy. Every rule gives one
// finding per policy, passed or failed, with the quotes that decided it.
#include "check/policy.hpp"
#include "check/report.hpp"
#include "check/rules.hpp"
#include <memory>
#include <vector>

namespace policyq::check {
Report run_check(const std::vector<Rule>& rules, const std::vector<std::unique_ptr<Policy>>& policies);
// Whether a failed finding at fail_on or more severe is in the report.
bool fails(const Report& report, Severity fail_on);
}
