// report_sections and report_sentences: the structure findings, read off the matching.
// See passes.hpp.
#include "check/diff/passes.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace policyq::check::diff {

namespace {

// A new section, at its title.
Finding section_added(const Document& new_doc, const Section& sec) {
  Finding f = make_finding("section-added", 1, "Section added: " + shorten(sec.title), "New section \"" + sec.title + "\"");
  f.locations.push_back({new_doc.name, sec.first_line, sec.first_line, sec.title, "new"});
  f.extra["new"] = {{"title", sec.title}, {"anchor", sec.anchor}, {"line", sec.first_line}, {"end_line", sec.last_line}};
  return f;
}

// A section gone: where it would be in the new version, and its title in the old one.
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

}  // namespace

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

// ---------------------------------------------------------------- sentences

namespace {

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

// A reworded pair, at the new sentence, with the old one and their similarity.
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

}  // namespace

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

}  // namespace policyq::check::diff
