// compare_ages (src/check/diff/compare_ages.cpp): the age limit a reworded sentence names.
// Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> ages(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_ages(d.o, d.n, out);
  return out;
}
const std::string head = "# Privacy\n\nWe collect your email address.\n\n## Children\n\n";
}  // namespace

TEST_CASE("compare ages: a minimum age lowered from 18 to 13 is a medium age-changed at the new wording, once") {
  DiffPasses d(head + "Our service is not meant for anyone under 18 years of age. We do not knowingly collect data from children under 18.\n",
               head + "Our service is not meant for anyone under 13 years of age. We do not knowingly collect data from children under 13.\n");
  auto out = ages(d);
  REQUIRE(out.size() == 1);  // the same change in two sentences is one finding
  CHECK(out[0].rule == "age-changed");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].title == "Age limit lowered: 18 \xE2\x86\x92 13");
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[0].quote == "Our service is not meant for anyone under 13 years of age.");
  CHECK(out[0].extra["old_ages"] == std::vector<int>{18});
}

TEST_CASE("compare ages: a raised age limit is low; numbers that are no age limit are no finding") {
  DiffPasses raised(head + "You must be at least 13 to use the service.\n", head + "You must be at least 16 to use the service.\n");
  auto out = ages(raised);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rank == "low");
  DiffPasses days(head + "We answer requests from children under 13 within 15 days.\n",
                  head + "We answer requests from children under 13 within 20 days.\n");
  CHECK(ages(days).empty());
  DiffPasses same(head + "The service is for users 16 and over.\n", head + "The service is only for users 16 and older.\n");
  CHECK(ages(same).empty());
}
