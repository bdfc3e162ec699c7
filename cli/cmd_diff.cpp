// policyq diff OLD NEW: what a new version of a policy changes, ranked for CI.
#include "check/diff.hpp"
#include "check/git_source.hpp"
#include "check/report.hpp"
#include "command.hpp"
#include "output.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace policyq::cli {
namespace {

struct DiffCliOptions {
  std::string old_version;   // OLD: file, -, or REV:PATH
  std::string new_version;   // NEW: file, -, or REV:PATH
  std::string git_rev;       // --git REV: OLD is REV:NEW (NEW then the only argument)
  std::string fail_on = "high";
  std::string format;        // --format; default text (json with --json)
  double threshold = 0.5;    // --reword-threshold
};

int run_diff(const CommonOptions& common, const DiffCliOptions& opts) {
  check::Format format = check::Format::text;
  if (!opts.format.empty()) format = check::parse_format(opts.format);
  else if (common.json) format = check::Format::json;
  if (opts.fail_on != "never" && check::rank_value(opts.fail_on) == 0)
    throw Error("--fail-on: expected high, medium, low or never, not '" + opts.fail_on + "'");
  if (!common.policies.empty()) throw Error("diff: name the two versions as arguments (OLD NEW), not with --policy");
  if (opts.threshold <= 0 || opts.threshold > 1) throw Error("--reword-threshold: expected a number in (0, 1]");

  std::string old_arg = opts.old_version, new_arg = opts.new_version;
  if (!opts.git_rev.empty()) {
    if (opts.git_rev[0] == '-') throw Error("--git: '" + opts.git_rev + "' is not a revision");
    if (!new_arg.empty()) throw Error("diff --git REV takes one file (NEW), not two");
    new_arg = old_arg;
    if (new_arg.empty() || new_arg == "-") throw Error("diff --git REV PATH: name the file to compare");
    // ./PATH: git resolves it against the current directory, like the file on disk
    std::string path = new_arg;
    if (path[0] == '/') {
      std::error_code ec;
      auto rel = std::filesystem::relative(path, std::filesystem::current_path(ec), ec);
      if (!ec && !rel.empty()) path = rel.string();
    }
    if (path.rfind("./", 0) != 0 && path.rfind("../", 0) != 0) path = "./" + path;
    old_arg = opts.git_rev + ":" + path;
  }
  if (old_arg.empty() || new_arg.empty()) throw Error("diff: expected two versions, OLD and NEW (or --git REV NEW)");
  if (old_arg == "-" && new_arg == "-") throw Error("diff: only one of OLD and NEW can be - (standard input)");

  Document old_doc = check::load_version(old_arg);
  Document new_doc = check::load_version(new_arg);
  check::DiffOptions dopts;
  dopts.reword_threshold = opts.threshold;
  check::Report report = check::diff_documents(old_doc, new_doc, dopts);
  // Ranks map to severities (high → error, medium → warning, low → info).
  if (opts.fail_on == "never") report.fail_on = std::nullopt;
  else report.fail_on = opts.fail_on == "high" ? check::Severity::error : opts.fail_on == "medium" ? check::Severity::warning : check::Severity::info;
  if (!common.quiet) {
    bool color = format == check::Format::text && use_color(common);
    check::write_report(report, format, color, std::cout);
    std::cout.flush();
  }
  return check::diff_fails(report, opts.fail_on) ? 1 : 0;
}

}  // namespace

void configure_diff(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<DiffCliOptions>();
  sub.add_option("OLD", opts->old_version,
                 "Old version: a file, - for standard input, or REV:PATH read from git (e.g. origin/main:privacy.md)")
      ->type_name("OLD");
  sub.add_option("NEW", opts->new_version, "New version: a file, - or REV:PATH")->type_name("NEW");
  sub.add_option("--git", opts->git_rev,
                 "Compare the file NEW (the only argument) with its version at git revision REV (e.g. origin/main)")
      ->type_name("REV");
  sub.add_option("--fail-on", opts->fail_on, "Exit 1 when a change of this rank or higher exists: high (default), medium, low or never")
      ->type_name("RANK")
      ->check(CLI::IsMember({"high", "medium", "low", "never"}));
  sub.add_option("--format", opts->format, "Output: text (default), json, github, sarif or junit")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "github", "sarif", "junit"}));
  sub.add_option("--reword-threshold", opts->threshold,
                 "Word-set similarity (0-1) from which a changed sentence counts as reworded rather than removed and added (default 0.5)")
      ->type_name("X");
  sub.callback([&common, &status, opts] { status = run_diff(common, *opts); });
}

}  // namespace policyq::cli
