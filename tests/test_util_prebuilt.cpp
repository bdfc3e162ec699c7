// The bundled policy's analysis made at build time (util/prebuilt.hpp): byte for byte what
// analysing the policy now gives, found only for the bundled policy's bytes, and the same
// answers as a fresh analysis whether the policy is the default or named as a file.
#include "util/prebuilt.hpp"

#include "document/loader.hpp"
#include "document/snapshot.hpp"
#include "index/index.hpp"
#include "query/answer.hpp"
#include "query/topic_snapshot.hpp"
#include "util/cache.hpp"
#include "util/embedded.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;

namespace {
std::uint64_t bundled_key() { return content_hash(embedded(bundled_policy_name)); }

// A Document parsed now, which nothing prebuilt or cached can stand in for (no content hash).
Document fresh_bundled() { return parse_document(bundled_policy_name, std::string(embedded(bundled_policy_name))); }

std::string answer_lines(const Document& doc, const std::vector<query::SentenceFacts>& facts, const char* question) {
  Index index(doc);
  query::Answer a = query::answer(query::parse_question(question), index, facts, 3);
  std::string out = a.verdict + ":" + a.summary;
  for (const auto& e : a.evidence) out += " " + std::to_string(doc.sentences[static_cast<std::size_t>(e.sentence)].first_line);
  return out;
}
}  // namespace

TEST_CASE("the built-in analysis of the bundled policy is what analysing it now gives, byte for byte") {
  const std::uint64_t key = bundled_key();
  Document fresh = fresh_bundled();
  REQUIRE(fresh.content_hash == 0);
  auto doc = prebuilt("doc", key), idx = prebuilt("idx", key), facts = prebuilt("facts", key);
  REQUIRE(doc.has_value());
  REQUIRE(idx.has_value());
  REQUIRE(facts.has_value());
  CHECK(*doc == serialize_document(fresh));
  CHECK(*idx == Index(fresh).snapshot());
  CHECK(*facts == query::serialize_topic_facts(query::answer_facts(fresh)));
}

TEST_CASE("only the bundled policy's bytes and the three known kinds have a built-in analysis") {
  const std::uint64_t key = bundled_key();
  CHECK_FALSE(prebuilt("doc", key + 1).has_value());
  CHECK_FALSE(prebuilt("idx", content_hash(std::string(embedded(bundled_policy_name)) + "\n")).has_value());
  CHECK_FALSE(prebuilt("practices", key).has_value());
  CHECK_FALSE(prebuilt("", key).has_value());
}

TEST_CASE("asking about the bundled policy from its built-in analysis answers as a fresh analysis does") {
  Document loaded = load_bundled_policy();
  CHECK(loaded.content_hash == bundled_key());
  CHECK(loaded.name == bundled_policy_name);
  CHECK(loaded.source == embedded(bundled_policy_name));
  Document fresh = fresh_bundled();
  REQUIRE(loaded.sentences.size() == fresh.sentences.size());
  const auto loaded_facts = query::cached_topic_facts(loaded), fresh_facts = query::topic_facts(fresh);
  for (const auto& f : loaded_facts) REQUIRE((f.analyzed || f.practices.empty()));
  for (const char* q : {"Do you sell my personal data?", "How long is my data kept after I close my account?",
                        "Is my location shared with advertisers?", "How do I delete my account?",
                        "Do you use cookies?", "What happens if the policy changes?"}) {
    CAPTURE(q);
    CHECK(answer_lines(loaded, loaded_facts, q) == answer_lines(fresh, fresh_facts, q));
  }
}

TEST_CASE("the bundled policy named as a file keeps its own name and finds the built-in analysis") {
  const std::string path = std::string(POLICYQ_SOURCE_DIR) + "/" + bundled_policy_name;
  Document named = load_policy(path);
  CHECK(named.name == path);
  CHECK(named.content_hash == bundled_key());
  Document fresh = fresh_bundled();
  REQUIRE(named.sentences.size() == fresh.sentences.size());
  for (std::size_t s = 0; s < named.sentences.size(); ++s) {
    CHECK(named.sentences[s].text == fresh.sentences[s].text);
    CHECK(named.sentences[s].first_line == fresh.sentences[s].first_line);
  }
}
