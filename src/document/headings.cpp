#include "document/headings.hpp"
#include <cctype>
#include <cstring>

namespace policyq {
namespace {
int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool ends_like_sentence(std::string_view text) {
  if (text.empty()) return true;
  char last = text.back();
  return last == '.' || last == ',' || last == ';' || last == '!';
}

// A lone bold (or emphasised) span, with at most punctuation or spaces around it.
bool whole_paragraph_bold(cmark_node* paragraph) {
  bool bold = false;
  for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_STRONG:
        if (bold) return false;
        bold = true;
        break;
      case CMARK_NODE_TEXT: {
        const char* lit = cmark_node_get_literal(n);
        for (const char* p = lit; p && *p; ++p)
          if (!std::strchr(" \t:", *p)) return false;
        break;
      }
      default:
        return false;  // line breaks, links, plain emphasis: not a title line
    }
  }
  return bold;
}

bool capitals_line(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) {
    if (std::islower(c)) return false;
    if (std::isupper(c)) ++letters;
  }
  int words = count_words(text);
  return letters >= 6 && words >= 2 && words <= 10;
}
}  // namespace

std::optional<int> numbered_depth(std::string_view text) {
  std::size_t i = 0;
  int depth = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i - start > 2) return std::nullopt;  // years and amounts are not section numbers
    ++depth;
    if (i < text.size() && (text[i] == '.' || text[i] == ')')) ++i;
    else break;
  }
  if (depth == 0) {
    // Roman numerals: "IV. Title"
    while (i < text.size() && std::strchr("IVX", text[i])) ++i;
    if (i == 0 || i > 5 || i >= text.size() || (text[i] != '.' && text[i] != ')')) return std::nullopt;
    ++i;
    depth = 1;
  }
  if (i >= text.size() || text[i] != ' ') return std::nullopt;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || !std::isupper(static_cast<unsigned char>(text[i]))) return std::nullopt;
  return depth;
}

std::optional<InferredHeading> inferred_heading_text(std::string_view text, bool whole_line_bold) {
  if (text.empty() || text.size() > 120 || ends_like_sentence(text)) return std::nullopt;
  int words = count_words(text);
  if (whole_line_bold && words <= 15) {
    unsigned char first = static_cast<unsigned char>(text[0]);
    if (std::isupper(first) || std::isdigit(first) || first >= 0x80) {
      if (auto depth = numbered_depth(text)) return InferredHeading{*depth};
      return InferredHeading{1};
    }
  }
  if (words <= 12)
    if (auto depth = numbered_depth(text)) return InferredHeading{*depth};
  if (capitals_line(text)) return InferredHeading{1};
  return std::nullopt;
}

bool plain_title_line(cmark_node* paragraph, std::string_view text) {
  if (text.empty() || text.size() > 80 || ends_like_sentence(text) || text.back() == ':') return false;
  if (text.find(": ") != std::string_view::npos) return false;  // "Last updated: …" is a field, not a title
  for (const char* stop : {". ", "! ", "? "})                     // two sentences are not a title
    if (text.find(stop) != std::string_view::npos) return false;
  int words = count_words(text);
  if (words > 10) return false;
  unsigned char first = static_cast<unsigned char>(text[0]);
  if (!(std::isupper(first) || first >= 0x80)) return false;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i)  // dates and years: a by-line, not a title
    if (std::isdigit(static_cast<unsigned char>(text[i])) && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 2])) && std::isdigit(static_cast<unsigned char>(text[i + 3])))
      return false;
  for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) return false;
  }
  return true;
}

bool starts_body(cmark_node* next) {
  if (!next) return false;
  cmark_node_type t = cmark_node_get_type(next);
  if (t == CMARK_NODE_LIST) return true;
  if (t != CMARK_NODE_PARAGRAPH) return false;
  int words = 0;
  bool in_word = false, soft = false;
  for (cmark_node* n = cmark_node_first_child(next); n; n = cmark_node_next(n)) {
    cmark_node_type c = cmark_node_get_type(n);
    if (c == CMARK_NODE_SOFTBREAK || c == CMARK_NODE_LINEBREAK) soft = true;
    if (c != CMARK_NODE_TEXT) continue;
    for (const char* p = cmark_node_get_literal(n); p && *p; ++p) {
      bool space = *p == ' ';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words >= 8 || soft;
}

std::optional<InferredHeading> inferred_heading(cmark_node* paragraph, std::string_view text) {
  // Title lines are single lines: a soft break means running text.
  for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n))
    if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(n) == CMARK_NODE_LINEBREAK)
      return std::nullopt;
  return inferred_heading_text(text, whole_paragraph_bold(paragraph));
}
}
