#pragma once
// Checks raw bytes before parsing and prepares them for cmark-gfm: rejects what is not
// a text policy (empty, NUL bytes, invalid UTF-8) with the line at fault, removes a BOM,
// and blanks YAML front matter in place so every later line number stays the file's own.
#include <cstddef>
#include <string>
#include <vector>

namespace policyq {
// Throws Error("NAME:LINE: …") when bytes cannot be a policy. Removes a UTF-8 BOM.
void validate_source(const std::string& name, std::string& bytes);
// Byte offsets where each line starts (LF, CRLF or lone CR ends a line).
std::vector<std::size_t> line_starts(const std::string& bytes);
// Replaces a leading YAML front matter block ("---" … "---" or "...") with empty lines.
void blank_front_matter(std::string& bytes);
}
