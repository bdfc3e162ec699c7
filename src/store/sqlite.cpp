#include "store/sqlite.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <utility>

namespace policyq::store {

void fail(const std::string& path, int rc, const char* message) {
  std::string detail = message ? message : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(path, 0, "database is locked by another process (" + detail +
                               "): wait for it (another policyq index?) to finish, then run again");
    case SQLITE_NOTADB:
      throw Error(path, 0, "not a SQLite database: give the path of a database made by policyq index (nothing was changed)");
    case SQLITE_CORRUPT:
      throw Error(path, 0, "database is damaged (" + detail + "): remove it and run policyq index again");
    case SQLITE_CANTOPEN:
      throw Error(path, 0, "cannot open the database (" + detail + "): check the path and its permissions");
    case SQLITE_READONLY:
      throw Error(path, 0, "database is read-only (" + detail + "): index into a file you can write");
    case SQLITE_FULL:
      throw Error(path, 0, "disk full: free some space, then run policyq index again (the database is as before)");
    case SQLITE_IOERR:
      throw Error(path, 0, "input/output error (" + detail + "): check the disk, then run again");
    case SQLITE_NOMEM:
      throw Error(path, 0, "out of memory in SQLite");
    default:
      throw Error(path, 0, "SQLite error: " + detail);
  }
}

Statement::Statement(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(&path) {
  int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(*path_, rc, sqlite3_errmsg(db_));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), path_(other.path_) {}

Statement& Statement::bind(int i, std::int64_t value) {
  sqlite3_bind_int64(stmt_, i, value);
  return *this;
}
Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind_blob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  fail(*path_, rc, message.c_str());
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int_at(int column) const { return sqlite3_column_int64(stmt_, column); }
std::string_view Statement::text_at(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}
std::string_view Statement::blob_at(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  return blob ? std::string_view(static_cast<const char*>(blob), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string_view();
}
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Connection::Connection(const std::string& path, Mode mode) : path_(path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (mode == Mode::read && !fs::exists(path, ec))
    throw Error(path, 0, "no such database: build it with policyq index PATH… --db " + path);
  if (fs::is_directory(path, ec)) throw Error(path, 0, "is a directory, not a database file: give a file name");
  int flags = mode == Mode::write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK && mode == Mode::read) {
    sqlite3_close(db_);
    db_ = nullptr;
    rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  }
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    fail(path_, rc, message.c_str());
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::exec(const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : "";
    sqlite3_free(message);
    fail(path_, rc, text.c_str());
  }
}

std::int64_t Connection::query_int(const char* sql) {
  Statement s = prepare(sql);
  return s.step() ? s.int_at(0) : 0;
}
}  // namespace policyq::store
