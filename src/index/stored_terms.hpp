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

// The section indexes of a sections blob; false when damaged.
bool read_sections(std::string_view bytes, std::vector<int>& out);
}  // namespace policyq
