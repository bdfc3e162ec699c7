#pragma once
// A thin RAII layer over the SQLite C API, and the one place where SQLite's result codes
// become the messages a user reads: "FILE: what happened: what to do" (util/error.hpp).
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace policyq::store {

class Statement {
public:
  Statement(sqlite3* db, const std::string& path, const char* sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are numbered from 1, as in SQL's ?1, ?2 …
  Statement& bind(int i, std::int64_t value);
  Statement& bind(int i, std::string_view text);
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_null(int i);
  // True when a row is ready; false when done. Throws Error on failure.
  bool step();
  // Runs a statement that returns no rows, then makes it ready to run again.
  void run();
  void reset();

  std::int64_t int_at(int column) const;
  std::string_view text_at(int column) const;
  std::string_view blob_at(int column) const;
  bool is_null(int column) const;

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string* path_;
};

class Connection {
public:
  enum class Mode {
    read,   // an existing database; never created (opened read-write when it can be, so a
            // journal left by a killed writer is rolled back, read-only otherwise)
    write,  // created when missing
  };
  Connection(const std::string& path, Mode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql);
  Statement prepare(const char* sql) { return Statement(db_, path_, sql); }
  // The single integer a query such as "PRAGMA user_version" returns.
  std::int64_t query_int(const char* sql);
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// SQLite's result code rc (and its message) as an Error the user can act on.
[[noreturn]] void fail(const std::string& path, int rc, const char* message);

// How long a command waits for a lock another process holds before saying so.
inline constexpr int busy_timeout_ms = 1000;
}  // namespace policyq::store
