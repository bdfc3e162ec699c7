#include "query/verdict.hpp"

#include "query/answer.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace policyq::query {
namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool has_concept(const Lexicon& lex, const std::vector<int>& v, std::string_view id) {
  for (int c : v)
    if (lex.entry(c).id == id) return true;
  return false;
}

// A merger, acquisition or bankruptcy hands the business on: not a sale of personal data,
// nor sharing with anyone the question names.
bool business_transfer(const Practice& p, const Lexicon& lex) {
  return has_concept(lex, p.purpose, "business_transfer") || has_concept(lex, p.recipient, "acquirer") ||
         contains(p.conditions, "in a business transfer");
}

// How a concept list of a practice covers a slot of the question: 2 the same or narrower
// (an IP address for "data"), 1 broader ("your information" for an IP address), 0 not.
// Personal data asked in general is covered by every data type except aggregates.
int slot_cover(const Lexicon& lex, const std::vector<int>& want, const std::vector<int>& have, bool data_slot) {
  if (want.empty()) return 2;
  if (have.empty()) return 1;  // "we do not sell it", "we share with others": unspecified
  int best = 0;
  for (int w : want)
    for (int h : have) {
      const bool personal_q = data_slot && lex.entry(w).id == "personal_information";
      if (lex.is_a(h, w) || (personal_q && lex.entry(h).id != "non_personal_information"))
        best = 2;
      // "your information" covers every kind of data about the user (an IP address, a
      // device id), though the lexicon files those under device information.
      else if (lex.is_a(w, h) || (data_slot && (lex.entry(h).id == "personal_information" || lex.entry(h).id == "information") &&
                                  lex.entry(w).id != "non_personal_information"))
        best = std::max(best, 1);
    }
  return best;
}

// The concepts of one kind the whole sentence names cover the question's slot fully
// (whatever the extractor attached to the practice).
bool sentence_covers(const Lexicon& lex, const SentenceFacts& f, Kind kind, const std::vector<int>& want) {
  std::vector<int> named;
  for (int c : f.concepts)
    if (lex.entry(c).kind == kind) named.push_back(c);
  return !named.empty() && slot_cover(lex, want, named, false) == 2;
}

// Only aggregated or de-identified data: a limit on an affirmation.
bool only_aggregates(const Practice& p, const Lexicon& lex) {
  if (contains(p.conditions, "aggregated or non-identifying")) return true;
  if (p.data.empty()) return false;
  for (int d : p.data)
    if (lex.entry(d).id != "non_personal_information") return false;
  return true;
}

// The word where a practice's verb starts (-1 when none): the rules below look back from it.
int verb_index(const SentenceFacts& f, const Practice& p) {
  for (std::size_t i = 0; i < f.words.size(); ++i)
    if (f.words[i].begin >= p.begin) return static_cast<int>(i);
  return -1;
}

// A practice stated inside a hypothetical: "if we learn that we have collected data from a
// child", "should we discover that …" — what the company would do, not what it does.
bool hypothetical(const SentenceFacts& f, const Practice& p) {
  const int verb = verb_index(f, p);
  // A sentence that names a right ("The right to know the categories of data we collect …;
  // the categories of third parties to which we have sold data") lists what the right
  // covers, clause after clause.
  {
    std::size_t i = 0;
    while (i < f.words.size() && (f.words[i].folded == "the" || f.words[i].folded == "a" || f.words[i].punct)) ++i;
    if (i + 1 < f.words.size() && f.words[i].folded == "right" && f.words[i + 1].folded == "to") return true;
  }
  bool discovery = false;
  bool comma = false;
  for (int k = verb - 1; k >= 0; --k) {
    const std::string& w = f.words[static_cast<std::size_t>(k)].folded;
    if (w == ";" || w == "." || w == ":") break;
    if (w == ",") comma = true;
    // "If you are the parent of a child who has provided us with data, …": the verb is
    // inside the if-clause (no comma between), so the sentence does not state it.
    if (!comma && (w == "if" || w == "whether")) return true;
    // "a child who may have provided us with data": speculation about the past
    if (w == "have" && k > 0 && k + 1 == verb) {
      const std::string& m = f.words[static_cast<std::size_t>(k - 1)].folded;
      if (m == "may" || m == "might" || m == "could") return true;
    }
    // "the right to request a list of third parties to which we have disclosed data", "the
    // right to know what we collect, use, disclose and sell": a right described, not a practice
    if ((w == "right" || w == "rights") && k + 1 < verb && f.words[static_cast<std::size_t>(k + 1)].folded == "to") return true;
    // "we do not have actual knowledge that we sell data of minors": what is known, not done
    if (w == "knowledge") return true;
    if (w == "learn" || w == "discover" || w == "aware" || w == "notified" || w == "determine" || w == "find" ||
        w == "learns" || w == "discovers" || w == "becomes" || w == "finds" || w == "informed")
      discovery = true;
    if ((w == "if" || w == "should" || w == "when" || w == "event") && discovery) return true;
  }
  return false;
}

