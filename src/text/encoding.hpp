#pragma once
// Text that is not UTF-8: policies scraped or saved by hand come in Windows-1252, Latin-1
// or UTF-16 now and then. decode_text turns a file's bytes into the UTF-8 the parser reads,
// through ICU's converters, as the user says (--encoding NAME) or by guessing (auto).
// Line breaks survive every conversion, so line numbers stay the file's own.
#include <string>
#include <string_view>

namespace policyq {
inline constexpr const char* auto_encoding = "auto";

// Throws Error("--encoding: …") unless name is "auto" or a converter ICU knows.
void check_encoding_name(const std::string& name);

struct DecodedText {
  std::string text;      // UTF-8 (a UTF-8 BOM is kept: the parser removes it, as for any file)
  std::string encoding;  // what it was read as: "UTF-8", "UTF-16LE", "windows-1252", or the name given
  std::string warning;   // non-empty when auto had to guess ("not UTF-8: read as Windows-1252 …")
};

// encoding "auto": a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE), else UTF-8 when
// the bytes are valid UTF-8 or hold a NUL byte (binary: the parser reports it), else
// Windows-1252, with a warning. Any other name converts with that ICU converter, and
// bytes it cannot convert are an Error("NAME:LINE: not valid ENCODING …"). "UTF-8" (in any
// spelling ICU accepts) returns the bytes untouched: the parser reports what is invalid.
DecodedText decode_text(std::string bytes, const std::string& encoding, const std::string& name);
}  // namespace policyq
