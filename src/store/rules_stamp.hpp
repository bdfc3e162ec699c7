#pragma once
// Which practice rules analysed a database: the hash of the lexicon image built into this
// policyq (every src/query/lexicon/*.tsv, English and French). `index` stores it in meta
// ("rules") and re-analyses every policy when the stored one differs, so an upgrade never
// leaves old answers behind an unchanged file; the read commands warn when it differs.
// A change of extraction code alone does not change it: then run `index --force`.
#include "store/sqlite.hpp"

#include <string>

namespace policyq::store {
// "lexicon-" and 16 hex digits.
std::string rules_stamp();
// The stamp a database was analysed with, "" when it records none (made before the stamp).
std::string stored_rules_stamp(Connection& db);
}  // namespace policyq::store
