// The actor of a group: the head word before the verb (after auxiliaries, adverbs and a
// relative pronoun): "we", "you", a recipient ("third parties that do not collect"), else
// the first party (the company, by name or as "the Service"); "by X" after a passive verb.
#include "query/practices/passes.hpp"

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// From word k back to the subject's last word: over negations, modals, auxiliaries,
// adverbs, a parenthetical ", however," and "prohibited from". Returns its index (below
// cs when the clause has no subject before the verb).
int walk_back_to_subject(const SentenceModel& s, int cs, int k) {
  const auto& W = s.words;
  while (k >= cs) {
    const Word& w = W[k];
    // "They may, however, use ...": a parenthetical adverb between commas
    if (w.folded == ","sv && k - 2 >= cs && W[k - 2].folded == ","sv &&
        (W[k - 1].folded == "however"sv || W[k - 1].folded == "therefore"sv || W[k - 1].folded == "also"sv ||
         W[k - 1].folded == "though"sv || W[k - 1].folded == "furthermore"sv || W[k - 1].folded == "moreover"sv ||
         W[k - 1].folded == "additionally"sv || W[k - 1].folded == "instead"sv || W[k - 1].folded == "sometimes"sv ||
         W[k - 1].folded == "occasionally"sv || W[k - 1].folded == "thus"sv)) {
      k -= 3;
      continue;
    }
    if (k - 1 >= cs && w.folded == "from"sv && is_barring(W[k - 1].folded)) {
      k -= 2;
      continue;
    }
    if (w.punct) break;
    if (s.covering(s.negations, k) >= 0 || s.covering(s.modals, k) >= 0 ||
        (skip_words().count(w.folded) && w.folded != "it"sv) || (w.folded.size() > 3 && w.folded.ends_with("ly"))) {
      --k;
      continue;
    }
    break;
  }
  return k;
}

// "..., in order to collect": "to" (with adverbs) right before the verb.
bool is_infinitive(const SentenceModel& s, const ActionGroup& g, int cs) {
  const auto& W = s.words;
  for (int j = g.first - 1; j >= cs && j >= g.first - 3; --j) {
    if (W[j].folded == "to"sv) return true;
    if (!(W[j].folded.size() > 3 && W[j].folded.ends_with("ly")) && W[j].folded != "also"sv && W[j].folded != "then"sv)
      break;
  }
  return false;
}

// "We and our service providers collect", "Acme and its affiliates use": the first party
// named with the recipient that heads the subject; both act.
bool acts_with_first_party(const SentenceModel& s, int recipient, int cs) {
  const auto& W = s.words;
  const auto& M = s.matches;
  int a = M[recipient].begin - 1;
  // "our third party service provider": the words of the recipient phrase
  while (a >= cs && (W[a].folded == "our"sv || W[a].folded == "its"sv || W[a].folded == "their"sv ||
                     W[a].folded == "trusted"sv || W[a].folded == "selected"sv || s.covering(s.recipients, a) >= 0))
    --a;
  if (a - 1 >= cs && (W[a].folded == "and"sv || W[a].folded == "or"sv)) {
    int sj2 = s.covering(s.subjects, a - 1);
    auto capital = [&](int i) { return !W[i].punct && s.capitalized(i); };
    // "Acme and its affiliates", also after an opening clause or a run-in heading
    bool named = capital(a - 1) && (a - 1 == cs || W[a - 2].punct || capital(a - 2));
    if ((sj2 >= 0 && s.id_of(sj2) == "first_party"sv) || named) return true;
  }
  return false;
}

// "(do not) allow third parties to collect": the denial of "allow" before the recipient
// that heads the subject covers the verb.
bool allowing_denied(const SentenceModel& s, int recipient, int cs) {
  const auto& W = s.words;
  const auto& M = s.matches;
  bool negative = false;
  int a = M[recipient].begin - 1;
  while (a >= cs && (W[a].folded == "other"sv || W[a].folded == "any"sv || W[a].folded == "such"sv ||
                     W[a].folded == "our"sv || W[a].folded == "its"sv || W[a].folded == "their"sv ||
                     W[a].folded == "the"sv || W[a].folded == "these"sv || W[a].folded == "those"sv))
    --a;
  if (a >= cs) {
    const std::string_view st = W[a].stem;
    if (st == "allow" || st == "permit" || st == "author" || st == "let" || st == "enabl") {
      for (int j = a - 1, steps = 0; j >= cs && steps < 5; --j, ++steps) {
        if (s.covering(s.negations, j) >= 0) negative = true;
        else if (!skip_words().count(W[j].folded)) break;
      }
    }
  }
  return negative;
}