bool names_do_not_track(const SentenceFacts& f) { return names_do_not_track(f.words); }


// Does a sentence speak of children ("children", "minors", "under 13", "under the age of")?
// "our parent company" does not.
bool mentions_children(const SentenceFacts& f, const Lexicon& lex) {
  if (has_concept(lex, f.concepts, "children_data")) return true;
  for (std::size_t i = 0; i < f.words.size(); ++i) {
    const std::string& w = f.words[i].folded;
    if (w == "child" || w == "children" || w == "kid" || w == "kids" || w == "minor" || w == "minors" || w == "teen" ||
        w == "teens" || w == "teenagers" || w == "coppa" || w == "youth")
      return true;
    if (w == "under" && i + 1 < f.words.size()) {
      const std::string& next = f.words[i + 1].folded;
      if (next == "the" || (!next.empty() && next[0] >= '0' && next[0] <= '9')) return true;
    }
  }
  return false;
}

// A sentence that implies a policy collects no children's data without saying so: the
// service "is not intended for / directed to / aimed at" children, or "if we learn that we
// have collected data from a child, we will delete it".
bool implies_no_children_data(const SentenceFacts& f, const Lexicon& lex) {
  if (!mentions_children(f, lex)) return false;
  const auto& w = f.words;
  bool learn = false, deletes = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i].folded;
    if (t == "not" || t == "never")
      for (std::size_t j = i + 1; j < w.size() && j <= i + 3; ++j) {
        const std::string& u = w[j].folded;
        if (u == "intended" || u == "directed" || u == "aimed" || u == "designed" || u == "meant" || u == "targeted" ||
            u == "marketed" || u == "offered")
          return true;
      }
    learn = learn || t == "learn" || t == "discover" || t == "aware" || t == "notified";
    deletes = deletes || w[i].stem == "delet" || w[i].stem == "eras" || w[i].stem == "remov";
  }
  return learn && deletes;
}

// Consent of a parent is the one exception that makes collecting from children conditional.
bool parental_consent(const SentenceFacts& f) {
  // "about your child without your prior consent": the reader is the parent
  bool your_child = false, consent = false;
  for (std::size_t i = 0; i < f.words.size(); ++i) {
    consent = consent || f.words[i].folded == "consent";
    your_child = your_child || (f.words[i].folded == "your" && i + 1 < f.words.size() &&
                                (f.words[i + 1].folded == "child" || f.words[i + 1].folded == "children" ||
                                 f.words[i + 1].folded == "child's"));
  }
  if (your_child && consent) return true;
  for (std::size_t i = 0; i + 1 < f.words.size(); ++i)
    if ((f.words[i].folded == "parental" || f.words[i].folded == "parent's" || f.words[i].folded == "parents") &&
        (f.words[i + 1].folded == "consent" || f.words[i + 1].folded == "permission" ||
         (i + 2 < f.words.size() && f.words[i + 2].folded == "consent")))
      return true;
  return false;
}

// A denial of handing data on with any condition ("except as necessary to …", "unless
// required by law", "other than in a merger"): the condition is an exception.
bool has_exception(const Practice& p) {
  for (const std::string& c : p.conditions)
    if (c != "if you use the feature") return true;
  return false;
}

// "for money", "for monetary consideration": the scope of what selling means.
bool consideration(const std::string& scope) {
  return scope.find("money") != std::string::npos || scope.find("monetary") != std::string::npos ||
         scope.find("consideration") != std::string::npos || scope.find("compensation") != std::string::npos;
}

