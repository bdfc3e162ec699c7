#pragma once
// List answers: what a policy names in answer to a what / who / why / where question —
// the data types it collects (or shares, or sells), the recipients it shares with, the
// purposes, the places data is stored or transferred to, the rights a user has. Each item
// comes from affirmed practices (or statements) of the policy, with the sentences stating it.
#include "document/document.hpp"
#include "query/answer.hpp"
#include "query/practices.hpp"
#include "query/question.hpp"

#include <vector>

namespace policyq::query {

// facts: answer facts of doc (the practices of every sentence that may state one).
// Items best first (most often / most plainly stated); empty when the policy names none.
std::vector<Item> list_items(AnswerKind kind, const Question& q, const Document& doc,
                             const std::vector<SentenceFacts>& facts, const Lexicon& lex = Lexicon::builtin());

}  // namespace policyq::query
