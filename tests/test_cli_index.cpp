// policyq index and --db as a user runs them: the same output from the database as from
// the files, the exit statuses, and every fault (interrupted index, another schema, not a
// database, locked, a policy changed since indexing, a bad file in a folder) as one line.
#include "cli_runner.hpp"
#include "shared_policies.hpp"
#include "store/sqlite.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <thread>
#include <vector>

using namespace policyq;
using policyq::testing::run_policyq;
using policyq::testing::shell_quote;
namespace fs = std::filesystem;

namespace {
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& tag) {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("policyq_cli_index_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  std::string add(const std::string& name, const std::string& bytes) const {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return path(name);
  }
};

std::string bundled_path() { return std::string(POLICYQ_SOURCE_DIR) + "/corpus/noip-privacy-policy.md"; }
std::string bundled_text() { return policyq::testing::slurp(bundled_path()); }

// Five real policies from ../shared, spread over the sorted list (English and French).
std::vector<std::string> shared_sample() {
  return policyq::testing::shared_policies(policyq::testing::shared_policy_count() / 5 + 1, 5);
}

const char* rules_json = R"({"rules": [
  {"id": "no-sale", "ask": "Do you sell my personal data?", "expect": ["no"]},
  {"id": "retention", "retention": {"data": "personal information", "max": "P2Y"}},
  {"id": "children", "section": "Children", "severity": "warning"},
  {"id": "dnt", "phrase": "Do Not Track", "must": "appear"}
]})";
}  // namespace

TEST_CASE("every command prints the same from --db as from the files it was indexed from") {
  Scratch s("same");
  std::vector<std::string> files = shared_sample();
  if (files.empty()) MESSAGE("../shared is absent: comparing on the bundled policy only");
  files.push_back(bundled_path());
  std::sort(files.begin(), files.end());
  std::string policies, paths;
  for (const std::string& f : files) policies += " --policy " + shell_quote(f), paths += " " + shell_quote(f);
  std::string db = s.path("p.db");
  auto index = run_policyq("index -q" + paths + " --db " + db);
  REQUIRE(index.status == 0);
  std::string rules = s.add("rules.json", rules_json);
  for (std::string cmd : std::vector<std::string>{"toc", "toc --json --all", "show Children", "show --json 'Privacy Policy'", "search 'retain personal information'",
                          "search --json --top 20 'share with third parties'", "ask 'Do you sell my personal data?'",
                          "ask --json 'Is my location shared with advertisers?'", "ask 'What data do you collect?'",
                          "practices --action sell", "practices --json --negative", "lint --format json", "lint",
                          "check --format json --rules " + rules}) {
    INFO(cmd);
    auto from_files = run_policyq(cmd + policies);
    auto from_db = run_policyq(cmd + " --db " + db);
    CHECK(from_db.status == from_files.status);
    CHECK(from_db.err == from_files.err);
    CHECK(from_db.out == from_files.out);
    CHECK(!from_db.out.empty());
  }
}

TEST_CASE("POLICYQ_DB is the database when no policy is named; a named policy wins over it") {
  Scratch s("env");
  std::string a = s.add("a.md", "# Retention\n\nWe keep invoices for ten years.\n");
  std::string b = s.add("b.md", "# Cookies\n\nWe use cookies.\n");
  std::string db = s.path("p.db");
  REQUIRE(run_policyq("index -q " + a + " --db " + db).status == 0);
  CHECK(run_policyq("search invoices").out.find(a) == std::string::npos);  // no database: the bundled policy
  std::string prefix = "POLICYQ_DB=" + db + " ";
  std::string cmd = "env " + prefix + POLICYQ_BINARY + " search invoices";
  std::string out = s.path("out.txt");
  CHECK(std::system((cmd + " >" + out).c_str()) == 0);
  CHECK(policyq::testing::slurp(out).find(a + ":3") != std::string::npos);
  CHECK(std::system(("env " + prefix + POLICYQ_BINARY + " search cookies --policy " + b + " >" + out).c_str()) == 0);
  CHECK(policyq::testing::slurp(out).find(b + ":3") != std::string::npos);
}

