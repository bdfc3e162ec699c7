#pragma once
// The shared model of one question and one document that the answering passes
// (query/answer/passes.hpp) read and fill in turn, as a pipeline of named steps: the
// question's intents, the document's sentences with their facts (practices read on
// demand), the features each pass adds, and the candidates they score and rank.
#include "query/answer.hpp"
#include "query/verdict.hpp"

#include <string>
#include <vector>

namespace policyq::query::answering {

// Weights of the score parts, fitted on the PolicyQA dev set (coordinate ascent on hit@3
// over all question types at once: weights fitted per type of question did not carry
// over from one half of the policies to the other).
struct Weights {
  // Sentence parts.
  double lexical = 1.0;        // BM25 of the searchable words, normalised to the best sentence
  double phrase = 0.6;         // the searchable words adjacent, in order
  double title = 0.25;         // searchable words in the section path
  double title_all = 0.4;      // every question word in the section path
  double topic = 1.1;          // the sentence uses cues of the question's intent
  double section = 0.4;        // the section title names the intent (or the slots)
  double practice = 0.9;       // a practice of the sentence answers the intent and slots
  double slots = 0.9;          // slot concepts anywhere in the sentence
  double section_slots = 0.1;  // the section title names the slots
  double other_section = -0.1; // the section title names another intent
  double topic2 = 0.1, section2 = 0.1, fit2 = 0.4;  // the same for the runner-up intent
  double wh_purpose = 0.668, wh_data = 0.4, wh_recipient = 0.8;  // why / what data / who
  // A question of no known intent and no slots: the section part counts on its own.
  double section_untargeted = 0.3;
  double lead = 0.2;           // the first sentence of its paragraph (often its topic sentence)
  double short_factor = 0.9;   // fewer than four words
  double expansion = 0.8;      // BM25 of the policy vocabulary for the question's plain words
  // Choice questions: a paragraph that states a practice and names an option the user has
  // ("we share it with partners ... you may opt out"); a bonus per sentence did not help.
  double block_choice = 1.5;
  double user_agency = 0.2;    // rights questions: the user is the one who can act ("you may")
  // OPP-115 files collection and use under one category (first-party collection/use), and
  // selling under sharing: a sentence with cues of the intent's sibling and none of its own.
  double sibling_topic = 0.2;
  // Rights questions ask either for access (view, edit, delete) or for a choice (opt out,
  // unsubscribe, consent), two OPP-115 categories: a sentence naming the kind asked gains,
  // one naming only the other kind loses.
  double right_kind = 1.0;
  // Questions where a third party collects ("do advertisers track me on your site?"): a
  // sentence naming a third party beside collecting or cookies, a practice of a third party
  // collecting.
  double tp_collect = 0.5, tp_practice = 0.5;
  // Paragraph parts: BM25 of the whole question over paragraphs, the other sentences'
  // scores, the best lexical match in the paragraph, its lead sentence's lexical match,
  // the best topic match in it (a paragraph all about the topic is less specific).
  double block_bm25 = 0.2, neighbours = 0.15, block_lexical = 0.2, block_lead = 0.1, block_topic = -0.2;
};

// How many of the best candidates the verdict reads (and whose practices are read for it).
inline constexpr std::size_t verdict_pool = 15;

// How well a concept of the policy (have) answers a concept of the question (want):
// 1 the same, 0.9 more specific, less for broader ones (0.2 for a generic root).
double similarity(const Lexicon& lex, int want, int have);
// How well the concepts a text names (have) answer one slot of the question (want): the
// best similarity of any pair; 0 when the slot is empty.
double slot_score(const Lexicon& lex, const std::vector<int>& want, const std::vector<int>& have);
// slot_score summed over the question's three slots: data, recipient, purpose.
double slots_score(const Question& q, const Lexicon& lex, const std::vector<int>& have);

// The facts of the document's sentences, with practices read on demand. Ranking needs the
// topic facts of every sentence; practices, which cost the most to extract, are read for
// the candidates only. Facts given with their practices (answer_facts) spare the
// extraction, not the choice: a sentence's practices count only once a pass has chosen to
// read them, so the answer is the same whichever facts are given.
class SentenceReader {
 public:
  SentenceReader(const Document& doc, const std::vector<SentenceFacts>& given, const Lexicon& lex);

