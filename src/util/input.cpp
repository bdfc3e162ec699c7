#include "util/input.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace policyq {
void check_query_text(std::string_view text, const std::string& what) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw Error(what + ": is empty");
  if (text.size() > max_query_bytes)
    throw Error(what + ": is " + std::to_string(text.size()) + " bytes long; the limit is " +
                std::to_string(max_query_bytes) + " bytes");
  if (utf8::find_invalid(text) != utf8::npos) throw Error(what + ": is not valid UTF-8");
}
}
