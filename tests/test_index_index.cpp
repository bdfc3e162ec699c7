#include "document/loader.hpp"
#include "index/index.hpp"
#include <doctest/doctest.h>

using namespace policyq;

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
