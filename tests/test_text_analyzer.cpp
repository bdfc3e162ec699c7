#include "text/analyzer.hpp"
#include "text/utf8.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using policyq::Analyzer;
using policyq::Token;

namespace {
std::vector<std::string> folded_words(Analyzer& a, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : a.analyze(text)) out.push_back(t.folded);
  return out;
}

std::vector<std::string> terms(Analyzer& a, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : a.analyze(text)) out.push_back(t.term);
  return out;
}

std::string read_analyzer_test_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using W = std::vector<std::string>;
}  // namespace

TEST_CASE("words are runs of letters and digits; apostrophes and other punctuation split them") {
  Analyzer en("en");
  CHECK(folded_words(en, "We don't sell e-mail addresses (No-IP.com).") ==
        W{"we", "don", "t", "sell", "e", "mail", "addresses", "no", "ip", "com"});
  CHECK(folded_words(en, "Cal. Civ. Code § 1798.80") == W{"cal", "civ", "code", "1798", "80"});
  CHECK(folded_words(en, "it’s the user’s") == W{"it", "s", "the", "user", "s"});
  CHECK(folded_words(en, "   ...  ").empty());
  CHECK(folded_words(en, "").empty());
  Analyzer fr("fr");
  CHECK(folded_words(fr, "l’utilisateur d'un compte") == W{"l", "utilisateur", "d", "un", "compte"});
}

TEST_CASE("tokens carry byte offsets of the word in the analysed text") {
  Analyzer fr("fr");
  const std::string text = "Vos données, « personnelles » !";
  const auto tokens = fr.analyze(text);
  REQUIRE(tokens.size() == 3);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "données");
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 3);
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "personnelles");
}

TEST_CASE("case folding is Unicode-aware, with accents kept") {
  Analyzer en("en");
  CHECK(en.fold("SHARING") == "sharing");
  CHECK(en.fold("ÉTÉ") == "été");
  CHECK(en.fold("ΣΟΦΊΑ") == "σοφία");
  CHECK(en.fold("Straße") == "straße");
  CHECK(folded_words(en, "GDPR ÉTÉ Данные") == W{"gdpr", "été", "данные"});
}

TEST_CASE("combining marks stay inside a word and compose like the precomposed letter") {
  Analyzer fr("fr");
  const std::string decomposed = "cafe\xCC\x81s";  // "cafés" with U+0301
  const auto tokens = fr.analyze(decomposed + " cafés");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == decomposed.size());
  CHECK(tokens[0].folded == tokens[1].folded);
  CHECK(tokens[0].term == tokens[1].term);
  CHECK(fr.fold("CAFE\xCC\x81") == "café");
}

TEST_CASE("English words are stemmed with the Snowball English stemmer") {
  Analyzer en("en");
  CHECK(terms(en, "share shares shared sharing") == W{"share", "share", "share", "share"});
  CHECK(terms(en, "sell selling sells") == W{"sell", "sell", "sell"});
  CHECK(en.stem("cookies") == en.stem("cookie"));
  CHECK(en.stem("collection") == en.stem("collected") );
}

TEST_CASE("pure digit tokens are not stemmed") {
  Analyzer en("en");
  CHECK(terms(en, "1798 2024 13") == W{"1798", "2024", "13"});
  Analyzer fr("fr");
  CHECK(fr.stem("2016") == "2016");
}

TEST_CASE("English stop words are flagged but negations, modals and privacy verbs are not") {
  Analyzer en("en");
  for (const char* w : {"the", "of", "and", "a", "to", "we", "you", "your", "is", "which", "this"})
    CHECK_MESSAGE(en.is_stop(w), w);
  for (const char* w : {"not", "no", "never", "nor", "without", "may", "will", "must", "shall", "can",
                        "should", "sell", "share", "all", "any", "only", "out", "opt", "t", "none",
                        "after", "until", "within", "except", "unless", "third", "data"})
    CHECK_MESSAGE(!en.is_stop(w), w);
  const auto tokens = en.analyze("We do not sell the data");
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[0].stop);
  CHECK(tokens[1].stop);
  CHECK(!tokens[2].stop);  // not
  CHECK(!tokens[3].stop);  // sell
  CHECK(tokens[4].stop);
  CHECK(!tokens[5].stop);
}

TEST_CASE("stop words of each language are their own, and keep their negations") {
  Analyzer fr("fr"), de("de"), es("es"), it("it"), pt("pt"), nl("nl");
  CHECK(fr.is_stop("les"));
  CHECK(fr.is_stop("vous"));
  CHECK(fr.is_stop("l"));
  CHECK(!fr.is_stop("ne"));
  CHECK(!fr.is_stop("pas"));
  CHECK(!fr.is_stop("jamais"));
  CHECK(!fr.is_stop("sans"));
  CHECK(!fr.is_stop("peut"));
  CHECK(!fr.is_stop("tous"));
  CHECK(!fr.is_stop("the"));  // English stop words are not French ones
  CHECK(de.is_stop("und"));
  CHECK(!de.is_stop("nicht"));
  CHECK(!de.is_stop("keine"));
  CHECK(es.is_stop("los"));
  CHECK(!es.is_stop("no"));
  CHECK(!es.is_stop("sin"));
  CHECK(it.is_stop("della"));
  CHECK(!it.is_stop("non"));
  CHECK(pt.is_stop("dos"));
  CHECK(!pt.is_stop("não"));
  CHECK(nl.is_stop("het"));
  CHECK(!nl.is_stop("niet"));
  CHECK(!nl.is_stop("geen"));
}