TEST_CASE("index reports what changed; -q prints nothing; no progress line when stderr is not a terminal") {
  Scratch s("report");
  s.add("in/a.md", "# A\n\nWe keep invoices for ten years.\n");
  s.add("in/b.md", "# B\n\nWe use cookies.\n");
  std::string db = s.path("p.db");
  auto first = run_policyq("index " + s.path("in") + " --db " + db);
  CHECK(first.status == 0);
  CHECK(first.out == db + ": 2 files (0.0 MB): 2 added, 0 updated, 0 unchanged, 0 removed, 0 failed\n");
  CHECK(first.err.empty());
  fs::remove(s.path("in/b.md"));
  auto second = run_policyq("index --json " + s.path("in") + " --db " + db);
  auto j = nlohmann::json::parse(second.out);
  CHECK(j["unchanged"] == 1);
  CHECK(j["removed"] == 1);
  auto quiet = run_policyq("index -q " + s.path("in") + " --db " + db);
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  auto no_db = run_policyq("index " + s.path("in"));
  CHECK(no_db.status == 2);
  CHECK(no_db.err == "policyq: error: --db: say which database file to build or update (or set POLICYQ_DB)\n");
}

TEST_CASE("a database analysed with other practice rules is re-analysed by index and warned about by the read commands") {
  Scratch s("rules");
  s.add("in/a.md", "# A\n\nWe keep invoices for ten years.\n");
  s.add("in/b.md", "# B\n\nWe do not sell your personal information.\n");
  std::string db = s.path("p.db");
  REQUIRE(run_policyq("index -q " + s.path("in") + " --db " + db).status == 0);
  CHECK(run_policyq("toc --db " + db).err.empty());  // this policyq's rules: nothing to say
  {
    store::Connection c(db, store::Connection::Mode::write);
    c.exec("UPDATE meta SET value = 'lexicon-0000000000000000' WHERE key = 'rules'");  // as an older policyq left it
  }
  auto toc = run_policyq("toc --db " + db);
  CHECK(toc.status == 0);  // still answered, from what is stored
  CHECK(toc.err == "policyq: warning: " + db + ": analysed with other practice rules than this policyq's: run policyq index --db " +
                       db + " PATH… again to analyse it anew\n");
  auto again = run_policyq("index --json " + s.path("in") + " --db " + db);
  auto j = nlohmann::json::parse(again.out);
  CHECK(j["updated"] == 2);  // unchanged bytes, analysed anew
  CHECK(j["unchanged"] == 0);
  CHECK(run_policyq("toc --db " + db).err.empty());
  CHECK(nlohmann::json::parse(run_policyq("index --json " + s.path("in") + " --db " + db).out)["unchanged"] == 2);
}

TEST_CASE("diff compares files only: it takes neither --db nor --encoding") {
  auto r = run_policyq("diff --db x.db a.md b.md");
  CHECK(r.status == 2);
  CHECK(r.err.find("--db") != std::string::npos);
  CHECK(run_policyq("diff --help").out.find("no --db") != std::string::npos);
  CHECK(run_policyq("diff --encoding latin1 a.md b.md").status == 2);
}

TEST_CASE("index killed mid-run leaves the previous database readable and whole; the next run finishes the job") {
  Scratch s("kill");
  const std::string text = bundled_text();
  std::string db = s.path("p.db");
  for (int i = 0; i < 8; ++i) s.add("corpus/p" + std::to_string(100 + i) + ".md", text + "\nVersion " + std::to_string(i) + ".\n");
  REQUIRE(run_policyq("index -q " + s.path("corpus") + " --db " + db).status == 0);
  for (int i = 8; i < 160; ++i) s.add("corpus/p" + std::to_string(100 + i) + ".md", text + "\nVersion " + std::to_string(i) + ".\n");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(POLICYQ_BINARY, POLICYQ_BINARY, "index", "-j1", s.path("corpus").c_str(), "--db", db.c_str(), (char*)nullptr);
    _exit(127);
  }
  // Kill it once a batch beyond the first 8 policies is committed, so that it dies mid-run.
  bool exited = false;
  for (int tries = 0; tries < 2000 && !exited; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      store::Connection c(db, store::Connection::Mode::read);
      if (c.query_int("SELECT count(*) FROM policies") > 8) break;
    } catch (const std::exception&) {  // locked for a moment by the commit
    }
    exited = waitpid(child, nullptr, WNOHANG) == child;
  }
  if (!exited) {
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
  }
  store::Connection c(db, store::Connection::Mode::read);
  CHECK(c.query_int("PRAGMA integrity_check") == 0);  // "ok" reads as 0
  std::int64_t stored = c.query_int("SELECT count(*) FROM policies");
  CHECK(stored >= 8);
  INFO("stored " << stored);
  if (!exited) CHECK(stored < 160);
  else MESSAGE("index finished before it could be killed: only the database's state is checked");
  CHECK(c.query_int("SELECT count(*) FROM policies p JOIN documents d ON d.policy_id = p.id") == stored);
  CHECK(c.query_int("SELECT count(*) FROM sentences WHERE policy_id NOT IN (SELECT id FROM policies)") == 0);
  auto toc = run_policyq("toc --db " + db + " --policy " + s.path("corpus/p100.md"));
  CHECK(toc.status == 0);
  CHECK(toc.out.find("Information Retention Policy") != std::string::npos);
  auto again = run_policyq("index --json " + s.path("corpus") + " --db " + db);
  CHECK(again.status == 0);
  auto j = nlohmann::json::parse(again.out);
  CHECK(j["added"].get<std::int64_t>() == 160 - stored);
  CHECK(j["unchanged"].get<std::int64_t>() == stored);
}

