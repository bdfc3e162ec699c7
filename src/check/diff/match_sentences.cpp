// match_sentences: which sentence of the old version is which of the new. See passes.hpp.
#include "check/diff.hpp"
#include "check/diff/passes.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace policyq::check::diff {

namespace {

// Records on both sides that old sentence i and new sentence j are the same sentence.
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

}  // namespace

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

}  // namespace policyq::check::diff
