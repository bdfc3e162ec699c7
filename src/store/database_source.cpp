#include "store/database_source.hpp"
#include "document/loader.hpp"
#include "store/policy_record.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "util/cache.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

namespace fs = std::filesystem;

namespace policyq::store {
namespace {

bool names(const std::string& stored, const std::string& wanted) {
  if (stored == wanted) return true;
  std::string dir = wanted.ends_with('/') ? wanted : wanted + "/";
  return stored.starts_with(dir);
}

struct Listed {
  std::int64_t id;
  std::string path;
};

// The ids of the selected policies, in path order: the source knows its size before
// reading any, and reads each policy's text only when it is asked for.
std::vector<Listed> list_policies(Connection& db, const std::vector<std::string>& select) {
  std::vector<std::string> wanted_abs;
  for (const std::string& s : select) {
    std::error_code ec;
    wanted_abs.push_back(fs::absolute(s, ec).lexically_normal().string());
  }
  std::vector<bool> matched(select.size(), false);
  std::vector<Listed> out;
  Statement s = db.prepare("SELECT id, path, abs_path FROM policies ORDER BY path, abs_path");
  while (s.step()) {
    std::string path(s.text_at(1)), abs_path(s.text_at(2));
    bool keep = select.empty();
    for (std::size_t i = 0; i < select.size(); ++i)
      if (names(path, select[i]) || names(abs_path, wanted_abs[i])) keep = matched[i] = true;
    if (keep) out.push_back({s.int_at(0), std::move(path)});
  }
  for (std::size_t i = 0; i < select.size(); ++i)
    if (!matched[i])
      throw Error(select[i], 0, "not in the database " + db.path() + ": index it with policyq index " + select[i] +
                                    " --db " + db.path());
  return out;
}

class DatabaseSource : public PolicySource {
public:
  DatabaseSource(const std::string& path, const std::vector<std::string>& select, SourceOptions options)
      : db_(path, Connection::Mode::read), options_(std::move(options)) {
    check_schema_for_reading(db_);
    policies_ = list_policies(db_, select);
  }

  std::optional<Document> next() override {
    while (at_ < policies_.size()) {
      const Listed& p = policies_[at_++];
      try {
        Document doc = read(p);
        ++read_;
        return doc;
      } catch (const Error& e) {
        skip_or_throw(e, options_, at_ == policies_.size(), read_, policies_.size());
      }
    }
    return std::nullopt;
  }

  std::size_t size() const override { return policies_.size(); }

private:
  Document read(const Listed& p) {
    Statement s = db_.prepare(
        "SELECT p.abs_path, p.size, p.mtime_ns, p.content_hash, d.text_hash, d.source, d.snapshot"
        " FROM policies p JOIN documents d ON d.policy_id = p.id WHERE p.id = ?1");
    s.bind(1, p.id);
    if (!s.step()) throw Error(p.path, 0, "removed from the database while reading it: run the command again");
    FileState indexed{p.path, std::string(s.text_at(0)), s.int_at(1), s.int_at(2)};
    report_if_stale(indexed, s.text_at(3));
    std::optional<Document> doc =
        restore_document(p.path, std::string(s.text_at(5)), parse_hex64(s.text_at(4)), s.blob_at(6));
    if (!doc) throw Error(p.path, 0, "its analysis in " + db_.path() + " is damaged: run policyq index --force again");
    return std::move(*doc);
  }

  // A policy answered from the database while its file says something else would quote
  // lines the file no longer has: say so, once, with what to do.
  void report_if_stale(const FileState& indexed, std::string_view hash) {
    struct stat st;
    if (::stat(indexed.abs_path.c_str(), &st) != 0) {
      if (errno == ENOENT)
        stale(indexed.path, "deleted since indexing (answered from the indexed copy): run policyq index again to drop it");
      return;
    }
    std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (st.st_size == indexed.size && mtime == indexed.mtime_ns) return;
    // Touched, or copied with new times: only different bytes make it stale.
    try {
      if (hex64(content_hash(read_policy_bytes(indexed.abs_path))) == hash) return;
    } catch (const Error&) {
    }
    stale(indexed.path, "changed since indexing (answered from the indexed copy): run policyq index again");
  }

  void stale(const std::string& path, const std::string& what) {
    Error e(path, 0, what);
    if (!options_.on_error) throw e;
    options_.on_error(e);
  }

  Connection db_;
  SourceOptions options_;
  std::vector<Listed> policies_;
  std::size_t at_ = 0, read_ = 0;
};
}  // namespace

std::unique_ptr<PolicySource> open_database(const std::string& db, const std::vector<std::string>& select,
                                            SourceOptions options) {
  return std::make_unique<DatabaseSource>(db, select, std::move(options));
}
}  // namespace policyq::store
