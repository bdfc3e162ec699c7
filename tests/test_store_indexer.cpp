// policyq index as a library (store/indexer.cpp, store/writer.cpp, store/schema.cpp): what
// the tables hold, incremental updates by content hash, files that fail, refusals.
#include "document/loader.hpp"
#include "document/snapshot.hpp"
#include "store/indexer.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store_fixture.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>

using namespace policyq;
using policyq::testing::Corpus;

namespace {
std::int64_t count(const std::string& db, const char* sql) {
  store::Connection c(db, store::Connection::Mode::read);
  return c.query_int(sql);
}
}  // namespace

TEST_CASE("index stores every policy's metadata, sections, sentences, FTS rows and practices") {
  Corpus c("tables");
  c.add("a.md", policyq::testing::policy_a);
  c.add("sub/b.md", policyq::testing::policy_b);
  store::IndexReport r = c.index();
  CHECK(r.added == 2);
  CHECK(r.files == 2);
  CHECK(r.created);
  Document a = load_policy(c.folder() + "/a.md");
  CHECK(count(c.db, "SELECT count(*) FROM policies") == 2);
  CHECK(count(c.db, "SELECT count(*) FROM sections s JOIN policies p ON p.id = s.policy_id WHERE p.name = 'a.md'") ==
        static_cast<std::int64_t>(a.sections.size()));
  CHECK(count(c.db, "SELECT count(*) FROM sentences s JOIN policies p ON p.id = s.policy_id WHERE p.name = 'a.md'") ==
        static_cast<std::int64_t>(a.sentences.size()));
  CHECK(count(c.db, "SELECT line_count FROM policies WHERE name = 'a.md'") == a.line_count);
  CHECK(count(c.db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'advertisers'") == 1);
  // Practices as plain words and concept ids, with their polarity.
  CHECK(count(c.db, "SELECT count(*) FROM practices WHERE action = 'sell' AND polarity = 'negative'") == 1);
  CHECK(count(c.db, "SELECT count(*) FROM practice_concepts WHERE concept = 'email_address' AND label = 'email address'"
                    " AND role = 'data'") == 1);
  CHECK(count(c.db, "SELECT count(*) FROM practice_rows WHERE action = 'share' AND recipients LIKE '%advertisers%'") == 1);
  store::Connection db(c.db, store::Connection::Mode::read);
  CHECK(db.query_int("PRAGMA user_version") == store::schema_version);
  store::Statement s = db.prepare("SELECT d.snapshot, p.title, p.content_hash FROM documents d JOIN policies p ON p.id = d.policy_id WHERE p.name = 'a.md'");
  REQUIRE(s.step());
  CHECK(s.blob_at(0) == serialize_document(a));
  CHECK(s.text_at(1) == "Privacy Policy");
  CHECK(s.text_at(2).size() == 16);
}

TEST_CASE("a second index skips unchanged files, replaces changed ones and drops removed ones") {
  Corpus c("incremental");
  c.add("a.md", policyq::testing::policy_a);
  std::string b = c.add("b.md", policyq::testing::policy_b);
  c.add("c.md", "# C\n\nWe use cookies.\n");
  c.index();
  c.add("a.md", std::string(policyq::testing::policy_a) + "\nWe retain data for two years.\n");
  std::filesystem::remove(b);
  c.add("d.md", "# D\n\nNew policy.\n");
  store::IndexReport r = c.index();
  CHECK(r.added == 1);
  CHECK(r.updated == 1);
  CHECK(r.unchanged == 1);
  CHECK(r.removed == 1);
  CHECK(!r.created);
  CHECK(count(c.db, "SELECT count(*) FROM policies") == 3);
  CHECK(count(c.db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'two years'") == 1);
  CHECK(count(c.db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'server logs'") == 0);  // b's rows are gone
  CHECK(count(c.db, "SELECT count(*) FROM sentences WHERE policy_id NOT IN (SELECT id FROM policies)") == 0);
  CHECK(count(c.db, "SELECT count(*) FROM practices WHERE policy_id NOT IN (SELECT id FROM policies)") == 0);
}

TEST_CASE("index with one worker and with two stores the same analysis") {
  Corpus one("jobs1"), two("jobs2");
  for (const Corpus* c : {&one, &two})
    for (int i = 0; i < 6; ++i) c->add("p" + std::to_string(i) + ".md", std::string(policyq::testing::policy_a) + "\nItem " + std::to_string(i) + " ~~struck~~ www.example.com.\n");
  one.index(1);
  two.index(2);
  auto dump = [](const Corpus& c) {
    std::string out;
    store::Connection db(c.db, store::Connection::Mode::read);
    store::Statement s = db.prepare("SELECT p.name, d.snapshot FROM documents d JOIN policies p ON p.id = d.policy_id ORDER BY p.name");
    while (s.step()) out += std::string(s.text_at(0)) + std::string(s.blob_at(1));
    return out;
  };
  CHECK(dump(one) == dump(two));
}

TEST_CASE("a file that cannot be read is reported and skipped; its stored version is kept") {
  Corpus c("badfile");
  c.add("a.md", policyq::testing::policy_a);
  c.add("b.md", policyq::testing::policy_b);
  c.index();
  c.add("b.md", std::string("# B\n\nbinary\0data\n", 17));
  store::IndexOptions o;
  o.paths = {c.folder()};
  o.db = c.db;
  std::vector<std::string> errors;
  o.on_error = [&](const Error& e) { errors.push_back(e.what()); };
  store::IndexReport r = store::index_policies(o);
  CHECK(r.failed == 1);
  CHECK(r.unchanged == 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == c.folder() + "/b.md:3: binary file (NUL byte at column 7); policies must be UTF-8 Markdown");
  CHECK(count(c.db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'server logs'") == 1);
}

TEST_CASE("a Latin-1 file among good ones is indexed as Windows-1252 with a warning") {
  Corpus c("latin1");
  c.add("a.md", policyq::testing::policy_a);
  c.add("l.md", "# Confidentialit\xE9\n\nNous gardons vos donn\xE9" "es.\n");
  store::IndexOptions o;
  o.paths = {c.folder()};
  o.db = c.db;
  std::vector<std::string> warnings;
  o.on_warning = [&](const std::string& w) { warnings.push_back(w); };
  CHECK(store::index_policies(o).added == 2);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("l.md: not UTF-8: read as Windows-1252") != std::string::npos);
  CHECK(count(c.db, "SELECT count(*) FROM policies WHERE encoding = 'windows-1252' AND title = 'Confidentialité'") == 1);
}

TEST_CASE("policies indexed from another folder are not dropped by indexing this one") {
  Corpus c("roots");
  c.add("one/a.md", policyq::testing::policy_a);
  c.add("two/b.md", policyq::testing::policy_b);
  store::IndexOptions o;
  o.db = c.db;
  o.paths = {c.folder() + "/one"};
  store::index_policies(o);
  o.paths = {c.folder() + "/two"};
  store::IndexReport r = store::index_policies(o);
  CHECK(r.added == 1);
  CHECK(r.removed == 0);
  CHECK(count(c.db, "SELECT count(*) FROM policies") == 2);
}

TEST_CASE("index refuses to write into a file that is not SQLite, another program's database, or a newer schema") {
  Corpus c("refuse");
  c.add("a.md", policyq::testing::policy_a);
  std::string text = "my notes, not a database\n";
  c.add("../policies.db", text);
  CHECK_THROWS_WITH_AS(c.index(), doctest::Contains("not a SQLite database"), Error);
  std::ifstream in(c.db);
  std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(kept == text);  // nothing lost
  std::filesystem::remove(c.db);
  {
    store::Connection other(c.db, store::Connection::Mode::write);
    other.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me')");
  }
  CHECK_THROWS_WITH_AS(c.index(), doctest::Contains("a SQLite database, but not one policyq index made"), Error);
  CHECK(count(c.db, "SELECT count(*) FROM notes") == 1);
  std::filesystem::remove(c.db);
  c.index();
  {
    store::Connection newer(c.db, store::Connection::Mode::write);
    newer.exec(("PRAGMA user_version = " + std::to_string(store::schema_version + 1)).c_str());
  }
  CHECK_THROWS_WITH_AS(c.index(), ("" + c.db + ": built by schema " + std::to_string(store::schema_version + 1) + ", this is " +
                                   std::to_string(store::schema_version) +
                                   ": use the newer policyq that built it, or index into another --db file (nothing was changed)").c_str(),
                       Error);
}
