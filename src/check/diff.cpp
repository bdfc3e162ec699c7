#include "check/diff.hpp"
#include "check/duration.hpp"

#include "query/answer.hpp"
#include "query/lists.hpp"
#include "query/practices.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace policyq::check {

// ---------------------------------------------------------------- text comparison

std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::next(text, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    } else if (cp == U'\'' || cp == U'\u2019' || cp == U'\u00AD' || cp == U'\u200B') {
      // apostrophes and invisible marks do not split words ("user's", "users’")
    } else {
      pending_space = true;
    }
  }
  return out;
}

namespace {

std::vector<std::string_view> split_words(std::string_view norm) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < norm.size()) {
    std::size_t j = norm.find(' ', i);
    if (j == std::string_view::npos) j = norm.size();
    if (j > i) words.push_back(norm.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

double jaccard(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++inter, ++i, ++j;
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
  std::unordered_map<std::string_view, int> ids;
  auto intern = [&](std::string_view t) {
    std::vector<int> v;
    for (auto w : split_words(t)) v.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  auto va = intern(a);
  auto vb = intern(b);
  return jaccard(va, vb);
}

int rank_value(std::string_view rank) {
  if (rank == "high") return 3;
  if (rank == "medium") return 2;
  if (rank == "low") return 1;
  return 0;
}

bool diff_fails(const Report& report, const std::string& fail_on) {
  if (fail_on == "never") return false;
  int limit = rank_value(fail_on);
  if (limit == 0) throw Error("--fail-on: expected high, medium, low or never, not '" + fail_on + "'");
  for (const Finding& f : report.findings)
    if (rank_value(f.rank) >= limit) return true;
  return false;
}

namespace {

// ---------------------------------------------------------------- sides

// A section title for matching: normalised, leading numbering dropped ("4.2 Your Rights",
// "IV. Your rights", "b) Your rights" -> "your rights"), so renumbering is no change.
std::string title_key(std::string_view title) {
  std::string t = normalize_text(title);
  for (;;) {
    std::size_t sp = t.find(' ');
    if (sp == std::string::npos) break;
    std::string_view w(t.data(), sp);
    bool number = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    bool roman = w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) { return std::strchr("ivxlc", c) != nullptr; });
    bool letter = w.size() == 1 && w[0] >= 'a' && w[0] <= 'z';
    if (!number && !roman && !letter) break;
    t.erase(0, sp + 1);
  }
  return t;
}


struct Side {
  const Document* doc = nullptr;
  std::vector<int> sents;                 // sentence indexes compared (not headings, not empty)
  std::vector<std::string> norm;          // normalised text, per compared sentence
  std::vector<std::vector<int>> tokens;   // sorted unique word ids
  std::vector<int> match;                 // compared index on the other side, -1 when none
  std::vector<char> how;                  // 'e' equal, 's' split/merge, 'r' reworded, 0 none
  std::vector<double> similarity;
  std::vector<std::string> section_key;   // normalised title of the enclosing body section
  std::vector<query::SentenceFacts> facts;  // per compared sentence (body sentences only)
  std::vector<char> toc;                  // list items naming a section of the document (a table of contents)

  // Sentences whose changes are reported: body text, not table-of-contents entries.
  bool reportable(int i) const { return body(i) && !toc[static_cast<std::size_t>(i)]; }

  bool body(int i) const { return query::is_body_sentence(*doc, sents[static_cast<std::size_t>(i)]); }
  bool heading(int i) const {
    return doc->blocks[static_cast<std::size_t>(sentence(i).block)].kind == BlockKind::heading;
  }
  const Sentence& sentence(int i) const { return doc->sentences[static_cast<std::size_t>(sents[static_cast<std::size_t>(i)])]; }
  bool changed(int i) const { return how[static_cast<std::size_t>(i)] == 0 || how[static_cast<std::size_t>(i)] == 'r'; }
  int size() const { return static_cast<int>(sents.size()); }
};

void build_side(Side& s, const Document& doc, std::unordered_map<std::string, int>& word_ids) {
  s.doc = &doc;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sent = doc.sentences[i];
    // Headings take part in matching (a bold line may be a title in one version and a
    // paragraph in the other) but are never reported as sentences: sections are.
    if (sent.block < 0) continue;
    std::string n = normalize_text(sent.text);
    if (n.empty()) continue;
    s.sents.push_back(static_cast<int>(i));
    std::vector<int> toks;
    for (auto w : split_words(n))
      toks.push_back(word_ids.emplace(std::string(w), static_cast<int>(word_ids.size())).first->second);
    std::sort(toks.begin(), toks.end());
    toks.erase(std::unique(toks.begin(), toks.end()), toks.end());
    s.tokens.push_back(std::move(toks));
    s.norm.push_back(std::move(n));
    int sec = sent.section >= 0 ? doc.body_section(sent.section) : -1;
    s.section_key.push_back(sec >= 0 ? title_key(doc.sections[static_cast<std::size_t>(sec)].title) : std::string());
  }
  std::set<std::string> titles;
  for (const Section& sec : doc.sections)
    if (!sec.preamble) titles.insert(title_key(sec.title));
  s.toc.assign(s.sents.size(), 0);
  for (int i = 0; i < s.size(); ++i) {
    const Sentence& sent = s.sentence(i);
    const Block& b = doc.blocks[static_cast<std::size_t>(sent.block)];
    if (b.kind == BlockKind::list_item && b.sentences.size() == 1 && titles.count(title_key(sent.text)))
      s.toc[static_cast<std::size_t>(i)] = 1;
  }
  s.match.assign(s.sents.size(), -1);
  s.how.assign(s.sents.size(), 0);
  s.similarity.assign(s.sents.size(), 0);
  s.facts.resize(s.sents.size());
}

void link(Side& a, int i, Side& b, int j, char how, double sim) {
  a.match[static_cast<std::size_t>(i)] = j, a.how[static_cast<std::size_t>(i)] = how, a.similarity[static_cast<std::size_t>(i)] = sim;
  b.match[static_cast<std::size_t>(j)] = i, b.how[static_cast<std::size_t>(j)] = how, b.similarity[static_cast<std::size_t>(j)] = sim;
}

// Addresses shown as text are link targets too: a changed URL, or an e-mail address a
// scraper hid ("[email protected]"), is formatting. Each becomes one placeholder word.
std::string canonical(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string_view tok = text.substr(i, j - i);
    if (tok.find("://") != std::string_view::npos || tok.rfind("www.", 0) == 0 || tok.rfind("(www.", 0) == 0) {
      out += " \x01url ";
    } else if (tok == "[email" && text.substr(j).rfind(" protected]", 0) == 0) {
      out += " \x01email ";
      j += std::string_view(" protected]").size();
    } else if (std::size_t at = tok.find('@'); at != std::string_view::npos && at > 0 && tok.find('.', at) != std::string_view::npos) {
      out += " \x01email ";
    } else {
      out += tok;
      out += ' ';
    }
    i = j < text.size() ? j + 1 : j;
  }
  std::string norm = normalize_text(out);
  std::string key;
  for (char c : norm)
    if (c != ' ') key += c;
  return key;
}

