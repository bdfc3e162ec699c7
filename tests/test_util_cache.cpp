// The analysis cache: entries read back exactly, anything damaged is a miss and goes away,
// it can be turned off, never fails its caller, and eviction drops the least recently used.
#include "util/cache.hpp"
#include <doctest/doctest.h>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <vector>
#include <unistd.h>

using namespace policyq;
namespace fs = std::filesystem;

namespace {
// Points the cache at an empty directory of its own for one test, then puts the
// environment back as tests/main.cpp left it.
struct CacheDir {
  fs::path dir;
  std::optional<std::string> old_dir, old_mode;

  CacheDir() {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("policyq_cache_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir);
    if (const char* d = std::getenv("POLICYQ_CACHE_DIR")) old_dir = d;
    if (const char* m = std::getenv("POLICYQ_CACHE")) old_mode = m;
    setenv("POLICYQ_CACHE_DIR", dir.c_str(), 1);
    unsetenv("POLICYQ_CACHE");
  }
  ~CacheDir() {
    if (old_dir) setenv("POLICYQ_CACHE_DIR", old_dir->c_str(), 1);
    else unsetenv("POLICYQ_CACHE_DIR");
    if (old_mode) setenv("POLICYQ_CACHE", old_mode->c_str(), 1);
    else unsetenv("POLICYQ_CACHE");
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
    return out;
  }
};

void set_mtime(const fs::path& p, time_t seconds) {
  struct timespec times[2] = {{seconds, 0}, {seconds, 0}};
  REQUIRE(utimensat(AT_FDCWD, p.c_str(), times, 0) == 0);
}
}  // namespace

TEST_CASE("content_hash: equal bytes hash equal; a length or one bit apart differ") {
  CHECK(content_hash("privacy policy") == content_hash(std::string("privacy policy")));
  CHECK(content_hash("a") != content_hash(std::string("a\0", 2)));
  CHECK(content_hash("") != content_hash(std::string(1, '\0')));
  CHECK(content_hash("12345678abcdefgh") != content_hash("12345678abcdefgi"));
}

TEST_CASE("an entry put reads back byte for byte; other keys and kinds miss") {
  CacheDir c;
  CHECK(cache_enabled());
  std::string bytes("snapshot\0with NUL and \xff bytes", 30);
  cache_put("doc", 42, bytes);
  CHECK(cache_get("doc", 42) == bytes);
  CHECK(!cache_get("doc", 43));
  CHECK(!cache_get("idx", 42));
  cache_put("doc", 42, "replaced");
  CHECK(cache_get("doc", 42) == "replaced");
  cache_put("doc", 7, "");
  CHECK(cache_get("doc", 7) == "");
  CHECK(c.files().size() == 2);  // no temp files left behind
}

TEST_CASE("a truncated or corrupted entry is a miss and its file is removed") {
  std::string payload(1000, 'x');
  for (int damage = 0; damage < 4; ++damage) {
    CAPTURE(damage);
    CacheDir c;
    cache_put("doc", 1, payload);
    REQUIRE(c.files().size() == 1);
    fs::path entry = c.files()[0];
    auto size = fs::file_size(entry);
    if (damage == 0) fs::resize_file(entry, size - 1);   // payload cut short
    if (damage == 1) fs::resize_file(entry, 10);         // header cut short
    if (damage >= 2) {                                   // a byte flipped in the header, in the payload
      std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(damage == 2 ? 9 : static_cast<std::streamoff>(size) - 5);
      f.put('\x7f');
    }
    CHECK(!cache_get("doc", 1));
    CHECK(!fs::exists(entry));
  }
}

TEST_CASE("POLICYQ_CACHE=off or an empty POLICYQ_CACHE_DIR turns the cache off") {
  CacheDir c;
  setenv("POLICYQ_CACHE", "off", 1);
  CHECK(!cache_enabled());
  cache_put("doc", 1, "bytes");
  CHECK(!cache_get("doc", 1));
  CHECK(!fs::exists(c.dir));
  unsetenv("POLICYQ_CACHE");
  setenv("POLICYQ_CACHE_DIR", "", 1);
  CHECK(!cache_enabled());
  cache_put("doc", 1, "bytes");
  CHECK(!cache_get("doc", 1));
}

TEST_CASE("an unusable directory: put neither throws nor prints, get misses") {
  CacheDir c;
  fs::create_directories(c.dir);
  std::ofstream(c.dir / "file") << "a file, not a directory";
  setenv("POLICYQ_CACHE_DIR", (c.dir / "file" / "cache").c_str(), 1);
  CHECK_NOTHROW(cache_put("doc", 1, "bytes"));
  CHECK(!cache_get("doc", 1));
  unsetenv("POLICYQ_CACHE_DIR");
  std::optional<std::string> home, xdg;
  if (const char* h = std::getenv("HOME")) home = h;
  if (const char* x = std::getenv("XDG_CACHE_HOME")) xdg = x;
  unsetenv("HOME");  // no directory at all
  unsetenv("XDG_CACHE_HOME");
  CHECK_NOTHROW(cache_put("doc", 1, "bytes"));
  CHECK(!cache_get("doc", 1));
  if (home) setenv("HOME", home->c_str(), 1);
  if (xdg) setenv("XDG_CACHE_HOME", xdg->c_str(), 1);
}

TEST_CASE("past 2048 entries puts evict the least recently used down to 1536; a hit counts as a use") {
  CacheDir c;
  for (std::uint64_t key = 0; key < 2048; ++key) cache_put("doc", key, "entry " + std::to_string(key));
  REQUIRE(c.files().size() == 2048);  // at the limit: nothing evicted
  // Entry k is k seconds younger than entry 0 (file names are hashes: the payload says which).
  time_t base = time(nullptr) - 100000;
  for (const fs::path& p : c.files()) {
    std::ifstream in(p, std::ios::binary);
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    set_mtime(p, base + static_cast<time_t>(std::stoull(s.substr(s.rfind("entry ") + 6))));
  }
  REQUIRE(cache_get("doc", 0));  // the oldest, used now
  // One put in eight scans for eviction: within a few puts past the limit, one does.
  std::uint64_t key = 100000;
  while (c.files().size() > 1536 && key < 100064) {
    cache_put("doc", key, "entry " + std::to_string(key));
    ++key;
  }
  const std::uint64_t extra = key - 100000;
  CAPTURE(extra);
  CHECK(c.files().size() == 1536);
  CHECK(extra < 64);
  CHECK(cache_get("doc", 0));
  CHECK(!cache_get("doc", 1));
  CHECK(!cache_get("doc", 512));
  CHECK(cache_get("doc", 600));
  CHECK(cache_get("doc", 2047));
  CHECK(cache_get("doc", key - 1));
}

TEST_CASE("an entry over 16 MiB is not stored; one just under is") {
  CacheDir c;
  const std::string big(16u << 20, 'x');
  cache_put("doc", 7, big + "y");
  CHECK(!cache_get("doc", 7));
  CHECK(c.files().empty());
  cache_put("doc", 8, big);
  CHECK(cache_get("doc", 8) == big);
}
