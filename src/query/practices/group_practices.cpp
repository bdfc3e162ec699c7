// The practices of one group: a practice per action of the group, made from the group's
// Reading, then the rules that turn one into another or drop it (the user giving data is
// our receiving it; handing on needs someone to hand on to; placing cookies is "set"),
// and the practices a statement implies besides its own (exceptions, excluded data).
#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {

// The practice the action mention m states, as the group's reading says.
Practice practice_of(const SentenceModel& s, const Reading& rd, const Match& m) {
  const auto& W = s.words;
  Practice p;
  p.action = s.lex.entry(m.cid).id;
  p.actor = rd.actor;
  p.negative = rd.negative;
  p.modality = rd.modality;
  p.conditions = rd.conditions;
  p.scope = rd.scope;
  p.begin = W[m.begin].begin;
  p.end = W[m.end - 1].end;
  p.data = rd.data;
  p.purpose = rd.purpose;
  if (is_share_action(p.action) || p.actor == "third_party"sv) p.recipient = rd.recipient;
  return p;
}

// What the user gives us is what we receive; what the user does is no practice of ours,
// nor is advice or a request to the user ("please include", "you must"). False: drop p.
bool resolve_user_actor(const SentenceModel& s, const Clause& c, const Reading& rd, Practice& p) {
  const auto& W = s.words;
  if (p.actor != "user"sv) return true;
  bool to_others = false;
  for (int r : rd.recipient)
    if (s.lex.entry(r).id != "service_provider"sv) to_others = true;
  // ... unless it is advice or a request to the user ("please include", "you must")
  bool advice = rd.negative;
  for (int k = c.begin; k < c.end; ++k) {
    const std::string_view w = W[k].folded;
    if (w == "please" || w == "must" || w == "should" || w == "ask" || w == "recommend" || w == "need" ||
        w == "choose" || w == "control" || w == "want")
      advice = true;
  }
  if (!(is_share_action(p.action) && !to_others && !p.data.empty() && !advice)) return false;
  p.action = "receive";
  p.actor = "first_party";
  p.recipient.clear();
  return true;
}

// A handling practice needs personal data ("browsers may transmit Do Not Track signals"
// is a browser setting). False: drop p.
bool handles_personal_data(const SentenceModel& s, const Practice& p) {
  bool needs_data = p.action != "notify"sv && p.action != "honor"sv && p.action != "delete"sv && p.action != "protect"sv;
  if (needs_data && p.data.empty()) return false;
  // "browsers may transmit Do Not Track signals": a browser setting, not personal data
  if (!p.data.empty() && std::all_of(p.data.begin(), p.data.end(), [&](int d) { return s.lex.entry(d).id == "dnt_signal"sv; }) &&
      p.action != "honor"sv)
    return false;
  return true;
}

