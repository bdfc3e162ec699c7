#pragma once
// policyq diff: what a new version of a policy changes compared with an old one.
//
// Structure: sections added / removed / renamed / moved, sentences added / removed /
// reworded. Sentences are compared on their rendered, whitespace- and case-normalised text
// (letters and digits only), never on raw lines, so re-formatting (setext <-> ATX headings,
// escapes, re-wrapping, link URLs, list markers, emphasis) is no change at all. Sentences are
// matched globally: equal normalised text first (also across a split or merge of
// sentences), then the most similar remaining pairs (word-set Jaccard, a bonus for the same
// section) become "reworded".
//
// Practice: the practices of the changed sentences (query::analyze_sentence) are compared
// with those of the whole other version: what the new version affirms or denies that the old
// did not, denials gone or turned into affirmations, retention periods changed, conditions
// dropped, user rights no longer mentioned. Each finding has a rank high / medium / low.
#include "check/report.hpp"
#include "document/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace policyq::check {

struct DiffOptions {
  double reword_threshold = 0.5;  // minimum similarity for two sentences to be "the same, reworded"
};

// Compares two parsed versions. Locations name the documents by Document::name; the new
// side comes first in a finding's locations when it exists.
Report diff_documents(const Document& old_doc, const Document& new_doc, const DiffOptions& options = {});

// "high" 3, "medium" 2, "low" 1, anything else 0.
int rank_value(std::string_view rank);
// True when the report has a finding ranked at or above fail_on ("high", "medium", "low");
// "never" is always false. Throws Error for other names.
bool diff_fails(const Report& report, const std::string& fail_on);

// Text compared between versions: lower-cased runs of letters and digits joined by single
// spaces (markup, punctuation, quotes and whitespace differences vanish).
std::string normalize_text(std::string_view text);
// Similarity of two normalised texts in [0, 1]: Jaccard index of their word sets.
double text_similarity(std::string_view a, std::string_view b);

}  // namespace policyq::check
