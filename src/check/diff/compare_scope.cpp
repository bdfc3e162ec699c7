// compare_scope: what a reworded sentence now names that its old wording did not — a data
// type, a recipient or a purpose added to a practice the sentence keeps stating ("sharing
// with advertising partners (including identifiers, … transaction information)"), or taken
// out of a denial it keeps making. See passes.hpp.
#include "check/diff/passes.hpp"
#include "query/labels.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

using query::Kind;

// Handing data on: sharing, selling, transferring.
bool handed_on(const std::string& action) {
  const std::string cls = action_class(action);
  return cls == "share" || cls == "sell" || cls == "transfer";
}

// A concept a scope is made of: a specific data type, recipient or purpose (not the
// generic roots "personal information", "third parties", nor Do Not Track signals).
bool scope_concept(const query::Lexicon& lex, int c) {
  const query::Concept& e = lex.entry(c);
  // (aggregated or de-identified data added to a practice narrows what is exposed, if anything)
  if (e.generic || e.id == "dnt_signal" || e.id == "non_personal_information") return false;
  return e.kind == Kind::data || e.kind == Kind::recipient || e.kind == Kind::purpose;
}

// c is named in `have` already: the same concept, or a broader one of its kind ("e-mail
// address" where "contact information" was).
bool already_named(const query::Lexicon& lex, int c, const std::vector<int>& have) {
  for (int h : have)
    if (h == c || (scope_concept(lex, h) && lex.is_a(c, h))) return true;
  return false;
}

bool in_any(const std::vector<query::Practice>& ps, int c, bool negative) {
  for (const query::Practice& p : ps) {
    if (p.negative != negative) continue;
    for (const auto* slot : {&p.data, &p.recipient, &p.purpose})
      if (std::find(slot->begin(), slot->end(), c) != slot->end()) return true;
  }
  return false;
}

// The data, recipients and purposes of a sentence's affirmed practices.
std::vector<int> affirmed_slots(const std::vector<query::Practice>& ps) {
  std::vector<int> out;
  for (const query::Practice& p : ps)
    if (!p.negative)
      for (const auto* slot : {&p.data, &p.recipient, &p.purpose}) out.insert(out.end(), slot->begin(), slot->end());
  return out;
}

bool is_under(const query::Lexicon& lex, int c, const char* id, Kind kind) {
  const int want = lex.find(kind, id);
  return want >= 0 && lex.is_a(c, want);
}

// Data and recipients that make a widened sharing high (as a new sharing is).
bool exposing(const query::Lexicon& lex, int c) {
  for (const char* id : {"location", "health", "biometric", "financial", "children_data", "identity_document", "sensitive",
                         "audio_visual", "contacts", "transactions"})
    if (is_under(lex, c, id, Kind::data)) return true;
  return exposing_recipient(lex, c);
}

struct Scope {
  std::vector<int> added;  // concepts the new wording names and the old did not
  bool hands_on = false;   // the sentence states handing data on
  bool swapped = false;    // the new wording also drops a concept of the kind it adds
};

// What the new wording of an affirmed practice adds: concepts an affirmed practice of the
// new sentence names that the old sentence did not name at all, when both sentences state
// a compared practice affirmatively.
Scope widened_scope(const query::SentenceFacts& of, const query::SentenceFacts& nf, const query::Lexicon& lex) {
  Scope s;
  bool old_states = false, new_states = false;
  for (const query::Practice& p : of.practices) old_states = old_states || (!p.negative && !action_class(p.action).empty());
  for (const query::Practice& p : nf.practices)
    if (!p.negative && !action_class(p.action).empty()) {
      new_states = true;
      s.hands_on = s.hands_on || handed_on(p.action);
    }
  if (!old_states || !new_states) return s;
  for (int c : nf.concepts) {
    if (!scope_concept(lex, c) || already_named(lex, c, of.concepts)) continue;
    // Named in an affirmed practice: not in a denial ("we do not share your location"), nor
    // elsewhere in the sentence ("operator name" is no purpose of the practice).
    if (!in_any(nf.practices, c, false)) continue;
    s.added.push_back(c);
  }
  // "mobile phone number" -> "device number": one thing named for another is a rewording
  // a reviewer reads, not a practice that covers more.
  const std::vector<int> old_slots = affirmed_slots(of.practices), new_slots = affirmed_slots(nf.practices);
  for (int c : old_slots)
    if (scope_concept(lex, c) && !already_named(lex, c, new_slots))
      for (int a : s.added) s.swapped = s.swapped || lex.entry(a).kind == lex.entry(c).kind;
  return s;
}

}  // namespace

void compare_scope(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out) {
  for (int j = 0; j < n.size(); ++j) {
    const int i = reworded_partner(n, j);
    if (i < 0 || !n.reportable(j) || !o.reportable(i)) continue;
    const Scope s = widened_scope(o.facts[static_cast<std::size_t>(i)], n.facts[static_cast<std::size_t>(j)], lex);
    if (s.added.empty()) continue;
    const Location at = sentence_location(n, j, "new");
    if (reported_at(out, at)) continue;
    bool high = false;
    for (int c : s.added) high = high || (s.hands_on && exposing(lex, c));
    const int rank = s.swapped ? 1 : high ? 3 : 2;
    const std::string what = plain_labels(lex, s.added);
    Finding f = make_finding("practice-widened", rank, "Practice now covers: " + shorten(what),
                             "The reworded sentence states its practice for more than the old wording did: " + what);
    locate_pair(f, o, i, n, j);
    f.extra["added"] = nlohmann::json::array();
    for (int c : s.added) f.extra["added"].push_back({{"concept", lex.entry(c).id}, {"label", query::plain_label(lex, c)}});
    out.push_back(std::move(f));
  }
}

}  // namespace policyq::check::diff
