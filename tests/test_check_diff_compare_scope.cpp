// compare_scope (src/check/diff/compare_scope.cpp): a reworded sentence that states its
// practice for more data, recipients or purposes than before. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> scope(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_scope(d.o, d.n, query::Lexicon::builtin(), out);
  return out;
}
const std::string intro = "# Privacy\n\nWe collect your email address when you register.\n\n";
}  // namespace

TEST_CASE("compare scope: data added to a kept sharing with advertisers is a high practice-widened") {
  DiffPasses d(intro + "We share your device identifiers and browsing history with our advertising partners.\n",
               intro + "We share your device identifiers, browsing history and purchase history with our advertising partners.\n");
  auto out = scope(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "practice-widened");
  CHECK(out[0].rank == "high");
  CHECK(out[0].title.find("purchase history") != std::string::npos);
  REQUIRE(out[0].locations.size() == 2);
  CHECK(out[0].locations[0].role == "new");
  CHECK(out[0].locations[1].role == "old");
}

TEST_CASE("compare scope: a purpose added to a kept use is a medium practice-widened") {
  DiffPasses d(intro + "We use your location to provide the service and for analytics.\n",
               intro + "We use your location to provide the service, for analytics and for advertising purposes.\n");
  auto out = scope(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rank == "medium");
}

TEST_CASE("compare scope: one data type named for another is a low rewording, not a widening") {
  DiffPasses d(intro + "We use this mobile phone number solely to send you a link to download our app.\n",
               intro + "We use this device identifier solely to send you a link to download our app.\n");
  auto out = scope(d);
  for (const auto& f : out) CHECK(f.rank == "low");
}

TEST_CASE("compare scope: data named only in a denial, or a sentence not reworded, is no finding") {
  DiffPasses denial(intro + "We share your email address with service providers.\n",
                    intro + "We share your email address with service providers, but we do not share your location with them.\n");
  CHECK(scope(denial).empty());
  DiffPasses same(intro + "We share your email address with service providers.\n",
                  intro + "We share your email address with service providers.\n");
  CHECK(scope(same).empty());
}
