#include "query/practices.hpp"

#include "query/practices/passes.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <unordered_set>

namespace policyq::query {
// Word comparisons against literals as string_views: the length is checked first.
using std::string_view_literals::operator""sv;

bool is_share_action(std::string_view a) {
  return a == "share" || a == "disclose" || a == "sell" || a == "rent" || a == "trade" || a == "transfer";
}
bool is_collect_action(std::string_view a) {
  return a == "collect" || a == "use" || a == "receive" || a == "obtain" || a == "process" || a == "store" ||
         a == "retain" || a == "access";
}

using namespace passes;


void add_topics(SentenceFacts& f, const Lexicon& lex) {
  for (const Match& m : f.matches) {
    const Concept& c = lex.entry(m.cid);
    if (c.kind == Kind::data || c.kind == Kind::recipient || c.kind == Kind::purpose) {
      f.concepts.push_back(m.cid);
    } else if (c.kind == Kind::intent) {
      auto it = std::find(f.intents.begin(), f.intents.end(), m.cid);
      if (it == f.intents.end()) {
        f.intents.push_back(m.cid);
        f.intent_hits.push_back(1);
      } else {
        ++f.intent_hits[static_cast<std::size_t>(it - f.intents.begin())];
      }
    } else if (c.kind == Kind::negation) {
      f.has_negation = true;
    }
  }
}

SentenceFacts analyze_sentence(std::string_view text, const Lexicon& lex) {
  std::vector<Word> words = tokenize(text);
  std::vector<Match> matches = lex.match(words, false);
  return analyze_sentence(text, std::move(words), std::move(matches), lex);
}

SentenceFacts analyze_sentence(std::string_view text, std::vector<Word> words, std::vector<Match> matches,
                               const Lexicon& lex) {
  SentenceFacts f;
  f.words = std::move(words);
  f.matches = std::move(matches);

  add_topics(f, lex);
  f.analyzed = true;
  const SentenceModel s(text, f.words, f.matches, lex);
  const auto& W = s.words;
  const auto& M = s.matches;
  const int n = s.n;
  const auto& actions = s.actions;
  const auto& negations = s.negations;
  const auto& modals = s.modals;
  const auto& subjects = s.subjects;
  const auto& datas = s.datas;
  const auto& recips = s.recipients;
  f.periods = find_periods(text, W);

  const std::vector<ActionGroup> groups = group_coordinated_verbs(s, find_action_verbs(s));

  PreviousGroup prev;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const ActionGroup& g = groups[gi];
    const Clause clause = find_clause(s, groups, gi);
    Reading r;
    read_polarity_and_modality(s, g, clause, r);
    find_actor(s, g, clause, prev, r);
    // "how we collect, use and share your information": describes, does not state.
    if (describes_without_stating(s, g, clause, r.negative)) continue;
    if (!attach_objects(s, groups, gi, clause, prev, r)) continue;
    attach_conditions(s, clause, r);
    limit_denial_scope(s, g, clause, r);
    split_off_excepted_data(s, g, clause, r);
    dedupe_objects(r);
    carry_denial_to_chained_verb(s, groups, gi, clause, prev, r);
    prev.negative = r.negative;
    prev.actor = r.actor;
    prev.joint = r.joint;
    prev.data = r.data;
    add_group_practices(s, g, clause, r, f.periods, f.practices);
  }
  // Data made visible to others, stated of the data itself: "Comments you post become
  // public", "your profile may be visible to other members", "reviews are searchable by
  // anyone". Sharing with the public (or the audience named), by the first party.
  {
    static const std::unordered_set<std::string_view> exposed{
        "available", "visible", "viewable", "accessible", "searchable", "displayed", "shown", "seen",
        "readable", "published", "posted", "disclosed"};
    static const std::unordered_set<std::string_view> linking{
        "is", "are", "be", "been", "being", "become", "becomes", "became", "remain", "remains", "considered", "made",
        "treated", "deemed", "publicly", "always", "generally", "also", "not", "never", "and", "may", "will", "can"};
    const int public_id = lex.find(Kind::recipient, "public");
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
      for (int ni : negations)
        if (M[ni].begin > j && M[ni].begin < k) negative = true;
      // the audience: "to other users", "by anyone", "to the public"; "public" names it itself
      std::vector<int> audience;
      if (is_public) {
        if (public_id >= 0) audience.push_back(public_id);
      } else {
        int a = k + 1;
        if (a < n && (W[a].folded == "to"sv || W[a].folded == "by"sv)) {
          for (int r : recips)
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
      for (int d : datas)
        if (M[d].begin >= cs && M[d].end <= j + 1 &&
            std::find(data.begin(), data.end(), M[d].cid) == data.end())
          data.push_back(M[d].cid);
      if (data.empty()) continue;
      bool known = false;  // a practice of the clause already shares it
      for (const Practice& q : f.practices)
        if (is_share_action(q.action) && q.begin >= W[cs].begin && q.end <= W[k].end) known = true;
      if (known) continue;
      Practice p;
      p.action = "share";
      p.negative = negative;
      p.data = data;
      p.recipient = audience;
      for (int mi : modals)
        if (M[mi].begin > j && M[mi].begin < k && p.modality.empty()) p.modality = lex.entry(M[mi].cid).id;
      p.begin = W[j + 1].begin;
      p.end = W[k].end;
      f.practices.push_back(std::move(p));
    }
  }
  // Lists of data types without a verb of their own: "This information may include your IP
  // address, browser type ...", "Email addresses of people you refer." (what a policy collects).
  if (f.practices.empty()) {
    // A list verb with data (or "this", "it") as its subject: "This information may include ...",
    // not "This includes providing ..." nor a request ("please include your name").
    bool list_verb = false;
    for (int k = 0; k < n; ++k) {
      const std::string_view w = W[k].folded;
      if (!(w == "include" || w == "includes" || w == "consist" || w == "consists")) continue;
      bool data_subject = false, please = false;
      for (int j = 0; j < k; ++j) please = please || W[j].folded == "please"sv;
      for (int d : datas)
        if (M[d].end <= k) data_subject = true;
      // "This could include displaying content ...": an activity, not a list of data
      int nx = k + 1;
      while (nx < n && (W[nx].punct || W[nx].folded == "the"sv || W[nx].folded == "a"sv || W[nx].folded == "an"sv)) ++nx;
      bool gerund = nx < n && W[nx].folded.size() > 4 && W[nx].folded.ends_with("ing");
      for (int d : datas)
        if (M[d].begin == nx) gerund = false;
      for (int a : actions)  // "This includes the use of cookies": an activity
        if (M[a].begin == nx) gerund = true;
      if (!please && (data_subject || !gerund)) list_verb = true;
    }
    std::vector<int> data;
    int specific = 0;
    for (int d : datas) {
      if (std::find(data.begin(), data.end(), M[d].cid) == data.end()) {
        data.push_back(M[d].cid);
        if (!lex.entry(M[d].cid).generic) ++specific;
      }
    }
    bool user_subject = false;
    for (int sj : subjects)
      if (lex.entry(M[sj].cid).id == "user"sv && M[sj].begin <= 1 && !s.inside(M[sj], datas, false)) user_subject = true;
    // A list item without a verb of its own: "Payment and billing details.", "Your
    // username and password", "Email address when you sign up for the newsletter".
    bool fragment = false;
    {
      int s0 = 0;
      while (s0 < n && W[s0].punct) ++s0;
      if (s0 < n && (W[s0].folded == "your"sv || W[s0].folded == "any"sv || W[s0].folded == "the"sv || W[s0].folded == "other"sv ||
                     W[s0].folded == "our"sv || W[s0].folded == "a"sv || W[s0].folded == "an"sv || W[s0].folded == "all"sv))
        ++s0;
      int lead = -1;  // the data phrase the item starts with
      for (int d : datas)
        if (M[d].begin == s0 && (lead < 0 || M[d].end > M[lead].end)) lead = d;
      int words = 0, capital = 0;
      for (int k = 0; k < n; ++k) {
        if (W[k].punct) continue;
        ++words;
        if (W[k].begin < text.size() && std::isupper(static_cast<unsigned char>(text[W[k].begin]))) ++capital;
      }
      int last = n - 1;  // "Comments, posts and other public activities:" introduces a list
      while (last > 0 && W[last].punct && W[last].folded != ":"sv) --last;
      if (lead >= 0 && words >= 6 && capital * 2 <= words && last >= 0 && W[last].folded != ":"sv) {
        const std::string_view lid = lex.entry(M[lead].cid).id;
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
    }
    if (specific > 0 && !user_subject && (list_verb || fragment) && negations.empty()) {
      Practice p;
      p.action = "collect";
      p.data = data;
      for (int mi : modals) {
        p.modality = lex.entry(M[mi].cid).id;
        break;
      }
      f.practices.push_back(std::move(p));
    }
  }
  return f;
}

}  // namespace policyq::query
