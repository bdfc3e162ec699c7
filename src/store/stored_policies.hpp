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
  std::string language;
  std::size_t sentences = 0, terms = 0;  // sentence_count and term_count
  std::string path, abs_path;            // "" until with_paths (a selection fills them)
};

// select: --policy paths (as indexed, or absolute); empty: every policy. In path order.
// Throws Error naming a selected path that matches no stored policy.
std::vector<ListedPolicy> list_policies(Connection& db, const std::vector<std::string>& select);

// p with its paths, read when the listing left them out: search --db needs the paths of
// the few policies it prints, not of 20,000.
ListedPolicy& with_paths(Connection& db, ListedPolicy& p);

// A policy answered from the database while its file says something else would quote
// lines the file no longer has: tells on_error (or throws when there is none), once.
// p must have its paths (with_paths).
void report_if_stale(Connection& db, const ListedPolicy& p, const SourceOptions& options);

// The policy's Document as indexed (p with its paths). Throws Error when it is gone or its
// analysis is damaged.
Document read_document(Connection& db, const ListedPolicy& p);

// What printing some of p's sentences reads (cli/search_output.cpp), from the sections and
// sentences rows rather than the whole document: the name, language, every section's
// title, anchor, path and preamble flag, and the given sentences (the others left empty).
// Falls back to read_document when the rows do not agree with themselves.
Document read_sentences(Connection& db, const ListedPolicy& p, const std::vector<int>& sentences);
}  // namespace policyq::store
