#pragma once
// `policyq merge OUT.db IN.db…`: joins databases built by `policyq index` (the shards of
// `index --shard K/N`, each built on its own machine or worker) into one, which answers
// every command exactly as a database indexed in one run would: the policies are read in
// path order whichever database held them.
#include <cstddef>
#include <string>
#include <vector>

namespace policyq::store {

struct MergeReport {
  std::size_t databases = 0, policies = 0;
};

// Builds out from inputs, all or nothing: out is written under a temporary name and
// renamed when complete, so an interrupted merge leaves no half database. Throws Error
// when out exists (nothing is overwritten), an input is not a database of this schema, or
// two inputs hold the same file (shards that overlap).
MergeReport merge_databases(const std::string& out, const std::vector<std::string>& inputs);
}  // namespace policyq::store
