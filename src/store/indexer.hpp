#pragma once
// `policyq index`: brings a database up to date with policy files. Incremental by content
// hash: an unchanged file is skipped, a changed one replaced, one no longer found under
// the paths indexed dropped. Workers (one per core by default) read, decode and analyse
// files; the calling thread alone writes, one transaction per batch, and at most a few
// analysed policies wait between them, so memory does not grow with the corpus.
#include "util/error.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace policyq::store {

struct IndexProgress {
  std::size_t files_done = 0, files_total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  double seconds = 0;  // since indexing started
};

struct IndexOptions {
  std::vector<std::string> paths;  // files and folders, as --policy takes them (not "-")
  std::string db;
  std::string encoding = "auto";
  unsigned jobs = 0;               // worker threads; 0: one per core
  bool force = false;              // analyse every file again, changed or not
  std::size_t batch = 32;          // policies per transaction
  // --shard K/N: only the files whose relative path hashes to K of N (shard_count 0: all).
  // Indexing shards 1/N … N/N into N databases and merging them gives the one database.
  unsigned shard = 0, shard_count = 0;
  std::function<void(const Error&)> on_error;            // a file skipped, and why
  std::function<void(const std::string&)> on_warning;
  std::function<void(const IndexProgress&)> on_progress;  // after each file
};

struct IndexReport {
  std::size_t added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0;
  std::size_t files = 0;     // files found under the paths
  std::uint64_t bytes = 0;   // their size
  bool created = false;      // the database (or its tables) was made by this run
};

// "K/N" → (K, N), 1 ≤ K ≤ N; throws Error naming --shard otherwise.
std::pair<unsigned, unsigned> parse_shard(const std::string& text);
// The shard (1 … count) of a file: by FNV-1a of its path relative to the PATH it was found
// under (the file name for a file named itself), so that every machine splits a corpus
// the same way wherever the corpus is mounted.
unsigned shard_of(const std::string& relative_path, unsigned count);

// Throws Error for what stops the whole run (paths missing, database locked, of another
// schema, not a database, disk full); a file that cannot be read or decoded is reported
// through on_error and counted in failed, and its stored version (if any) is kept.
IndexReport index_policies(const IndexOptions& options);
}  // namespace policyq::store
