#pragma once
// The indexed section tree of one policy: sections (titles, anchors, levels, line spans),
// blocks and sentences with the source lines they span. Lines are 1-based lines of the
// file as given (front matter and BOM do not shift them).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policyq {

struct Sentence {
  std::string text;    // rendered text: markup removed, link text kept, entities decoded
  int first_line = 0;
  int last_line = 0;
  int block = -1;      // index into Document::blocks
  int section = -1;    // index into Document::sections
};

enum class BlockKind { paragraph, list_item, table_row, block_quote, heading };
const char* to_string(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;           // rendered text of the whole block
  int first_line = 0;
  int last_line = 0;
  int section = -1;
  int list = -1;              // list items: an id shared by the items of one list
  std::size_t link_chars = 0; // bytes of text inside links (for chrome detection)
  bool chrome = false;        // site navigation, menus, banners, footers
  std::vector<int> sentences; // indexes into Document::sentences
};

struct Section {
  std::string title;               // rendered heading text ("" for the preamble)
  std::string anchor;              // GitHub-style, unique in the document
  int level = 0;                   // 1..6 for headings, 0 for the preamble
  int first_line = 0;              // the heading line (first line of the preamble)
  int last_line = 0;               // last line before the next section of the same or higher level
  int parent = -1;
  std::vector<int> children;
  std::vector<std::string> path;   // titles from the root down to this section
  std::vector<int> blocks;         // blocks directly in this section (not in children)
  bool inferred = false;           // title recognised from a bold or numbered line, not a heading
  bool preamble = false;           // text before the first heading
  bool chrome = false;             // the whole section is site chrome
};

struct Document {
  std::string name;                // file path as named by the user, or the bundled name
  std::string language = "und";    // ISO 639-1, from detect_language
  int line_count = 0;
  std::string source;              // the file's bytes (BOM removed)
  std::uint64_t content_hash = 0;  // content_hash of the file's bytes when loaded (0: made by hand), the
                                   // key of its prebuilt or cached analyses
  std::vector<std::size_t> line_starts;  // byte offset of each line in source (line n: [n-1])
  std::vector<Section> sections;   // in document order; sections[i].parent < i
  std::vector<Block> blocks;       // in document order
  std::vector<Sentence> sentences; // in document order

  bool is_chrome(const Sentence& s) const { return blocks[s.block].chrome; }
  // Source line n (1-based) without its line terminator.
  std::string_view line(int n) const;
  // The nearest section that is not chrome, walking up from section (or -1).
  int body_section(int section) const;
};

// Parses Markdown bytes into a Document. name is used in error messages and output.
// Throws Error ("NAME[:LINE]: what") for empty input, NUL bytes, invalid UTF-8.
Document parse_document(std::string name, std::string bytes);

}
