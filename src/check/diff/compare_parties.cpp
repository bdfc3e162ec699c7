// compare_parties: a company the new version names as taking part in a practice ("session-
// replay technologies, such as those provided by FullStory, who records your interactions")
// that the old version never names. See passes.hpp.
#include "check/diff/passes.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace policyq::check::diff {

namespace {

using std::string_view_literals::operator""sv;

bool capital(std::string_view text, std::size_t at) {
  return at < text.size() && text[at] >= 'A' && text[at] <= 'Z';
}

// Words that introduce the companies a practice involves: "such as FullStory", "provided
// by Criteo", "including Google", "with Rokt".
bool introduces_party(std::string_view w) {
  return w == "by"sv || w == "as"sv || w == "including"sv || w == "like"sv || w == "with"sv || w == "to"sv ||
         w == "from"sv || w == "e.g"sv ||
         // French: "tels que", "y compris", "comme", "fournis par", "avec", "à"
         w == "que"sv || w == "compris"sv || w == "comme"sv || w == "par"sv || w == "avec"sv || w == "\xC3\xA0"sv;
}

// Words that go on a list of companies: "Google, Criteo and Rokt", "Google, Criteo ainsi que Rokt".
bool continues_list(std::string_view w) { return w == ","sv || w == "and"sv || w == "or"sv || w == "et"sv || w == "ou"sv; }

// Capitalised words that are no company: the first word of a sentence is checked by the
// caller; these are laws, places, days and months that follow the same prepositions.
bool not_a_company(std::string_view w) {
  static const std::vector<std::string_view> words = {
      "act", "law", "laws", "regulation", "directive", "code", "gdpr", "ccpa", "cpra", "eu", "eea", "uk", "us",
      "united", "states", "european", "union", "california", "canada", "switzerland", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "privacy", "policy", "notice", "terms", "services", "service", "site", "app", "you", "your", "our", "we",
      "settings", "section", "cookie", "cookies", "the", "a", "an", "this", "these", "i", "ii", "iii"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// The companies a sentence names after a word that introduces a party: capitalised words
// (a name of one or two words) not at the start of the sentence.
std::vector<std::string> named_parties(const query::SentenceFacts& f, std::string_view text) {
  std::vector<std::string> out;
  const auto& W = f.words;
  std::size_t last_party = 0;  // word index of the last company found (0: none yet)
  for (std::size_t k = 1; k < W.size(); ++k) {
    if (W[k].punct || !capital(text, W[k].begin) || not_a_company(W[k].folded)) continue;
    std::size_t p = k - 1;
    while (p > 0 && W[p].punct && W[p].folded == ",") --p;
    // the next name of a list that began with a company ("such as Google, Criteo and Rokt")
    const bool listed = last_party > 0 && k >= 2 && continues_list(W[k - 1].folded) && last_party + 2 >= k - 1;
    if (!introduces_party(W[p].folded) && !listed) continue;
    // "Virginia law", "California residents", "EU authorities": a place, not a company.
    if (k + 1 < W.size()) {
      const std::string_view next = W[k + 1].folded;
      if (next == "law"sv || next == "laws"sv || next == "act"sv || next == "residents"sv || next == "authorities"sv ||
          next == "courts"sv || next == "regulations"sv || next == "government"sv || next == "state"sv || next == "consumers"sv)
        continue;
    }
    out.emplace_back(text.substr(W[k].begin, W[k].end - W[k].begin));
    last_party = k;
  }
  return out;
}

// A practice where data is collected, used or handed on, affirmed; or a specific kind of
// recipient named ("this includes advertising intermediaries, such as Google"), whose
// companies the practice around the sentence hands data to.
bool states_handling(const query::SentenceFacts& f, const query::Lexicon& lex) {
  for (const query::Practice& p : f.practices)
    if (!p.negative && (query::is_share_action(p.action) || query::is_collect_action(p.action))) return true;
  for (int c : f.concepts)
    if (lex.entry(c).kind == query::Kind::recipient && !lex.entry(c).generic) return true;
  return false;
}

// The sentence names advertisers, data brokers, social networks or the public.
bool names_exposing_recipient(const query::SentenceFacts& f, const query::Lexicon& lex) {
  return std::any_of(f.concepts.begin(), f.concepts.end(), [&](int c) { return exposing_recipient(lex, c); });
}

}  // namespace

void compare_parties(const Side& o, const Side& n, std::vector<Finding>& out) {
  const std::string_view old_source = o.doc->source;
  for (int j = 0; j < n.size(); ++j) {
    if (!n.reportable(j) || !n.changed(j)) continue;
    const auto& nf = n.facts[static_cast<std::size_t>(j)];
    if (!states_handling(nf, query::Lexicon::builtin())) continue;
    std::vector<std::string> fresh;
    for (const std::string& name : named_parties(nf, n.sentence(j).text))
      if (name.size() >= 3 && old_source.find(name) == std::string_view::npos &&
          std::find(fresh.begin(), fresh.end(), name) == fresh.end())
        fresh.push_back(name);
    if (fresh.empty()) continue;
    const Location at = sentence_location(n, j, "new");
    if (reported_at(out, at)) continue;
    std::string names;
    for (const std::string& s : fresh) names += (names.empty() ? "" : ", ") + s;
    // A company named among advertisers, data brokers or social networks receives data to
    // expose it: high, as a new sharing with them is.
    const int rank = names_exposing_recipient(nf, query::Lexicon::builtin()) ? 3 : 2;
    Finding f = make_finding("party-added", rank, "New party in a data practice: " + shorten(names, 60),
                             "The new version names " + names + " in a practice with your data; the old version never names " +
                                 (fresh.size() == 1 ? "it" : "them"));
    f.locations.push_back(at);
    if (int i = reworded_partner(n, j); i >= 0) {
      f.locations.push_back(sentence_location(o, i, "old"));
      f.extra["old"] = sentence_extra(o, i);
    }
    f.extra["new"] = sentence_extra(n, j);
    f.extra["parties"] = fresh;
    out.push_back(std::move(f));
  }
}

}  // namespace policyq::check::diff
