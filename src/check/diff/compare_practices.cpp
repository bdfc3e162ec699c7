// analyze_practices, compare_practices and compare_conditions: what the changed sentences
// of each version state about data practices, against the whole other version. See passes.hpp.
#include "check/diff.hpp"
#include "check/diff/passes.hpp"
#include "query/labels.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace policyq::check::diff {

namespace {

// One practice of a sentence narrowed to one data type and one recipient (-1: none named),
// so that "we share your location and contacts with advertisers" is compared as two.
struct Atom {
  std::string cls;        // share | sell | transfer | collect | use | retain
  std::string action;
  std::string actor;
  int data = -1;
  int rec = -1;
  bool negative = false;
  int sentence = -1;      // compared index on its side
  int practice = -1;      // index into facts.practices
  std::string modality;   // may | will | must | ""
  bool for_ads = false;   // the practice names advertising among its purposes
};

// The practice is for advertising ("to tailor advertisements to your interests").
bool names_advertising(const query::Practice& p) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  static const int ads = lex.find(query::Kind::purpose, "advertising");
  return std::any_of(p.purpose.begin(), p.purpose.end(), [&](int c) { return ads >= 0 && lex.is_a(c, ads); });
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The atoms of compared sentence i (its facts analysed).
std::vector<Atom> atoms_of(const Side& s, int i) {
  std::vector<Atom> out;
  const auto& ps = s.facts[static_cast<std::size_t>(i)].practices;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    const query::Practice& p = ps[k];
    std::string cls = action_class(p.action);
    if (cls.empty()) continue;
    // "licensing" (of software, of a product) is not a sale of data
    const std::string& text = s.sentence(i).text;
    if (cls == "sell" && p.end > p.begin && p.end <= text.size()) {
      std::string words = normalize_text(std::string_view(text).substr(p.begin, p.end - p.begin));
      if (words.rfind("licens", 0) == 0) continue;
    }
    std::vector<int> data = p.data.empty() ? std::vector<int>{-1} : p.data;
    std::vector<int> rec = p.recipient.empty() ? std::vector<int>{-1} : p.recipient;
    for (int d : data)
      for (int r : rec)
        out.push_back(Atom{cls, p.action, p.actor, d, r, p.negative, i, static_cast<int>(k), p.modality, names_advertising(p)});
  }
  return out;
}

// The atoms of every body sentence of a side, in document order.
std::vector<Atom> atoms_of(const Side& side) {
  std::vector<Atom> out;
  for (int i = 0; i < side.size(); ++i)
    if (side.body(i)) {
      auto a = atoms_of(side, i);
      out.insert(out.end(), a.begin(), a.end());
    }
  return out;
}

// The atoms of both versions, and what the lexicon says about comparing them.
struct PracticeContext {
  const query::Lexicon& lex;
  const std::vector<Atom>& old_atoms;
  const std::vector<Atom>& new_atoms;

