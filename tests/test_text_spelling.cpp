// One spelling for British and American English (text/spelling.hpp), and what it is for:
// the index, the lexicon and diff read "authorise" as "authorize".
#include "text/spelling.hpp"
#include "text/analyzer.hpp"
#include "query/practices.hpp"
#include "check/diff.hpp"
#include "document/loader.hpp"

#include <doctest/doctest.h>

using namespace policyq;

TEST_CASE("spelling: British forms become American ones") {
  CHECK(american_spelling("authorise") == "authorize");
  CHECK(american_spelling("authorised") == "authorized");
  CHECK(american_spelling("organisation") == "organization");
  CHECK(american_spelling("organisations") == "organizations");
  CHECK(american_spelling("personalising") == "personalizing");
  CHECK(american_spelling("recognise") == "recognize");
  CHECK(american_spelling("minimise") == "minimize");
  CHECK(american_spelling("prioritise") == "prioritize");
  CHECK(american_spelling("anonymised") == "anonymized");
  CHECK(american_spelling("customise") == "customize");
  CHECK(american_spelling("behaviour") == "behavior");
  CHECK(american_spelling("behavioural") == "behavioral");
  CHECK(american_spelling("favourite") == "favorite");
  CHECK(american_spelling("honour") == "honor");
  CHECK(american_spelling("centre") == "center");
  CHECK(american_spelling("licence") == "license");
  CHECK(american_spelling("analyse") == "analyze");
  CHECK(american_spelling("cancelled") == "canceled");
  CHECK(american_spelling("programme") == "program");
}

TEST_CASE("spelling: words spelled '-ise' or '-our' in American English too are left alone") {
  for (const char* w : {"advertise", "advertising", "advertisers", "exercise", "promise", "compromise", "premise",
                        "premises", "comprise", "surprise", "franchise", "supervise", "revise", "expertise",
                        "otherwise", "likewise", "enterprise", "precise", "concise", "treatise", "raise", "rise",
                        "our", "your", "four", "hour", "hours", "tour", "ours", "center", "authorize", "metro",
                        "literal", "literature", "spectrum", "collective", "labeled", "modeling"})
    CHECK_MESSAGE(american_spelling(w) == w, w);
}

TEST_CASE("spelling: the index stems both spellings to one term") {
  Analyzer a("en");
  CHECK(a.analyze("organisation")[0].term == a.analyze("organization")[0].term);
  CHECK(a.analyze("behaviour")[0].term == a.analyze("behavior")[0].term);
  Analyzer fr("fr");  // other languages keep their own words
  CHECK(fr.analyze("organisation")[0].term != fr.analyze("organization")[0].term);
}

TEST_CASE("spelling: 'you authorise' is the same consent condition as 'you authorize'") {
  const auto& lex = query::Lexicon::builtin();
  auto british = query::analyze_sentence("We share your email address with our partners when you authorise us to.", lex);
  auto american = query::analyze_sentence("We share your email address with our partners when you authorize us to.", lex);
  REQUIRE(!british.practices.empty());
  REQUIRE(!american.practices.empty());
  CHECK(british.practices[0].conditions == american.practices[0].conditions);
}

TEST_CASE("spelling: a British-to-American edit is no change for diff") {
  const std::string old_text =
      "# Privacy\n\nWe share your personal information with our partners only when you authorise us to.\n\n"
      "We personalise advertising based on your behaviour.\n";
  const std::string new_text =
      "# Privacy\n\nWe share your personal information with our partners only when you authorize us to.\n\n"
      "We personalize advertising based on your behavior.\n";
  check::Report r = check::diff_documents(parse_document("old.md", old_text), parse_document("new.md", new_text));
  CHECK(r.findings.empty());
}
