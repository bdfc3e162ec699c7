// Document snapshots: a snapshot reads back equal to the parsed document on the bundled
// policy and every real policy in ../shared; damaged snapshots are refused, never a crash.
#include "document/loader.hpp"
#include "document/snapshot.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace policyq;

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The first field where a and b differ ("" when none), name and source aside.
std::string difference(const Document& a, const Document& b) {
  if (a.language != b.language) return "language";
  if (a.line_count != b.line_count || a.line_starts != b.line_starts) return "lines";
  if (a.sections.size() != b.sections.size()) return "section count";
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    const Section &x = a.sections[i], &y = b.sections[i];
    if (x.title != y.title || x.anchor != y.anchor || x.level != y.level || x.first_line != y.first_line ||
        x.last_line != y.last_line || x.parent != y.parent || x.children != y.children || x.path != y.path ||
        x.blocks != y.blocks || x.inferred != y.inferred || x.preamble != y.preamble || x.chrome != y.chrome)
      return "section " + std::to_string(i);
  }
  if (a.blocks.size() != b.blocks.size()) return "block count";
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const Block &x = a.blocks[i], &y = b.blocks[i];
    if (x.kind != y.kind || x.text != y.text || x.first_line != y.first_line || x.last_line != y.last_line ||
        x.section != y.section || x.list != y.list || x.link_chars != y.link_chars || x.chrome != y.chrome ||
        x.sentences != y.sentences)
      return "block " + std::to_string(i);
  }
  if (a.sentences.size() != b.sentences.size()) return "sentence count";
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const Sentence &x = a.sentences[i], &y = b.sentences[i];
    if (x.text != y.text || x.first_line != y.first_line || x.last_line != y.last_line || x.block != y.block ||
        x.section != y.section)
      return "sentence " + std::to_string(i);
  }
  return "";
}

// What code reading a Document relies on: every cross-reference indexes something.
bool references_valid(const Document& d) {
  auto in = [](int v, std::size_t n) { return v >= 0 && static_cast<std::size_t>(v) < n; };
  if (d.line_starts.size() != static_cast<std::size_t>(d.line_count)) return false;
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    if (s.parent >= static_cast<int>(i) || s.parent < -1) return false;
    for (int c : s.children)
      if (!in(c, d.sections.size())) return false;
    for (int b : s.blocks)
      if (!in(b, d.blocks.size())) return false;
  }
  for (const Block& b : d.blocks) {
    if (!in(b.section, d.sections.size())) return false;
    for (int s : b.sentences)
      if (!in(s, d.sentences.size())) return false;
  }
  for (const Sentence& s : d.sentences)
    if (!in(s.block, d.blocks.size()) || s.section < -1 || s.section >= static_cast<int>(d.sections.size())) return false;
  return true;
}

const char* small_policy =
    "# Privacy\n\nWe collect your email. We never sell it.\n\n## Sharing\n\n- Advertisers get nothing.\n"
    "- Partners get [aggregates](https://example.com).\n\n| Data | Kept |\n|---|---|\n| logs | 30 days |\n";
}  // namespace

TEST_CASE("the bundled policy's snapshot reads back equal field by field") {
  Document doc = parse_document(bundled_policy_name, read(std::string(POLICYQ_SOURCE_DIR) + "/" + bundled_policy_name));
  std::optional<Document> back = deserialize_document(serialize_document(doc));
  REQUIRE(back);
  CHECK(difference(doc, *back) == "");
  CHECK(back->name.empty());    // the caller's to set
  CHECK(back->source.empty());
}

TEST_CASE("shared corpus: every policy's snapshot reads back equal") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  int files = 0, different = 0;
  for (const auto& path : expand_policy_paths({dir})) {
    Document doc = parse_document(path, read(path));
    std::optional<Document> back = deserialize_document(serialize_document(doc));
    ++files;
    std::string diff = back ? difference(doc, *back) : "refused";
    if (!diff.empty() && ++different <= 10) MESSAGE(path << ": " << diff);
  }
  CHECK(files >= 200);
  CHECK(different == 0);
}

TEST_CASE("a truncated snapshot is refused; a damaged one is refused or still consistent") {
  std::string snapshot = serialize_document(parse_document("small.md", small_policy));
  REQUIRE(deserialize_document(snapshot));
  for (std::size_t n = 0; n < snapshot.size(); ++n) {
    CAPTURE(n);
    CHECK(!deserialize_document(std::string_view(snapshot).substr(0, n)));
  }
  int refused = 0;
  for (std::size_t i = 0; i < snapshot.size(); ++i)
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      std::string bad = snapshot;
      bad[i] = static_cast<char>(bad[i] ^ flip);
      std::optional<Document> doc = deserialize_document(bad);
      if (!doc) ++refused;
      else CHECK(references_valid(*doc));
    }
  CHECK(refused > 0);
}