// "features that may collect or publish information": a relative clause describing a
// thing, whose subject is the thing, not the company (children's questions, where sites
// describe what children could run into).
bool describes_a_thing(const SentenceFacts& f, const Practice& p) {
  const int verb = verb_index(f, p);
  int k = verb < 0 ? -1 : verb - 1;
  for (int steps = 0; k >= 1 && steps < 5; --k, ++steps) {
    const Word& w = f.words[static_cast<std::size_t>(k)];
    if (w.folded == "we" || w.folded == "you" || w.folded == "they" || w.folded == "us" ||
        (w.punct && w.folded != ","))
      return false;
    if (w.folded == "that" || w.folded == "which") {
      const Word& noun = f.words[static_cast<std::size_t>(k - 1)];
      return !noun.punct && noun.folded != "we" && noun.folded != "information" && noun.folded != "data";
    }
  }
  return false;
}

// A denial that is not the company's own statement: an obligation put on others ("providers
// are obligated not to disclose it"), the user's request ("you can ask that we not share
// it"), a disclaimer ("we cannot guarantee that it will never be disclosed").
bool not_own_denial(const SentenceFacts& f, const Practice& p) {
  bool negated = false;
  // "we are not permitted to collect": a rule the company is bound by is its own denial.
  auto we_are_bound = [&](std::size_t i) {
    for (std::size_t k = i; k-- > 0 && k + 4 > i;) {
      const std::string& b = f.words[k].folded;
      if (b == "we") return true;
      if (b != "are" && b != "not" && b != "is" && b != "be" && b != "also" && b != "legally") return false;
    }
    return false;
  };
  for (std::size_t i = 0; i < f.words.size(); ++i) {
    const Word& w = f.words[i];
    if (w.begin >= p.begin) break;
    const std::string& t = w.folded;
    if ((t == "obligated" || t == "obliged" || t == "bound" || t == "permitted" || t == "prohibited" || t == "allowed") &&
        we_are_bound(i))
      continue;
    if (t == "obligated" || t == "obliged" || t == "contractually" || t == "bound" || t == "permitted" ||
        t == "prohibited" || t == "allowed" || t == "request" || t == "ask" || t == "instruct" || t == "direct")
      return true;
    if (negated && (t == "assure" || t == "guarantee" || t == "ensure" || t == "promise" || t == "warrant")) return true;
    negated = negated || t == "not" || t == "cannot" || t == "no";
  }
  return false;
}

// The words of deemed_a_sale: a sale word a few words after a deeming one.
const std::vector<std::string> deeming_words = {"considered", "deemed", "constitute", "constitutes", "qualify", "treated"};
const std::vector<std::string> sale_words = {"sale", "sales", "selling", "sell"};

// "may be considered 'sales'", "may be deemed a sale or sharing", "may constitute selling":
// the policy says the law counts what it does as selling (not "is not considered a sale").
bool deemed_a_sale(const SentenceFacts& f) {
  const auto& w = f.words;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i].folded;
    if (std::find(deeming_words.begin(), deeming_words.end(), t) == deeming_words.end()) continue;
    bool negated = false;
    for (std::size_t k = i >= 4 ? i - 4 : 0; k < i; ++k) negated = negated || w[k].folded == "not" || w[k].folded == "never";
    if (negated) continue;
    int seen = 0;  // words, not quotes and commas: "constitute “targeted advertising”, “sharing”, or “selling”"
    for (std::size_t k = i + 1; k < w.size() && seen < 8; ++k) {
      if (w[k].punct) continue;
      ++seen;
      if (std::find(sale_words.begin(), sale_words.end(), w[k].folded) != sale_words.end()) return true;
    }
  }
  return false;
}

// "We are not responsible for the privacy and security practices of third-party sites": a
// disclaimer about what others do states nothing the company does.
bool disclaims(const SentenceFacts& f) {
  for (std::size_t i = 0; i + 1 < f.words.size(); ++i) {
    const std::string& w = f.words[i].folded;
    const std::string& next = f.words[i + 1].folded;
    if ((w == "not" || w == "no") && (next == "responsible" || next == "liable" || next == "responsibility" || next == "liability"))
      return true;
  }
  return false;
}

// Conditions that limit an affirmation ("if you use the feature" does not).
bool limiting(const std::string& c) {
  return c != "if you use the feature" && c != "in certain circumstances";
}

enum class Side { affirm, conditional, deny };

struct Claim {
  int position = -1;  // in the ranked pool
  Side side = Side::affirm;
  double strength = 0;
  std::vector<std::string> limits;
};

