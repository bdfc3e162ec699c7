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

}  // namespace policyq::query::answering
