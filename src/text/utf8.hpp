#pragma once
// UTF-8 validation and small code-point helpers shared by the loader and the analyzers.
#include <cstddef>
#include <string>
#include <string_view>

namespace policyq::utf8 {
inline constexpr std::size_t npos = std::string_view::npos;

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or npos.
std::size_t find_invalid(std::string_view text);

// Decodes the code point at text[pos] (which must be valid UTF-8) and advances pos.
char32_t next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of cp to out.
void append(std::string& out, char32_t cp);
}
