#pragma once
// Turns text into index terms: words (Unicode letters/digits; apostrophes and other
// punctuation split), case-folded, stop words flagged, stemmed with the Snowball stemmer
// of the document's language. The same Analyzer must be used for documents and queries.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policyq {
struct Token {
  std::string term;      // folded and stemmed: what the index stores
  std::string folded;    // case-folded surface form ("sharing")
  std::size_t begin = 0; // byte offsets of the word in the analysed text
  std::size_t end = 0;
  bool stop = false;     // a stop word of the language
};

class Analyzer {
public:
  // lang: ISO 639-1 code. Languages without a Snowball stemmer fold but do not stem.
  explicit Analyzer(std::string_view lang = "en");
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  const std::string& language() const;
  std::vector<Token> analyze(std::string_view text);  // text must be valid UTF-8
  std::string fold(std::string_view word) const;      // Unicode case folding
  const std::string& stem(std::string_view folded);   // cached per distinct word
  bool is_stop(std::string_view folded) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
}
