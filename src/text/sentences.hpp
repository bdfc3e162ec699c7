#pragma once
// Sentence segmentation for legal text: ICU's sentence BreakIterator behind a
// FilteredBreakIteratorBuilder that knows legal and business abbreviations
// ("U.S.", "Cal. Civ. Code", "e.g.", "Inc.", "No."), so "Cal. Civ. Code § 1798.80"
// and "No-IP.com" stay inside one sentence.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace policyq {
struct SentenceSpan {
  std::size_t begin = 0;  // byte offsets into the text given to split(),
  std::size_t end = 0;    // trimmed of surrounding white space; never empty
};

class SentenceSplitter {
public:
  // lang: ISO 639-1 code ("en", "fr", …) choosing ICU's locale rules; unknown codes use root.
  explicit SentenceSplitter(std::string_view lang = "en");
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Splits valid UTF-8 text into sentences. Text without sentence punctuation is one sentence.
  std::vector<SentenceSpan> split(std::string_view text);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
}
