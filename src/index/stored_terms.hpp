#pragma once
// One document's index as the rows `policyq index` stores for `search --db` (the
// term_postings table, man/policyq.1), and the reader of those rows. A row holds, for one
// term, everything Index::search needs about the sentences holding it (occurrences,
// positions for the phrase bonus, sentence length, chrome, section) and the sections whose
// title path holds it (title bonus): so a query ranks a corpus from its terms' rows alone,
// with the same arithmetic (index/bm25.hpp) and the same doubles as Index::search.
#include "document/document.hpp"
#include "index/index.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policyq {

struct StoredTerm {
  std::string term;
  std::uint32_t sentences = 0;  // how many sentences hold it (its document frequency)
  std::string best;             // encoded best (tf, length) pairs: see read_best
  std::string postings;         // encoded: see stored_terms.cpp
  std::string sections;         // encoded ascending section indexes whose title path holds it
};

// Every term of index (sentences' and section titles'), in term order.
std::vector<StoredTerm> stored_terms(const Document& doc, const Index& index);

// One sentence of a term's postings.
struct StoredPosting {
  int sentence = -1;
  int tf = 0;              // occurrences, as Index counts them (at most 65535)
  std::size_t length = 0;  // the sentence's terms (stop words removed)
  bool chrome = false;
  int section = -1;
  std::vector<std::uint32_t> positions;  // of the term among the sentence's terms, ascending
};

// Reads a postings blob one sentence at a time; next() is false at the end, and sets
// damaged() when the bytes are not a well-formed blob (sentences beyond sentence_count,
// truncated numbers), so a damaged database is reported rather than read past.
class PostingReader {
public:
  PostingReader(std::string_view bytes, std::size_t sentence_count) : in_(bytes), sentence_count_(sentence_count) {}
  bool next(StoredPosting& p);
  bool damaged() const { return damaged_; }

private:
  bool number(std::uint64_t& v);
  std::string_view in_;
  std::size_t sentence_count_;
  std::int64_t previous_ = -1;
  bool damaged_ = false;
};

// A posting no other of the term beats on both counts (more occurrences, fewer terms).
struct BestPair {
  int tf = 0;
  std::size_t length = 0;
};

// The best pairs of the term's prose sentences, then (include_chrome) of its chrome ones.
// BM25 grows with tf and shrinks with length whatever the idf and average length, so the
// most a term can add to a sentence of the policy is one of these pairs' scores: search
// --db bounds a policy's best score with them before reading its postings. False when damaged.
bool read_best(std::string_view bytes, bool include_chrome, std::vector<BestPair>& out);

// The section indexes of a sections blob; false when damaged.
bool read_sections(std::string_view bytes, std::vector<int>& out);
}  // namespace policyq
