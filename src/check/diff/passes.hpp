#pragma once
// The passes of policyq diff (internal), in the order diff_documents runs them over one
// model of the two versions (model.hpp: two Sides and a SectionMatch):
//
//   build_side               the sentences compared, normalised, as word ids               model.cpp
//   match_sentences          equal text, then split / joined, then most similar (reworded)  match_sentences.cpp
//   match_sections           sections by title, renamed (by content), moved                 match_sections.cpp
//   match_titles_made_plain  a title in one version, a plain line in the other              match_sections.cpp
//   report_sections          section-added / -removed / -renamed / -moved                   report_structure.cpp
//   report_sentences         sentence-added / -removed / -reworded                          report_structure.cpp
//   analyze_practices        the facts (practices, periods) of every body sentence          compare_practices.cpp
//   compare_practices        polarity-flipped, denial-removed, practice-affirmed / -denied  compare_practices.cpp
//   compare_retention        retention-changed                                              compare_retention.cpp
//   compare_ages             age-changed (the age limit of a reworded sentence)             compare_ages.cpp
//   compare_conditions       condition-dropped (gone or loosened), condition-added          compare_practices.cpp
//   compare_scope            practice-widened                                               compare_scope.cpp
//   compare_parties          party-added                                                    compare_parties.cpp
//   compare_rights           right-removed (a right no longer mentioned)                    compare_rights.cpp
//   compare_right_scopes     right-removed (a right no longer offered for what it was)      compare_rights.cpp
//   compare_right_routes     right-removed (a site the right was exercised through, gone)   compare_rights.cpp
//   compare_right_limits     right-removed (a right now limited: "some", "certain")         compare_rights.cpp
//   order_findings, summarize                                                               ../diff.cpp
//
// The matching passes write the Sides' match / how / similarity and the SectionMatch;
// report_* read them; analyze_practices writes the Sides' facts, which compare_* read.
// Findings are appended to out, each pass in document order.
#include "check/diff/model.hpp"
#include "query/lexicon.hpp"

#include <vector>

namespace policyq::check::diff {

// Matches the sentences of o and n: how, match and similarity on both sides.
void match_sentences(Side& o, Side& n, double reword_threshold);

// Which sections of the two versions are the same section, and which moved.
SectionMatch match_sections(const Side& o, const Side& n);
// Marks 't' the sentences that are a section title in the other version, and flags the
// sections they stand for (plain_old / plain_new).
void match_titles_made_plain(Side& o, Side& n, SectionMatch& sm);

// Structure findings, read off the matching.
void report_sections(const Side& o, const Side& n, const SectionMatch& sm, std::vector<Finding>& out);
void report_sentences(const Side& o, const Side& n, const SectionMatch& sm, std::vector<Finding>& out);

// Fills the facts of every body sentence of both sides.
void analyze_practices(Side& o, Side& n, const query::Lexicon& lex);
// A recipient named with a demonstrative ("these partners") takes the more specific one the
// sentence before it in the paragraph named ("advertising partners"). Run by analyze_practices.
void resolve_demonstrative_recipients(Side& side, const query::Lexicon& lex);
// Practice findings, read off the facts of changed sentences.
void compare_practices(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out);
void compare_retention(const Side& o, const Side& n, std::vector<Finding>& out);
// The age limit a reworded sentence names ("children under 18" -> "under 13").
void compare_ages(const Side& o, const Side& n, std::vector<Finding>& out);
void compare_conditions(const Side& o, const Side& n, std::vector<Finding>& out);
void compare_rights(const Side& o, const Side& n, std::vector<Finding>& out);
// A right still mentioned, no longer offered for the data or recipients a removed or
// reworded sentence offered it for.
void compare_right_scopes(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out);
// A changed paragraph stating a right links to a site the new version nowhere names.
void compare_right_routes(const Side& o, const Side& n, std::vector<Finding>& out);
// A reworded sentence still stating a right, limited by a new word ("some", "certain").
void compare_right_limits(const Side& o, const Side& n, std::vector<Finding>& out);
// Data, recipients or purposes a reworded sentence adds to a practice it keeps stating
// (after the passes above: a sentence they reported at medium or higher is not reported again).
void compare_scope(const Side& o, const Side& n, const query::Lexicon& lex, std::vector<Finding>& out);
// Companies a changed sentence names in a data practice ("such as those provided by
// FullStory") that the old version never names (after the passes above, as compare_scope).
void compare_parties(const Side& o, const Side& n, std::vector<Finding>& out);

}  // namespace policyq::check::diff
