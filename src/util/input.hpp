#pragma once
// Checks text typed on the command line (queries, questions, section names).
#include <string>
#include <string_view>

namespace policyq {
inline constexpr std::size_t max_query_bytes = 10 * 1024;
// Throws Error("WHAT: …") when text is empty or blank, not UTF-8, or longer than 10 KiB.
void check_query_text(std::string_view text, const std::string& what);
}