TEST_CASE("database faults are one line with what to do, exit 2 and nothing on stdout") {
  Scratch s("faults");
  std::string a = s.add("a.md", "# Retention\n\nWe keep invoices for ten years.\n");
  std::string db = s.path("p.db");
  REQUIRE(run_policyq("index -q " + a + " --db " + db).status == 0);
  std::string notes = s.add("notes.db", "these are my notes\n");
  std::string old = s.path("old.db");
  fs::copy_file(db, old);
  {
    store::Connection c(old, store::Connection::Mode::write);
    c.exec("PRAGMA user_version = 7");
  }
  struct Case {
    std::string args, message;
  } cases[] = {
      {"search invoices --db " + s.path("none.db"), s.path("none.db") + ": no such database: build it with policyq index PATH… --db " + s.path("none.db")},
      {"search invoices --db " + notes, notes + ": not a SQLite database: give the path of a database made by policyq index (nothing was changed)"},
      {"index " + a + " --db " + notes, notes + ": not a SQLite database: give the path of a database made by policyq index (nothing was changed)"},
      {"ask 'Do you sell my data?' --db " + old, old + ": built by schema 7, this is 2: run policyq index again (it rebuilds the database)"},
      {"index " + a + " --db " + old, old + ": built by schema 7, this is 2: use the newer policyq that built it, or index into another --db file (nothing was changed)"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    auto r = run_policyq(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "policyq: error: " + c.message + "\n");
  }
  CHECK(policyq::testing::slurp(notes) == "these are my notes\n");
  // Locked: another process holds the write lock.
  store::Connection holder(db, store::Connection::Mode::write);
  holder.exec("BEGIN EXCLUSIVE");
  auto locked = run_policyq("toc --db " + db);
  CHECK(locked.status == 2);
  CHECK(locked.out.empty());
  CHECK(locked.err.rfind("policyq: error: " + db + ": database is locked by another process", 0) == 0);
  CHECK(std::count(locked.err.begin(), locked.err.end(), '\n') == 1);
  holder.exec("ROLLBACK");
  // Changed since indexing: answered from the indexed copy, one line, exit 2.
  s.add("a.md", "# Retention\n\nWe keep invoices for twenty years.\n");
  auto stale = run_policyq("search invoices --db " + db);
  CHECK(stale.status == 2);
  CHECK(stale.out.find("ten years") != std::string::npos);
  CHECK(stale.err == "policyq: error: " + a + ": changed since indexing (answered from the indexed copy): run policyq index again\n");
}

TEST_CASE("search --db ranks from stored postings: as the files after an update and a removal; a damaged row is one line") {
  Scratch s("postings");
  s.add("in/a.md", "# Retention\n\nWe keep invoices for ten years.\n\n## Selling\n\nWe never sell invoices or personal data.\n");
  s.add("in/b.md", bundled_text());
  s.add("in/c.md", "* [Home](/)\n* [Invoices](/i)\n* [Contact](/c)\n\n# Invoices\n\nInvoices are kept, invoices are sent.\n");
  std::string in = s.path("in"), db = s.path("p.db");
  REQUIRE(run_policyq("index -q " + in + " --db " + db).status == 0);
  auto same = [&](const std::string& when) {
    for (std::string cmd : std::vector<std::string>{"search --json --limit 30 'keep invoices'", "search --all --limit 30 invoices",
                                                    "search --limit 5 'sell personal data'"}) {
      INFO(when << ": " << cmd);
      auto from_db = run_policyq(cmd + " --db " + db);
      CHECK(from_db.status == 0);
      CHECK(from_db.err.empty());
      CHECK(from_db.out == run_policyq(cmd + " --policy " + in).out);
    }
  };
  same("indexed");
  s.add("in/a.md", "# Retention\n\nWe keep invoices for twenty years, and invoices of partners for one.\n");
  REQUIRE(run_policyq("index -q " + in + " --db " + db).status == 0);
  same("updated");
  fs::remove(s.path("in/c.md"));
  REQUIRE(run_policyq("index -q " + in + " --db " + db).status == 0);
  same("removed");
  // A policy changed since indexing is reported when search quotes it, as reading it would;
  // one it does not quote is not read, so not compared with its file (toc reads it: reported).
  s.add("in/b.md", bundled_text() + "\nOne more line.\n");
  auto unquoted = run_policyq("search invoices --db " + db);
  CHECK(unquoted.status == 0);
  CHECK(unquoted.err.empty());
  CHECK(run_policyq("toc --db " + db).err.find(s.path("in/b.md") + ": changed since indexing") != std::string::npos);
  auto quoted = run_policyq("search 'No-IP' --limit 1 --db " + db);
  CHECK(quoted.status == 2);
  CHECK(quoted.err == "policyq: error: " + s.path("in/b.md") +
                          ": changed since indexing (answered from the indexed copy): run policyq index again\n");
  REQUIRE(run_policyq("index -q " + in + " --db " + db).status == 0);
  {
    store::Connection c(db, store::Connection::Mode::write);
    for (const char* table : {"search_terms", "search_postings"}) {
      INFO(table);
      CHECK(c.query_int((std::string("SELECT count(*) FROM ") + table + " WHERE policy_id NOT IN (SELECT id FROM policies)").c_str()) == 0);
    }
    c.exec("UPDATE search_postings SET postings = x'ffff' WHERE id IN (SELECT postings_id FROM search_terms WHERE term = 'invoic')");
  }
  auto damaged = run_policyq("search invoices --db " + db);
  CHECK(damaged.status == 2);
  CHECK(damaged.out.empty());
  CHECK(damaged.err.find(": its search postings in the database are damaged: run policyq index --force again\n") != std::string::npos);
  CHECK(std::count(damaged.err.begin(), damaged.err.end(), '\n') == 1);
}

TEST_CASE("a folder with a binary file and a Latin-1 file: every command answers the rest, reports the bad one once, exits 2") {
  Scratch s("folder");
  std::string good = s.add("p/a.md", bundled_text());
  std::string bad = s.add("p/b.md", std::string("# B\n\nabc\0def\n", 14));
  std::string latin1 = s.add("p/c.md", "# Confidentialit\xE9\n\nNous ne vendons jamais vos donn\xE9" "es personnelles.\n");
  std::string rules = s.add("rules.json", rules_json);
  std::string folder = s.path("p");
  const std::string error = "policyq: error: " + bad + ":3: binary file (NUL byte at column 4); policies must be UTF-8 Markdown\n";
  const std::string warning = "policyq: warning: " + latin1 + ": not UTF-8: read as Windows-1252 (say --encoding NAME if it is another)\n";
  for (std::string cmd : std::vector<std::string>{"toc", "show Children", "search données", "ask 'Do you sell my personal data?'", "practices",
                          "lint", "check --rules " + rules}) {
    INFO(cmd);
    auto r = run_policyq(cmd + " --policy " + folder);
    CHECK(r.status == 2);
    CHECK(r.err == error + warning);
    CHECK(!r.out.empty());
  }
  CHECK(run_policyq("toc --policy " + folder).out.find("Confidentialité") != std::string::npos);
  CHECK(run_policyq("search données --policy " + folder).out.find(latin1 + ":3") != std::string::npos);
  auto index = run_policyq("index " + folder + " --db " + s.path("p.db"));
  CHECK(index.status == 2);
  CHECK(index.err == error + warning);
  CHECK(index.out.find("2 added, 0 updated, 0 unchanged, 0 removed, 1 failed") != std::string::npos);
  auto from_db = run_policyq("search données --db " + s.path("p.db"));
  CHECK(from_db.status == 0);
  CHECK(from_db.out == run_policyq("search données --policy " + good + " --policy " + latin1).out);
}

TEST_CASE("the man page documents index, its options, --db, --encoding and the database tables") {
  std::string man = policyq::testing::slurp(std::string(POLICYQ_SOURCE_DIR) + "/man/policyq.1");
  CHECK(man.find(".B index") != std::string::npos);
  for (const char* option : {"jobs", "force", "db", "encoding"}) {
    INFO(option);
    CHECK(man.find(std::string("\\-\\-") + option) != std::string::npos);
    CHECK(run_policyq("index --help").out.find(std::string("--") + option) != std::string::npos);
  }
  for (const char* table : {"policies", "documents", "sections", "sentences", "sentences_fts", "practices",
                            "practice_concepts", "practice_periods", "practice_rows", "search_terms", "search_postings", "meta"}) {
    INFO(table);
    CHECK(man.find(std::string(".B ") + table + "\n") != std::string::npos);
  }
}
