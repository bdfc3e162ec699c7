#pragma once
// Error: something the user can fix (bad input, bad flag); reported once at the top
// as "policyq: error: WHERE: what", exit status 2.
#include <stdexcept>
#include <string>

namespace policyq {
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
  // "FILE:LINE: what" (LINE omitted when 0).
  Error(const std::string& file, int line, const std::string& what)
      : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + what) {}
};
}
