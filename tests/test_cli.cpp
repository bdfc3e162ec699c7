// Runs the policyq binary as a user would: exit statuses, error lines, JSON contracts,
// and every quote checked against the lines it names.
#include "cli_runner.hpp"
#include "document/loader.hpp"
#include "source_check.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>

using namespace policyq;
using policyq::testing::run_policyq;
using policyq::testing::shell_quote;

namespace {
std::string temp_file(const std::string& name, const std::string& bytes) {
  std::string path = "/tmp/policyq_cli_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}
}  // namespace

TEST_CASE("toc on the bundled policy lists the policy sections and no menus or dialogs") {
  auto r = run_policyq("toc");
  CHECK(r.status == 0);
  CHECK(r.out.find("Information Retention Policy") != std::string::npos);
  CHECK(r.out.find("Modification Of This Policy") != std::string::npos);
  CHECK(r.out.find("Your browser is out of date") == std::string::npos);
  CHECK(r.out.find("Log In To Your Account") == std::string::npos);
  CHECK(r.out.find("Please select your Language") == std::string::npos);
  CHECK(r.out.find("HIDE MENU") == std::string::npos);
}

TEST_CASE("toc --all shows the chrome sections marked as chrome") {
  auto r = run_policyq("toc --all");
  CHECK(r.status == 0);
  CHECK(r.out.find("Log In To Your Account") != std::string::npos);
  CHECK(r.out.find("[chrome]") != std::string::npos);
}

TEST_CASE("toc --json gives every section with title, anchor, level, path and lines") {
  auto r = run_policyq("toc --json");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["language"] == "en");
  std::vector<std::string> titles;
  for (const auto& s : j["sections"]) titles.push_back(s["title"]);
  CHECK(titles.front() == "Privacy Policy");
  CHECK(titles.back() == "Modification Of This Policy");
  CHECK(std::find(titles.begin(), titles.end(), "Children") != titles.end());
  for (const auto& s : j["sections"]) {
    CHECK(s["line"].get<int>() <= s["end_line"].get<int>());
    CHECK(s.contains("anchor"));
    CHECK(s["path"].back() == s["title"]);
    CHECK(s["chrome"] == false);
  }
}

TEST_CASE("show finds a section by title, anchor and path, quoting its text") {
  for (std::string q : {"Information Retention Policy", "information-retention-policy", "Privacy Policy > Information Retention Policy"}) {
    auto r = run_policyq("show " + shell_quote(q));
    INFO(q);
    CHECK(r.status == 0);
    CHECK(r.out.find("corpus/noip-privacy-policy.md:171-176") != std::string::npos);
    CHECK(r.out.find("two years after you have ceased using the service") != std::string::npos);
  }
}

TEST_CASE("show with no matching section exits 1") {
  auto r = run_policyq("show 'No Such Section Anywhere'");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
}

TEST_CASE("search ranks the retention sentence first and quotes it with file:line") {
  auto r = run_policyq("search --json 'retain personal information'");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(!j["results"].empty());
  auto top = j["results"][0];
  CHECK(top["line"] == 174);
  CHECK(top["section"] == "Information Retention Policy");
  CHECK(top["anchor"] == "information-retention-policy");
  CHECK(top["policy"] == "corpus/noip-privacy-policy.md");
  CHECK(top["quote"].get<std::string>().rfind("Except when we believe we are required to retain", 0) == 0);
}

TEST_CASE("search results never come from menus, dialogs or the footer") {
  Document doc = load_bundled_policy();
  for (std::string q : {"sign in", "english", "dynamic dns", "privacy policy", "select language", "login account", "support"}) {
    auto r = run_policyq("search --json --top 50 " + shell_quote(q));
    REQUIRE(r.status <= 1);
    auto j = nlohmann::json::parse(r.out);
    for (const auto& res : j["results"]) {
      int line = res["line"];
      INFO(q << " → line " << line << ": " << res["quote"]);
      CHECK(line >= 96);
      CHECK(line <= 222);
      CHECK(policyq::testing::quote_in_lines(doc, res["quote"].get<std::string>(), line, res["end_line"].get<int>()));
    }
  }
}

TEST_CASE("search exits 1 when nothing matches and -q prints nothing") {
  auto none = run_policyq("search zyxwvutsrq");
  CHECK(none.status == 1);
  auto quiet = run_policyq("search -q cookies");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
}

