#pragma once
// Test helper: the real policies of ../shared/data/policies (English and French), for the
// tests that check behaviour over many policies. Empty where ../shared is absent (a user's
// clone): those tests fall back to the bundled policy or small self-written ones.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace policyq::testing {
// Every `step`-th policy of the sorted list, at most `count` of them.
inline std::vector<std::string> shared_policies(std::size_t step, std::size_t count = SIZE_MAX) {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  std::vector<std::string> all, out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".md") all.push_back(e.path().string());
  std::sort(all.begin(), all.end());
  for (std::size_t i = 0; i < all.size() && out.size() < count; i += step) out.push_back(all[i]);
  return out;
}

inline std::size_t shared_policy_count() {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  std::size_t n = 0;
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".md";
  return n;
}
}  // namespace policyq::testing
