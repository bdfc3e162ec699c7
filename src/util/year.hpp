#pragma once
// Whether text holds a year of this or the last century ("2024", "1999") standing alone,
// not inside a longer number: dates mark by-lines, effective dates and footers.
#include <string_view>

namespace policyq {
bool contains_year(std::string_view text);
}
