#include "query/lists.hpp"

#include "query/labels.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

namespace policyq::query {

namespace {

// ---------------------------------------------------------------------------------------
// Collecting items: one per concept, with the sentences stating it.

class Items {
public:
  void add(const std::string& key, const std::string& label, int sentence) {
    auto [it, fresh] = items_.try_emplace(key, Item{label, key, {}});
    if (fresh) order_.push_back(key);
    it->second.sentences.push_back(sentence);
  }
  void add(const Lexicon& lex, int concept_index, int sentence) {
    add(lex.entry(concept_index).id, plain_label(lex, concept_index), sentence);
  }
  bool has(const std::string& key) const { return items_.count(key) > 0; }
  bool empty() const { return items_.empty(); }
  void erase(const std::string& key) {
    items_.erase(key);
    order_.erase(std::remove(order_.begin(), order_.end(), key), order_.end());
  }
  // Best first: the items stated most often, then the earliest stated; each item's
  // sentences in document order, once each.
  std::vector<Item> take() {
    std::vector<Item> out;
    for (const std::string& k : order_) {
      Item it = items_[k];
      std::sort(it.sentences.begin(), it.sentences.end());
      it.sentences.erase(std::unique(it.sentences.begin(), it.sentences.end()), it.sentences.end());
      out.push_back(std::move(it));
    }
    std::stable_sort(out.begin(), out.end(), [](const Item& a, const Item& b) {
      if (a.sentences.size() != b.sentences.size()) return a.sentences.size() > b.sentences.size();
      return a.sentences.front() < b.sentences.front();
    });
    return out;
  }

private:
  std::map<std::string, Item> items_;
  std::vector<std::string> order_;
};

// ---------------------------------------------------------------------------------------
// Word patterns: a pattern is words separated by spaces; "word*" matches any word starting
// with "word", "**" a gap of up to six words. Punctuation is skipped, so patterns read the
// words of a sentence only.

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool word_is(std::string_view pat, std::string_view w) {
  if (!pat.empty() && pat.back() == '*') return w.substr(0, pat.size() - 1) == pat.substr(0, pat.size() - 1);
  return w == pat;
}

bool match_at(const std::vector<std::string_view>& pat, std::size_t p, const std::vector<std::string_view>& w,
              std::size_t at) {
  if (p == pat.size()) return true;
  if (pat[p] == "**") {
    for (std::size_t k = 0; k <= 6 && at + k <= w.size(); ++k)
      if (match_at(pat, p + 1, w, at + k)) return true;
    return false;
  }
  return at < w.size() && word_is(pat[p], w[at]) && match_at(pat, p + 1, w, at + 1);
}

// The content words of a sentence, folded.
std::vector<std::string_view> content_words(const std::vector<Word>& words) {
  std::vector<std::string_view> out;
  for (const Word& w : words)
    if (!w.punct) out.push_back(w.folded);
  return out;
}

template <class Patterns>
bool has_any(const std::vector<std::string_view>& w, const Patterns& patterns) {
  for (std::string_view p : patterns) {
    std::vector<std::string_view> pat = split(p);
    for (std::size_t at = 0; at < w.size(); ++at)
      if (match_at(pat, 0, w, at)) return true;
  }
  return false;
}
bool has(const std::vector<std::string_view>& w, std::initializer_list<std::string_view> patterns) {
  return has_any(w, patterns);
}
bool has(const std::vector<std::string_view>& w, const std::vector<std::string_view>& patterns) {
  return has_any(w, patterns);
}

// ---------------------------------------------------------------------------------------
// Which sentences to read: body sentences (chrome and headings state nothing), unless the
// policy has none with an item, then prose the chrome detector set aside.

struct Reader {
  const Document& doc;
  const std::vector<SentenceFacts>& facts;
  const Lexicon& lex;
  bool prose = false;  // second pass: read prose outside the body too
  std::map<int, SentenceFacts> extra;  // facts of prose sentences answer facts leave empty

