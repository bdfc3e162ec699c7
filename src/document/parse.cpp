// Markdown → Document: cmark-gfm builds the block tree; we walk it once, rendering inline
// text ourselves so every byte of a block's text knows its source line (cmark's inline
// positions are unreliable), then detect the language, mark chrome and split sentences.
#include "document/anchor.hpp"
#include "document/chrome.hpp"
#include "document/document.hpp"
#include "document/headings.hpp"
#include "document/source.hpp"
#include "text/language.hpp"
#include "text/sentences.hpp"
#include "util/error.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

namespace policyq {

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::table_row: return "table_row";
    case BlockKind::block_quote: return "block_quote";
    case BlockKind::heading: return "heading";
  }
  return "paragraph";
}

std::string_view Document::line(int n) const {
  if (n < 1 || n > line_count) return {};
  std::size_t begin = line_starts[static_cast<std::size_t>(n - 1)];
  std::size_t end = static_cast<std::size_t>(n) < line_starts.size() ? line_starts[static_cast<std::size_t>(n)]
                                                                      : source.size();
  std::string_view text(source.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

int Document::body_section(int section) const {
  while (section >= 0 && sections[static_cast<std::size_t>(section)].chrome)
    section = sections[static_cast<std::size_t>(section)].parent;
  return section;
}

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

bool type_is(cmark_node* node, const char* name) {
  const char* t = cmark_node_get_type_string(node);
  return t && std::strcmp(t, name) == 0;
}

// Rendered text of a block with, for each line change, the offset where it starts.
struct RenderedText {
  std::string text;
  std::vector<std::pair<std::size_t, int>> lines;  // (offset in text, source line), ascending
  std::size_t link_chars = 0;

  void start_line(int line) {
    if (!lines.empty() && lines.back().first == text.size()) lines.back().second = line;
    else lines.emplace_back(text.size(), line);
  }
  // Appends with white space collapsed to single spaces and none at the start.
  void append(std::string_view s, bool in_link) {
    for (char c : s) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (text.empty() || text.back() == ' ') continue;
        c = ' ';
      }
      text.push_back(c);
      if (in_link && !space) ++link_chars;
    }
  }
  void space() { append(" ", false); }
  void trim() {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    while (!lines.empty() && lines.size() > 1 && lines.back().first >= text.size()) lines.pop_back();
  }
  int line_at(std::size_t offset) const {
    auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                               [](std::size_t off, const auto& p) { return off < p.first; });
    return it == lines.begin() ? lines.front().second : std::prev(it)->second;
  }
};

// <br>, <p>, <div>, <li>, <td>… end a visual line in the browser.
bool breaks_words(const char* tag) {
  if (!tag || tag[0] != '<') return false;
  std::string_view t(tag + 1);
  if (!t.empty() && t[0] == '/') t.remove_prefix(1);
  std::string name;
  for (char c : t) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (const char* b : {"br", "p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
    if (name == b) return true;
  return false;
}

void render_inlines(cmark_node* parent, RenderedText& out, int& line, bool in_link) {
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(n)) out.append(lit, in_link);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        // Break nodes carry no position; each one ends exactly one source line.
        out.space();
        out.start_line(++line);
        break;
      case CMARK_NODE_LINK:
        render_inlines(n, out, line, true);
        break;
      case CMARK_NODE_IMAGE:          // alt text is not visible text
        break;
      case CMARK_NODE_HTML_INLINE:    // tags, not text; line-breaking tags still separate words
        if (breaks_words(cmark_node_get_literal(n))) out.space();
        break;
      default:
        if (cmark_node_first_child(n)) render_inlines(n, out, line, in_link);
        else if (const char* lit = cmark_node_get_literal(n)) out.append(lit, in_link);
        break;
    }
  }
}

struct PendingBlock {
  Block block;
  RenderedText rendered;
};

class Builder {
public:
  Builder(Document& doc) : doc_(doc) {}

  void walk_document(cmark_node* root) {
    int headings = 0;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n))
      headings += cmark_node_get_type(n) == CMARK_NODE_HEADING;
    plain_titles_ = headings < 3;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) top_level(n);
    finish_sections();
  }

  std::vector<PendingBlock>& pending() { return pending_; }

