// match_sections and match_titles_made_plain (src/check/diff/match_sections.cpp): which
// section of the old version is which of the new — by title, renamed, moved — and lines that
// are a title in one version and plain text in the other. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
const std::string rights = "## Your rights\n\nYou can ask for a copy of your data.\n\nYou can ask us to delete it.\n\n";
const std::string cookies = "## Cookies\n\nWe use cookies to remember your settings.\n\nYou can turn them off.\n\n";
const std::string changes = "## Changes\n\nWe may change this policy.\n\nWe will tell you by e-mail.\n\n";

int to_new(const DiffPasses& d, const std::string& old_title) {
  return d.sm.old_to_new[static_cast<std::size_t>(DiffPasses::section_of(d.old_doc, old_title))];
}
}  // namespace

TEST_CASE("match sections: the same title is the same section, however numbered") {
  DiffPasses d("# Policy\n\n## 4. Sharing\n\nWe share nothing.\n\n## 5. Contact\n\nWrite to us.\n",
               "# Policy\n\n## 5. Sharing\n\nWe share nothing.\n\n## 6) Contact\n\nWrite to us.\n");
  d.sections();
  CHECK(to_new(d, "4. Sharing") == DiffPasses::section_of(d.new_doc, "5. Sharing"));
  CHECK(to_new(d, "5. Contact") == DiffPasses::section_of(d.new_doc, "6) Contact"));
  CHECK_FALSE(d.sm.renamed_old[static_cast<std::size_t>(DiffPasses::section_of(d.old_doc, "4. Sharing"))]);
  CHECK(d.sm.moved_old.empty());
}

TEST_CASE("match sections: a new title over the same sentences is a renamed section") {
  DiffPasses d("# Policy\n\n" + rights + cookies, "# Policy\n\n" + rights + "## Tracking technologies\n\n"
                                                  "We use cookies to remember your settings.\n\nYou can turn them off.\n");
  d.sections();
  int old_cookies = DiffPasses::section_of(d.old_doc, "Cookies");
  CHECK(to_new(d, "Cookies") == DiffPasses::section_of(d.new_doc, "Tracking technologies"));
  CHECK(d.sm.renamed_old[static_cast<std::size_t>(old_cookies)]);
  CHECK_FALSE(d.sm.reported_removed(old_cookies));
}

TEST_CASE("match sections: a section out of the order the others keep is moved") {
  DiffPasses d("# Policy\n\n" + rights + cookies + changes, "# Policy\n\n" + cookies + changes + rights);
  d.sections();
  REQUIRE(d.sm.moved_old.size() == 1);
  CHECK(*d.sm.moved_old.begin() == DiffPasses::section_of(d.old_doc, "Your rights"));
}

TEST_CASE("match sections: an unpaired section is reported added or removed whole") {
  DiffPasses d("# Policy\n\n" + rights + cookies, "# Policy\n\n" + rights + changes);
  d.sections();
  int gone = DiffPasses::section_of(d.old_doc, "Cookies"), added = DiffPasses::section_of(d.new_doc, "Changes");
  CHECK(d.sm.old_to_new[static_cast<std::size_t>(gone)] == -1);
  CHECK(d.sm.reported_removed(gone));
  CHECK(d.sm.reported_added(added));
  CHECK_FALSE(d.sm.reported_added(DiffPasses::section_of(d.new_doc, "Your rights")));
  CHECK_FALSE(d.sm.reported_added(-1));
}

TEST_CASE("match sections: a plain line that became a title marks the line, and its section is not new") {
  // a short line alone is read as a title already; with a full stop it stays a sentence
  const std::string old_text = "# Policy\n\n## Use\n\nWe use your email address to send receipts.\n\nLegitimate interests.\n\n"
                               "We analyse how the site is used to improve it.\n";
  const std::string new_text = "# Policy\n\n## Use\n\nWe use your email address to send receipts.\n\n## Legitimate interests\n\n"
                               "We analyse how the site is used to improve it.\n";
  DiffPasses d(old_text, new_text);
  d.sections();
  int line = d.old_index("Legitimate interests.");
  CHECK(d.o.how[static_cast<std::size_t>(line)] == 't');
  CHECK_FALSE(d.o.changed(line));
  int titled = DiffPasses::section_of(d.new_doc, "Legitimate interests");
  CHECK(d.sm.plain_new[static_cast<std::size_t>(titled)]);
  CHECK_FALSE(d.sm.reported_added(titled));
  // and the other way round: a title made plain
  DiffPasses back(new_text, old_text);
  back.sections();
  CHECK(back.n.how[static_cast<std::size_t>(back.new_index("Legitimate interests."))] == 't');
  CHECK_FALSE(back.sm.reported_removed(DiffPasses::section_of(back.old_doc, "Legitimate interests")));
}

TEST_CASE("match sections: a table of contents is not a compared section") {
  DiffPasses d("# Policy\n\n## Contents\n\n* Your rights\n* Cookies\n* Changes\n\n" + rights + cookies + changes,
               "# Policy\n\n" + rights + cookies + changes);
  d.sections();
  int toc = DiffPasses::section_of(d.old_doc, "Contents");
  REQUIRE(toc >= 0);
  CHECK_FALSE(d.sm.compared_old[static_cast<std::size_t>(toc)]);
  CHECK_FALSE(d.sm.reported_removed(toc));
}
