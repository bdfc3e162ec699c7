#pragma once
// Practice extraction: the data practices one sentence states — who (actor) does what
// (action) to which data, for whom (recipient) and why (purpose), affirmed or denied
// (polarity, with the scope of the denial), how firmly (modality), under which conditions,
// and for how long (periods). Rule-based over the lexicon; deterministic.
#include "query/lexicon.hpp"
#include "query/periods.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace policyq::query {

struct Practice {
  std::string action;               // lexicon action id: collect, use, share, sell, retain, ...
  std::string actor = "first_party";  // first_party | third_party
  std::vector<int> data;            // lexicon concept indexes
  std::vector<int> recipient;
  std::vector<int> purpose;
  bool negative = false;
  std::string modality;             // may | will | must | "" (plain statement)
  std::vector<std::string> conditions;
  std::string scope;                // the words that limit a denial ("for use under (iii) or (iv)")
  std::vector<Period> periods;      // for retain / store / delete
  std::size_t begin = 0;            // byte span of the action words in the sentence
  std::size_t end = 0;
};

// Everything the answerer needs to know about one sentence.
struct SentenceFacts {
  std::vector<Word> words;
  std::vector<Match> matches;
  std::vector<Practice> practices;
  std::vector<int> concepts;        // every data / recipient / purpose concept mentioned
  std::vector<int> intents;         // intent concepts whose topic cues occur (policy-side cues)
  std::vector<int> intent_hits;     // how many cues of each of those intents occur
  std::vector<Period> periods;      // every period in the sentence
  bool has_negation = false;
  bool analyzed = false;            // practices and periods extracted (analyze_sentence), not only topics
};

// Fills the concepts, intents (with hits) and has_negation of f from f.matches: the topic
// facts ranking needs of every sentence, practices or not.
void add_topics(SentenceFacts& f, const Lexicon& lex);

SentenceFacts analyze_sentence(std::string_view text, const Lexicon& lex = Lexicon::builtin());
// The same from the text's words and sentence-side lexicon matches, when the caller has
// them already (tokenize(text), lex.match(words, false)).
SentenceFacts analyze_sentence(std::string_view text, std::vector<Word> words, std::vector<Match> matches,
                               const Lexicon& lex = Lexicon::builtin());

// Actions that hand data on to others, and first-party handling actions.
bool is_share_action(std::string_view action);
// "do not track" at word `at` is the verb phrase of a subject ("we do not track you"), not
// the name of the Do Not Track signal ("we honor Do Not Track", "Do Not Track signals").
bool do_not_track_is_verb(const std::vector<Word>& words, std::size_t at);
// The actions of a company taking in or handling data (collect, use, receive, obtain,
// process, store, retain, access).
const std::vector<std::string>& collect_actions();
bool is_collect_action(std::string_view action);

}  // namespace policyq::query
