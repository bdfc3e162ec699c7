// Topic facts written to bytes and read back (what the analysis cache stores): the same
// facts and the same answers as computing them; malformed bytes refused.
#include "bundled_copy.hpp"
#include "document/loader.hpp"
#include "query/answer.hpp"
#include "query/topic_snapshot.hpp"
#include "util/cache.hpp"
#include "util/embedded.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace policyq;
using namespace policyq::query;

namespace {
void check_same(const std::vector<SentenceFacts>& a, const std::vector<SentenceFacts>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t s = 0; s < a.size(); ++s) {
    REQUIRE(a[s].words.size() == b[s].words.size());
    for (std::size_t i = 0; i < a[s].words.size(); ++i) {
      const query::Word &x = a[s].words[i], &y = b[s].words[i];
      CHECK(x.folded == y.folded);
      CHECK(x.stem == y.stem);
      CHECK(x.sid == y.sid);
      CHECK(x.begin == y.begin);
      CHECK(x.end == y.end);
      CHECK(x.punct == y.punct);
    }
    REQUIRE(a[s].matches.size() == b[s].matches.size());
    for (std::size_t i = 0; i < a[s].matches.size(); ++i) {
      CHECK(a[s].matches[i].cid == b[s].matches[i].cid);
      CHECK(a[s].matches[i].begin == b[s].matches[i].begin);
      CHECK(a[s].matches[i].end == b[s].matches[i].end);
      CHECK(a[s].matches[i].weight == b[s].matches[i].weight);
      CHECK(a[s].matches[i].nominal == b[s].matches[i].nominal);
    }
    CHECK(a[s].concepts == b[s].concepts);
    CHECK(a[s].intents == b[s].intents);
    CHECK(a[s].intent_hits == b[s].intent_hits);
    CHECK(a[s].has_negation == b[s].has_negation);
  }
}
// The same answer: verdict, summary, periods and every evidence sentence with its score.
void check_same_answer(const Answer& a, const Answer& b) {
  CHECK(a.verdict == b.verdict);
  CHECK(a.summary == b.summary);
  REQUIRE(a.periods.size() == b.periods.size());
  for (std::size_t i = 0; i < a.periods.size(); ++i) CHECK(a.periods[i].text == b.periods[i].text);
  REQUIRE(a.evidence.size() == b.evidence.size());
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    CHECK(a.evidence[i].sentence == b.evidence[i].sentence);
    CHECK(a.evidence[i].score == b.evidence[i].score);
    CHECK(a.evidence[i].conditions == b.evidence[i].conditions);
  }
}

// The bundled policy parsed now (no content hash: nothing built in or cached stands in).
Document fresh_bundled() { return parse_document(bundled_policy_name, std::string(embedded(bundled_policy_name))); }
}  // namespace

TEST_CASE("topic facts read back from their bytes equal the computed ones and give the same answers") {
  const Document doc = load_bundled_policy();
  const auto facts = topic_facts(doc);
  std::vector<SentenceFacts> back;
  REQUIRE(deserialize_topic_facts(serialize_topic_facts(facts), doc, Lexicon::builtin(), back));
  check_same(facts, back);
  Index index(doc);
  for (const char* question : {"Do you sell my personal data?", "How long is my data kept?",
                               "Is my location shared with advertisers?", "How do I delete my account?"}) {
    Question q = parse_question(question);
    Answer computed = answer(q, index, 5), read = answer(q, index, back, 5);
    check_same_answer(computed, read);
  }
}

TEST_CASE("answer facts keep their practices and periods through their bytes and answer as topic facts do") {
  const Document doc = fresh_bundled();
  const auto facts = answer_facts(doc);
  const std::string bytes = serialize_topic_facts(facts);
  std::vector<SentenceFacts> back;
  REQUIRE(deserialize_topic_facts(bytes, doc, Lexicon::builtin(), back));
  check_same(facts, back);
  std::size_t practices = 0, periods = 0;
  for (std::size_t s = 0; s < facts.size(); ++s) {
    CHECK(facts[s].analyzed == back[s].analyzed);
    REQUIRE(facts[s].practices.size() == back[s].practices.size());
    CHECK(facts[s].periods.size() == back[s].periods.size());
    periods += back[s].periods.size();
    for (std::size_t i = 0; i < facts[s].practices.size(); ++i, ++practices) {
      const Practice &a = facts[s].practices[i], &b = back[s].practices[i];
      CHECK(a.action == b.action);
      CHECK(a.actor == b.actor);
      CHECK(a.data == b.data);
      CHECK(a.recipient == b.recipient);
      CHECK(a.purpose == b.purpose);
      CHECK(a.negative == b.negative);
      CHECK(a.modality == b.modality);
      CHECK(a.conditions == b.conditions);
      CHECK(a.scope == b.scope);
      REQUIRE(a.periods.size() == b.periods.size());
      for (std::size_t k = 0; k < a.periods.size(); ++k) {
        CHECK(a.periods[k].text == b.periods[k].text);
        CHECK(a.periods[k].iso == b.periods[k].iso);
        CHECK(a.periods[k].begin == b.periods[k].begin);
      }
      CHECK(a.begin == b.begin);
      CHECK(a.end == b.end);
    }
  }
  CHECK(practices > 50);  // the bundled policy states many (85 when written)
  CHECK(periods > 0);      // and its retention periods
  CHECK(serialize_topic_facts(back) == bytes);
  // Answering from them extracts nothing and answers exactly as from topic facts.
  const auto topic = topic_facts(doc);
  Index index(doc);
  for (const char* question : {"Do you sell my personal data?", "How long is my data kept?",
                               "Is my location shared with advertisers?", "Can I opt out of data collection?"}) {
    Question q = parse_question(question);
    Answer computed = answer(q, index, topic, 5), read = answer(q, index, back, 5);
    check_same_answer(computed, read);
  }
  // Truncated anywhere, refused.
  std::vector<SentenceFacts> out(1);
  for (std::size_t n = 0; n < bytes.size(); n += 1 + bytes.size() / 400)
    CHECK(!deserialize_topic_facts(std::string_view(bytes).substr(0, n), doc, Lexicon::builtin(), out));
  CHECK(out.size() == 1);
}

