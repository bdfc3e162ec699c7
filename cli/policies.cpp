#include "policies.hpp"
#include "store/database_source.hpp"
#include "text/encoding.hpp"

#include <cstdlib>
#include <iostream>

namespace policyq::cli {
namespace {
int skipped = 0;
}

void report_input_error(const Error& e) {
  ++skipped;
  std::cerr << "policyq: error: " << e.what() << "\n";
}

void report_warning(const std::string& message, bool quiet) {
  if (!quiet) std::cerr << "policyq: warning: " << message << "\n";
}

int input_errors() { return skipped; }

std::string database_path(const CommonOptions& common, const std::vector<std::string>& extra) {
  if (!common.db.empty()) return common.db;
  // The environment names a default corpus; a policy named on the command line wins over it.
  const char* env = std::getenv("POLICYQ_DB");
  if (env && *env && common.policies.empty() && extra.empty()) return env;
  return {};
}

std::unique_ptr<PolicySource> open_policies(const CommonOptions& common, const std::vector<std::string>& extra,
                                            bool report_errors, store::OnlyStating* only_stating) {
  check_encoding_name(common.encoding);
  SourceOptions options;
  options.encoding = common.encoding;
  options.on_error = report_errors ? std::function<void(const Error&)>(report_input_error) : [](const Error&) {};
  bool quiet = common.quiet || !report_errors;
  options.on_warning = [quiet](const std::string& m) { report_warning(m, quiet); };
  std::vector<std::string> paths = common.policies;
  paths.insert(paths.end(), extra.begin(), extra.end());
  std::string db = database_path(common, extra);
  if (!db.empty()) return store::open_database(db, paths, std::move(options), only_stating);
  return open_files(paths, std::move(options));
}
}  // namespace policyq::cli
