#pragma once
// The verdict of a yes/no question, decided over claims: each statement of the *asked*
// practice among the best-ranked sentences, with how exactly its data and recipient cover
// the question's, its polarity and its limits. Related topics help ranking, never the
// verdict: selling is not sharing, a business transfer is not a sale, collection *from*
// advertisers is not sharing *with* them.
#include "query/practices.hpp"
#include "query/question.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace policyq::query {

// One ranked candidate as the verdict sees it.
struct RankedSentence {
  int sentence = -1;
  bool on_topic = false;        // the sentence uses cues of the asked intent
  bool topic_section = false;   // its section title names the asked intent
  double lexical = 0;           // BM25 of the question's words, normalised to the best sentence
  double slots = 0;             // the question's slot concepts anywhere in the sentence
  bool dnt_context = false;     // its section title or a sentence just before it names Do Not Track
  bool regional_section = false;  // its section is for residents of some places ("California", "EEA")
  bool conditional_lead = false;  // a list item under an if-clause lead-in ("If a child writes to us, we may:")
};

// How the verdict was reached: positions in the ranked pool of the deciding claim and of
// the strongest claim on the other side (-1 when none), and what limits the answer.
struct Decision {
  std::string verdict = "not_stated";  // yes | no | conditional | not_stated
  int decider = -1;
  int counter = -1;
  std::vector<int> equivalents;        // other claims that alone would decide the same verdict, as limited
  std::vector<std::string> limits;     // conditions or exceptions that make it conditional
  bool by_topic = false;               // decided by an on-topic sentence, not by a claim of the practice
};

// "Do Not Track", "DNT" in words (not Global Privacy Control, another signal).
bool names_do_not_track(const std::vector<Word>& words);
// Does a sentence say how long data is kept: a period, "until", "as long as necessary",
// "indefinitely" ("we keep it secure" does not)?
bool says_how_long(const SentenceFacts& f);
// Section titles for residents of some places: "California", "EEA", "GDPR", "Nevada".
bool names_region(const std::vector<Word>& words);

// Practices and facts of a candidate sentence (extracted on demand by the caller).
using PracticesOf = std::function<const std::vector<Practice>&(int sentence)>;
using FactsOf = std::function<const SentenceFacts&(int sentence)>;

// pool: the best-ranked candidates, best first. window: how many of them a topic-only
// question (security, rights, contacts, changes) looks at for an on-topic sentence.
Decision decide_verdict(const Question& q, const std::vector<RankedSentence>& pool, std::size_t window,
                        const PracticesOf& practices_of, const FactsOf& facts_of, const Lexicon& lex);

// Does a practice state what the question asks (its action, who acts, not a business
// transfer)? Every claim decide_verdict makes from a practice passes this first.
bool states_asked_practice(const Question& q, const Practice& p, const Lexicon& lex);

// What a policy must hold for decide_verdict to answer q with anything but not_stated, when
// that can be told without ranking its sentences: a practice with one of `actions` that
// states the asked practice (states_asked_practice), or a sentence holding a word of each
// of `sentence_words` (folded, as a sentence writes them) for the claims made from words
// ("may be considered a sale"). A corpus question counts the policies without either as
// not stated unread. nullopt when q's verdict can come from a sentence's topic or words
// alone (security, rights, contacts, changes, transfers, deletion, children): then every
// policy must be answered.
struct StatingTest {
  std::vector<std::string> actions;
  std::vector<std::vector<std::string>> sentence_words;
};
std::optional<StatingTest> stating_test(const Question& q, const Lexicon& lex);

}  // namespace policyq::query
