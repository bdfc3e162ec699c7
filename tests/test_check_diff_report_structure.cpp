// report_sections and report_sentences (src/check/diff/report_structure.cpp): the structure
// findings read off the matching. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;
using policyq::testing::findings_of;

namespace {
const std::string rights = "## Your rights\n\nYou can ask for a copy of your data.\n\nYou can ask us to delete it.\n\n";
const std::string cookies = "## Cookies\n\nWe use cookies to remember your settings.\n\nYou can turn them off.\n\n";
const std::string changes = "## Changes\n\nWe may change this policy.\n\nWe will tell you by e-mail.\n\n";

std::vector<check::Finding> structure(DiffPasses& d) {
  d.sections();
  std::vector<check::Finding> out;
  report_sections(d.o, d.n, d.sm, out);
  report_sentences(d.o, d.n, d.sm, out);
  return out;
}
}  // namespace

TEST_CASE("report structure: nothing changed, nothing reported") {
  DiffPasses d("# Policy\n\n" + rights + cookies, "# Policy\n\n" + rights + cookies);
  CHECK(structure(d).empty());
}

TEST_CASE("report structure: a new section is one section-added, its sentences not reported one by one") {
  DiffPasses d("# Policy\n\n" + rights, "# Policy\n\n" + rights + changes);
  auto out = structure(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "section-added");
  CHECK(out[0].rank == "low");
  CHECK(out[0].title == "Section added: Changes");
  REQUIRE(out[0].locations.size() == 1);
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].line == 9);
  CHECK(out[0].extra["new"]["title"] == "Changes");
}

TEST_CASE("report structure: a removed section points where it would be in the new version, then at its old title") {
  DiffPasses d("# Policy\n\n" + rights + cookies + changes, "# Policy\n\n" + rights + changes);
  auto out = structure(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "section-removed");
  REQUIRE(f.locations.size() == 2);
  CHECK(f.locations[0].role == "new");
  CHECK(f.locations[0].line == 7);  // after "You can ask us to delete it.", still there
  CHECK(f.locations[0].quote.empty());
  CHECK(f.locations[1].role == "old");
  CHECK(f.locations[1].line == 9);
  CHECK(f.locations[1].quote == "Cookies");
}

TEST_CASE("report structure: renamed and moved sections name both titles") {
  DiffPasses renamed("# Policy\n\n" + rights + cookies,
                     "# Policy\n\n" + rights + "## Tracking technologies\n\nWe use cookies to remember your settings.\n\nYou can turn them off.\n");
  auto out = structure(renamed);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "section-renamed");
  CHECK(out[0].message == "Section \"Cookies\" is now titled \"Tracking technologies\"");
  CHECK(out[0].extra["old"]["title"] == "Cookies");
  CHECK(out[0].extra["new"]["title"] == "Tracking technologies");
  DiffPasses moved("# Policy\n\n" + rights + cookies + changes, "# Policy\n\n" + cookies + changes + rights);
  auto m = structure(moved);
  REQUIRE(m.size() == 1);
  CHECK(m[0].rule == "section-moved");
  CHECK(m[0].title == "Section moved: Your rights");
  CHECK(m[0].locations[0].role == "new");
  CHECK(m[0].locations[1].role == "old");
}

TEST_CASE("report structure: new sentences running on in one paragraph are one sentence-added") {
  DiffPasses d("# Policy\n\n" + rights,
               "# Policy\n\n## Your rights\n\nYou can ask for a copy of your data. We answer within a month. We charge nothing.\n\n"
               "You can ask us to delete it.\n");
  auto out = structure(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "sentence-added");
  CHECK(f.message == "2 sentences added in \"Your rights\"");
  CHECK(f.extra["sentences"] == 2);
  CHECK(f.locations[0].quote == "We answer within a month. We charge nothing.");
}

TEST_CASE("report structure: a removed sentence points where it was, and quotes it on the old side") {
  DiffPasses d("# Policy\n\n" + rights, "# Policy\n\n## Your rights\n\nYou can ask for a copy of your data.\n");
  auto out = structure(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "sentence-removed");
  CHECK(out[0].title == "Removed: You can ask us to delete it.");
  REQUIRE(out[0].locations.size() == 2);
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].line == 5);
  CHECK(out[0].locations[1].role == "old");
  CHECK(out[0].locations[1].line == 7);
}

TEST_CASE("report structure: a reworded sentence carries both quotes and its similarity") {
  DiffPasses d("# Policy\n\nWe keep your data for two years.\n", "# Policy\n\nWe keep your data for five years.\n");
  auto out = structure(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "sentence-reworded");
  CHECK(f.locations[0].quote == "We keep your data for five years.");
  CHECK(f.locations[1].quote == "We keep your data for two years.");
  CHECK(f.extra["similarity"].get<double>() == doctest::Approx(0.75));
  CHECK(findings_of(out, "sentence-added").empty());
}

TEST_CASE("report structure: sections added and removed come first, then sentences added, removed, reworded") {
  const std::string old_rights = rights + "We keep your data for two years.\n\nWe send a newsletter every week to subscribers.\n\n";
  const std::string new_rights = rights + "We keep your data for five years.\n\nWe answer letters within a month.\n\n";
  DiffPasses d("# Policy\n\n" + old_rights + cookies, "# Policy\n\n" + new_rights + changes);
  auto out = structure(d);
  std::string rules;
  for (const auto& f : out) rules += f.rule + " ";
  CHECK(rules == "section-added section-removed sentence-added sentence-removed sentence-reworded ");
}
