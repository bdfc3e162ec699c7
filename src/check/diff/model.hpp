#pragma once
// The model the passes of policyq diff share (internal; the passes are in passes.hpp): the
// two versions as Sides — the sentences compared, their normalised text and words, and how
// each is matched to the other version — and how their sections correspond (SectionMatch).
// Also where a finding points: a sentence, or where a removed one would be.
#include "check/report.hpp"
#include "document/document.hpp"
#include "query/answer.hpp"
#include "query/practices.hpp"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policyq::check::diff {

// The words of a normalised text (check::normalize_text), split at its single spaces.
std::vector<std::string_view> split_words(std::string_view norm);

// A section title for matching: normalised, leading numbering dropped ("4.2 Your Rights",
// "IV. Your rights", "b) Your rights" -> "your rights"), so renumbering is no change.
std::string title_key(std::string_view title);

// One version as the passes see it. Sentences are "compared indexes" into sents: every
// sentence of a block (not a section title) that has letters or digits.
struct Side {
  const Document* doc = nullptr;
  std::vector<int> sents;                 // sentence indexes compared (in a block, not empty)
  std::vector<std::string> norm;          // normalised text, per compared sentence
  std::vector<std::vector<int>> tokens;   // sorted unique word ids
  std::vector<int> match;                 // compared index on the other side, -1 when none
  std::vector<char> how;                  // 'e' equal, 's' split/merge, 'r' reworded, 't' a title made
                                          // plain (match_titles_made_plain), 0 none
  std::vector<double> similarity;
  std::vector<std::string> section_key;   // normalised title of the enclosing body section
  std::vector<query::SentenceFacts> facts;  // per compared sentence (body sentences only; analyze_practices)
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

// Fills s from doc, unmatched. word_ids numbers words across both sides (one map for both).
void build_side(Side& s, const Document& doc, std::unordered_map<std::string, int>& word_ids);

// The sentence a reworded sentence became (or came from), -1 for any other.
int reworded_partner(const Side& side, int i);

// How the sections of the two versions correspond (match_sections, match_titles_made_plain).
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

// ---- findings: rank, wording, where they point

Severity rank_severity(int rank);  // 3 error, 2 warning, else info
const char* rank_name(int rank);   // 3 "high", 2 "medium", else "low"
Finding make_finding(std::string rule, int rank, std::string title, std::string message);
// text cut to at most max bytes (at a space when one is near, never inside a character), "…" added
std::string shorten(const std::string& text, std::size_t max = 80);

// Compared sentence i of s, quoted, in the role "old" or "new".
Location sentence_location(const Side& s, int i, const char* role);
// Its line, end line, text and the title of its body section, for a finding's JSON.
nlohmann::json sentence_extra(const Side& s, int i);
// Where old sentence i would be in the new version (a line of the new file, no quote).
Location removal_point(const Side& o, const Side& n, int i);
// Points f at new sentence j and the old sentence i it was reworded from: locations (new
// first) and the "new" / "old" JSON fields.
void locate_pair(Finding& f, const Side& o, int i, const Side& n, int j);
// A finding ranked medium or higher already names this place (same role, same line).
bool reported_at(const std::vector<Finding>& out, const Location& at);

// The class an action is compared in ("rent" is a sale, "disclose" sharing); "" for
// actions not compared.
std::string action_class(const std::string& action);
// The plain labels of concepts, each once, joined by ", ".
std::string plain_labels(const query::Lexicon& lex, const std::vector<int>& concepts);
// A recipient that exposes what it receives: advertisers, data brokers, social networks,
// the public (a new sharing with them is high).
bool exposing_recipient(const query::Lexicon& lex, int c);

}  // namespace policyq::check::diff
