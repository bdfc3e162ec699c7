#include "text/sentences.hpp"
#include "text/utf8.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using policyq::SentenceSplitter;

namespace {
std::vector<std::string> sentences_of(SentenceSplitter& s, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& span : s.split(text)) out.emplace_back(text.substr(span.begin, span.end - span.begin));
  return out;
}

std::vector<std::string> sentences_of(std::string_view lang, std::string_view text) {
  SentenceSplitter s(lang);
  return sentences_of(s, text);
}

std::string read_sentences_test_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The line of the bundled No-IP policy that starts with prefix.
std::string noip_line(std::string_view prefix) {
  std::istringstream in(read_sentences_test_file(std::filesystem::path(POLICYQ_SOURCE_DIR) / "corpus/noip-privacy-policy.md"));
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(prefix)) return line;
  FAIL("no line starting with " << std::string(prefix));
  return {};
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

TEST_CASE("legal abbreviations such as Cal. Civ. Code do not end a sentence") {
  const std::string line = noip_line("Under Cal. Civ. Code");
  const auto s = sentences_of("en", line);
  REQUIRE(s.size() >= 2);
  CHECK(s[0] ==
        "Under Cal. Civ. Code § 1798.80, a user residing in the State of California has the right to request "
        "from us a list of all third parties to which we have disclosed personal information during the "
        "preceding year for direct marketing purposes.");
  CHECK(s[1] == "We do not disclose such information for direct marketing purposes, and so no such list exists.");
}

TEST_CASE("U.S. inside a sentence does not end it, before lower or upper case") {
  const std::string line = noip_line("* We may disclose your information if required");
  const auto s = sentences_of("en", line);
  REQUIRE(s.size() == 1);
  CHECK(s[0].find("(such as U.S. copyright law), in response to a court order") != std::string::npos);
  CHECK(s[0].ends_with("law enforcement or other governmental agencies."));

  CHECK(sentences_of("en", "Our U.S. Government customers are served separately. Others are not.") ==
        std::vector<std::string>{"Our U.S. Government customers are served separately.", "Others are not."});
}

TEST_CASE("a domain name such as No-IP.com does not end a sentence but a real full stop does") {
  const std::string line = noip_line("No-IP.com takes your privacy seriously.");
  const auto s = sentences_of("en", line);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "No-IP.com takes your privacy seriously.");
  CHECK(s[1] ==
        "By visiting No-IP.com or using our Service, you are consenting to the practices described in this "
        "Privacy Policy (this \"Policy\").");
}

TEST_CASE("enumerations (i) ... (ii) stay in one sentence") {
  const std::string line = noip_line("* We may use your email address or other information we collect (i)");
  const auto s = sentences_of("en", line);
  REQUIRE(s.size() == 2);
  CHECK(s[0].find("(i) to contact you") != std::string::npos);
  CHECK(s[0].find("or (ii) to send communications") != std::string::npos);
}

TEST_CASE("e.g. and i.e. do not end a sentence, even before a capital letter") {
  CHECK(sentences_of("en", "We collect identifiers, e.g. your name and email. Then we stop.") ==
        std::vector<std::string>{"We collect identifiers, e.g. your name and email.", "Then we stop."});
  CHECK(sentences_of("en", "E.g. Google Analytics sets cookies. I.e. Third parties do.") ==
        std::vector<std::string>{"E.g. Google Analytics sets cookies.", "I.e. Third parties do."});
  CHECK(sentences_of("en", "Processors, i.e. Service Providers, act for us.").size() == 1);
}

TEST_CASE("company and citation abbreviations do not end a sentence") {
  CHECK(sentences_of("en", "Acme Corp. Ltd. and Widgets Inc. Subsidiaries share data.").size() == 1);
  CHECK(sentences_of("en", "See Pub. L. No. 104-191 and 15 U.S.C. Sec. 6501 for details.").size() == 1);
  CHECK(sentences_of("en", "Write to Dr. Smith, 1 Main St. Suite 200, Springfield.").size() == 1);
  CHECK(sentences_of("en", "Under Art. 6 GDPR we rely on consent.").size() == 1);
}

TEST_CASE("a company suffix or U.S. before a typical sentence start such as We or The ends the sentence") {
  CHECK(sentences_of("en", "This site is operated by Associated Newspapers Ltd. These brands work together.").size() == 2);
  CHECK(sentences_of("en", "Our servers are in the U.S. We transfer data there.").size() == 2);
  CHECK(sentences_of("en", "Acme Inc. Privacy Policy applies.").size() == 1);
}

TEST_CASE("No. joins the next sentence only when a number follows") {
  CHECK(sentences_of("en", "Do we sell your data? No. We do not sell it.").size() == 3);
  CHECK(sentences_of("en", "Company Reg. No. 200720572D is registered. Next.").size() == 2);
}

TEST_CASE("names of laws ending in Act and brand names ending in In or Ex still end a sentence") {
  CHECK(sentences_of("en", "This is the California Consumer Privacy Act. The CCPA gives you rights.").size() == 2);
  CHECK(sentences_of("en", "Share it on LinkedIn. Click Sign Up. Then log in.").size() == 3);
}

TEST_CASE("several spaces after an abbreviation do not make it end a sentence") {
  CHECK(sentences_of("en", "We operate in the U.S.  Government requests are rare.").size() == 1);
}

TEST_CASE("a lower-case abbreviation at the end of a longer word still ends the sentence") {
  // "art." and "al." are abbreviations, "part." and "legal." are not.
  CHECK(sentences_of("en", "We may share it in whole or in part. We never sell it.") ==
        std::vector<std::string>{"We may share it in whole or in part.", "We never sell it."});
  CHECK(sentences_of("en", "This is legal. It is also fair.").size() == 2);
  CHECK(sentences_of("en", "We ship with FedEx. They see your address.").size() == 2);
}

