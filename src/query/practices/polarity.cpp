// Polarity and modality of a group: is the practice denied, how firmly is it stated, and
// is the verb passive (which decides where find_actor looks for the actor).
#include "query/practices/passes.hpp"

#include <unordered_set>

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// "nor do we knowingly collect", "nowhere on the site do we collect", "at no time will we
// sell": the subject (word k) after an inverted auxiliary.
bool inverted_subject(const SentenceModel& s, const Clause& c, int k) {
  const auto& W = s.words;
  const std::string_view w = W[k].folded;
  return (w == "we"sv || w == "they"sv) && k - 1 >= c.pre_begin &&
         (W[k - 1].folded == "do"sv || W[k - 1].folded == "does"sv || W[k - 1].folded == "will"sv);
}

// The negative word that causes the inversion: "nor", "neither", "nowhere", "never", "no"
// within the few words before the auxiliary.
bool negative_before_inversion(const SentenceModel& s, const Clause& c, int k) {
  const auto& W = s.words;
  for (int j = k - 2; j >= c.pre_begin && j >= k - 8; --j) {
    if (W[j].punct) return false;
    const std::string_view b = W[j].folded;
    if (b == "nor"sv || b == "neither"sv || b == "nowhere"sv || b == "never"sv || b == "no"sv) return true;
  }
  return false;
}

// "we do not market to children or knowingly collect": a verb coordinated by "or" (word
// k) after a denied verb of the same subject is denied too. Looks back from the "or" for
// a negation, up to a clause mark, a new subject or a relative pronoun.
bool denied_before_or(const SentenceModel& s, const Clause& c, int k) {
  const auto& W = s.words;
  for (int j = k - 1; j >= c.pre_begin && j >= k - 15; --j) {
    const std::string_view b = W[j].folded;
    if (is_clause_mark(W[j]) || b == "we"sv || b == "you"sv || b == "they"sv || b == "it"sv ||
        b == "who"sv || b == "which"sv || b == "that"sv || b == "and"sv)
      break;
    if (s.covered(s.negations, j)) return true;
  }
  return false;
}

// Walks back from the verb over auxiliaries, adverbs, negations and modals ("we do not
// currently sell", "may also be shared", "reserve the right to use"), noting the denial,
// the first modal and any "be" on the way; it stops at the first word of another kind.
void walk_back_over_auxiliaries(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  const int pre_begin = c.pre_begin;
  bool negative = false;
  std::string modality;
  bool passive = false;
  int k = g.first - 1;
  int steps = 0;
  while (k >= pre_begin && steps < 8) {
    const Word& w = W[k];
    // "can be read, copied and used by": participles coordinated before the verb
    if ((w.folded == "and"sv || w.folded == "or"sv || w.folded == ","sv) && k - 1 >= pre_begin && !W[k - 1].punct &&
        (W[k - 1].folded.ends_with("ed") || W[k - 1].folded == "read"sv || W[k - 1].folded == "seen"sv) &&
        W[g.first].folded.ends_with("ed")) {
      k -= 2;
      ++steps;
      continue;
    }
    // 'We do not "sell" your data': quotation marks around the verb keep the denial.
    if (w.punct && (w.folded == "\""sv || w.folded == "'"sv)) {
      --k;
      continue;
    }
    // "we don't, however, keep a record": a parenthetical connective inside the verb phrase
    if (w.folded == ","sv && k >= pre_begin + 2 && W[k - 1].folded == "however"sv && W[k - 2].folded == ","sv) {
      k -= 3;
      continue;
    }
    // "we do not intend to, or knowingly, collect": an adverb set off by commas (with
    // its "or") stays inside the verb phrase.
    if (w.folded == ","sv && k - 1 >= pre_begin && k + 1 < n && steps + 3 < 10) {
      const std::string_view before = W[k - 1].folded;
      if (before.size() > 3 && before.ends_with("ly")) {
        --k;
        continue;
      }
      if ((before == "to"sv || skip_words().count(before)) && !W[k - 1].punct) {
        --k;
        continue;
      }
    }
    if (inverted_subject(s, c, k)) {
      negative = negative || negative_before_inversion(s, c, k);
      break;
    }
    // "or" ends the verb phrase; it carries the denial of the verb before it
    if (w.folded == "or"sv && !negative) {
      if (denied_before_or(s, c, k)) negative = true;
      break;
    }
    if ((w.folded == "or"sv || w.folded == "and"sv) && k + 2 < n && W[k + 1].folded.size() > 3 &&
        W[k + 1].folded.ends_with("ly") && W[k + 2].folded == ","sv) {
      --k;
      continue;
    }
    if (w.punct) break;
    const bool is_neg = s.covered(s.negations, k);
    if (is_neg) negative = true;
    for (int mi : s.modals)
      if (M[mi].begin <= k && k < M[mi].end && modality.empty()) modality = s.lex.entry(M[mi].cid).id;
    if (is_be(w.folded)) passive = true;
    // "this does not include selling": a gerund after a denied "include"
    bool includes = (w.folded == "include"sv || w.folded == "includes"sv || w.folded == "involve"sv ||
                     w.folded == "involves"sv) && W[g.first].folded.ends_with("ing");
    if (!is_neg && !includes && !skip_words().count(w.folded) && !(w.folded.size() > 3 && w.folded.ends_with("ly"))) {
      // multi-word modals ("reserve the right to", "are required to")
      if (!s.covered(s.modals, k)) break;
    }
    --k;
    ++steps;
  }
  rd.negative = negative;
  rd.modality = std::move(modality);
  rd.passive = passive;
}

