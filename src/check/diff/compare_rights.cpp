// compare_rights: user rights the new version no longer mentions. See passes.hpp.
#include "check/diff/passes.hpp"
#include "query/lists.hpp"

#include <map>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

// The rights a side describes, by what they act on (query::find_rights, the list `ask`
// answers "what rights do I have?" with), as compared-sentence indexes of that side.
std::map<std::string, std::pair<std::string, std::vector<int>>> rights_of(const Side& side) {
  const Document& doc = *side.doc;
  std::vector<query::SentenceFacts> facts(doc.sentences.size());
  std::vector<int> compared(doc.sentences.size(), -1);
  for (int i = 0; i < side.size(); ++i) {
    auto s = static_cast<std::size_t>(side.sents[static_cast<std::size_t>(i)]);
    compared[s] = i;
    facts[s] = side.facts[static_cast<std::size_t>(i)];
  }
  std::map<std::string, std::pair<std::string, std::vector<int>>> out;
  for (const query::Item& item : query::find_rights(doc, facts))
    for (int s : item.sentences)
      if (int i = compared[static_cast<std::size_t>(s)]; i >= 0) {
        auto& entry = out[item.concept_id];
        entry.first = item.label;
        entry.second.push_back(i);
      }
  return out;
}

}  // namespace

// User rights no longer mentioned: told apart by what they act on, so deleting the one
// sentence that offers an opt-out of sharing is a finding while an opt-out of marketing
// e-mail remains. Located on the first sentence of the old policy body that described it.
void compare_rights(const Side& o, const Side& n, std::vector<Finding>& out) {
  auto om = rights_of(o), nm = rights_of(n);
  for (const auto& [id, old_right] : om) {
    if (nm.count(id)) continue;
    // what the old policy body said (not a menu entry)
    std::vector<int> said;
    for (int i : old_right.second)
      if (o.body(i)) said.push_back(i);
    if (said.empty()) continue;
    const std::string& label = old_right.first;
    int i = said.front();
    Finding f = make_finding("right-removed", 2, std::string("User right no longer mentioned: ") + label,
                             std::string("The old version describes a right (") + label + "); the new version no longer mentions it");
    if (int j = reworded_partner(o, i); j >= 0) {
      f.locations.push_back(sentence_location(n, j, "new"));
      f.extra["new"] = sentence_extra(n, j);
    } else {
      f.locations.push_back(removal_point(o, n, i));
    }
    f.locations.push_back(sentence_location(o, i, "old"));
    f.extra["old"] = sentence_extra(o, i);
    f.extra["right"] = id;
    f.extra["old_mentions"] = said.size();
    out.push_back(std::move(f));
  }
}

}  // namespace policyq::check::diff