// The claim a practice makes about the question, if any.
// data_named: the policy names the asked data type among the candidates.
bool make_claim(const Question& q, const Practice& p, const SentenceFacts& f, const Lexicon& lex, int position,
                bool data_named, Claim& out) {
  if (!states_asked_practice(q, p, lex)) return false;
  if (hypothetical(f, p) || disclaims(f)) return false;
  // Retention is about how long: "we store it on secure servers in the U.S." says where.
  if (q.intent == "retention" && !says_how_long(f)) return false;
  const bool children = q.intent == "children";
  if (children && (!mentions_children(f, lex) || (!p.negative && describes_a_thing(f, p)))) return false;
  // Data: a sentence about children answers a question about children's data whatever it
  // calls the data ("personal information from anyone under 13").
  std::vector<int> want_data = q.data;
  if (children) want_data.clear();
  if (has_concept(lex, q.data, "dnt_signal")) want_data.clear();
  int data = slot_cover(lex, want_data, p.data, true);
  int recipient = slot_cover(lex, q.recipient, p.recipient, false);
  // Sharing for advertising with any third party is sharing with advertisers.
  if (recipient < 2 && !p.recipient.empty() && has_concept(lex, q.recipient, "advertiser") &&
      (has_concept(lex, p.purpose, "advertising") || has_concept(lex, p.purpose, "marketing")))
    recipient = 2;
  // A third party that collects or uses data on the site is the recipient the sentence
  // names as the actor ("ad networks may use cookies to collect information during your
  // visit"): the lexicon's recipients the sentence names stand for it.
  if (p.actor == "third_party" && recipient < 2 && !q.recipient.empty()) {
    if (sentence_covers(lex, f, Kind::recipient, q.recipient)) recipient = 2;
  }
  // Aggregated or de-identified data answers a question about personal data in general,
  // with that limit (only_aggregates makes the claim conditional).
  if (data == 0 && only_aggregates(p, lex) && has_concept(lex, want_data, "personal_information")) data = 2;
  // Purpose: "do you use my data for advertising?" is not answered by a use for billing. A
  // purpose the sentence names elsewhere counts (purposes in a list after a colon are often
  // not attached to the verb: "we use cookies to: (i) …; (ii) provide customized ads").
  int purpose = slot_cover(lex, q.purpose, p.purpose, false);
  if (purpose < 2 && sentence_covers(lex, f, Kind::purpose, q.purpose)) purpose = 2;
  if (data == 0 || recipient == 0 || purpose == 0) return false;
  // A denial covers what it names and everything under it; an affirmation must name the
  // recipient and purpose asked (sharing with "third parties" does not say "advertisers").
  if (!p.negative && (recipient < 2 || purpose < 2)) return false;
  // An affirmation about data in general ("your information") answers a question about one
  // kind of data when the policy names that kind of data, or names the recipient as
  // specifically as asked ("we may disclose your information to law enforcement" answers
  // "is my IP address shared with law enforcement?"; "third parties may use information"
  // says nothing of location in a policy that never mentions location).
  // The same holds for a denial: "we do not share your personal information without
  // consent" answers for location only in a policy that speaks of location.
  bool specific_data = false;
  for (int w : want_data) specific_data = specific_data || !lex.entry(w).generic;
  if (p.negative && data < 2 && specific_data && !data_named) return false;
  if (!p.negative && data < 2 && !want_data.empty() && !data_named) {
    bool specific_recipient = false;
    for (int r : q.recipient) specific_recipient = specific_recipient || !lex.entry(r).generic;
    if (!specific_recipient || recipient < 2) return false;
  }
  // An affirmation of handing data on needs the data ("we sell premium services", "these
  // purposes include providing our services" hand on none).
  if (!p.negative && p.data.empty() && (q.intent == "selling" || q.intent == "sharing")) return false;
  // A denial of a narrower practice ("we do not sell your e-mail address") does not deny
  // selling all personal data; a denial about one kind of data for an unnamed-data question
  // neither ("we do not retain children's data").
  // "We do not sell the personal information of children under 16" denies less than
  // selling personal data: children's data is a part of it.
  if (p.negative && !children && mentions_children(f, lex)) return false;
  if (p.negative && !children && !p.data.empty()) {
    bool broad = false;
    for (int d : p.data) broad = broad || lex.entry(d).generic;
    for (int d : p.data)
      for (int w : q.data) broad = broad || lex.is_a(w, d);
    if (!broad) return false;
  }
  out.position = position;
  out.strength = (data + recipient) / 4.0 - 0.01 * position;
  // Policies that honour Do Not Track say so plainly; one that mentions a signal it does not
  // act on ("we do not respond to DNT") means no, whatever else it honours.
  if (p.negative && has_concept(lex, q.data, "dnt_signal")) out.strength += 0.25;
  if (p.negative) {
    // "provided that we will not share such data in a manner that could identify you": a
    // promise about aggregates, not a denial of sharing personal data.
    if (contains(p.conditions, "aggregated or non-identifying")) return false;
    // "Service providers are obligated not to disclose it": someone else's obligation.
    if (not_own_denial(f, p)) return false;
    // A denial limited to some purposes ("not shared for their marketing purposes") does not
    // deny the practice in general; "for money" only restates what selling is.
    // Selling is the exception: a policy denies it for the purposes it names, and that is
    // its answer ("No (for marketing or promotional use)"), stated with its limit.
    if (!p.scope.empty() && !consideration(p.scope) && !children) {
      if (q.intent != "selling") return false;
      out.side = Side::deny;
      out.strength -= 0.3;
      out.limits.push_back(p.scope);
      return true;
    }
    bool exception = contains(p.conditions, "without your consent") || contains(p.conditions, "except as described") ||
                     ((q.intent == "sharing" || q.intent == "selling") && has_exception(p));
    // Children: only a parent's consent makes the denial conditional ("except as permitted
    // by law", "except for our teen site" leave it a denial with a limit).
    if (children && parental_consent(f)) exception = true;
    if (children && exception && !parental_consent(f)) {
      out.side = Side::deny;
      out.limits = p.conditions;
      return true;
    }
    out.side = exception ? Side::conditional : Side::deny;
    if (exception)
      for (const std::string& c : p.conditions) out.limits.push_back(c);
    return true;
  }
  out.side = Side::affirm;
  for (const std::string& c : p.conditions)
    if (limiting(c)) out.limits.push_back(c);
  // Children: what a denial excepts ("except as permitted by law") is no statement of
  // collecting from children; only a parent's consent is.
  if (children && !out.limits.empty() && !parental_consent(f)) return false;
  if (only_aggregates(p, lex) && !contains(out.limits, "aggregated or non-identifying"))
    out.limits.push_back("aggregated or non-identifying");
  if (!out.limits.empty()) out.side = Side::conditional;
  return true;
}

