// policyq check --rules RULES.json [POLICY…]: rules a policy must keep, for CI.
#include "check/check.hpp"
#include "command.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "util/error.hpp"
#include <iostream>

namespace policyq::cli {
namespace {
struct CheckOptions {
  std::string rules;
  std::vector<std::string> policies;  // positional, added to --policy
  std::string format;
  std::string fail_on = "error";
};

int run_check_command(const CommonOptions& common, const CheckOptions& opts) {
  check::Format format = opts.format.empty() ? (common.json ? check::Format::json : check::Format::text) : check::parse_format(opts.format);
  check::Severity fail_on = check::parse_severity(opts.fail_on);
  std::vector<check::Rule> rules = check::load_rules(opts.rules);
  std::unique_ptr<PolicySource> source = open_policies(common, opts.policies);
  std::vector<std::unique_ptr<check::Policy>> policies;
  for (Document& d : read_all(*source)) policies.push_back(std::make_unique<check::Policy>(std::move(d)));
  check::Report report = check::run_check(rules, policies);
  report.fail_on = fail_on;
  if (!common.quiet) check::write_report(report, format, use_color(common), std::cout);
  return check::fails(report, fail_on) ? 1 : 0;
}
}  // namespace

void configure_check(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<CheckOptions>();
  sub.add_option("-r,--rules", opts->rules, "Rules file (JSON, comments allowed); see policyq(1)")->required()->type_name("RULES.json");
  sub.add_option("POLICY", opts->policies, "Policies to check (as --policy); default: the bundled policy")->type_name("PATH");
  sub.add_option("--format", opts->format, "text, json, github, sarif or junit (default: text; json with --json)")->type_name("FORMAT");
  sub.add_option("--fail-on", opts->fail_on, "Exit 1 when a rule of this severity or worse fails: error (default), warning or info")
      ->type_name("SEVERITY");
  sub.callback([&common, &status, opts] { status = run_check_command(common, *opts); });
}
}
