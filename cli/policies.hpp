#pragma once
// The policies a command reads, one at a time: from --db FILE (or POLICYQ_DB), else the
// --policy paths, else the bundled policy. A policy that cannot be read is reported on
// stderr ("policyq: error: FILE[:LINE]: …") and skipped; run() then exits 2 at the end.
#include "command.hpp"
#include "document/policy_source.hpp"
#include "store/database_source.hpp"

#include <memory>
#include <string>
#include <vector>

namespace policyq::cli {

// extra: the command's positional policies (lint and check), added to --policy.
// report_errors false: a first pass over policies that a second pass reads again (and
// reports) skips the unreadable ones silently, so each is reported once.
// only_stating: see store::open_database (files are all read: they store no practices).
std::unique_ptr<PolicySource> open_policies(const CommonOptions& common, const std::vector<std::string>& extra = {},
                                            bool report_errors = true, store::OnlyStating* only_stating = nullptr);

// The database the command reads: --db, else $POLICYQ_DB when no policy is named; "" for none.
std::string database_path(const CommonOptions& common, const std::vector<std::string>& extra = {});

// Reports a skipped policy (counted for the exit status) or a warning (not with -q).
void report_input_error(const Error& e);
void report_warning(const std::string& message, bool quiet);
// How many policies were skipped: run() exits 2 when any was.
int input_errors();
}  // namespace policyq::cli
