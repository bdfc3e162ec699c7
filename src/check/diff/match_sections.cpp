// match_sections and match_titles_made_plain: which section of the old version is which
// of the new. See passes.hpp.
#include "check/diff.hpp"
#include "check/diff/passes.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

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

}  // namespace

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

// ---------------------------------------------------------------- titles made plain

namespace {

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

// Uses up one of the plain lines marked with the title key of title, if any is left.
bool take_marked(std::map<std::string, int>& marked, const std::string& title) {
  auto it = marked.find(title_key(title));
  if (it == marked.end() || it->second == 0) return false;
  --it->second;
  return true;
}

}  // namespace

// A line that is a paragraph in one version and a section title in the other (a bold line
// recognised as a title, or a heading made plain): formatting. 't' marks such sentences,
// and an unpaired section whose title is such a line of the other version is flagged
// plain: neither the section nor its sentences are reported new or lost. Runs after
// match_sentences (only unmatched lines count) and match_sections (only unpaired sections
// are flagged); section matching reads the sentence matches, never the 't' marks.
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

}  // namespace policyq::check::diff
