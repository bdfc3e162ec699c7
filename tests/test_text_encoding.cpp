// Decoding policies that are not UTF-8 (text/encoding.cpp): what auto guesses, what a
// named encoding does, and that line breaks (so line numbers) survive every conversion.
#include "text/encoding.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>

using namespace policyq;

TEST_CASE("auto keeps valid UTF-8 as it is, without a warning") {
  DecodedText d = decode_text("# Données\n\nNous gardons vos données.\n", "auto", "a.md");
  CHECK(d.text == "# Données\n\nNous gardons vos données.\n");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.warning.empty());
}

TEST_CASE("auto reads bytes that are not UTF-8 as Windows-1252 and warns naming the file") {
  DecodedText d = decode_text("# Titre\n\nDonn\xE9" "es \x93" "cit\xE9" "es\x94\n", "auto", "dir/latin1.md");
  CHECK(d.text == "# Titre\n\nDonnées “citées”\n");
  CHECK(d.encoding == "windows-1252");
  CHECK(d.warning == "dir/latin1.md: not UTF-8: read as Windows-1252 (say --encoding NAME if it is another)");
}

TEST_CASE("auto follows a UTF-16 byte order mark and drops the mark") {
  std::string le("\xFF\xFE#\0 \0T\0\xE9\0\n\0\n\0O\0k\0.\0\n\0", 22);
  DecodedText d = decode_text(le, "auto", "u16.md");
  CHECK(d.text == "# Té\n\nOk.\n");
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.warning.empty());
  std::string be("\xFE\xFF\0#\0 \0A\0\n", 10);
  CHECK(decode_text(be, "auto", "be.md").text == "# A\n");
}

TEST_CASE("auto leaves bytes with NUL alone, for the parser to call them binary") {
  std::string binary("abc\0\xE9", 5);
  CHECK(decode_text(binary, "auto", "b.md").text == binary);
}

TEST_CASE("a named encoding converts without a warning, and UTF-8 named is left for the parser to check") {
  DecodedText d = decode_text("caf\xE9\n", "ISO-8859-1", "f.md");
  CHECK(d.text == "café\n");
  CHECK(d.warning.empty());
  CHECK(decode_text("caf\xE9\n", "utf8", "f.md").text == "caf\xE9\n");
}

TEST_CASE("bytes a named encoding cannot hold are an error at their line") {
  CHECK_THROWS_WITH_AS(decode_text("ok\nline two \xFF\xFF\n", "Shift_JIS", "sj.md"),
                       doctest::Contains("sj.md:2: not valid Shift_JIS"), Error);
}

TEST_CASE("unknown encoding names are refused before any file is read") {
  CHECK_NOTHROW(check_encoding_name("auto"));
  CHECK_NOTHROW(check_encoding_name("windows-1252"));
  CHECK_THROWS_WITH_AS(check_encoding_name("klingon-8"), doctest::Contains("--encoding: unknown encoding 'klingon-8'"), Error);
}
