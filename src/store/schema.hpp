#pragma once
// The database `policyq index` writes: its tables (documented in man/policyq.1 and the
// README for sqlite3 and Datasette users), its version, and the checks every open makes.
#include "store/sqlite.hpp"

namespace policyq::store {

// PRAGMA user_version of the databases this policyq writes and reads. Raise it with any
// change to the tables or to what the documents table stores.
inline constexpr int schema_version = 2;  // 2: search_terms, search_postings, policies.term_count
// PRAGMA application_id: "PQDB", so `file` and policyq tell a policyq database from others.
inline constexpr int application_id = 0x50514442;

// Makes sure path holds a database of this schema, one this policyq can read. Throws an
// Error saying what to do when it was built by another schema, is another program's
// SQLite database, is not SQLite at all, or is damaged.
void check_schema_for_reading(Connection& db);

// For index: creates the tables in a new (empty) database; accepts one of this schema;
// refuses anything else (another schema, another program's database, not SQLite), so
// nothing the user had is overwritten. Returns true when it created the tables.
bool prepare_schema_for_writing(Connection& db);
}  // namespace policyq::store
