#include "text/encoding.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace policyq {
namespace {
struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) c.reset();
  return c;
}

bool names_utf8(const std::string& name) { return ucnv_compareNames(name.c_str(), "UTF-8") == 0; }

int line_at(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Converts bytes from the named encoding to UTF-8, stopping at the first byte sequence the
// converter cannot map (a silent U+FFFD would put words in the policy that it does not say).
std::string convert_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& name) {
  Converter c = open_converter(encoding);
  if (!c) throw Error("--encoding: unknown encoding '" + encoding + "'");
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 2, u'\0');  // no supported encoding gives more UTF-16 units than bytes
  char16_t* target = utf16.data();
  const char* source = bytes.data();
  ucnv_toUnicode(c.get(), reinterpret_cast<UChar**>(&target), reinterpret_cast<UChar*>(utf16.data() + utf16.size()),
                 &source, bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) {
    auto at = static_cast<std::size_t>(source - bytes.data());
    throw Error(name, line_at(bytes, at), "not valid " + encoding + " (" + u_errorName(status) +
                                              "): say which encoding it is with --encoding NAME");
  }
  utf16.resize(static_cast<std::size_t>(target - utf16.data()));
  std::string out(utf16.size() * 3, '\0');
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &length, reinterpret_cast<const UChar*>(utf16.data()),
              static_cast<int32_t>(utf16.size()), &status);
  if (U_FAILURE(status)) throw Error(name, 0, std::string("cannot convert to UTF-8: ") + u_errorName(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// The encoding a byte order mark names, or "" (a UTF-8 BOM is left to the parser).
const char* bom_encoding(std::string_view b) {
  if (b.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (b.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (b.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (b.starts_with("\xFE\xFF")) return "UTF-16BE";
  return "";
}

std::string without_bom(std::string_view b, const char* encoding) {
  std::size_t n = std::strncmp(encoding, "UTF-32", 6) == 0 ? 4 : 2;
  return std::string(b.substr(n));
}
}  // namespace

void check_encoding_name(const std::string& name) {
  if (name == auto_encoding) return;
  if (!open_converter(name)) throw Error("--encoding: unknown encoding '" + name + "' (try auto, UTF-8, windows-1252, ISO-8859-1, UTF-16)");
}

DecodedText decode_text(std::string bytes, const std::string& encoding, const std::string& name) {
  DecodedText out;
  if (encoding != auto_encoding) {
    if (names_utf8(encoding)) {
      out.text = std::move(bytes);
      out.encoding = "UTF-8";
    } else {
      out.text = convert_to_utf8(bytes, encoding, name);
      out.encoding = encoding;
    }
    return out;
  }
  if (const char* bom = bom_encoding(bytes); *bom) {
    // ICU's UTF-16LE/BE converters would keep the mark as U+FEFF in the text: drop it first.
    out.text = convert_to_utf8(without_bom(bytes, bom), bom, name);
    out.encoding = bom;
    return out;
  }
  if (utf8::find_invalid(bytes) == utf8::npos || std::memchr(bytes.data(), '\0', bytes.size())) {
    out.text = std::move(bytes);
    out.encoding = "UTF-8";
    return out;
  }
  // Windows-1252 rather than Latin-1: it is what "ANSI" editors save, and it is Latin-1
  // plus curly quotes and dashes in 0x80-0x9F (ICU maps the five bytes it leaves undefined
  // to C1 controls, so this conversion cannot fail).
  out.text = convert_to_utf8(bytes, "windows-1252", name);
  out.encoding = "windows-1252";
  out.warning = name + ": not UTF-8: read as Windows-1252 (say --encoding NAME if it is another)";
  return out;
}
}  // namespace policyq
