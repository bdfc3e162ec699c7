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

}  // namespace policyq::query::answering
