// The base score of body sentences (query/answer/scoring.cpp): topic cues, the lead of a
// paragraph, wh-questions, the user's agency, third parties collecting, kinds of rights,
// option cues of choice questions.
#include "query/answer/passes.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {

// A model of one question about a small policy, scored up to its base scores.
struct Scored {
  Document doc;
  Index index;
  std::vector<SentenceFacts> facts;
  Question q;
  AnswerModel m;
  Scored(const std::string& markdown, const std::string& question)
      : doc(parse_document("scoring.md", markdown)), index(doc), facts(topic_facts(doc)),
        q(parse_question(question)), m(q, index, facts, 3, Lexicon::builtin()) {
    lexical_features(m);
    section_features(m);
    score_sentences(m);
  }
  // The candidate of the n-th sentence containing fragment.
  const Candidate& of(std::string_view fragment, int n = 0) const {
    for (const Candidate& c : m.candidates)
      if (doc.sentences[static_cast<std::size_t>(c.sentence)].text.find(fragment) != std::string::npos && n-- == 0)
        return c;
    FAIL("no candidate with " << fragment);
    return m.candidates.front();
  }
  std::size_t block(std::string_view fragment) const {
    return static_cast<std::size_t>(doc.sentences[static_cast<std::size_t>(of(fragment).sentence)].block);
  }
};

}  // namespace

TEST_CASE("every body sentence is a candidate, in document order, before any practice counts") {
  Scored s("# Data\n\nWe collect your name.\n\nWe collect your email address.\n", "Do you collect my name?");
  REQUIRE(s.m.candidates.size() == 2);
  CHECK(s.m.candidates[0].sentence < s.m.candidates[1].sentence);
  for (const Candidate& c : s.m.candidates) {
    CHECK(c.ev.practice == 0);
    CHECK(c.ev.paragraph == 0);
    CHECK(c.score == 0);
  }
}

TEST_CASE("a sentence with cues of the question's topic outranks one without them") {
  Scored s("# About\n\nWe sell tickets to concerts.\n\nWe keep your data for two years.\n",
           "How long do you retain my data?");
  CHECK(s.of("two years").ev.topic >= 1.0);
  CHECK(s.of("tickets").ev.topic == 0);
  CHECK(s.of("two years").base > s.of("tickets").base);
  CHECK(s.of("two years").verdict_topic >= 1.0);  // the asked intent is the ranking one here
}

TEST_CASE("the first sentence of a paragraph gains the lead part over the same words after it") {
  Scored s("# Data\n\nWe collect your name. We collect your name.\n", "Do you collect my name?");
  const Candidate& first = s.of("We collect your name", 0);
  const Candidate& second = s.of("We collect your name", 1);
  CHECK(s.m.lead[s.block("We collect")] == first.sentence);
  CHECK(first.base - second.base == doctest::Approx(s.m.weights.lead));
}

TEST_CASE("'what information': a sentence naming specific data types gains") {
  Scored s("# Data\n\nWe collect information such as your name, email address and phone number.\n\n"
           "We collect information such as your shoe size, hat style and shirt color.\n",
           "What information do you collect?");
  REQUIRE(s.q.asks_data);
  CHECK(s.of("phone number").base > s.of("shoe size").base);
}

TEST_CASE("rights questions: what the user can do outranks what the company does") {
  Scored s("# Accounts\n\nYou may delete your account.\n\nWe may delete your account.\n",
           "Can I delete my account?");
  CHECK(s.of("You may delete").base - s.of("We may delete").base == doctest::Approx(s.m.weights.user_agency));
}

TEST_CASE("rights questions: a sentence naming only the other kind of right loses") {
  Scored s("# Rights\n\nYou can delete your data.\n\nYou can opt out of your data.\n", "Can I delete my data?");
  CHECK(s.of("delete your data").base > s.of("opt out").base);
}

TEST_CASE("a third party collecting on the site gains when the question is about third parties collecting") {
  const char* policy =
      "# Ads\n\nAdvertisers collect data about your visits.\n\nWe collect data about your visits.\n";
  Scored s(policy, "Do advertisers collect my data?");
  REQUIRE(s.q.third_party_actor);
  CHECK(s.of("Advertisers collect").base > s.of("We collect").base);
}

TEST_CASE("choice questions: a paragraph naming an option beside a practice is marked") {
  Scored s("# Sharing\n\nWe share your email address with partners unless you opt out.\n\n"
           "Our office is in Boston.\n",
           "What choices do I have about sharing?");
  CHECK(s.m.block_option_cue[s.block("unless you opt out")]);
  CHECK(s.m.block_practice[s.block("unless you opt out")]);
  CHECK_FALSE(s.m.block_option_cue[s.block("Boston")]);
  Scored t("# Sharing\n\nWe share your email address with partners unless you opt out.\n",
           "Do you share my email address?");
  CHECK_FALSE(t.m.block_option_cue[t.block("unless you opt out")]);  // not a choice question
}

TEST_CASE("each paragraph keeps its best lexical and topic parts") {
  Scored s("# Data\n\nWe keep logs. We retain your data for two years.\n\nOur office is in Boston.\n",
           "How long do you retain my data?");
  const std::size_t b = s.block("two years");
  CHECK(s.m.block_lexical[b] == 1.0);
  CHECK(s.m.block_topic[b] == s.of("two years").ev.topic);
  CHECK(s.m.block_lexical[s.block("Boston")] == 0);
}
