#include "store/indexer.hpp"
#include "store/rules_stamp.hpp"
#include <cstdio>
#include "document/loader.hpp"
#include "query/lexicon.hpp"
#include "store/policy_record.hpp"
#include "store/writer.hpp"
#include "text/encoding.hpp"
#include "util/cache.hpp"
#include "util/ordered_window.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>
#include <unordered_set>

namespace fs = std::filesystem;

namespace policyq::store {
namespace {

// What a worker hands the writer for one file.
struct Outcome {
  enum class Kind { analysed, unchanged, failed } kind = Kind::failed;
  FileState file;
  std::optional<PolicyRecord> record;
  std::optional<Error> error;
  std::string warning;  // reported by the writer thread: callbacks never run on two threads at once
};

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  return (ec ? fs::path(path) : abs).lexically_normal().string();
}

FileState file_state(const std::string& path) {
  FileState f{path, absolute_path(path), 0, 0};
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    f.size = static_cast<std::int64_t>(st.st_size);
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  }
  return f;
}

// Reads one file and, unless its bytes are the ones stored, analyses it. Never throws:
// whatever goes wrong becomes a failed outcome naming the file.
Outcome examine(FileState file, const StoredPolicy* stored, const IndexOptions& options) {
  Outcome out;
  out.file = std::move(file);
  try {
    std::string bytes = read_policy_bytes(out.file.path);
    std::string hash = hex64(content_hash(bytes));
    if (stored && stored->content_hash == hash && !options.force && stored->same_rules) {
      out.kind = Outcome::Kind::unchanged;
      return out;
    }
    DecodedText text = decode_text(std::move(bytes), options.encoding, out.file.path);
    out.warning = std::move(text.warning);
    out.record = make_record(out.file, std::move(hash), std::move(text.encoding), std::move(text.text));
    out.kind = Outcome::Kind::analysed;
  } catch (const Error& e) {
    out.error = e;
  } catch (const std::exception& e) {
    out.error = Error(out.file.path, 0, std::string("internal error: ") + e.what());
  }
  return out;
}

// Is the stored policy at abs_path one of those the paths indexed name (so that, not found
// now, it was removed)? Policies indexed from other paths are left alone.
bool under_any(const std::string& abs_path, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (abs_path == root) return true;
    std::string dir = root.ends_with('/') ? root : root + "/";
    if (abs_path.starts_with(dir)) return true;
  }
  return false;
}

// The path that decides a file's shard: relative to the first PATH argument (a folder)
// holding it, else its file name.
std::string shard_key(const std::string& abs_path, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    std::string dir = root.ends_with('/') ? root : root + "/";
    if (abs_path.starts_with(dir)) return abs_path.substr(dir.size());
  }
  std::size_t slash = abs_path.rfind('/');
  return slash == std::string::npos ? abs_path : abs_path.substr(slash + 1);
}

std::vector<FileState> files_to_index(const IndexOptions& options) {
  for (const std::string& p : options.paths)
    if (p == "-") throw Error("-", 0, "index reads files and folders, not standard input: save it to a file first");
  std::vector<std::string> roots;
  for (const std::string& p : options.paths) roots.push_back(absolute_path(p));
  std::vector<FileState> files;
  std::unordered_set<std::string> seen;
  for (const std::string& p : expand_policy_paths(options.paths)) {
    FileState f = file_state(p);
    if (options.shard_count > 0 && shard_of(shard_key(f.abs_path, roots), options.shard_count) != options.shard) continue;
    if (seen.insert(f.abs_path).second) files.push_back(std::move(f));
  }
  return files;
}

class Run {
public:
  Run(const IndexOptions& options, std::vector<FileState> files)
      : options_(options), files_(std::move(files)), writer_(options.db), stored_(writer_.stored()),
        window_(2 * jobs()) {
    // Analysed with other practice rules (an older policyq): every policy is analysed
    // again, as with --force, whatever its bytes.
    const std::string rules = writer_.stored_rules();
    if (!rules.empty() && rules != rules_stamp())
      for (auto& [path, policy] : stored_) policy.same_rules = false;
    report_.files = files_.size();
    report_.created = writer_.created();
    for (const FileState& f : files_) report_.bytes += static_cast<std::uint64_t>(f.size);
  }