// The actor an active verb's subject head (word k) names: a subject mention ("we", "you",
// "third parties") or a recipient that ends right there ("our partners collect").
void actor_of_subject(const SentenceModel& s, int cs, int k, Reading& rd) {
  const auto& W = s.words;
  const auto& M = s.matches;
  int sj = s.covering(s.subjects, k);
  int rc = s.covering(s.recipients, k);
  if (sj >= 0) {
    const std::string_view who = s.id_of(sj);
    rd.actor = who == "user" ? "user" : who == "third_party" ? "third_party" : "first_party";
    // "these companies and individuals have access": people named with a third party
    int c = M[sj].begin - 1;
    if (who == "user" && c - 1 >= cs && (W[c].folded == "and"sv || W[c].folded == "or"sv) &&
        (s.covering(s.recipients, c - 1) >= 0 ||
         (s.covering(s.subjects, c - 1) >= 0 && s.id_of(s.covering(s.subjects, c - 1)) == "third_party"sv)))
      rd.actor = "third_party";
  } else if (rc >= 0 && M[rc].end == k + 1) {
    rd.actor = "third_party";
    if (acts_with_first_party(s, rc, cs)) rd.joint = true;
    if (allowing_denied(s, rc, cs)) rd.negative = true;
  }
}

// "Third parties that support our services may also use ...": the subject of a clause
// whose head is a recipient, with the verb after its relative clause (k: the word the walk
// back stopped at).
bool recipient_heads_clause(const SentenceModel& s, const ActionGroup& g, int cs, int k) {
  const auto& W = s.words;
  const auto& M = s.matches;
  // "partners that work with us may collect": "us" there is an object, not the subject
  bool object_us = W[k].folded == "us"sv && k - 1 >= cs &&
                   (W[k - 1].folded == "with"sv || W[k - 1].folded == "for"sv || W[k - 1].folded == "to"sv ||
                    W[k - 1].folded == "help"sv || W[k - 1].folded == "helps"sv || W[k - 1].folded == "by"sv);
  if (!(s.covering(s.subjects, k) < 0 || object_us)) return false;
  int h = cs;
  while (h < g.first && (W[h].punct || W[h].folded == "the"sv || W[h].folded == "these"sv ||
                         W[h].folded == "such"sv || W[h].folded == "some"sv || W[h].folded == "other"sv ||
                         W[h].folded == "certain"sv || W[h].folded == "many"sv))
    ++h;
  bool heads = false;
  for (int r : s.recipients)
    if (M[r].begin >= cs && M[r].begin <= h && M[r].end > h && M[r].end < g.first &&
        (W[M[r].end].folded == "that"sv || W[M[r].end].folded == "who"sv || W[M[r].end].folded == "which"sv ||
         W[M[r].end].folded == "may"sv || W[M[r].end].folded == "can"sv || W[M[r].end].folded == "will"sv))
      heads = true;
  return heads;
}

// "shared by our partners" / "collected by us": the agent after a passive verb.
void agent_of_passive(const SentenceModel& s, const ActionGroup& g, Reading& rd) {
  const auto& W = s.words;
  const auto& M = s.matches;
  if (!(g.last_end < s.n && W[g.last_end].folded == "by"sv)) return;
  for (int r : s.recipients)
    if (M[r].begin >= g.last_end && M[r].begin <= g.last_end + 3) rd.actor = "third_party";
  for (int sj : s.subjects)
    if (M[sj].begin >= g.last_end && M[sj].begin <= g.last_end + 2 && s.id_of(sj) == "first_party"sv)
      rd.actor = "first_party";
}

}  // namespace

void find_actor(const SentenceModel& s, const ActionGroup& g, const Clause& c, const PreviousGroup& prev,
                Reading& rd) {
  const auto& W = s.words;
  const int cs = c.begin;
  int k = walk_back_to_subject(s, cs, g.first - 1);
  // (prev.actor is empty until a group before this one has stated practices)
  // "They have access to your data, but may not use it": the subject of the clause before
  if (k < cs && cs > 0 && !prev.actor.empty() && (W[cs - 1].folded == "but"sv || W[cs - 1].folded == ";"sv))
    rd.actor = prev.actor;
  // "..., in order to collect": an infinitive takes the subject of the verb before it
  if (is_infinitive(s, g, cs) && !prev.actor.empty()) {
    rd.actor = prev.actor;
    rd.joint = prev.joint;  // "We and our partners use tools to collect ...": both collect
  }
  // "third parties that do not collect", "partners, who may use": the head before the pronoun
  if (k >= cs && (W[k].folded == "that"sv || W[k].folded == "who"sv || W[k].folded == "which"sv)) {
    --k;
    if (k >= cs && W[k].folded == ","sv) --k;
  }
  if (k >= cs && !rd.passive) actor_of_subject(s, cs, k, rd);
  if (rd.actor == "first_party" && !rd.passive && k >= cs && recipient_heads_clause(s, g, cs, k))
    rd.actor = "third_party";
  if (rd.passive) agent_of_passive(s, g, rd);
}

}  // namespace policyq::query::passes
