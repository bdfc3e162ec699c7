// compare_ages: the age a policy draws its line at ("not intended for children under 18")
// moved in a reworded sentence. Lowering it lets younger people in and narrows whom the
// children's promises protect ("we do not knowingly collect … from children under 13"),
// which no practice comparison sees: the practice and its denial are worded the same.
// See passes.hpp.
#include "check/diff/passes.hpp"
#include "query/lexicon.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

bool one_of(const std::string& w, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* x) { return w == x; });
}

// An age in years a sentence (its analysed words) names as a limit: a number from 10 to 21 after "under",
// "below", "younger/older than", "at least", "age (of)", "aged", or before "years (of age,
// old)", "and over/older", "or older", "+". "under 13 days" names no age.
std::set<int> ages_named(const std::vector<query::Word>& words) {
  std::set<int> out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k].folded;
    if (w.empty() || w.size() > 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const int n = std::stoi(w);
    if (n < 10 || n > 21) continue;
    auto at = [&](std::size_t i) -> std::string { return i < words.size() ? words[i].folded : std::string(); };
    const std::string next = at(k + 1);
    if (one_of(next, {"day", "days", "month", "months", "week", "weeks", "hour", "hours", "percent", "%"})) continue;
    bool before = false;
    for (std::size_t back = 1; back <= 3 && back <= k; ++back)
      before = before || one_of(words[k - back].folded, {"under", "below", "younger", "older", "least", "age", "aged", "ages"});
    const bool after = one_of(next, {"years", "year", "+"}) || (one_of(next, {"and", "or"}) && one_of(at(k + 2), {"over", "older", "above"}));
    if (before || after) out.insert(n);
  }
  return out;
}

std::string joined(const std::set<int>& ages) {
  std::string s;
  for (int a : ages) s += (s.empty() ? "" : ", ") + std::to_string(a);
  return s;
}

}  // namespace

// Each change of the ages named, old set -> new set, once: at the first reworded pair of
// body sentences that names ages on both sides, differently. Lowered (the youngest age named
// is lower): medium; raised: low.
void compare_ages(const Side& o, const Side& n, std::vector<Finding>& out) {
  std::set<std::pair<std::set<int>, std::set<int>>> reported;
  for (int j = 0; j < n.size(); ++j) {
    const int i = reworded_partner(n, j);
    if (i < 0 || !n.reportable(j) || !o.reportable(i)) continue;
    const std::set<int> was = ages_named(o.facts[static_cast<std::size_t>(i)].words),
                        now = ages_named(n.facts[static_cast<std::size_t>(j)].words);
    if (was.empty() || now.empty() || was == now || !reported.insert({was, now}).second) continue;
    const bool lowered = *now.begin() < *was.begin();
    Finding f = make_finding("age-changed", lowered ? 2 : 1,
                             std::string(lowered ? "Age limit lowered: " : "Age limit changed: ") + joined(was) + " \xE2\x86\x92 " + joined(now),
                             "The old wording draws the line at age " + joined(was) + ", the new at " + joined(now) +
                                 (lowered ? ": younger people are let in, and promises about children cover fewer of them" : ""));
    locate_pair(f, o, i, n, j);
    f.extra["old_ages"] = std::vector<int>(was.begin(), was.end());
    f.extra["new_ages"] = std::vector<int>(now.begin(), now.end());
    out.push_back(std::move(f));
  }
}

}  // namespace policyq::check::diff
