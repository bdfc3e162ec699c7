// policyq diff: the public API (diff.hpp) and the pipeline of passes diff_documents runs;
// the passes themselves are in check/diff/ (passes.hpp lists them in order).
#include "check/diff.hpp"
#include "text/language.hpp"
#include "text/spelling.hpp"
#include "check/diff/passes.hpp"

#include "text/utf8.hpp"
#include "util/error.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace policyq::check {

// ---------------------------------------------------------------- text comparison

std::string normalize_text(std::string_view text) {
  std::string out, word;
  out.reserve(text.size());
  // Words are compared in one spelling: "authorise" and "authorize" are the same word.
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += american_spelling(word);
    word.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::next(text, pos);
    if (u_isalnum(static_cast<UChar32>(cp))) {
      utf8::append(word, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    } else if (cp == U'\'' || cp == U'\u2019' || cp == U'\u00AD' || cp == U'\u200B') {
      // apostrophes and invisible marks do not split words ("user's", "users’")
    } else {
      flush();
    }
  }
  flush();
  return out;
}

namespace {

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
    for (auto w : diff::split_words(t)) v.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
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

// ---------------------------------------------------------------- the report

namespace {

using namespace diff;

// The rules diff reports, for the report's rule table (SARIF, JUnit).
const std::vector<RuleInfo>& diff_rules() {
  static const std::vector<RuleInfo> rules = {
      {"polarity-flipped", "A practice the old version denied is affirmed by the new one (\"we do not sell\" -> \"we may sell\")", Severity::error},
      {"denial-removed", "A denial of the old version (\"we do not sell\") is gone from the new one", Severity::error},
      {"practice-affirmed", "The new version affirms a practice the old did not state (a new data type or recipient shared)", Severity::error},
      {"practice-widened", "A reworded sentence states its practice for more data, recipients or purposes (\"including transaction information\")", Severity::error},
      {"party-added", "A changed sentence names a company in a data practice that the old version never names", Severity::warning},
      {"practice-denied", "The new version denies a practice the old did not deny", Severity::info},
      {"retention-changed", "A retention period changed (longer: high, shorter: low)", Severity::error},
      {"age-changed", "The age limit a reworded sentence names changed (\"children under 18\" -> \"under 13\"; lowered: medium)", Severity::warning},
      {"condition-dropped", "A condition on a practice (\"with your consent\") is gone or loosened (consent -> opt-out)", Severity::error},
      {"condition-added", "A protective condition on a practice is new or tightened (opt-out -> consent)", Severity::info},
      {"right-removed", "A user right the old version described is no longer mentioned", Severity::warning},
      {"section-added", "A section is new", Severity::info},
      {"section-removed", "A section is gone", Severity::info},
      {"section-renamed", "A section kept its content under a new title", Severity::info},
      {"section-moved", "A section moved to another place", Severity::info},
      {"sentence-added", "Sentences are new", Severity::info},
      {"sentence-removed", "Sentences are gone", Severity::info},
      {"sentence-reworded", "A sentence was reworded", Severity::info},
      {"not-analysed", "A version is in a language without practice rules: practices were not compared", Severity::info},
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

// The one line that says what was not compared, and why.
Finding not_analysed_note(const Document& doc, const char* role) {
  const std::string lang = language_name(doc.language);
  Finding f = diff::make_finding("not-analysed", 1, "Practices not compared: " + doc.name + " is in " + lang,
                                 "policyq reads data practices in English and French only; only the text of this pair was compared");
  f.locations.push_back({doc.name, 1, 1, "", role});  // the whole file, from its first line
  f.extra["language"] = doc.language;
  return f;
}

}  // namespace

// ---------------------------------------------------------------- the diff

// The passes in order over one model of the two versions: the sides (build_side), their
// sentence matching (how / match / similarity on each side) and section matching; then
// the findings on structure, read off the matching, and on practice, read off the
// sentences' facts; last their order and the summary.
Report diff_documents(const Document& old_doc, const Document& new_doc, const DiffOptions& options) {
  using namespace diff;
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

  // Practices are read in the languages the lexicon is written for; a version in another
  // language gets a note saying so, never a clean bill it did not earn.
  std::vector<Finding> practice;
  const Document* foreign = !has_practice_rules(new_doc.language) ? &new_doc
                            : !has_practice_rules(old_doc.language) ? &old_doc : nullptr;
  if (foreign) {
    practice.push_back(not_analysed_note(*foreign, foreign == &new_doc ? "new" : "old"));
  } else {
    const query::Lexicon& lex = query::Lexicon::builtin();
    analyze_practices(o, n, lex);
    compare_practices(o, n, lex, practice);
    compare_retention(o, n, practice);
    compare_ages(o, n, practice);
    compare_conditions(o, n, practice);
    compare_rights(o, n, practice);
    compare_right_scopes(o, n, lex, practice);
    compare_right_routes(o, n, practice);
    compare_right_limits(o, n, practice);
    compare_scope(o, n, lex, practice);
    compare_parties(o, n, practice);
  }

  Report report;
  report.command = "diff";
  report.inputs = {old_doc.name, new_doc.name};
  report.rules = diff_rules();
  report.findings = order_findings(std::move(practice), std::move(structure));
  report.summary = summarize(report.findings, o, n);
  if (foreign) report.summary["not_analysed"] = {{"what", "practices"}, {"language", foreign->language}, {"file", foreign->name}};
  return report;
}

}  // namespace policyq::check
