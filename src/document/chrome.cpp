#include "document/chrome.hpp"
#include "util/year.hpp"
#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace policyq {
namespace {

struct Shape {
  int words = 0;
  double link_ratio = 0;    // share of visible characters inside links
  bool letters = false;     // any letter at all ("×" and "•" have none)
  bool sentence_end = false;
  double plain_words() const { return words * (1.0 - link_ratio); }
};

Shape shape_of(const Block& b) {
  Shape s;
  std::size_t visible = 0;
  int ideographs = 0;
  bool in_word = false;
  for (unsigned char c : b.text) {
    bool space = c == ' ';
    if (!space) ++visible;
    if (!space && !in_word) ++s.words;
    in_word = !space;
    if (static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0xC3) s.letters = true;  // ASCII letters or a non-ASCII lead byte
    if (c >= 0xE3 && c <= 0xED) ++ideographs;             // CJK scripts write no spaces
  }
  s.words += ideographs / 2;
  s.link_ratio = visible ? static_cast<double>(b.link_chars) / static_cast<double>(visible) : 0.0;
  if (!b.text.empty()) {
    char last = b.text.back();
    s.sentence_end = std::strchr(".!?:;)\"", last) != nullptr;
  }
  return s;
}


// "© 2024 …", "Copyright © …", "(c) 2019 …": the page footer's notice.
bool copyright_notice(const Block& b, const Shape& s) {
  if (s.words > 40) return false;
  std::string_view head(b.text.data(), std::min<std::size_t>(b.text.size(), 40));
  if (head.find("\xC2\xA9") != std::string_view::npos) return true;
  return (head.rfind("Copyright", 0) == 0 || head.rfind("(c)", 0) == 0 || head.rfind("(C)", 0) == 0) && contains_year(b.text);
}

// Lists that a sentence introduces ("We share it with:") are content, links or not.
std::vector<bool> introduced_lists(const Document& doc) {
  std::vector<bool> out;
  for (std::size_t i = 1; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    const Block& before = doc.blocks[i - 1];
    if (b.list < 0 || before.list == b.list) continue;
    if (out.size() <= static_cast<std::size_t>(b.list)) out.resize(static_cast<std::size_t>(b.list) + 1, false);
    if (before.section == b.section && !before.text.empty() && before.text.back() == ':') out[static_cast<std::size_t>(b.list)] = true;
  }
  return out;
}

// A list is a menu when most of its items are bare links or a word or two.
void mark_menu_lists(Document& doc, const std::vector<Shape>& shapes, const std::vector<bool>& introduced) {
  std::unordered_map<int, std::vector<int>> lists;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (doc.blocks[i].kind == BlockKind::list_item && doc.blocks[i].list >= 0)
      lists[doc.blocks[i].list].push_back(static_cast<int>(i));
  for (auto& [id, items] : lists) {
    int nav = 0, words = 0;
    for (int i : items) {
      const Shape& s = shapes[static_cast<std::size_t>(i)];
      words += s.words;
      if (s.link_ratio >= 0.5 || (s.words <= 3 && !s.sentence_end)) ++nav;
    }
    bool menu = nav * 10 >= static_cast<int>(items.size()) * 6 && words <= 8 * static_cast<int>(items.size());
    if (static_cast<std::size_t>(id) < introduced.size() && introduced[static_cast<std::size_t>(id)]) menu = false;
    if (menu)
      for (int i : items) doc.blocks[static_cast<std::size_t>(i)].chrome = true;
  }
}

bool prose(const Block& b, const Shape& s) {
  return !b.chrome && s.link_ratio < 0.3 && s.plain_words() >= 20;
}

void mark_sections(Document& doc, int body_first, int body_last) {
  // Children come after their parents: walk backwards to sum subtrees.
  std::size_t n = doc.sections.size();
  std::vector<int> kept(n, 0), dropped(n, 0);
  for (const Block& b : doc.blocks) (b.chrome ? dropped : kept)[static_cast<std::size_t>(b.section)]++;
  std::vector<int> sub_kept = kept, sub_dropped = dropped;
  for (std::size_t i = n; i-- > 0;) {
    int p = doc.sections[i].parent;
    if (p >= 0) {
      sub_kept[static_cast<std::size_t>(p)] += sub_kept[i];
      sub_dropped[static_cast<std::size_t>(p)] += sub_dropped[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    Section& s = doc.sections[i];
    bool outside = s.last_line < body_first || s.first_line > body_last;
    bool all_chrome = sub_kept[i] == 0 && (sub_dropped[i] > 0 || outside);
    bool mostly_chrome_outside = outside && sub_dropped[i] >= sub_kept[i];
    int parent = s.parent;
    bool parent_chrome = parent >= 0 && doc.sections[static_cast<std::size_t>(parent)].chrome;
    s.chrome = all_chrome || mostly_chrome_outside || parent_chrome;
  }
  for (Block& b : doc.blocks)
    if (doc.sections[static_cast<std::size_t>(b.section)].chrome) b.chrome = true;
}

// A policy section ends at its last line of policy text, not at the footer after it.
void trim_policy_spans(Document& doc) {
  std::vector<int> last(doc.sections.size(), 0);
  for (const Block& b : doc.blocks)
    if (!b.chrome) {
      int& l = last[static_cast<std::size_t>(b.section)];
      l = std::max(l, b.last_line);
    }
  for (std::size_t i = doc.sections.size(); i-- > 0;) {
    Section& s = doc.sections[i];
    if (s.chrome) continue;
    int end = std::max(last[i], s.first_line);
    for (int c : s.children)
      if (!doc.sections[static_cast<std::size_t>(c)].chrome) end = std::max(end, doc.sections[static_cast<std::size_t>(c)].last_line);
    s.last_line = std::min(s.last_line, end);
    if (s.parent >= 0) {
      int& pl = last[static_cast<std::size_t>(s.parent)];
      pl = std::max(pl, s.last_line);
    }
  }
}
}  // namespace

void mark_chrome(Document& doc) {
  std::size_t n = doc.blocks.size();
  if (n == 0) return;
  std::vector<Shape> shapes(n);
  for (std::size_t i = 0; i < n; ++i) shapes[i] = shape_of(doc.blocks[i]);

  // Lines of links, symbols, footer notices, and short blocks that recur on the page.
  const std::vector<bool> introduced = introduced_lists(doc);
  auto is_introduced = [&](const Block& b) {
    return b.list >= 0 && static_cast<std::size_t>(b.list) < introduced.size() && introduced[static_cast<std::size_t>(b.list)];
  };
  std::unordered_map<std::string_view, int> seen;
  for (const Block& b : doc.blocks)
    if (b.kind != BlockKind::table_row && b.text.size() < 300) seen[b.text]++;
  for (std::size_t i = 0; i < n; ++i) {
    Block& b = doc.blocks[i];
    const Shape& s = shapes[i];
    bool linked_line = s.link_ratio >= 0.5 && !(s.words >= 12 && s.sentence_end) && !is_introduced(b);
    // Repeated prose is a page that holds the policy twice; repeated scraps are page furniture.
    // A sentence a policy repeats word for word ("We do not knowingly collect …") is content.
    bool repeated = b.kind != BlockKind::table_row && b.text.size() < 300 && seen[b.text] > 1 &&
                    ((s.words <= 15 && !(s.sentence_end && s.words >= 6)) || s.link_ratio >= 0.3);
    if (!s.letters || linked_line || copyright_notice(b, s) || repeated) b.chrome = true;
  }
  mark_menu_lists(doc, shapes, introduced);

  // Scraps next to chrome ("HIDE MENU", "Services", a line of links between two menus).
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t i = 0; i < n; ++i) {
      Block& b = doc.blocks[i];
      const Shape& s = shapes[i];
      if (b.chrome || b.kind == BlockKind::table_row || is_introduced(b)) continue;
      bool prev = i > 0 && doc.blocks[i - 1].chrome;
      bool next = i + 1 < n && doc.blocks[i + 1].chrome;
      bool scrap = s.words <= 4 && !s.sentence_end;
      bool sandwiched = b.link_chars > 0 && s.words <= 30;
      if ((scrap && (prev || next)) || (sandwiched && prev && next)) b.chrome = true;
    }
  }

