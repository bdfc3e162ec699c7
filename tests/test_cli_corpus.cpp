// Questions asked of a corpus as a user asks them: ask --jsonl (one answer per line, as
// each policy is answered), --summary (counts by verdict and by item), --verdict (a
// filter with grep's exit statuses), and search's one ranking over several policies; the
// same from a folder as from a database.
#include "cli_runner.hpp"
#include "shared_policies.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>
#include <vector>

using policyq::testing::run_policyq;
namespace fs = std::filesystem;

namespace {
struct Corpus {
  fs::path dir;
  Corpus() {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("policyq_cli_corpus_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(dir / "in");
    // Three vendors: one sells, one denies it, one says nothing about selling.
    add("in/acme.md",
        "# Acme Privacy Policy\n\n## Sharing\n\nWe sell your personal information to advertisers and data brokers.\n\n"
        "We share your email address with advertisers for marketing purposes.\n");
    add("in/bolt.md",
        "# Bolt Privacy Policy\n\n## Sharing\n\nWe do not sell your personal information to anyone.\n\n"
        "We share your email address with payment processors to process your payments.\n");
    add("in/cleo.md",
        "# Cleo Privacy Policy\n\n## Cookies\n\nWe use cookies to remember your language and your preferences.\n\n"
        "You can turn cookies off in the settings of your browser at any time.\n");
  }
  ~Corpus() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void add(const std::string& name, const std::string& text) const { std::ofstream(dir / name, std::ios::binary) << text; }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  std::string folder() const { return " --policy " + path("in"); }
  std::string db() const {
    std::string db = path("p.db");
    if (!fs::exists(db)) REQUIRE(run_policyq("index -q " + path("in") + " --db " + db).status == 0);
    return " --db " + db;
  }
};

std::vector<nlohmann::json> lines_of(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

const std::string sell = " 'Do you sell my personal information?'";
const std::string who = " 'Who do you share my email address with?'";
}  // namespace

TEST_CASE("ask --jsonl prints one answer per line, the objects --json gathers in answers") {
  Corpus c;
  auto jsonl = run_policyq("ask --jsonl" + c.folder() + sell);
  auto json = run_policyq("ask --json" + c.folder() + sell);
  REQUIRE(jsonl.status == 0);
  CHECK(jsonl.err.empty());
  std::vector<nlohmann::json> lines = lines_of(jsonl.out);
  nlohmann::json whole = nlohmann::json::parse(json.out);
  REQUIRE(lines.size() == 3);
  CHECK(nlohmann::json(lines) == whole["answers"]);
  CHECK(lines[0]["policy"] == c.path("in/acme.md"));
  CHECK(lines[0]["verdict"] == "yes");
  CHECK(lines[1]["verdict"] == "no");
  CHECK(lines[2]["verdict"] == "not_stated");
  auto both = run_policyq("ask --jsonl --json" + c.folder() + sell);
  CHECK(both.status == 2);
  CHECK(both.out.empty());
  CHECK(both.err == "policyq: error: --jsonl: prints answers as JSON lines, not with --json\n");
  CHECK(run_policyq("ask --jsonl --summary" + c.folder() + sell).status == 2);
}

TEST_CASE("ask --verdict prints only the policies with those verdicts; exit 0 when any, 1 when none, 2 on a bad list") {
  Corpus c;
  auto some = run_policyq("ask --jsonl --verdict yes,conditional" + c.folder() + sell);
  CHECK(some.status == 0);
  std::vector<nlohmann::json> lines = lines_of(some.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["policy"] == c.path("in/acme.md"));
  auto text = run_policyq("ask --verdict no" + c.folder() + sell);
  CHECK(text.status == 0);
  CHECK(text.out.find(c.path("in/bolt.md")) != std::string::npos);
  CHECK(text.out.find(c.path("in/acme.md")) == std::string::npos);
  // not_stated only: found, so 0, though the answer itself states nothing.
  CHECK(run_policyq("ask -q --verdict not_stated" + c.folder() + sell).status == 0);
  auto none = run_policyq("ask --verdict conditional" + c.folder() + sell);
  CHECK(none.status == 1);
  CHECK(none.out.empty());
  auto bad = run_policyq("ask --verdict yes,maybe" + c.folder() + sell);
  CHECK(bad.status == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("policyq: error: --verdict: 'maybe' is no verdict") == 0);
  CHECK(bad.err.find('\n') == bad.err.size() - 1);
}

TEST_CASE("ask --summary counts policies by verdict, and for a list question how many name each item") {
  Corpus c;
  auto text = run_policyq("ask --summary" + c.folder() + sell);
  CHECK(text.status == 0);
  CHECK(text.out == "Do you sell my personal information?\n3 policies: yes 1, no 1, conditional 0, not_stated 1\n");
  auto json = nlohmann::json::parse(run_policyq("ask --summary --json" + c.folder() + sell).out);
  CHECK(json["policies"] == 3);
  CHECK(json["kind"] == "verdict");
  CHECK(json["verdicts"] == nlohmann::json{{"yes", 1}, {"no", 1}, {"conditional", 0}, {"not_stated", 1}});
  CHECK(!json.contains("items"));

  auto list = nlohmann::json::parse(run_policyq("ask --summary --json" + c.folder() + who).out);
  CHECK(list["kind"] == "recipients");
  CHECK(list["verdicts"]["stated"] == 2);
  CHECK(list["verdicts"]["not_stated"] == 1);
  REQUIRE(list["items"].is_array());
  REQUIRE(!list["items"].empty());
  // Each item counts the policies that name it, most common first; the counts agree with
  // the items of the answers themselves.
  std::map<std::string, int> named;
  for (const auto& a : lines_of(run_policyq("ask --jsonl" + c.folder() + who).out))
    for (const auto& item : a["items"]) ++named[item["label"].get<std::string>()];
  int previous = 1 << 30;
  for (const auto& item : list["items"]) {
    CHECK(item["policies"].get<int>() <= previous);
    previous = item["policies"].get<int>();
    CHECK(named[item["label"].get<std::string>()] == item["policies"].get<int>());
  }
  CHECK(named.size() == list["items"].size());
  // --verdict narrows what is counted.
  auto yes = nlohmann::json::parse(run_policyq("ask --summary --json --verdict yes" + c.folder() + sell).out);
  CHECK(yes["policies"] == 1);
}

TEST_CASE("corpus questions answer the same from a database as from the folder it was indexed from") {
  Corpus c;
  for (std::string cmd : std::vector<std::string>{"ask --jsonl" + sell, "ask --summary" + who, "ask --summary --json" + sell,
                          "ask --verdict no,not_stated" + sell, "search --json --limit 4 'personal information'",
                          "search --limit 2 cookies"}) {
    INFO(cmd);
    auto from_files = run_policyq(cmd + c.folder());
    auto from_db = run_policyq(cmd + c.db());
    CHECK(from_files.status == 0);
    CHECK(from_db.status == from_files.status);
    CHECK(from_db.err == from_files.err);
    CHECK(from_db.out == from_files.out);
  }
}

TEST_CASE("search over several policies is one ranking: scores as if the corpus were one document") {
  Corpus c;
  // The three policies as one file: the same sentences under the same sections, so a
  // ranking by corpus-wide statistics must give every sentence the score it has there.
  std::string joined;
  for (const char* name : {"in/acme.md", "in/bolt.md", "in/cleo.md"}) joined += policyq::testing::slurp(c.path(name)) + "\n";
  c.add("joined.md", joined);
  auto corpus = nlohmann::json::parse(run_policyq("search --json --limit 20 'your personal information'" + c.folder()).out);
  auto one = nlohmann::json::parse(
      run_policyq("search --json --limit 20 'your personal information' --policy " + c.path("joined.md")).out);
  REQUIRE(corpus["results"].size() == one["results"].size());
  REQUIRE(!corpus["results"].empty());
  for (std::size_t i = 0; i < corpus["results"].size(); ++i) {
    CHECK(corpus["results"][i]["quote"] == one["results"][i]["quote"]);
    CHECK(corpus["results"][i]["score"].get<double>() == doctest::Approx(one["results"][i]["score"].get<double>()));
  }
  auto limited = nlohmann::json::parse(run_policyq("search --json --limit 2 'your personal information'" + c.folder()).out);
  CHECK(limited["results"].size() == 2);
  CHECK(limited["results"][0] == corpus["results"][0]);
}

TEST_CASE("a folder streams: each policy is printed before the next is read, and a bad file is skipped") {
  Corpus c;
  c.add("in/broken.md", std::string("\0\1\2binary", 9));
  auto r = run_policyq("ask --jsonl" + c.folder() + sell);
  CHECK(r.status == 2);  // one file skipped, the others answered (as grep)
  CHECK(lines_of(r.out).size() == 3);
  CHECK(r.err.find("broken.md") != std::string::npos);
  auto s = run_policyq("search --limit 3 personal" + c.folder());
  CHECK(s.status == 2);
  // Reported once, though search reads the folder twice (statistics, then ranking).
  CHECK(std::count(s.err.begin(), s.err.end(), '\n') == 1);
}

TEST_CASE("search reads standard input once though it reads its policies twice") {
  Corpus c;
  std::string acme = policyq::testing::slurp(c.path("in/acme.md"));
  auto piped = run_policyq("search --json --limit 5 'personal information' --policy - --policy " + c.path("in/bolt.md"), acme);
  CHECK(piped.status == 0);
  CHECK(piped.err.empty());
  auto j = nlohmann::json::parse(piped.out);
  bool from_stdin = false;
  for (const auto& r : j["results"]) from_stdin |= r["policy"] == "<stdin>";
  CHECK(from_stdin);
}

namespace {
// Every fourth real policy of ../shared (about 70, English and French); none without it.
std::vector<std::string> shared_quarter() { return policyq::testing::shared_policies(4); }

// Yes/no questions of every kind of verdict: those a database can count without reading
// every policy (a practice must state them) and those it cannot (topics, transfers,
// deletion, children).
const std::vector<std::string> verdict_questions = {
    "Do you sell my personal information?",        "Is my location shared with advertisers?",
    "Do you share my personal information with third parties?", "Do you collect my location?",
    "Do you honor Do Not Track signals?",          "How long do you keep my personal data?",
    "Do you use cookies?",                         "Do you use my data for advertising?",
    "Do you knowingly collect personal information from children?", "Is my personal data transferred to other countries?",
    "Can I delete my personal data?",              "What security measures protect my information?"};
}  // namespace

TEST_CASE("a database counts a corpus question as the files do, though it reads only the policies that may state it") {
  Corpus c;
  std::vector<std::string> files = shared_quarter();
  if (files.empty()) MESSAGE("../shared is absent: counting on three small policies only");
  for (const std::string& f : files) fs::copy_file(f, c.dir / "in" / fs::path(f).filename());
  for (const std::string& question : verdict_questions) {
    for (std::string cmd : {"ask --summary --json ", "ask --jsonl --verdict yes,no,conditional "}) {
      cmd += policyq::testing::shell_quote(question);
      INFO(cmd);
      auto from_files = run_policyq(cmd + c.folder());
      auto from_db = run_policyq(cmd + c.db());
      CHECK(from_db.status == from_files.status);
      CHECK(from_db.err == from_files.err);
      CHECK(from_db.out == from_files.out);
    }
  }
  // A policy left unread still shows --explain's reading of the question, as when answered.
  std::string cleo = " --policy " + c.path("in/cleo.md");
  auto explained_files = run_policyq("ask --explain --verdict yes" + sell + cleo);
  auto explained_db = run_policyq("ask --explain --verdict yes" + sell + c.db() + cleo);
  CHECK(explained_db.out == explained_files.out);
  CHECK(explained_db.out.find("intent: selling") != std::string::npos);
  CHECK(explained_db.status == 1);
  // Acme sells and Bolt denies it; Cleo (cookies only) is counted as not stating it.
  auto summary = nlohmann::json::parse(run_policyq("ask --summary --json" + sell + c.db()).out);
  CHECK(summary["policies"] == files.size() + 3);
  CHECK(summary["verdicts"]["not_stated"].get<int>() >= 1);
}

TEST_CASE("ask answers a corpus on several threads and prints exactly what one thread prints") {
  Corpus c;
  for (const std::string& f : shared_quarter()) fs::copy_file(f, c.dir / "in" / fs::path(f).filename());
  for (std::string cmd : {"ask" + sell, "ask --json" + who, "ask --jsonl --explain" + sell, "ask --summary" + who,
                          "ask --verdict no" + sell}) {
    INFO(cmd);
    auto one = run_policyq(cmd + " -j1" + c.folder());
    auto two = run_policyq(cmd + " -j2" + c.folder());
    auto three = run_policyq(cmd + " -j3" + c.db());
    CHECK(two.status == one.status);
    CHECK(two.out == one.out);
    CHECK(two.err == one.err);
    CHECK(three.out == one.out);
    CHECK(!one.out.empty());
  }
  // A bad file among them is reported once, in its turn, and the others are answered.
  c.add("in/broken.md", std::string("\0\1\2binary", 9));
  auto one = run_policyq("ask --jsonl -j1" + sell + c.folder());
  auto two = run_policyq("ask --jsonl -j2" + sell + c.folder());
  CHECK(two.status == 2);
  CHECK(two.out == one.out);
  CHECK(two.err == one.err);
}

TEST_CASE("search over a folder on several threads prints exactly what one thread prints") {
  Corpus c;
  for (const std::string& f : shared_quarter()) fs::copy_file(f, c.dir / "in" / fs::path(f).filename());
  for (std::string cmd : {"search 'sell personal information'", "search --json --limit 30 cookies",
                          "search --all --limit 5 'données personnelles'"}) {
    INFO(cmd);
    auto one = run_policyq(cmd + " -j1" + c.folder());
    auto two = run_policyq(cmd + " -j2" + c.folder());
    CHECK(one.status == 0);
    CHECK(two.status == one.status);
    CHECK(two.out == one.out);
    CHECK(!one.out.empty());
  }
}
