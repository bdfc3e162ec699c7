// policyq merge OUT.db IN.db…: joins the databases of `index --shard K/N` into one. The
// work is in src/store/merge.cpp; this file reads the arguments and prints the counts.
#include "command.hpp"
#include "output.hpp"
#include "store/merge.hpp"
#include "util/error.hpp"

#include <cstdio>
#include <memory>

namespace policyq::cli {
namespace {
struct MergeOptions {
  std::string out;
  std::vector<std::string> inputs;
};

int run_merge(const CommonOptions& common, const MergeOptions& opts) {
  if (!common.policies.empty()) throw Error("merge: joins databases, it reads no --policy");
  store::MergeReport r = store::merge_databases(opts.out, opts.inputs);
  if (common.quiet) return 0;
  if (common.json) print_json({{"db", opts.out}, {"databases", r.databases}, {"policies", r.policies}});
  else std::printf("%s: %zu policies from %zu databases\n", opts.out.c_str(), r.policies, r.databases);
  return 0;
}
}  // namespace

void configure_merge(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<MergeOptions>();
  sub.add_option("OUT", opts->out, "The database to build (must not exist yet)")->required()->type_name("OUT.db");
  sub.add_option("IN", opts->inputs, "Databases made by policyq index (e.g. its --shard K/N runs)")
      ->required()
      ->type_name("IN.db");
  sub.footer(
      "Answers from the merged database are those of one database indexed in one run. Two inputs holding the same "
      "file are refused; the result is written under a temporary name and renamed when complete.");
  sub.callback([&common, &status, opts] { status = run_merge(common, *opts); });
}
}  // namespace policyq::cli