TEST_CASE("search reads a policy from standard input with --policy -") {
  auto r = run_policyq("search --json --policy - 'delete'", "# Rights\n\nYou can delete your account at any time.\n");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["results"][0]["policy"] == "<stdin>");
  CHECK(j["results"][0]["line"] == 3);
}

TEST_CASE("colour is used only when asked for, and NO_COLOR is honoured") {
  auto plain = run_policyq("search cookies");
  CHECK(plain.out.find("\033[") == std::string::npos);
  auto coloured = run_policyq("search --color always cookies");
  CHECK(coloured.out.find("\033[1;31m") != std::string::npos);
}

TEST_CASE("bad input gives one error line and exit status 2") {
  std::string empty = temp_file("empty.md", "");
  std::string binary = temp_file("binary.md", std::string("abc\0def", 7));
  std::string latin1 = temp_file("latin1.md", "# Titre\n\nDonn\xE9" "es\n");
  std::string emptydir = "/tmp/policyq_cli_emptydir_" + std::to_string(getpid());
  std::filesystem::create_directories(emptydir);
  struct Case {
    std::string args, message;
  } cases[] = {
      {"toc --policy /nonexistent/policy.md", "policyq: error: /nonexistent/policy.md: no such file or directory\n"},
      {"toc --policy " + empty, "policyq: error: " + empty + ": empty file: no policy text to read\n"},
      {"toc --policy " + binary, "policyq: error: " + binary + ":1: binary file (NUL byte at column 4); policies must be UTF-8 Markdown\n"},
      {"toc --encoding UTF-8 --policy " + latin1, "policyq: error: " + latin1 + ":3: invalid UTF-8 (byte 0xE9 at column 5); convert the file to UTF-8\n"},
      {"toc --encoding bogus", "policyq: error: --encoding: unknown encoding 'bogus' (try auto, UTF-8, windows-1252, ISO-8859-1, UTF-16)\n"},
      {"toc --policy " + emptydir, "policyq: error: " + emptydir + ": directory has no Markdown files (*.md)\n"},
      {"search ''", "policyq: error: query: is empty\n"},
      {"search 'the of and'", "policyq: error: query: 'the of and' has no words to search for (only stop words or punctuation)\n"},
  };
  for (const auto& c : cases) {
    auto r = run_policyq(c.args);
    INFO(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.message);
  }
  auto unknown = run_policyq("frobnicate");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.rfind("policyq: error: ", 0) == 0);
}

TEST_CASE("every subcommand has --help") {
  for (std::string cmd : {"toc", "show", "search", "ask", "practices"}) {
    auto r = run_policyq(cmd + " --help");
    INFO(cmd);
    CHECK(r.status == 0);
    CHECK(r.out.find("--policy") != std::string::npos);
  }
}

TEST_CASE("shared corpus: toc and search run on every real policy and quote real lines") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  auto toc = run_policyq("toc --json --policy " + shell_quote(dir));
  REQUIRE(toc.status == 0);
  auto j = nlohmann::json::parse(toc.out);
  CHECK(j["policies"].size() >= 200);
  for (const auto& p : j["policies"]) CHECK(p["sections"].get<int>() >= 1);

  int checked = 0, misplaced = 0;
  for (std::string q : {"retain data", "share with third parties", "cookies", "données personnelles", "children"}) {
    auto r = run_policyq("search --json --top 100 --policy " + shell_quote(dir) + " " + shell_quote(q));
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    for (const auto& res : j["results"]) {
      Document doc = load_policy(res["policy"]);
      ++checked;
      if (!policyq::testing::quote_in_lines(doc, res["quote"].get<std::string>(), res["line"], res["end_line"])) ++misplaced;
    }
  }
  CHECK(checked >= 400);
  CHECK(misplaced == 0);
}

TEST_CASE("the man page documents every subcommand and every long option --help lists") {
  std::string man = policyq::testing::slurp(std::string(POLICYQ_SOURCE_DIR) + "/man/policyq.1");
  REQUIRE(!man.empty());
  for (std::string cmd : {"toc", "show", "search", "ask", "practices"}) {
    CHECK(man.find(".B " + cmd) != std::string::npos);
    auto r = run_policyq(cmd + " --help");
    for (std::size_t at = r.out.find("--"); at != std::string::npos; at = r.out.find("--", at + 2)) {
      std::size_t end = at + 2;
      while (end < r.out.size() && (std::isalnum(static_cast<unsigned char>(r.out[end])) || r.out[end] == '-')) ++end;
      std::string option = r.out.substr(at + 2, end - at - 2);
      if (option.empty()) continue;
      INFO(cmd << " --" << option);
      CHECK(man.find("\\-\\-" + option) != std::string::npos);
    }
  }
}

