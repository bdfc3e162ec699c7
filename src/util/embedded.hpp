#pragma once
// Files compiled into the binary (the bundled policy, the privacy lexicon).
#include <string_view>
#include <vector>

namespace policyq {
// The bytes of an embedded file, or an empty view when there is none of that name.
std::string_view embedded(std::string_view name);
// Names of the embedded files that start with prefix, in build order.
std::vector<std::string_view> embedded_names(std::string_view prefix);
}
