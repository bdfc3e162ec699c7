// Passes over the whole sentence rather than one verb group: data made visible to others
// ("your profile is visible to other members") and lists of data without a verb ("This
// information may include your IP address, ...", "Payment and billing details.").
#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// A list verb with data (or "this", "it") as its subject: "This information may include ...",
// not "This includes providing ..." nor a request ("please include your name").
bool has_list_verb(const SentenceModel& s) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  bool list_verb = false;
  for (int k = 0; k < n; ++k) {
    const std::string_view w = W[k].folded;
    if (!(w == "include" || w == "includes" || w == "consist" || w == "consists")) continue;
    bool data_subject = false, please = false;
    for (int j = 0; j < k; ++j) please = please || W[j].folded == "please"sv;
    for (int d : s.datas)
      if (M[d].end <= k) data_subject = true;
    // "This could include displaying content ...": an activity, not a list of data
    int nx = k + 1;
    while (nx < n && (W[nx].punct || W[nx].folded == "the"sv || W[nx].folded == "a"sv || W[nx].folded == "an"sv)) ++nx;
    bool gerund = nx < n && W[nx].folded.size() > 4 && W[nx].folded.ends_with("ing");
    for (int d : s.datas)
      if (M[d].begin == nx) gerund = false;
    for (int a : s.actions)  // "This includes the use of cookies": an activity
      if (M[a].begin == nx) gerund = true;
    if (!please && (data_subject || !gerund)) list_verb = true;
  }
  return list_verb;
}

// A list item without a verb of its own: "Payment and billing details.", "Your username
// and password", "Email address when you sign up for the newsletter". Not a heading in
// title case, nor a phrase that introduces a list ("Comments, posts and other public
// activities:").
bool is_list_fragment(const SentenceModel& s) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  bool fragment = false;
  int s0 = 0;
  while (s0 < n && W[s0].punct) ++s0;
  if (s0 < n && (W[s0].folded == "your"sv || W[s0].folded == "any"sv || W[s0].folded == "the"sv || W[s0].folded == "other"sv ||
                 W[s0].folded == "our"sv || W[s0].folded == "a"sv || W[s0].folded == "an"sv || W[s0].folded == "all"sv))
    ++s0;
  int lead = -1;  // the data phrase the item starts with
  for (int d : s.datas)
    if (M[d].begin == s0 && (lead < 0 || M[d].end > M[lead].end)) lead = d;
  int words = 0, capital = 0;
  for (int k = 0; k < n; ++k) {
    if (W[k].punct) continue;
    ++words;
    if (s.capitalized(k)) ++capital;
  }
  int last = n - 1;  // "Comments, posts and other public activities:" introduces a list
  while (last > 0 && W[last].punct && W[last].folded != ":"sv) --last;
  if (lead >= 0 && words >= 6 && capital * 2 <= words && last >= 0 && W[last].folded != ":"sv) {
    const std::string_view lid = s.lex.entry(M[lead].cid).id;
    // "Cookies help us ...", "Visit our page": a technology or an imperative, not a data item
    bool weak_lead = lid == "cookies" || (lid == "usage_data" && M[lead].end - M[lead].begin == 1);
    static const std::unordered_set<std::string_view> finite{
        "is", "are", "was", "were", "may", "will", "can", "could", "might", "should", "must", "does", "do",
        "has", "have", "shall", "would", "cannot", "we", "becomes", "become", "remains", "contains", "allow", "allows"};
    static const std::unordered_set<std::string_view> subordinate{
        "when", "if", "that", "which", "who", "you", "such", "e", "(", "including", "like", "whether", "where"};
    bool main_verb = false;
    for (int k = M[lead].end; k < n; ++k) {
      if (subordinate.count(W[k].folded)) break;
      if (finite.count(W[k].folded)) main_verb = true;
    }
    fragment = !weak_lead && !main_verb;
  }
  return fragment;
}

}  // namespace

