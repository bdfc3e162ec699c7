// What an answer shows (query/answer/evidence.cpp): the verdict over the best candidates,
// evidence one per paragraph with the deciding claim first, retention periods.
#include "query/answer/passes.hpp"

#include "document/loader.hpp"
#include "util/embedded.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {

// A model of one question about a small policy, ranked and decided.
struct Decided {
  Document doc;
  Index index;
  std::vector<SentenceFacts> facts;
  Question q;
  AnswerModel m;
  Answer ans;
  Decided(const std::string& markdown, const std::string& question, std::size_t top = 3)
      : doc(parse_document("evidence.md", markdown)), index(doc), facts(topic_facts(doc)),
        q(parse_question(question)), m(q, index, facts, top, Lexicon::builtin()) {
    lexical_features(m);
    section_features(m);
    score_sentences(m);
    extract_candidate_practices(m);
    match_practices(m);
    add_paragraph_context(m);
    rank(m);
    decide_verdict(m);
    choose_evidence(m, ans);
    retention_periods(m, ans);
  }
  const Sentence& sentence_of(const Evidence& e) const { return doc.sentences[static_cast<std::size_t>(e.sentence)]; }
};

}  // namespace

TEST_CASE("the verdict reads at most the fifteen best candidates") {
  std::string policy = "# Selling\n\n";
  for (int i = 0; i < 20; ++i) policy += "We sell your personal information to broker number " + std::to_string(i) + ".\n\n";
  Decided d(policy, "Do you sell my personal information?");
  CHECK(d.m.ranking.size() > verdict_pool);
  CHECK(d.m.pool == verdict_pool);
  CHECK(d.m.decision.verdict == "yes");
}

TEST_CASE("the verdict reads a candidate with the titles above it: 'these signals' under 'Do Not Track'") {
  Decided d("# Privacy\n\nWe care about privacy.\n\n## Do Not Track\n\n"
            "Some browsers send signals to websites. We do not respond to these signals.\n",
            "Do you honor Do Not Track signals?");
  CHECK(d.m.decision.verdict == "no");
  REQUIRE(!d.ans.evidence.empty());
  CHECK(d.sentence_of(d.ans.evidence.front()).text == "We do not respond to these signals.");
}

TEST_CASE("evidence: one sentence per paragraph first, then the best of the rest, never more than top") {
  const std::string policy =
      "# Sharing\n\n"
      "We share your email address with advertisers. Advertisers receive your email address. "
      "Your email address goes to advertisers.\n\n"
      "We may share your name with our vendors.\n";
  const std::string question = "Do you share my email address with advertisers?";
  Decided d(policy, question, 2);
  REQUIRE(d.ans.evidence.size() == 2);
  std::set<int> blocks;
  for (const Evidence& e : d.ans.evidence) blocks.insert(d.sentence_of(e).block);
  CHECK(blocks.size() == 2);
  Decided all(policy, question, 4);
  CHECK(all.ans.evidence.size() == 4);
}

TEST_CASE("evidence: a lead sentence and its list on the next lines are one paragraph") {
  Decided d("# How We Use Information\n\n"
            "We use your email address in these ways:\n"
            "- to send newsletters to your email address\n"
            "- to answer questions sent from your email address\n\n"
            "You can also write to us by email.\n",
            "How do you use my email address?", 2);
  REQUIRE(d.ans.evidence.size() == 2);
  int in_list = 0;
  for (const Evidence& e : d.ans.evidence) in_list += d.sentence_of(e).first_line <= 5;
  CHECK(in_list == 1);
}

TEST_CASE("evidence: the claim that decided the verdict first, then the claim on the other side") {
  Decided d("# Selling\n\n"
            "This section is about selling personal information: whether we sell personal information, and to "
            "whom personal information is sold.\n\n"
            "We sell your personal information to advertisers.\n\n"
            "We do not sell your personal information to data brokers.\n",
            "Do you sell my personal information?");
  const Decision& v = d.m.decision;
  CHECK(v.verdict == "conditional");
  REQUIRE(v.decider >= 0);
  REQUIRE(v.counter >= 0);
  REQUIRE(d.ans.evidence.size() >= 2);
  CHECK(d.ans.evidence[0].sentence == d.m.ranking[static_cast<std::size_t>(v.decider)].sentence);
  CHECK(d.ans.evidence[1].sentence == d.m.ranking[static_cast<std::size_t>(v.counter)].sentence);
  CHECK(d.ans.evidence[0].negative != d.ans.evidence[1].negative);
}

TEST_CASE("evidence: on the bundled policy the sentence the summary quotes is always the first shown") {
  const std::string text(load_bundled_policy().source);
  const char* questions[] = {"Do you sell my personal data?", "Is my email shared with advertisers?",
                             "Do you share my IP address with law enforcement?", "Do you use cookies?",
                             "Do you collect information from children?", "Do you honor Do Not Track?",
                             "Do you use my information for advertising?", "Do you share my data with third parties?"};
  int decided = 0;
  for (const char* question : questions) {
    CAPTURE(question);
    Decided d(text, question);
    const Decision& v = d.m.decision;
    if (v.decider < 0 || v.by_topic) continue;
    ++decided;
    REQUIRE(!d.ans.evidence.empty());
    CHECK(d.ans.evidence.front().sentence == d.m.ranking[static_cast<std::size_t>(v.decider)].sentence);
    CHECK(d.ans.evidence.size() <= 4);  // --top 3, plus the decider when it ranked lower
  }
  CHECK(decided >= 5);
}

TEST_CASE("evidence: a claim among the best-ranked that decides the same verdict is quoted before one ranked lower") {
  std::string policy = "# Sharing\n\nWe share your personal information with advertisers for advertising.\n\n";
  for (int i = 0; i < 6; ++i)
    policy += "Advertisers and advertising partners number " + std::to_string(i) + " are listed on our advertisers page.\n\n";
  policy += "We share your email address with advertisers.\n";
  Decided d(policy, "Is my email address shared with advertisers?");
  const Decision& v = d.m.decision;
  CHECK(v.verdict == "yes");
  REQUIRE(!d.ans.evidence.empty());
  CHECK(d.ans.evidence.front().sentence == d.m.ranking[static_cast<std::size_t>(v.decider)].sentence);
}

TEST_CASE("every evidence sentence shows its own practice") {
  Decided d("# Sharing\n\nWe share your email address with advertisers.\n\nWe sell your name to data brokers.\n",
            "Do you share my email address?");
  for (const Evidence& e : d.ans.evidence) CHECK(d.m.sentences.practices_read(static_cast<std::size_t>(e.sentence)));
  REQUIRE(!d.ans.evidence.empty());
  CHECK(d.ans.evidence.front().action == "share");
}

TEST_CASE("retention periods: from the evidence, each once, with the line that states it") {
  Decided d("# Retention\n\nWe retain your personal data for two years after you close your account.\n\n"
            "We retain your personal data for two years after you close your account, as the law requires.\n",
            "How long do you keep my data?");
  REQUIRE(!d.ans.periods.empty());
  std::set<std::pair<std::string, int>> seen;
  for (const Period& p : d.ans.periods) {
    CHECK(p.line > 0);
    CHECK(seen.insert({p.text, p.line}).second);
  }
  CHECK(d.ans.periods.front().iso == "P2Y");
}

TEST_CASE("retention periods only for retention questions") {
  Decided d("# Retention\n\nWe retain your personal data for two years.\n", "Do you sell my personal data?");
  CHECK(d.ans.periods.empty());
}
