#pragma once
// Finding sections by what a user types: an anchor ("information-retention-policy"),
// a title ("Information Retention Policy", any case and spacing), or a path
// ("Privacy Policy > Children", matched against the end of a section's path).
#include "document/document.hpp"
#include <string_view>
#include <vector>

namespace policyq {
// Exact matches first; when there are none, sections whose title contains the text.
std::vector<int> find_sections(const Document& doc, std::string_view query, bool include_chrome = false);
// Lower-cased, spaces collapsed, for comparing titles.
std::string normalize_title(std::string_view text);
}
