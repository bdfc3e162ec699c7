// Groups that describe a practice without stating it: "how we collect", "you may choose
// not to share", "Does Acme sell ...?", "the sharing of", "information that is collected".
// Their verbs make no practice.
#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// "how we collect, use and share your information", "the ways we use": the verb inside a
// question word's clause.
bool reports_how_or_why(const SentenceModel& s, const ActionGroup& g, int cs) {
  const auto& W = s.words;
  const auto& M = s.matches;
  bool indirect = false;
  for (int k = cs; k < g.first; ++k) {
    // "To understand how ads perform, we collect ...": a new subject after the comma
    if (W[k].folded == ","sv && k + 1 < g.first)
      for (int sj : s.subjects)
        if (M[sj].begin == k + 1) indirect = false;
    if (!W[k].punct && (W[k].folded == "how"sv || W[k].folded == "why"sv || W[k].folded == "whether"sv ||
                        W[k].folded == "what"sv ||
                        (W[k].folded == "ways"sv && k + 1 < g.first && W[k + 1].folded != "to"sv)))
      indirect = true;
  }
  return indirect;
}

// The user's choice, request, wish, or advice and instructions to the user: what the
// reader may or should do, not a practice of the company.
bool speaks_of_users_will(const SentenceModel& s, const ActionGroup& g, int cs, bool negative) {
  const auto& W = s.words;
  bool indirect = false;
  // "you may choose not to share": the user's choice, not a practice
  for (int k = std::max(cs, g.first - 4); k + 1 < g.first; ++k) {
    const std::string_view st = W[k].stem;
    if ((st == "choos" || st == "elect" || st == "decid" || st == "opt" || st == "prefer" || st == "ask") &&
        W[k + 1].folded == "not"sv)
      indirect = true;
    // "you may instruct us not to share it": the user's request
    if ((st == "instruct" || st == "ask" || st == "request" || st == "tell") && W[k + 1].folded == "us"sv &&
        k + 2 < g.first && W[k + 2].folded == "not"sv)
      indirect = true;
  }
  // "We recommend that you not share your password": advice to the reader
  for (int k = cs; k < g.first; ++k) {
    const std::string_view st = W[k].stem;
    if (st == "recommend" || st == "encourag" || st == "advis" || st == "urg") indirect = true;
  }
  // "if you do not want us to share it": a wish, not a statement
  for (int k = std::max(cs, g.first - 5); k < g.first; ++k) {
    const std::string_view st = W[k].stem;
    if (st == "want" || st == "wish" || st == "prefer" || st == "would like") indirect = true;
  }
  // "If you are under 13, do not provide personal information": an instruction to the reader
  if (negative) {
    int k = g.first - 1;
    bool aux_do = false, subject = false;
    while (k >= cs && !W[k].punct && W[k].folded != "please"sv) {
      bool neg_word = s.covered(s.negations, k);
      if (W[k].folded == "do"sv) aux_do = true;
      else if (!neg_word) subject = true;
      --k;
    }
    if (aux_do && !subject) indirect = true;
  }
  return indirect;
}

// "Does Acme share the information?", "When Your Data May Be Shared": a question or a
// heading about a practice, not a statement of it.
bool question_or_heading(const SentenceModel& s, const ActionGroup& g) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  bool indirect = false;
  int s0 = 0;
  while (s0 < n && W[s0].punct) ++s0;
  if (s0 < g.first && s0 + 1 < n) {
    const std::string_view w0 = W[s0].folded;
    bool inverted = (w0 == "does" || w0 == "do" || w0 == "did" || w0 == "is" || w0 == "are" || w0 == "can" ||
                     w0 == "will" || w0 == "may" || w0 == "shall") &&
                    W[s0 + 1].folded != "not"sv && W[s0 + 1].folded != "nt"sv;
    for (int ni : s.negations)
      if (M[ni].begin == s0 + 1) inverted = false;
    int words = 0, capital = 0;
    for (int k = s0; k < n; ++k) {
      if (W[k].punct) continue;
      ++words;
      if (s.capitalized(k)) ++capital;
    }
    bool title = words >= 3 && capital * 10 >= words * 6;
    if (inverted || (title && (w0 == "when" || w0 == "where" || w0 == "who" || w0 == "with"))) indirect = true;
  }
  return indirect;
}

