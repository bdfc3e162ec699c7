#pragma once
// Test helper for the passes of policyq diff (src/check/diff/passes.hpp): two small
// versions written in a test, parsed, and run through the pipeline up to the pass under test.
#include "check/diff/passes.hpp"
#include "document/document.hpp"
#include "query/lexicon.hpp"

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace policyq::testing {

struct DiffPasses {
  Document old_doc, new_doc;
  std::unordered_map<std::string, int> word_ids;
  check::diff::Side o, n;
  check::diff::SectionMatch sm;

  // The two sides built (build_side), nothing matched yet.
  DiffPasses(const std::string& old_text, const std::string& new_text)
      : old_doc(parse_document("old.md", old_text)), new_doc(parse_document("new.md", new_text)) {
    check::diff::build_side(o, old_doc, word_ids);
    check::diff::build_side(n, new_doc, word_ids);
  }
  DiffPasses(const DiffPasses&) = delete;  // the sides point at the documents
  DiffPasses& operator=(const DiffPasses&) = delete;

  // Runs the passes up to and including the one named; each runs once.
  DiffPasses& matched(double reword_threshold = 0.5) {
    check::diff::match_sentences(o, n, reword_threshold);
    return *this;
  }
  DiffPasses& sections() {
    matched();
    sm = check::diff::match_sections(o, n);
    check::diff::match_titles_made_plain(o, n, sm);
    return *this;
  }
  DiffPasses& analyzed() {
    sections();
    check::diff::analyze_practices(o, n, query::Lexicon::builtin());
    return *this;
  }

  // The compared index of the sentence of a side whose text is text (the test fails when none is).
  static int index_of(const check::diff::Side& side, const std::string& text) {
    for (int i = 0; i < side.size(); ++i)
      if (side.sentence(i).text == text) return i;
    FAIL_CHECK("no compared sentence \"" << text << "\"");
    return -1;
  }
  int old_index(const std::string& text) const { return index_of(o, text); }
  int new_index(const std::string& text) const { return index_of(n, text); }
  // The section of a document titled title, -1 when none is.
  static int section_of(const Document& doc, const std::string& title) {
    for (std::size_t s = 0; s < doc.sections.size(); ++s)
      if (doc.sections[s].title == title) return static_cast<int>(s);
    return -1;
  }
};

// The findings of a rule, in the order a pass made them.
inline std::vector<const check::Finding*> findings_of(const std::vector<check::Finding>& all, const std::string& rule) {
  std::vector<const check::Finding*> out;
  for (const auto& f : all)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

}  // namespace policyq::testing
