#include "query/corpus_tally.hpp"
#include "util/error.hpp"

#include <algorithm>

namespace policyq::query {

const std::vector<std::string>& verdict_names() {
  // stated / not_stated are what list answers (what, who, why …) give.
  static const std::vector<std::string> names = {"yes", "no", "conditional", "stated", "not_stated"};
  return names;
}

std::set<std::string> parse_verdict_filter(const std::string& list) {
  std::set<std::string> out;
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t comma = std::min(list.find(',', at), list.size());
    std::string word = list.substr(at, comma - at);
    const auto& names = verdict_names();
    if (std::find(names.begin(), names.end(), word) == names.end())
      throw Error("--verdict: '" + word + "' is no verdict: expected a comma-separated list of yes, no, conditional, "
                  "stated, not_stated");
    out.insert(word);
    at = comma + 1;
  }
  return out;
}

void CorpusTally::add(const Answer& a) {
  ++policies_;
  ++verdicts_[a.verdict];
  std::set<std::pair<std::string, std::string>> named;
  for (const Item& item : a.items) named.emplace(item.concept_id, item.label);
  for (const auto& key : named) ++items_[key];
}

void CorpusTally::add_not_stated(std::size_t n) {
  if (n == 0) return;
  policies_ += n;
  verdicts_["not_stated"] += n;
}

std::vector<std::pair<std::string, std::size_t>> CorpusTally::verdicts() const {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (const std::string& v : verdict_names()) {
    // A verdict question never says stated, a list question never yes: leave out the
    // verdicts the kind of question cannot give, unless some answer gave it anyway.
    bool list = kind_ != AnswerKind::verdict;
    bool possible = v == "not_stated" || (v == "stated") == list;
    auto it = verdicts_.find(v);
    std::size_t n = it == verdicts_.end() ? 0 : it->second;
    if (possible || n > 0) out.emplace_back(v, n);
  }
  return out;
}

std::vector<CorpusTally::ItemCount> CorpusTally::items() const {
  std::vector<ItemCount> out;
  for (const auto& [key, n] : items_) out.push_back({key.second, key.first, n});
  std::stable_sort(out.begin(), out.end(), [](const ItemCount& a, const ItemCount& b) {
    if (a.policies != b.policies) return a.policies > b.policies;
    return a.label < b.label;
  });
  return out;
}
}  // namespace policyq::query
