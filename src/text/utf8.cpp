#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace policyq::utf8 {

namespace {
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

inline std::uint64_t load8(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
}  // namespace

// Well-formed sequences follow Unicode Table 3-7 exactly, so overlongs (C0, C1, E0 80..9F,
// F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF) are
// rejected at their first byte. ASCII runs are skipped 16 and 8 bytes at a time.
std::size_t find_invalid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path.
    while (i + 16 <= n && ((load8(s + i) | load8(s + i + 8)) & high_bits) == 0) i += 16;
    if (i + 8 <= n && (load8(s + i) & high_bits) == 0) i += 8;
    while (i < n && s[i] < 0x80) ++i;
    if (i >= n) break;

    const unsigned char c = s[i];
    if (c < 0xC2) return i;  // stray continuation byte or overlong 2-byte lead
    if (c < 0xE0) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return i;
      i += 2;
    } else if (c < 0xF0) {
      if (i + 2 >= n) return i;
      const unsigned char c1 = s[i + 1];
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      if (c1 < lo || c1 > hi || (s[i + 2] & 0xC0) != 0x80) return i;
      i += 3;
    } else if (c < 0xF5) {
      if (i + 3 >= n) return i;
      const unsigned char c1 = s[i + 1];
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return npos;
}

char32_t next(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char c = s[pos];
  if (c < 0x80) {
    ++pos;
    return c;
  }
  // Valid input is a precondition; stay in bounds and return U+FFFD if it is violated.
  auto cont = [&](std::size_t k) -> char32_t {
    return pos + k < n ? static_cast<char32_t>(s[pos + k] & 0x3F) : 0;
  };
  char32_t cp;
  std::size_t len;
  if (c < 0xC0) {
    ++pos;
    return 0xFFFD;
  } else if (c < 0xE0) {
    cp = (static_cast<char32_t>(c & 0x1F) << 6) | cont(1);
    len = 2;
  } else if (c < 0xF0) {
    cp = (static_cast<char32_t>(c & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    len = 3;
  } else {
    cp = (static_cast<char32_t>(c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    len = 4;
  }
  if (pos + len > n) {
    pos = n;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // surrogates are not encodable
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else if (cp <= 0x10FFFF) {
    const char b[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  } else {
    append(out, 0xFFFD);
  }
}

}  // namespace policyq::utf8
