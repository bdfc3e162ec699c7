#include "document/source.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"
#include <algorithm>
#include <cstdio>
#include <cstring>

namespace policyq {
namespace {
int line_of(const std::string& bytes, std::size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}
int column_of(const std::string& bytes, std::size_t offset) {
  std::size_t nl = offset == 0 ? std::string::npos : bytes.rfind('\n', offset - 1);
  return static_cast<int>(offset - (nl == std::string::npos ? 0 : nl + 1)) + 1;
}
}  // namespace

void validate_source(const std::string& name, std::string& bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.erase(0, 3);
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    throw Error(name, 0, "empty file: no policy text to read");
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
    throw Error(name, line_of(bytes, at), "binary file (NUL byte at column " +
                std::to_string(column_of(bytes, at)) + "); policies must be UTF-8 Markdown");
  }
  if (auto bad = utf8::find_invalid(bytes); bad != utf8::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    throw Error(name, line_of(bytes, bad), std::string("invalid UTF-8 (byte ") + hex + " at column " +
                std::to_string(column_of(bytes, bad)) + "); convert the file to UTF-8");
  }
}

std::vector<std::size_t> line_starts(const std::string& bytes) {
  std::vector<std::size_t> starts{0};
  starts.reserve(bytes.size() / 40 + 16);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\n') {
      starts.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      starts.push_back(i + 1);
    }
  }
  if (starts.size() > 1 && starts.back() == bytes.size()) starts.pop_back();  // final newline
  return starts;
}

void blank_front_matter(std::string& bytes) {
  auto is_fence = [&](std::size_t at, std::size_t end, bool closing) {
    std::string_view line(bytes.data() + at, end - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
  };
  std::size_t first_end = bytes.find('\n');
  if (first_end == std::string::npos || !is_fence(0, first_end, false)) return;
  std::size_t at = first_end + 1;
  // Only YAML ("key: value") counts: a leading thematic break must not swallow text.
  std::size_t key_end = bytes.find('\n', at);
  std::string_view first(bytes.data() + at, (key_end == std::string::npos ? bytes.size() : key_end) - at);
  std::size_t colon = first.find(':');
  if (colon == std::string_view::npos || colon == 0 || first.find(' ') < colon) return;
  while (at < bytes.size()) {
    std::size_t end = bytes.find('\n', at);
    if (end == std::string::npos) end = bytes.size();
    if (is_fence(at, end, true)) {
      // Blank everything up to and including the closing fence, keeping the newlines.
      for (std::size_t i = 0; i < end; ++i)
        if (bytes[i] != '\n' && bytes[i] != '\r') bytes[i] = ' ';
      return;
    }
    at = end + 1;
  }
  // No closing fence: not front matter; leave the text alone.
}
}