  Reader(const Document& d, const std::vector<SentenceFacts>& f, const Lexicon& l) : doc(d), facts(f), lex(l) {}

  std::size_t size() const { return std::min(facts.size(), doc.sentences.size()); }
  bool reads(int s) const { return prose ? is_prose_sentence(doc, s) : is_body_sentence(doc, s); }
  const SentenceFacts& at(int s) {
    const SentenceFacts& f = facts[static_cast<std::size_t>(s)];
    if (f.analyzed || !prose || is_body_sentence(doc, s)) return f;
    auto it = extra.find(s);
    if (it == extra.end()) it = extra.emplace(s, analyze_sentence(doc.sentences[static_cast<std::size_t>(s)].text, lex)).first;
    return it->second;
  }
};

// Runs one list kind over the body; over prose too when the body names nothing.
template <class Fn>
std::vector<Item> read_items(const Document& doc, const std::vector<SentenceFacts>& facts, const Lexicon& lex, Fn fn) {
  Reader r(doc, facts, lex);
  Items items;
  fn(r, items);
  if (items.empty()) {
    r.prose = true;
    fn(r, items);
  }
  return items.take();
}

bool is_lead_in(const Document& doc, int block) {
  const Block& b = doc.blocks[static_cast<std::size_t>(block)];
  if (b.sentences.empty()) return false;
  std::string_view t = doc.sentences[static_cast<std::size_t>(b.sentences.back())].text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  return !t.empty() && (t.back() == ':' || t.ends_with("include") || t.ends_with("including"));
}

// The sentence introducing the list a list-item sentence belongs to ("We may share your
// information with:"), or -1. Policies name data and recipients in such lists, with the
// practice stated once in the lead-in.
int lead_in(const Document& doc, int s) {
  int b = doc.sentences[static_cast<std::size_t>(s)].block;
  if (b < 0 || doc.blocks[static_cast<std::size_t>(b)].kind != BlockKind::list_item) return -1;
  // Walk back over the items before it; the parser may fold the lead-in into the list.
  int p = b - 1;
  while (p >= 0 && b - p <= 40 && doc.blocks[static_cast<std::size_t>(p)].kind == BlockKind::list_item &&
         !is_lead_in(doc, p))
    --p;
  if (p < 0 || b - p > 40 || !is_lead_in(doc, p)) return -1;
  const Block& lb = doc.blocks[static_cast<std::size_t>(p)];
  if (lb.kind == BlockKind::heading || lb.section != doc.blocks[static_cast<std::size_t>(b)].section) return -1;
  return lb.sentences.back();
}

// Does the sentence deny (a practice it states, or, stating none, in plain words)?
bool denies(const SentenceFacts& f) {
  if (!f.has_negation) return false;
  for (const Practice& p : f.practices)
    if (p.negative) return true;
  if (!f.practices.empty()) return false;
  for (const Word& w : f.words)
    if (w.folded == "not" || w.folded == "never" || w.folded == "neither" || w.folded == "nor") return true;
  return false;
}

// An affirmed practice of sentence s whose action satisfies want, or (for a list item) of
// the sentence introducing its list when the item itself states no practice.
template <class Want>
const Practice* affirmed(Reader& r, int s, Want want, bool* from_lead_in = nullptr) {
  for (const Practice& p : r.at(s).practices)
    if (!p.negative && want(p)) return &p;
  if (from_lead_in) *from_lead_in = true;
  int l = lead_in(r.doc, s);
  if (l < 0 || denies(r.at(s))) return nullptr;
  for (const Practice& p : r.at(l).practices)
    if (!p.negative && want(p)) return &p;
  return nullptr;
}

// The concepts of a kind a sentence mentions (its lexicon matches).
std::vector<int> mentioned(const SentenceFacts& f, const Lexicon& lex, Kind kind) {
  std::vector<int> out;
  for (const Match& m : f.matches) {
    if (lex.entry(m.cid).kind != kind || std::find(out.begin(), out.end(), m.cid) != out.end()) continue;
    // "governmental jurisdiction": a place, not a recipient.
    std::size_t next = static_cast<std::size_t>(m.end);
    if (kind == Kind::recipient && next < f.words.size() && f.words[next].folded.starts_with("jurisdiction")) continue;
    out.push_back(m.cid);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Data

bool sell_family(std::string_view a) { return a == "sell" || a == "rent" || a == "trade"; }

// Data concepts that are no data type a user would list: the generic roots, Do Not Track
// signals (a browser setting the policy responds to), children's data (an age rule).
bool listable_data(const Lexicon& lex, int c) {
  const Concept& e = lex.entry(c);
  return !e.generic && e.kind == Kind::data && e.id != "dnt_signal" && e.id != "children_data";
}

// Tracking data third parties collect on the company's site: cookies, device and usage data.
bool tracking_data(const Lexicon& lex, int c) {
  static const char* ids[] = {"cookies", "device_information", "ip_address", "usage_data", "location"};
  for (const char* id : ids) {
    int t = lex.find(Kind::data, id);
    if (t >= 0 && lex.is_a(c, t)) return true;
  }
  return false;
}

std::vector<Item> data_list(const Question& q, const Document& doc, const std::vector<SentenceFacts>& facts,
                            const Lexicon& lex) {
  // "What data do you share / sell?": the data of that action, not of collection.
  std::string mode = "collect";
  for (int a : q.actions) {
    const std::string& id = lex.entry(a).id;
    if (sell_family(id)) mode = "sell";
    else if (is_share_action(id) && mode != "sell") mode = "share";
  }
  if (mode == "collect" && (q.intent == "selling" || q.intent == "sharing")) mode = q.intent == "selling" ? "sell" : "share";
  auto want = [&](const Practice& p) {
    if (mode == "sell") return sell_family(p.action);
    if (mode == "share") return is_share_action(p.action) && !sell_family(p.action);
    return is_collect_action(p.action) || p.action == "set";
  };
  std::vector<Item> items = read_items(doc, facts, lex, [&](Reader& r, Items& items) {
    for (int s = 0; s < static_cast<int>(r.size()); ++s) {
      if (!r.reads(s)) continue;
      const SentenceFacts& f = r.at(s);
      for (const Practice& p : f.practices) {
        if (p.negative || !want(p)) continue;
        // A third party collecting on the site (cookies, analytics, ads) collects for it too.
        bool third = p.actor != "first_party";
        for (int c : p.data)
          if (listable_data(lex, c) && (!third || mode != "collect" || tracking_data(lex, c))) items.add(lex, c, s);
      }
      // A list item under a lead-in that states the practice ("We collect:") names its data.
      bool via_lead = false;
      if (f.practices.empty() && affirmed(r, s, want, &via_lead) && via_lead)
        for (int c : mentioned(f, lex, Kind::data))
          if (listable_data(lex, c)) items.add(lex, c, s);
    }
  });
  // "What contact information do you collect?": the kinds of the data asked about.
  std::vector<int> asked;
  for (int d : q.data)
    if (!lex.entry(d).generic) asked.push_back(d);
  if (asked.empty()) return items;
  std::erase_if(items, [&](const Item& it) {
    const int c = lex.find(Kind::data, it.concept_id);
    return std::none_of(asked.begin(), asked.end(), [&](int a) { return c >= 0 && lex.is_a(c, a); });
  });
  return items;
}

// ---------------------------------------------------------------------------------------
// Recipients

// A sentence that names recipients working for the company, without a sharing verb the
// extractor reads ("We work with service providers that host the site", "vendors that
// perform services on our behalf"): they receive the data to do that work.
bool works_for_us(const std::vector<std::string_view>& w) {
  return has(w, {"work with", "works with", "working with", "partner with", "on our behalf", "on behalf of us",
                 "engage", "engages", "hire", "hired", "perform * services", "perform ** for us",
                 "perform functions", "provide ** services to us", "provide ** services for us", "services for us",
                 "services to us", "have access to", "has access to", "provided access", "given access", "access to your",
                 "process ** for us", "help us"});
}

bool tracks_on_site(const SentenceFacts& f, const std::vector<std::string_view>& w, const Lexicon& lex) {
  for (const Practice& p : f.practices)
    if (!p.negative)
      for (int c : p.data)
        if (tracking_data(lex, c)) return true;
  for (const Match& m : f.matches)
    if (lex.entry(m.cid).id == "cookies") return true;
  return has(w, {"serve ads", "serve advertisements", "serve ** ads", "deliver ads", "display ads", "place ads",
                 "serve ** advertisements"});
}

std::vector<Item> recipient_list(const Document& doc, const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  const int third_party = lex.find(Kind::recipient, "third_party");
  const int government = lex.find(Kind::recipient, "government");
  const int acquirer = lex.find(Kind::recipient, "acquirer");
  const int legal = lex.find(Kind::purpose, "legal");
  const int business_transfer = lex.find(Kind::purpose, "business_transfer");
  // The company handing data on (not a third party handing data to the company).
  auto shares = [](const Practice& p) { return is_share_action(p.action) && p.actor == "first_party"; };
  std::vector<Item> out = read_items(doc, facts, lex, [&](Reader& r, Items& items) {
    for (int s = 0; s < static_cast<int>(r.size()); ++s) {
      if (!r.reads(s)) continue;
      const SentenceFacts& f = r.at(s);
      const std::vector<int> named = mentioned(f, lex, Kind::recipient);
      bool shared = false;
      for (const Practice& p : f.practices) {
        if (p.negative || !shares(p)) continue;
        shared = true;
        for (int c : p.recipient) items.add(lex, c, s);
        // Disclosure to answer legal process goes to authorities and courts; a business
        // transfer goes to the buyer, though neither is named as a recipient.
        bool names_gov = std::any_of(named.begin(), named.end(), [&](int c) { return lex.is_a(c, government); });
        for (int c : p.purpose) {
          if (legal >= 0 && c == legal && !names_gov && government >= 0) items.add(lex, government, s);
          if (business_transfer >= 0 && c == business_transfer && acquirer >= 0) items.add(lex, acquirer, s);
        }
        // A third party collecting on the site ("advertisers may collect …") is handed the data.
      }
      // Companies the data comes from ("we receive information from social media sites")
      // are sources, not recipients.
      std::vector<std::string_view> w = content_words(f.words);
      const bool from_sources = has(w, {"from third", "from other", "from ** sources", "sources", "from our partners",
                                        "from social", "from business partners", "from our affiliates"});
      for (const Practice& p : f.practices)
        if (!p.negative && p.actor != "first_party" && is_collect_action(p.action) && !from_sources)
          for (int c : named)
            if (c != third_party) items.add(lex, c, s);
      if (denies(f)) continue;
      // Recipients named in a list under a sharing lead-in, or working for the company.
      bool via_lead = false;
      bool listed = f.practices.empty() && affirmed(r, s, shares, &via_lead) && via_lead;
      // A sentence that hands data on names all its recipients, whatever the extractor
      // attached to the practice ("We will disclose … if required by law enforcement").
      if (listed || (!shared && !from_sources && works_for_us(w)) || (shared && !f.has_negation))
        for (int c : named)
          if (c != third_party || listed) items.add(lex, c, s);
      // Companies tracking on the site ("we use Google Analytics cookies", "third-party
      // vendors serve ads on our site") collect the visitor's data themselves.
      if (tracks_on_site(f, w, lex))
        for (int c : named)
          if (c != third_party && !lex.is_a(c, government) && c != acquirer && lex.entry(c).id != "public")
            items.add(lex, c, s);
    }
  });
  // The generic "third parties" only when the policy names no one more specific.
  if (out.size() > 1)
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Item& it) { return it.concept_id == "third_party"; }),
              out.end());
  return out;
}

// ---------------------------------------------------------------------------------------
// Purposes

std::vector<Item> purpose_list(const Document& doc, const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  auto uses = [](const Practice& p) { return p.actor == "first_party" && (is_collect_action(p.action) || p.action == "set"); };
  return read_items(doc, facts, lex, [&](Reader& r, Items& items) {
    for (int s = 0; s < static_cast<int>(r.size()); ++s) {
      if (!r.reads(s)) continue;
      const SentenceFacts& f = r.at(s);
      for (const Practice& p : f.practices)
        if (!p.negative && uses(p))
          for (int c : p.purpose) items.add(lex, c, s);
      // "We use your information to:" followed by a list of purposes.
      bool via_lead = false;
      if (f.practices.empty() && affirmed(r, s, uses, &via_lead) && via_lead)
        for (int c : mentioned(f, lex, Kind::purpose)) items.add(lex, c, s);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Places

struct Place {
  std::string_view id, label;
  std::vector<std::string_view> names;  // as written, case-sensitive
};

const std::vector<Place>& places() {
  static const std::vector<Place> table = {
      {"united_states", "the United States", {"United States", "U.S.", "USA", "U.S.A.", "US"}},
      {"eea", "the European Economic Area", {"European Economic Area", "EEA"}},
      {"eu", "the European Union", {"European Union", "EU"}},
      {"united_kingdom", "the United Kingdom", {"United Kingdom", "UK", "U.K.", "Great Britain"}},
      {"switzerland", "Switzerland", {"Switzerland"}},
      {"canada", "Canada", {"Canada"}},
      {"australia", "Australia", {"Australia"}},
      {"new_zealand", "New Zealand", {"New Zealand"}},
      {"japan", "Japan", {"Japan"}},
      {"china", "China", {"China"}},
      {"hong_kong", "Hong Kong", {"Hong Kong"}},
      {"singapore", "Singapore", {"Singapore"}},
      {"india", "India", {"India"}},
      {"south_korea", "South Korea", {"South Korea", "Korea"}},
      {"israel", "Israel", {"Israel"}},
      {"ireland", "Ireland", {"Ireland"}},
      {"germany", "Germany", {"Germany"}},
      {"france", "France", {"France"}},
      {"netherlands", "the Netherlands", {"Netherlands"}},
      {"brazil", "Brazil", {"Brazil"}},
      {"mexico", "Mexico", {"Mexico"}},
      {"philippines", "the Philippines", {"Philippines"}},
  };
  return table;
}

// Where in text a name occurs as whole words, from byte `from` on, or npos.
std::size_t find_name(std::string_view text, std::string_view name, std::size_t from = 0) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t at = text.find(name, from); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool left = at == 0 || !alnum(text[at - 1]);
    std::size_t e = at + name.size();
    bool right = e >= text.size() || !alnum(text[e]) || name.back() == '.';
    if (left && right) return at;
  }
  return std::string_view::npos;
}

// Is the place at byte `at` where the user is ("if you are in the EEA", "residents of",
// "transfer from the EU") rather than where the data goes?
bool is_origin(std::string_view text, std::size_t at) {
  std::string before(text.substr(at > 80 ? at - 80 : 0, at > 80 ? 80 : at));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* cues[] = {"from ", "from the ", "outside ", "outside of ", "outside the ", "outside of the ",
                               "residents of ", "residents of the ", "resident of ", "resident of the ",
                               "you are in ", "you are in the ", "you are located in ", "you are located in the ",
                               "you reside in ", "you reside in the ", "you live in ", "you live in the ",
                               "users in ", "users in the ", "individuals in ", "individuals in the ",
                               "laws of ", "laws of the ", "law of ", "law of the ", "those of ", "those of the "};
  for (const char* c : cues)
    if (before.ends_with(c)) return true;
  // Otherwise the nearest preposition before it decides, over a run of names ("from
  // European Union member countries and Switzerland"; "from the EEA to the United States").
  std::vector<std::string_view> words = split(before);
  for (std::size_t i = words.size(), seen = 0; i-- > 0 && seen < 8; ++seen) {
    std::string_view w = words[i];
    while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    if (w == "to" || w == "in" || w == "into" || w == "within" || w == "on" || w == "at") return false;
    if (w == "from" || w == "outside") return true;
  }
  return false;
}

// Does text name the place as where data goes or stays? An abbreviation in parentheses
// after the full name ("European Economic Area (EEA)") follows the full name; a name inside
// a compound ("U.S.-EU Safe Harbor") names a framework, not a place.
bool names_destination(std::string_view text, const Place& p) {
  for (std::string_view n : p.names)
    for (std::size_t at = find_name(text, n); at != std::string_view::npos; at = find_name(text, n, at + 1))
      if (!(at > 0 && (text[at - 1] == '(' || text[at - 1] == '-')) &&  // "(EEA)", "U.S.-EU Safe Harbor"
          !(at + n.size() < text.size() && text[at + n.size()] == '-') && !is_origin(text, at))
        return true;
  return false;
}

// Sentences about where data is kept: storing, transferring, processing, hosting.
bool about_data_location(const SentenceFacts& f) {
  for (const Practice& p : f.practices)
    if (!p.negative && (p.action == "store" || p.action == "transfer" || p.action == "process" || p.action == "retain"))
      return true;
  std::vector<std::string_view> w = content_words(f.words);
  return has(w, {"transfer*", "stored", "store", "storage", "processed", "hosted", "host", "server*", "located in",
                 "data center*", "datacent*", "transmit*"});
}

std::vector<Item> place_list(const Document& doc, const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  // Safeguards for transfers abroad, named when the policy states them.
  static const std::vector<Place> mechanisms = {
      {"standard_contractual_clauses", "standard contractual clauses",
       {"standard contractual clauses", "Standard Contractual Clauses", "model clauses", "model contractual clauses",
        "Model Clauses", "Model Contractual Clauses", "standard data protection clauses"}},
      {"adequacy_decision", "an adequacy decision", {"adequacy decision", "adequacy decisions", "Adequacy Decision"}},
      {"data_privacy_framework", "the Data Privacy Framework", {"Data Privacy Framework", "DPF"}},
      {"privacy_shield", "the Privacy Shield", {"Privacy Shield"}},
      {"safe_harbor", "the Safe Harbor framework", {"Safe Harbor", "Safe Harbour"}},
      {"binding_corporate_rules", "binding corporate rules", {"binding corporate rules", "Binding Corporate Rules"}},
  };
  std::vector<Item> out = read_items(doc, facts, lex, [&](Reader& r, Items& items) {
    for (int s = 0; s < static_cast<int>(r.size()); ++s) {
      if (!r.reads(s)) continue;
      const SentenceFacts& f = r.at(s);
      const std::string_view text = doc.sentences[static_cast<std::size_t>(s)].text;
      for (const Place& m : mechanisms)
        for (std::string_view n : m.names)
          if (find_name(text, n) != std::string_view::npos) {
            items.add(std::string(m.id), std::string(m.label), s);
            break;
          }
      if (!about_data_location(f) || denies(f)) continue;
      for (const Place& p : places())
        if (names_destination(text, p)) items.add(std::string(p.id), std::string(p.label), s);
    }
  });
  // Places answer "where"; the safeguards for getting there come after them.
  std::stable_partition(out.begin(), out.end(), [&](const Item& it) {
    return std::none_of(mechanisms.begin(), mechanisms.end(), [&](const Place& m) { return m.id == it.concept_id; });
  });
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Rights

std::vector<Item> find_rights(const Document& doc, const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  struct Right {
    const char* id;
    const char* label;
    std::vector<std::string_view> cues;  // what the right acts on
  };
  // Each right by what it acts on. The cues name the user's act ("request deletion",
  // "opt out of receiving marketing e-mails"), not the company's ("we delete logs").
  static const std::vector<Right> rights = {
      {"right_to_access", "access your data",
       {"right to ** access", "request access", "request ** access to", "access to your personal", "access your personal",
        "access the personal", "copy of your personal", "copy of the personal", "copy of your data", "copy of the data",
        "right to know", "request to know", "to access ** personal", "to access ** your", "to access ** data", "confirmation as to whether", "obtain ** copy"}},
      {"right_to_delete", "delete your data",
       {"right to ** delet*", "right to ** erasure", "right to be forgotten", "request ** delet*", "ask us to delete",
        "request ** erasure", "delete your personal", "delete your account", "delete your data", "delete your information",
        "delete the personal", "erase your", "deletion of your", "erasure of your", "deactivate your account",
        "remove your personal", "close your account", "delete personal", "to delete ** personal", "to delete ** your", "delete any personal", "delete certain personal", "delete such"}},
      {"right_to_correct", "correct your data",
       {"right to ** rectif*", "right to ** correct*", "correct your", "correct any", "correct inaccurate",
        "correct the personal", "correct or update", "update or correct", "rectify", "rectification", "amend your",
        "update your personal", "update your account", "update your information", "correction of", "correct ** inaccura*",
        "edit your personal", "edit your account", "to change ** personal", "change your personal", "change or delete", "change or update", "modify your personal", "modify your account", "update ** correct", "review and update"}},
      {"right_to_portability", "take your data elsewhere (portability)",
       {"portability", "portable", "machine readable", "machine-readable", "transmit ** to another controller",
        "transfer ** to another controller"}},
      {"opt_out_of_sale", "opt out of the sale of your data",
       {"opt out of ** sale", "opt out of ** selling", "do not sell my", "not to sell", "right to opt out",
        "opt out of the sale", "request that we not sell", "direct us not to sell"}},
      {"opt_out_of_sharing", "opt out of sharing",
       {"opt out of ** shar*", "do not share my", "not to share your", "limit ** shar*", "prevent ** shar*",
        "request that we not share", "request that we not disclose", "not disclose your", "opt out of having your", "opt out of disclos*", "opt out of ** disclos*"}},
      {"opt_out_of_marketing_email", "opt out of marketing e-mail",
       {"unsubscrib*", "opt out of receiv*", "opt out from receiv*", "opt out from ** e-mail*", "opt out from ** email*", "opt out of ** e-mail*", "opt out of ** email*",
        "opt out of ** marketing", "opt out of ** promotional", "opt out of ** newsletter*", "stop receiving",
        "no longer wish to receive", "no longer want to receive", "do not wish to receive", "do not want to receive",
        "opt-out link", "opt out link", "remove your name from our", "removed from our mailing", "remove you from our"}},
      {"opt_out_of_tracking", "opt out of tracking and cookies",
       {"disable cookies", "disable ** cookies", "refuse ** cookies", "reject ** cookies", "block ** cookies",
        "delete ** cookies", "decline ** cookies", "remove ** cookies", "manage ** cookies", "turn off ** cookies",
        "set your browser", "browser settings", "browser to refuse", "opt out of ** tracking", "opt out of ** advertising",
        "opt out of ** analytics", "opt out of ** cookies", "opt out of ** interest", 
        "opt out of ** targeted", "opt out of google analytics", "optout", "aboutads",
        "networkadvertising", "youronlinechoices", "opt out of being tracked", "opt out of ** behavioral",
        "opt out of ** behavioural"}},
      {"withdraw_consent", "withdraw your consent",
       {"withdraw ** consent", "revoke ** consent", "withdrawal of ** consent", "withdrawing ** consent"}},
      {"right_to_object", "object to processing",
       {"right to object", "object to ** processing", "object to the processing", "object to our", "object to the use",
        "object to certain"}},
      {"right_to_restrict", "restrict processing",
       {"restrict ** processing", "restriction of ** processing", "restrict the use", "restrict our use",
        "limit the use of your sensitive", "restrict the processing", "right to ** restrict*", "restrict how"}},
      {"know_marketing_disclosures", "learn who received your data for their own marketing (Shine the Light)",
       // learning what was disclosed, not stopping it: "opt out of our sharing … for the third
       // parties' direct marketing purposes" is an opt-out of sharing
       {"shine the light", "request ** notice ** disclos*", "request ** information ** disclos*",
        "request ** information ** direct marketing", "information regarding ** disclos* ** direct marketing",
        "notice ** categories ** direct marketing", "1798.83"}},
      {"independent_recourse", "take a complaint to an independent dispute resolution body",
       {"dispute resolution", "independent recourse", "recourse mechanism", "refer ** complaints"}},
      {"right_to_complain", "complain to a data protection authority",
       {"lodge a complaint", "file a complaint", "make a complaint", "right to complain", "complain to",
        "supervisory authority", "data protection authority", "data protection authorities", "supervisory authorities"}},
  };
  // The user is the one acting: a right, a request, what "you can" or "you may" do.
  auto user_acts = [](const std::vector<std::string_view>& w) {
    return has(w, {"right", "rights", "request*", "you can", "you may", "you have", "you could", "you are able",
                   "you will be able", "you might", "ask us", "able to", "option", "options", "choose", "choice*",
                   "contact us", "entitled", "let us know", "to exercise", "if you wish", "if you want", "if you would like",
                   "if you do not want", "if you no longer", "wish to", "want to", "click", "follow the", "visit", "please",
                   "you should", "you must", "by clicking", "unsubscrib*", "opt out", "opt-out", "optout", "withdraw*",
                   "lodge", "send us", "email us", "e-mail us", "write to us"});
  };
  Reader reader(doc, facts, lex);
  Items items;
  for (int pass = 0; pass < 2 && items.empty(); ++pass) {
    reader.prose = pass == 1;
    for (int s = 0; s < static_cast<int>(reader.size()); ++s) {
      if (!reader.reads(s)) continue;
      const SentenceFacts& f = reader.at(s);
      std::vector<std::string_view> w = f.words.empty() ? std::vector<std::string_view>{} : content_words(f.words);
      std::vector<Word> own;
      if (w.empty()) {
        own = tokenize(doc.sentences[static_cast<std::size_t>(s)].text);
        w = content_words(own);
      }
      if (w.empty() || !user_acts(w)) continue;
      // "You cannot opt out", "we do not offer": no right, whatever the words.
      if (has(w, {"you cannot", "you can not", "you may not", "not able to", "unable to", "we do not offer",
                  "do not provide ** option"}))
        continue;
      for (const Right& rt : rights)
        if (has(w, rt.cues)) items.add(rt.id, rt.label, s);
    }
  }
  return items.take();
}

std::vector<Item> list_items(AnswerKind kind, const Question& q, const Document& doc,
                             const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  switch (kind) {
    case AnswerKind::data_list: return data_list(q, doc, facts, lex);
    case AnswerKind::recipient_list: return recipient_list(doc, facts, lex);
    case AnswerKind::purpose_list: return purpose_list(doc, facts, lex);
    case AnswerKind::place_list: return place_list(doc, facts, lex);
    case AnswerKind::rights_list: return find_rights(doc, facts, lex);
    case AnswerKind::contact_list:
    case AnswerKind::verdict: break;
  }
  return {};
}

}  // namespace policyq::query
