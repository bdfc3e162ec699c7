#pragma once
// ISO 8601 durations ("P2Y", "P1Y6M", "P10D", "P2W", "PT48H") as approximate days, so
// retention periods can be compared (a year is 365 days, a month 30).
#include <optional>
#include <string_view>

namespace policyq::check {
std::optional<double> duration_days(std::string_view iso);
}
