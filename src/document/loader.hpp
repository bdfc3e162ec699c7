#pragma once
// Finding and reading policies: files, folders (every *.md below, sorted), "-" for
// standard input, or the bundled policy when nothing is named.
#include "document/document.hpp"
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policyq {
inline constexpr const char* bundled_policy_name = "corpus/noip-privacy-policy.md";

// Expands the --policy arguments into the list of Markdown files to read.
std::vector<std::string> expand_policy_paths(const std::vector<std::string>& args);
// Reads and parses one policy ("-" reads standard input); a policy with the same bytes
// parsed before by this binary is read back from the analysis cache (util/cache.hpp).
Document load_policy(const std::string& path);
// How to read a file's bytes as text (text/encoding.hpp): "UTF-8" (strict: other bytes are
// an error naming the line), "auto" (BOM, else UTF-8, else Windows-1252 with a warning) or
// any ICU converter name. warn receives warnings ("FILE: not UTF-8: read as …").
struct ReadOptions {
  std::string encoding = "UTF-8";
  std::function<void(const std::string&)> warn;
};
Document load_policy(const std::string& path, const ReadOptions& options);
// A file's bytes ("-": standard input), or Error("PATH: cannot read: …").
std::string read_policy_bytes(const std::string& path);
// A Document from its source text (BOM removed or not) and a serialize_document snapshot
// of it, as the analysis cache and the database keep them; nullopt when the snapshot is
// damaged or does not fit the text. hash: the content_hash the document was analysed under.
std::optional<Document> restore_document(std::string name, std::string source, std::uint64_t hash,
                                         std::string_view snapshot);
// The bundled policy, compiled into the binary.
Document load_bundled_policy();
// All of them: the bundled policy when args is empty.
std::vector<Document> load_policies(const std::vector<std::string>& args);
}
