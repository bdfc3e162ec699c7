#pragma once
// Test helper: the bundled policy's text under other bytes (blank lines added at the end),
// loaded as a file: a policy with no built-in analysis (util/prebuilt.hpp), so the
// analysis cache is what serves it.
#include "document/loader.hpp"
#include "util/embedded.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace policyq::testing {

inline Document load_bundled_copy(const char* extra = "\n") {
  const auto path = std::filesystem::temp_directory_path() / ("policyq-copy-" + std::to_string(::getpid()) + ".md");
  {
    std::ofstream out(path, std::ios::binary);
    out << embedded(bundled_policy_name) << extra;
  }
  Document doc = load_policy(path.string());
  std::filesystem::remove(path);
  return doc;
}

}  // namespace policyq::testing