const Claim* strongest(const std::vector<Claim>& claims, Side side) {
  const Claim* best = nullptr;
  for (const Claim& c : claims)
    if (c.side == side && (!best || c.strength > best->strength)) best = &c;
  return best;
}

// The verdict from the strongest claim on each side.
Decision decide_from_claims(const std::vector<Claim>& claims) {
  Decision d;
  const Claim* a = strongest(claims, Side::affirm);
  const Claim* c = strongest(claims, Side::conditional);
  const Claim* n = strongest(claims, Side::deny);
  auto take = [&](const char* verdict, const Claim* decider, const Claim* counter) {
    d.verdict = verdict;
    d.decider = decider->position;
    d.counter = counter ? counter->position : -1;
    d.limits = decider->limits;
    // Claims on the same side, as limited, that would decide the same verdict by themselves.
    if (counter && decider->side == Side::conditional && counter->side == Side::deny) counter = nullptr;
    for (const Claim& c : claims)
      if (c.side == decider->side && c.position != decider->position && c.limits == decider->limits &&
          (!counter || c.strength > counter->strength + 0.2))
        d.equivalents.push_back(c.position);
  };
  if (!a && !c && !n) return d;
  if (a && !n) take("yes", a, nullptr);
  else if (n && !a && !c) take("no", n, nullptr);
  else if (c && !a && !n) take("conditional", c, nullptr);
  else if (n && !a) take("conditional", c, n);  // a denial with an exception, or an affirmation with limits
  else if (a->strength > n->strength + 0.2) take("yes", a, n);
  else if (n->strength > a->strength + 0.2) take("no", n, a);
  else {
    take("conditional", a, n);  // stated both ways, as plainly
    d.equivalents.clear();
  }
  return d;
}

