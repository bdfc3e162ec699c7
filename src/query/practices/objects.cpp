// The objects of a group: the data it handles, the recipients it hands data to and the
// purposes it serves, found in the object region after the verb (or, failing that, in
// the subject of a passive, a pronoun's antecedent, a list after a colon); then the
// conditions of its clause, the scope of a denial and data named as an exception.
#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// The data of the practice ends where an infinitive purpose clause starts ("use our pages
// to adjust your preferences"), not at "to" before a recipient ("share it to third parties").
int find_data_end(const SentenceModel& s, const ActionGroup& g, const Clause& c) {
  const auto& W = s.words;
  const auto& M = s.matches;
  int data_end = c.object_end;
  for (int k = g.last_end; k + 1 < c.object_end; ++k) {
    if (W[k].folded != "to"sv) continue;
    static const std::unordered_set<std::string_view> np{
        "the", "a", "an", "our", "your", "their", "its", "any", "such", "third", "other", "us", "you", "them",
        "those", "these", "certain", "some", "law", "government", "each", "all", "another", "non", "unaffiliated",
        "trusted", "selected", "outside", "companies", "partners", "advertisers", "affiliates", "service"};
    bool recipient_next = np.count(W[k + 1].folded) > 0;
    for (int r : s.recipients)
      if (M[r].begin == k + 1) recipient_next = true;
    if (!recipient_next) {
      data_end = k;
      break;
    }
  }
  return data_end;
}

// Data the object region names, and data inside the action phrase ("make certain
// information available", "get information about you").
void data_in_object(const SentenceModel& s, const ActionGroup& g, Reading& rd) {
  const auto& M = s.matches;
  for (int d : s.datas) {
    const Match& dm = M[d];
    bool in_gap = false;  // "make certain information available"
    for (int a : g.actions)
      if (dm.begin > M[a].begin && dm.begin < M[a].end) in_gap = true;  // also "get [information about you]"
    if ((dm.begin >= g.last_end && dm.end <= rd.data_end) || in_gap) rd.data.push_back(dm.cid);
  }
}

// The data of a group whose object region names none: the subject of a passive ("No
// information is sold"), the object of a coordinated verb ("sell, rent or allow any third
// party to use your email address"), "it" / "them" for the previous group's data, a list
// announced by "the following:". Returns false when the verb defines data rather than
// handles it ("the information (that) we collect").
bool data_elsewhere(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi,
                    const Clause& c, const PreviousGroup& prev, Reading& rd) {
  const ActionGroup& g = groups[gi];
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  int k = g.first - 1;
  while (k >= c.pre_begin && (skip_words().count(W[k].folded) || s.covered(s.negations, k)))
    --k;
  // "the information (that) we collect": a definition, not a practice of its own
  if (s.defines_data(k + 1)) return false;
  if (rd.passive) {
    for (int d : s.datas) {
      const Match& dm = M[d];
      if (dm.end <= g.first && dm.begin >= c.pre_begin) rd.data.push_back(dm.cid);
    }
    // "The information you provide may be shared with ...": the subject precedes a
    // relative clause whose verb was an earlier group.
    if (rd.data.empty() && c.pre_begin > c.begin) {
      for (int d : s.datas) {
        const Match& dm = M[d];
        if (dm.end <= groups[gi - 1].first && dm.begin >= c.begin) rd.data.push_back(dm.cid);
      }
    }
  }
  // (not "the measures we use to protect your data": an infinitive of purpose)
  bool chained = false;  // "... or allow": a coordinated verb hands the object on
  if (gi + 1 < groups.size())
    for (int k = g.last_end; k < groups[gi + 1].first; ++k)
      if (W[k].folded == "or"sv || W[k].folded == "and"sv || W[k].folded == ","sv || W[k].folded == "nor"sv) chained = true;
  if (rd.data.empty() && gi + 1 < groups.size() && groups[gi + 1].first < c.end && chained &&
      !(g.last_end < n && W[g.last_end].folded == "to"sv)) {
    // "sell, rent or allow any third party to use your email address"
    for (int d : s.datas)
      if (M[d].begin >= g.last_end && M[d].end <= c.end) rd.data.push_back(M[d].cid);
  }
  if (rd.data.empty() && g.last_end < c.object_end) {
    const std::string_view o = W[g.last_end].folded;
    if (o == "it" || o == "them" || o == "this" || o == "these" || o == "that") rd.data = prev.data;
  }
  // "Acme collects the following: search terms, IP address, ...": the list after the colon
  if (rd.data.empty() && c.end < n && W[c.end].folded == ":"sv && c.end - g.last_end <= 3 && gi + 1 == groups.size()) {
    bool announces = true;
    for (int k = g.last_end; k < c.end; ++k)
      if (!(W[k].folded == "the"sv || W[k].folded == "following"sv || W[k].folded == "these"sv || W[k].folded == "things"sv))
        announces = false;
    int le = s.clause_end(c.end + 1);
    if (announces)
      for (int d : s.datas)
        if (M[d].begin > c.end && M[d].end <= le) rd.data.push_back(M[d].cid);
  }
  return true;
}

