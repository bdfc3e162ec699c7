#pragma once
// Questions asked of a corpus (`ask --summary`, `ask --verdict`): how many policies gave
// each verdict and, for list answers, how many policies name each item. The tally keeps
// counts only, never the policies, so a corpus of any size is summed in flat memory.
#include "query/answer.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace policyq::query {

// The verdicts an answer can have, in the order a summary prints them.
const std::vector<std::string>& verdict_names();

// "yes,conditional" → {"yes", "conditional"}. Throws Error naming --verdict and the
// accepted values for an empty list or a word that is no verdict.
std::set<std::string> parse_verdict_filter(const std::string& list);

class CorpusTally {
public:
  struct ItemCount {
    std::string label;       // as answers print it ("advertisers")
    std::string concept_id;  // lexicon concept or contact kind
    std::size_t policies = 0;
  };

  // kind: answer_kind of the question asked, which every answer to it has.
  explicit CorpusTally(AnswerKind kind) : kind_(kind) {}
  void add(const Answer& a);
  // n policies known not to state the practice asked without being answered.
  void add_not_stated(std::size_t n);

  std::size_t policies() const { return policies_; }
  // Every verdict of verdict_names() with its count (zeros included, so the shape is fixed).
  std::vector<std::pair<std::string, std::size_t>> verdicts() const;
  // Items named by at least one policy: most policies first, then by label. An item a
  // policy names twice counts once for it.
  std::vector<ItemCount> items() const;
  AnswerKind kind() const { return kind_; }

private:
  std::size_t policies_ = 0;
  AnswerKind kind_;
  std::map<std::string, std::size_t> verdicts_;
  std::map<std::pair<std::string, std::string>, std::size_t> items_;  // (concept, label) → policies
};
}  // namespace policyq::query
