#include "document/snapshot.hpp"
#include "util/bytes.hpp"

namespace policyq {
namespace {
// Fewest bytes one item can take in a snapshot: the bound on a count read back.
constexpr std::size_t min_section_bytes = 3 * 8 + 4 * 4 + 2 * 8 + 3;
constexpr std::size_t min_block_bytes = 1 + 8 + 4 * 4 + 8 + 1 + 8;
constexpr std::size_t min_sentence_bytes = 8 + 4 * 4;

void put_flag(ByteWriter& w, bool b) { w.put<std::uint8_t>(b ? 1 : 0); }

bool get_flag(ByteReader& r, bool& b) {
  std::uint8_t v;
  if (!r.get(v) || v > 1) return false;
  b = v == 1;
  return true;
}

bool get_int(ByteReader& r, int& v, int lo, int hi) {
  std::int32_t x;
  if (!r.get(x) || x < lo || x > hi) return false;
  v = x;
  return true;
}

// Cross-references are checked once every count is known (sections name later blocks).
bool all_in(const std::vector<int>& v, std::size_t lo, std::size_t hi) {
  for (int x : v)
    if (x < 0 || static_cast<std::size_t>(x) < lo || static_cast<std::size_t>(x) >= hi) return false;
  return true;
}
}  // namespace

std::string serialize_document(const Document& doc) {
  ByteWriter w;
  w.put_string(doc.language);
  w.put<std::int32_t>(doc.line_count);
  // Stored rather than recomputed from source: reading them is cheaper than one pass over the bytes.
  w.put_array(doc.line_starts);
  w.put<std::uint64_t>(doc.sections.size());
  for (const Section& s : doc.sections) {
    w.put_string(s.title);
    w.put_string(s.anchor);
    for (int v : {s.level, s.first_line, s.last_line, s.parent}) w.put<std::int32_t>(v);
    w.put_array(s.children);
    w.put<std::uint64_t>(s.path.size());
    for (const std::string& p : s.path) w.put_string(p);
    w.put_array(s.blocks);
    put_flag(w, s.inferred);
    put_flag(w, s.preamble);
    put_flag(w, s.chrome);
  }
  w.put<std::uint64_t>(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    w.put<std::uint8_t>(static_cast<std::uint8_t>(b.kind));
    w.put_string(b.text);
    for (int v : {b.first_line, b.last_line, b.section, b.list}) w.put<std::int32_t>(v);
    w.put<std::uint64_t>(b.link_chars);
    put_flag(w, b.chrome);
    w.put_array(b.sentences);
  }
  w.put<std::uint64_t>(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    w.put_string(s.text);
    for (int v : {s.first_line, s.last_line, s.block, s.section}) w.put<std::int32_t>(v);
  }
  return w.take();
}

std::optional<Document> deserialize_document(std::string_view bytes) {
  ByteReader r(bytes);
  Document doc;
  constexpr int int_max = 0x7fffffff;
  if (!r.get_string(doc.language) || !get_int(r, doc.line_count, 0, int_max) || !r.get_array(doc.line_starts) ||
      doc.line_starts.size() != static_cast<std::size_t>(doc.line_count))
    return std::nullopt;
  // Document::line() needs increasing starts from 0; the caller checks the last against source.
  for (std::size_t i = 0; i < doc.line_starts.size(); ++i)
    if (i == 0 ? doc.line_starts[0] != 0 : doc.line_starts[i] <= doc.line_starts[i - 1]) return std::nullopt;
  const int lines = doc.line_count;

  std::size_t n;
  if (!r.get_count(n, min_section_bytes)) return std::nullopt;
  doc.sections.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Section& s = doc.sections[i];
    std::size_t parts;
    if (!r.get_string(s.title) || !r.get_string(s.anchor) || !get_int(r, s.level, 0, 6) ||
        !get_int(r, s.first_line, 0, lines) || !get_int(r, s.last_line, 0, lines) ||
        !get_int(r, s.parent, -1, static_cast<int>(i) - 1) || !r.get_array(s.children) || !r.get_count(parts, 8))
      return std::nullopt;
    s.path.resize(parts);
    for (std::string& p : s.path)
      if (!r.get_string(p)) return std::nullopt;
    if (!r.get_array(s.blocks) || !get_flag(r, s.inferred) || !get_flag(r, s.preamble) || !get_flag(r, s.chrome) ||
        !all_in(s.children, i + 1, n))
      return std::nullopt;
  }

  if (!r.get_count(n, min_block_bytes)) return std::nullopt;
  doc.blocks.resize(n);
  for (Block& b : doc.blocks) {
    std::uint8_t kind;
    std::uint64_t link_chars;
    if (!r.get(kind) || kind > static_cast<std::uint8_t>(BlockKind::heading) || !r.get_string(b.text) ||
        !get_int(r, b.first_line, 0, lines) || !get_int(r, b.last_line, 0, lines) ||
        !get_int(r, b.section, 0, static_cast<int>(doc.sections.size()) - 1) || !get_int(r, b.list, -1, int_max) ||
        !r.get(link_chars) || !get_flag(r, b.chrome) || !r.get_array(b.sentences))
      return std::nullopt;
    b.kind = static_cast<BlockKind>(kind);
    b.link_chars = static_cast<std::size_t>(link_chars);
  }

  if (!r.get_count(n, min_sentence_bytes)) return std::nullopt;
  doc.sentences.resize(n);
  for (Sentence& s : doc.sentences) {
    if (!r.get_string(s.text) || !get_int(r, s.first_line, 0, lines) || !get_int(r, s.last_line, 0, lines) ||
        !get_int(r, s.block, 0, static_cast<int>(doc.blocks.size()) - 1) ||
        !get_int(r, s.section, -1, static_cast<int>(doc.sections.size()) - 1))
      return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  for (const Section& s : doc.sections)
    if (!all_in(s.blocks, 0, doc.blocks.size())) return std::nullopt;
  for (const Block& b : doc.blocks)
    if (!all_in(b.sentences, 0, doc.sentences.size())) return std::nullopt;
  return doc;
}
}  // namespace policyq