// The preposition that governs a recipient phrase ("from trusted partners", "outside of our
// family of companies", "other than our affiliates"); empty when none.
std::string_view governing_preposition(const SentenceModel& s, int begin) {
  int k = s.prev_word(begin);
  for (int steps = 0; k >= 0 && steps < 3; ++steps, k = s.prev_word(k)) {
    const std::string_view w = s.words[k].folded;
    if (w == "from"sv || w == "outside"sv || w == "beyond"sv) return w;
    if (w == "than"sv && s.prev_word(k) >= 0 && s.words[s.prev_word(k)].folded == "other"sv) return "other than"sv;
    // One word of any kind ("from trusted partners"), further only over determiners.
    if (steps > 0 && w != "our"sv && w != "the"sv && w != "of"sv && w != "its"sv && w != "their"sv && w != "any"sv)
      return {};
  }
  return {};
}

// Recipients in the object region, unless they are a source ("from our partners") or left
// out ("outside of our family of companies", "other than our affiliates"), and purposes there.
void attach_recipients_and_purposes(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd) {
  const auto& M = s.matches;
  for (int r : s.recipients) {
    const Match& rm = M[r];
    if (rm.begin < g.last_end || rm.end > c.object_end) continue;
    const std::string_view prep = governing_preposition(s, rm.begin);
    if (prep.empty()) rd.recipient.push_back(rm.cid);
    else if (prep == "from"sv) rd.from_source = true;
  }
  for (int p : s.purposes) {
    const Match& pm = M[p];
    if (pm.begin >= g.last_end && pm.end <= c.purpose_end) {
      rd.purpose.push_back(pm.cid);
    }
  }
}

void dedupe(std::vector<int>& v) {
  std::vector<int> out;
  for (int x : v)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  v = std::move(out);
}


// "we track you", "monitor users across sites": tracking a person is collecting what they
// do, their usage data, though no data word is written.
void tracking_a_person(const SentenceModel& s, const ActionGroup& g, Reading& rd) {
  if (!rd.data.empty() || g.last_end >= s.n) return;
  bool tracks = false;
  for (int a : g.actions) {
    const std::string& stem = s.words[s.matches[a].begin].stem;
    tracks = tracks || stem == "track" || stem == "monitor";
  }
  const std::string_view who = s.words[g.last_end].folded;
  if (!tracks || !(who == "you"sv || who == "users"sv || who == "visitors"sv || who == "people"sv ||
                   who == "individuals"sv || who == "consumers"sv || who == "customers"sv))
    return;
  const int usage = s.lex.find(Kind::data, "usage_data");
  if (usage >= 0) rd.data.push_back(usage);
}

}  // namespace

bool attach_objects(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi,
                    const Clause& c, const PreviousGroup& prev, Reading& rd) {
  const ActionGroup& g = groups[gi];
  rd.data_end = find_data_end(s, g, c);
  data_in_object(s, g, rd);
  tracking_a_person(s, g, rd);
  if (rd.data.empty() && !data_elsewhere(s, groups, gi, c, prev, rd)) return false;
  attach_recipients_and_purposes(s, g, c, rd);
  return true;
}

void attach_conditions(const SentenceModel& s, const Clause& c, Reading& rd) {
  const auto& M = s.matches;
  for (int cond : s.conditions) {
    const Match& cm = M[cond];
    if (cm.begin >= c.begin && cm.end <= c.end) {
      const std::string& id = s.lex.entry(cm.cid).id;
      if (std::find(rd.conditions.begin(), rd.conditions.end(), id) == rd.conditions.end()) rd.conditions.push_back(id);
    }
  }
}

void limit_denial_scope(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd) {
  const auto& W = s.words;
  const int n = s.n;
  if (!rd.negative) return;
  for (int k = g.last_end; k < c.object_end; ++k) {
    if (W[k].folded == "for"sv || (W[k].folded == "under"sv && k + 1 < n && W[k + 1].folded == "("sv)) {
      int e = c.object_end - 1;
      while (e > k && W[e].punct) --e;
      rd.scope = std::string(s.text.substr(W[k].begin, W[e].end - W[k].begin));
      break;
    }
  }
}

void split_off_excepted_data(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  if (rd.negative) return;
  int from = -1;
  for (int k = g.last_end; k + 1 < n && k <= c.end; ++k) {
    const std::string_view w = W[k].folded;
    if ((w == "but" && W[k + 1].folded == "not"sv && !(k + 2 < n && W[k + 2].folded == "limited"sv)) || (w == "not" && W[k + 1].folded == "including"sv))
      from = k + 2;
    else if (w == "excluding" && k < c.end)
      from = k + 1;
    if (from >= 0) break;
    if (k < c.end && W[k].folded != "("sv && s.breaks_clause(k)) break;
  }
  if (from >= 0) {
    int until = from;
    while (until < n && !(W[until].punct && (W[until].folded == ")"sv || W[until].folded == ";"sv ||
                                             W[until].folded == "."sv || W[until].folded == "-"sv)))
      ++until;
    for (int d : s.datas)
      if (M[d].begin >= from && M[d].end <= until) rd.excluded.push_back(M[d].cid);
    // what is excepted is not part of the object
    std::vector<int> kept;
    for (int d : s.datas)
      if (M[d].begin >= g.last_end && M[d].end <= rd.data_end && !(M[d].begin >= from && M[d].end <= until))
        kept.push_back(M[d].cid);
    if (!rd.excluded.empty() && !kept.empty()) rd.data = kept;
    if (kept.empty()) rd.excluded.clear();
  }
}

void dedupe_objects(Reading& rd) {
  dedupe(rd.excluded);
  dedupe(rd.data);
  dedupe(rd.recipient);
  dedupe(rd.purpose);
}

}  // namespace policyq::query::passes