// Equal normalised text, in document order for repeated sentences; then (loose) equal once
// spaces are ignored ("phonebook" / "phone book", "describeshow" / "describes how" from lost
// markup) and visible URLs and e-mail addresses are placeholders.
// same_kind: headings pair with headings and text with text first.
void match_equal(Side& o, Side& n, bool loose, bool same_kind) {
  std::unordered_map<std::string, std::vector<int>> by_text;
  auto key = [&](const Side& s, int i) {
    std::string k = loose ? canonical(s.sentence(i).text) : s.norm[static_cast<std::size_t>(i)];
    if (same_kind) k += s.heading(i) ? "\x01h" : "\x01t";
    return k;
  };
  for (int j = n.size() - 1; j >= 0; --j)
    if (n.how[static_cast<std::size_t>(j)] == 0) by_text[key(n, j)].push_back(j);
  for (int i = 0; i < o.size(); ++i) {
    if (o.how[static_cast<std::size_t>(i)] != 0) continue;
    auto it = by_text.find(key(o, i));
    if (it == by_text.end() || it->second.empty()) continue;
    link(o, i, n, it->second.back(), 'e', 1);
    it->second.pop_back();
  }
}

// One sentence of a equal to a run of consecutive unmatched sentences of b (a sentence
// split in two, or two joined): formatting, not a change.
void match_joined(Side& a, Side& b) {
  std::unordered_map<std::string_view, std::vector<int>> unmatched_b;
  for (int j = 0; j < b.size(); ++j)
    if (b.how[static_cast<std::size_t>(j)] == 0) unmatched_b[b.norm[static_cast<std::size_t>(j)]].push_back(j);
  // the run of unmatched sentences of b from start that spells text, or empty
  auto spell = [&](const std::string& text, std::size_t cut, int start) {
    std::size_t at = cut + 1;
    std::vector<int> run{start};
    int j = start + 1;
    while (at < text.size() && j < b.size() && b.how[static_cast<std::size_t>(j)] == 0) {
      const std::string& next = b.norm[static_cast<std::size_t>(j)];
      if (text.compare(at, next.size(), next) != 0) break;
      std::size_t end = at + next.size();
      if (end != text.size() && text[end] != ' ') break;
      run.push_back(j);
      at = end + 1;
      ++j;
    }
    if (at < text.size()) run.clear();
    return run;
  };
  for (int i = 0; i < a.size(); ++i) {
    if (a.how[static_cast<std::size_t>(i)] != 0) continue;
    const std::string& text = a.norm[static_cast<std::size_t>(i)];
    std::vector<int> run;
    for (std::size_t cut = text.find(' '); cut != std::string::npos && run.empty(); cut = text.find(' ', cut + 1)) {
      auto it = unmatched_b.find(std::string_view(text).substr(0, cut));
      if (it == unmatched_b.end()) continue;
      for (int start : it->second) {
        if (b.how[static_cast<std::size_t>(start)] != 0) continue;
        run = spell(text, cut, start);
        if (!run.empty()) break;
      }
    }
    if (run.empty()) continue;
    a.match[static_cast<std::size_t>(i)] = run.front();
    a.how[static_cast<std::size_t>(i)] = 's';
    a.similarity[static_cast<std::size_t>(i)] = 1;
    for (int k : run) {
      b.match[static_cast<std::size_t>(k)] = i;
      b.how[static_cast<std::size_t>(k)] = 's';
      b.similarity[static_cast<std::size_t>(k)] = 1;
    }
  }
}

// The most similar remaining pairs, greedily, above the threshold.
void match_reworded(Side& o, Side& n, double threshold) {
  std::vector<int> on, nn;
  for (int i = 0; i < o.size(); ++i)
    if (o.how[static_cast<std::size_t>(i)] == 0) on.push_back(i);
  for (int j = 0; j < n.size(); ++j)
    if (n.how[static_cast<std::size_t>(j)] == 0) nn.push_back(j);
  if (on.empty() || nn.empty()) return;
  std::unordered_map<int, std::vector<int>> postings;  // word id -> positions in nn
  for (std::size_t k = 0; k < nn.size(); ++k)
    for (int t : n.tokens[static_cast<std::size_t>(nn[k])]) postings[t].push_back(static_cast<int>(k));
  struct Pair {
    double score, sim;
    int i, j;
  };
  std::vector<Pair> pairs;
  std::vector<int> inter(nn.size(), 0);
  std::vector<int> touched;
  for (int i : on) {
    const auto& ti = o.tokens[static_cast<std::size_t>(i)];
    touched.clear();
    for (int t : ti) {
      auto it = postings.find(t);
      if (it == postings.end()) continue;
      for (int k : it->second) {
        if (inter[static_cast<std::size_t>(k)]++ == 0) touched.push_back(k);
      }
    }
    for (int k : touched) {
      int j = nn[static_cast<std::size_t>(k)];
      double common = inter[static_cast<std::size_t>(k)];
      inter[static_cast<std::size_t>(k)] = 0;
      double sim = common / (static_cast<double>(ti.size() + n.tokens[static_cast<std::size_t>(j)].size()) - common);
      if (sim < threshold) continue;
      double score = sim;
      if (o.section_key[static_cast<std::size_t>(i)] == n.section_key[static_cast<std::size_t>(j)]) score += 0.1;
      double pi = static_cast<double>(i) / std::max(1, o.size()), pj = static_cast<double>(j) / std::max(1, n.size());
      score += 0.05 * (1 - std::fabs(pi - pj));
      pairs.push_back({score, sim, i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.i != b.i) return a.i < b.i;
    return a.j < b.j;
  });
  for (const Pair& p : pairs) {
    if (o.how[static_cast<std::size_t>(p.i)] != 0 || n.how[static_cast<std::size_t>(p.j)] != 0) continue;
    link(o, p.i, n, p.j, 'r', p.sim);
  }
}

// The sentence matching, strictest first, so that a looser pass only sees what the
// stricter ones left: equal text (headings with headings first, then across kinds), equal
// once spaces, URLs and e-mail addresses are set aside, a sentence split or joined (both
// ways), and last the most similar remaining pairs as "reworded".
void match_sentences(Side& o, Side& n, double reword_threshold) {
  match_equal(o, n, false, true);
  match_equal(o, n, false, false);
  match_equal(o, n, true, true);
  match_equal(o, n, true, false);
  match_joined(o, n);
  match_joined(n, o);
  match_reworded(o, n, reword_threshold);
}

// Section titles by title key, how many times each occurs (chrome and preambles aside).
std::map<std::string, int> title_counts(const Document& d) {
  std::map<std::string, int> c;
  for (const Section& sec : d.sections)
    if (!sec.preamble && !sec.chrome) ++c[title_key(sec.title)];
  return c;
}

// Marks 't' the unmatched plain sentences of side whose text is a section title that
// occurs more often on the other side (theirs) than on this one (mine), using up one of
// theirs each; marked counts them by title key.
void mark_plain_titles(Side& side, std::map<std::string, int>& mine, std::map<std::string, int>& theirs,
                       std::map<std::string, int>& marked) {
  for (int i = 0; i < side.size(); ++i) {
    if (side.how[static_cast<std::size_t>(i)] != 0 || side.heading(i)) continue;
    std::string k = title_key(side.sentence(i).text);
    auto it = theirs.find(k);
    if (it == theirs.end() || it->second <= mine[k]) continue;
    --it->second;
    side.how[static_cast<std::size_t>(i)] = 't';
    ++marked[k];
  }
}

// ---------------------------------------------------------------- findings helpers

Severity rank_severity(int rank) { return rank >= 3 ? Severity::error : rank == 2 ? Severity::warning : Severity::info; }
const char* rank_name(int rank) { return rank >= 3 ? "high" : rank == 2 ? "medium" : "low"; }

Location sentence_location(const Side& s, int i, const char* role) {
  const Sentence& sent = s.sentence(i);
  return Location{s.doc->name, sent.first_line, sent.last_line, sent.text, role};
}

nlohmann::json sentence_extra(const Side& s, int i) {
  const Sentence& sent = s.sentence(i);
  int sec = sent.section >= 0 ? s.doc->body_section(sent.section) : -1;
  nlohmann::json j = {{"line", sent.first_line}, {"end_line", sent.last_line}, {"text", sent.text}};
  j["section"] = sec >= 0 ? s.doc->sections[static_cast<std::size_t>(sec)].title : std::string();
  return j;
}

std::string shorten(const std::string& text, std::size_t max = 80) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > max / 2) cut = space;
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

