// compare_rights: user rights the new version no longer mentions. See passes.hpp.
#include "check/diff/passes.hpp"
#include "query/lists.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <map>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

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

// The specific data types and recipients a sentence names: what a right stated there acts
// on ("limit device identifiers being shared with third-party advertisers").
std::vector<int> scope_of(const Side& side, int i, const query::Lexicon& lex) {
  std::vector<int> out;
  for (int c : side.facts[static_cast<std::size_t>(i)].concepts) {
    const query::Concept& e = lex.entry(c);
    if (!e.generic && (e.kind == query::Kind::data || e.kind == query::Kind::recipient)) out.push_back(c);
  }
  return out;
}

// Every concept of `scope` is named by sentence k of side (itself or a broader one).
bool covers(const Side& side, int k, const std::vector<int>& scope, const query::Lexicon& lex) {
  const auto& have = side.facts[static_cast<std::size_t>(k)].concepts;
  for (int c : scope) {
    bool named = false;
    for (int h : have) named = named || h == c || lex.is_a(c, h);
    if (!named) return false;
  }
  return true;
}

Finding right_finding(const Side& o, const Side& n, int i, const std::string& id, const std::string& title,
                      const std::string& message) {
  Finding f = make_finding("right-removed", 2, title, message);
  if (int j = reworded_partner(o, i); j >= 0) {
    f.locations.push_back(sentence_location(n, j, "new"));
    f.extra["new"] = sentence_extra(n, j);
  } else {
    f.locations.push_back(removal_point(o, n, i));
  }
  f.locations.push_back(sentence_location(o, i, "old"));
  f.extra["old"] = sentence_extra(o, i);
  f.extra["right"] = id;
  return f;
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The web addresses (hosts, "www." dropped, lower case) written in source lines first..last
// of doc: a link's target as well as its text.
std::vector<std::string> hosts_in(const Document& doc, int first, int last) {
  std::vector<std::string> out;
  for (int line = first; line <= last && line <= doc.line_count; ++line) {
    const std::string_view text = doc.line(line);
    for (std::size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 3)) {
      std::size_t b = at + 3, e = b;
      while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '.' || text[e] == '-')) ++e;
      std::string host = lower_case(std::string(text.substr(b, e - b)));
      if (host.rfind("www.", 0) == 0) host.erase(0, 4);
      while (!host.empty() && host.back() == '.') host.pop_back();
      if (host.find('.') != std::string::npos && std::find(out.begin(), out.end(), host) == out.end()) out.push_back(host);
    }
  }
  return out;
}


// The words that limit what a right reaches ("control whether some information … is saved"),
// among a sentence's analysed words.
std::set<std::string> limiting_words(const std::vector<query::Word>& words) {
  static const std::set<std::string> limiting = {"some", "certain", "limited", "select", "selected", "partially"};
  std::set<std::string> out;
  for (const query::Word& w : words)
    if (limiting.count(w.folded)) out.insert(w.folded);
  return out;
}

}  // namespace

// A right or choice a reworded sentence still offers the reader, now limited by a word its
// old wording did not have: "lets you control whether information … is saved" -> "whether
// some information". Both wordings read as a right (the rights cues of `ask`) and address
// "you".
void compare_right_limits(const Side& o, const Side& n, std::vector<Finding>& out) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  const int rights = lex.find(query::Kind::intent, "rights");
  auto offers = [&](const Side& side, int k) {
    const auto& f = side.facts[static_cast<std::size_t>(k)];
    if (std::find(f.intents.begin(), f.intents.end(), rights) == f.intents.end()) return false;
    return std::any_of(f.words.begin(), f.words.end(), [](const query::Word& w) { return w.folded == "you"; });
  };
  for (int j = 0; j < n.size(); ++j) {
    const int i = reworded_partner(n, j);
    if (i < 0 || !n.reportable(j) || !o.reportable(i) || !offers(o, i) || !offers(n, j)) continue;
    const std::set<std::string> was = limiting_words(o.facts[static_cast<std::size_t>(i)].words);
    std::string added;
    for (const std::string& w : limiting_words(n.facts[static_cast<std::size_t>(j)].words))
      if (!was.count(w)) added += (added.empty() ? "\"" : ", \"") + w + "\"";
    if (added.empty()) continue;
    Finding f = make_finding("right-removed", 2, "Choice limited: now " + added + ": " + shorten(n.sentence(j).text, 60),
                             "The reworded sentence still offers a right or choice, limited by " + added);
    locate_pair(f, o, i, n, j);
    if (reported_at(out, f.locations.front())) continue;
    out.push_back(std::move(f));
  }
}