// Words that place data in another country.
bool names_abroad(const SentenceFacts& f) {
  const auto& w = f.words;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i].folded;
    const std::string next = i + 1 < w.size() ? w[i + 1].folded : "";
    if (t == "countries" || t == "international" || t == "internationally" || t == "abroad" || t == "overseas" ||
        t == "jurisdictions" || t == "cross" || t == "eea" || (t == "united" && (next == "states" || next == "kingdom")) ||
        (t == "outside" && (next == "of" || next == "the" || next == "your")) || (t == "other" && next == "country") ||
        (t == "another" && next == "country") || (t == "different" && next == "country") ||
        (t == "country" && (next == "different" || next == "other")) || (t == "european" && (next == "economic" || next == "union")))
      return true;
  }
  return false;
}

// International transfer: a sentence that moves, stores or processes data and places it
// in another country (or says it stays in one).
Decision decide_transfer(const std::vector<RankedSentence>& pool, const PracticesOf& practices_of,
                         const FactsOf& facts_of) {
  std::vector<Claim> claims;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    const SentenceFacts& f = facts_of(pool[r].sentence);
    if (!names_abroad(f)) continue;
    for (const Practice& p : practices_of(pool[r].sentence)) {
      if (p.actor != "first_party" && p.action != "transfer") continue;
      if (p.action != "transfer" && p.action != "store" && p.action != "process" && !is_share_action(p.action)) continue;
      if (hypothetical(f, p)) continue;
      Claim c;
      c.position = static_cast<int>(r);
      c.strength = (p.action == "transfer" ? 1.0 : 0.8) - 0.01 * static_cast<double>(r);
      c.side = p.negative ? Side::deny : Side::affirm;
      claims.push_back(c);
      break;
    }
  }
  Decision d = decide_from_claims(claims);
  if (d.decider >= 0) return d;
  // No practice extracted ("you acknowledge that your data will be hosted on U.S. servers"):
  // a sentence that places data abroad with a word for moving or keeping it.
  for (std::size_t r = 0; r < pool.size(); ++r) {
    const SentenceFacts& f = facts_of(pool[r].sentence);
    if (!names_abroad(f)) continue;
    for (const Word& w : f.words)
      if (w.stem == "transfer" || w.stem == "host" || w.stem == "store" || w.stem == "process" || w.stem == "locat" ||
          w.stem == "transmit") {
        d.verdict = "yes";
        d.decider = static_cast<int>(r);
        return d;
      }
  }
  return d;
}

// Topics without a practice verb (security, rights, contacts, changes): the policy
// addresses them when a strong candidate is on topic; a denial there says no.
Decision decide_by_topic(const Question& q, const std::vector<RankedSentence>& pool, const PracticesOf& practices_of,
                         const std::function<bool(int)>& usable, std::size_t window) {
  Decision d;
  const std::vector<std::string> acts = intent_actions(q.intent);
  const bool has_slots = !q.data.empty() || !q.recipient.empty() || !q.purpose.empty();
  const bool known_intent = q.intent != "other";
  for (std::size_t r = 0; r < std::min(pool.size(), window); ++r) {
    const RankedSentence& c = pool[r];
    if (!usable(c.sentence)) continue;
    bool on_topic = known_intent ? (c.on_topic && (c.topic_section || c.lexical > 0.3))
                                 : (c.lexical >= 0.5 && (!has_slots || c.slots >= 0.9));
    if (!on_topic) continue;
    bool neg = false;
    for (const Practice& p : practices_of(c.sentence))
      if (p.negative && (contains(acts, p.action) || acts.empty())) neg = true;
    d.verdict = neg ? "no" : "yes";
    d.decider = static_cast<int>(r);
    d.by_topic = true;
    return d;
  }
  return d;
}

bool has_stem(const std::vector<Word>& words, std::initializer_list<std::string_view> stems) {
  for (const Word& w : words)
    for (std::string_view st : stems)
      if (w.stem == st) return true;
  return false;
}

// "Can I delete my data?": a sentence that lets the user delete (or have deleted) personal
// data or an account — not cookies or browser history, which the user deletes on their own
// device — decides; limited to residents of some places, it is conditional.
Decision decide_deletion(const std::vector<RankedSentence>& pool, const FactsOf& facts_of, const Lexicon& lex) {
  Decision d;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    const SentenceFacts& f = facts_of(pool[r].sentence);
    if (!has_stem(f.words, {"delet", "eras", "remov", "eras", "purg"})) continue;
    const bool user = has_stem(f.words, {"you", "request", "right", "ask"});
    bool personal = has_stem(f.words, {"account", "profil"}), device = false;
    for (int c : f.concepts) {
      const std::string& id = lex.entry(c).id;
      if (lex.entry(c).kind != Kind::data) continue;
      if (id == "cookies" || id == "usage_data" || id == "device_information") device = true;
      else personal = true;
    }
    if (!user || !personal || (device && !has_stem(f.words, {"account", "profil", "person"}))) continue;
    // "If you believe we have collected data from your child, we will delete it": a promise
    // about children's data, not the user's own right to delete.
    if (mentions_children(f, lex)) continue;
    d.verdict = has_stem(f.words, {"resid", "california", "eea", "european"}) || pool[r].regional_section ? "conditional" : "yes";
    if (d.verdict == "conditional") d.limits.push_back("only for residents of some places");
    d.decider = static_cast<int>(r);
    return d;
  }
  return d;
}

}  // namespace

