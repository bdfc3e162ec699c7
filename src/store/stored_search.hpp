#pragma once
// `search --db`'s plan: one ranking of the selected policies' sentences, the same scores
// and order as Index::search over the documents with the corpus's statistics (cli/
// cmd_search.cpp), computed from search_terms and search_postings alone:
//   1. the corpus totals (sentences, terms) from the listed policies' rows;
//   2. one pass over the query terms' small search_terms rows: each term's document
//      frequency, and each policy's upper bound (its terms' best (tf, length) pairs, every
//      bigram adjacent, every title holding every term);
//   3. policies by bound, highest first: their postings read and every candidate sentence
//      scored as Index::search scores it, the best `limit` kept in a heap, until no policy
//      left can beat the worst of them. The ranking is exact: only policies that cannot
//      enter it are skipped.
// No document is read; the caller reads those of the sentences it prints.
#include "store/sqlite.hpp"
#include "store/stored_policies.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace policyq::store {

struct StoredHit {
  std::size_t policy = 0;  // index into the listed policies
  int sentence = -1;       // index into the policy's Document::sentences
  double score = 0, bm25 = 0, phrase = 0, title = 0;
};

struct StoredRanking {
  std::vector<StoredHit> hits;  // best first; ties: policy order, then sentence order
  bool any_terms = false;       // the query has a term in some listed policy's language
};

// Throws Error when a postings row is damaged ("run policyq index --force again").
StoredRanking rank_stored(Connection& db, const std::vector<ListedPolicy>& policies, std::string_view query,
                          std::size_t limit, bool include_chrome);
}  // namespace policyq::store