  // The policy is the run of prose; short texts before and after it belong to the page.
  int first = -1, last = -1;
  for (std::size_t i = 0; i < n; ++i)
    if (prose(doc.blocks[i], shapes[i])) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i);
    }
  // Running text that continues the prose without a break of chrome belongs to it too
  // (documents converted from PDF put every line in a paragraph of its own).
  auto texty = [&](int i) {
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    const Shape& s = shapes[static_cast<std::size_t>(i)];
    return !b.chrome && s.link_ratio < 0.5 && (s.plain_words() >= 5 || s.sentence_end);
  };
  // The text runs across short scraps and page headers ("Internal", "Page 3" between the
  // pages of a converted PDF); it stops at a run of link lines or menus.
  auto hard = [&](int i) {
    const Shape& s = shapes[static_cast<std::size_t>(i)];
    const Block& b = doc.blocks[static_cast<std::size_t>(i)];
    return !s.letters || (b.chrome && (s.link_ratio >= 0.5 || b.kind == BlockKind::list_item));
  };
  if (first >= 0) {
    for (int j = first - 1, run = 0; j >= 0 && run < 4; --j) {
      if (texty(j)) first = j, run = 0;
      else if (hard(j)) ++run;
    }
    for (int j = last + 1, run = 0; j < static_cast<int>(n) && run < 4; ++j) {
      if (texty(j)) last = j, run = 0;
      else if (hard(j)) ++run;
    }
  }
  int body_first = 1, body_last = doc.line_count;
  if (first >= 0) {
    body_first = doc.blocks[static_cast<std::size_t>(first)].first_line;
    body_last = doc.blocks[static_cast<std::size_t>(last)].last_line;
    for (std::size_t i = 0; i < n; ++i) {
      if (static_cast<int>(i) >= first && static_cast<int>(i) <= last) continue;
      Block& b = doc.blocks[i];
      if (shapes[i].plain_words() < 20 && !contains_year(b.text)) b.chrome = true;
    }
    // A section heading that opens the prose belongs to the body even if it starts earlier.
    int s = doc.blocks[static_cast<std::size_t>(first)].section;
    body_first = std::min(body_first, doc.sections[static_cast<std::size_t>(s)].first_line);
  }
  mark_sections(doc, body_first, body_last);
  trim_policy_spans(doc);
}
}