// Denials that no auxiliary carries: "prohibited from using", "prevent children from
// submitting", "have no access to", "No personal information is sold".
bool denied_without_auxiliary(const SentenceModel& s, const ActionGroup& g, const Clause& c) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int pre_begin = c.pre_begin;
  bool negative = false;
  if (g.first >= 2 && W[g.first - 1].folded == "from"sv && is_barring(W[g.first - 2].folded)) negative = true;
  // "measures to prevent children from submitting information": kept from doing it
  if (g.first >= 2 && W[g.first - 1].folded == "from"sv)
    for (int j = g.first - 2; j >= std::max(pre_begin, g.first - 5); --j) {
      const std::string_view b = W[j].folded;
      if (b == "prevent"sv || b == "prevents"sv || b == "block"sv || b == "blocks"sv || b == "stop"sv ||
          b == "prohibit"sv || b == "prohibits"sv)
        negative = true;
    }
  // "have no access to": a negation inside the action phrase
  for (int a : g.actions)
    for (int j = M[a].begin + 1; j < M[a].end; ++j)
      if (W[j].folded == "no"sv || W[j].folded == "not"sv) negative = true;
  // "No personal information is sold": a "no" governing the subject data.
  for (int d : s.datas) {
    const Match& dm = M[d];
    if (dm.end > g.first || dm.begin < pre_begin) continue;
    // "no information", "no mobile information": "no" with at most one modifier between
    for (int j = dm.begin - 1; j >= std::max(pre_begin, dm.begin - 2); --j) {
      if (W[j].folded == "no"sv) negative = true;
      if (W[j].punct) break;
    }
  }
  return negative;
}

// A "be" before the verb makes a passive only with a participle ("is sold", "are kept"),
// not "we are able to collect".
bool is_participle(std::string_view v) {
  static const std::unordered_set<std::string_view> irregular{"made", "sold", "kept", "held", "sent", "shown",
                                                              "seen", "known", "taken", "given", "told", "put",
                                                              "set", "read", "got", "gotten", "shared"};
  if (v.size() > 3 && (v.ends_with("ed") || v.ends_with("en"))) return true;
  // French participles: "transmises", "partagées", "vendues", "collecté"
  for (std::string_view end : {"\xC3\xA9", "\xC3\xA9e", "\xC3\xA9s", "\xC3\xA9es", "ise", "ises", "is", "ue", "ues", "us"})
    if (v.size() > end.size() + 3 && v.ends_with(end)) return true;
  return irregular.count(v) > 0;
}

}  // namespace

void read_polarity_and_modality(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd) {
  walk_back_over_auxiliaries(s, g, c, rd);
  if (denied_without_auxiliary(s, g, c)) rd.negative = true;
  if (!is_participle(s.words[g.first].folded)) rd.passive = false;
}

void carry_denial_to_chained_verb(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi,
                                  const Clause& c, const PreviousGroup& prev, Reading& rd) {
  const ActionGroup& g = groups[gi];
  const auto& M = s.matches;
  if (!rd.negative && gi > 0 && groups[gi - 1].last_end >= c.begin && g.first - groups[gi - 1].last_end <= 6 &&
      prev.negative) {
    bool fresh_subject = false;
    // (a subject phrase after a preposition is its object: "we don't store it on our
    // servers or share it" keeps one subject and its denial)
    static const std::unordered_set<std::string_view> prepositions{"on", "in", "at", "to", "with", "from", "by",
                                                                   "for", "of", "via", "through", "within", "onto"};
    for (int sj : s.subjects)
      if (M[sj].begin >= groups[gi - 1].last_end && M[sj].end <= g.first &&
          !(M[sj].begin > 0 && prepositions.count(s.words[static_cast<std::size_t>(M[sj].begin - 1)].folded)))
        fresh_subject = true;
    // "we do not sell your data, our sharing of it …": a possessive opens a new noun phrase.
    const std::string_view before = s.words[g.first - 1].folded;
    if (before == "our"sv || before == "their"sv) fresh_subject = true;
    if (!fresh_subject) rd.negative = true;
  }
}

}  // namespace policyq::query::passes