// A way to exercise a right that the new version no longer offers: a paragraph stating a
// right links to a site ("optout.networkadvertising.org") that the new version nowhere
// names, and the paragraph changed. One finding per paragraph, at its first changed sentence.
void compare_right_routes(const Side& o, const Side& n, std::vector<Finding>& out) {
  const Document& od = *o.doc;
  std::vector<int> compared_at(od.sentences.size(), -1);
  for (int i = 0; i < o.size(); ++i) compared_at[static_cast<std::size_t>(o.sents[static_cast<std::size_t>(i)])] = i;
  std::set<int> blocks_done;
  const std::string new_source = lower_case(n.doc->source);  // hosts are compared in lower case
  for (const auto& [id, right] : rights_of(o)) {
    for (int i : right.second) {
      const int b = o.sentence(i).block;
      if (!o.body(i) || !blocks_done.insert(b).second) continue;
      const Block& block = od.blocks[static_cast<std::size_t>(b)];
      int first_changed = -1;
      for (int s : block.sentences)
        if (int k = compared_at[static_cast<std::size_t>(s)]; k >= 0 && o.reportable(k) && o.changed(k)) {
          first_changed = k;
          break;
        }
      if (first_changed < 0) continue;
      std::vector<std::string> gone;
      for (const std::string& host : hosts_in(od, block.first_line, block.last_line))
        if (new_source.find(host) == std::string::npos) gone.push_back(host);
      if (gone.empty()) continue;
      std::string sites;
      for (const std::string& h : gone) sites += (sites.empty() ? "" : ", ") + h;
      const std::string& label = right.first;
      Finding f = right_finding(o, n, first_changed, id, "Way to exercise a right removed: " + label + " (" + shorten(sites, 60) + ")",
                                "The old version offers a right (" + label + ") through " + sites +
                                    "; the new version no longer names it");
      if (reported_at(out, f.locations.front())) continue;
      f.extra["sites"] = gone;
      out.push_back(std::move(f));
    }
  }
}

// A right the new version still mentions, but no longer for what one removed or reworded
// sentence offered it for: "you can limit device identifiers being shared with advertisers"
// deleted while an opt-out of marketing e-mail remains. Each old sentence stating the right
// with a scope (data or recipients it names) that no sentence of the new version stating
// that right covers.
void compare_right_scopes(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out) {
  auto om = rights_of(o), nm = rights_of(n);
  for (const auto& [id, old_right] : om) {
    auto now = nm.find(id);
    if (now == nm.end()) continue;  // gone altogether: compare_rights reports it
    for (int i : old_right.second) {
      if (!o.reportable(i) || !o.changed(i)) continue;
      // Reworded into a sentence that still states the right: the same offer, reworded.
      const int j = reworded_partner(o, i);
      const auto& kept_at = now->second.second;
      if (j >= 0 && std::find(kept_at.begin(), kept_at.end(), j) != kept_at.end()) continue;
      const std::vector<int> scope = scope_of(o, i, lex);
      if (scope.empty()) continue;
      bool kept = false;
      for (int k : now->second.second) kept = kept || covers(n, k, scope, lex);
      if (kept) continue;
      const std::string what = plain_labels(lex, scope);
      const std::string& label = old_right.first;
      out.push_back(right_finding(o, n, i, id, "User right narrowed: " + label + " (" + shorten(what, 60) + ")",
                                  "The old version offers a right (" + label + ") for " + what +
                                      "; the new version offers it, but not for that"));
    }
  }
}

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
    Finding f = right_finding(o, n, said.front(), id, std::string("User right no longer mentioned: ") + label,
                              std::string("The old version describes a right (") + label + "); the new version no longer mentions it");
    f.extra["old_mentions"] = said.size();
    out.push_back(std::move(f));
  }
}

}  // namespace policyq::check::diff
