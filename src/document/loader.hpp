#pragma once
// Finding and reading policies: files, folders (every *.md below, sorted), "-" for
// standard input, or the bundled policy when nothing is named.
#include "document/document.hpp"
#include <string>
#include <vector>

namespace policyq {
inline constexpr const char* bundled_policy_name = "corpus/noip-privacy-policy.md";

// Expands the --policy arguments into the list of Markdown files to read.
std::vector<std::string> expand_policy_paths(const std::vector<std::string>& args);
// Reads and parses one policy ("-" reads standard input); a policy with the same bytes
// parsed before by this binary is read back from the analysis cache (util/cache.hpp).
Document load_policy(const std::string& path);
// The bundled policy, compiled into the binary.
Document load_bundled_policy();
// All of them: the bundled policy when args is empty.
std::vector<Document> load_policies(const std::vector<std::string>& args);
}
