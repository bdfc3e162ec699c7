#pragma once
// Turns text into index terms: words (Unicode letters/digits; apostrophes and other
// punctuation split), case-folded, stop words flagged, stemmed with the Snowball stemmer
// of the document's language. The same Analyzer must be used for documents and queries.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace policyq {
struct Token {
  std::string term;      // folded and stemmed: what the index stores
  std::string folded;    // case-folded surface form ("sharing")
  std::size_t begin = 0; // byte offsets of the word in the analysed text
  std::size_t end = 0;
  bool stop = false;     // a stop word of the language
};

// One word as the indexer sees it, without copying strings.
struct Word {
  std::size_t begin = 0, end = 0;   // byte offsets in the analysed text
  std::uint32_t id = 0;             // stable per distinct folded word (no_id once the cache is full)
  const std::string* term = nullptr;  // folded and stemmed; valid until the next call
  bool stop = false;
  static constexpr std::uint32_t no_id = 0xFFFFFFFFu;
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
  // The same words as analyze(), handed to f one at a time (the fast path for indexing).
  template <class F>
  void for_each_word(std::string_view text, F&& f) {
    scan(text, [](void* ctx, const Word& w) { (*static_cast<std::remove_reference_t<F>*>(ctx))(w); }, &f);
  }
  void scan(std::string_view text, void (*callback)(void*, const Word&), void* ctx);
  std::string fold(std::string_view word) const;      // Unicode case folding
  const std::string& stem(std::string_view folded);   // cached per distinct word
  bool is_stop(std::string_view folded) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
}
