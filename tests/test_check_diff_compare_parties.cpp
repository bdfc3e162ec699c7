// compare_parties (src/check/diff/compare_parties.cpp): a company the new version names in a
// data practice that the old version never names. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace policyq;
using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
std::vector<check::Finding> parties(DiffPasses& d) {
  d.analyzed();
  std::vector<check::Finding> out;
  compare_parties(d.o, d.n, out);
  return out;
}
const std::string intro = "# Privacy\n\nWe collect your email address when you register.\n\n";
}  // namespace

TEST_CASE("compare parties: a session-replay vendor named anew in a collection is a medium party-added") {
  DiffPasses d(intro + "We use cookies to understand how visitors use the site.\n",
               intro + "We use cookies to understand how visitors use the site.\n\n"
                       "We also use session-replay tools, such as those provided by FullStory, to record your interactions with the site.\n");
  auto out = parties(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "party-added");
  CHECK(out[0].rank == "medium");
  CHECK(out[0].extra["parties"][0] == "FullStory");
}

TEST_CASE("compare parties: a company the old version named, a law or a place, or a sentence without a practice, is no finding") {
  DiffPasses known(intro + "We share your email address with Mailchimp to send newsletters.\n",
                   intro + "We share your email address and name with Mailchimp to send our newsletters.\n");
  CHECK(parties(known).empty());
  DiffPasses law(intro + "We collect your location.\n",
                 intro + "We collect your location as required by Virginia law and share it with California authorities.\n");
  CHECK(parties(law).empty());
  DiffPasses plain(intro, intro + "Our offices are run by Acme Holdings in Dublin.\n");
  CHECK(parties(plain).empty());
}

TEST_CASE("compare parties: every company of a list is named, and a sentence naming a kind of recipient is about a practice") {
  const std::string ads = "We share your device identifier with advertising partners, such as Rokt.\n\n";
  DiffPasses d(intro + ads + "This includes advertising partners such as Rokt.\n",
               intro + ads + "This includes advertising partners, such as Google, Criteo and Rokt.\n");
  auto out = parties(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["parties"] == std::vector<std::string>{"Google", "Criteo"});
  CHECK(out[0].rank == "high");  // named among advertisers
}

TEST_CASE("compare parties: French lists of companies ('tels que Google, Criteo ainsi que Rokt')") {
  const std::string fr = "# Confidentialité\n\nNous collectons votre adresse e-mail.\n\n";
  DiffPasses d(fr + "Nous partageons des données avec des intermédiaires publicitaires, tels que Rokt.\n",
               fr + "Nous partageons des données avec des intermédiaires publicitaires, tels que Criteo ainsi que Rokt.\n");
  auto out = parties(d);
  REQUIRE(out.size() == 1);
  CHECK(out[0].extra["parties"] == std::vector<std::string>{"Criteo"});
}
