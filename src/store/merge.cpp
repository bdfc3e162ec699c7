#include "store/merge.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "util/error.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace policyq::store {
namespace {

// Tables in the order their rows refer to each other (sentences_fts is rebuilt at the end).
constexpr const char* tables[] = {"policies", "sentences", "documents", "sections",
                                  "practices", "practice_concepts", "practice_periods", "search_postings",
                                  "search_terms"};

struct Offsets {
  std::int64_t policy = 0, sentence = 0, practice = 0, postings = 0;
};

// The ids of an input follow those already merged: which columns are ids, and of what.
std::string column_value(const std::string& table, const std::string& column, const Offsets& o) {
  auto plus = [&](std::int64_t offset) { return column + " + " + std::to_string(offset); };
  if (column == "policy_id" || (table == "policies" && column == "id")) return plus(o.policy);
  if (column == "sentence_id" || (table == "sentences" && column == "id")) return plus(o.sentence);
  if (column == "practice_id" || (table == "practices" && column == "id")) return plus(o.practice);
  if (column == "postings_id" || (table == "search_postings" && column == "id")) return plus(o.postings);
  return column;
}

void copy_table(Connection& db, const std::string& table, const Offsets& o) {
  std::string columns, values;
  Statement info = db.prepare(("PRAGMA src.table_info(" + table + ")").c_str());
  while (info.step()) {
    std::string column(info.text_at(1));
    if (!columns.empty()) columns += ", ", values += ", ";
    columns += column;
    values += column_value(table, column, o);
  }
  db.exec(("INSERT INTO main." + table + " (" + columns + ") SELECT " + values + " FROM src." + table).c_str());
}

void merge_one(Connection& db, const std::string& input) {
  {
    Connection check(input, Connection::Mode::read);  // the same errors as --db gives
    check_schema_for_reading(check);
  }
  db.prepare("ATTACH DATABASE ?1 AS src").bind(1, input).run();
  Statement overlap = db.prepare(
      "SELECT path FROM src.policies WHERE abs_path IN (SELECT abs_path FROM main.policies) ORDER BY path LIMIT 1");
  if (overlap.step())
    throw Error(input, 0, std::string(overlap.text_at(0)) +
                              " is also in another database merged: merge shards of one corpus, each file in one shard");
  Offsets o;
  o.policy = db.query_int("SELECT COALESCE(MAX(id), 0) FROM main.policies");
  o.sentence = db.query_int("SELECT COALESCE(MAX(id), 0) FROM main.sentences");
  o.practice = db.query_int("SELECT COALESCE(MAX(id), 0) FROM main.practices");
  o.postings = db.query_int("SELECT COALESCE(MAX(id), 0) FROM main.search_postings");
  db.exec("BEGIN IMMEDIATE");
  for (const char* table : tables) copy_table(db, table, o);
  db.exec("INSERT OR IGNORE INTO main.meta (key, value) SELECT key, value FROM src.meta");
  db.exec("COMMIT");
  db.exec("DETACH DATABASE src");
}
}  // namespace

MergeReport merge_databases(const std::string& out, const std::vector<std::string>& inputs) {
  if (inputs.empty()) throw Error("merge: name the databases to merge (IN.db…) after the one to build");
  std::error_code ec;
  if (fs::exists(out, ec)) throw Error(out, 0, "already exists: merge into a new file (nothing was changed)");
  std::string temporary = out + ".merging-" + std::to_string(getpid());
  MergeReport report;
  try {
    {
      Connection db(temporary, Connection::Mode::write);
      prepare_schema_for_writing(db);
      for (const std::string& input : inputs) merge_one(db, input);
      // The full-text index is the sentences' own: rebuilt once, rather than copied row by row.
      db.exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')");
      report.policies = static_cast<std::size_t>(db.query_int("SELECT count(*) FROM policies"));
      report.databases = inputs.size();
    }
    fs::rename(temporary, out);
  } catch (...) {
    fs::remove(temporary, ec);
    fs::remove(temporary + "-journal", ec);
    throw;
  }
  return report;
}
}  // namespace policyq::store
