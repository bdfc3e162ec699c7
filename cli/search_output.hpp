#pragma once
// What `search` prints for a hit, shared by its two plans (cli/cmd_search.cpp over
// documents, cli/search_database.cpp over a database's postings), so both print the same.
#include "command.hpp"
#include "document/document.hpp"
#include "index/index.hpp"
#include "output.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace policyq::cli {

struct SearchOptions {
  std::string query;
  std::size_t top = 10;
  bool all = false;
  unsigned jobs = 0;  // threads reading policies; 0: one per core
};

// A hit with what printing it needs, so that its policy can be freed once searched:
// memory holds the best top hits, not every policy.
struct Result {
  double score = 0;
  nlohmann::json json;  // --json
  std::string text;     // the text lines
};

// q: the query as doc's language analyses it; analyzer: that language's.
Result render(const Document& doc, Analyzer& analyzer, const QueryTerms& q, const SearchHit& hit,
              const CommonOptions& common, const Style& style);

// Prints the results (unless -q); the exit status: 0 when any, 1 when none.
int print_results(const SearchOptions& opts, const CommonOptions& common, std::vector<Result>& results);
}  // namespace policyq::cli
