// What an answer says in words (query/answer/summary.cpp): the verdict's summary in the
// policy's own words, what is not stated, retention periods first, list answers.
#include "query/answer/passes.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {

Answer ask(const std::string& markdown, const std::string& question) {
  Document doc = parse_document("summary.md", markdown);
  Index index(doc);
  return answer(parse_question(question), index, 3);
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("yes: the summary quotes the deciding sentence") {
  Answer a = ask("# Selling\n\nWe sell your personal information to data brokers.\n", "Do you sell my personal information?");
  CHECK(a.verdict == "yes");
  CHECK(a.summary == "Yes. The policy says: \"We sell your personal information to data brokers.\"");
}

TEST_CASE("no: the limits of a denial are named before the quote") {
  Document doc = parse_document("summary.md", "# Selling\n\nWe do not sell your personal information.\n");
  Index index(doc);
  const std::vector<SentenceFacts> facts = topic_facts(doc);
  Question q = parse_question("Do you sell my personal information?");
  AnswerModel m(q, index, facts, 3, Lexicon::builtin());
  m.ranking.push_back(Candidate{0, 1.0, Evidence{}, 1.0, 0, 0});
  m.decision.verdict = "no";
  m.decision.decider = 0;
  m.decision.limits = {"for marketing", "without your consent"};
  Answer a;
  a.verdict = "no";
  write_summary(m, a);
  CHECK(a.summary == "No (for marketing; without your consent). The policy says: \"We do not sell your personal information.\"");
}

TEST_CASE("conditional both ways: the deciding quote, then the other side") {
  Answer a = ask("# Selling\n\nWe sell your personal information to advertisers.\n\n"
                 "We do not sell your personal information to data brokers.\n",
                 "Do you sell my personal information?");
  CHECK(a.verdict == "conditional");
  CHECK(starts_with(a.summary, "Conditional: the policy states it both ways. The policy says: \""));
  CHECK(a.summary.find("\" But also: \"") != std::string::npos);
}

TEST_CASE("a long quote is cut at a word and marked") {
  std::string sentence = "We sell your personal information to data brokers";
  while (sentence.size() < 300) sentence += " and to other companies that buy lists of customers";
  Answer a = ask("# Selling\n\n" + sentence + ".\n", "Do you sell my personal information?");
  REQUIRE(a.verdict == "yes");
  CHECK(a.summary.find(" …\"") != std::string::npos);
  CHECK(a.summary.size() < sentence.size());
}

TEST_CASE("not stated: says what the policy does not say, in the question's terms") {
  Answer a = ask("# Cookies\n\nWe use cookies to remember your preferences.\n", "Do you sell my email address?");
  CHECK(a.verdict == "not_stated");
  CHECK(starts_with(a.summary, "Not stated. The policy does not say whether it sells "));
  CHECK(a.summary.find("email") != std::string::npos);
  CHECK(a.summary.find("the closest passages follow") != std::string::npos);
}

TEST_CASE("not stated: words the lexicon does not know are quoted as the user wrote them") {
  Answer a = ask("# Cookies\n\nWe use cookies to remember your preferences.\n", "Do you train AI models on my data?");
  CHECK(a.verdict == "not_stated");
  CHECK(starts_with(a.summary, "Not stated. The policy does not mention \""));
}

TEST_CASE("retention: the periods lead the summary") {
  Answer a = ask("# Retention\n\nWe retain your personal data for two years after you close your account.\n",
                 "How long do you keep my data?");
  CHECK(starts_with(a.summary, "Retention: "));
  CHECK(a.summary.find("(P2Y)") != std::string::npos);
}

TEST_CASE("list answers: the items the policy names, stated") {
  Answer a = ask("# Data\n\nWe collect your name, email address and phone number when you register.\n",
                 "What data do you collect?");
  CHECK(a.kind == AnswerKind::data_list);
  CHECK(a.verdict == "stated");
  CHECK(starts_with(a.summary, "Data the policy names: "));
  CHECK(!a.items.empty());
  CHECK(a.periods.empty());
}

TEST_CASE("list answers: a policy that names no contact has none stated") {
  Answer a = ask("# Cookies\n\nWe use cookies to remember your preferences.\n", "How can I contact you about privacy?");
  CHECK(a.kind == AnswerKind::contact_list);
  CHECK(a.verdict == "not_stated");
  CHECK(starts_with(a.summary, "Not stated. The policy names no contact for privacy questions"));
}
