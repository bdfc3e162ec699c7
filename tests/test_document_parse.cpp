// Pins the document model: section tree, anchors, line spans and sentence positions,
// checked against the file itself (cmark-gfm's own positions are not trusted).
#include "document/document.hpp"
#include "document/loader.hpp"
#include "source_check.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace policyq;
using policyq::testing::quote_in_lines;

namespace {
const Section* find_title(const Document& doc, const std::string& title) {
  for (const Section& s : doc.sections)
    if (s.title == title) return &s;
  return nullptr;
}
std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("bundled policy: setext headings become sections with the file's line numbers") {
  Document doc = load_bundled_policy();
  const Section* retention = find_title(doc, "Information Retention Policy");
  REQUIRE(retention);
  CHECK(retention->level == 2);
  CHECK(retention->anchor == "information-retention-policy");
  CHECK(doc.line(retention->first_line) == "Information Retention Policy");
  CHECK(retention->last_line == 176);
  CHECK(retention->path == std::vector<std::string>{"Privacy Policy", "Information Retention Policy"});
}

TEST_CASE("bundled policy: ATX level-3 headings nest under the setext level-2 section") {
  Document doc = load_bundled_policy();
  const Section* location = find_title(doc, "Location Information");
  REQUIRE(location);
  CHECK(location->level == 3);
  CHECK(doc.line(location->first_line) == "### Location Information");
  CHECK(doc.sections[static_cast<std::size_t>(location->parent)].title == "What Information Do We Collect?");
}

TEST_CASE("repeated titles get GitHub-style anchors with -1") {
  Document doc = load_bundled_policy();
  std::vector<std::string> anchors;
  for (const Section& s : doc.sections)
    if (s.title == "Privacy Policy") anchors.push_back(s.anchor);
  CHECK(anchors == std::vector<std::string>{"privacy-policy", "privacy-policy-1"});
}

TEST_CASE("every sentence of the bundled policy is found in the source lines it names") {
  Document doc = load_bundled_policy();
  REQUIRE(doc.sentences.size() > 100);
  for (const Sentence& s : doc.sentences) {
    INFO(s.first_line, ": ", s.text);
    CHECK(quote_in_lines(doc, s.text, s.first_line, s.last_line));
  }
}

TEST_CASE("sentences keep legal abbreviations and domain names whole") {
  Document doc = load_bundled_policy();
  bool cal = false, us = false;
  for (const Sentence& s : doc.sentences) {
    if (s.text.rfind("Under Cal. Civ. Code § 1798.80, a user residing", 0) == 0) cal = true;
    if (s.text.find("(such as U.S. copyright law), in response to a court order") != std::string::npos) us = true;
  }
  CHECK(cal);
  CHECK(us);
}

TEST_CASE("link text is kept, link targets and emphasis markup are dropped") {
  Document doc = parse_document("t.md", "# Title\n\nWrite to [privacy@example.com](mailto:privacy@example.com) or *visit* **us**.\n");
  REQUIRE(doc.sentences.size() == 1);
  CHECK(doc.sentences[0].text == "Write to privacy@example.com or visit us.");
  CHECK(doc.sentences[0].first_line == 3);
}

TEST_CASE("a sentence wrapped over several lines spans them") {
  Document doc = parse_document("t.md", "Intro line one\ncontinues here. Second sentence\nends here.\n");
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.sentences[0].first_line == 1);
  CHECK(doc.sentences[0].last_line == 2);
  CHECK(doc.sentences[1].first_line == 2);
  CHECK(doc.sentences[1].last_line == 3);
}

TEST_CASE("a table right after a paragraph starts on its own first line, one row per line") {
  std::string md = "# Data\n\nWe keep these records:\n| Data | Period |\n|---|---|\n| Logs | 30 days |\n| Invoices | 10 years |\n";
  Document doc = parse_document("t.md", md);
  std::vector<std::pair<std::string, int>> rows;
  for (const Block& b : doc.blocks)
    if (b.kind == BlockKind::table_row) rows.emplace_back(b.text, b.first_line);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::pair<std::string, int>{"Data | Period", 4});
  CHECK(rows[1] == std::pair<std::string, int>{"Logs | 30 days", 6});
  CHECK(rows[2] == std::pair<std::string, int>{"Invoices | 10 years", 7});
}

TEST_CASE("CRLF line ends, a BOM and YAML front matter do not shift line numbers") {
  std::string md = "\xEF\xBB\xBF---\r\ntitle: Policy\r\n---\r\n# Retention\r\n\r\nWe keep logs for 30 days.\r\n";
  Document doc = parse_document("t.md", md);
  const Section* s = find_title(doc, "Retention");
  REQUIRE(s);
  CHECK(s->first_line == 4);
  REQUIRE(doc.sentences.size() == 1);
  CHECK(doc.sentences[0].first_line == 6);
  CHECK(doc.line(6) == "We keep logs for 30 days.");
}

