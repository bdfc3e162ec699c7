// policyq index PATH… --db FILE: builds or updates the database the other commands read
// with --db. The work is in src/store/indexer.cpp; this file reads options, shows progress
// on a terminal and prints what changed.
#include "command.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "store/indexer.hpp"
#include "text/encoding.hpp"
#include "util/error.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <tuple>

namespace policyq::cli {
namespace {
struct IndexCommandOptions {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  bool force = false;
  std::string shard;  // K/N
};

// "12/282 files  4.8 MB/s  ETA 0:05" on one line of stderr, redrawn at most ten times a second.
class ProgressLine {
public:
  explicit ProgressLine(bool on) : on_(on) {}
  ~ProgressLine() { clear(); }

  void update(const store::IndexProgress& p) {
    if (!on_ || (p.seconds - last_ < 0.1 && p.files_done < p.files_total)) return;
    last_ = p.seconds;
    double mb = static_cast<double>(p.bytes_done) / 1e6;
    double rate = p.seconds > 0 ? mb / p.seconds : 0;
    double left = rate > 0 ? (static_cast<double>(p.bytes_total - p.bytes_done) / 1e6) / rate : 0;
    int eta = static_cast<int>(left + 0.5);
    std::fprintf(stderr, "\r\033[Kindexing %zu/%zu files  %.1f MB/s  ETA %d:%02d", p.files_done, p.files_total, rate, eta / 60,
                 eta % 60);
    std::fflush(stderr);
    shown_ = true;
  }
  // Before any other line goes to stderr, and at the end.
  void clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }

private:
  bool on_;
  bool shown_ = false;
  double last_ = -1;
};

int run_index(const CommonOptions& common, const IndexCommandOptions& opts) {
  std::string db = database_path(common, opts.paths);
  if (db.empty()) throw Error("--db: say which database file to build or update (or set POLICYQ_DB)");
  store::IndexOptions options;
  options.paths = common.policies;
  options.paths.insert(options.paths.end(), opts.paths.begin(), opts.paths.end());
  if (options.paths.empty()) throw Error("index: name the policy files or folders to index (PATH…)");
  check_encoding_name(common.encoding);
  options.db = db;
  options.encoding = common.encoding;
  options.jobs = opts.jobs;
  options.force = opts.force;
  if (!opts.shard.empty()) std::tie(options.shard, options.shard_count) = store::parse_shard(opts.shard);
  ProgressLine progress(!common.quiet && isatty(STDERR_FILENO) == 1);
  options.on_progress = [&](const store::IndexProgress& p) { progress.update(p); };
  options.on_error = [&](const Error& e) {
    progress.clear();
    report_input_error(e);
  };
  options.on_warning = [&](const std::string& m) {
    progress.clear();
    report_warning(m, common.quiet);
  };
  store::IndexReport r = store::index_policies(options);
  progress.clear();
  if (common.quiet) return 0;
  if (common.json) {
    print_json({{"db", db},         {"files", r.files},         {"bytes", r.bytes},     {"added", r.added},
                {"updated", r.updated}, {"unchanged", r.unchanged}, {"removed", r.removed}, {"failed", r.failed}});
  } else {
    std::printf("%s: %zu files (%.1f MB): %zu added, %zu updated, %zu unchanged, %zu removed, %zu failed\n", db.c_str(),
                r.files, static_cast<double>(r.bytes) / 1e6, r.added, r.updated, r.unchanged, r.removed, r.failed);
  }
  return 0;
}
}  // namespace

void configure_index(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<IndexCommandOptions>();
  sub.add_option("PATH", opts->paths, "Policy files and folders (every *.md below); added to --policy")->type_name("PATH");
  sub.add_option("-j,--jobs", opts->jobs, "Worker threads that read and analyse files (default: one per core)")->type_name("N");
  sub.add_flag("--force", opts->force, "Analyse every file again, changed or not (after upgrading policyq)");
  sub.add_option("--shard", opts->shard,
                 "Index only share K of N of the files (by a hash of each file's path relative to PATH), into a "
                 "database of its own; policyq merge joins the N databases into the one a single index builds")
      ->type_name("K/N");
  sub.footer(
      "Incremental: files whose bytes are unchanged are skipped, changed ones replaced, and policies stored from "
      "under PATH that are no longer there dropped. A file that cannot be read is reported and skipped (exit "
      "status 2). The schema is in policyq(1).");
  sub.callback([&common, &status, opts] { status = run_index(common, *opts); });
}
}  // namespace policyq::cli
