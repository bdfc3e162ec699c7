#include "search_database.hpp"
#include "policies.hpp"
#include "store/schema.hpp"
#include "store/stored_search.hpp"
#include "text/encoding.hpp"
#include "util/error.hpp"

#include <map>
#include <memory>

namespace policyq::cli {
namespace {
// A printed policy's sentences (store::read_sentences) and its language's analysis of the
// query, read once however many of its sentences are printed.
struct Printed {
  Document doc;
  std::unique_ptr<Analyzer> analyzer;
  QueryTerms q;
};
}  // namespace

int search_database(const std::string& path, const CommonOptions& common, const SearchOptions& opts) {
  check_encoding_name(common.encoding);
  store::Connection db(path, store::Connection::Mode::read);
  store::check_schema_for_reading(db);
  std::vector<store::ListedPolicy> policies = store::list_policies(db, common.policies);
  Style style{!common.json && !common.quiet && use_color(common)};
  store::StoredRanking ranking = store::rank_stored(db, policies, opts.query, opts.top, opts.all);
  if (!ranking.any_terms)
    throw Error("query: '" + opts.query + "' has no words to search for (only stop words or punctuation)");
  // The policies quoted are compared with their files, in path order, as reading them
  // would: the others are not read (a stat each would cost 20,000 files 30 ms or more).
  std::map<std::size_t, Printed> printed;
  SourceOptions report;
  report.on_error = report_input_error;
  std::map<std::size_t, std::vector<int>> quoted;
  for (const store::StoredHit& h : ranking.hits) quoted[h.policy].push_back(h.sentence);
  for (auto& [policy, sentences] : quoted) {
    Printed& p = printed[policy];
    store::with_paths(db, policies[policy]);
    store::report_if_stale(db, policies[policy], report);
    p.doc = store::read_sentences(db, policies[policy], sentences);
    p.analyzer = std::make_unique<Analyzer>(p.doc.language);
    p.q = parse_query(*p.analyzer, opts.query);
  }
  std::vector<Result> results;
  for (const store::StoredHit& h : ranking.hits) {
    const Printed& p = printed.at(h.policy);
    SearchHit hit{h.sentence, h.score, h.bm25, h.phrase, h.title};
    results.push_back(render(p.doc, *p.analyzer, p.q, hit, common, style));
  }
  return print_results(opts, common, results);
}
}  // namespace policyq::cli
