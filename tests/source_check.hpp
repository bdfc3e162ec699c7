#pragma once
// Test helper: does a quote occur in the source lines it names, once markup is ignored?
// Words are compared in order; link destinations, autolink brackets and HTML entities in
// the source are not words of the rendered text.
#include "document/document.hpp"
#include "text/utf8.hpp"
#include <unicode/uchar.h>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace policyq::testing {

inline std::vector<std::string> words_of(std::string_view text, bool markdown) {
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (markdown && c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      // skip a link destination "(...)", balancing parentheses
      int depth = 0;
      std::size_t j = i + 1;
      for (; j < text.size(); ++j) {
        if (text[j] == '(') ++depth;
        else if (text[j] == ')' && --depth == 0) break;
      }
      i = j;
      if (!cur.empty()) words.push_back(cur), cur.clear();
      continue;
    }
    if (markdown && c == '<') {
      std::size_t close = text.find('>', i);
      if (close != std::string_view::npos && close - i < 200 && i + 1 < text.size() &&
          (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
        if (!cur.empty()) words.push_back(cur), cur.clear();
        // an autolink <https://…> shows its address: keep those words
        std::string_view inner = text.substr(i + 1, close - i - 1);
        if (inner.find("://") != std::string_view::npos || inner.find('@') != std::string_view::npos) continue;
        i = close;
        continue;
      }
    }
    if (markdown && c == '&') {
      std::size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        if (!cur.empty()) words.push_back(cur), cur.clear();
        i = semi;
        continue;
      }
    }
    std::size_t pos = i;
    char32_t cp = utf8::next(text, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) utf8::append(cur, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    else if (!cur.empty()) words.push_back(cur), cur.clear();
    i = pos - 1;
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

inline bool quote_in_lines(const Document& doc, std::string_view quote, int first, int last) {
  std::string source;
  for (int l = first; l <= last; ++l) {
    source += doc.line(l);
    source += '\n';
  }
  // Compare letters and digits only: rendering may join words that markup separated
  // ("[here](url)to" renders "hereto").
  std::string q, s;
  for (const auto& w : words_of(quote, false)) q += w;
  for (const auto& w : words_of(source, true)) s += w;
  if (s.find(q) != std::string::npos) return true;
  // A broken link ("text](url)" with no "[") renders its brackets and address as text.
  std::string raw;
  for (const auto& w : words_of(source, false)) raw += w;
  return raw.find(q) != std::string::npos;
}
}