TEST_CASE("text without sentence punctuation is one trimmed sentence") {
  CHECK(sentences_of("en", "Vitalwerks Internet Solutions, LLC dba No-IP") ==
        std::vector<std::string>{"Vitalwerks Internet Solutions, LLC dba No-IP"});
  CHECK(sentences_of("en", "  \t Information We Collect \n") == std::vector<std::string>{"Information We Collect"});
  CHECK(sentences_of("en", "©1999-2024 • Vitalwerks Internet Solutions, LLC dba No-IP • All Rights Reserved") ==
        std::vector<std::string>{"©1999-2024 • Vitalwerks Internet Solutions, LLC dba No-IP • All Rights Reserved"});
}

TEST_CASE("empty and white-space-only text has no sentences") {
  CHECK(sentences_of("en", "").empty());
  CHECK(sentences_of("en", " \n\t ").empty());
  CHECK(sentences_of("en", "\u00A0\u3000").empty());  // non-breaking and ideographic spaces
  CHECK(sentences_of("en", "  .  ") == std::vector<std::string>{"."});
}

TEST_CASE("line breaks inside a block do not end a sentence") {
  CHECK(sentences_of("en", "We collect your name\nand your email address. We keep them\nfor a year.") ==
        std::vector<std::string>{"We collect your name\nand your email address.", "We keep them\nfor a year."});
}

TEST_CASE("question and exclamation marks end sentences") {
  CHECK(sentences_of("en", "What do we collect? Everything you give us! Really.") ==
        std::vector<std::string>{"What do we collect?", "Everything you give us!", "Really."});
}

TEST_CASE("spans are byte offsets into the UTF-8 text, trimmed of white space") {
  const std::string text = "  Données à caractère personnel.\u00A0 Deuxième phrase — fin.  ";
  SentenceSplitter s("fr");
  const auto spans = s.split(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Données à caractère personnel.");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Deuxième phrase — fin.");
  CHECK(spans[1].end == text.size() - 2);
}

TEST_CASE("offsets stay right after characters outside the Basic Multilingual Plane") {
  const std::string text = "We ❤️ 😀 privacy. You 𝒜 too.";
  const auto s = sentences_of("en", text);
  CHECK(s == std::vector<std::string>{"We ❤️ 😀 privacy.", "You 𝒜 too."});
}

TEST_CASE("French abbreviations and legal references do not end a sentence") {
  CHECK(sentences_of("fr", "Conformément à l'art. L. 34-5 du Code des postes. M. Dupont est le délégué.") ==
        std::vector<std::string>{"Conformément à l'art. L. 34-5 du Code des postes.", "M. Dupont est le délégué."});
  CHECK(sentences_of("fr", "Des identifiants, p. ex. Votre adresse, sont collectés. Cf. Article 6.").size() == 2);
  CHECK(sentences_of("fr", "Nous traitons vos données. Vous pouvez vous opposer.").size() == 2);
}

TEST_CASE("sentence-terminal punctuation of other scripts ends sentences") {
  CHECK(sentences_of("zh", "我们收集信息。我们不出售信息。") ==
        std::vector<std::string>{"我们收集信息。", "我们不出售信息。"});
  CHECK(sentences_of("ar", "هل نبيع البيانات؟ لا نبيعها.").size() == 2);
}

TEST_CASE("an unknown language code falls back to the root rules") {
  CHECK(sentences_of("xx", "One sentence. Another one.").size() == 2);
  CHECK(sentences_of("", "One sentence. Another one.").size() == 2);
  CHECK(sentences_of("und", "Under Cal. Civ. Code § 1798.83 you may ask.").size() == 1);
}

TEST_CASE("one splitter can be reused for many texts") {
  SentenceSplitter s("en");
  for (int round = 0; round < 3; ++round) {
    CHECK(sentences_of(s, "A long first text. With two sentences.").size() == 2);
    CHECK(sentences_of(s, "Short.").size() == 1);
    CHECK(sentences_of(s, "No punctuation here").size() == 1);
    CHECK(sentences_of(s, "").empty());
  }
}

TEST_CASE("spans over every shared policy are ordered, trimmed, non-empty and on code point boundaries") {
  const std::filesystem::path dir = std::filesystem::path(POLICYQ_SHARED_DIR) / "data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " does not exist");
    return;
  }
  SentenceSplitter en("en"), fr("fr");
  std::size_t files = 0, spans_seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++files;
    const std::string text = read_sentences_test_file(entry.path());
    INFO(entry.path().filename().string());
    // Paragraph by paragraph, as the document model hands blocks to the splitter.
    std::size_t start = 0;
    bool ok = true;
    while (start < text.size() && ok) {
      std::size_t stop = text.find("\n\n", start);
      if (stop == std::string::npos) stop = text.size();
      const std::string_view block(text.data() + start, stop - start);
      std::size_t prev_end = 0;
      for (const auto& sp : en.split(block)) {
        ++spans_seen;
        const bool good = sp.begin < sp.end && sp.end <= block.size() && sp.begin >= prev_end &&
                          !is_space_byte(block[sp.begin]) && !is_space_byte(block[sp.end - 1]) &&
                          (static_cast<unsigned char>(block[sp.begin]) & 0xC0) != 0x80 &&
                          (sp.end == block.size() || (static_cast<unsigned char>(block[sp.end]) & 0xC0) != 0x80);
        if (!good) {
          ok = false;
          FAIL_CHECK("bad span [" << sp.begin << ", " << sp.end << ") in block at byte " << start);
        }
        prev_end = sp.end;
      }
      start = stop + 2;
    }
    CHECK(ok);
  }
  CHECK(files > 0);
  CHECK(spans_seen > files);
}