// "provide you with content", "give you a glimpse": handing on needs someone to hand on to.
// Handing data to "us" is our receiving it; handing it to "you" is no sharing; a third
// party providing data gives it to us. False: drop p.
bool resolve_handing_on(const SentenceModel& s, const ActionGroup& g, const Clause& c, const Match& m, Practice& p) {
  const auto& W = s.words;
  const int n = s.n;
  if (is_share_action(p.action) && p.recipient.empty()) {
    int k = g.last_end;
    if (k < n && (W[k].folded == "with"sv || W[k].folded == "to"sv)) ++k;
    bool to_us = false;  // "provide personal information or other information to us"
    for (int j = g.last_end; j + 1 < c.object_end; ++j)
      if ((W[j].folded == "to"sv || W[j].folded == "with"sv) && W[j + 1].folded == "us"sv) to_us = true;
    bool to_you = false;  // "share information with you about our products", "give you access to"
    for (int j = m.begin; j < m.end; ++j)
      if (W[j].folded == "you"sv) to_you = true;
    for (int j = g.last_end; j + 1 < c.object_end; ++j)
      if ((W[j].folded == "with"sv || W[j].folded == "to"sv) && W[j + 1].folded == "you"sv) to_you = true;
    // "identifiers that we transfer to your computer": placing data on the user's device
    for (int j = g.last_end; j + 2 < c.object_end; ++j)
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
      return false;
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
  for (int k = g.last_end; k + 1 < c.object_end; ++k)
    if ((W[k].folded == "to"sv || W[k].folded == "with"sv) && s.capitalized(k + 1)) named_recipient = true;
  if (p.action == "share"sv && p.recipient.empty() && p.actor != "third_party"sv && !named_recipient) {
    const std::string_view st = W[m.begin].stem;
    if (st == "provid" || st == "give" || st == "suppli" || st == "furnish" || st == "send" || st == "report" ||
        st == "distribut" || st == "forward" || st == "releas" || st == "exchang")
      return false;
  }
  return true;
}

// "opt in to receive promotional information", "information from us": the user receives,
// not the first party.
bool user_receives(const SentenceModel& s, const ActionGroup& g, const Clause& c, const Match& m,
                   const Practice& p) {
  const auto& W = s.words;
  const auto& M = s.matches;
  if (!(p.action == "receive"sv && p.actor == "first_party"sv && s.lex.entry(m.cid).id == "receive"sv)) return false;
  bool receives = false;
  for (int j = g.last_end; j + 1 < c.object_end; ++j)
    if (W[j].folded == "from"sv && W[j + 1].folded == "us"sv) receives = true;
  if (m.begin > 0 && W[m.begin - 1].folded == "to"sv) {
    int first_subject = -1;
    for (int sj : s.subjects)
      if (M[sj].begin >= c.begin && M[sj].end <= m.begin && first_subject < 0) first_subject = sj;
    if (first_subject >= 0 && s.lex.entry(M[first_subject].cid).id == "user"sv) receives = true;
    if (first_subject < 0 && m.begin >= 2 && (W[m.begin - 2].folded == "in"sv || W[m.begin - 2].folded == "up"sv))
      receives = true;  // "sign up to receive", "opt in to receive"
  }
  return receives;
}

// Placing cookies and similar technologies is "set", not a use of personal data.
void classify_cookie_setting(const SentenceModel& s, const ActionGroup& g, const Reading& rd, Practice& p) {
  const auto& W = s.words;
  const auto& M = s.matches;
  bool any_cookie = false;
  for (int d : p.data) any_cookie = any_cookie || s.lex.entry(d).id == "cookies"sv;
  bool cookie_means = false;  // "collect information using cookies": the cookies are the means
  if (p.action == "collect"sv || p.action == "receive"sv || p.action == "obtain"sv) {
    for (int d : s.datas)
      if (s.lex.entry(M[d].cid).id == "cookies"sv && M[d].begin > g.last_end) {
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
    for (int d : s.datas)
      if (s.lex.entry(M[d].cid).id == "cookies"sv && M[d].begin >= g.last_end && M[d].begin < rd.data_end &&
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
        return s.lex.entry(d).id == "cookies"sv || s.lex.entry(d).id == "dnt_signal"sv || s.lex.entry(d).parent < 0;
      }) && (p.action == "use"sv || p.action == "store"sv || p.action == "access"sv || p.action == "collect"sv ||
             p.action == "receive"sv || p.action == "obtain"sv || p.action == "process"sv))
    p.action = "set";
}

// Periods of the clause, for keeping and deleting: "for two years", "until you close your account".
void attach_periods(const SentenceModel& s, const Clause& c, const std::vector<Period>& periods, Practice& p) {
  const auto& W = s.words;
  const int n = s.n;
  if (!(p.action == "retain"sv || p.action == "store"sv || p.action == "delete"sv)) return;
  for (const Period& per : periods)
    if (per.begin >= W[c.begin].begin && (c.end >= n || per.end <= W[c.end].begin + 1)) p.periods.push_back(per);
}

// "We do not share your data except as described below", "... unless you consent": a
// first-party denial with an exception in its clause.
bool denial_has_exception(const SentenceModel& s, const ActionGroup& g, const Practice& p) {
  const auto& W = s.words;
  const int n = s.n;
  bool excepted = false;
  if (p.negative && p.actor == "first_party"sv && (is_share_action(p.action) || is_collect_action(p.action))) {
    for (int k = g.last_end; k < n && !excepted; ++k) {
      if (W[k].folded == ";"sv || W[k].folded == "."sv || W[k].folded == "but"sv || W[k].folded == "however"sv) break;
      if (W[k].folded == "except"sv || W[k].folded == "unless"sv || W[k].folded == "excepting"sv ||
          (W[k].folded == "other"sv && k + 2 < n && W[k + 1].folded == "than"sv && W[k + 2].folded == "as"sv))
        excepted = true;
    }
  }
  return excepted;
}

// "We and our partners collect": the first party's own collection beside the third party's.
void add_joint_first_party(const Reading& rd, const Practice& p, std::vector<Practice>& out) {
  if (rd.joint && p.actor == "third_party"sv && is_collect_action(p.action)) {
    Practice own = p;
    own.actor = "first_party";
    own.recipient.clear();
    out.push_back(std::move(own));
  }
}

// p, and the practices it implies: a denial with an exception states the practice for the
// excepted cases too ("except as described"); data excepted from an affirmed object is
// denied ("your name (but not your email address)").
void add_exception_twins(const SentenceModel& s, const ActionGroup& g, const Reading& rd, Practice p,
                         std::vector<Practice>& out) {
  const bool excepted = denial_has_exception(s, g, p);
  Practice twin;
  if (excepted) {
    twin = p;
    twin.negative = false;
    twin.scope.clear();
    if (std::find(twin.conditions.begin(), twin.conditions.end(), "except as described") == twin.conditions.end())
      twin.conditions.push_back("except as described");
  }
  Practice denied;
  if (!rd.excluded.empty() && !p.negative) {
    denied = p;
    denied.negative = true;
    denied.data = rd.excluded;
    denied.conditions.clear();
  }
  out.push_back(std::move(p));
  if (excepted) out.push_back(std::move(twin));
  if (!denied.data.empty()) out.push_back(std::move(denied));
}

}  // namespace

void add_group_practices(const SentenceModel& s, const ActionGroup& g, const Clause& c, const Reading& rd,
                         const std::vector<Period>& periods, std::vector<Practice>& out) {
  for (int a : g.actions) {
    const Match& m = s.matches[a];
    Practice p = practice_of(s, rd, m);
    if (!resolve_user_actor(s, c, rd, p) || !handles_personal_data(s, p) || !resolve_handing_on(s, g, c, m, p) ||
        user_receives(s, g, c, m, p))
      continue;
    if (p.action == "access"sv && p.actor == "first_party"sv) continue;  // "access" by us: rarely a statement
    // "we may license data about you from third parties": licensing from someone is obtaining.
    if (p.action == "sell"sv && p.recipient.empty() && rd.from_source && s.words[m.begin].stem == "licens") p.action = "obtain";
    classify_cookie_setting(s, g, rd, p);
    attach_periods(s, c, periods, p);
    add_joint_first_party(rd, p, out);
    add_exception_twins(s, g, rd, std::move(p), out);
  }
}

}  // namespace policyq::query::passes