TEST_CASE("--policy takes one path each time, so the query may follow it") {
  std::string path = temp_file("follow.md", "# Retention\n\nWe keep invoices for ten years.\n");
  auto r = run_policyq("search --policy " + path + " invoices");
  CHECK(r.status == 0);
  CHECK(r.out.find(path + ":3") != std::string::npos);
  auto twice = run_policyq("toc --json --policy " + path + " --policy " + path);
  CHECK(twice.status == 0);
  CHECK(nlohmann::json::parse(twice.out)["policies"].size() == 2);
}

TEST_CASE("check exits 1 when an error rule fails, 0 when only warnings fail, 2 on a bad rules file") {
  std::string rules = temp_file("rules.json", R"({"rules": [
    {"id": "no-sale", "ask": "Do you sell my personal data?", "expect": ["no"]},
    {"id": "one-year", "retention": {"max": "P1Y"}, "severity": "warning"}
  ]})");
  auto ok = run_policyq("check --rules " + rules);
  CHECK(ok.status == 0);
  CHECK(ok.out.find("WARNING one-year") != std::string::npos);
  auto strict = run_policyq("check --fail-on warning --rules " + rules);
  CHECK(strict.status == 1);
  std::string failing = temp_file("failing.json", R"([{"id": "yes-sale", "ask": "Do you sell my personal data?", "expect": ["yes"]}])");
  auto fail = run_policyq("check --format sarif --rules " + failing);
  CHECK(fail.status == 1);
  CHECK(nlohmann::json::parse(fail.out)["runs"][0]["results"][0]["ruleId"] == "yes-sale");
  std::string bad = temp_file("bad.json", "[\n  {\"id\": \"x\", \"section\": 3}\n]");
  auto err = run_policyq("check --rules " + bad);
  CHECK(err.status == 2);
  CHECK(err.out.empty());
  CHECK(err.err == "policyq: error: " + bad + ":2:3: rule \"x\": \"section\" must be a non-empty string\n");
}

TEST_CASE("lint reports the bundled policy's missing effective date and exits 0 on warnings") {
  auto r = run_policyq("lint --format json");
  CHECK(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["rule"] == "missing-effective-date");
  auto strict = run_policyq("lint --fail-on warning -q");
  CHECK(strict.status == 1);
  auto off = run_policyq("lint --disable missing-effective-date --fail-on warning");
  CHECK(off.status == 0);
  auto unknown = run_policyq("lint --disable no-such-rule");
  CHECK(unknown.status == 2);
}

TEST_CASE("lint: --enable and a config's \"enable\" turn on duplicate-title and contradiction, which are off by default") {
  std::string policy = temp_file("twice.md", "# Privacy\n\nLast updated: 1 May 2024.\n\n## Contact\n\nYou can write to our privacy team about any question on your data.\n\n"
                                             "## Contact\n\nOr call us on weekdays between nine and five.\n");
  auto count = [](const std::string& out, const std::string& rule) {
    int n = 0;
    const nlohmann::json report = nlohmann::json::parse(out);  // kept: a range-for over parse(out)["findings"] would dangle
    for (const auto& f : report["findings"]) n += f["rule"] == rule ? 1 : 0;
    return n;
  };
  auto plain = run_policyq("lint --format json " + shell_quote(policy));
  CHECK(count(plain.out, "duplicate-title") == 0);
  auto on = run_policyq("lint --format json --enable duplicate-title " + shell_quote(policy));
  CHECK(count(on.out, "duplicate-title") == 1);
  std::string config = temp_file("lint.json", R"({"enable": ["duplicate-title"]})");
  auto by_config = run_policyq("lint --format json --config " + shell_quote(config) + " " + shell_quote(policy));
  CHECK(count(by_config.out, "duplicate-title") == 1);
  auto both = run_policyq("lint --format json --enable duplicate-title --disable duplicate-title " + shell_quote(policy));
  CHECK(count(both.out, "duplicate-title") == 0);
  CHECK(run_policyq("lint --enable no-such-rule").status == 2);
}