TEST_CASE("text before the first heading is a preamble section") {
  Document doc = parse_document("t.md", "Last updated: 1 May 2024.\n\n# Scope\n\nThis policy covers the app.\n");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].preamble);
  CHECK(doc.sections[0].first_line == 1);
  CHECK(doc.sections[0].last_line == 1);
  CHECK(doc.sections[1].title == "Scope");
}

TEST_CASE("bold-only and numbered lines are inferred section titles") {
  std::string md =
      "# Privacy\n\n**Data Retention**\n\nWe keep data for two years after your last login, then delete it.\n\n"
      "4.1 Sharing with partners\n\nWe share aggregated statistics with partners for research purposes.\n";
  Document doc = parse_document("t.md", md);
  const Section* bold = find_title(doc, "Data Retention");
  const Section* numbered = find_title(doc, "4.1 Sharing with partners");
  REQUIRE(bold);
  REQUIRE(numbered);
  CHECK(bold->inferred);
  CHECK(bold->level == 2);
  CHECK(bold->first_line == 3);
  CHECK(numbered->inferred);
  CHECK(numbered->level == 3);
  CHECK(numbered->parent == static_cast<int>(bold - doc.sections.data()));
}

TEST_CASE("a bold lead-in inside running text is not a title") {
  Document doc = parse_document("t.md", "# P\n\n**Cookies.** We use cookies to remember you between visits.\n");
  CHECK(doc.sections.size() == 1);
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("plain title lines are inferred only in documents without Markdown headings") {
  std::string plain = "What we collect\n\nWe collect your name, email address and phone number when you sign up.\n";
  Document doc = parse_document("t.md", plain);
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].title == "What we collect");
  CHECK(doc.sections[0].inferred);
  std::string marked = "# A\n\nx.\n\n# B\n\ny.\n\n# C\n\n" + plain;
  Document doc2 = parse_document("t.md", marked);
  CHECK(find_title(doc2, "What we collect") == nullptr);
}

TEST_CASE("bad input is refused with the file and line at fault") {
  CHECK_THROWS_WITH_AS(parse_document("e.md", ""), "e.md: empty file: no policy text to read", Error);
  CHECK_THROWS_WITH_AS(parse_document("e.md", " \n\n\t\n"), "e.md: empty file: no policy text to read", Error);
  CHECK_THROWS_WITH_AS(parse_document("b.md", std::string("ok\nbin\0ary", 10)),
                       "b.md:2: binary file (NUL byte at column 4); policies must be UTF-8 Markdown", Error);
  CHECK_THROWS_WITH_AS(parse_document("u.md", "line one\nca\xE9 au lait\n"),
                       "u.md:2: invalid UTF-8 (byte 0xE9 at column 3); convert the file to UTF-8", Error);
}

TEST_CASE("shared corpus: every policy loads and every sentence is found at its lines") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  int files = 0, sentences = 0, misplaced = 0;
  for (const auto& path : expand_policy_paths({dir})) {
    Document doc = parse_document(path, read(path));
    ++files;
    for (const Sentence& s : doc.sentences) {
      ++sentences;
      if (!quote_in_lines(doc, s.text, s.first_line, s.last_line)) {
        ++misplaced;
        if (misplaced <= 10) MESSAGE(path << ":" << s.first_line << "-" << s.last_line << ": " << s.text.substr(0, 120));
      }
    }
  }
  CHECK(files >= 200);
  MESSAGE(files << " files, " << sentences << " sentences, " << misplaced << " not found at their lines");
  // A handful of scraped files defeat cmark-gfm's positions beyond repair (a failed table
  // turned paragraph, a repeated line): at most one sentence in a thousand.
  CHECK(misplaced * 1000 <= sentences);
}

TEST_CASE("a bold line right under a title is its subtitle, a child section; a run of title lines is a table of contents") {
  Document doc = parse_document("sub.md",
                                "# Privacy\n\n## Children's Privacy\n\n**We do not collect data from children**\n\n"
                                "Our service is not directed to children under 13.\n\n"
                                "**Contents**\n\n**Collection**\n\n**Use**\n\n**Sharing**\n\nWe share nothing.\n");
  const Section* children = nullptr;
  const Section* subtitle = nullptr;
  for (const Section& s : doc.sections) {
    if (s.title == "Children's Privacy") children = &s;
    if (s.title == "We do not collect data from children") subtitle = &s;
  }
  REQUIRE(children);
  REQUIRE(subtitle);
  CHECK(subtitle->level == children->level + 1);
  CHECK(doc.sections[static_cast<std::size_t>(subtitle->parent)].title == "Children's Privacy");
  int toc_sections = 0;
  for (const Section& s : doc.sections) toc_sections += s.title == "Collection" || s.title == "Use" || s.title == "Sharing";
  CHECK(toc_sections == 0);
  int toc_blocks = 0;
  for (const Block& b : doc.blocks) toc_blocks += b.chrome && (b.text == "Collection" || b.text == "Use");
  CHECK(toc_blocks == 2);
}