// "information that is collected through the site", "information collected from users":
// a relative clause that describes the data.
bool relative_clause_of_data(const SentenceModel& s, const ActionGroup& g, int cs) {
  const auto& W = s.words;
  const auto& M = s.matches;
  bool indirect = false;
  int k = g.first - 1;
  bool be = false;
  while (k >= cs && (is_be(W[k].folded) || W[k].folded == "has"sv || W[k].folded == "have"sv ||
                     W[k].folded == "may"sv || W[k].folded == "can"sv || W[k].folded == "will"sv)) {
    be = be || is_be(W[k].folded);
    --k;
  }
  const std::string_view head = W[g.first].folded;
  if (be && k >= cs && (W[k].folded == "that"sv || W[k].folded == "which"sv)) indirect = true;
  if (!be && k == g.first - 1 && k >= cs && head.size() > 3 && head.ends_with("ed")) {
    for (int d : s.datas)
      if (M[d].end == g.first) indirect = true;
  }
  return indirect;
}

// "our sharing of X with Y", "our disclosure of X to Y": a handing-on the company owns,
// its recipient named in the clause.
bool owned_handing_on(const SentenceModel& s, const ActionGroup& g, const Clause& c) {
  if (g.first < 1 || s.words[g.first - 1].folded != "our"sv) return false;
  if (!is_share_action(s.lex.entry(s.matches[g.actions.front()].cid).id)) return false;
  for (int r : s.recipients) {
    const Match& m = s.matches[r];
    if (m.begin > g.last_end && m.end <= c.end) {
      const int p = s.prev_word(m.begin);
      if (p >= 0 && (s.words[p].folded == "with"sv || s.words[p].folded == "to"sv || s.words[p].folded == "some"sv ||
                     s.words[p].folded == "our"sv))
        return true;
    }
  }
  return false;
}

}  // namespace

// French advice to the reader: "vous pouvez choisir de ne pas partager", "nous vous
// recommandons de ne communiquer votre mot de passe à personne" — a denied infinitive after
// "de" / "à" in a clause that addresses "vous" is what the reader may do, not a promise.
// ("Nous nous engageons à ne pas vendre vos données", without "vous", is one.)
bool advises_reader_in_french(const SentenceModel& s, const ActionGroup& g, int cs) {
  for (int k = g.first - 1; k >= cs && k >= g.first - 3; --k) {
    const std::string_view w = s.words[k].folded;
    if (w != "ne"sv && w != "n"sv) continue;
    if (k == 0) return false;
    const std::string_view before = s.words[k - 1].folded;
    if (before != "de"sv && before != "d"sv && before != "\xC3\xA0"sv) return false;
    for (int j = cs; j < k; ++j)
      if (s.words[j].folded == "vous"sv) return true;
    return false;
  }
  return false;
}

bool describes_without_stating(const SentenceModel& s, const ActionGroup& g, const Clause& c, bool negative) {
  const int cs = c.begin;
  if (negative && advises_reader_in_french(s, g, cs)) return true;
  // "the collection, use and sharing of your information": nouns, not statements
  // … except "our sharing of your information with advertising partners": a handing-on
  // the company names as its own, with whom, presupposes that it happens.
  const bool nominal = g.last_end < s.n && s.words[g.last_end].folded == "of"sv && !owned_handing_on(s, g, c);
  return reports_how_or_why(s, g, cs) || speaks_of_users_will(s, g, cs, negative) || question_or_heading(s, g) ||
         nominal || relative_clause_of_data(s, g, cs);
}

}  // namespace policyq::query::passes
