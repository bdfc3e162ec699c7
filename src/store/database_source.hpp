#pragma once
// Policies read back from a database built by `policyq index` (--db): each Document is
// restored from the text and analysis stored for it, without parsing, so every command
// prints what it prints from the files. One policy is read at a time.
//
// Before handing a policy out, the source compares its file with what was indexed (size
// and modification time, then the bytes' hash): a file changed or deleted since is
// reported through on_error ("FILE: changed since indexing …: run policyq index again")
// and still answered from the indexed copy, which the database keeps whole.
#include "document/policy_source.hpp"
#include "query/verdict.hpp"

#include <memory>
#include <string>
#include <vector>

namespace policyq::store {

// select: --policy paths narrowing the database to the policies stored under them (by the
// path as indexed, or by absolute path); empty: every policy, in path order. Throws Error
// when the database is missing, locked, damaged, of another schema or not policyq's, or
// when a selected path matches no stored policy.
//
// only_stating: a corpus question that counts or prints no "not stated" answer: the source
// leaves out, unread, the policies that cannot answer it otherwise (stating_policies.hpp)
// and counts them in left_out. They are not compared with their files either. Ignored (all
// are read) when the database was analysed with other practice rules than this policyq's.
struct OnlyStating {
  query::Question question;
  query::StatingTest test;
  std::size_t left_out = 0;
};
std::unique_ptr<PolicySource> open_database(const std::string& db, const std::vector<std::string>& select,
                                            SourceOptions options, OnlyStating* only_stating = nullptr);
}  // namespace policyq::store
