// `search --db`'s ranking from search_terms and search_postings (store/stored_search.cpp) against Index::search
// over the same documents with the corpus's statistics: the same sentences in the same
// order with the same doubles, over languages, chrome, phrases, titles and selections.
#include "document/loader.hpp"
#include "index/index.hpp"
#include "store/schema.hpp"
#include "store/stored_policies.hpp"
#include "store/stored_search.hpp"
#include "store_fixture.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq;
using policyq::testing::Corpus;

namespace {
struct Expected {
  std::size_t policy;
  SearchHit hit;
};

// What cli/cmd_search.cpp ranks from the documents: corpus statistics first, then each
// policy's hits merged stably by score.
std::vector<Expected> rank_documents(const std::vector<Document>& docs, const std::string& query, std::size_t limit,
                                     bool chrome) {
  CorpusStats stats;
  for (const Document& d : docs) {
    Index index(d);
    index.add_to_corpus(index.parse_query(query), stats);
  }
  std::vector<Expected> out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    Index index(docs[i]);
    for (const SearchHit& h : index.search(index.parse_query(query), limit, chrome, docs.size() > 1 ? &stats : nullptr))
      out.push_back({i, h});
    std::stable_sort(out.begin(), out.end(), [](const Expected& a, const Expected& b) { return a.hit.score > b.hit.score; });
    if (out.size() > limit) out.resize(limit);
  }
  return out;
}

void check_same(store::Connection& db, const std::vector<std::string>& select, const std::string& query, std::size_t limit,
                bool chrome) {
  INFO(query << " limit " << limit << (chrome ? " --all" : ""));
  std::vector<store::ListedPolicy> listed = store::list_policies(db, select);
  std::vector<Document> docs;
  for (store::ListedPolicy p : listed) docs.push_back(load_policy(store::with_paths(db, p).path));
  std::vector<Expected> expected = rank_documents(docs, query, limit, chrome);
  store::StoredRanking got = store::rank_stored(db, listed, query, limit, chrome);
  CHECK(got.any_terms);
  REQUIRE(got.hits.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(got.hits[i].policy == expected[i].policy);
    CHECK(got.hits[i].sentence == expected[i].hit.sentence);
    CHECK(got.hits[i].score == expected[i].hit.score);  // bit for bit, not approximately
    CHECK(got.hits[i].bm25 == expected[i].hit.bm25);
    CHECK(got.hits[i].phrase == expected[i].hit.phrase);
    CHECK(got.hits[i].title == expected[i].hit.title);
  }
}
}  // namespace

TEST_CASE("the stored ranking is Index::search's over the documents, double for double") {
  Corpus c("stored_search");
  c.add("a.md", policyq::testing::policy_a);
  c.add("b.md", policyq::testing::policy_b);
  c.add("c.md", "* [Home](/)\n* [Data](/d)\n* [Sell](/s)\n* [Contact](/c)\n\n# Personal Data\n\n## Selling personal data\n\n"
                "We never sell personal data. Personal data is data about you, data we keep.\n\n"
                "Data brokers buy personal information from others, not from us.\n");
  c.add("fr/d.md", "# Politique de confidentialité\n\n## Données personnelles\n\nNous ne vendons jamais vos données "
                   "personnelles. Nous conservons vos données personnelles pendant trois ans après la fin du contrat.\n");
  c.add("e.md", "# Cookies\n\nWe use cookies. Cookies and data.\n");
  // Copies score alike: ties are broken by path, whichever policy the bound puts first.
  c.add("z/a.md", policyq::testing::policy_a);
  c.add("0/a.md", policyq::testing::policy_a);
  c.index();
  store::Connection db(c.db, store::Connection::Mode::read);
  store::check_schema_for_reading(db);
  for (const char* q : {"sell personal data", "data", "personal data data", "données personnelles", "cookies location",
                        "Home contact", "server logs 30 days", "selling"})
    for (std::size_t limit : {1, 2, 3, 4, 50})
      for (bool chrome : {false, true}) check_same(db, {}, q, limit, chrome);
  check_same(db, {c.folder() + "/c.md"}, "personal data", 10, false);  // one policy: its own statistics
  check_same(db, {c.folder() + "/fr", c.folder() + "/a.md"}, "données personal", 10, false);
}

TEST_CASE("a query of stop words only has no terms; damaged postings are an error naming the policy") {
  Corpus c("stored_faults");
  std::string a = c.add("a.md", policyq::testing::policy_a);
  c.index();
  {
    store::Connection db(c.db, store::Connection::Mode::read);
    std::vector<store::ListedPolicy> listed = store::list_policies(db, {});
    CHECK_FALSE(store::rank_stored(db, listed, "the of and", 10, false).any_terms);
    CHECK(store::rank_stored(db, listed, "the of and location", 10, false).hits.size() == 1);
  }
  {
    store::Connection w(c.db, store::Connection::Mode::write);
    w.exec("UPDATE search_postings SET postings = x'7f7f7f' WHERE id IN (SELECT postings_id FROM search_terms WHERE term = 'locat')");
  }
  store::Connection db(c.db, store::Connection::Mode::read);
  CHECK_THROWS_WITH_AS(store::rank_stored(db, store::list_policies(db, {}), "location", 10, false),
                       (a + ": its search postings in the database are damaged: run policyq index --force again").c_str(),
                       Error);
}

TEST_CASE("the sentences search prints, read from their rows, are those of the stored document") {
  Corpus c("read_sentences");
  c.add("bundled.md", std::string(embedded(bundled_policy_name)));
  c.add("nested.md", "Before any heading.\n\n# Top\n\nOne.\n\n## Middle > part\n\nTwo.\n\n### Low\n\nThree.\n\n# Other\n\nFour.\n");
  c.index();
  store::Connection db(c.db, store::Connection::Mode::read);
  for (store::ListedPolicy p : store::list_policies(db, {})) {
    store::with_paths(db, p);
    Document full = store::read_document(db, p);
    std::vector<int> all;
    for (std::size_t i = 0; i < full.sentences.size(); ++i) all.push_back(static_cast<int>(i));
    Document rows = store::read_sentences(db, p, all);
    CHECK(rows.blocks.empty());  // from the rows, not the document read again
    CHECK(rows.name == full.name);
    CHECK(rows.language == full.language);
    REQUIRE(rows.sections.size() == full.sections.size());
    for (std::size_t i = 0; i < full.sections.size(); ++i) {
      CHECK(rows.sections[i].title == full.sections[i].title);
      CHECK(rows.sections[i].anchor == full.sections[i].anchor);
      CHECK(rows.sections[i].path == full.sections[i].path);
      CHECK(rows.sections[i].preamble == full.sections[i].preamble);
    }
    for (std::size_t i = 0; i < full.sentences.size(); ++i) {
      CHECK(rows.sentences[i].text == full.sentences[i].text);
      CHECK(rows.sentences[i].first_line == full.sentences[i].first_line);
      CHECK(rows.sentences[i].last_line == full.sentences[i].last_line);
      CHECK(rows.sentences[i].section == full.sentences[i].section);
    }
  }
}
