#pragma once
// The policies of a database as the read commands select them (--policy narrows, path
// order), each compared with its file (changed or deleted since indexing), and one
// policy's Document read back. Shared by DatabaseSource, which streams documents, and
// `search --db`, which ranks from search_terms and search_postings and reads only the documents it prints.
#include "document/document.hpp"
#include "document/policy_source.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace policyq::store {

struct ListedPolicy {
  std::int64_t id = 0;
  std::string path, abs_path, content_hash, language;
  std::int64_t size = 0, mtime_ns = 0;
  std::size_t sentences = 0, terms = 0;  // sentence_count and term_count
};

// select: --policy paths (as indexed, or absolute); empty: every policy. In path order.
// Throws Error naming a selected path that matches no stored policy.
std::vector<ListedPolicy> list_policies(Connection& db, const std::vector<std::string>& select);

// A policy answered from the database while its file says something else would quote
// lines the file no longer has: tells on_error (or throws when there is none), once.
void report_if_stale(const ListedPolicy& p, const SourceOptions& options);

// The policy's Document as indexed. Throws Error when it is gone or its analysis is damaged.
Document read_document(Connection& db, const ListedPolicy& p);
}  // namespace policyq::store