  // Body sentences (not chrome, not headings) are the only ones scored and quoted.
  bool is_body(std::size_t s) const { return body_[s] != 0; }
  // Practices read, or none possible (no action or data word).
  bool practices_read(std::size_t s) const { return read_[s] != 0; }
  const SentenceFacts& facts(std::size_t s) const { return has_full_[s] ? full_[s] : given_[s]; }
  // The sentence's practices once read; none before.
  const std::vector<Practice>& practices(std::size_t s) const;
  // Reads a body sentence's practices (extracting them unless the given facts hold them).
  void read_practices(std::size_t s);

 private:
  const Document& doc_;
  const std::vector<SentenceFacts>& given_;
  const Lexicon& lex_;
  std::vector<char> body_, read_, has_full_;
  std::vector<SentenceFacts> full_;  // the facts with practices, of sentences read here
};

// An intent a pass ranks or decides by, with the practice actions that state it.
struct IntentTarget {
  std::string intent;                // "" (no runner-up) or "other" when the question names none
  std::vector<std::string> actions;  // intent_actions(intent)
  int id = -1;                       // its lexicon concept; -1 for none or "other"
};

// Does a practice state what an intent asks? Third parties collecting is sharing, not the
// first party's own collection.
bool fits_intent(const Practice& p, const IntentTarget& target);

// One body sentence as ranking sees it.
struct Candidate {
  int sentence = -1;
  double score = 0;
  Evidence ev;        // the score parts, and the matched practice once practices count
  double base = 0;    // the score without the practice and paragraph parts
  double verdict_topic = 0, verdict_section = 0;  // topic and section parts for the asked intent
};

// What the section path around a sentence says: does it name the ranking intent, the
// runner-up, the asked intent, only other intents, the slots?
struct SectionFeatures {
  double topic = 0, topic2 = 0, slots = 0;
  double verdict_topic = 0;  // the same as topic, for the asked intent
  bool other = false;
};

struct AnswerModel {
  AnswerModel(const Question& q, const Index& index, const std::vector<SentenceFacts>& given, std::size_t top,
              const Lexicon& lex);

  // The question and the document.
  const Question& q;
  const Index& index;
  const Document& doc;
  const Lexicon& lex;
  const Weights& weights;
  const std::size_t top;  // how many evidence sentences are asked for
  SentenceReader sentences;

  // The intents that rank (ranking_intents: a choice about a practice ranks by the
  // practice first), and the asked one, which the verdict answers.
  IntentTarget intent, second_intent, asked_intent;
  // Is a lexicon concept the ranking intent, the runner-up?
  bool is_intent(int c) const;
  bool is_second_intent(int c) const;

  // lexical_features: per sentence, each normalised to the best sentence.
  std::vector<double> bm25, phrase, title, title_all, expansion;
  // lexical_features: per block, BM25 of the whole question.
  std::vector<double> block_bm25;

  // section_features: per section (sentences outside any section get none).
  std::vector<SectionFeatures> sections;
  const SectionFeatures& section_of(std::size_t s) const;

  // score_sentences: per block, its first body sentence, best lexical and topic parts, and
  // (choice questions) whether it names an option and states a practice.
  std::vector<int> lead;
  std::vector<double> block_lexical, block_topic;
  std::vector<char> block_option_cue, block_practice;
  // score_sentences: every body sentence, with its base score.
  std::vector<Candidate> candidates;

  // match_practices on: the candidates that score, best first once ranked.
  std::vector<Candidate> ranking;

  // decide_verdict: the best candidates it reads, and what it decided (positions in ranking).
  std::size_t pool = 0;
  Decision decision;
};

}  // namespace policyq::query::answering
