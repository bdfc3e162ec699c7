#include "store/stored_policies.hpp"
#include "document/loader.hpp"
#include "store/policy_record.hpp"
#include "util/cache.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <optional>

namespace fs = std::filesystem;

namespace policyq::store {
namespace {
bool names(const std::string& stored, const std::string& wanted) {
  if (stored == wanted) return true;
  std::string dir = wanted.ends_with('/') ? wanted : wanted + "/";
  return stored.starts_with(dir);
}

void stale(const std::string& path, const std::string& what, const SourceOptions& options) {
  Error e(path, 0, what);
  if (!options.on_error) throw e;
  options.on_error(e);
}
}  // namespace

// The source knows its size before reading any policy, and reads each policy's text only
// when it is asked for.
std::vector<ListedPolicy> list_policies(Connection& db, const std::vector<std::string>& select) {
  std::vector<std::string> wanted_abs;
  for (const std::string& s : select) {
    std::error_code ec;
    wanted_abs.push_back(fs::absolute(s, ec).lexically_normal().string());
  }
  std::vector<bool> matched(select.size(), false);
  std::vector<ListedPolicy> out;
  Statement s = db.prepare(
      "SELECT id, path, abs_path, content_hash, language, size, mtime_ns, sentence_count, term_count"
      " FROM policies ORDER BY path, abs_path");
  while (s.step()) {
    std::string path(s.text_at(1)), abs_path(s.text_at(2));
    bool keep = select.empty();
    for (std::size_t i = 0; i < select.size(); ++i)
      if (names(path, select[i]) || names(abs_path, wanted_abs[i])) keep = matched[i] = true;
    if (!keep) continue;
    out.push_back({s.int_at(0), std::move(path), std::move(abs_path), std::string(s.text_at(3)), std::string(s.text_at(4)),
                   s.int_at(5), s.int_at(6), static_cast<std::size_t>(s.int_at(7)), static_cast<std::size_t>(s.int_at(8))});
  }
  for (std::size_t i = 0; i < select.size(); ++i)
    if (!matched[i])
      throw Error(select[i], 0, "not in the database " + db.path() + ": index it with policyq index " + select[i] +
                                    " --db " + db.path());
  return out;
}

void report_if_stale(const ListedPolicy& p, const SourceOptions& options) {
  struct stat st;
  if (::stat(p.abs_path.c_str(), &st) != 0) {
    if (errno == ENOENT)
      stale(p.path, "deleted since indexing (answered from the indexed copy): run policyq index again to drop it", options);
    return;
  }
  std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  if (st.st_size == p.size && mtime == p.mtime_ns) return;
  // Touched, or copied with new times: only different bytes make it stale.
  try {
    if (hex64(content_hash(read_policy_bytes(p.abs_path))) == p.content_hash) return;
  } catch (const Error&) {
  }
  stale(p.path, "changed since indexing (answered from the indexed copy): run policyq index again", options);
}

Document read_document(Connection& db, const ListedPolicy& p) {
  Statement s = db.prepare("SELECT text_hash, source, snapshot FROM documents WHERE policy_id = ?1");
  s.bind(1, p.id);
  if (!s.step()) throw Error(p.path, 0, "removed from the database while reading it: run the command again");
  std::optional<Document> doc = restore_document(p.path, std::string(s.text_at(1)), parse_hex64(s.text_at(0)), s.blob_at(2));
  if (!doc) throw Error(p.path, 0, "its analysis in " + db.path() + " is damaged: run policyq index --force again");
  return std::move(*doc);
}
}  // namespace policyq::store
