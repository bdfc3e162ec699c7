// The model the passes share: the sides, and where findings point. See model.hpp.
#include "check/diff/model.hpp"
#include "check/diff.hpp"
#include "query/labels.hpp"

#include <algorithm>
#include <cstring>

namespace policyq::check::diff {

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

// ---------------------------------------------------------------- sides

// Each sentence of a block with letters or digits becomes a compared sentence: its
// normalised text, its word ids (sorted, unique: what similarity is computed on) and the
// title key of its body section (a bonus for rewordings within the same section).
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
  // A list item that is only the title of a section of the document is an entry of a table
  // of contents: matched like any sentence, never reported (moving one is layout).
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

// The sentence a reworded sentence became (or came from), -1 for any other.
int reworded_partner(const Side& side, int i) {
  return side.how[static_cast<std::size_t>(i)] == 'r' ? side.match[static_cast<std::size_t>(i)] : -1;
}

// ---------------------------------------------------------------- findings

Severity rank_severity(int rank) { return rank >= 3 ? Severity::error : rank == 2 ? Severity::warning : Severity::info; }

const char* rank_name(int rank) { return rank >= 3 ? "high" : rank == 2 ? "medium" : "low"; }

Finding make_finding(std::string rule, int rank, std::string title, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.rank = rank_name(rank);
  f.severity = rank_severity(rank);
  f.title = std::move(title);
  f.message = std::move(message);
  return f;
}

std::string shorten(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > max / 2) cut = space;
  return text.substr(0, cut) + "\xE2\x80\xA6";
}

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

// Where the text of old sentence i would be in the new version: after the new counterpart
// of the closest earlier sentence that is still there (CI annotations need a line of the
// file in the checkout); before that of the closest later one when no earlier one is left;
// else line 1. The quote stays empty: nothing is there.
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

std::string action_class(const std::string& a) {
  if (a == "share" || a == "disclose") return "share";
  if (a == "sell" || a == "rent" || a == "trade") return "sell";
  if (a == "transfer") return "transfer";
  if (a == "collect" || a == "obtain" || a == "receive") return "collect";
  if (a == "use" || a == "process") return "use";
  if (a == "retain" || a == "store") return "retain";
  return "";
}

void locate_pair(Finding& f, const Side& o, int i, const Side& n, int j) {
  f.locations.push_back(sentence_location(n, j, "new"));
  f.locations.push_back(sentence_location(o, i, "old"));
  f.extra["old"] = sentence_extra(o, i);
  f.extra["new"] = sentence_extra(n, j);
}

bool reported_at(const std::vector<Finding>& out, const Location& at) {
  for (const Finding& f : out)
    if (f.rank != "low")
      for (const Location& l : f.locations)
        if (l.role == at.role && l.line == at.line) return true;
  return false;
}

std::string plain_labels(const query::Lexicon& lex, const std::vector<int>& concepts) {
  std::vector<std::string> seen;
  std::string out;
  for (int c : concepts) {
    std::string label = query::plain_label(lex, c);
    if (std::find(seen.begin(), seen.end(), label) != seen.end()) continue;
    out += (out.empty() ? "" : ", ") + label;
    seen.push_back(std::move(label));
  }
  return out;
}

bool exposing_recipient(const query::Lexicon& lex, int c) {
  if (c < 0) return false;
  for (const char* id : {"advertiser", "data_broker", "social_network", "public"}) {
    const int want = lex.find(query::Kind::recipient, id);
    if (want >= 0 && lex.is_a(c, want)) return true;
  }
  return false;
}

}  // namespace policyq::check::diff