bool states_asked_practice(const Question& q, const Practice& p, const Lexicon& lex) {
  const std::string& intent = q.intent;
  if (has_concept(lex, q.data, "dnt_signal")) return p.action == "honor" && p.actor == "first_party";
  if (intent == "selling") {
    if (p.action != "sell" && p.action != "rent" && p.action != "trade") return false;
    return !business_transfer(p, lex);
  }
  if (intent == "sharing") {
    // Third parties collecting or using data on the company's pages is sharing with them.
    if (p.actor == "third_party")
      return (is_collect_action(p.action) || p.action == "use" || p.action == "access") && !q.recipient.empty() &&
             !p.negative;
    if (!is_share_action(p.action)) return false;
    // Selling is one way of sharing: a sale states sharing, but "we do not sell" does not
    // deny sharing.
    if (p.negative && (p.action == "sell" || p.action == "rent" || p.action == "trade")) return false;
    return !business_transfer(p, lex) || has_concept(lex, q.recipient, "acquirer");
  }
  if (p.actor != "first_party") return false;
  // "We do not knowingly process or store data of users under 16" answers as collecting does.
  if (intent == "children" && (p.action == "process" || p.action == "store")) return true;
  const std::vector<std::string> acts = intent_actions(intent);
  if (!contains(acts, p.action)) return false;
  return p.action != "delete";  // deletion ranks retention evidence; it neither affirms nor denies keeping
}

std::optional<StatingTest> stating_test(const Question& q, const Lexicon& lex) {
  const bool dnt = has_concept(lex, q.data, "dnt_signal");
  const std::vector<std::string> acts = intent_actions(q.intent);
  // The paths of decide_verdict that read words or topics, not only practices.
  if (q.intent == "transfer" || q.intent == "children" || q.intent == "rights") return std::nullopt;
  if (!dnt && (acts.empty() || q.intent == "security" || q.intent == "changes")) return std::nullopt;
  StatingTest t;
  if (dnt) t.actions = {"honor"};
  else {
    t.actions = acts;
    // A third party collecting or using data on the company's pages is sharing with it.
    if (q.intent == "sharing")
      for (const std::string& a : collect_actions())
        if (!contains(t.actions, a)) t.actions.push_back(a);
  }
  if (q.intent == "selling") t.sentence_words = {deeming_words, sale_words};  // deemed_a_sale
  return t;
}

bool names_do_not_track(const std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].folded;
    if (w == "dnt" || (w == "track" && i >= 2 && words[i - 1].folded == "not" && words[i - 2].folded == "do" &&
                       !do_not_track_is_verb(words, i - 2)))
      return true;
  }
  return false;
}

// Does a sentence say how long data is kept: a period, "as long as", "until", "no longer
// than", "indefinitely", "as necessary", "after you close your account"?
bool says_how_long(const SentenceFacts& f) {
  if (!f.periods.empty()) return true;
  for (std::size_t i = 0; i < f.words.size(); ++i) {
    const std::string& w = f.words[i].folded;
    const std::string next = i + 1 < f.words.size() ? f.words[i + 1].folded : "";
    if (w == "until" || w == "indefinitely" || w == "necessary" || w == "needed" || w == "required" || w == "period" ||
        w == "periods" || w == "permanently" || w == "longer" || (w == "long" && (next == "as" || i > 0)) ||
        w == "after" || w == "years" || w == "months" || w == "days")
      return true;
    // "This data is deleted when your account is deleted": kept until an event.
    if (w == "when" && i >= 1)
      for (std::size_t k = i - 1; k + 4 >= i && k < i; --k) {
        const std::string& b = f.words[k].folded;
        if (b == "deleted" || b == "erased" || b == "removed" || b == "destroyed" || b == "anonymized") return true;
        if (k == 0) break;
      }
  }
  return false;
}

