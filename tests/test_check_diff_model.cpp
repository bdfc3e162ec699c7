// The model the passes of policyq diff share (src/check/diff/model.cpp): title keys, the
// sides, and where a finding points. Versions written for these tests.
#include "check/diff/model.hpp"
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

TEST_CASE("diff model: a title key drops case, punctuation and leading numbering") {
  CHECK(title_key("4.2 Your Rights") == "your rights");
  CHECK(title_key("IV. Your rights") == "your rights");
  CHECK(title_key("b) Your rights") == "your rights");
  CHECK(title_key("Your Rights!") == "your rights");
  // a title that is only a number keeps it: nothing follows to be the title
  CHECK(title_key("2024") == "2024");
}

TEST_CASE("diff model: a side compares the sentences of blocks, keyed by their section's title") {
  // titles are sections, not sentences; a rule has no words
  DiffPasses d("# Privacy\n\nWe collect your name.\n\n---\n\n## 3. Cookies\n\nWe use cookies.\n", "# Privacy\n");
  const Side& o = d.o;
  REQUIRE(o.size() == 2);
  CHECK(o.sentence(0).text == "We collect your name.");
  CHECK(o.norm[0] == "we collect your name");
  CHECK(o.section_key[0] == "privacy");
  CHECK(o.section_key[1] == "cookies");
  CHECK(o.body(1));
  CHECK(o.reportable(1));
  CHECK_FALSE(o.heading(1));
  // nothing matched yet
  for (int i = 0; i < o.size(); ++i) {
    CHECK(o.match[static_cast<std::size_t>(i)] == -1);
    CHECK(o.how[static_cast<std::size_t>(i)] == 0);
    CHECK(o.changed(i));
  }
}

TEST_CASE("diff model: the same word has the same id on both sides") {
  DiffPasses d("# P\n\nWe use cookies.\n", "# P\n\nCookies we use, always.\n");
  const auto& a = d.o.tokens[static_cast<std::size_t>(d.old_index("We use cookies."))];
  const auto& b = d.n.tokens[static_cast<std::size_t>(d.new_index("Cookies we use, always."))];
  REQUIRE(a.size() == 3);
  REQUIRE(b.size() == 4);
  for (int id : a) CHECK(std::find(b.begin(), b.end(), id) != b.end());
}

TEST_CASE("diff model: list items naming sections of the document are a table of contents, matched but never reported") {
  DiffPasses d("# Policy\n\n## Overview\n\nIn short:\n\n* We collect your name when you register.\n* Your rights\n"
               "* We keep your data for two years after you leave.\n\n## Your rights\n\nYou can ask for a copy.\n",
               "# Policy\n");
  const Side& o = d.o;
  int entry = d.old_index("Your rights"), item = d.old_index("We collect your name when you register.");
  CHECK(o.toc[static_cast<std::size_t>(entry)]);
  CHECK(o.body(entry));
  CHECK_FALSE(o.reportable(entry));
  CHECK_FALSE(o.toc[static_cast<std::size_t>(item)]);
  CHECK(o.reportable(item));
}

TEST_CASE("diff model: a removed sentence points after the new place of the sentence before it") {
  DiffPasses d("# P\n\nFirst we collect.\n\nThen we store.\n\nLast we delete.\n", "# P\n\nFirst we collect.\n\nLast we delete.\n");
  d.matched();
  check::Location at = removal_point(d.o, d.n, d.old_index("Then we store."));
  CHECK(at.file == "new.md");
  CHECK(at.role == "new");
  CHECK(at.line == 3);
  CHECK(at.quote.empty());
  // with nothing left before it: before the sentence after it
  DiffPasses first("Alpha beta gamma.\n\nDelta epsilon zeta.\n", "Something new here.\n\nDelta epsilon zeta.\n");
  first.matched();
  CHECK(removal_point(first.o, first.n, first.old_index("Alpha beta gamma.")).line == 3);
}

TEST_CASE("diff model: only a reworded sentence has a reworded partner") {
  DiffPasses d("# P\n\nWe keep your data for two years.\n\nWe use cookies.\n",
               "# P\n\nWe keep your data for five years.\n\nWe use cookies.\n");
  d.matched();
  int old_kept = d.old_index("We keep your data for two years."), new_kept = d.new_index("We keep your data for five years.");
  CHECK(reworded_partner(d.o, old_kept) == new_kept);
  CHECK(reworded_partner(d.n, new_kept) == old_kept);
  CHECK(reworded_partner(d.o, d.old_index("We use cookies.")) == -1);  // equal, not reworded
}

TEST_CASE("diff model: findings carry rank, severity and shortened titles") {
  check::Finding f = make_finding("section-added", 3, "title", "message");
  CHECK(f.rank == "high");
  CHECK(f.severity == check::Severity::error);
  CHECK(make_finding("x", 2, "", "").severity == check::Severity::warning);
  CHECK(make_finding("x", 1, "", "").rank == "low");
  CHECK(shorten("short") == "short");
  std::string cut = shorten("one two three four five six seven eight nine ten", 20);
  CHECK(cut == "one two three four\xE2\x80\xA6");
  // never inside a character: "é" is two bytes
  std::string accents(30, 'a');
  accents.replace(19, 0, "\xC3\xA9");
  CHECK(shorten(accents, 20) == std::string(19, 'a') + "\xE2\x80\xA6");
}

TEST_CASE("diff model: a sentence's location and extra name its lines, text and section") {
  DiffPasses d("# Policy\n\n## Cookies\n\nWe use\ncookies.\n", "# Policy\n");
  int i = d.old_index("We use cookies.");
  check::Location l = sentence_location(d.o, i, "old");
  CHECK(l.file == "old.md");
  CHECK(l.line == 5);
  CHECK(l.end_line == 6);
  CHECK(l.quote == "We use cookies.");
  auto j = sentence_extra(d.o, i);
  CHECK(j["section"] == "Cookies");
  CHECK(j["line"] == 5);
  CHECK(j["end_line"] == 6);
}
