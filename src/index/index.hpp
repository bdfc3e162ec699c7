#pragma once
// Inverted index over the sentences of one document: case folding, stemming and stop
// words from the document's Analyzer, BM25 ranking plus separate phrase and section-title
// features, so question answering can weigh them its own way.
#include "document/document.hpp"
#include "text/analyzer.hpp"
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policyq {

struct QueryTerms {
  std::vector<std::string> terms;   // distinct stemmed non-stop terms of the query
  std::vector<std::string> phrase;  // stemmed non-stop terms in order (for phrase matching)
};

struct SearchHit {
  int sentence = -1;    // index into Document::sentences
  double score = 0;     // bm25 + phrase + title, as search ranks
  double bm25 = 0;
  double phrase = 0;    // bonus when query terms occur adjacent, in order
  double title = 0;     // bonus for query terms in the section path's titles
};

// What ranking sentences of several documents against each other needs: one idf per term
// and one average sentence length over all of them (each Index alone knows only its own
// document's). Filled by Index::add_to_corpus over every document, then passed to search.
struct CorpusStats {
  std::size_t sentences = 0;                        // sentences of every document
  std::size_t terms = 0;                            // their (non-stop) terms, summed
  std::unordered_map<std::string, std::size_t> df;  // query term → sentences holding it
};

// The query as analyzer (a document's, for its language) makes it terms.
QueryTerms parse_query(Analyzer& analyzer, std::string_view query);

// The built index as plain arrays, for storing it elsewhere (index/stored_terms.cpp).
struct IndexArrays {
  const std::vector<std::string>& terms;                       // id → term
  const std::vector<std::uint32_t>& flat;                      // all sentences' term ids, in order
  const std::vector<std::size_t>& offsets;                     // sentence i: flat[offsets[i] .. offsets[i+1])
  const std::vector<std::vector<std::uint32_t>>& title_terms;  // section → ids in its path's titles (sorted)
};

class Index {
public:
  // Built from doc, or read from the cache when doc was loaded from a file (content_hash).
  explicit Index(const Document& doc);
  // Built from doc without the cache: `policyq index` analyses thousands of files once, and
  // a cache file per policy would cost more than it saves.
  static std::unique_ptr<Index> build_uncached(const Document& doc);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  const Document& document() const;
  Analyzer& analyzer() const;
  QueryTerms parse_query(std::string_view query) const;

  // One hit per sentence that matches at least one term, best first (ties: document order).
  // Chrome sentences are left out unless include_chrome.
  // corpus: rank by the statistics of a whole corpus this document is part of (the scores
  // of all its documents then compare); nullptr: by this document's own.
  std::vector<SearchHit> search(const QueryTerms& q, std::size_t limit, bool include_chrome = false,
                                const CorpusStats* corpus = nullptr) const;
  // Adds this document's sentences, terms and the document frequencies of q's terms.
  void add_to_corpus(const QueryTerms& q, CorpusStats& corpus) const;

  // The features for one sentence, matching or not (score is their sum).
  SearchHit features(const QueryTerms& q, int sentence) const;

  // Stemmed terms of a sentence, in order (stop words removed).
  std::vector<std::string> sentence_terms(int sentence) const;
  // Inverse document frequency of a stemmed term over the document's sentences (0 if absent).
  double idf(const std::string& term) const;

  IndexArrays arrays() const;

  // The built index as bytes, and back (the analysis cache keeps them): restore gives
  // nullptr when snapshot is not a well-formed index of doc's sentences and sections.
  std::string snapshot() const;
  static std::unique_ptr<Index> restore(const Document& doc, std::string_view snapshot);

private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};
}
