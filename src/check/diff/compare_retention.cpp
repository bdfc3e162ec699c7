// compare_retention: retention periods lengthened or shortened. See passes.hpp.
#include "check/diff/passes.hpp"
#include "check/duration.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

// A duration as approximate days (year 365, month 30, week 7); nullopt for dates/other.
std::optional<double> iso_days(std::string_view iso) { return duration_days(iso); }

// Durations the retention practices of a sentence state (retain / store / delete).
std::vector<query::Period> retention_periods(const query::SentenceFacts& f) {
  std::vector<query::Period> out;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (const query::Practice& p : f.practices)
    for (const query::Period& per : p.periods)
      if (per.kind == "duration" && iso_days(per.iso) && seen.insert({per.begin, per.end}).second) out.push_back(per);
  std::sort(out.begin(), out.end(), [](const query::Period& a, const query::Period& b) { return a.begin < b.begin; });
  return out;
}

// The periods of an old and a new sentence that differ: position by position when both
// state as many, else their longest ones.
std::vector<std::pair<const query::Period*, const query::Period*>> changed_periods(const std::vector<query::Period>& op,
                                                                                 const std::vector<query::Period>& np) {
  std::vector<std::pair<const query::Period*, const query::Period*>> changes;
  if (op.size() == np.size()) {
    for (std::size_t k = 0; k < op.size(); ++k)
      if (*iso_days(op[k].iso) != *iso_days(np[k].iso)) changes.push_back({&op[k], &np[k]});
    return changes;
  }
  auto longest = [](const std::vector<query::Period>& v) {
    const query::Period* best = &v.front();
    for (const auto& p : v)
      if (*iso_days(p.iso) > *iso_days(best->iso)) best = &p;
    return best;
  };
  const query::Period *a = longest(op), *b = longest(np);
  if (*iso_days(a->iso) != *iso_days(b->iso)) changes.push_back({a, b});
  return changes;
}

// Period a of old sentence i became b in new sentence j: high when longer, low when shorter.
Finding retention_finding(const Side& o, int i, const Side& n, int j, const query::Period& a, const query::Period& b) {
  double da = *iso_days(a.iso), db = *iso_days(b.iso);
  bool longer = db > da;
  Finding f = make_finding("retention-changed", longer ? 3 : 1,
                           std::string("Retention period ") + (longer ? "lengthened" : "shortened") + ": " + a.iso + " \xE2\x86\x92 " + b.iso,
                           std::string("Retention ") + (longer ? "lengthened" : "shortened") + " from \"" + a.text + "\" (" + a.iso +
                               ") to \"" + b.text + "\" (" + b.iso + ")");
  f.locations.push_back(sentence_location(n, j, "new"));
  f.locations.push_back(sentence_location(o, i, "old"));
  f.extra["old"] = sentence_extra(o, i);
  f.extra["new"] = sentence_extra(n, j);
  f.extra["old_period"] = {{"text", a.text}, {"iso", a.iso}, {"days", da}};
  f.extra["new_period"] = {{"text", b.text}, {"iso", b.iso}, {"days", db}};
  f.extra["direction"] = longer ? "longer" : "shorter";
  return f;
}

bool states_retention(const query::SentenceFacts& f) {
  for (const query::Practice& p : f.practices)
    if (!p.negative && (p.action == "retain" || p.action == "store")) return true;
  return false;
}

// A reworded retention sentence that now states a period where it stated a criterion
// ("a reasonable period thereafter" -> "up to three years"), or no longer states one: the
// rule for how long changed, in a direction diff cannot tell. Medium.
Finding rule_changed_finding(const Side& o, int i, const Side& n, int j, const query::Period* before,
                             const query::Period* after) {
  const std::string title = after ? "Retention now a fixed period: " + after->text : "Retention period no longer stated (was " + before->text + ")";
  const std::string message = after ? "The old wording kept data for as long as a criterion held; the new one states \"" + after->text + "\""
                                    : "The old wording stated \"" + before->text + "\"; the new one states no period";
  Finding f = make_finding("retention-changed", 2, title, message);
  locate_pair(f, o, i, n, j);
  f.extra["direction"] = "rule";
  return f;
}

}  // namespace

// Retention periods changed: a changed new sentence that states a period, against the
// sentence it was reworded from, else the old sentences gone from the section of the same
// title (the first of them whose periods differ). Longer is high, shorter low; a period
// that appears in or leaves a reworded retention sentence is medium.
void compare_retention(const Side& o, const Side& n, std::vector<Finding>& out) {
  for (int j = 0; j < n.size(); ++j) {
    if (!n.body(j) || !n.changed(j)) continue;
    auto np = retention_periods(n.facts[static_cast<std::size_t>(j)]);
    // A period appearing in, or gone from, a reworded retention sentence.
    if (int pi = reworded_partner(n, j); pi >= 0 && o.body(pi)) {
      const auto& of = o.facts[static_cast<std::size_t>(pi)];
      const auto& nf = n.facts[static_cast<std::size_t>(j)];
      auto op = retention_periods(of);
      if (op.empty() && !np.empty() && states_retention(of)) out.push_back(rule_changed_finding(o, pi, n, j, nullptr, &np.front()));
      if (!op.empty() && np.empty() && states_retention(nf)) out.push_back(rule_changed_finding(o, pi, n, j, &op.front(), nullptr));
    }
    if (np.empty()) continue;
    std::vector<int> cands;
    if (int pi = reworded_partner(n, j); pi >= 0) cands.push_back(pi);
    else {
      for (int i = 0; i < o.size(); ++i)
        if (o.how[static_cast<std::size_t>(i)] == 0 && o.body(i) && o.section_key[static_cast<std::size_t>(i)] == n.section_key[static_cast<std::size_t>(j)])
          cands.push_back(i);
    }
    for (int i : cands) {
      auto op = retention_periods(o.facts[static_cast<std::size_t>(i)]);
      if (op.empty()) continue;
      const auto changes = changed_periods(op, np);
      for (const auto& [a, b] : changes) out.push_back(retention_finding(o, i, n, j, *a, *b));
      if (!changes.empty()) break;
    }
  }
}

}  // namespace policyq::check::diff