bool names_region(const std::vector<Word>& words) {
  for (const Word& w : words) {
    const std::string& t = w.folded;
    if (t == "california" || t == "californian" || t == "eea" || t == "gdpr" || t == "europe" || t == "european" ||
        t == "nevada" || t == "virginia" || t == "colorado" || t == "uk" || t == "residents" || t == "brazil" ||
        t == "canada" || t == "ccpa" || t == "cpra" || t == "switzerland")
      return true;
  }
  return false;
}

Decision decide_verdict(const Question& q, const std::vector<RankedSentence>& pool, std::size_t window,
                        const PracticesOf& practices_of, const FactsOf& facts_of, const Lexicon& lex) {
  if (q.intent == "transfer") return decide_transfer(pool, practices_of, facts_of);
  if (q.intent == "rights" && has_stem(q.words, {"delet", "eras", "remov"})) return decide_deletion(pool, facts_of, lex);
  const bool dnt = has_concept(lex, q.data, "dnt_signal");
  const std::vector<std::string> acts = intent_actions(q.intent);
  const bool topic_only = !dnt && (acts.empty() || q.intent == "transfer" || q.intent == "security" || q.intent == "changes" || q.intent == "rights");
  // Words of the question the lexicon does not know must appear in a claim's sentence
  // ("Do you sell my elephant?" is not answered by a sentence about data).
  auto free_terms_ok = [&](int s) {
    if (q.free_terms.empty() || !q.data.empty()) return true;
    for (const Word& w : facts_of(s).words)
      if (contains(q.free_terms, w.stem)) return true;
    return false;
  };
  bool data_named = false;
  for (const RankedSentence& c : pool)
    for (int have : facts_of(c.sentence).concepts)
      for (int want : q.data)
        data_named = data_named || (lex.is_a(have, want) && !lex.entry(want).generic);
  std::vector<Claim> claims;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    const int s = pool[r].sentence;
    if (!free_terms_ok(s)) continue;
    const SentenceFacts& f = facts_of(s);
    // A sentence about cookies, tracking or children answers only when it is on that topic.
    // (Children: make_claim asks for a sentence that speaks of children.)
    // So does a claim about a topic without its own practice ("we will tell you about these
    // providers" says nothing about changes to the policy).
    if ((q.intent == "cookies" || q.intent == "tracking" || topic_only) && !dnt && !pool[r].on_topic) continue;
    // Do Not Track: the sentence (or the one before it: "We do not honor these requests");
    // Global Privacy Control is another signal.
    if (dnt && !names_do_not_track(f) && !pool[r].dnt_context) continue;
    for (const Practice& p : practices_of(s)) {
      Claim c;
      // Honouring must name the signal ("we adhere to the standards of this policy" after a
      // Do Not Track sentence is not honouring it); a denial may point back ("these requests").
      if (dnt && !p.negative && !names_do_not_track(f)) continue;
      // What a list under "If …, we may:" says is what happens in that case only.
      if (pool[r].conditional_lead && !p.negative) continue;
      if ((dnt || !acts.empty()) && make_claim(q, p, f, lex, static_cast<int>(r), data_named, c)) claims.push_back(c);
    }
  }
  // "These disclosures may be considered 'sales' under state privacy laws": what the law
  // counts as selling is a sale with that limit.
  if (q.intent == "selling")
    for (std::size_t r = 0; r < pool.size(); ++r)
      if (deemed_a_sale(facts_of(pool[r].sentence))) {
        Claim c;
        c.position = static_cast<int>(r);
        c.side = Side::conditional;
        c.strength = 0.9 - 0.01 * static_cast<double>(r);
        c.limits.push_back("what some laws count as a sale");
        claims.push_back(c);
      }
  if (q.intent == "children")
    for (std::size_t r = 0; r < pool.size(); ++r)
      if (implies_no_children_data(facts_of(pool[r].sentence), lex)) {
        Claim c;
        c.position = static_cast<int>(r);
        c.side = Side::deny;
        c.strength = -0.5;  // any plain statement of the practice outweighs it
        c.limits.push_back("implied: the service is not meant for children");
        claims.push_back(c);
      }
  Decision d = decide_from_claims(claims);
  if (d.decider >= 0 || !topic_only) return d;
  return decide_by_topic(q, pool, practices_of, free_terms_ok, window);
}

}  // namespace policyq::query