// Where the text of old sentence i would be in the new version: after the new counterpart
// of the closest earlier sentence that is still there (CI annotations need a line of the
// file in the checkout). The quote stays empty: nothing is there.
Location removal_point(const Side& o, const Side& n, int i) {
  for (int k = i - 1; k >= 0; --k)
    if (o.match[static_cast<std::size_t>(k)] >= 0) {
      int l = n.sentence(o.match[static_cast<std::size_t>(k)]).last_line;
      return Location{n.doc->name, l, l, "", "new"};
    }
  for (int k = i + 1; k < o.size(); ++k)
    if (o.match[static_cast<std::size_t>(k)] >= 0) {
      int l = n.sentence(o.match[static_cast<std::size_t>(k)]).first_line;
      return Location{n.doc->name, l, l, "", "new"};
    }
  return Location{n.doc->name, 1, 1, "", "new"};
}

Finding make_finding(std::string rule, int rank, std::string title, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.rank = rank_name(rank);
  f.severity = rank_severity(rank);
  f.title = std::move(title);
  f.message = std::move(message);
  return f;
}

// ---------------------------------------------------------------- practices

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
};

std::string action_class(const std::string& a) {
  if (a == "share" || a == "disclose") return "share";
  if (a == "sell" || a == "rent" || a == "trade") return "sell";
  if (a == "transfer") return "transfer";
  if (a == "collect" || a == "obtain" || a == "receive") return "collect";
  if (a == "use" || a == "process") return "use";
  if (a == "retain" || a == "store") return "retain";
  return "";
}

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
      for (int r : rec) out.push_back(Atom{cls, p.action, p.actor, d, r, p.negative, i, static_cast<int>(k), p.modality});
  }
  return out;
}

struct PracticeContext {
  const query::Lexicon& lex;
  std::vector<Atom> old_atoms, new_atoms;

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
  bool related(int a, int b) const { return a < 0 || b < 0 || lex.is_a(a, b) || lex.is_a(b, a); }
  bool is_under(int c, const char* kind_id, query::Kind kind) const {
    int want = lex.find(kind, kind_id);
    return c >= 0 && want >= 0 && lex.is_a(c, want);
  }
  bool sensitive_data(int d) const {
    for (const char* id : {"location", "health", "biometric", "financial", "children_data", "identity_document", "sensitive",
                           "audio_visual", "contacts"})
      if (is_under(d, id, query::Kind::data)) return true;
    return false;
  }
  bool exposed_recipient(int r) const {
    for (const char* id : {"advertiser", "data_broker", "social_network", "public"})
      if (is_under(r, id, query::Kind::recipient)) return true;
    return false;
  }
  // An affirmation in `have` that states the practice of a (same or more specific).
  bool affirmed_in(const std::vector<Atom>& have, const Atom& a) const {
    for (const Atom& h : have)
      if (!h.negative && h.cls == a.cls && h.actor == a.actor && specific_under(a.data, h.data) && specific_under(a.rec, h.rec))
        return true;
    return false;
  }
  bool denied_in(const std::vector<Atom>& have, const Atom& a) const {
    for (const Atom& h : have)
      if (h.negative && h.cls == a.cls && h.actor == a.actor && denial_covers(h.data, a.data) && denial_covers(h.rec, a.rec))
        return true;
    return false;
  }
  static std::string words(std::string id) {
    std::replace(id.begin(), id.end(), '_', ' ');
    return id;
  }
  // "does not sell personal information to third party", "third party: may share location to advertiser"
  std::string describe(const Atom& a) const {
    std::string s = a.negative ? "does not " + a.action : (a.modality.empty() ? "" : a.modality + " ") + a.action;
    if (a.actor != "first_party") s = words(a.actor) + ": " + s;
    if (a.data >= 0) s += " " + words(lex.entry(a.data).id);
    if (a.rec >= 0) s += " to " + words(lex.entry(a.rec).id);
    return s;
  }
  nlohmann::json atom_json(const Atom& a) const {
    nlohmann::json j = {{"action", a.action}, {"actor", a.actor}, {"polarity", a.negative ? "negative" : "affirmative"}};
    j["modality"] = a.modality.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.modality);
    j["data"] = a.data >= 0 ? nlohmann::json(lex.entry(a.data).id) : nlohmann::json(nullptr);
    j["recipient"] = a.rec >= 0 ? nlohmann::json(lex.entry(a.rec).id) : nlohmann::json(nullptr);
    return j;
  }
};