TEST_CASE("malformed topic-fact bytes are refused and leave the output untouched") {
  const Document doc = load_bundled_policy();
  const std::string bytes = serialize_topic_facts(topic_facts(doc));
  std::vector<SentenceFacts> out(1);
  for (std::size_t n = 0; n < bytes.size(); n += 1 + bytes.size() / 400)
    CHECK(!deserialize_topic_facts(std::string_view(bytes).substr(0, n), doc, Lexicon::builtin(), out));
  CHECK(!deserialize_topic_facts(bytes + "x", doc, Lexicon::builtin(), out));
  CHECK(out.size() == 1);
  // Written for another document: the sentence count differs.
  Document other = parse_document("other.md", "# Title\n\nWe collect your email address.\n");
  CHECK(!deserialize_topic_facts(bytes, other, Lexicon::builtin(), out));
  // A match naming a concept the lexicon lacks.
  std::vector<SentenceFacts> one(other.sentences.size());
  one.back().words = tokenize(other.sentences.back().text);
  one.back().matches.push_back(Match{static_cast<int>(Lexicon::builtin().concepts().size()), 0, 1, 1, false});
  CHECK(!deserialize_topic_facts(serialize_topic_facts(one), other, Lexicon::builtin(), out));
  one.back().matches.back().cid = 0;
  CHECK(deserialize_topic_facts(serialize_topic_facts(one), other, Lexicon::builtin(), out));
  CHECK(out.size() == other.sentences.size());
}

TEST_CASE("shared corpus: topic facts of every policy survive the round trip") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  int files = 0;
  for (const auto& path : expand_policy_paths({dir})) {
    Document doc = load_policy(path);
    auto facts = topic_facts(doc);
    std::vector<SentenceFacts> back;
    REQUIRE(deserialize_topic_facts(serialize_topic_facts(facts), doc, Lexicon::builtin(), back));
    check_same(facts, back);
    ++files;
  }
  CHECK(files > 100);
}

TEST_CASE("cached topic facts: stored on first use, read back equal; a bad entry is recomputed") {
  const Document doc = testing::load_bundled_copy();
  REQUIRE(doc.content_hash != 0);
  REQUIRE(cache_enabled());  // tests/main.cpp gives each test process its own cache
  const auto computed = topic_facts(doc);
  const auto first = cached_topic_facts(doc);
  REQUIRE(cache_get("facts", doc.content_hash).has_value());
  const auto second = cached_topic_facts(doc);
  check_same(computed, first);
  check_same(computed, second);
  cache_put("facts", doc.content_hash, "not topic facts");
  check_same(computed, cached_topic_facts(doc));
  CHECK(cache_get("facts", doc.content_hash).value_or("") != "not topic facts");  // stored anew
}

TEST_CASE("a policy read from the cache again gets its practices extracted once and kept") {
  const Document doc = testing::load_bundled_copy("\n\n");  // bytes no other test caches
  REQUIRE(cache_enabled());
  auto analyzed = [](const std::vector<SentenceFacts>& facts) {
    std::size_t n = 0;
    for (const auto& f : facts) n += f.analyzed;
    return n;
  };
  const auto first = cached_topic_facts(doc);  // computed: topic facts only
  CHECK(analyzed(first) == 0);
  const auto second = cached_topic_facts(doc);  // read back, completed, stored again
  CHECK(analyzed(second) > 50);
  std::vector<SentenceFacts> stored;
  REQUIRE(deserialize_topic_facts(cache_get("facts", doc.content_hash).value_or(""), doc, Lexicon::builtin(), stored));
  CHECK(analyzed(stored) == analyzed(second));
  const auto third = cached_topic_facts(doc);  // nothing left to extract
  CHECK(analyzed(third) == analyzed(second));
  check_same(first, third);
  // The same answers whichever facts answer.
  Index index(doc);
  for (const char* question : {"Do you sell my personal data?", "How long is my data kept?",
                               "Who do you share my data with?"}) {
    Question q = parse_question(question);
    Answer a = answer(q, index, first, 5), b = answer(q, index, third, 5);
    check_same_answer(a, b);
  }
}

TEST_CASE("answering from facts with every practice extracted gives the answer of topic facts (shared policies)") {
  // Practices given in advance (built in, or cached on a second question) must not change
  // a ranking that extracts them for its candidates only: on many real policies the two
  // disagreed before answering read a sentence's practices only once it chose to.
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  const std::vector<std::string> paths = expand_policy_paths({dir});
  int compared = 0;
  for (std::size_t i = 0; i < paths.size(); i += 4) {
    const Document doc = parse_document(paths[i], load_policy(paths[i]).source);
    const auto topic = topic_facts(doc), full = answer_facts(doc);
    Index index(doc);
    for (const char* question : {"Do you sell my personal data?", "How long is my data kept?",
                                 "Who do you share my email with?", "Can I opt out of data collection?"}) {
      CAPTURE(paths[i]);
      CAPTURE(question);
      Question q = parse_question(question);
      Answer a = answer(q, index, topic, 3), b = answer(q, index, full, 3);
      check_same_answer(a, b);
      ++compared;
    }
  }
  CHECK(compared > 200);
}
