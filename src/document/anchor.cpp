#include "document/anchor.hpp"
#include "text/utf8.hpp"
#include <unicode/uchar.h>

namespace policyq {

std::string anchor_slug(std::string_view title) {
  std::string out;
  std::size_t pos = 0;
  while (pos < title.size()) {
    char32_t cp = utf8::next(title, pos);
    if (cp == ' ') {
      out.push_back('-');
    } else if (cp == '-' || cp == '_') {
      out.push_back(static_cast<char>(cp));
    } else if (u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
               (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK)) {
      utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    }
  }
  return out;
}

std::string AnchorSet::make(std::string_view title) {
  std::string base = anchor_slug(title);
  std::string anchor = base;
  // GitHub numbers repeats from 1, skipping any slug already taken literally.
  for (int n = seen_.count(base) ? seen_[base] : 0; seen_.count(anchor); ) {
    anchor = base + "-" + std::to_string(++n);
    seen_[base] = n;
  }
  seen_.emplace(anchor, 0);
  return anchor;
}
}
