#pragma once
// A corpus question answered from a database (`ask --db --summary`, `--verdict yes,…`)
// need not read a policy that cannot answer anything but "not stated": one in a language
// `ask` does not answer in, or one none of whose stored practices states the asked practice
// and none of whose words makes the claims made from words (query::StatingTest). Telling
// that from the practices and search terms index stored costs a few SQL range reads; reading
// and answering a policy costs milliseconds.
#include "query/question.hpp"
#include "query/verdict.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <unordered_set>

namespace policyq::store {

// The ids of the English (or undetermined) policies with a stored practice of one of
// test.actions that query::states_asked_practice accepts for q, or with a word of each of test.sentence_words
// in one sentence (from the stored postings). Only valid for a database analysed with this policyq's rules
// (rules_stamp): the caller checks.
std::unordered_set<std::int64_t> policies_that_may_state(Connection& db, const query::Question& q,
                                                         const query::StatingTest& test, const query::Lexicon& lex);
}  // namespace policyq::store