  IndexReport run() {
    // Workers tokenize on several threads: the lexicon's stem tables must lock from now on.
    query::Lexicon::builtin();
    query::share_stem_tables_between_threads();
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < jobs(); ++i) workers.emplace_back([this] { work(); });
    try {
      write_all();
    } catch (...) {
      window_.stop();
      for (std::thread& t : workers) t.join();
      throw;
    }
    for (std::thread& t : workers) t.join();
    remove_missing();
    writer_.set_meta("policyq_version", "0.1.0");
    writer_.set_meta("rules", rules_stamp());
    writer_.set_meta("indexed_at", utc_now());
    writer_.commit();
    return report_;
  }

private:
  unsigned jobs() const { return worker_threads(options_.jobs, files_.size()); }

  void work() {
    for (std::size_t i; (i = next_.fetch_add(1)) < files_.size();) {
      if (!window_.wait_for_room(i)) return;
      auto it = stored_.find(files_[i].abs_path);
      window_.put(i, examine(files_[i], it == stored_.end() ? nullptr : &it->second, options_));
    }
  }

  void write_all() {
    auto start = std::chrono::steady_clock::now();
    IndexProgress progress{0, files_.size(), 0, report_.bytes, 0};
    std::size_t in_batch = 0;
    for (std::size_t n = 0; n < files_.size(); ++n) {
      Outcome o = window_.take();
      apply(o);
      if (++in_batch >= options_.batch) {
        writer_.commit_and_continue();
        in_batch = 0;
      }
      ++progress.files_done;
      progress.bytes_done += static_cast<std::uint64_t>(o.file.size);
      progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (options_.on_progress) options_.on_progress(progress);
    }
  }

  void apply(Outcome& o) {
    if (!o.warning.empty() && options_.on_warning) options_.on_warning(o.warning);
    auto stored = stored_.find(o.file.abs_path);
    bool known = stored != stored_.end();
    switch (o.kind) {
      case Outcome::Kind::analysed:
        writer_.replace(*o.record);
        ++(known ? report_.updated : report_.added);
        break;
      case Outcome::Kind::unchanged:
        writer_.touch(o.file);
        ++report_.unchanged;
        break;
      case Outcome::Kind::failed:
        ++report_.failed;
        if (options_.on_error) options_.on_error(*o.error);
        break;
    }
  }

  void remove_missing() {
    std::vector<std::string> roots;
    for (const std::string& p : options_.paths) roots.push_back(absolute_path(p));
    std::unordered_set<std::string> found;
    for (const FileState& f : files_) found.insert(f.abs_path);
    for (const auto& [abs_path, stored] : stored_) {
      if (found.count(abs_path) || !under_any(abs_path, roots)) continue;
      writer_.remove(stored.id);
      ++report_.removed;
    }
  }

  const IndexOptions& options_;
  std::vector<FileState> files_;
  DatabaseWriter writer_;
  std::unordered_map<std::string, StoredPolicy> stored_;
  OrderedWindow<Outcome> window_;  // outcomes handed from the workers to the writer in file order
  std::atomic<std::size_t> next_{0};
  IndexReport report_;
};
}  // namespace

std::pair<unsigned, unsigned> parse_shard(const std::string& text) {
  unsigned k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' || k < 1 || k > n ||
      text.find_first_not_of("0123456789/") != std::string::npos)
    throw Error("--shard: expected K/N with 1 <= K <= N (e.g. 2/8), not '" + text + "'");
  return {k, n};
}

unsigned shard_of(const std::string& relative_path, unsigned count) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a: the same on every machine and build
  for (unsigned char c : relative_path) h = (h ^ c) * 1099511628211ull;
  // FNV's low bits barely differ between short names alike ("a.md", "b.md"): MurmurHash3's
  // finaliser mixes every bit into them before the modulo.
  h ^= h >> 33, h *= 0xff51afd7ed558ccdull, h ^= h >> 33, h *= 0xc4ceb9fe1a85ec53ull, h ^= h >> 33;
  return static_cast<unsigned>(h % count) + 1;
}

IndexReport index_policies(const IndexOptions& options) {
  std::vector<FileState> files = files_to_index(options);
  check_encoding_name(options.encoding);
  Run run(options, std::move(files));
  return run.run();
}
}  // namespace policyq::store