  // a generic root ("personal information", "third party") rather than a specific concept
  bool generic(int c) const { return c >= 0 && lex.entry(c).generic; }
  // specific is c or below it; generic roots only stand for themselves
  bool specific_under(int specific, int general) const {
    if (general < 0) return specific < 0;
    if (specific < 0) return false;
    if (specific == general) return true;
    return !generic(general) && lex.is_a(specific, general);
  }
  // broad denial covers narrower ones, generic roots included ("we do not sell any information")
  bool denial_covers(int general, int specific) const {
    if (general < 0) return true;
    if (specific < 0) return false;
    return lex.is_a(specific, general);
  }
  // one under the other (either way), or one of them unnamed
  bool related(int a, int b) const { return a < 0 || b < 0 || lex.is_a(a, b) || lex.is_a(b, a); }
  bool is_under(int c, const char* kind_id, query::Kind kind) const {
    int want = lex.find(kind, kind_id);
    return c >= 0 && want >= 0 && lex.is_a(c, want);
  }
  // Data and recipients that make a new sharing high rather than medium (and a new
  // collection medium rather than low: inferences are a profile of the person).
  bool sensitive_data(int d) const {
    for (const char* id : {"location", "health", "biometric", "financial", "children_data", "identity_document", "sensitive",
                           "audio_visual", "contacts", "inferences", "cross_site_activity"})
      if (is_under(d, id, query::Kind::data)) return true;
    return false;
  }
  // What tracking collects: usage and browsing data, cookies, device data, location.
  bool tracking_data(int d) const {
    for (const char* id : {"usage_data", "cookies", "device_information", "location"})
      if (is_under(d, id, query::Kind::data)) return true;
    return false;
  }
  bool exposed_recipient(int r) const { return exposing_recipient(lex, r); }
  // An affirmation in `have` that states the practice of a (same or more specific).
  bool affirmed_in(const std::vector<Atom>& have, const Atom& a) const {
    for (const Atom& h : have)
      if (!h.negative && h.cls == a.cls && h.actor == a.actor && specific_under(a.data, h.data) && specific_under(a.rec, h.rec))
        return true;
    return false;
  }
  // A denial in `have` that covers the practice of a (same or broader).
  bool denied_in(const std::vector<Atom>& have, const Atom& a) const {
    for (const Atom& h : have)
      if (h.negative && h.cls == a.cls && h.actor == a.actor && denial_covers(h.data, a.data) && denial_covers(h.rec, a.rec))
        return true;
    return false;
  }
  // a concept id in words: "data_broker" -> "data broker"
  static std::string words(std::string id) {
    std::replace(id.begin(), id.end(), '_', ' ');
    return id;
  }
  // "does not sell personal information to third parties", "third party: may share
  // location to advertisers": the concepts in the words `ask` uses for them
  std::string describe(const Atom& a) const {
    std::string s = a.negative ? "does not " + a.action : (a.modality.empty() ? "" : a.modality + " ") + a.action;
    if (a.actor != "first_party") s = words(a.actor) + ": " + s;
    if (a.data >= 0) s += " " + query::plain_label(lex.entry(a.data).id);
    if (a.rec >= 0) s += " to " + query::plain_label(lex.entry(a.rec).id);
    return s;
  }
  // the atom as a finding's JSON shows it (concept ids, null when unnamed)
  nlohmann::json atom_json(const Atom& a) const {
    nlohmann::json j = {{"action", a.action}, {"actor", a.actor}, {"polarity", a.negative ? "negative" : "affirmative"}};
    j["modality"] = a.modality.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.modality);
    j["data"] = a.data >= 0 ? nlohmann::json(lex.entry(a.data).id) : nlohmann::json(nullptr);
    j["recipient"] = a.rec >= 0 ? nlohmann::json(lex.entry(a.rec).id) : nlohmann::json(nullptr);
    return j;
  }
};

}  // namespace

// The practices of both versions: each body sentence analysed once, old side first, its
// facts kept on its side for the passes after this one (practices, retention, conditions,
// rights). Headings and chrome are not analysed: their facts stay empty.
void analyze_practices(Side& o, Side& n, const query::Lexicon& lex) {
  for (Side* side : {&o, &n}) {
    for (int i = 0; i < side->size(); ++i)
      if (side->body(i)) side->facts[static_cast<std::size_t>(i)] = query::analyze_sentence(side->sentence(i).text, lex);
    resolve_demonstrative_recipients(*side, lex);
  }
}

// "These partners", "such companies", "ces partenaires": a recipient named with a
// demonstrative is the more specific one the sentence before it (same paragraph) named —
// "advertising partners … Browsing data is passed to these partners" hands data to
// advertisers. Its practices take that recipient (from the nearest sentence before that
// names one).
void resolve_demonstrative_recipients(Side& side, const query::Lexicon& lex) {
  static const std::set<std::string> demonstratives = {"these", "those", "such", "ces", "lesdits", "desdits"};
  const int third_party = lex.find(query::Kind::recipient, "third_party");
  for (int i = 1; i < side.size(); ++i) {
    auto& facts = side.facts[static_cast<std::size_t>(i)];
    if (facts.practices.empty()) continue;
    for (const query::Match& m : facts.matches) {
      if (lex.entry(m.cid).kind != query::Kind::recipient || m.begin == 0 ||
          !demonstratives.count(facts.words[static_cast<std::size_t>(m.begin - 1)].folded))
        continue;
      // the nearest sentence before it in the paragraph that names such a recipient
      // ("these partners" stands for any company named a partner: "advertising partners")
      const bool partners = lex.entry(m.cid).id == "partner";
      int named = -1;
      for (int k = i - 1; k >= 0 && named < 0 && side.sentence(k).block == side.sentence(i).block; --k)
        for (int c : side.facts[static_cast<std::size_t>(k)].concepts)
          if (c != m.cid && lex.entry(c).kind == query::Kind::recipient &&
              (lex.is_a(c, m.cid) || (partners && c != third_party && lex.is_a(c, third_party))))
            named = c;
      if (named < 0) continue;
      for (query::Practice& p : facts.practices)
        std::replace(p.recipient.begin(), p.recipient.end(), m.cid, named);
    }
  }
}