private:
  Document& doc_;
  std::vector<PendingBlock> pending_;
  std::vector<int> open_;  // stack of open sections
  AnchorSet anchors_;
  int next_list_id_ = 0;
  int last_line_ = 1;           // last source line used so far
  std::string line_buf_;        // reused by check_first_line
  bool plain_titles_ = false;  // the document marks (almost) no headings: accept plain title lines
  int toc_left_ = 0;           // entries of a table of contents still to come

  void top_level(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: heading(n); return;
      case CMARK_NODE_PARAGRAPH: {
        RenderedText r = render_paragraph(n);
        if (toc_left_ > 0 || title_run(n) >= 3) {
          // Three or more title lines in a row, no text between: a table of contents, whose
          // entries are navigation, not sections.
          toc_left_ = toc_left_ > 0 ? toc_left_ - 1 : title_run(n) - 1;
          add_block(BlockKind::paragraph, std::move(r), -1, 0, true);
          return;
        }
        if (auto inferred = inferred_heading(n, r.text)) {
          int depth = inferred->depth;
          // A bold line right under a title, before any text, is its subtitle: one level
          // below it ("## Children's Privacy" then "**We do not collect data from children**").
          if (title_just_opened(n) && !numbered_depth(r.text)) depth = subtitle_depth();
          open_section(r.text, depth, cmark_node_get_start_line(n), true);
          return;
        }
        if (plain_titles_ && plain_title_line(n, r.text) && starts_body(cmark_node_next(n))) {
          open_section(r.text, 1, cmark_node_get_start_line(n), true);
          return;
        }
        add_block(BlockKind::paragraph, std::move(r), -1);
        return;
      }
      case CMARK_NODE_LIST:
        if (numbered_title(n)) return;
        nested(n, BlockKind::paragraph);
        return;
      default: nested(n, BlockKind::paragraph); return;
    }
  }

  // How many paragraphs from n on, one after the other, read as inferred titles.
  int title_run(cmark_node* n) {
    int run = 0;
    for (cmark_node* c = n; c && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH; c = cmark_node_next(c)) {
      RenderedText r = render_paragraph(c);
      if (!inferred_heading(c, r.text)) break;
      ++run;
    }
    return run;
  }

  // The node before n opened the innermost section, and nothing has been added to it since.
  bool title_just_opened(cmark_node* n) const {
    cmark_node* prev = cmark_node_previous(n);
    if (!prev || open_.empty()) return false;
    const cmark_node_type t = cmark_node_get_type(prev);
    if (t != CMARK_NODE_HEADING && t != CMARK_NODE_PARAGRAPH) return false;
    const Section& s = doc_.sections[static_cast<std::size_t>(open_.back())];
    const bool added = !pending_.empty() && pending_.back().block.section == open_.back();
    return !s.preamble && !added && s.children.empty() && s.first_line == cmark_node_get_start_line(prev);
  }

  // The depth (below the innermost real heading) that puts a title one level under the
  // innermost open section.
  int subtitle_depth() const {
    const Section& s = doc_.sections[static_cast<std::size_t>(open_.back())];
    return std::max(1, s.level + 1 - real_level());
  }

  // "1. Introduction" on its own line parses as a one-item ordered list; before running
  // text it is a section title.
  bool numbered_title(cmark_node* list) {
    if (!plain_titles_ || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) return false;
    cmark_node* item = cmark_node_first_child(list);
    if (!item || cmark_node_next(item)) return false;
    cmark_node* para = cmark_node_first_child(item);
    if (!para || cmark_node_next(para) || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
    RenderedText r = render_paragraph(para);
    if (!plain_title_line(para, r.text) || !starts_body(cmark_node_next(list))) return false;
    std::string title = std::to_string(cmark_node_get_list_start(list)) +
                        (cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ") " : ". ") + r.text;
    open_section(title, 1, cmark_node_get_start_line(list), true);
    return true;
  }

  void nested(cmark_node* n, BlockKind kind) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: add_block(kind, render_paragraph(n), -1); return;
      case CMARK_NODE_HEADING: heading(n); return;
      case CMARK_NODE_LIST: list(n); return;
      case CMARK_NODE_BLOCK_QUOTE:
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) nested(c, BlockKind::block_quote);
        return;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK:
        return;
      default:
        if (type_is(n, "table")) table(n);
        else
          for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) nested(c, kind);
        return;
    }
  }

  void list(cmark_node* n) {
    int id = next_list_id_++;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      // Each paragraph of an item is a block of its own: text around a nested list must
      // not run together into one sentence.
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) add_block(BlockKind::list_item, render_paragraph(c), id);
        else nested(c, BlockKind::list_item);
      }
    }
  }

  void table(cmark_node* n) {
    // cmark-gfm may start a table one line early (after a paragraph); rows are one line
    // each, the delimiter row after the header is skipped.
    int line = std::max(1, cmark_node_get_start_line(n));
    int end = std::min(doc_.line_count, std::max(line, cmark_node_get_end_line(n)));
    while (line < end && doc_.line(line).find('|') == std::string_view::npos) ++line;
    int id = next_list_id_++;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      RenderedText r;
      r.start_line(line);
      int l = line;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        if (!r.text.empty()) r.append(" | ", false);
        render_inlines(cell, r, l, false);
      }
      line = add_block(BlockKind::table_row, std::move(r), id, line) + 1;
      while (line < end && delimiter_row(doc_.line(line))) ++line;
    }
  }

  static bool delimiter_row(std::string_view line) {
    return line.find('-') != std::string_view::npos && line.find_first_not_of("|-: \t") == std::string_view::npos;
  }

  RenderedText render_paragraph(cmark_node* n) {
    RenderedText r;
    int line = cmark_node_get_start_line(n);
    r.start_line(line);
    render_inlines(n, r, line, false);
    r.trim();
    return r;
  }

  void heading(cmark_node* n) {
    RenderedText r = render_paragraph(n);
    open_section(r.text, cmark_node_get_heading_level(n), cmark_node_get_start_line(n), false);
  }

  int real_level() const {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      const Section& s = doc_.sections[static_cast<std::size_t>(*it)];
      if (!s.inferred && !s.preamble) return s.level;
    }
    return 0;
  }

  void open_section(const std::string& title, int level_or_depth, int line, bool inferred) {
    last_line_ = std::max(last_line_, line);
    int level = inferred ? std::min(6, real_level() + level_or_depth) : level_or_depth;
    close_sections(level, line);
    Section s;
    s.title = title;
    s.level = level;
    s.inferred = inferred;
    s.first_line = line;
    s.anchor = anchors_.make(title);
    if (!open_.empty()) {
      s.parent = open_.back();
      s.path = doc_.sections[static_cast<std::size_t>(s.parent)].path;
    }
    s.path.push_back(title);
    int index = static_cast<int>(doc_.sections.size());
    if (s.parent >= 0) doc_.sections[static_cast<std::size_t>(s.parent)].children.push_back(index);
    doc_.sections.push_back(std::move(s));
    open_.push_back(index);
  }

  void close_sections(int level, int next_line) {
    while (!open_.empty()) {
      Section& top = doc_.sections[static_cast<std::size_t>(open_.back())];
      if (!top.preamble && top.level < level) break;
      top.last_line = next_line - 1;
      open_.pop_back();
    }
  }

  void finish_sections() { close_sections(0, doc_.line_count + 1); }

  int current_section(int line) {
    if (open_.empty()) {
      Section s;
      s.preamble = true;
      s.first_line = std::min(1, line);
      s.first_line = 1;
      s.anchor = "";
      doc_.sections.push_back(std::move(s));
      open_.push_back(static_cast<int>(doc_.sections.size()) - 1);
    }
    return open_.back();
  }

  // Where cmark-gfm's start line is wrong (0 after a failed table, one early), find the
  // block's first words in the file, looking forward from the previous block.
  void check_first_line(RenderedText& r) {
    auto keep = [](unsigned char c) { return (c >= '0' && c <= '9') || static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0x80; };
    auto lower = [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    char key[10];
    std::size_t key_len = 0;
    for (unsigned char c : r.text) {
      if (keep(c)) key[key_len++] = lower(c);
      if (key_len == sizeof key) break;
    }
    if (key_len == 0) return;
    std::string_view wanted(key, key_len);
    auto holds = [&](int l, std::size_t limit) {
      line_buf_.clear();
      std::string_view line = doc_.line(l);
      for (unsigned char c : line.substr(0, limit))
        if (keep(c)) line_buf_.push_back(lower(c));
      return line_buf_.find(wanted) != std::string::npos;
    };
    int claimed = r.lines.front().second;
    // The block's first words open its first line, after at most some markup.
    if (claimed >= 1 && claimed <= doc_.line_count && (holds(claimed, 160) || holds(claimed, std::string_view::npos))) return;
    int from = std::max(1, last_line_), to = std::min(doc_.line_count, from + 200);
    for (int l = from; l <= to; ++l)
      if (holds(l, std::string_view::npos)) {
        int delta = l - claimed;
        for (auto& entry : r.lines) entry.second += delta;
        return;
      }
  }

  // Returns the block's first line (fallback when the block is empty and dropped).
  int add_block(BlockKind kind, RenderedText r, int list, int fallback = 0, bool navigation = false) {
    r.trim();
    if (r.text.empty()) return fallback;
    check_first_line(r);
    PendingBlock p;
    p.block.kind = kind;
    p.block.chrome = navigation;
    p.block.first_line = r.lines.front().second;
    p.block.last_line = r.line_at(r.text.size() - 1);
    p.block.section = current_section(p.block.first_line);
    p.block.list = list;
    p.block.link_chars = r.link_chars;
    p.rendered = std::move(r);
    last_line_ = std::max(last_line_, p.block.last_line);
    int first = p.block.first_line;
    pending_.push_back(std::move(p));
    return first;
  }
};

