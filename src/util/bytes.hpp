#pragma once
// Writing and reading the binary images policyq keeps of what it compiled or analysed
// (the lexicon image, cached analyses). Images are read by the binary that wrote them, so
// native byte order will do. The reader never reads past its input: a short or malformed
// image clears ok and yields zeros, and counts larger than what is left are refused before
// anything is allocated for them.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace policyq {

struct ByteWriter {
  std::string out;
  void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
  void u64(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void f64(double v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
};

struct ByteReader {
  std::string_view in;
  bool ok = true;

  template <class T>
  T raw() {
    T v{};
    if (in.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::uint32_t u32() { return raw<std::uint32_t>(); }
  int i32() { return static_cast<int>(raw<std::uint32_t>()); }
  std::uint64_t u64() { return raw<std::uint64_t>(); }
  double f64() { return raw<double>(); }
  // A count of items that each take at least min_bytes: more than what is left is malformed.
  std::size_t count(std::size_t min_bytes) {
    std::size_t n = u32();
    if (n > in.size() / min_bytes) ok = false;
    return ok ? n : 0;
  }
  std::string_view str() {
    std::size_t n = u32();
    if (!ok || n > in.size()) {
      ok = false;
      return {};
    }
    std::string_view s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
  // Everything read, nothing left over.
  bool done() const { return ok && in.empty(); }
};

}  // namespace policyq