namespace {

// Practice findings, one per (rule, new sentence, old sentence): a sentence that changes
// several atoms the same way is one finding that lists them all, at the highest rank of any.
// Titles and messages are written once all atoms are in (finish).
class PracticeFindings {
 public:
  PracticeFindings(const Side& o, const Side& n, const PracticeContext& pc) : o_(o), n_(n), pc_(pc) {}

  // what: the atom(s) in words; na / oa: the new / old atom, when there is one.
  void add(const std::string& rule, int rank, int new_i, int old_i, const Atom* na, const Atom* oa, const std::string& what) {
    auto key = std::make_tuple(rule, new_i, old_i);
    auto it = pending_.find(key);
    if (it == pending_.end()) it = start(key);
    Pending& p = it->second;
    p.rank = std::max(p.rank, rank);
    if (std::find(p.what.begin(), p.what.end(), what) == p.what.end()) p.what.push_back(what);
    nlohmann::json pj = nlohmann::json::object();
    if (na) pj["new"] = pc_.atom_json(*na);
    if (oa) pj["old"] = pc_.atom_json(*oa);
    if (std::find(p.f.extra["practices"].begin(), p.f.extra["practices"].end(), pj) == p.f.extra["practices"].end())
      p.f.extra["practices"].push_back(pj);
  }

  // The findings in the order of their first atom, ranked, titled and worded.
  std::vector<Finding> finish() {
    std::vector<Finding> out;
    for (const auto& key : order_) {
      Pending& p = pending_[key];
      Finding& f = p.f;
      f.rank = rank_name(p.rank);
      f.severity = rank_severity(p.rank);
      std::string joined;
      for (const auto& w : p.what) joined += (joined.empty() ? "" : "; ") + w;
      word_finding(f, std::get<0>(key), joined);
      out.push_back(std::move(f));
    }
    return out;
  }

 private:
  using Key = std::tuple<std::string, int, int>;
  struct Pending {
    Finding f;
    int rank = 0;
    std::vector<std::string> what;
  };

  // A new finding for key, located on its sentences: the new one first, or where the old
  // one would be when there is none.
  std::map<Key, Pending>::iterator start(const Key& key) {
    const auto& [rule, new_i, old_i] = key;
    auto it = pending_.emplace(key, Pending{}).first;
    order_.push_back(key);
    Finding& f = it->second.f;
    f.rule = rule;
    if (new_i >= 0) f.locations.push_back(sentence_location(n_, new_i, "new"));
    else if (old_i >= 0) f.locations.push_back(removal_point(o_, n_, old_i));
    if (old_i >= 0) f.locations.push_back(sentence_location(o_, old_i, "old"));
    if (old_i >= 0) f.extra["old"] = sentence_extra(o_, old_i);
    if (new_i >= 0) f.extra["new"] = sentence_extra(n_, new_i);
    f.extra["practices"] = nlohmann::json::array();
    return it;
  }

  static void word_finding(Finding& f, const std::string& rule, const std::string& joined) {
    if (rule == "polarity-flipped") {
      f.title = "Denial turned into an affirmation: " + shorten(joined, 120);
      f.message = "The old version denied what the new version states: " + joined;
    } else if (rule == "denial-removed") {
      f.title = "Denial removed: " + shorten(joined);
      f.message = "The old version said it " + joined + "; the new version no longer says so";
    } else if (rule == "practice-affirmed") {
      f.title = "New practice: " + shorten(joined);
      f.message = "The new version states a practice the old did not: " + joined;
    } else {
      f.title = "New denial: " + shorten(joined);
      f.message = "The new version denies a practice the old did not deny: " + joined;
    }
  }

