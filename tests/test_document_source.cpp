#include "document/source.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>

using namespace policyq;

TEST_CASE("lines end at LF, CRLF or a lone CR; a final newline opens no extra line") {
  CHECK(line_starts("a\nb\r\nc\rd") == std::vector<std::size_t>{0, 2, 5, 7});
  CHECK(line_starts("one\ntwo\n") == std::vector<std::size_t>{0, 4});
  CHECK(line_starts("x") == std::vector<std::size_t>{0});
}

TEST_CASE("YAML front matter is blanked in place, keeping every newline") {
  std::string md = "---\ntitle: Privacy\nupdated: 2024-05-01\n---\n# Policy\n";
  blank_front_matter(md);
  std::string expected = std::string(3, ' ') + "\n" + std::string(14, ' ') + "\n" + std::string(19, ' ') + "\n" +
                         std::string(3, ' ') + "\n# Policy\n";
  CHECK(md == expected);
}

TEST_CASE("a leading thematic break without YAML is not front matter") {
  std::string md = "---\nSome text here\n---\n";
  std::string before = md;
  blank_front_matter(md);
  CHECK(md == before);
}

TEST_CASE("a BOM is removed and whitespace-only input is refused") {
  std::string bom = "\xEF\xBB\xBF# Title\n";
  validate_source("f.md", bom);
  CHECK(bom == "# Title\n");
  std::string blank = "\xEF\xBB\xBF\n \n";
  CHECK_THROWS_AS(validate_source("f.md", blank), Error);
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
  std::string bad = "ok\nalso ok\n\xC3\x28 broken\n";
  CHECK_THROWS_WITH_AS(validate_source("f.md", bad), "f.md:3: invalid UTF-8 (byte 0xC3 at column 1); convert the file to UTF-8", Error);
}
