// index --shard K/N and merge as a user runs them: the shards split a folder into disjoint
// shares, the same wherever the folder is, and their merge answers every command exactly as
// one database indexed in one run.
#include "cli_runner.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>
#include <vector>

using policyq::testing::run_policyq;
namespace fs = std::filesystem;

namespace {
struct Shards {
  fs::path dir;
  Shards() {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("policyq_cli_shards_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(dir / "in/sub");
    const char* recipients[] = {"advertisers", "data brokers", "payment processors", "analytics providers",
                                "law enforcement", "our affiliates", "marketing partners", "service providers"};
    for (int i = 0; i < 8; ++i) {
      std::string name = (i % 2 ? "in/sub/vendor" : "in/vendor") + std::to_string(i) + ".md";
      std::string verb = i % 3 == 0 ? "do not sell" : i % 3 == 1 ? "sell" : "may sell, with your consent,";
      std::ofstream(dir / name) << "# Vendor " << i << " Privacy Policy\n\n## Sharing\n\nWe " << verb
                                << " your personal information to " << recipients[i] << ".\n\n"
                                << "We share your email address with " << recipients[(i + 3) % 8]
                                << " for the purposes described in this policy.\n";
    }
    fs::copy_file(std::string(POLICYQ_SOURCE_DIR) + "/corpus/noip-privacy-policy.md", dir / "in/noip.md");
  }
  ~Shards() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

std::size_t files_indexed(const std::string& args) {
  auto r = run_policyq("index --json " + args);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out)["files"].get<std::size_t>();
}
}  // namespace

TEST_CASE("index --shard K/N: disjoint shares of a folder, the same wherever it is; merged, one database") {
  Shards s;
  std::string in = s.path("in");
  std::size_t all = files_indexed(in + " --db " + s.path("all.db"));
  REQUIRE(all == 9);
  std::size_t sum = 0;
  std::string shards;
  for (int k = 1; k <= 3; ++k) {
    std::string db = s.path("s" + std::to_string(k) + ".db");
    sum += files_indexed(in + " --db " + db + " --shard " + std::to_string(k) + "/3");
    shards += " " + db;
  }
  CHECK(sum == all);
  // By the path relative to the folder indexed: a copy elsewhere splits the same way.
  fs::create_directories(s.path("moved"));
  fs::copy(in, s.path("moved/corpus"), fs::copy_options::recursive);
  CHECK(files_indexed(s.path("moved/corpus") + " --db " + s.path("moved.db") + " --shard 2/3") ==
        files_indexed(in + " --db " + s.path("s2again.db") + " --shard 2/3"));

  auto merge = run_policyq("merge " + s.path("m.db") + shards);
  CHECK(merge.status == 0);
  CHECK(merge.out == s.path("m.db") + ": 9 policies from 3 databases\n");
  for (std::string cmd : std::vector<std::string>{"ask --jsonl 'Do you sell my personal information?'",
                                                  "ask --summary --json 'Who do you share my email address with?'",
                                                  "search --json --limit 5 'sell personal information'", "toc --json",
                                                  "practices --json --action sell", "lint --format json"}) {
    INFO(cmd);
    auto single = run_policyq(cmd + " --db " + s.path("all.db"));
    auto merged = run_policyq(cmd + " --db " + s.path("m.db"));
    CHECK(merged.status == single.status);
    CHECK(merged.err == single.err);
    CHECK(merged.out == single.out);
  }
}

TEST_CASE("merge and --shard refuse what would lose or mix data, in one line, exit 2") {
  Shards s;
  std::string db = s.path("a.db");
  REQUIRE(run_policyq("index -q " + s.path("in") + " --db " + db).status == 0);
  auto exists = run_policyq("merge " + db + " " + db);
  CHECK(exists.status == 2);
  CHECK(exists.err == "policyq: error: " + db + ": already exists: merge into a new file (nothing was changed)\n");
  auto overlap = run_policyq("merge " + s.path("b.db") + " " + db + " " + db);
  CHECK(overlap.status == 2);
  CHECK(overlap.err.find("is also in another database merged") != std::string::npos);
  CHECK(!fs::exists(s.path("b.db")));
  CHECK(fs::is_empty(s.dir / "in") == false);
  auto not_db = run_policyq("merge " + s.path("c.db") + " " + s.path("in/noip.md"));
  CHECK(not_db.status == 2);
  CHECK(!fs::exists(s.path("c.db")));
  for (const char* bad : {"0/3", "4/3", "x", "1/0", "2"}) {
    INFO(bad);
    auto r = run_policyq("index " + s.path("in") + " --db " + s.path("d.db") + " --shard " + bad);
    CHECK(r.status == 2);
    CHECK(r.err.find("policyq: error: --shard: expected K/N") == 0);
  }
}
