// The first answering passes (query/answer/features.cpp): lexical features of the
// question's words, and what the section titles around a sentence name.
#include "query/answer/passes.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;
using namespace policyq::query;
using namespace policyq::query::answering;

namespace {

// A document, its index and facts, and a model of one question about it, with the
// features of both passes computed.
struct Fixture {
  Document doc;
  Index index;
  std::vector<SentenceFacts> facts;
  Question q;
  AnswerModel m;
  Fixture(const std::string& markdown, const std::string& question)
      : doc(parse_document("features.md", markdown)), index(doc), facts(topic_facts(doc)),
        q(parse_question(question)), m(q, index, facts, 3, Lexicon::builtin()) {
    lexical_features(m);
    section_features(m);
  }
  std::size_t sentence(std::string_view fragment) const {
    for (std::size_t s = 0; s < doc.sentences.size(); ++s)
      if (doc.sentences[s].text.find(fragment) != std::string::npos) return s;
    FAIL("no sentence with " << fragment);
    return 0;
  }
  std::size_t block(std::string_view fragment) const {
    return static_cast<std::size_t>(doc.sentences[sentence(fragment)].block);
  }
};

const char* const kPolicy =
    "# Cookies\n\n"
    "We use cookies to remember your preferences.\n\n"
    "Our office is in Boston. It is open on weekdays.\n\n"
    "# Sharing\n\n"
    "## Email addresses\n\n"
    "We share your email address with advertisers.\n\n"
    "You can opt out of marketing emails at any time.\n";

}  // namespace

TEST_CASE("lexical features: the best sentence for the question's words scores 1, others less, unrelated ones 0") {
  Fixture f(kPolicy, "Do you use cookies?");
  CHECK(f.m.bm25[f.sentence("We use cookies")] == 1.0);
  CHECK(f.m.bm25[f.sentence("Our office")] == 0.0);
  for (double x : f.m.bm25) {
    CHECK(x >= 0.0);
    CHECK(x <= 1.0);
  }
}

TEST_CASE("lexical features: the question's words adjacent and in order are a phrase") {
  Fixture f(kPolicy, "Do you share my email address?");
  CHECK(f.m.phrase[f.sentence("email address with advertisers")] > 0);
  CHECK(f.m.phrase[f.sentence("We use cookies")] == 0);
}

TEST_CASE("lexical features: a section title with the question's words gives its sentences a title part") {
  Fixture f(kPolicy, "What about email?");
  CHECK(f.m.title[f.sentence("email address with advertisers")] == 1.0);
  CHECK(f.m.title[f.sentence("We use cookies")] == 0.0);
}

TEST_CASE("lexical features: informal words are searched in policy wording (expansion)") {
  Fixture f(kPolicy, "What choices do I have?");
  REQUIRE(!f.q.expansion.empty());
  CHECK(f.m.expansion[f.sentence("opt out of marketing")] == 1.0);
  CHECK(f.m.expansion[f.sentence("Our office")] == 0.0);
}

TEST_CASE("lexical features: the paragraph with the question's words scores 1, one without them 0") {
  Fixture f(kPolicy, "Where is your office?");
  CHECK(f.m.block_bm25[f.block("Our office is in Boston")] == 1.0);
  CHECK(f.m.block_bm25[f.block("We use cookies")] == 0.0);
}

TEST_CASE("section features: the ranking intent in the sentence's own title counts fully, in its parent's less") {
  Fixture f(kPolicy, "Do you share my data?");
  // "Email addresses" under "Sharing": the parent's title names sharing.
  CHECK(f.m.section_of(f.sentence("email address with advertisers")).topic == doctest::Approx(0.6));
  Fixture g("# Sharing\n\nWe share your email address with advertisers.\n", "Do you share my data?");
  CHECK(g.m.section_of(g.sentence("email address with advertisers")).topic == 1.0);
  const SectionFeatures& cookies = f.m.section_of(f.sentence("We use cookies"));
  CHECK(cookies.topic == 0);
  CHECK(cookies.other);  // a title naming only another intent
}

TEST_CASE("section features: the asked intent and the slots named by the title") {
  Fixture f(kPolicy, "Do you use cookies?");
  const SectionFeatures& cookies = f.m.section_of(f.sentence("We use cookies"));
  CHECK(cookies.verdict_topic == 1.0);
  CHECK_FALSE(cookies.other);
  Fixture g(kPolicy, "Do you share my email address?");
  CHECK(g.m.section_of(g.sentence("email address with advertisers")).slots > 0);
  CHECK(g.m.section_of(g.sentence("We use cookies")).slots == 0);
}
