#include "search_output.hpp"

#include <iostream>
#include <unordered_set>

namespace policyq::cli {

Result render(const Document& doc, Analyzer& analyzer, const QueryTerms& q, const SearchHit& hit,
              const CommonOptions& common, const Style& style) {
  Result r;
  r.score = hit.score;
  if (common.json) {
    r.json = sentence_json(doc, hit.sentence);
    r.json["score"] = hit.score;
    r.json["features"] = {{"bm25", hit.bm25}, {"phrase", hit.phrase}, {"title", hit.title}};
    return r;
  }
  const Sentence& s = doc.sentences[static_cast<std::size_t>(hit.sentence)];
  std::unordered_set<std::string> wanted(q.terms.begin(), q.terms.end());
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const Token& t : analyzer.analyze(s.text))
    if (!t.stop && wanted.count(t.term)) ranges.emplace_back(t.begin, t.end);
  r.text = style.path() + section_label(doc, s.section) + style.reset() + "  " + style.loc() +
           location(doc, s.first_line, s.last_line) + style.reset() + "\n  " + highlight(s.text, ranges, style) + "\n";
  return r;
}

int print_results(const SearchOptions& opts, const CommonOptions& common, std::vector<Result>& results) {
  if (!common.quiet) {
    if (common.json) {
      nlohmann::json out = {{"query", opts.query}, {"results", nlohmann::json::array()}};
      for (Result& r : results) out["results"].push_back(std::move(r.json));
      print_json(out);
    } else {
      for (const Result& r : results) std::cout << r.text;
    }
  }
  return results.empty() ? 1 : 0;
}
}  // namespace policyq::cli
