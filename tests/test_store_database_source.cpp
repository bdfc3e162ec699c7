// Reading policies back from a database (store/database_source.cpp): the same Documents as
// from the files, selection by path, and every fault as one line saying what to do.
#include "document/loader.hpp"
#include "document/snapshot.hpp"
#include "store/database_source.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store_fixture.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>
#include <fstream>

using namespace policyq;
using policyq::testing::Corpus;

namespace {
struct Seen {
  std::vector<std::string> errors;
  SourceOptions options() {
    SourceOptions o;
    o.on_error = [this](const Error& e) { errors.push_back(e.what()); };
    return o;
  }
};
}  // namespace

TEST_CASE("policies read back from the database are the documents parsed from the files, in path order") {
  Corpus c("readback");
  std::string b = c.add("b.md", policyq::testing::policy_b);
  std::string a = c.add("a.md", policyq::testing::policy_a);
  c.index();
  Seen seen;
  auto source = store::open_database(c.db, {}, seen.options());
  REQUIRE(source->size() == 2);
  std::vector<Document> docs = read_all(*source);
  REQUIRE(docs.size() == 2);
  for (auto [doc, path] : {std::pair{&docs[0], a}, std::pair{&docs[1], b}}) {
    Document file = load_policy(path);
    CHECK(doc->name == path);
    CHECK(doc->source == file.source);
    CHECK(doc->content_hash == file.content_hash);
    CHECK(serialize_document(*doc) == serialize_document(file));
  }
  CHECK(seen.errors.empty());
}

TEST_CASE("--policy with --db selects stored policies by path; a path not stored is an error") {
  Corpus c("select");
  c.add("one/a.md", policyq::testing::policy_a);
  std::string b = c.add("two/b.md", policyq::testing::policy_b);
  c.index();
  CHECK(store::open_database(c.db, {c.folder() + "/two"}, {})->size() == 1);
  CHECK(store::open_database(c.db, {b}, {})->next()->name == b);
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {c.folder() + "/three"}, {}),
                       (c.folder() + "/three: not in the database " + c.db + ": index it with policyq index " + c.folder() +
                        "/three --db " + c.db).c_str(),
                       Error);
}

TEST_CASE("a policy changed or deleted since indexing is reported with what to do, and answered from the indexed copy") {
  Corpus c("stale");
  std::string a = c.add("a.md", policyq::testing::policy_a);
  std::string b = c.add("b.md", policyq::testing::policy_b);
  std::string d = c.add("d.md", "# D\n\nUnchanged text.\n");
  c.index();
  c.add("a.md", "# Privacy Policy\n\nEverything changed.\n");
  std::filesystem::remove(b);
  // Same bytes, new time: not stale.
  std::filesystem::last_write_time(d, std::filesystem::last_write_time(d) + std::chrono::seconds(5));
  Seen seen;
  std::vector<Document> docs = read_all(*store::open_database(c.db, {}, seen.options()));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].source == policyq::testing::policy_a);
  REQUIRE(seen.errors.size() == 2);
  CHECK(seen.errors[0] == a + ": changed since indexing (answered from the indexed copy): run policyq index again");
  CHECK(seen.errors[1] == b + ": deleted since indexing (answered from the indexed copy): run policyq index again to drop it");
}

TEST_CASE("a database of another schema says which and what to do") {
  Corpus c("schema");
  c.add("a.md", policyq::testing::policy_a);
  c.index();
  {
    store::Connection db(c.db, store::Connection::Mode::write);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {}, {}),
                       (c.db + ": built by schema 99, this is " + std::to_string(store::schema_version) +
                        ": run policyq index again (it rebuilds the database)").c_str(),
                       Error);
}

TEST_CASE("a missing file, a file that is not SQLite, a damaged database and another program's database are one line each") {
  Corpus c("faults");
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {}, {}),
                       (c.db + ": no such database: build it with policyq index PATH… --db " + c.db).c_str(), Error);
  std::ofstream(c.db) << "# not a database\n";
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {}, {}),
                       (c.db + ": not a SQLite database: give the path of a database made by policyq index (nothing was changed)").c_str(),
                       Error);
  std::filesystem::remove(c.db);
  {
    store::Connection other(c.db, store::Connection::Mode::write);
    other.exec("CREATE TABLE notes (t TEXT)");
  }
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {}, {}), doctest::Contains("a SQLite database, but not one policyq index made"), Error);
  std::filesystem::remove(c.db);
  for (int i = 0; i < 40; ++i) c.add("p" + std::to_string(i) + ".md", policyq::testing::policy_a);
  c.index();
  // Damage the pages after the header: SQLite reports corruption when it reads them.
  {
    std::fstream f(c.db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    std::string junk(std::filesystem::file_size(c.db) - 4096 - 8192, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  CHECK_THROWS_WITH_AS(read_all(*store::open_database(c.db, {}, {})), doctest::Contains("database is damaged"), Error);
}

TEST_CASE("a database locked by a writer is one line saying to wait and run again") {
  Corpus c("locked");
  c.add("a.md", policyq::testing::policy_a);
  c.index();
  store::Connection holder(c.db, store::Connection::Mode::write);
  holder.exec("BEGIN EXCLUSIVE");
  CHECK_THROWS_WITH_AS(store::open_database(c.db, {}, {}),
                       doctest::Contains((c.db + ": database is locked by another process").c_str()), Error);
  CHECK_THROWS_WITH_AS(c.index(), doctest::Contains("run again"), Error);
  holder.exec("ROLLBACK");
  CHECK(store::open_database(c.db, {}, {})->size() == 1);
}
