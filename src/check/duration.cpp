#include "check/duration.hpp"
#include <cctype>
#include <string>

namespace policyq::check {
std::optional<double> duration_days(std::string_view iso) {
  if (iso.size() < 3 || iso[0] != 'P') return std::nullopt;
  double days = 0;
  bool time = false, any = false;
  std::size_t i = 1;
  while (i < iso.size()) {
    if (iso[i] == 'T') {
      time = true;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < iso.size() && (std::isdigit(static_cast<unsigned char>(iso[i])) || iso[i] == '.')) ++i;
    if (i == start || i >= iso.size()) return std::nullopt;
    double n = std::stod(std::string(iso.substr(start, i - start)));
    switch (iso[i]) {
      case 'Y': days += n * 365; break;
      case 'M': days += time ? n / 1440 : n * 30; break;
      case 'W': days += n * 7; break;
      case 'D': days += n; break;
      case 'H': days += n / 24; break;
      case 'S': days += n / 86400; break;
      default: return std::nullopt;
    }
    any = true;
    ++i;
  }
  if (!any) return std::nullopt;
  return days;
}
}
