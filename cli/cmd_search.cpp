// policyq search: ranked sentences of the policy body, quoted with file:line.
#include "command.hpp"
#include "document/loader.hpp"
#include "index/index.hpp"
#include "output.hpp"
#include "util/error.hpp"
#include "util/input.hpp"
#include <algorithm>
#include <iostream>
#include <memory>
#include <unordered_set>

namespace policyq::cli {
namespace {
struct SearchOptions {
  std::string query;
  std::size_t top = 10;
  bool all = false;
};

struct Result {
  const Document* doc;
  const Index* index;
  SearchHit hit;
};

int run_search(const CommonOptions& common, const SearchOptions& opts) {
  check_query_text(opts.query, "query");
  if (opts.top == 0) throw Error("--top: must be at least 1");
  std::vector<Document> docs = load_policies(common.policies);
  std::vector<std::unique_ptr<Index>> indexes;
  std::vector<Result> results;
  bool any_terms = false;
  for (const Document& doc : docs) {
    indexes.push_back(std::make_unique<Index>(doc));
    QueryTerms q = indexes.back()->parse_query(opts.query);
    if (q.terms.empty()) continue;
    any_terms = true;
    for (const SearchHit& h : indexes.back()->search(q, opts.top, opts.all)) results.push_back({&doc, indexes.back().get(), h});
  }
  if (!any_terms) throw Error("query: '" + opts.query + "' has no words to search for (only stop words or punctuation)");
  std::stable_sort(results.begin(), results.end(), [](const Result& a, const Result& b) { return a.hit.score > b.hit.score; });
  if (results.size() > opts.top) results.resize(opts.top);

  if (!common.quiet) {
    if (common.json) {
      nlohmann::json out = {{"query", opts.query}, {"results", nlohmann::json::array()}};
      for (const Result& r : results) {
        nlohmann::json j = sentence_json(*r.doc, r.hit.sentence);
        j["score"] = r.hit.score;
        j["features"] = {{"bm25", r.hit.bm25}, {"phrase", r.hit.phrase}, {"title", r.hit.title}};
        out["results"].push_back(j);
      }
      print_json(out);
    } else {
      Style style{use_color(common)};
      for (const Result& r : results) {
        const Sentence& s = r.doc->sentences[static_cast<std::size_t>(r.hit.sentence)];
        QueryTerms q = r.index->parse_query(opts.query);
        std::unordered_set<std::string> wanted(q.terms.begin(), q.terms.end());
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        for (const Token& t : r.index->analyzer().analyze(s.text))
          if (!t.stop && wanted.count(t.term)) ranges.emplace_back(t.begin, t.end);
        std::cout << style.path() << section_label(*r.doc, s.section) << style.reset() << "  " << style.loc()
                  << location(*r.doc, s.first_line, s.last_line) << style.reset() << "\n  "
                  << highlight(s.text, ranges, style) << "\n";
      }
    }
  }
  return results.empty() ? 1 : 0;
}
}  // namespace

void configure_search(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<SearchOptions>();
  sub.add_option("QUERY", opts->query, "Words to look for (ranked with BM25, phrase and title bonuses)")->required();
  sub.add_option("-n,--top", opts->top, "How many sentences to print (default 10)")->type_name("N");
  sub.add_flag("-a,--all", opts->all, "Include site chrome");
  sub.callback([&common, &status, opts] { status = run_search(common, *opts); });
}
}
