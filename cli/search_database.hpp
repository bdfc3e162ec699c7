#pragma once
// `search --db`: the ranking from the database's search_terms and search_postings (store/stored_search.hpp),
// then the documents of the printed sentences only. Prints what searching the documents
// one by one prints (cli/cmd_search.cpp), reports each policy it quotes that changed since
// indexing (not the others: it does not read them), and returns the exit status.
#include "search_output.hpp"

namespace policyq::cli {
int search_database(const std::string& db, const CommonOptions& common, const SearchOptions& opts);
}
