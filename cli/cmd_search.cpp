// policyq search: ranked sentences of the policy body, quoted with file:line.
#include "command.hpp"
#include "index/index.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "search_database.hpp"
#include "search_output.hpp"
#include "util/error.hpp"
#include "util/input.hpp"
#include "util/ordered_window.hpp"
#include <algorithm>
#include <memory>
#include <optional>

namespace policyq::cli {
namespace {
// Over several policies, one ranking: the idf of each term and the average sentence
// length are those of all the policies together (a first pass sums them), so that a
// sentence's score does not depend on which policy holds it. One policy alone ranks by its
// own statistics, which are the same. Each policy's counts are made on a worker thread and
// summed in order (integers: the same sums as on one thread).
CorpusStats corpus_stats(const CommonOptions& common, const std::string& query, unsigned jobs) {
  CorpusStats stats;
  std::unique_ptr<PolicySource> source = open_policies(common, {}, false);
  map_in_order<Document, CorpusStats>(
      jobs, [&] { return source->next(); },
      [&](Document& doc) {
        CorpusStats one;
        Index index(doc);
        index.add_to_corpus(index.parse_query(query), one);
        return one;
      },
      [&](CorpusStats& one) {
        stats.sentences += one.sentences;
        stats.terms += one.terms;
        for (const auto& [term, df] : one.df) stats.df[term] += df;
      });
  return stats;
}

// One policy's hits, rendered for printing (none when the query has no term in its language).
struct Searched {
  bool any_terms = false;
  std::vector<Result> results;
};

int run_search(const CommonOptions& common, const SearchOptions& opts) {
  check_query_text(opts.query, "query");
  if (opts.top == 0) throw Error("--top: must be at least 1");
  // A database answers from its stored postings, reading only the documents it prints.
  if (std::string db = database_path(common); !db.empty()) return search_database(db, common, opts);
  std::unique_ptr<PolicySource> source = open_policies(common);
  // Policies are searched on every core and their hits merged in order: the same output.
  const unsigned jobs = worker_threads(opts.jobs, source->size());
  std::optional<CorpusStats> corpus;
  if (source->size() > 1) corpus = corpus_stats(common, opts.query, jobs);
  Style style{!common.json && !common.quiet && use_color(common)};
  std::vector<Result> results;
  bool any_terms = false;
  auto by_score = [](const Result& a, const Result& b) { return a.score > b.score; };
  auto search_one = [&](Document& doc) {
    Searched out;
    Index index(doc);
    QueryTerms q = index.parse_query(opts.query);
    if (q.terms.empty()) return out;
    out.any_terms = true;
    for (const SearchHit& h : index.search(q, opts.top, opts.all, corpus ? &*corpus : nullptr))
      out.results.push_back(render(doc, index.analyzer(), q, h, common, style));
    return out;
  };
  auto merge = [&](Searched& one) {
    if (!one.any_terms) return;
    any_terms = true;
    for (Result& r : one.results) results.push_back(std::move(r));
    // Sorting stably and cutting after each policy keeps what one sort of all hits would:
    // a hit cut here has top better or equal hits before it, which stay before it.
    std::stable_sort(results.begin(), results.end(), by_score);
    if (results.size() > opts.top) results.resize(opts.top);
  };
  map_in_order<Document, Searched>(jobs, [&] { return source->next(); }, search_one, merge);
  if (!any_terms) throw Error("query: '" + opts.query + "' has no words to search for (only stop words or punctuation)");

  return print_results(opts, common, results);
}
}  // namespace

void configure_search(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<SearchOptions>();
  sub.add_option("QUERY", opts->query, "Words to look for (ranked with BM25, phrase and title bonuses)")->required();
  sub.add_option("-n,--top,--limit", opts->top,
                 "How many sentences to print (default 10), the best of all policies read: over several policies "
                 "(a folder, a database) one ranking, by the statistics of them all")
      ->type_name("N");
  sub.add_flag("-a,--all", opts->all, "Include site chrome");
  sub.add_option("-j,--jobs", opts->jobs, "Read policies on N threads (default: one per core); output is the same")
      ->type_name("N");
  sub.callback([&common, &status, opts] { status = run_search(common, *opts); });
}
}
