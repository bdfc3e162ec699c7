// The shared model of answering (query/answer/model.hpp): how concepts of the policy
// answer concepts of the question, practices read on demand, the intents that rank.
#include "query/answer/model.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {
int data(const char* id) { return Lexicon::builtin().find(Kind::data, id); }

Document two_sentences() {
  return parse_document("model.md",
                        "# Sharing\n\n"
                        "We share your email address with advertisers.\n\n"
                        "Thank you for visiting today.\n");
}
}  // namespace

TEST_CASE("similarity: the same concept answers fully, a more specific one nearly, a generic root little") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(similarity(lex, data("email_address"), data("email_address")) == 1.0);
  CHECK(similarity(lex, data("contact_information"), data("email_address")) == 0.9);
  const double broader = similarity(lex, data("email_address"), data("contact_information"));
  CHECK(broader > 0);
  CHECK(broader < 0.9);
  CHECK(similarity(lex, data("email_address"), data("personal_information")) == 0.2);
  CHECK(similarity(lex, data("email_address"), data("health")) == 0);
}

TEST_CASE("slot scores: the best pair of a slot, summed over the slots the question names") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(slot_score(lex, {}, {data("email_address")}) == 0);
  CHECK(slot_score(lex, {data("email_address")}, {data("health"), data("email_address")}) == 1.0);
  Question q = parse_question("Do you share my email address with advertisers?");
  REQUIRE(!q.data.empty());
  REQUIRE(!q.recipient.empty());
  std::vector<int> both = {q.data.front(), q.recipient.front()};
  CHECK(slots_score(q, lex, both) == 2.0);
  CHECK(slots_score(q, lex, {q.data.front()}) == 1.0);
}

TEST_CASE("practices count only once read, whichever facts are given") {
  Document doc = two_sentences();
  const std::vector<SentenceFacts> topic = topic_facts(doc);
  const std::vector<SentenceFacts> full = answer_facts(doc);
  std::size_t share = 0;
  while (doc.sentences[share].text.find("We share") == std::string::npos) ++share;
  for (const auto* given : {&topic, &full}) {
    SentenceReader reader(doc, *given, Lexicon::builtin());
    CHECK(reader.is_body(share));
    CHECK_FALSE(reader.practices_read(share));
    CHECK(reader.practices(share).empty());
    reader.read_practices(share);
    CHECK(reader.practices_read(share));
    REQUIRE(reader.practices(share).size() == 1);
    CHECK(reader.practices(share).front().action == "share");
  }
}

TEST_CASE("a sentence without an action or data word counts as read, with no practices") {
  Document doc = two_sentences();
  const std::vector<SentenceFacts> topic = topic_facts(doc);
  SentenceReader reader(doc, topic, Lexicon::builtin());
  std::size_t thanks = 0;
  while (doc.sentences[thanks].text.find("Thank you") == std::string::npos) ++thanks;
  CHECK(reader.practices_read(thanks));
  CHECK(reader.practices(thanks).empty());
}

TEST_CASE("a choice about a practice ranks by the practice; the asked intent stays the verdict's") {
  Document doc = two_sentences();
  Index index(doc);
  const std::vector<SentenceFacts> topic = topic_facts(doc);
  Question q = parse_question("Do I have a choice about my data being shared with others?");
  AnswerModel m(q, index, topic, 3, Lexicon::builtin());
  CHECK(m.intent.intent == "sharing");
  CHECK(m.second_intent.intent == "rights");
  CHECK(m.asked_intent.intent == q.intent);
  CHECK(m.is_intent(Lexicon::builtin().find(Kind::intent, "sharing")));
  CHECK(m.is_second_intent(Lexicon::builtin().find(Kind::intent, "rights")));
  CHECK_FALSE(m.is_intent(-1));
}

TEST_CASE("fits_intent: a third party collecting is sharing, not the first party's collection") {
  Practice p;
  p.action = "collect";
  p.actor = "third_party";
  CHECK(fits_intent(p, IntentTarget{"sharing", intent_actions("sharing"), -1}));
  CHECK_FALSE(fits_intent(p, IntentTarget{"collection", intent_actions("collection"), -1}));
  p.actor = "first_party";
  CHECK(fits_intent(p, IntentTarget{"collection", intent_actions("collection"), -1}));
  p.action = "sell";
  CHECK(fits_intent(p, IntentTarget{"selling", intent_actions("selling"), -1}));
  CHECK_FALSE(fits_intent(p, IntentTarget{"collection", intent_actions("collection"), -1}));
}
