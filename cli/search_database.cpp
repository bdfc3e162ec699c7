#include "search_database.hpp"
#include "policies.hpp"
#include "store/schema.hpp"
#include "store/stored_search.hpp"
#include "text/encoding.hpp"
#include "util/error.hpp"

#include <map>
#include <memory>
#include <optional>
#include <thread>

namespace policyq::cli {
namespace {
// A printed policy's document and its language's analysis of the query, read once however
// many of its sentences are printed.
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
  // Every policy is compared with its file, as reading it would: a stat each, ~30 ms for
  // 20,000 files, so on a thread of its own beside the ranking; reported in path order.
  std::vector<std::optional<Error>> stale(policies.size());
  store::StoredRanking ranking;
  {
    std::jthread checker([&] {
      for (std::size_t i = 0; i < policies.size(); ++i) {
        SourceOptions found;
        found.on_error = [&](const Error& e) { stale[i] = e; };
        store::report_if_stale(policies[i], found);
      }
    });
    ranking = store::rank_stored(db, policies, opts.query, opts.top, opts.all);
  }
  for (const std::optional<Error>& e : stale)
    if (e) report_input_error(*e);
  if (!ranking.any_terms)
    throw Error("query: '" + opts.query + "' has no words to search for (only stop words or punctuation)");
  std::map<std::size_t, Printed> printed;
  std::vector<Result> results;
  for (const store::StoredHit& h : ranking.hits) {
    auto it = printed.find(h.policy);
    if (it == printed.end()) {
      Printed p{store::read_document(db, policies[h.policy]), nullptr, {}};
      p.analyzer = std::make_unique<Analyzer>(p.doc.language);
      p.q = parse_query(*p.analyzer, opts.query);
      it = printed.emplace(h.policy, std::move(p)).first;
    }
    SearchHit hit{h.sentence, h.score, h.bm25, h.phrase, h.title};
    results.push_back(render(it->second.doc, *it->second.analyzer, it->second.q, hit, common, style));
  }
  return print_results(opts, common, results);
}
}  // namespace policyq::cli
