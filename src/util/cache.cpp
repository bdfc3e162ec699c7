#include "util/cache.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace policyq {
namespace {
constexpr std::uint64_t format_version = 1;         // bump when an entry's layout or a snapshot's changes
constexpr char magic[8] = {'P', 'Q', 'C', 'A', 'C', 'H', 'E', '\n'};
// Three entries a policy: a folder of up to ~680 policies stays cached between runs.
constexpr std::size_t max_entries = 2048;           // beyond this many files a put evicts...
constexpr std::uint64_t max_bytes = 128ull << 20;   // ...or beyond this many bytes
// A put scans the directory for eviction only one time in eight (chosen by its key), so
// filling the cache from a big folder does not rescan thousands of entries per file; the
// limits are soft by a few entries.
constexpr std::uint64_t evict_one_in = 8;
// An entry larger than this is not stored: a huge policy's analysis would push out every
// other entry, and writing it costs more than it saves.
constexpr std::uint64_t max_entry_bytes = max_bytes / 8;
constexpr time_t stale_temp_seconds = 3600;         // temp files this old belong to a writer that died

struct Header {
  char magic[8];
  std::uint64_t version;
  std::uint64_t exe_size, exe_mtime_ns, exe_inode;  // the executable that wrote the entry
  std::uint64_t key;
  std::uint64_t length;                             // payload bytes after the header
  std::uint64_t checksum;                           // content_hash of the payload
};
static_assert(sizeof(Header) == 64, "written as is: no padding");

std::uint64_t mix(std::uint64_t h) {  // MurmurHash3's finaliser: every input bit reaches every output bit
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

struct Exe {
  bool known = false;
  std::uint64_t size = 0, mtime_ns = 0, inode = 0;
};

// Read once: a process cannot change which file it runs from.
const Exe& exe() {
  static const Exe e = [] {
    Exe x;
    // readlink, then stat: under valgrind, stat("/proc/self/exe") is valgrind's own launcher,
    // which every binary run under it would share; readlink is emulated to name the program.
    // A binary replaced since exec reads as "PATH (deleted)", which stat fails: no cache.
    char path[4096];
    ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return x;
    path[n] = '\0';
    struct stat st;
    if (::stat(path, &st) != 0) return x;
    x.known = true;
    x.size = static_cast<std::uint64_t>(st.st_size);
    x.mtime_ns = static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000u + static_cast<std::uint64_t>(st.st_mtim.tv_nsec);
    x.inode = static_cast<std::uint64_t>(st.st_ino);
    return x;
  }();
  return e;
}

// Resolved at every call, so tests can point it elsewhere with setenv.
std::string cache_dir() {
  const char* mode = std::getenv("POLICYQ_CACHE");
  if (mode && std::strcmp(mode, "off") == 0) return {};
  if (const char* dir = std::getenv("POLICYQ_CACHE_DIR")) return dir;
  // The XDG spec says to ignore relative paths; so do we for HOME, which would follow the cwd.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') return std::string(xdg) + "/policyq";
  if (const char* home = std::getenv("HOME"); home && home[0] == '/') return std::string(home) + "/.cache/policyq";
  return {};
}

bool valid_kind(std::string_view kind) {
  return !kind.empty() && kind.size() <= 16 &&
         std::all_of(kind.begin(), kind.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "KIND-ADDRESS.pqc": the address folds in the executable and format version, so entries of
// different builds sharing one directory never overwrite each other.
std::string entry_name(std::string_view kind, std::uint64_t key) {
  std::uint64_t address = mix(key ^ mix(exe().size ^ mix(exe().mtime_ns ^ mix(exe().inode ^ mix(format_version)))));
  char hex[17];
  for (int i = 15; i >= 0; --i, address >>= 4) hex[i] = "0123456789abcdef"[address & 15];
  hex[16] = '\0';
  return std::string(kind) + "-" + hex + ".pqc";
}

// Eviction deletes only files named as entries: the directory may be shared with others.
bool is_entry_name(std::string_view name) {
  std::size_t dash = name.find('-');
  return dash != std::string_view::npos && valid_kind(name.substr(0, dash)) && name.size() == dash + 1 + 16 + 4 &&
         name.substr(dash + 17) == ".pqc" &&
         std::all_of(name.begin() + static_cast<std::ptrdiff_t>(dash + 1), name.begin() + static_cast<std::ptrdiff_t>(dash + 17),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool read_all(int fd, char* p, std::size_t n) {
  while (n > 0) {
    ssize_t got = ::read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t put = ::write(fd, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    p += put;
    n -= static_cast<std::size_t>(put);
  }
  return true;
}

// Least recently used first (a hit refreshes mtime), down to 3/4 of the limits so that the
// next few puts do not each pay for another scan-and-delete.
void evict(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  struct Entry {
    std::string name;
    struct timespec mtime;
    std::uint64_t size;
  };
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  time_t now = ::time(nullptr);
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    bool temp = name.starts_with(".tmp-");
    if (!temp && !is_entry_name(name)) continue;
    struct stat st;
    if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (temp) {
      if (now - st.st_mtim.tv_sec > stale_temp_seconds) ::unlinkat(::dirfd(d), e->d_name, 0);
      continue;
    }
    entries.push_back({std::string(name), st.st_mtim, static_cast<std::uint64_t>(st.st_size)});
    total += static_cast<std::uint64_t>(st.st_size);
  }
  if (entries.size() > max_entries || total > max_bytes) {
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.mtime.tv_sec != b.mtime.tv_sec ? a.mtime.tv_sec < b.mtime.tv_sec : a.mtime.tv_nsec < b.mtime.tv_nsec;
    });
    std::size_t count = entries.size();
    for (const Entry& e : entries) {
      if (count <= max_entries * 3 / 4 && total <= max_bytes * 3 / 4) break;
      ::unlinkat(::dirfd(d), e.name.c_str(), 0);
      --count;
      total -= e.size;
    }
  }
  ::closedir(d);
}
}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  // Eight bytes per step, each step a bijection of the state (odd multiply, xorshift), so
  // inputs differing in one word always differ after it. The length goes in first: the
  // zero-padded tail is then unambiguous.
  constexpr std::uint64_t k = 0x9e3779b97f4a7c15ull;
  std::uint64_t h = 0x243f6a8885a308d3ull ^ bytes.size();
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  auto step = [&](std::uint64_t w) {
    h = (h ^ w) * k;
    h ^= h >> 32;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    step(w);
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    step(w);
  }
  return mix(h);
}

bool cache_enabled() { return exe().known && !cache_dir().empty(); }

std::optional<std::string> cache_get(std::string_view kind, std::uint64_t key) {
  std::string dir = cache_dir();
  if (dir.empty() || !exe().known || !valid_kind(kind)) return std::nullopt;
  std::string path = dir + "/" + entry_name(kind, key);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);  // a FIFO in its place must not hang us
  if (fd < 0) return std::nullopt;
  Header h;
  struct stat st;
  std::string payload;
  bool good = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read_all(fd, reinterpret_cast<char*>(&h), sizeof h) &&
              std::memcmp(h.magic, magic, sizeof magic) == 0 && h.version == format_version &&
              h.exe_size == exe().size && h.exe_mtime_ns == exe().mtime_ns && h.exe_inode == exe().inode &&
              h.key == key && st.st_size >= static_cast<off_t>(sizeof h) &&
              h.length == static_cast<std::uint64_t>(st.st_size) - sizeof h;
  if (good) {
    payload.resize(h.length);  // bounded by the file's real size, checked above
    good = read_all(fd, payload.data(), payload.size()) && content_hash(payload) == h.checksum;
  }
  if (good) ::futimens(fd, nullptr);  // a hit is a use: eviction goes by mtime
  ::close(fd);
  if (!good) {
    ::unlink(path.c_str());  // a bad entry would miss forever; the next put rewrites it
    return std::nullopt;
  }
  return payload;
}

void cache_put(std::string_view kind, std::uint64_t key, std::string_view bytes) {
  if (bytes.size() > max_entry_bytes) return;
  std::string dir = cache_dir();
  if (dir.empty() || !exe().known || !valid_kind(kind)) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);  // failure shows at open() below
  std::string name = entry_name(kind, key);
  std::string temp = dir + "/.tmp-" + std::to_string(::getpid()) + "-" + name;
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  Header h{};
  std::memcpy(h.magic, magic, sizeof magic);
  h.version = format_version;
  h.exe_size = exe().size;
  h.exe_mtime_ns = exe().mtime_ns;
  h.exe_inode = exe().inode;
  h.key = key;
  h.length = bytes.size();
  h.checksum = content_hash(bytes);
  // No fsync: an entry torn by a crash fails its checksum and is a miss.
  bool good = write_all(fd, reinterpret_cast<const char*>(&h), sizeof h) && write_all(fd, bytes.data(), bytes.size());
  good = ::close(fd) == 0 && good;
  // rename() replaces the entry atomically: readers see the old file or the new, never half of one.
  if (!good || ::rename(temp.c_str(), (dir + "/" + name).c_str()) != 0) {
    ::unlink(temp.c_str());
    return;
  }
  if (mix(key ^ content_hash(kind)) % evict_one_in == 0) evict(dir);
}
}  // namespace policyq
