#include "util/year.hpp"

namespace policyq {
bool contains_year(std::string_view text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  for (std::size_t i = 0; i + 4 <= text.size(); ++i)
    if ((text.substr(i, 2) == "19" || text.substr(i, 2) == "20") && digit(i + 2) && digit(i + 3) && (i == 0 || !digit(i - 1)) &&
        (i + 4 == text.size() || !digit(i + 4)))
      return true;
  return false;
}
}
