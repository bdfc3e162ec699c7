// compare_rights (src/check/diff/compare_rights.cpp): user rights the new version no longer
// mentions. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> rights(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_rights(d.o, d.n, out);
  return out;
}
const std::string head = "# Privacy\n\nWe collect your email address.\n\n## Your rights\n\n";
const std::string portability = "You have the right to data portability.\n\n";
const std::string complaint = "You may lodge a complaint with a supervisory authority.\n";
}  // namespace

TEST_CASE("compare rights: a right no longer mentioned is a medium right-removed at its old sentence") {
  DiffPasses d(head + portability + complaint, head + complaint);
  auto out = rights(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "right-removed");
  CHECK(f.rank == "medium");
  CHECK(f.extra["right"] == "right_to_portability");
  CHECK(f.extra["old_mentions"] == 1);
  REQUIRE(f.locations.size() == 2);
  CHECK(f.locations[0].role == "new");  // where it was
  CHECK(f.locations[0].quote.empty());
  CHECK(f.locations[1].role == "old");
  CHECK(f.locations[1].line == 7);
}

TEST_CASE("compare rights: a right still mentioned, in other words or elsewhere, is no finding") {
  DiffPasses moved(head + portability + complaint, head + complaint + "\nYou have the right to data portability.\n");
  CHECK(rights(moved).empty());
  DiffPasses reworded(head + portability + complaint, head + "You also have a right to data portability.\n\n" + complaint);
  CHECK(rights(reworded).empty());
}

TEST_CASE("compare rights: a right gone from a reworded sentence points at its new wording") {
  DiffPasses d(head + "You have the right to data portability and the right to lodge a complaint with a supervisory authority.\n",
               head + "You have the right to lodge a complaint with a supervisory authority.\n");
  auto out = rights(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["right"] == "right_to_portability");
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].quote == "You have the right to lodge a complaint with a supervisory authority.");
}
