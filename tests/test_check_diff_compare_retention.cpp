// compare_retention (src/check/diff/compare_retention.cpp): retention periods lengthened
// or shortened. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> retention(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_retention(d.o, d.n, out);
  return out;
}
const std::string head = "# Privacy\n\n## Retention\n\n";
}  // namespace

TEST_CASE("compare retention: a lengthened period is a high retention-changed at both sentences") {
  DiffPasses d(head + "We retain your account data for two years after you close your account.\n",
               head + "We retain your account data for five years after you close your account.\n");
  auto out = retention(d);
  REQUIRE(out.size() == 1);
  const check::Finding& f = out[0];
  CHECK(f.rule == "retention-changed");
  CHECK(f.rank == "high");
  CHECK(f.title == "Retention period lengthened: P2Y \xE2\x86\x92 P5Y");
  CHECK(f.extra["old_period"]["iso"] == "P2Y");
  CHECK(f.extra["new_period"]["iso"] == "P5Y");
  CHECK(f.extra["new_period"]["days"].get<double>() > f.extra["old_period"]["days"].get<double>());
  CHECK(f.extra["direction"] == "longer");
  REQUIRE(f.locations.size() == 2);
  CHECK(f.locations[0].role == "new");
  CHECK(f.locations[1].role == "old");
}

TEST_CASE("compare retention: a shortened period is ranked low") {
  DiffPasses d(head + "We retain your account data for two years after you close your account.\n",
               head + "We retain your account data for one year after you close your account.\n");
  auto out = retention(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rank == "low");
  CHECK(out[0].extra["direction"] == "shorter");
}

TEST_CASE("compare retention: the same period reworded, or an unchanged sentence, is no finding") {
  DiffPasses reworded(head + "We retain your account data for two years after you close your account.\n",
                      head + "We retain your account data for 2 years after you have closed your account.\n");
  CHECK(retention(reworded).empty());
  DiffPasses same(head + "We retain your account data for two years after you close your account.\n",
                  head + "We retain your account data for two years after you close your account.\n\nWe use cookies.\n");
  CHECK(retention(same).empty());
}

TEST_CASE("compare retention: a new sentence is compared with the old ones gone from its section") {
  DiffPasses d(head + "Server logs are stored for 30 days.\n", head + "We keep records of your visits on our servers and store them for 90 days.\n");
  auto out = retention(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["old_period"]["iso"] == "P30D");
  CHECK(out[0].extra["new_period"]["iso"] == "P90D");
  CHECK(out[0].locations[1].quote == "Server logs are stored for 30 days.");
}

TEST_CASE("compare retention: a criterion replaced by a fixed period, or a period dropped, is a medium retention-changed") {
  const std::string head = "# Retention\n\n";
  DiffPasses fixed(head + "We keep your personal information for the duration of our relationship, plus a reasonable period thereafter.\n",
                   head + "We keep your personal information for the duration of our relationship, plus a period of up to three years.\n");
  auto out = retention(fixed);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "retention-changed");
  CHECK(out[0].rank == "medium");
  DiffPasses dropped(head + "We keep your personal information for two years after you close your account.\n",
                     head + "We keep your personal information for as long as we need it after you close your account.\n");
  auto out2 = retention(dropped);
  REQUIRE(out2.size() == 1);
  CHECK(out2[0].rank == "medium");
  CHECK(out2[0].title.find("no longer stated") != std::string::npos);
}
