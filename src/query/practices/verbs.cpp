// The verbs of a sentence: which action mentions state something, how they group, and
// which words each group governs.
#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// Words that may stand between two coordinated verbs.
bool is_coordinator(const Word& w) {
  if (w.punct) return w.folded == ","sv || w.folded == "\""sv;
  static const std::unordered_set<std::string_view> s{"or", "and", "otherwise", "also", "not", "either",
                                                      "nor", "neither", "to", "then", "any", "in"};
  return s.count(w.folded) > 0;
}

// A participle right after a noun and before "by / through / from …" ("information
// gathered by cookies", "data collected through the app"): a reduced relative clause that
// describes the noun, not a verb of the sentence.
bool reduced_relative(const std::vector<Word>& W, int first, int last_end) {
  static const std::unordered_set<std::string_view> not_noun{
      "we", "you", "they", "it", "he", "she", "is", "are", "was", "were", "be", "been", "being", "has", "have",
      "had", "will", "may", "can", "could", "would", "should", "must", "not", "and", "or", "to", "also", "that",
      "which", "who", "then", "never", "only"};
  static const std::unordered_set<std::string_view> link{"by", "through", "from", "via", "using", "on", "in", "about"};
  if (first < 1 || last_end >= static_cast<int>(W.size())) return false;
  const std::string_view v = W[static_cast<std::size_t>(first)].folded;
  const bool participle = (v.size() > 4 && v.ends_with("ed")) || v == "obtained" || v == "sent" || v == "given" ||
                          v == "held" || v == "kept";
  const Word& before = W[static_cast<std::size_t>(first - 1)];
  if (!participle || before.punct || not_noun.count(before.folded)) return false;
  return link.count(W[static_cast<std::size_t>(last_end)].folded) > 0;
}

}  // namespace

std::vector<int> find_action_verbs(const SentenceModel& s) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  std::vector<int> verbs;
  int nominal_end = -1;  // word index after the last action named by a noun
  for (int a : s.actions) {
    const Match& m = M[a];
    if (s.inside(m, s.datas, false) || s.inside(m, s.recipients, false) || s.inside(m, s.conditions, false) ||
        s.inside(m, s.purposes, true))
      continue;
    const Concept& c = s.lex.entry(m.cid);
    if (c.id == "none"sv) continue;
    if (c.id == "set"sv && m.end < n && W[m.end].folded == "of"sv) continue;  // "a limited set of data"
    // "our use of your location", "the collection of data": no statement of its own
    if (is_collect_action(c.id) && m.end < n && W[m.end].folded == "of"sv) continue;
    int pw = m.begin > 0 ? m.begin - 1 : -1;
    // "we are not in the business of selling": after a modal phrase the gerund states the act
    const bool after_modal = pw >= 0 && s.covered(s.modals, pw);
    bool nominal = m.nominal || (pw >= 0 && !W[pw].punct && determiners().count(W[pw].folded) && !after_modal &&
                                 !(W[pw].folded == "from"sv && pw > 0 && is_barring(W[pw - 1].folded)));
    // "sharing your data" after a noun: a gerund, no statement (unless "we are sharing")
    const std::string_view head = W[m.begin].folded;
    // "data collection", "information retention": a noun form of a handling verb
    if (!nominal && is_collect_action(c.id) && m.end - m.begin == 1 && head.size() > 6 &&
        (head.ends_with("tion") || head.ends_with("sion") || head.ends_with("ment") || head.ends_with("age")))
      nominal = true;
    if (!nominal && head.size() > 4 && head.ends_with("ing") && pw < 0) nominal = true;  // "Using Technology Information"
    if (!nominal && head.size() > 4 && head.ends_with("ing") && pw >= 0) {
      const std::string_view p = W[pw].folded;
      bool barred = p == "from" && pw > 0 && is_barring(W[pw - 1].folded);  // "are prohibited from using"
      if (!barred && !after_modal &&
          (W[pw].punct || !(is_be(p) || p == "am" || p == "not" || p == "also" || p == "we" || p == "they" || p == "and" ||
                            p == "or" || p == "include" || p == "includes" || p == "including" || p == "involves" || p == "by")))
        nominal = true;
    }
    // "the collection, use and retention of data": coordinated with a noun, a noun too
    if (!nominal && nominal_end >= 0 && nominal_end < m.begin && m.begin - nominal_end <= 2) {
      bool coord = true;
      for (int k = nominal_end; k < m.begin; ++k)
        if (!(W[k].folded == ","sv || W[k].folded == "and"sv || W[k].folded == "or"sv)) coord = false;
      nominal = coord;
    }
    if (nominal) nominal_end = m.end;
    if (nominal) {
      // "the disclosure of your information", "sale of personal data": keep with its object;
      // "our use of your location" states no practice of its own
      if (!(m.end < n && W[m.end].folded == "of"sv) || is_collect_action(c.id)) continue;
    }
    verbs.push_back(a);
  }
  return verbs;
}

std::vector<ActionGroup> group_coordinated_verbs(const SentenceModel& s, const std::vector<int>& verbs) {
  const auto& W = s.words;
  const auto& M = s.matches;
  std::vector<ActionGroup> groups;
  for (int v : verbs) {
    const Match& m = M[v];
    if (!groups.empty()) {
      ActionGroup& g = groups.back();
      bool coord = m.begin >= g.last_end && m.begin - g.last_end <= 3;
      for (int k = g.last_end; coord && k < m.begin; ++k)
        if (!is_coordinator(W[k])) coord = false;
      // "the measures we use to protect": "to" right after a verb opens its purpose
      if (coord && m.begin - g.last_end == 1 && W[g.last_end].folded == "to"sv &&
          W[M[g.actions.back()].begin].folded == "use"sv)  // (not "are not used to access")
        coord = false;
      if (coord && m.begin > g.last_end) {
        g.actions.push_back(v);
        g.last_end = m.end;
        continue;
      }
    }
    groups.push_back(ActionGroup{{v}, m.begin, m.end});
  }
  return groups;
}

Clause find_clause(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi) {
  const ActionGroup& g = groups[gi];
  Clause c;
  c.begin = s.clause_start(g.first);
  c.end = s.clause_end(g.last_end);
  c.pre_begin = c.begin;
  if (gi > 0 && groups[gi - 1].last_end > c.pre_begin) c.pre_begin = groups[gi - 1].last_end;
  c.object_end = c.end;
  if (gi + 1 < groups.size() && groups[gi + 1].first < c.object_end) {
    c.object_end = groups[gi + 1].first;
    // "We share information gathered by cookies with our partners": a participle that
    // describes the object ends nothing; the object runs on to the next verb.
    const int after_next = gi + 2 < groups.size() && groups[gi + 2].first < c.end ? groups[gi + 2].first : c.end;
    if (reduced_relative(s.words, groups[gi + 1].first, groups[gi + 1].last_end)) c.object_end = after_next;
    // "use information they collect for their advertising purposes": the purpose after a
    // defining relative clause is the purpose of the verb before it (what the clause's own
    // words say — "you share with us" — stays the clause's).
    // ("information they collect", "the data (that) we receive": SentenceModel::defines_data)
    else if (s.defines_data(groups[gi + 1].first)) c.purpose_end = after_next;
  }
  c.purpose_end = std::max(c.purpose_end, c.object_end);
  return c;
}

}  // namespace policyq::query::passes
