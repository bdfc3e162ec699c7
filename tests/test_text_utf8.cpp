#include "text/utf8.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using policyq::utf8::append;
using policyq::utf8::find_invalid;
using policyq::utf8::next;
using policyq::utf8::npos;

namespace {
std::string read_utf8_test_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("well-formed UTF-8 of every sequence length is accepted") {
  CHECK(find_invalid("") == npos);
  CHECK(find_invalid("plain ASCII text, long enough to use the 16-byte fast path.") == npos);
  CHECK(find_invalid("données personnelles") == npos);      // 2-byte
  CHECK(find_invalid("€ 5, § 1798.80, 個人情報") == npos);   // 3-byte
  CHECK(find_invalid("emoji 😀 and U+10FFFF \xF4\x8F\xBF\xBF") == npos);  // 4-byte, highest code point
  CHECK(find_invalid("\xEF\xBB\xBF# BOM is a valid code point") == npos);
  CHECK(find_invalid(std::string("NUL \0 is valid UTF-8", 20)) == npos);
}

TEST_CASE("overlong encodings are rejected at their first byte") {
  CHECK(find_invalid("ab\xC0\xAF") == 2);          // '/' in two bytes
  CHECK(find_invalid("ab\xC1\xBF") == 2);
  CHECK(find_invalid("ab\xE0\x80\xAF") == 2);      // three bytes
  CHECK(find_invalid("ab\xE0\x9F\xBF") == 2);      // U+07FF in three bytes
  CHECK(find_invalid("ab\xF0\x80\x80\xAF") == 2);  // four bytes
  CHECK(find_invalid("ab\xF0\x8F\xBF\xBF") == 2);  // U+FFFF in four bytes
}

TEST_CASE("UTF-16 surrogates and code points above U+10FFFF are rejected") {
  CHECK(find_invalid("x\xED\xA0\x80") == 1);      // U+D800
  CHECK(find_invalid("x\xED\xBF\xBF") == 1);      // U+DFFF
  CHECK(find_invalid("x\xED\x9F\xBF") == npos);   // U+D7FF is fine
  CHECK(find_invalid("x\xF4\x90\x80\x80") == 1);  // U+110000
  CHECK(find_invalid("x\xF5\x80\x80\x80") == 1);
  CHECK(find_invalid("x\xFF") == 1);
  CHECK(find_invalid("x\xFE") == 1);
}

TEST_CASE("truncated sequences and stray continuation bytes are rejected") {
  CHECK(find_invalid("end \xE2\x82") == 4);        // "€" cut at the end of the text
  CHECK(find_invalid("end \xC3") == 4);
  CHECK(find_invalid("end \xF0\x9F\x98") == 4);
  CHECK(find_invalid("\xE2\x82 middle") == 0);     // cut before ASCII
  CHECK(find_invalid("a\x80") == 1);
  CHECK(find_invalid("\xC3\xA9\xA9") == 2);        // one continuation too many
}

TEST_CASE("the offset of a bad byte is exact wherever it falls relative to the ASCII fast path") {
  for (std::size_t len = 0; len < 40; ++len) {
    for (std::size_t pos = 0; pos <= len; ++pos) {
      std::string s(len, 'a');
      s.insert(pos, "\xC3\xA9");  // a valid 2-byte sequence somewhere
      CHECK(find_invalid(s) == npos);
      std::string bad(len, 'a');
      bad.insert(pos, "\x80");
      CHECK(find_invalid(bad) == pos);
    }
  }
}

TEST_CASE("next decodes one code point and advances past it") {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::size_t pos = 0;
  CHECK(next(s, pos) == U'a');
  CHECK(pos == 1);
  CHECK(next(s, pos) == U'é');
  CHECK(pos == 3);
  CHECK(next(s, pos) == U'€');
  CHECK(pos == 6);
  CHECK(next(s, pos) == U'\U0001F600');
  CHECK(pos == s.size());
}

TEST_CASE("append encodes code points that next decodes back") {
  const std::vector<char32_t> cps = {0x0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC,
                                     0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  std::string out;
  for (char32_t cp : cps) append(out, cp);
  CHECK(find_invalid(out) == npos);
  std::size_t pos = 0;
  for (char32_t cp : cps) CHECK(next(out, pos) == cp);
  CHECK(pos == out.size());

  std::string e;
  append(e, U'é');
  CHECK(e == "\xC3\xA9");
}

TEST_CASE("append writes U+FFFD for values that are not Unicode scalar values") {
  std::string out;
  append(out, 0xD800);
  append(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("the bundled No-IP policy is valid UTF-8") {
  const std::string text = read_utf8_test_file(std::filesystem::path(POLICYQ_SOURCE_DIR) / "corpus/noip-privacy-policy.md");
  REQUIRE(!text.empty());
  CHECK(find_invalid(text) == npos);
}

TEST_CASE("every shared real-world policy is valid UTF-8") {
  const std::filesystem::path dir = std::filesystem::path(POLICYQ_SHARED_DIR) / "data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " does not exist");
    return;
  }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++files;
    const std::string text = read_utf8_test_file(entry.path());
    INFO(entry.path().filename().string());
    CHECK(find_invalid(text) == npos);
    // Decoding the whole file with next() ends exactly at its end.
    std::size_t pos = 0, count = 0;
    while (pos < text.size()) {
      next(text, pos);
      ++count;
    }
    CHECK(pos == text.size());
    CHECK(count <= text.size());
  }
  CHECK(files > 0);
}
