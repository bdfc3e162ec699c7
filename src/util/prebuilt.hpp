#pragma once
// Analyses made when policyq was built. The bundled policy is compiled into the binary, and
// so is its analysis: cmake/analysis_image.cpp parses, indexes and reads the topic facts of
// it as policyq would, and the build embeds those snapshots. Asking about the bundled
// policy (the default, or the same bytes named as a file) starts from them instead of
// analysing the policy at every run. Entries are addressed like the analysis cache's, by
// kind ("doc", "idx", "facts") and the content hash of the policy's bytes, and are looked
// up before the cache, whether or not it is on: they are part of the program.
#include <cstdint>
#include <optional>
#include <string_view>

namespace policyq {
// The build-time snapshot of kind for the policy whose bytes hash to key, or nullopt.
std::optional<std::string_view> prebuilt(std::string_view kind, std::uint64_t key);
}
