#pragma once
// Answering a question about one policy: rank its sentences by how well their practices
// match the question's intent and slots (through the concept hierarchy), combined with
// the lexical (BM25, phrase, section-title) features of the Index and the section
// context; then decide the verdict from the practices of the best evidence. The steps are
// named passes over one model of the question and the document: query/answer/passes.hpp.
#include "document/document.hpp"
#include "index/index.hpp"
#include "query/practices.hpp"
#include "query/question.hpp"

#include <string>
#include <vector>

namespace policyq::query {

struct Evidence {
  int sentence = -1;                  // index into Document::sentences
  double score = 0;
  bool negative = false;              // the matched practice (or the sentence) denies
  std::vector<std::string> conditions;
  std::vector<int> concepts;          // lexicon concepts of the sentence that match the question
  std::string action;                 // action of the matched practice ("" when none)
  // Score parts, for --explain.
  double lexical = 0, practice = 0, topic = 0, section = 0, slots = 0;
  double expansion = 0;  // BM25 of the question's expansion into policy wording
  double paragraph = 0;  // what the sentence's paragraph added (context, neighbours, choices)
};

// One thing a list answer names ("IP address", "advertisers", "privacy@example.com"), with
// the sentences that state it, in document order.
struct Item {
  std::string label;          // plain words, as a person reads them
  std::string concept_id;     // lexicon concept id, or the kind of contact ("email", "web_form", "postal_address")
  std::vector<int> sentences; // indexes into Document::sentences
};

struct Answer {
  AnswerKind kind = AnswerKind::verdict;
  std::string verdict = "not_stated";  // yes | no | conditional | not_stated; lists: stated | not_stated
  std::string summary;
  std::vector<Period> periods;         // line filled in
  std::vector<Evidence> evidence;      // best first, at most top
  std::vector<Item> items;             // list answers: what the policy names, best first
};

// The facts of every sentence of a document (empty for chrome and heading sentences).
std::vector<SentenceFacts> analyze_document(const Document& doc, const Lexicon& lex = Lexicon::builtin());

// What ranking needs of every sentence, whatever the question: words, lexicon matches,
// concepts and intent cues of each body sentence (empty for the others), no practices.
// Computed once per document, it serves every question asked of it.
std::vector<SentenceFacts> topic_facts(const Document& doc, const Lexicon& lex = Lexicon::builtin());

// topic_facts with the practices and periods of every sentence that may state one, as
// answering extracts them for its candidates: given these, answer extracts nothing (the
// bundled policy's built-in analysis holds them).
std::vector<SentenceFacts> answer_facts(const Document& doc, const Lexicon& lex = Lexicon::builtin());
// Turns topic facts into answer facts in place; returns how many sentences it analysed.
std::size_t complete_answer_facts(const Document& doc, std::vector<SentenceFacts>& facts,
                                  const Lexicon& lex = Lexicon::builtin());
// Does a sentence name an action or a data type, without which it states no practice?
bool may_state_practice(const SentenceFacts& f, const Lexicon& lex = Lexicon::builtin());

// Answers q about the document indexed by index, with at most top evidence sentences.
// topic: topic_facts (or answer_facts) of the document (the overload without it computes them).
Answer answer(const Question& q, const Index& index, const std::vector<SentenceFacts>& topic, std::size_t top,
              const Lexicon& lex = Lexicon::builtin());
Answer answer(const Question& q, const Index& index, std::size_t top, const Lexicon& lex = Lexicon::builtin());

// True for sentences that can be evidence: not chrome, not a heading.
bool is_body_sentence(const Document& doc, int sentence);
// Body sentences, plus prose the chrome detector set aside: a paragraph or list item
// without links, of eight words or more (what `practices` reads).
bool is_prose_sentence(const Document& doc, int sentence);

// Does a sentence name an option the user has ("unless you", "opt out", "you may choose",
// "if you do not want", "settings", "preferences", "unsubscribe")?
bool has_option_cue(const std::vector<Word>& words);
// Does a question ask about the user's choices or controls ("choice", "control", "opt out")?
bool asks_choice(const Question& q);

// The intents that rank the evidence. Usually the question's (intent, intent2); a choice
// about a first-party or third-party practice ("can I opt out of data collection?") ranks
// by the practice first and the choice second, since policies state the option beside the
// practice. The verdict always answers q.intent.
struct RankIntents {
  std::string intent, intent2;
};
RankIntents ranking_intents(const Question& q);

}  // namespace policyq::query
