#pragma once
// Plain words for lexicon concepts: what a person reads in answers and messages
// ("IP address", "law enforcement"), never the concept ids of the JSON ("ip_address").
#include "query/lexicon.hpp"

#include <string>

namespace policyq::query {

// The plain label of a concept: its own wording where the id is not plain English
// ("dnt_signal" -> "Do Not Track signals"), else the id with spaces ("law enforcement").
std::string plain_label(const Lexicon& lex, int concept_index);
std::string plain_label(std::string_view concept_id);

}  // namespace policyq::query
