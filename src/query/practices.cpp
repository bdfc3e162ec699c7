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
    const int cs = clause.begin, ce = clause.end, obj_end = clause.object_end;

    Reading r;
    read_polarity_and_modality(s, g, clause, r);
    bool negative = r.negative;
    std::string modality = r.modality;
    find_actor(s, g, clause, prev, r);
    negative = r.negative;
    const std::string actor = r.actor;
    const bool joint = r.joint;

    // "how we collect, use and share your information": describes, does not state.
    if (describes_without_stating(s, g, clause, negative)) continue;
    if (!attach_objects(s, groups, gi, clause, prev, r)) continue;
    attach_conditions(s, clause, r);
    limit_denial_scope(s, g, clause, r);
    split_off_excepted_data(s, g, clause, r);
    dedupe_objects(r);
    carry_denial_to_chained_verb(s, groups, gi, clause, prev, r);
    negative = r.negative;
    const int data_end = r.data_end;
    const auto& data = r.data;
    const auto& recipient = r.recipient;
    const auto& purpose = r.purpose;
    const auto& conds = r.conditions;
    const auto& scope = r.scope;
    const auto& excluded = r.excluded;
    prev.negative = negative;
    prev.actor = actor;
    prev.joint = joint;
    prev.data = data;
    for (int a : g.actions) {
      const Match& m = M[a];
      Practice p;
      p.action = lex.entry(m.cid).id;
      p.actor = actor;
      p.negative = negative;
      p.modality = modality;
      p.conditions = conds;
      p.scope = scope;
      p.begin = W[m.begin].begin;
      p.end = W[m.end - 1].end;
      p.data = data;
      p.purpose = purpose;
      if (is_share_action(p.action) || p.actor == "third_party"sv) p.recipient = recipient;
      bool needs_data = p.action != "notify"sv && p.action != "honor"sv && p.action != "delete"sv && p.action != "protect"sv;
      if (p.actor == "user"sv) {
        // What the user gives us is what we receive; what the user does is no practice of ours.
        bool to_others = false;
        for (int r : recipient)
          if (lex.entry(r).id != "service_provider"sv) to_others = true;
        // ... unless it is advice or a request to the user ("please include", "you must")
        bool advice = negative;
        for (int k = cs; k < ce; ++k) {
          const std::string_view w = W[k].folded;
          if (w == "please" || w == "must" || w == "should" || w == "ask" || w == "recommend" || w == "need" ||
              w == "choose" || w == "control" || w == "want")
            advice = true;
        }
        if (is_share_action(p.action) && !to_others && !p.data.empty() && !advice) {
          p.action = "receive";
          p.actor = "first_party";
          p.recipient.clear();
        } else {
          continue;
        }
      }
      if (needs_data && p.data.empty()) continue;
      // "browsers may transmit Do Not Track signals": a browser setting, not personal data
      if (!p.data.empty() && std::all_of(p.data.begin(), p.data.end(), [&](int d) { return lex.entry(d).id == "dnt_signal"sv; }) &&
          p.action != "honor"sv)
        continue;
      // "provide you with content", "give you a glimpse": handing on needs someone to hand on to
      // Handing data to "us" is our receiving it; handing it to "you" is no sharing.
      if (is_share_action(p.action) && p.recipient.empty()) {
        int k = g.last_end;
        if (k < n && (W[k].folded == "with"sv || W[k].folded == "to"sv)) ++k;
        bool to_us = false;  // "provide personal information or other information to us"
        for (int j = g.last_end; j + 1 < obj_end; ++j)
          if ((W[j].folded == "to"sv || W[j].folded == "with"sv) && W[j + 1].folded == "us"sv) to_us = true;
        bool to_you = false;  // "share information with you about our products", "give you access to"
        for (int j = m.begin; j < m.end; ++j)
          if (W[j].folded == "you"sv) to_you = true;
        for (int j = g.last_end; j + 1 < obj_end; ++j)
          if ((W[j].folded == "with"sv || W[j].folded == "to"sv) && W[j + 1].folded == "you"sv) to_you = true;
        // "identifiers that we transfer to your computer": placing data on the user's device
        for (int j = g.last_end; j + 2 < obj_end; ++j)
          if (W[j].folded == "to"sv && W[j + 1].folded == "your"sv) {
            const std::string_view o = W[j + 2].folded;
            if (o == "computer" || o == "device" || o == "browser" || o == "hard" || o == "mobile" || o == "phone" ||
                o == "computer's" || o == "device's")
              to_you = true;
          }
        if ((k < n && W[k].folded == "us"sv) || to_us) {
          p.action = "receive";
          p.actor = "first_party";
        } else if ((k < n && W[k].folded == "you"sv) || to_you) {
          continue;
        }
      }
      if (p.actor == "third_party"sv && p.recipient.empty() && p.action == "share"sv) {
        // "the social media site will give us certain information", "data provided by partners"
        const std::string_view st = W[m.begin].stem;
        if (st == "provid" || st == "give" || st == "send" || st == "suppli" || st == "furnish" || st == "pass") {
          p.action = "receive";
          p.actor = "first_party";
        }
      }
      bool named_recipient = false;  // "forward your number to Sony"
      for (int k = g.last_end; k + 1 < obj_end; ++k)
        if ((W[k].folded == "to"sv || W[k].folded == "with"sv) && W[k + 1].begin < text.size() &&
            std::isupper(static_cast<unsigned char>(text[W[k + 1].begin])))
          named_recipient = true;
      if (p.action == "share"sv && p.recipient.empty() && p.actor != "third_party"sv && !named_recipient) {
        const std::string_view st = W[m.begin].stem;
        if (st == "provid" || st == "give" || st == "suppli" || st == "furnish" || st == "send" || st == "report" ||
            st == "distribut" || st == "forward" || st == "releas" || st == "exchang")
          continue;
      }
      if (p.action == "receive"sv && p.actor == "first_party"sv && lex.entry(m.cid).id == "receive"sv) {
        // "opt in to receive promotional information", "information from us": the user receives
        bool user_receives = false;
        for (int j = g.last_end; j + 1 < obj_end; ++j)
          if (W[j].folded == "from"sv && W[j + 1].folded == "us"sv) user_receives = true;
        if (m.begin > 0 && W[m.begin - 1].folded == "to"sv) {
          int first_subject = -1;
          for (int sj : subjects)
            if (M[sj].begin >= cs && M[sj].end <= m.begin && first_subject < 0) first_subject = sj;
          if (first_subject >= 0 && lex.entry(M[first_subject].cid).id == "user"sv) user_receives = true;
          if (first_subject < 0 && m.begin >= 2 && (W[m.begin - 2].folded == "in"sv || W[m.begin - 2].folded == "up"sv))
            user_receives = true;  // "sign up to receive", "opt in to receive"
        }
        if (user_receives) continue;
      }
      if (p.action == "access"sv && p.actor == "first_party"sv) continue;  // "access" by us: rarely a statement
      // Placing cookies and similar technologies is "set", not a use of personal data.
      bool any_cookie = false;
      for (int d : p.data) any_cookie = any_cookie || lex.entry(d).id == "cookies"sv;
      bool cookie_means = false;  // "collect information using cookies": the cookies are the means
      if (p.action == "collect"sv || p.action == "receive"sv || p.action == "obtain"sv) {
        for (int d : datas)
          if (lex.entry(M[d].cid).id == "cookies"sv && M[d].begin > g.last_end) {
            int pw = s.prev_word(M[d].begin);
            for (int j = pw; j >= g.last_end && j >= pw - 3; --j)
              if (W[j].folded == "using"sv || W[j].folded == "through"sv || W[j].folded == "via"sv || W[j].folded == "with"sv ||
                  W[j].folded == "by"sv)
                cookie_means = true;
          }
      }
      bool uses_tech = false;  // "we use cookies and web beacons": the object of "use" is the technology
      if (p.action == "use"sv) {
        // the first tracking technology named in the object, with only modifiers before it
        int first_obj = -1;
        for (int d : datas)
          if (lex.entry(M[d].cid).id == "cookies"sv && M[d].begin >= g.last_end && M[d].begin < data_end &&
              (first_obj < 0 || M[d].begin < M[first_obj].begin))
            first_obj = d;
        if (first_obj >= 0) {
          bool head = true;
          for (int k = g.last_end; k < M[first_obj].begin; ++k)
            if (W[k].punct || !(determiners().count(W[k].folded) || W[k].folded == "various"sv || W[k].folded == "other"sv ||
                                W[k].folded == "similar"sv || W[k].folded == "tracking"sv || W[k].folded == "browser"sv ||
                                W[k].folded == "technologies"sv || W[k].folded == "technology"sv || W[k].folded == "like"sv ||
                                W[k].folded == "called"sv || W[k].folded == "tools"sv || W[k].folded == "as"sv))
              head = false;
          uses_tech = head;
        }
      }
      if (uses_tech) p.action = "set";
      if (!cookie_means && any_cookie && std::all_of(p.data.begin(), p.data.end(), [&](int d) {
            return lex.entry(d).id == "cookies"sv || lex.entry(d).id == "dnt_signal"sv || lex.entry(d).parent < 0;
          }) && (p.action == "use"sv || p.action == "store"sv || p.action == "access"sv || p.action == "collect"sv ||
                 p.action == "receive"sv || p.action == "obtain"sv || p.action == "process"sv))
        p.action = "set";
      if (p.action == "retain"sv || p.action == "store"sv || p.action == "delete"sv) {
        for (const Period& per : f.periods)
          if (per.begin >= W[cs].begin && (ce >= n || per.end <= W[ce].begin + 1)) p.periods.push_back(per);
      }
      if (joint && p.actor == "third_party"sv && is_collect_action(p.action)) {
        Practice own = p;
        own.actor = "first_party";
        own.recipient.clear();
        f.practices.push_back(std::move(own));
      }
      // "We do not share your data except as described below", "... unless you consent":
      // a denial with an exception states the practice for the excepted cases too.
      bool excepted = false;
      if (p.negative && p.actor == "first_party"sv && (is_share_action(p.action) || is_collect_action(p.action))) {
        for (int k = g.last_end; k < n && !excepted; ++k) {
          if (W[k].folded == ";"sv || W[k].folded == "."sv || W[k].folded == "but"sv || W[k].folded == "however"sv) break;
          if (W[k].folded == "except"sv || W[k].folded == "unless"sv || W[k].folded == "excepting"sv ||
              (W[k].folded == "other"sv && k + 2 < n && W[k + 1].folded == "than"sv && W[k + 2].folded == "as"sv))
            excepted = true;
        }
      }
      Practice twin;
      if (excepted) {
        twin = p;
        twin.negative = false;
        twin.scope.clear();
        if (std::find(twin.conditions.begin(), twin.conditions.end(), "except as described") == twin.conditions.end())
          twin.conditions.push_back("except as described");
      }
      Practice denied;
      if (!excluded.empty() && !p.negative) {
        denied = p;
        denied.negative = true;
        denied.data = excluded;
        denied.conditions.clear();
      }
      f.practices.push_back(std::move(p));
      if (excepted) f.practices.push_back(std::move(twin));
      if (!denied.data.empty()) f.practices.push_back(std::move(denied));
    }
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