// Trailing blank lines belong to no section: end each span at its last non-blank line.
void trim_spans(Document& doc) {
  for (Section& s : doc.sections) {
    while (s.last_line > s.first_line && doc.line(s.last_line).find_first_not_of(" \t") == std::string_view::npos)
      --s.last_line;
  }
}

std::string language_sample(const std::vector<PendingBlock>& blocks) {
  std::string sample;
  for (const PendingBlock& p : blocks) {
    if (p.block.link_chars * 2 > p.rendered.text.size()) continue;  // menus say little about language
    sample += p.rendered.text;
    sample += '\n';
    if (sample.size() > 24000) break;  // a few thousand words settle the language
  }
  return sample;
}

cmark_node* parse_markdown(const std::string& bytes) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
  for (const char* name : {"table", "autolink", "strikethrough"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  // cmark-gfm adds its extensions' inline characters ('~', '|' …) to a process-wide table
  // while it parses inlines and takes them out when done (github/cmark-gfm#221), so two
  // parses at once can miss each other's strikethrough or autolinks. index parses on
  // several threads: one parse at a time here; the rest of parse_document runs in parallel.
  static std::mutex cmark_tables;
  std::lock_guard lock(cmark_tables);
  cmark_parser_feed(parser.get(), bytes.data(), bytes.size());
  return cmark_parser_finish(parser.get());
}

}  // namespace

