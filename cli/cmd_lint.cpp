// policyq lint [POLICY…]: missing disclosures, contradictions, structural slips.
#include "check/check.hpp"
#include "check/lint.hpp"
#include "command.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "util/error.hpp"
#include <iostream>
#include <set>

namespace policyq::cli {
namespace {
struct LintOptions {
  std::vector<std::string> policies;
  std::vector<std::string> disable;
  std::vector<std::string> enable;
  std::string config;
  std::string format;
  std::string fail_on = "error";
};

int run_lint_command(const CommonOptions& common, const LintOptions& opts) {
  check::Format format = opts.format.empty() ? (common.json ? check::Format::json : check::Format::text) : check::parse_format(opts.format);
  check::Severity fail_on = check::parse_severity(opts.fail_on);
  check::LintConfig config = opts.config.empty() ? check::LintConfig{} : check::load_lint_config(opts.config);
  std::set<std::string> known;
  for (const auto& r : check::lint_rules()) known.insert(r.id);
  for (const std::string& id : opts.disable) {
    if (!known.count(id)) throw Error("--disable: unknown rule '" + id + "' (see policyq(1) for the rule ids)");
    config.disabled.insert(id);
  }
  for (const std::string& id : opts.enable) {
    if (!known.count(id)) throw Error("--enable: unknown rule '" + id + "' (see policyq(1) for the rule ids)");
    config.enabled.insert(id);
  }
  std::unique_ptr<PolicySource> source = open_policies(common, opts.policies);
  std::vector<std::unique_ptr<check::Policy>> policies;
  for (Document& d : read_all(*source)) policies.push_back(std::make_unique<check::Policy>(std::move(d)));
  check::Report report = check::run_lint(policies, config);
  report.fail_on = fail_on;
  if (!common.quiet) check::write_report(report, format, use_color(common), std::cout);
  return check::fails(report, fail_on) ? 1 : 0;
}
}  // namespace

void configure_lint(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<LintOptions>();
  sub.add_option("POLICY", opts->policies, "Policies to lint (as --policy); default: the bundled policy")->type_name("PATH");
  sub.add_option("--disable", opts->disable, "Turn a rule off (repeatable), e.g. missing-dnt")
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--enable", opts->enable, "Turn on a rule that is off by default (repeatable): contradiction, duplicate-title")
      ->type_name("RULE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--config", opts->config, "JSON: {\"disable\": [rule…], \"enable\": [rule…], \"severity\": {rule: error|warning|info}}")
      ->type_name("FILE");
  sub.add_option("--format", opts->format, "text, json, github, sarif or junit (default: text; json with --json)")->type_name("FORMAT");
  sub.add_option("--fail-on", opts->fail_on, "Exit 1 when a finding of this severity or worse exists: error (default), warning or info")
      ->type_name("SEVERITY");
  sub.callback([&common, &status, opts] { status = run_lint_command(common, *opts); });
}
}
