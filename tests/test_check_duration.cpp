#include "check/duration.hpp"
#include <doctest/doctest.h>

using policyq::check::duration_days;

TEST_CASE("ISO 8601 durations become approximate days for comparing retention periods") {
  CHECK(*duration_days("P2Y") == doctest::Approx(730));
  CHECK(*duration_days("P6M") == doctest::Approx(180));
  CHECK(*duration_days("P1Y6M") == doctest::Approx(545));
  CHECK(*duration_days("P2W") == doctest::Approx(14));
  CHECK(*duration_days("P10D") == doctest::Approx(10));
  CHECK(*duration_days("PT48H") == doctest::Approx(2));
  CHECK(*duration_days("P5Y") > *duration_days("P2Y"));
}

TEST_CASE("dates and malformed durations are not durations") {
  CHECK_FALSE(duration_days("2020-05-25"));
  CHECK_FALSE(duration_days("P"));
  CHECK_FALSE(duration_days("P2"));
  CHECK_FALSE(duration_days("P2X"));
  CHECK_FALSE(duration_days("two years"));
}
