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
// when it is asked for. policies_listing holds the columns in path order: every policy is
// listed from that small index, without its row and without a string per path.
std::vector<ListedPolicy> list_policies(Connection& db, const std::vector<std::string>& select) {
  std::vector<std::string> wanted_abs;
  for (const std::string& s : select) {
    std::error_code ec;
    wanted_abs.push_back(fs::absolute(s, ec).lexically_normal().string());
  }
  std::vector<bool> matched(select.size(), false);
  std::vector<ListedPolicy> out;
  // Without a selection the paths are not read at all (with_paths reads those needed).
  Statement s = db.prepare(select.empty() ? "SELECT id, language, sentence_count, term_count FROM policies"
                                            " INDEXED BY policies_listing ORDER BY path, abs_path"
                                          : "SELECT id, language, sentence_count, term_count, path, abs_path FROM policies"
                                            " INDEXED BY policies_listing ORDER BY path, abs_path");
  while (s.step()) {
    ListedPolicy p{s.int_at(0), std::string(s.text_at(1)), static_cast<std::size_t>(s.int_at(2)),
                   static_cast<std::size_t>(s.int_at(3)), {}, {}};
    if (!select.empty()) {
      p.path = s.text_at(4), p.abs_path = s.text_at(5);
      bool keep = false;
      for (std::size_t i = 0; i < select.size(); ++i)
        if (names(p.path, select[i]) || names(p.abs_path, wanted_abs[i])) keep = matched[i] = true;
      if (!keep) continue;
    }
    out.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < select.size(); ++i)
    if (!matched[i])
      throw Error(select[i], 0, "not in the database " + db.path() + ": index it with policyq index " + select[i] +
                                    " --db " + db.path());
  return out;
}

ListedPolicy& with_paths(Connection& db, ListedPolicy& p) {
  if (!p.path.empty()) return p;
  Statement s = db.prepare("SELECT path, abs_path FROM policies WHERE id = ?1");
  s.bind(1, p.id);
  if (!s.step()) throw Error(db.path(), 0, "a policy was removed from the database while reading it: run the command again");
  p.path = s.text_at(0), p.abs_path = s.text_at(1);
  return p;
}

void report_if_stale(Connection& db, const ListedPolicy& p, const SourceOptions& options) {
  Statement indexed = db.prepare("SELECT content_hash, size, mtime_ns FROM policies WHERE id = ?1");
  indexed.bind(1, p.id);
  if (!indexed.step()) throw Error(p.path, 0, "removed from the database while reading it: run the command again");
  struct stat st;
  if (::stat(p.abs_path.c_str(), &st) != 0) {
    if (errno == ENOENT)
      stale(p.path, "deleted since indexing (answered from the indexed copy): run policyq index again to drop it", options);
    return;
  }
  std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  if (st.st_size == indexed.int_at(1) && mtime == indexed.int_at(2)) return;
  // Touched, or copied with new times: only different bytes make it stale.
  try {
    if (hex64(content_hash(read_policy_bytes(p.abs_path))) == indexed.text_at(0)) return;
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

// Search prints a few sentences of a 60 KB policy: its rows are a few hundred bytes where
// the document is the text and the whole analysis (a third of search --db's time).
Document read_sentences(Connection& db, const ListedPolicy& p, const std::vector<int>& sentences) {
  Document doc;
  doc.name = p.path;
  doc.language = p.language;
  Statement sections = db.prepare(
      "SELECT section, parent, title, anchor, path, preamble FROM sections WHERE policy_id = ?1 ORDER BY section");
  sections.bind(1, p.id);
  bool agree = true;
  while (sections.step() && agree) {
    Section s;
    s.parent = sections.is_null(1) ? -1 : static_cast<int>(sections.int_at(1));
    s.title = sections.text_at(2);
    s.anchor = sections.text_at(3);
    s.preamble = sections.int_at(5) != 0;
    agree = sections.int_at(0) == static_cast<std::int64_t>(doc.sections.size()) && s.parent < static_cast<int>(doc.sections.size());
    if (!agree) break;
    // As the parser builds it: the parent's path and the title; the preamble has none.
    if (s.parent >= 0) s.path = doc.sections[static_cast<std::size_t>(s.parent)].path;
    if (!s.preamble) s.path.push_back(s.title);
    std::string joined;
    for (const std::string& t : s.path) joined += (joined.empty() ? "" : " > ") + t;
    agree = joined == sections.text_at(4);
    doc.sections.push_back(std::move(s));
  }
  doc.sentences.resize(p.sentences);
  Statement rows = db.prepare(
      "SELECT section, first_line, last_line, text FROM sentences WHERE policy_id = ?1 AND sentence = ?2");
  for (int i : sentences) {
    rows.reset();
    rows.bind(1, p.id).bind(2, std::int64_t{i});
    agree = agree && i >= 0 && static_cast<std::size_t>(i) < doc.sentences.size() && rows.step();
    if (!agree) break;
    Sentence& s = doc.sentences[static_cast<std::size_t>(i)];
    s.section = static_cast<int>(rows.int_at(0));
    s.first_line = static_cast<int>(rows.int_at(1));
    s.last_line = static_cast<int>(rows.int_at(2));
    s.text = rows.text_at(3);
    agree = s.section >= 0 && static_cast<std::size_t>(s.section) < doc.sections.size();
  }
  return agree ? doc : read_document(db, p);
}
}  // namespace policyq::store
