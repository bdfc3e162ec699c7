#pragma once
// Flat binary encoding for cache snapshots: fixed-width native-endian numbers (the reader is
// the executable that wrote them), strings and arrays as a 64-bit count then the bytes.
// ByteReader checks every read against what is left, so bad input fails instead of crashing.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace policyq {

class ByteWriter {
public:
  template <class T>
  void put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put_string(std::string_view s) {
    put<std::uint64_t>(s.size());
    out_.append(s);
  }
  template <class T>
  void put_array(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    put<std::uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

class ByteReader {
public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  template <class T>
  bool get(T& v) {
    static_assert(std::is_arithmetic_v<T>);
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  // A count of items at least min_bytes each: never more than the bytes left could hold, so
  // a corrupt count cannot make the caller allocate much.
  bool get_count(std::size_t& n, std::size_t min_bytes) {
    std::uint64_t c;
    if (!get(c) || c > in_.size() / min_bytes) return false;
    n = static_cast<std::size_t>(c);
    return true;
  }
  bool get_string(std::string& s) {
    std::size_t n;
    if (!get_count(n, 1)) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  // Like get_string, without a copy: s points into the input, valid while the input is.
  bool get_view(std::string_view& s) {
    std::size_t n;
    if (!get_count(n, 1)) return false;
    s = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }
  template <class T>
  bool get_array(std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    std::size_t n;
    if (!get_count(n, sizeof(T))) return false;
    v.resize(n);
    if (n > 0) std::memcpy(v.data(), in_.data(), n * sizeof(T));  // an empty vector's data() may be null
    in_.remove_prefix(n * sizeof(T));
    return true;
  }
  bool at_end() const { return in_.empty(); }

private:
  std::string_view in_;
};
}