TEST_CASE("French text is stemmed with the French stemmer") {
  Analyzer fr("fr");
  CHECK(fr.language() == "fr");
  CHECK(fr.stem("partager") == fr.stem("partagez"));
  CHECK(fr.stem("données") == fr.stem("donnée"));
  CHECK(fr.stem("personnelles") == fr.stem("personnel"));
  Analyzer de("de");
  CHECK(de.stem("daten") == de.stem("datens"));
}

TEST_CASE("undetermined text is stemmed as English") {
  Analyzer und("und");
  CHECK(und.language() == "und");
  CHECK(und.stem("sharing") == "share");
  CHECK(und.is_stop("the"));
}

TEST_CASE("languages without a Snowball stemmer fold but do not stem") {
  Analyzer ja("ja");
  CHECK(terms(ja, "Sharing DATA") == W{"sharing", "data"});
  Analyzer zh("zh");
  CHECK(!zh.is_stop("the"));
}

TEST_CASE("language codes are normalised to lower-case ISO 639-1") {
  Analyzer a("EN-us");
  CHECK(a.language() == "en");
  CHECK(a.stem("sharing") == "share");
  Analyzer b("fr_FR");
  CHECK(b.language() == "fr");
  Analyzer c("");
  CHECK(c.language() == "und");
}

TEST_CASE("ideographs are one word each, since the script has no spaces") {
  Analyzer zh("zh");
  CHECK(folded_words(zh, "个人信息 GDPR") == W{"个", "人", "信", "息", "gdpr"});
}

TEST_CASE("stem results are cached and stable for repeated words") {
  Analyzer en("en");
  const std::string& first = en.stem("processing");
  const std::string copy = first;
  for (int i = 0; i < 1000; ++i) en.stem("word" + std::to_string(i));
  CHECK(en.stem("processing") == copy);
  CHECK(&en.stem("processing") == &first);  // the same cache entry
  CHECK(copy == "process");
}

TEST_CASE("analysing the bundled policy gives tokens whose offsets spell their surface form") {
  const std::string text = read_analyzer_test_file(std::filesystem::path(POLICYQ_SOURCE_DIR) / "corpus/noip-privacy-policy.md");
  REQUIRE(!text.empty());
  Analyzer en("en");
  const auto tokens = en.analyze(text);
  CHECK(tokens.size() > 1000);
  std::size_t prev_end = 0, bad = 0, stop = 0;
  for (const Token& t : tokens) {
    if (!(t.begin < t.end && t.end <= text.size() && t.begin >= prev_end)) ++bad;
    else if (en.fold(text.substr(t.begin, t.end - t.begin)) != t.folded) ++bad;
    if (t.term.empty()) ++bad;
    if (t.stop) ++stop;
    prev_end = t.end;
  }
  CHECK(bad == 0);
  CHECK(stop > tokens.size() / 5);     // function words are frequent
  CHECK(stop < tokens.size() * 3 / 5);
}

TEST_CASE("the same Analyzer gives the same terms for a document sentence and a query") {
  Analyzer en("en");
  const auto doc = en.analyze("We do not sell your personal information to third parties.");
  const auto query = en.analyze("Does No-IP SELL personal information?");
  std::vector<std::string> doc_terms, query_terms;
  for (const auto& t : doc)
    if (!t.stop) doc_terms.push_back(t.term);
  for (const auto& t : query)
    if (!t.stop) query_terms.push_back(t.term);
  for (const std::string& q : {en.stem("sell"), en.stem("personal"), en.stem("information")}) {
    CHECK(std::find(doc_terms.begin(), doc_terms.end(), q) != doc_terms.end());
    CHECK(std::find(query_terms.begin(), query_terms.end(), q) != query_terms.end());
  }
}

TEST_CASE("every shared policy analyses into valid UTF-8 terms") {
  const std::filesystem::path dir = std::filesystem::path(POLICYQ_SHARED_DIR) / "data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " does not exist");
    return;
  }
  Analyzer en("en"), fr("fr");
  std::size_t files = 0, bad = 0, tokens = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++files;
    const std::string text = read_analyzer_test_file(entry.path());
    for (Analyzer* a : {&en, &fr}) {
      for (const Token& t : a->analyze(text)) {
        ++tokens;
        if (t.term.empty() || t.folded.empty() || policyq::utf8::find_invalid(t.term) != policyq::utf8::npos ||
            t.end > text.size() || t.begin >= t.end)
          ++bad;
      }
    }
  }
  CHECK(files > 0);
  CHECK(tokens > files * 100);
  CHECK(bad == 0);
}