  const Side& o_;
  const Side& n_;
  const PracticeContext& pc_;
  std::map<Key, Pending> pending_;
  std::vector<Key> order_;
};

// What the rewording of a denial's sentence says of the denied practice: it still denies
// that kind of practice, or (first found) affirms a related one.
struct Rewording {
  bool still_denied = false;
  const Atom* affirmed = nullptr;
};

Rewording read_rewording(const std::vector<const Atom*>& reworded_atoms, const Atom& denial, const PracticeContext& pc) {
  Rewording r;
  for (const Atom* h : reworded_atoms) {
    if (h->cls != denial.cls || h->actor != denial.actor) continue;
    if (h->negative) r.still_denied = true;
    else if (!r.affirmed && pc.related(h->data, denial.data) && pc.related(h->rec, denial.rec)) r.affirmed = h;
  }
  return r;
}

// An affirmation of the denied practice in a changed sentence elsewhere in the new version:
// related data named on both sides, and a specific data type or recipient unless it is a sale.
const Atom* affirmation_elsewhere(const Side& n, const PracticeContext& pc, const Atom& denial) {
  for (const Atom& h : pc.new_atoms) {
    if (h.negative || !n.changed(h.sentence) || h.cls != denial.cls || h.actor != denial.actor) continue;
    if (h.data < 0 || denial.data < 0 || !pc.related(h.data, denial.data) || !pc.related(h.rec, denial.rec)) continue;
    bool specific = !pc.generic(h.data) || (h.rec >= 0 && !pc.generic(h.rec));
    if (!specific && denial.cls != "sell") continue;
    return &h;
  }
  return nullptr;
}

// Denials of changed old sentences that the new version no longer makes: turned into an
// affirmation (polarity-flipped, high) or just gone (denial-removed; high for selling,
// sharing, transferring, for what third parties do not get, and for not tracking). Returns the (new sentence, old sentence) pairs found flipped.
std::set<std::pair<int, int>> compare_denials(const Side& o, const Side& n, const PracticeContext& pc, PracticeFindings& out) {
  std::set<std::pair<int, int>> flipped_pairs;
  std::map<int, std::vector<const Atom*>> new_by_sentence;
  for (const Atom& h : pc.new_atoms) new_by_sentence[h.sentence].push_back(&h);
  for (const Atom& a : pc.old_atoms) {
    if (!a.negative || !o.changed(a.sentence)) continue;
    if (pc.denied_in(pc.new_atoms, a)) continue;
    int pj = reworded_partner(o, a.sentence);
    const Atom* f = nullptr;
    if (pj >= 0) {
      Rewording r = read_rewording(new_by_sentence[pj], a, pc);
      if (r.still_denied) continue;
      f = r.affirmed;
    }
    if (!f) f = affirmation_elsewhere(n, pc, a);
    // A promise not to hand data on, not to let others have it, not to track: high when gone.
    bool strong = a.cls == "sell" || a.cls == "share" || a.cls == "transfer" || a.actor == "third_party" ||
                  (a.cls == "collect" && pc.tracking_data(a.data));
    if (f) {
      flipped_pairs.insert({f->sentence, a.sentence});
      out.add("polarity-flipped", 3, f->sentence, a.sentence, f, &a, pc.describe(a) + " \xE2\x86\x92 " + pc.describe(*f));
    } else {
      out.add("denial-removed", strong ? 3 : 2, pj, a.sentence, nullptr, &a, pc.describe(a));
    }
  }
  return flipped_pairs;
}

// The rank of a practice the new version affirms anew, 0 when it is not worth a finding:
// aggregates are low; a sale is high; sharing or a transfer needs a specific data type or recipient, high when
// sensitive or exposed; other practices need specific data, medium when sensitive.
int affirmation_rank(const Atom& a, bool specific, const PracticeContext& pc) {
  // Aggregated or de-identified data handed on: worth reading, not a new exposure.
  if (a.data >= 0 && pc.lex.entry(a.data).id == "non_personal_information") return 1;
  if (a.cls == "sell") return 3;
  if (a.cls == "share" || a.cls == "transfer") {
    if (!specific) return 0;
    // handed on for advertising, to whom it exposes, or what it exposes
    return (pc.exposed_recipient(a.rec) || pc.sensitive_data(a.data) || a.for_ads) ? 3 : 2;
  }
  // Another company using the data ("these advertising companies may also use information
  // they collect for others' advertising purposes"): what data handed on is then used for;
  // for advertising, high as a sharing for advertising is.
  if (a.cls == "use" && a.actor == "third_party" && a.data >= 0) return a.for_ads ? 3 : 2;
  if (a.data < 0 || pc.generic(a.data)) return 0;
  return pc.sensitive_data(a.data) ? 2 : 1;
}

// What changed sentences of the new version affirm or deny that the old version did not
// (practice-affirmed, practice-denied), apart from the sentences already reported flipped.
void compare_new_practices(const Side& n, const PracticeContext& pc, const std::set<std::pair<int, int>>& flipped_pairs,
                           PracticeFindings& out) {
  for (const Atom& a : pc.new_atoms) {
    if (!n.changed(a.sentence)) continue;
    bool specific = (a.data >= 0 && !pc.generic(a.data)) || (a.rec >= 0 && !pc.generic(a.rec));
    if (a.negative) {
      if (pc.denied_in(pc.old_atoms, a)) continue;
      if (!specific && a.cls != "sell" && a.cls != "share") continue;
      out.add("practice-denied", 1, a.sentence, reworded_partner(n, a.sentence), &a, nullptr, pc.describe(a));
      continue;
    }
    if (pc.affirmed_in(pc.old_atoms, a)) continue;
    bool flipped = false;
    for (const auto& fp : flipped_pairs)
      if (fp.first == a.sentence) flipped = true;
    if (flipped) continue;
    int rank = affirmation_rank(a, specific, pc);
    if (rank == 0) continue;
    out.add("practice-affirmed", rank, a.sentence, reworded_partner(n, a.sentence), &a, nullptr, pc.describe(a));
  }
}

}  // namespace

