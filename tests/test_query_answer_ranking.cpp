// From base scores to a ranking (query/answer/ranking.cpp): practices read for the
// candidates only, the practice part, short fragments, paragraph context, the order.
#include "query/answer/passes.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {

// A model of one question about a small policy, scored up to its base scores.
struct Model {
  Document doc;
  Index index;
  std::vector<SentenceFacts> facts;
  Question q;
  AnswerModel m;
  Model(const std::string& markdown, const std::string& question, std::size_t top = 3)
      : doc(parse_document("ranking.md", markdown)), index(doc), facts(topic_facts(doc)),
        q(parse_question(question)), m(q, index, facts, top, Lexicon::builtin()) {
    lexical_features(m);
    section_features(m);
    score_sentences(m);
  }
  void rank_all() {
    extract_candidate_practices(m);
    match_practices(m);
    add_paragraph_context(m);
    rank(m);
  }
  std::size_t sentence(std::string_view fragment) const {
    for (std::size_t s = 0; s < doc.sentences.size(); ++s)
      if (doc.sentences[s].text.find(fragment) != std::string::npos) return s;
    FAIL("no sentence with " << fragment);
    return 0;
  }
  const Candidate* ranked(std::string_view fragment) const {
    for (const Candidate& c : m.ranking)
      if (c.sentence == static_cast<int>(sentence(fragment))) return &c;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("practices are read for the paragraphs that can reach the top, not for the whole policy") {
  std::string policy = "# Policy\n\nWe sell your personal information to data brokers.\n\n";
  for (int i = 0; i < 40; ++i)
    policy += "We use meeting room " + std::to_string(i) + " for the team of the office.\n\n";
  Model t(policy, "Do you sell my personal information?");
  extract_candidate_practices(t.m);
  CHECK(t.m.sentences.practices_read(t.sentence("We sell")));
  int read = 0;
  for (int i = 0; i < 40; ++i) read += t.m.sentences.practices_read(t.sentence("room " + std::to_string(i) + " "));
  CHECK(read > 0);
  CHECK(read <= 25);  // paragraphs kept: at least 25, or top + 20
}

TEST_CASE("a practice that answers the intent adds the practice part, and is shown with the evidence") {
  Model t("# Selling\n\nWe do not sell your personal information to anyone.\n", "Do you sell my data?");
  t.rank_all();
  const Candidate* c = t.ranked("We do not sell");
  REQUIRE(c);
  CHECK(c->ev.practice >= 1.0);
  CHECK(c->ev.negative);
  CHECK(c->ev.action == "sell");
}

TEST_CASE("a fragment of fewer than four words keeps nine tenths of its score") {
  Model t("# Selling\n\nWe sell data.\n", "Do you sell my data?");
  extract_candidate_practices(t.m);
  match_practices(t.m);
  const Candidate* c = t.ranked("We sell data");
  REQUIRE(c);
  const double full = c->base + t.m.weights.practice * c->ev.practice;
  CHECK(c->score == doctest::Approx(full * t.m.weights.short_factor));
}

TEST_CASE("sentences that score next to nothing do not join the ranking") {
  Model t("# About us\n\nWe sell your personal information. Our office is in Boston.\n", "Do you sell my data?");
  t.rank_all();
  CHECK(t.ranked("We sell"));
  CHECK_FALSE(t.ranked("Boston"));
  CHECK(t.m.ranking.size() < t.m.candidates.size());
}

TEST_CASE("paragraph context: of two equal sentences, the one whose neighbour answers the question too ranks first") {
  Model t("# Sharing\n\nWe share your email address with advertisers. Our office is in Boston.\n\n"
          "We share your email address with advertisers. Advertisers receive your email address from us.\n",
          "Do you share my email address with advertisers?");
  t.rank_all();
  REQUIRE(t.m.ranking.size() >= 2);
  const std::size_t second_paragraph = static_cast<std::size_t>(t.doc.blocks.size() - 1);
  const Candidate& best = t.m.ranking.front();
  CHECK(static_cast<std::size_t>(t.doc.sentences[static_cast<std::size_t>(best.sentence)].block) == second_paragraph);
  CHECK(best.ev.paragraph > 0);
  CHECK(best.ev.score == best.score);
}

TEST_CASE("the ranking is best first") {
  Model t("# Sharing\n\nWe share your name with partners.\n\nWe sell your name to brokers.\n\n"
          "We share your name and email address with advertisers for marketing.\n",
          "Do you share my name?");
  t.rank_all();
  REQUIRE(t.m.ranking.size() >= 2);
  for (std::size_t r = 1; r < t.m.ranking.size(); ++r) CHECK(t.m.ranking[r - 1].score >= t.m.ranking[r].score);
}

TEST_CASE("the best candidates' practices are read after ranking, and their scores stay") {
  Model t("# Selling\n\nWe sell your personal information to data brokers.\n", "Do you sell my personal information?");
  // Without the candidates' practices, the sentence ranks on its base score alone.
  match_practices(t.m);
  add_paragraph_context(t.m);
  const Candidate* before = t.ranked("We sell");
  REQUIRE(before);
  CHECK(before->ev.practice == 0);
  const double score = before->ev.score;
  rank(t.m);
  const Candidate* after = t.ranked("We sell");
  REQUIRE(after);
  CHECK(after->ev.action == "sell");
  CHECK(after->ev.practice >= 1.0);
  CHECK(after->ev.score == score);
}
