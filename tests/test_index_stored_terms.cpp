// The rows `policyq index` stores for `search --db` (index/stored_terms.cpp): decoded, they
// give back every term's sentences, occurrences, positions, sentence lengths, chrome and
// sections exactly as the Index they were made from; damaged bytes are refused.
#include "document/loader.hpp"
#include "index/index.hpp"
#include "index/stored_terms.hpp"
#include "util/embedded.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace policyq;

namespace {
// Every sentence's terms, and every section's title terms, rebuilt from the rows alone.
void check_rows_match_index(const Document& doc) {
  std::unique_ptr<Index> index = Index::build_uncached(doc);
  std::vector<StoredTerm> rows = stored_terms(doc, *index);
  REQUIRE(std::is_sorted(rows.begin(), rows.end(), [](const StoredTerm& a, const StoredTerm& b) { return a.term < b.term; }));
  CHECK(rows.size() == index->arrays().terms.size());
  std::vector<std::vector<std::string>> sentences(doc.sentences.size());
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) sentences[s].resize(index->sentence_terms(static_cast<int>(s)).size());
  std::map<int, std::vector<std::string>> titles;
  for (const StoredTerm& row : rows) {
    PostingReader reader(row.postings, doc.sentences.size());
    StoredPosting p;
    std::uint32_t holding = 0;
    std::vector<BestPair> prose, all;
    REQUIRE(read_best(row.best, false, prose));
    REQUIRE(read_best(row.best, true, all));
    std::size_t prose_met = 0, all_met = 0;  // best pairs that are some posting's own
    while (reader.next(p)) {
      ++holding;
      // Every posting is matched or beaten (tf at least, length at most) by a best pair.
      auto beaten = [&](const std::vector<BestPair>& pairs, std::size_t& met) {
        bool found = false;
        for (const BestPair& b : pairs) {
          found |= b.tf >= p.tf && b.length <= p.length;
          met += b.tf == p.tf && b.length == p.length;
        }
        return found;
      };
      CHECK(beaten(all, all_met));
      if (!p.chrome) CHECK(beaten(prose, prose_met));
      const Sentence& s = doc.sentences[static_cast<std::size_t>(p.sentence)];
      CHECK(p.length == sentences[static_cast<std::size_t>(p.sentence)].size());
      CHECK(p.chrome == doc.is_chrome(s));
      CHECK(p.section == s.section);
      CHECK(p.tf == static_cast<int>(p.positions.size()));
      for (std::uint32_t at : p.positions) sentences[static_cast<std::size_t>(p.sentence)][at] = row.term;
    }
    CHECK_FALSE(reader.damaged());
    CHECK(holding == row.sentences);
    CHECK(all_met >= all.size());  // no pair made up
    CHECK(prose_met >= prose.size());
    std::vector<int> sections;
    REQUIRE(read_sections(row.sections, sections));
    for (int sec : sections) titles[sec].push_back(row.term);
    CHECK((holding > 0 || !sections.empty()));  // a term is in a sentence or a title
  }
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) CHECK(sentences[s] == index->sentence_terms(static_cast<int>(s)));
  const IndexArrays a = index->arrays();
  for (std::size_t sec = 0; sec < doc.sections.size(); ++sec) {
    std::vector<std::string> expected;
    for (std::uint32_t id : a.title_terms[sec]) expected.push_back(a.terms[id]);
    std::sort(expected.begin(), expected.end());
    CHECK(titles[static_cast<int>(sec)] == expected);
  }
}
}  // namespace

TEST_CASE("stored rows give back the index of the bundled policy and of a page with chrome") {
  check_rows_match_index(parse_document("bundled.md", std::string(embedded(bundled_policy_name))));
  check_rows_match_index(parse_document(
      "menu.md", "* [Home](/)\n* [Products](/p)\n* [Blog](/b)\n\n# Privacy\n\n## Data we keep\n\n"
                 "We keep data, data and more data for 30 days. Data brokers never get it.\n\n### Children\n\nNone.\n"));
}

TEST_CASE("damaged postings are refused, not read past") {
  Document doc = parse_document("t.md", "# Privacy\n\nWe keep your data.\n\nWe sell no data.\n");
  std::unique_ptr<Index> index = Index::build_uncached(doc);
  std::vector<StoredTerm> rows = stored_terms(doc, *index);
  auto data = std::find_if(rows.begin(), rows.end(), [](const StoredTerm& t) { return t.term == "data"; });
  REQUIRE(data != rows.end());
  CHECK(data->sentences == 2);
  StoredPosting p;
  for (std::string bytes : {data->postings.substr(0, data->postings.size() - 1), std::string("\x05\x04\x01\x01\x00", 5),
                            std::string("\xff\xff", 2)}) {
    PostingReader reader(bytes, doc.sentences.size());
    while (reader.next(p)) {
    }
    CHECK(reader.damaged());
  }
  std::vector<int> sections;
  CHECK_FALSE(read_sections(std::string("\xff", 1), sections));
}