// The practices stated in changed sentences, compared with those of the whole other version
// (a practice moved elsewhere is no change): denials lost or flipped, practices new. The
// atoms are those of every body sentence, old then new, in document order.
void compare_practices(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out) {
  const std::vector<Atom> old_atoms = atoms_of(o), new_atoms = atoms_of(n);
  const PracticeContext pc{lex, old_atoms, new_atoms};
  PracticeFindings findings(o, n, pc);
  const auto flipped_pairs = compare_denials(o, n, pc, findings);
  compare_new_practices(n, pc, flipped_pairs, findings);
  for (Finding& f : findings.finish()) out.push_back(std::move(f));
}

// ---------------------------------------------------------------- conditions

// How much a condition protects the user, for comparing two wordings of one practice: a
// consent asked first protects more than an opt-out offered after; 0 for conditions that
// are not protections.
int protection(const std::string& c) {
  if (c == "with your consent") return 3;
  if (c == "aggregated or non-identifying" || c == "only as necessary") return 2;
  if (c == "unless you opt out") return 1;
  return 0;
}

// The conditions of a reworded sentence's practices, compared with its old wording's, for
// each class of practice both wordings affirm:
//   condition-dropped  a condition gone with nothing as protective in its place ("with your
//                      consent" -> "unless you opt out" is a loosening): high for handing data
//                      on when the condition was a protection, medium for other protections,
//                      low for any other condition;
//   condition-added    a protection added, or one made stronger (opt-out -> consent): low.
void compare_conditions(const Side& o, const Side& n, std::vector<Finding>& out) {
  for (int j = 0; j < n.size(); ++j) {
    int i = reworded_partner(n, j);
    if (i < 0 || !n.body(j) || !o.body(i)) continue;
    const auto& of = o.facts[static_cast<std::size_t>(i)];
    const auto& nf = n.facts[static_cast<std::size_t>(j)];
    std::set<std::string> reported;
    auto finding = [&](const char* rule, int rank, const std::string& title, const std::string& message,
                       const std::string& c, const std::string& action) {
      Finding f = make_finding(rule, rank, title, message);
      locate_pair(f, o, i, n, j);
      f.extra["condition"] = c;
      f.extra["action"] = action;
      out.push_back(std::move(f));
    };
    for (const auto& op : of.practices) {
      std::string cls = action_class(op.action);
      if (cls.empty() || op.negative) continue;  // a condition gone from a denial widens the denial
      const query::Practice* np = nullptr;
      for (const auto& p : nf.practices)
        if (action_class(p.action) == cls && p.negative == op.negative) np = &p;
      if (!np) continue;
      int new_best = 0;
      for (const auto& c : np->conditions) new_best = std::max(new_best, protection(c));
      int old_best = 0;
      for (const auto& c : op.conditions) old_best = std::max(old_best, protection(c));
      const bool share = cls == "share" || cls == "sell" || cls == "transfer";
      for (const auto& c : op.conditions) {
        if (contains(np->conditions, c) || !reported.insert("-" + c).second) continue;
        if (protection(c) > 0 && new_best >= protection(c)) continue;  // as protective a condition in its place
        int rank = protection(c) > 0 ? (share ? 3 : 2) : 1;
        std::string title = "Condition dropped: \"" + c + "\" (" + op.action + ")";
        std::string message = "The old version " + op.action + "s only \"" + c + "\"; the new version states no such condition";
        if (new_best > 0) {
          for (const auto& nc : np->conditions)
            if (protection(nc) == new_best) message = "The old version " + op.action + "s only \"" + c + "\"; the new version only \"" + nc + "\"";
          title = "Condition loosened: \"" + c + "\" (" + op.action + ")";
        }
        finding("condition-dropped", rank, title, message, c, op.action);
      }
      for (const auto& c : np->conditions) {
        if (protection(c) == 0 || protection(c) <= old_best || contains(op.conditions, c) || !reported.insert("+" + c).second)
          continue;
        finding("condition-added", 1, "Condition added: \"" + c + "\" (" + np->action + ")",
                "The new version " + np->action + "s only \"" + c + "\"; the old version did not say so", c, np->action);
      }
    }
  }
}

}  // namespace policyq::check::diff
