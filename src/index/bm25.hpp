#pragma once
// The arithmetic of search's score, in one place: Index ranks one document's sentences with
// it and `search --db` (store/stored_search.cpp) ranks stored postings with it, and the two
// must give the same doubles, operation for operation, for the same ranking.
#include <algorithm>
#include <cmath>
#include <cstddef>

namespace policyq::bm25 {
inline constexpr double k1 = 1.2;
inline constexpr double b = 0.75;
inline constexpr double phrase_weight = 1.5;  // all query bigrams adjacent, in order
inline constexpr double title_weight = 0.4;   // per unit of idf found in the section path

// n sentences, df of them holding the term.
inline double idf(std::size_t n, std::size_t df) {
  double dn = static_cast<double>(n), ddf = static_cast<double>(df);
  return std::log(1.0 + (dn - ddf + 0.5) / (ddf + 0.5));
}

// Average sentence length in terms, at least 1 (1 for no sentences).
inline double average_length(std::size_t terms, std::size_t sentences) {
  return sentences == 0 ? 1.0 : std::max(1.0, static_cast<double>(terms) / static_cast<double>(sentences));
}

// One term's part of a sentence's BM25: tf occurrences in a sentence of len terms.
inline double term_score(double idf, int tf, std::size_t len, double avg_len) {
  double l = static_cast<double>(len);
  return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * l / avg_len));
}

// matched of the phrase's size - 1 bigrams found adjacent (size >= 2).
inline double phrase_score(int matched, std::size_t phrase_size) {
  return phrase_weight * matched / static_cast<double>(phrase_size - 1);
}
}  // namespace policyq::bm25
