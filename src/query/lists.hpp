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

// The rights a policy gives the user, told apart by what they act on: access, delete,
// correct, port, opt out of sale, of sharing, of marketing e-mail, of tracking and cookies,
// withdraw consent, object, restrict, complain to an authority. Concept ids
// "right_to_delete", "opt_out_of_sale", … ; each with the sentences stating it, best first.
// A function of its own so that `diff` can compare the rights of two versions.
std::vector<Item> find_rights(const Document& doc, const std::vector<SentenceFacts>& facts,
                              const Lexicon& lex = Lexicon::builtin());

}  // namespace policyq::query