Document parse_document(std::string name, std::string bytes) {
  validate_source(name, bytes);
  Document doc;
  doc.name = std::move(name);
  doc.source = std::move(bytes);
  doc.line_starts = line_starts(doc.source);
  doc.line_count = static_cast<int>(doc.line_starts.size());

  std::vector<PendingBlock> pending;
  {
    std::string markdown = doc.source;
    blank_front_matter(markdown);
    std::unique_ptr<cmark_node, NodeDeleter> root(parse_markdown(markdown));
    if (!root) throw Error(doc.name, 0, "the Markdown parser failed");
    Builder builder(doc);
    builder.walk_document(root.get());
    pending = std::move(builder.pending());
  }
  trim_spans(doc);

  doc.language = detect_language(language_sample(pending));

  doc.blocks.reserve(pending.size());
  for (PendingBlock& p : pending) {
    p.block.text = std::move(p.rendered.text);  // line_at() needs only the line table
    Section& s = doc.sections[static_cast<std::size_t>(p.block.section)];
    s.blocks.push_back(static_cast<int>(doc.blocks.size()));
    doc.blocks.push_back(std::move(p.block));
  }
  mark_chrome(doc);

  SentenceSplitter splitter(doc.language);
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    const RenderedText& r = pending[b].rendered;
    // Chrome is kept whole: menus and footers have no sentences worth splitting.
    std::vector<SentenceSpan> spans = block.chrome ? std::vector<SentenceSpan>{{0, block.text.size()}} : splitter.split(block.text);
    for (const SentenceSpan& span : spans) {
      Sentence s;
      s.text = block.text.substr(span.begin, span.end - span.begin);
      s.first_line = r.line_at(span.begin);
      s.last_line = r.line_at(span.end - 1);
      s.block = static_cast<int>(b);
      s.section = block.section;
      block.sentences.push_back(static_cast<int>(doc.sentences.size()));
      doc.sentences.push_back(std::move(s));
    }
  }
  return doc;
}

}  // namespace policyq