void add_visibility_practices(const SentenceModel& s, std::vector<Practice>& out) {
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  static const std::unordered_set<std::string_view> exposed{
      "available", "visible", "viewable", "accessible", "searchable", "displayed", "shown", "seen",
      "readable", "published", "posted", "disclosed"};
  static const std::unordered_set<std::string_view> linking{
      "is", "are", "be", "been", "being", "become", "becomes", "became", "remain", "remains", "considered", "made",
      "treated", "deemed", "publicly", "always", "generally", "also", "not", "never", "and", "may", "will", "can"};
  const int public_id = s.lex.find(Kind::recipient, "public");
  for (int k = 1; k < n; ++k) {
    const std::string_view w = W[k].folded;
    bool is_public = w == "public" && (k + 1 >= n || W[k + 1].folded != "forums"sv);
    bool is_exposed = exposed.count(w) > 0;
    if (!is_public && !is_exposed) continue;
    // a linking verb right before ("becomes public", "may be visible", "is not searchable")
    int j = k - 1;
    bool link = false, negative = false;
    while (j >= 0 && !W[j].punct && linking.count(W[j].folded)) {
      link = link || W[j].folded != "and"sv;
      if (W[j].folded == "not"sv || W[j].folded == "never"sv) negative = true;
      --j;
    }
    if (!link) continue;
    for (int ni : s.negations)
      if (M[ni].begin > j && M[ni].begin < k) negative = true;
    // the audience: "to other users", "by anyone", "to the public"; "public" names it itself
    std::vector<int> audience;
    if (is_public) {
      if (public_id >= 0) audience.push_back(public_id);
    } else {
      int a = k + 1;
      if (a < n && (W[a].folded == "to"sv || W[a].folded == "by"sv)) {
        for (int r : s.recipients)
          if (M[r].begin >= a + 1 && M[r].begin <= a + 3) {
            audience.push_back(M[r].cid);
            break;
          }
        if (audience.empty() && a + 1 < n &&
            (W[a + 1].folded == "everyone"sv || W[a + 1].folded == "anyone"sv || W[a + 1].folded == "them"sv) && public_id >= 0)
          audience.push_back(public_id);
      }
    }
    if (audience.empty()) continue;
    // the data is the subject of the clause
    int cs = s.clause_start(k);
    std::vector<int> data;
    for (int d : s.datas)
      if (M[d].begin >= cs && M[d].end <= j + 1 &&
          std::find(data.begin(), data.end(), M[d].cid) == data.end())
        data.push_back(M[d].cid);
    if (data.empty()) continue;
    bool known = false;  // a practice of the clause already shares it
    for (const Practice& q : out)
      if (is_share_action(q.action) && q.begin >= W[cs].begin && q.end <= W[k].end) known = true;
    if (known) continue;
    Practice p;
    p.action = "share";
    p.negative = negative;
    p.data = data;
    p.recipient = audience;
    for (int mi : s.modals)
      if (M[mi].begin > j && M[mi].begin < k && p.modality.empty()) p.modality = s.lex.entry(M[mi].cid).id;
    p.begin = W[j + 1].begin;
    p.end = W[k].end;
    out.push_back(std::move(p));
  }
}

void add_verbless_lists(const SentenceModel& s, std::vector<Practice>& out) {
  const auto& M = s.matches;
  const bool list_verb = has_list_verb(s);
  std::vector<int> data;
  int specific = 0;
  for (int d : s.datas) {
    if (std::find(data.begin(), data.end(), M[d].cid) == data.end()) {
      data.push_back(M[d].cid);
      if (!s.lex.entry(M[d].cid).generic) ++specific;
    }
  }
  bool user_subject = false;
  for (int sj : s.subjects)
    if (s.id_of(sj) == "user"sv && M[sj].begin <= 1 && !s.inside(M[sj], s.datas, false)) user_subject = true;
  const bool fragment = is_list_fragment(s);
  if (specific > 0 && !user_subject && (list_verb || fragment) && s.negations.empty()) {
    Practice p;
    p.action = "collect";
    p.data = data;
    for (int mi : s.modals) {
      p.modality = s.lex.entry(M[mi].cid).id;
      break;
    }
    out.push_back(std::move(p));
  }
}

}  // namespace policyq::query::passes
