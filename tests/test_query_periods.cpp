// Retention periods: ISO 8601 durations, dates and events.
#include "query/periods.hpp"

#include <doctest/doctest.h>

using namespace policyq::query;

namespace {
std::vector<Period> periods(std::string_view text) { return find_periods(text, tokenize(text)); }
}  // namespace

TEST_CASE("the bundled policy's retention sentence gives a date, a two-year duration and its event") {
  std::string s =
      "Except when we believe we are required to retain your personal information by law, we will only retain your "
      "personal information during the period in which you use the Service until the later of May 25, 2020 or two "
      "years after you have ceased using the service.";
  auto p = periods(s);
  bool date = false, two_years = false;
  for (auto& x : p) {
    if (x.kind == "date" && x.iso == "2020-05-25") date = true;
    if (x.kind == "duration" && x.iso == "P2Y") {
      two_years = true;
      CHECK(x.text == "two years after you have ceased using the service");
    }
  }
  CHECK(date);
  CHECK(two_years);
}

TEST_CASE("durations in words, digits and with a parenthesised number") {
  CHECK(periods("it may take up to ten business days").at(0).iso == "P10D");
  CHECK(periods("we keep logs for 30 days").at(0).iso == "P30D");
  CHECK(periods("for a 90-day period").at(0).iso == "P90D");
  CHECK(periods("for three (3) years").at(0).iso == "P3Y");
  CHECK(periods("within 24 hours").at(0).iso == "PT24H");
  CHECK(periods("for six months after closure").at(0).iso == "P6M");
}

TEST_CASE("'may' is a month only before a day number") {
  CHECK(periods("We may retain it.").empty());
  auto p = periods("Effective 25 May 2018.");
  REQUIRE(p.size() == 1);
  CHECK(p[0].iso == "2018-05-25");
  CHECK(periods("updated 2021-03-04").at(0).iso == "2021-03-04");
}

TEST_CASE("events without a duration have no ISO value") {
  auto p = periods("We keep your data for as long as your account is active.");
  REQUIRE(p.size() == 1);
  CHECK(p[0].kind == "event");
  CHECK(p[0].iso.empty());
  CHECK(p[0].text == "as long as your account is active");
  auto q = periods("We delete it when it is no longer needed.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "when it is no longer needed");
}

TEST_CASE("'a year' counts only after for, within, than or least") {
  CHECK(periods("once a year we review").empty());
  CHECK(periods("for a year").at(0).iso == "P1Y");
}

TEST_CASE("small number words") {
  CHECK(number_value("two") == 2);
  CHECK(number_value("twelve") == 12);
  CHECK(number_value("90") == 90);
  CHECK(number_value("several") == -1);
}
