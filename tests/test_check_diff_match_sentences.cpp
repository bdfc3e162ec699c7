// match_sentences (src/check/diff/match_sentences.cpp): which sentence of the old version is
// which of the new: equal text, equal once addresses and spaces are set aside, split or
// joined, and the most similar remaining pairs. Versions written for these tests.
#include "diff_passes.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq::check::diff;
using policyq::testing::DiffPasses;

namespace {
char how(const Side& side, int i) { return side.how[static_cast<std::size_t>(i)]; }
int match(const Side& side, int i) { return side.match[static_cast<std::size_t>(i)]; }
}  // namespace

TEST_CASE("match sentences: equal text is equal whatever its markup, case or wrapping") {
  DiffPasses d("# P\n\nWe use **cookies** to remember you.\n\nWe sell nothing.\n",
               "# P\n\nWe sell nothing.\n\nWe use cookies\nto REMEMBER you.\n");
  d.matched();
  int o_cookies = d.old_index("We use cookies to remember you."), n_cookies = d.new_index("We use cookies to REMEMBER you.");
  CHECK(how(d.o, o_cookies) == 'e');
  CHECK(match(d.o, o_cookies) == n_cookies);
  CHECK(match(d.n, n_cookies) == o_cookies);
  CHECK(d.o.similarity[static_cast<std::size_t>(o_cookies)] == 1);
  CHECK(how(d.n, d.new_index("We sell nothing.")) == 'e');
}

TEST_CASE("match sentences: a repeated sentence pairs in document order") {
  DiffPasses d("# P\n\nSee below.\n\nFirst part.\n\nSee below.\n", "# P\n\nSee below.\n\nSecond part.\n\nSee below.\n");
  d.matched();
  CHECK(match(d.o, 0) == 0);
  CHECK(match(d.o, 2) == 2);
}

TEST_CASE("match sentences: a changed URL, a hidden e-mail address or a split word is equal") {
  DiffPasses d("# P\n\nVisit https://example.com/en-us/privacy or write to privacy@example.com today.\n\n"
               "We may read your phonebook.\n",
               "# P\n\nVisit https://example.com/en-gb/privacy or write to [email protected] today.\n\n"
               "We may read your phone book.\n");
  d.matched();
  CHECK(how(d.o, 0) == 'e');
  CHECK(how(d.o, 1) == 'e');
}

TEST_CASE("match sentences: a sentence split in two, or two joined, is matched to the run") {
  DiffPasses d("# P\n\nWe collect your name, and we collect your email address.\n",
               "# P\n\nWe collect your name. And we collect your email address.\n");
  d.matched();
  REQUIRE(d.n.size() == 2);
  CHECK(how(d.o, 0) == 's');
  CHECK(match(d.o, 0) == 0);
  CHECK(how(d.n, 0) == 's');
  CHECK(how(d.n, 1) == 's');
  CHECK(match(d.n, 1) == 0);
  // and the other way round
  DiffPasses joined("# P\n\nWe collect your name. And we collect your email address.\n",
                    "# P\n\nWe collect your name, and we collect your email address.\n");
  joined.matched();
  CHECK(how(joined.o, 0) == 's');
  CHECK(how(joined.o, 1) == 's');
  CHECK(how(joined.n, 0) == 's');
}

TEST_CASE("match sentences: the most similar remaining pair is reworded, with its word-set similarity") {
  DiffPasses d("# P\n\nWe keep your data for two years.\n", "# P\n\nWe keep your data for five years.\n");
  d.matched();
  CHECK(how(d.o, 0) == 'r');
  CHECK(how(d.n, 0) == 'r');
  CHECK(match(d.n, 0) == 0);
  // 6 words shared of 8 in all
  CHECK(d.n.similarity[0] == doctest::Approx(0.75));
  CHECK(d.o.changed(0));
}

TEST_CASE("match sentences: below the threshold a changed sentence is removed and another added") {
  DiffPasses d("# P\n\nWe keep your data for two years.\n", "# P\n\nWe keep your data for five years.\n");
  d.matched(0.8);
  CHECK(how(d.o, 0) == 0);
  CHECK(match(d.o, 0) == -1);
  CHECK(how(d.n, 0) == 0);
  DiffPasses unrelated("# P\n\nWe use cookies.\n", "# P\n\nYou may write to our office.\n");
  unrelated.matched();
  CHECK(how(unrelated.o, 0) == 0);
  CHECK(how(unrelated.n, 0) == 0);
}

TEST_CASE("match sentences: an equal sentence elsewhere wins over a similar one in place") {
  DiffPasses d("# P\n\nWe share your email address with partners.\n\nWe delete logs monthly.\n",
               "# P\n\nWe delete logs monthly.\n\nWe share your email address with our partners.\n\n"
               "We share your email address with partners.\n");
  d.matched();
  CHECK(how(d.o, 0) == 'e');
  CHECK(match(d.o, 0) == 2);
  CHECK(how(d.n, 1) == 0);  // the near copy is new
}