// A duration as approximate days (year 365, month 30, week 7); nullopt for dates/other.
std::optional<double> iso_days(std::string_view iso) { return duration_days(iso); }

// Durations the retention practices of a sentence state (retain / store / delete).
std::vector<query::Period> retention_periods(const query::SentenceFacts& f) {
  std::vector<query::Period> out;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (const query::Practice& p : f.practices)
    for (const query::Period& per : p.periods)
      if (per.kind == "duration" && iso_days(per.iso) && seen.insert({per.begin, per.end}).second) out.push_back(per);
  std::sort(out.begin(), out.end(), [](const query::Period& a, const query::Period& b) { return a.begin < b.begin; });
  return out;
}

// ---------------------------------------------------------------- user rights

// The rights a side describes, by what they act on (query::find_rights, the list `ask`
// answers "what rights do I have?" with), as compared-sentence indexes of that side.
std::map<std::string, std::pair<std::string, std::vector<int>>> rights_of(const Side& side) {
  const Document& doc = *side.doc;
  std::vector<query::SentenceFacts> facts(doc.sentences.size());
  std::vector<int> compared(doc.sentences.size(), -1);
  for (int i = 0; i < side.size(); ++i) {
    auto s = static_cast<std::size_t>(side.sents[static_cast<std::size_t>(i)]);
    compared[s] = i;
    facts[s] = side.facts[static_cast<std::size_t>(i)];
  }
  std::map<std::string, std::pair<std::string, std::vector<int>>> out;
  for (const query::Item& item : query::find_rights(doc, facts))
    for (int s : item.sentences)
      if (int i = compared[static_cast<std::size_t>(s)]; i >= 0) {
        auto& entry = out[item.concept_id];
        entry.first = item.label;
        entry.second.push_back(i);
      }
  return out;
}

// ---------------------------------------------------------------- sections

// How the sections of the two versions correspond (match_sections).
struct SectionMatch {
  std::vector<int> old_sections, new_sections;   // the compared sections (body_sections), in order
  std::vector<char> compared_old, compared_new;  // per section of each document: compared
  std::vector<int> old_to_new, new_to_old;       // per section: its counterpart, -1 when none
  std::vector<char> renamed_old;                 // per old section: paired by content, not title
  std::set<int> moved_old;                       // old sections out of the order the others keep
  std::vector<char> plain_old, plain_new;        // per section: unpaired, its title a plain line of the other
                                                 // version (match_titles_made_plain)

  // The section (of a sentence) is reported as added / removed: its sentences are not.
  bool reported_added(int sec) const {
    return sec >= 0 && compared_new[static_cast<std::size_t>(sec)] && new_to_old[static_cast<std::size_t>(sec)] < 0 &&
           !plain_new[static_cast<std::size_t>(sec)];
  }
  bool reported_removed(int sec) const {
    return sec >= 0 && compared_old[static_cast<std::size_t>(sec)] && old_to_new[static_cast<std::size_t>(sec)] < 0 &&
           !plain_old[static_cast<std::size_t>(sec)];
  }
};

// Sections compared: titled, not chrome, not a table of contents (mostly list items that
// name other sections: moving or dropping one is layout, not content).
std::vector<int> body_sections(const Side& side) {
  const Document& doc = *side.doc;
  std::vector<int> total(doc.sections.size(), 0), toc(doc.sections.size(), 0);
  for (int i = 0; i < side.size(); ++i) {
    int sec = side.sentence(i).section;
    if (sec < 0 || !side.body(i)) continue;
    ++total[static_cast<std::size_t>(sec)];
    toc[static_cast<std::size_t>(sec)] += side.toc[static_cast<std::size_t>(i)];
  }
  std::vector<int> out;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.preamble || s.chrome || title_key(s.title).empty()) continue;
    if (toc[i] >= 3 && toc[i] * 5 >= total[i] * 4) continue;
    out.push_back(static_cast<int>(i));
  }
  return out;
}


// The compared sentences of each section of both sides, and how many of them went from an
// old section to a new one: what tells a renamed section, or the right one of a repeated title.
struct SectionContents {
  const Side& o;
  const Side& n;
  std::vector<std::vector<int>> old_sentences, new_sentences;  // per section: compared indexes

  SectionContents(const Side& old_side, const Side& new_side)
      : o(old_side), n(new_side), old_sentences(by_section(o)), new_sentences(by_section(n)) {}

  static std::vector<std::vector<int>> by_section(const Side& side) {
    std::vector<std::vector<int>> v(side.doc->sections.size());
    for (int i = 0; i < side.size(); ++i)
      if (int sec = side.sentence(i).section; sec >= 0) v[static_cast<std::size_t>(sec)].push_back(i);
    return v;
  }
  // Sentences of old section a matched to a sentence of new section b.
  int shared(int a, int b) const {
    int count = 0;
    for (int i : old_sentences[static_cast<std::size_t>(a)]) {
      int j = o.match[static_cast<std::size_t>(i)];
      if (j >= 0 && n.sentence(j).section == b) ++count;
    }
    return count;
  }
};

void pair_sections(SectionMatch& sm, int a, int b) {
  sm.old_to_new[static_cast<std::size_t>(a)] = b;
  sm.new_to_old[static_cast<std::size_t>(b)] = a;
}

// Sections with the same title key are the same section. A title repeated in the new
// version goes to the candidate that shares the most sentences, else the first.
void pair_sections_by_title(SectionMatch& sm, const SectionContents& contents) {
  const Document& old_doc = *contents.o.doc;
  const Document& new_doc = *contents.n.doc;
  std::map<std::string, std::vector<int>> by_title;  // candidates, last first
  for (auto it = sm.new_sections.rbegin(); it != sm.new_sections.rend(); ++it)
    by_title[title_key(new_doc.sections[static_cast<std::size_t>(*it)].title)].push_back(*it);
  for (int s : sm.old_sections) {
    auto it = by_title.find(title_key(old_doc.sections[static_cast<std::size_t>(s)].title));
    if (it == by_title.end() || it->second.empty()) continue;
    std::size_t pick = it->second.size() - 1;
    if (it->second.size() > 1) {
      int best = contents.shared(s, it->second[pick]);
      for (std::size_t c = it->second.size() - 1; c-- > 0;) {
        int sh = contents.shared(s, it->second[c]);
        if (sh > best) best = sh, pick = c;
      }
    }
    pair_sections(sm, s, it->second[pick]);
    it->second.erase(it->second.begin() + static_cast<std::ptrdiff_t>(pick));
  }
}

