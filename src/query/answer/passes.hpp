#pragma once
// Answering as a pipeline of named passes over one shared model of the question and the
// document (query/answer/model.hpp). answer() runs them in this order; each reads what
// the passes before it wrote into the model and adds its own part.
#include "query/answer/model.hpp"

namespace policyq::query::answering {

// Lexical features: BM25 of the question's searchable words per sentence, whether they
// occur as a phrase, how much of the question the section path names, the BM25 of the
// question's expansion into policy wording, and the BM25 of the whole question per
// paragraph (the gold answer to a question is often a paragraph, not a sentence).
void lexical_features(AnswerModel& m);

// Section features: does the section path around each body sentence name the ranking
// intent, the runner-up, the asked intent, only other intents, or the slots?
void section_features(AnswerModel& m);

// The base score of every body sentence, from its lexical and section features, its topic
// cues (the ranking intent, its sibling, the runner-up), the slot concepts it names, what
// the question's wh-word asks for, whether it leads its paragraph, and the cues of
// particular questions: the user's agency (rights), a third party collecting, the kind
// of right asked, an option beside a practice (choices). Also what each paragraph's
// sentences share: its lead, its best lexical and topic parts, its option cues.
void score_sentences(AnswerModel& m);

// Reads the practices of the candidates only: every sentence of the paragraphs that can
// still reach the top once their practices count. Extracting practices costs the most;
// most paragraphs of a policy are far from any question.
void extract_candidate_practices(AnswerModel& m);

// The practice part: how well a sentence's best practice answers the intent and slots
// (shown with the evidence: its polarity, conditions, action), the runner-up intent, and
// short fragments, which are rarely an answer. The candidates that score join the ranking.
void match_practices(AnswerModel& m);

// Paragraph context: a sentence gains from a paragraph that matches the question, from
// strong neighbours in it, from its paragraph's best lexical match and lead sentence, and
// (choice questions) from a paragraph that names an option beside a practice; it loses
// from a paragraph all about the topic, which is less specific.
void add_paragraph_context(AnswerModel& m);

// Orders the ranking best first (ties in document order) and reads the practices of the
// best candidates, which the verdict and the periods read.
void rank(AnswerModel& m);

// Reads the practices of a ranked candidate not read before and shows its best practice
// with it. It keeps its rank and score: the ranking is decided by then.
void read_ranked_practices(AnswerModel& m, std::size_t r);

// The verdict: query::decide_verdict over the claims of the best candidates (the pool).
void decide_verdict(AnswerModel& m);

// The evidence: the best sentences, one per paragraph first, up to top; the claim that
// decided the verdict first, then the one on the other side, then the rest in rank order.
void choose_evidence(AnswerModel& m, Answer& ans);

// Retention questions: the periods the evidence states, then those of the best candidates,
// each once, with its line.
void retention_periods(AnswerModel& m, Answer& ans);

// The summary in the policy's own words: the verdict with the deciding quote (and the one
// on the other side), or what the policy does not say; the periods first when there are.
void write_summary(const AnswerModel& m, Answer& ans);

// A what / who / why / where / how-to-contact question: the items the policy names, each
// with its sentences (from the practices of every sentence, completed from topic); the
// verdict is "stated" or "not_stated" and the summary lists the items.
void answer_in_kind(const Question& q, const Document& doc, const std::vector<SentenceFacts>& topic, const Lexicon& lex,
                    Answer& ans);

}  // namespace policyq::query::answering
