#include "bundled_copy.hpp"
#include "document/loader.hpp"
#include "index/index.hpp"
#include "util/cache.hpp"
#include "util/embedded.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace policyq;

namespace {
const char* const snapshot_queries[] = {"Do you sell my personal data?", "retain personal information",
                                        "share email with advertisers", "cookies third parties opt out",
                                        "children under 13", "Português Italiano Deutsch"};

// Whether b answers every kind of question exactly (bit for bit) as a does.
bool same_answers(const Index& a, const Index& b) {
  const Document& doc = a.document();
  for (const char* text : snapshot_queries) {
    QueryTerms qa = a.parse_query(text), qb = b.parse_query(text);
    if (qa.terms != qb.terms || qa.phrase != qb.phrase) return false;
    auto ha = a.search(qa, 1000, true), hb = b.search(qb, 1000, true);
    if (ha.size() != hb.size()) return false;
    for (std::size_t i = 0; i < ha.size(); ++i)
      if (ha[i].sentence != hb[i].sentence || ha[i].score != hb[i].score || ha[i].bm25 != hb[i].bm25 ||
          ha[i].phrase != hb[i].phrase || ha[i].title != hb[i].title)
        return false;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      SearchHit fa = a.features(qa, static_cast<int>(s)), fb = b.features(qb, static_cast<int>(s));
      if (fa.score != fb.score || fa.bm25 != fb.bm25 || fa.phrase != fb.phrase || fa.title != fb.title) return false;
    }
    for (const std::string& t : qa.terms)
      if (a.idf(t) != b.idf(t)) return false;
  }
  for (std::size_t s = 0; s < doc.sentences.size(); ++s)
    if (a.sentence_terms(static_cast<int>(s)) != b.sentence_terms(static_cast<int>(s))) return false;
  return true;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("query terms are stemmed and stop words dropped, in order") {
  Document doc = load_bundled_policy();
  Index index(doc);
  QueryTerms q = index.parse_query("Do you share the information you collected?");
  CHECK(q.terms == std::vector<std::string>{"share", "inform", "collect"});
  CHECK(q.phrase == q.terms);
}

TEST_CASE("inflections match: 'retaining' finds 'retain'") {
  Document doc = load_bundled_policy();
  Index index(doc);
  auto hits = index.search(index.parse_query("retaining"), 5);
  REQUIRE(!hits.empty());
  CHECK(doc.sentences[static_cast<std::size_t>(hits[0].sentence)].text.find("retain") != std::string::npos);
}

TEST_CASE("a phrase in order outranks the same words apart") {
  Document doc = parse_document("t.md",
                                "# A\n\nTrack signals: do not use them to track you, we say.\n\nWe do not obey Do Not Track signals.\n");
  Index index(doc);
  auto hits = index.search(index.parse_query("do not track signals"), 5);
  REQUIRE(hits.size() == 2);
  CHECK(doc.sentences[static_cast<std::size_t>(hits[0].sentence)].text == "We do not obey Do Not Track signals.");
  CHECK(hits[0].phrase > hits[1].phrase);
}

TEST_CASE("query words in the section titles above a sentence add a title bonus") {
  Document doc = parse_document("t.md", "# Retention\n\nWe keep your data for two years.\n\n# Other\n\nWe keep usage data for two years.\n");
  Index index(doc);
  auto hits = index.search(index.parse_query("retention keep data"), 5);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].title > 0);
  CHECK(hits[1].title == 0);
  CHECK(doc.sentences[static_cast<std::size_t>(hits[0].sentence)].section == 0);
}

TEST_CASE("features of a sentence add up to its search score") {
  Document doc = load_bundled_policy();
  Index index(doc);
  QueryTerms q = index.parse_query("retain personal information");
  auto hits = index.search(q, 3);
  REQUIRE(!hits.empty());
  SearchHit f = index.features(q, hits[0].sentence);
  CHECK(f.score == doctest::Approx(hits[0].score));
  CHECK(f.bm25 + f.phrase + f.title == doctest::Approx(f.score));
}

TEST_CASE("chrome sentences are searched only when asked for") {
  Document doc = load_bundled_policy();
  Index index(doc);
  QueryTerms q = index.parse_query("Português Italiano Deutsch");
  CHECK(index.search(q, 10).empty());
  CHECK(!index.search(q, 10, true).empty());
}

TEST_CASE("French policies are stemmed in French") {
  Document doc = parse_document("t.md",
                                "# Conservation\n\nNous conservons vos données personnelles pendant trois ans après la fin de "
                                "votre abonnement, puis nous les supprimons.\n");
  CHECK(doc.language == "fr");
  Index index(doc);
  CHECK(!index.search(index.parse_query("conserver les donnée"), 3).empty());
}

TEST_CASE("an index restored from its snapshot answers exactly as the built one") {
  Document doc = parse_document(bundled_policy_name, read(std::string(POLICYQ_SOURCE_DIR) + "/" + bundled_policy_name));
  Index built(doc);
  std::unique_ptr<Index> restored = Index::restore(doc, built.snapshot());
  REQUIRE(restored);
  CHECK(same_answers(built, *restored));
  CHECK(restored->snapshot() == built.snapshot());
}

TEST_CASE("shared corpus: every policy's index restored from its snapshot answers as the built one") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  int files = 0, different = 0;
  for (const auto& path : expand_policy_paths({dir})) {
    Document doc = parse_document(path, read(path));
    Index built(doc);
    std::unique_ptr<Index> restored = Index::restore(doc, built.snapshot());
    ++files;
    if (!restored || !same_answers(built, *restored)) {
      ++different;
      MESSAGE(path << (restored ? ": answers differ" : ": snapshot refused"));
    }
  }
  CHECK(files >= 200);
  CHECK(different == 0);
}

TEST_CASE("a truncated snapshot, or one of another document, is refused; a damaged one is refused or safe to query") {
  Document doc = parse_document("t.md", "# Retention\n\nWe keep your data for two years.\n\n# Other\n\nWe sell nothing.\n");
  Index index(doc);
  std::string snapshot = index.snapshot();
  for (std::size_t n = 0; n < snapshot.size(); ++n) {
    CAPTURE(n);
    CHECK(!Index::restore(doc, std::string_view(snapshot).substr(0, n)));
  }
  Document other = parse_document("o.md", "# Only\n\nOne sentence here.\n");
  CHECK(!Index::restore(other, snapshot));
  int refused = 0;
  for (std::size_t i = 0; i < snapshot.size(); ++i)
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      std::string bad = snapshot;
      bad[i] = static_cast<char>(bad[i] ^ flip);
      std::unique_ptr<Index> damaged = Index::restore(doc, bad);
      if (!damaged) {
        ++refused;
        continue;
      }
      QueryTerms q = damaged->parse_query("keep data sell retention");
      damaged->search(q, 10, true);
      for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
        damaged->features(q, s);
        damaged->sentence_terms(s);
      }
    }
  CHECK(refused > 0);
}

TEST_CASE("a loaded policy's index is cached under its content hash; a bad entry is rebuilt") {
  Document doc = testing::load_bundled_copy();
  REQUIRE(doc.content_hash != 0);
  Index first(doc);
  CHECK(cache_get("idx", doc.content_hash) == first.snapshot());
  Index second(doc);  // read back from the cache
  CHECK(same_answers(first, second));
  cache_put("idx", doc.content_hash, "not an index");
  Index third(doc);
  CHECK(same_answers(first, third));
  CHECK(cache_get("idx", doc.content_hash) == first.snapshot());
}