// Renamed: of the sections still unpaired, those whose sentences mostly went from one to
// the other, or whose titles are close (and some content, or none on either side, agrees);
// the best scoring pairs first.
void pair_renamed_sections(SectionMatch& sm, const SectionContents& contents) {
  const Document& old_doc = *contents.o.doc;
  const Document& new_doc = *contents.n.doc;
  struct Cand {
    double score;
    int a, b;
  };
  std::vector<Cand> cands;
  for (int a : sm.old_sections) {
    if (sm.old_to_new[static_cast<std::size_t>(a)] >= 0) continue;
    const std::vector<int>& sa = contents.old_sentences[static_cast<std::size_t>(a)];
    for (int b : sm.new_sections) {
      if (sm.new_to_old[static_cast<std::size_t>(b)] >= 0) continue;
      const std::vector<int>& sb = contents.new_sentences[static_cast<std::size_t>(b)];
      int shared = contents.shared(a, b);
      double content = (sa.empty() && sb.empty()) ? 0 : static_cast<double>(shared) / static_cast<double>(std::max(sa.size(), sb.size()));
      double title = text_similarity(title_key(old_doc.sections[static_cast<std::size_t>(a)].title),
                                     title_key(new_doc.sections[static_cast<std::size_t>(b)].title));
      if (content >= 0.5 || (title >= 0.5 && (content >= 0.2 || (sa.empty() && sb.empty()))))
        cands.push_back({content + 0.5 * title, a, b});
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  for (const Cand& c : cands) {
    if (sm.old_to_new[static_cast<std::size_t>(c.a)] >= 0 || sm.new_to_old[static_cast<std::size_t>(c.b)] >= 0) continue;
    pair_sections(sm, c.a, c.b);
    sm.renamed_old[static_cast<std::size_t>(c.a)] = 1;
  }
}

// Moved: paired sections outside the longest run that keeps its order in both versions
// (the longest increasing subsequence of new positions, taken in old order).
void find_moved_sections(SectionMatch& sm) {
  std::vector<int> seq_old, seq_new;
  for (int s : sm.old_sections)
    if (sm.old_to_new[static_cast<std::size_t>(s)] >= 0) seq_old.push_back(s), seq_new.push_back(sm.old_to_new[static_cast<std::size_t>(s)]);
  std::size_t m = seq_new.size();
  std::vector<int> len(m, 1), prev(m, -1);
  int best = -1;
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (seq_new[j] < seq_new[i] && len[j] + 1 > len[i]) len[i] = len[j] + 1, prev[i] = static_cast<int>(j);
    if (best < 0 || len[i] > len[static_cast<std::size_t>(best)]) best = static_cast<int>(i);
  }
  std::vector<char> keep(m, 0);
  for (int k = best; k >= 0; k = prev[static_cast<std::size_t>(k)]) keep[static_cast<std::size_t>(k)] = 1;
  for (std::size_t i = 0; i < m; ++i)
    if (!keep[i]) sm.moved_old.insert(seq_old[i]);
}

// Which sections of the two versions are the same section: by title, then by content
// (renamed); and which of those moved. Runs on the sentence matching.
SectionMatch match_sections(const Side& o, const Side& n) {
  SectionMatch sm;
  const std::size_t old_count = o.doc->sections.size(), new_count = n.doc->sections.size();
  sm.old_sections = body_sections(o);
  sm.new_sections = body_sections(n);
  sm.compared_old.assign(old_count, 0);
  sm.compared_new.assign(new_count, 0);
  for (int s : sm.old_sections) sm.compared_old[static_cast<std::size_t>(s)] = 1;
  for (int s : sm.new_sections) sm.compared_new[static_cast<std::size_t>(s)] = 1;
  sm.old_to_new.assign(old_count, -1);
  sm.new_to_old.assign(new_count, -1);
  sm.renamed_old.assign(old_count, 0);
  sm.plain_old.assign(old_count, 0);
  sm.plain_new.assign(new_count, 0);
  const SectionContents contents(o, n);
  pair_sections_by_title(sm, contents);
  pair_renamed_sections(sm, contents);
  find_moved_sections(sm);
  return sm;
}

// Uses up one of the plain lines marked with the title key of title, if any is left.
bool take_marked(std::map<std::string, int>& marked, const std::string& title) {
  auto it = marked.find(title_key(title));
  if (it == marked.end() || it->second == 0) return false;
  --it->second;
  return true;
}

// A line that is a paragraph in one version and a section title in the other (a bold line
// recognised as a title, or a heading made plain): formatting. 't' marks such sentences,
// and an unpaired section whose title is such a line of the other version is flagged
// plain: neither the section nor its sentences are reported new or lost.
void match_titles_made_plain(Side& o, Side& n, SectionMatch& sm) {
  auto oc = title_counts(*o.doc), nc = title_counts(*n.doc);
  std::map<std::string, int> marked_old, marked_new;  // title key -> sentences marked
  mark_plain_titles(o, oc, nc, marked_old);
  mark_plain_titles(n, nc, oc, marked_new);
  for (int s : sm.new_sections)
    if (sm.new_to_old[static_cast<std::size_t>(s)] < 0 && take_marked(marked_old, n.doc->sections[static_cast<std::size_t>(s)].title))
      sm.plain_new[static_cast<std::size_t>(s)] = 1;
  for (int s : sm.old_sections)
    if (sm.old_to_new[static_cast<std::size_t>(s)] < 0 && take_marked(marked_new, o.doc->sections[static_cast<std::size_t>(s)].title))
      sm.plain_old[static_cast<std::size_t>(s)] = 1;
}

// ---------------------------------------------------------------- section findings

Finding section_added(const Document& new_doc, const Section& sec) {
  Finding f = make_finding("section-added", 1, "Section added: " + shorten(sec.title), "New section \"" + sec.title + "\"");
  f.locations.push_back({new_doc.name, sec.first_line, sec.first_line, sec.title, "new"});
  f.extra["new"] = {{"title", sec.title}, {"anchor", sec.anchor}, {"line", sec.first_line}, {"end_line", sec.last_line}};
  return f;
}

Finding section_removed(const Side& o, const Side& n, const Section& sec) {
  Finding f = make_finding("section-removed", 1, "Section removed: " + shorten(sec.title), "Section \"" + sec.title + "\" is gone");
  int at = 0;  // the first sentence of the section, or after it
  while (at < o.size() && o.sentence(at).first_line < sec.first_line) ++at;
  f.locations.push_back(removal_point(o, n, at));
  f.locations.push_back({o.doc->name, sec.first_line, sec.first_line, sec.title, "old"});
  f.extra["old"] = {{"title", sec.title}, {"anchor", sec.anchor}, {"line", sec.first_line}, {"end_line", sec.last_line}};
  return f;
}

// A finding about a section of both versions (renamed, moved): where it is in each.
void locate_section_pair(Finding& f, const Side& o, const Section& sec, const Side& n, const Section& nsec) {
  f.locations.push_back({n.doc->name, nsec.first_line, nsec.first_line, nsec.title, "new"});
  f.locations.push_back({o.doc->name, sec.first_line, sec.first_line, sec.title, "old"});
  f.extra["old"] = {{"title", sec.title}, {"anchor", sec.anchor}, {"line", sec.first_line}};
  f.extra["new"] = {{"title", nsec.title}, {"anchor", nsec.anchor}, {"line", nsec.first_line}};
}

// Sections added, then, in old order, sections removed, renamed and moved.
void report_sections(const Side& o, const Side& n, const SectionMatch& sm, std::vector<Finding>& out) {
  for (int s : sm.new_sections)
    if (sm.new_to_old[static_cast<std::size_t>(s)] < 0 && !sm.plain_new[static_cast<std::size_t>(s)])
      out.push_back(section_added(*n.doc, n.doc->sections[static_cast<std::size_t>(s)]));
  for (int s : sm.old_sections) {
    const Section& sec = o.doc->sections[static_cast<std::size_t>(s)];
    int t = sm.old_to_new[static_cast<std::size_t>(s)];
    if (t < 0) {
      if (!sm.plain_old[static_cast<std::size_t>(s)]) out.push_back(section_removed(o, n, sec));
      continue;
    }
    const Section& nsec = n.doc->sections[static_cast<std::size_t>(t)];
    if (sm.renamed_old[static_cast<std::size_t>(s)]) {
      Finding f = make_finding("section-renamed", 1, "Section renamed: " + shorten(sec.title, 40) + " \xE2\x86\x92 " + shorten(nsec.title, 40),
                               "Section \"" + sec.title + "\" is now titled \"" + nsec.title + "\"");
      locate_section_pair(f, o, sec, n, nsec);
      out.push_back(std::move(f));
    }
    if (sm.moved_old.count(s)) {
      Finding f = make_finding("section-moved", 1, "Section moved: " + shorten(nsec.title), "Section \"" + nsec.title + "\" moved to another place");
      locate_section_pair(f, o, sec, n, nsec);
      out.push_back(std::move(f));
    }
  }
}

// ---------------------------------------------------------------- sentence findings

// Runs of consecutive unmatched reportable sentences of one block of the new side (added)
// or the old one, outside the sections reported added / removed whole: each run is one finding.
std::vector<std::vector<int>> unmatched_runs(const Side& side, const SectionMatch& sm, bool added) {
  auto section_reported = [&](int sec) { return added ? sm.reported_added(sec) : sm.reported_removed(sec); };
  std::vector<std::vector<int>> runs;
  for (int i = 0; i < side.size(); ++i) {
    if (side.how[static_cast<std::size_t>(i)] != 0 || !side.reportable(i) || section_reported(side.sentence(i).section)) continue;
    if (!runs.empty() && runs.back().back() == i - 1 && side.sentence(i - 1).block == side.sentence(i).block) runs.back().push_back(i);
    else runs.push_back({i});
  }
  return runs;
}

// sentence-added (a run of side n) or sentence-removed (a run of side o): the run quoted whole.
Finding run_finding(const Side& o, const Side& n, const std::vector<int>& run, bool added) {
  const Side& side = added ? n : o;
  std::string quote;
  for (int i : run) quote += (quote.empty() ? "" : " ") + side.sentence(i).text;
  const Sentence& first = side.sentence(run.front());
  const Sentence& last = side.sentence(run.back());
  std::string what = run.size() == 1 ? "Sentence" : std::to_string(run.size()) + " sentences";
  nlohmann::json where = sentence_extra(side, run.front());
  std::string section = where["section"];
  Finding f = make_finding(added ? "sentence-added" : "sentence-removed", 1,
                           (added ? "Added: " : "Removed: ") + shorten(quote),
                           what + (added ? " added" : " removed") + (section.empty() ? "" : " in \"" + section + "\""));
  if (!added) f.locations.push_back(removal_point(o, n, run.front()));
  f.locations.push_back({side.doc->name, first.first_line, last.last_line, quote, added ? "new" : "old"});
  nlohmann::json j = sentence_extra(side, run.front());
  j["end_line"] = last.last_line;
  j["text"] = quote;
  f.extra[added ? "new" : "old"] = j;
  f.extra["sentences"] = run.size();
  return f;
}

Finding reworded_finding(const Side& o, int i, const Side& n, int j) {
  std::string section = sentence_extra(n, j)["section"];
  Finding f = make_finding("sentence-reworded", 1, "Reworded: " + shorten(n.sentence(j).text),
                           "Sentence reworded" + (section.empty() ? std::string() : " in \"" + section + "\""));
  f.locations.push_back(sentence_location(n, j, "new"));
  f.locations.push_back(sentence_location(o, i, "old"));
  f.extra["old"] = sentence_extra(o, i);
  f.extra["new"] = sentence_extra(n, j);
  f.extra["similarity"] = std::round(n.similarity[static_cast<std::size_t>(j)] * 100) / 100;
  return f;
}

// Sentences added, removed (both outside sections reported whole), then reworded, each in
// document order. A reworded pair is reported when either side is reportable.
void report_sentences(const Side& o, const Side& n, const SectionMatch& sm, std::vector<Finding>& out) {
  for (const auto& run : unmatched_runs(n, sm, true)) out.push_back(run_finding(o, n, run, true));
  for (const auto& run : unmatched_runs(o, sm, false)) out.push_back(run_finding(o, n, run, false));
  for (int j = 0; j < n.size(); ++j) {
    if (n.how[static_cast<std::size_t>(j)] != 'r') continue;
    int i = n.match[static_cast<std::size_t>(j)];
    if (!n.reportable(j) && !o.reportable(i)) continue;
    out.push_back(reworded_finding(o, i, n, j));
  }
}

// ---------------------------------------------------------------- practice findings

// The practices of both versions: each body sentence analysed once (its facts kept on its
// side for the passes after this one), and the atoms of all of them.
PracticeContext analyze_practices(Side& o, Side& n, const query::Lexicon& lex) {
  PracticeContext pc{lex, {}, {}};
  for (int i = 0; i < o.size(); ++i)
    if (o.body(i)) {
      o.facts[static_cast<std::size_t>(i)] = query::analyze_sentence(o.sentence(i).text, lex);
      auto a = atoms_of(o, i);
      pc.old_atoms.insert(pc.old_atoms.end(), a.begin(), a.end());
    }
  for (int j = 0; j < n.size(); ++j)
    if (n.body(j)) {
      n.facts[static_cast<std::size_t>(j)] = query::analyze_sentence(n.sentence(j).text, lex);
      auto a = atoms_of(n, j);
      pc.new_atoms.insert(pc.new_atoms.end(), a.begin(), a.end());
    }
  return pc;
}

// The sentence a reworded sentence became (or came from), -1 for any other.
int reworded_partner(const Side& side, int i) {
  return side.how[static_cast<std::size_t>(i)] == 'r' ? side.match[static_cast<std::size_t>(i)] : -1;
}

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
// sharing, transferring). Returns the (new sentence, old sentence) pairs found flipped.
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
    bool strong = a.cls == "sell" || a.cls == "share" || a.cls == "transfer";
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
// a sale is high; sharing or a transfer needs a specific data type or recipient, high when
// sensitive or exposed; other practices need specific data, medium when sensitive.
int affirmation_rank(const Atom& a, bool specific, const PracticeContext& pc) {
  if (a.cls == "sell") return 3;
  if (a.cls == "share" || a.cls == "transfer") {
    if (!specific) return 0;
    return (pc.exposed_recipient(a.rec) || pc.sensitive_data(a.data)) ? 3 : 2;
  }
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

// The practices stated in changed sentences, compared with those of the whole other version
// (a practice moved elsewhere is no change): denials lost or flipped, practices new.
void compare_practices(const Side& o, const Side& n, const PracticeContext& pc, std::vector<Finding>& out) {
  PracticeFindings findings(o, n, pc);
  const auto flipped_pairs = compare_denials(o, n, pc, findings);
  compare_new_practices(n, pc, flipped_pairs, findings);
  for (Finding& f : findings.finish()) out.push_back(std::move(f));
}

// ---------------------------------------------------------------- retention findings

// The periods of an old and a new sentence that differ: position by position when both
// state as many, else their longest ones.
std::vector<std::pair<const query::Period*, const query::Period*>> changed_periods(const std::vector<query::Period>& op,
                                                                                 const std::vector<query::Period>& np) {
  std::vector<std::pair<const query::Period*, const query::Period*>> changes;
  if (op.size() == np.size()) {
    for (std::size_t k = 0; k < op.size(); ++k)
      if (*iso_days(op[k].iso) != *iso_days(np[k].iso)) changes.push_back({&op[k], &np[k]});
    return changes;
  }
  auto longest = [](const std::vector<query::Period>& v) {
    const query::Period* best = &v.front();
    for (const auto& p : v)
      if (*iso_days(p.iso) > *iso_days(best->iso)) best = &p;
    return best;
  };
  const query::Period *a = longest(op), *b = longest(np);
  if (*iso_days(a->iso) != *iso_days(b->iso)) changes.push_back({a, b});
  return changes;
}

Finding retention_finding(const Side& o, int i, const Side& n, int j, const query::Period& a, const query::Period& b) {
  double da = *iso_days(a.iso), db = *iso_days(b.iso);
  bool longer = db > da;
  Finding f = make_finding("retention-changed", longer ? 3 : 1,
                           std::string("Retention period ") + (longer ? "lengthened" : "shortened") + ": " + a.iso + " \xE2\x86\x92 " + b.iso,
                           std::string("Retention ") + (longer ? "lengthened" : "shortened") + " from \"" + a.text + "\" (" + a.iso +
                               ") to \"" + b.text + "\" (" + b.iso + ")");
  f.locations.push_back(sentence_location(n, j, "new"));
  f.locations.push_back(sentence_location(o, i, "old"));
  f.extra["old"] = sentence_extra(o, i);
  f.extra["new"] = sentence_extra(n, j);
  f.extra["old_period"] = {{"text", a.text}, {"iso", a.iso}, {"days", da}};
  f.extra["new_period"] = {{"text", b.text}, {"iso", b.iso}, {"days", db}};
  f.extra["direction"] = longer ? "longer" : "shorter";
  return f;
}

// Retention periods changed: a changed new sentence that states a period, against the
// sentence it was reworded from, else the old sentences gone from the section of the same
// title (the first of them whose periods differ). Longer is high, shorter low.
void compare_retention(const Side& o, const Side& n, std::vector<Finding>& out) {
  for (int j = 0; j < n.size(); ++j) {
    if (!n.body(j) || !n.changed(j)) continue;
    auto np = retention_periods(n.facts[static_cast<std::size_t>(j)]);
    if (np.empty()) continue;
    std::vector<int> cands;
    if (int pi = reworded_partner(n, j); pi >= 0) cands.push_back(pi);
    else {
      for (int i = 0; i < o.size(); ++i)
        if (o.how[static_cast<std::size_t>(i)] == 0 && o.body(i) && o.section_key[static_cast<std::size_t>(i)] == n.section_key[static_cast<std::size_t>(j)])
          cands.push_back(i);
    }
    for (int i : cands) {
      auto op = retention_periods(o.facts[static_cast<std::size_t>(i)]);
      if (op.empty()) continue;
      const auto changes = changed_periods(op, np);
      for (const auto& [a, b] : changes) out.push_back(retention_finding(o, i, n, j, *a, *b));
      if (!changes.empty()) break;
    }
  }
}

// ---------------------------------------------------------------- condition findings

// Conditions dropped in a reworded sentence: a condition of an affirmed practice of the old
// sentence that no practice of the new one states, when the new one still states a practice
// of that class. A protective condition ("with your consent") is high for sharing, selling,
// transferring, medium otherwise; any other is low.
void compare_conditions(const Side& o, const Side& n, std::vector<Finding>& out) {
  static const std::set<std::string> protective = {"with your consent", "unless you opt out", "only as necessary", "aggregated or non-identifying"};
  for (int j = 0; j < n.size(); ++j) {
    int i = reworded_partner(n, j);
    if (i < 0 || !n.body(j) || !o.body(i)) continue;
    const auto& of = o.facts[static_cast<std::size_t>(i)];
    const auto& nf = n.facts[static_cast<std::size_t>(j)];
    std::set<std::string> new_conditions;
    for (const auto& p : nf.practices) new_conditions.insert(p.conditions.begin(), p.conditions.end());
    std::set<std::string> reported;
    for (const auto& op : of.practices) {
      std::string cls = action_class(op.action);
      if (cls.empty() || op.negative) continue;  // a condition gone from a denial widens the denial
      const query::Practice* np = nullptr;
      for (const auto& p : nf.practices)
        if (action_class(p.action) == cls && p.negative == op.negative) np = &p;
      if (!np) continue;
      for (const auto& c : op.conditions) {
        if (new_conditions.count(c) || !reported.insert(c).second) continue;
        bool share = cls == "share" || cls == "sell" || cls == "transfer";
        int rank = protective.count(c) ? (share ? 3 : 2) : 1;
        Finding f = make_finding("condition-dropped", rank, "Condition dropped: \"" + c + "\" (" + op.action + ")",
                                 "The old version " + op.action + "s only \"" + c + "\"; the new version states no such condition");
        f.locations.push_back(sentence_location(n, j, "new"));
        f.locations.push_back(sentence_location(o, i, "old"));
        f.extra["old"] = sentence_extra(o, i);
        f.extra["new"] = sentence_extra(n, j);
        f.extra["condition"] = c;
        f.extra["action"] = op.action;
        out.push_back(std::move(f));
      }
    }
  }
}

// ---------------------------------------------------------------- rights findings

// User rights no longer mentioned: told apart by what they act on, so deleting the one
// sentence that offers an opt-out of sharing is a finding while an opt-out of marketing
// e-mail remains. Located on the first sentence of the old policy body that described it.
void compare_rights(const Side& o, const Side& n, std::vector<Finding>& out) {
  auto om = rights_of(o), nm = rights_of(n);
  for (const auto& [id, old_right] : om) {
    if (nm.count(id)) continue;
    // what the old policy body said (not a menu entry)
    std::vector<int> said;
    for (int i : old_right.second)
      if (o.body(i)) said.push_back(i);
    if (said.empty()) continue;
    const std::string& label = old_right.first;
    int i = said.front();
    Finding f = make_finding("right-removed", 2, std::string("User right no longer mentioned: ") + label,
                             std::string("The old version lets the user ") + label + "; the new version no longer mentions it");
    if (int j = reworded_partner(o, i); j >= 0) {
      f.locations.push_back(sentence_location(n, j, "new"));
      f.extra["new"] = sentence_extra(n, j);
    } else {
      f.locations.push_back(removal_point(o, n, i));
    }
    f.locations.push_back(sentence_location(o, i, "old"));
    f.extra["old"] = sentence_extra(o, i);
    f.extra["right"] = id;
    f.extra["old_mentions"] = said.size();
    out.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------- the report

// The rules diff reports, for the report's rule table (SARIF, JUnit).
const std::vector<RuleInfo>& diff_rules() {
  static const std::vector<RuleInfo> rules = {
      {"polarity-flipped", "A practice the old version denied is affirmed by the new one (\"we do not sell\" -> \"we may sell\")", Severity::error},
      {"denial-removed", "A denial of the old version (\"we do not sell\") is gone from the new one", Severity::error},
      {"practice-affirmed", "The new version affirms a practice the old did not state (a new data type or recipient shared)", Severity::error},
      {"practice-denied", "The new version denies a practice the old did not deny", Severity::info},
      {"retention-changed", "A retention period changed (longer: high, shorter: low)", Severity::error},
      {"condition-dropped", "A condition on a practice (\"with your consent\") is gone", Severity::error},
      {"right-removed", "A user right the old version described is no longer mentioned", Severity::warning},
      {"section-added", "A section is new", Severity::info},
      {"section-removed", "A section is gone", Severity::info},
      {"section-renamed", "A section kept its content under a new title", Severity::info},
      {"section-moved", "A section moved to another place", Severity::info},
      {"sentence-added", "Sentences are new", Severity::info},
      {"sentence-removed", "Sentences are gone", Severity::info},
      {"sentence-reworded", "A sentence was reworded", Severity::info},
  };
  return rules;
}

// Rank first (high to low), practice findings before structure ones, then by the line of
// the first location (new side before old). Stable: a pass's own order breaks ties.
std::vector<Finding> order_findings(std::vector<Finding> practice, std::vector<Finding> structure) {
  auto line_of = [](const Finding& f) {
    if (f.locations.empty()) return std::make_pair(2, 0);
    return std::make_pair(f.locations.front().role == "new" ? 0 : 1, f.locations.front().line);
  };
  std::vector<std::pair<int, Finding>> all;
  for (auto& f : practice) all.push_back({0, std::move(f)});
  for (auto& f : structure) all.push_back({1, std::move(f)});
  std::stable_sort(all.begin(), all.end(), [&](const auto& a, const auto& b) {
    int ra = rank_value(a.second.rank), rb = rank_value(b.second.rank);
    if (ra != rb) return ra > rb;
    if (a.first != b.first) return a.first < b.first;
    return line_of(a.second) < line_of(b.second);
  });
  std::vector<Finding> out;
  for (auto& entry : all) out.push_back(std::move(entry.second));
  return out;
}

// The verdict, the findings by rank, and the body sentences of the new version unchanged
// (equal, split or joined, a title made plain), reworded and added; of the old, removed.
nlohmann::json summarize(const std::vector<Finding>& findings, const Side& o, const Side& n) {
  int counts[4] = {0, 0, 0, 0};
  for (const Finding& f : findings) ++counts[rank_value(f.rank)];
  int unchanged = 0, reworded = 0, added = 0, removed = 0;
  for (int j = 0; j < n.size(); ++j) {
    if (!n.body(j)) continue;
    char h = n.how[static_cast<std::size_t>(j)];
    if (h == 'e' || h == 's' || h == 't') ++unchanged;
    else if (h == 'r') ++reworded;
    else ++added;
  }
  for (int i = 0; i < o.size(); ++i)
    if (o.body(i) && o.how[static_cast<std::size_t>(i)] == 0) ++removed;
  return {{"verdict", findings.empty() ? "no substantive change" : "changed"},
          {"high", counts[3]},
          {"medium", counts[2]},
          {"low", counts[1]},
          {"sentences_unchanged", unchanged},
          {"sentences_reworded", reworded},
          {"sentences_added", added},
          {"sentences_removed", removed}};
}

}  // namespace

// ---------------------------------------------------------------- the diff

// The passes in order over one model of the two versions: the sides (build_side), their
// sentence matching (how / match / similarity on each side) and section matching; then
// the findings on structure, read off the matching, and on practice, read off the
// sentences' facts; last their order and the summary.
Report diff_documents(const Document& old_doc, const Document& new_doc, const DiffOptions& options) {
  std::unordered_map<std::string, int> word_ids;  // one numbering of words for both sides
  Side o, n;
  build_side(o, old_doc, word_ids);
  build_side(n, new_doc, word_ids);
  match_sentences(o, n, options.reword_threshold);
  SectionMatch sm = match_sections(o, n);
  match_titles_made_plain(o, n, sm);

  std::vector<Finding> structure;
  report_sections(o, n, sm, structure);
  report_sentences(o, n, sm, structure);

  std::vector<Finding> practice;
  const PracticeContext pc = analyze_practices(o, n, query::Lexicon::builtin());
  compare_practices(o, n, pc, practice);
  compare_retention(o, n, practice);
  compare_conditions(o, n, practice);
  compare_rights(o, n, practice);

  Report report;
  report.command = "diff";
  report.inputs = {old_doc.name, new_doc.name};
  report.rules = diff_rules();
  report.findings = order_findings(std::move(practice), std::move(structure));
  report.summary = summarize(report.findings, o, n);
  return report;
}

}  // namespace policyq::check
