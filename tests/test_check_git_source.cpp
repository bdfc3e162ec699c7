// Reading a version of a policy from git for `diff`: REV:PATH parsing, git show without a
// shell, git's own message on failure, and the CLI forms (REV:PATH and --git REV) in a
// throwaway repository under /tmp.
#include "check/git_source.hpp"
#include "cli_runner.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace policyq;
namespace fs = std::filesystem;

namespace {

bool have_git() { return check::run_process({"git", "--version"}).status == 0; }

// A repository with policy.md committed (one version), then edited in the work tree.
struct Repo {
  std::string dir;
  std::string old_dir;
  bool ok = false;
  Repo() {
    dir = "/tmp/policyq_git_test_" + std::to_string(getpid());
    fs::remove_all(dir);
    fs::create_directories(dir + "/docs");
    write("docs/policy.md", "# Privacy\n\nWe do not sell your personal data.\n\nWe keep your data for two years.\n");
    auto git = [&](std::vector<std::string> args) {
      std::vector<std::string> argv = {"git", "-C", dir, "-c", "user.name=policyq test", "-c", "user.email=test@example.org",
                                       "-c", "commit.gpgsign=false"};
      argv.insert(argv.end(), args.begin(), args.end());
      return check::run_process(argv).status == 0;
    };
    ok = git({"init", "-q"}) && git({"add", "docs/policy.md"}) && git({"commit", "-q", "-m", "v1"});
    write("docs/policy.md", "# Privacy\n\nWe may sell your personal data.\n\nWe keep your data for five years.\n");
    char buf[4096];
    old_dir = getcwd(buf, sizeof buf) ? buf : "/";
  }
  ~Repo() {
    if (chdir(old_dir.c_str()) != 0) {
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void write(const std::string& rel, const std::string& text) { std::ofstream(dir + "/" + rel, std::ios::binary) << text; }
};

// Runs the policyq binary in dir (through the shell, like cli_runner, with a cd first).
policyq::testing::Run run_in(const std::string& dir, const std::string& args) {
  std::string base = "/tmp/policyq_git_run_" + std::to_string(getpid());
  std::string cmd = "cd " + policyq::testing::shell_quote(dir) + " && NO_COLOR= " + std::string(POLICYQ_BINARY) + " " + args +
                    " </dev/null >" + base + ".out 2>" + base + ".err";
  int raw = std::system(cmd.c_str());
  policyq::testing::Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = policyq::testing::slurp(base + ".out");
  r.err = policyq::testing::slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

}  // namespace

TEST_CASE("git source: REV:PATH is recognised only when it is not an existing file") {
  auto s = check::parse_git_spec("origin/main:docs/privacy.md");
  REQUIRE(s);
  CHECK(s->rev == "origin/main");
  CHECK(s->path == "docs/privacy.md");
  CHECK_FALSE(check::parse_git_spec("-"));
  CHECK_FALSE(check::parse_git_spec("policy.md"));
  CHECK_FALSE(check::parse_git_spec(":policy.md"));
  CHECK_FALSE(check::parse_git_spec("HEAD:"));
  CHECK_FALSE(check::parse_git_spec("--output=x:y"));
  // an existing file whose name has a colon is a file
  std::string odd = "/tmp/policyq_git_test_colon_" + std::to_string(getpid()) + ":x.md";
  std::ofstream(odd) << "# A\n\nText.\n";
  CHECK_FALSE(check::parse_git_spec(odd));
  std::remove(odd.c_str());
}

TEST_CASE("git source: run_process captures output, errors and the exit status without a shell") {
  auto r = check::run_process({"sh", "-c", "printf 'out'; printf 'err' >&2; exit 3"});
  CHECK(r.status == 3);
  CHECK(r.out == "out");
  CHECK(r.err == "err");
  // arguments are not interpreted by a shell
  auto e = check::run_process({"printf", "%s", "$(echo no) ; `x` 'q'"});
  CHECK(e.status == 0);
  CHECK(e.out == "$(echo no) ; `x` 'q'");
  CHECK(check::run_process({"policyq-no-such-program-xyz"}).status == 127);
}

TEST_CASE("git source: reads a committed version; failures carry git's message") {
  if (!have_git()) {
    MESSAGE("skipped: git is not installed");
    return;
  }
  Repo repo;
  REQUIRE(repo.ok);
  REQUIRE(chdir(repo.dir.c_str()) == 0);
  std::string bytes = check::read_git_file({"HEAD", "docs/policy.md"});
  CHECK(bytes.find("We do not sell") != std::string::npos);
  Document d = check::load_version("HEAD:docs/policy.md");
  CHECK(d.name == "HEAD:docs/policy.md");
  CHECK(d.line(3) == "We do not sell your personal data.");
  // relative to the current directory with ./
  REQUIRE(chdir((repo.dir + "/docs").c_str()) == 0);
  CHECK(check::load_version("HEAD:./policy.md").line(3) == "We do not sell your personal data.");

  try {
    check::load_version("HEAD:docs/missing.md");
    FAIL("expected an error");
  } catch (const Error& e) {
    std::string what = e.what();
    CHECK(what.find("HEAD:docs/missing.md") == 0);
    CHECK(what.find("git:") != std::string::npos);
    CHECK(what.find("missing.md") != std::string::npos);
  }
  CHECK_THROWS_AS(check::load_version("no-such-rev-xyz:docs/policy.md"), Error);
  REQUIRE(chdir(repo.dir.c_str()) == 0);
  CHECK_THROWS_WITH_AS(check::load_version("HEAD:docs"), doctest::Contains("directory"), Error);
  CHECK_THROWS_AS(check::load_version("no-such-file.md"), Error);
  REQUIRE(chdir(repo.old_dir.c_str()) == 0);
}

TEST_CASE("cli diff: REV:PATH and --git REV compare with the committed version") {
  if (!have_git()) {
    MESSAGE("skipped: git is not installed");
    return;
  }
  Repo repo;
  REQUIRE(repo.ok);
  auto r = run_in(repo.dir, "diff HEAD:docs/policy.md docs/policy.md --json");
  CHECK(r.status == 1);
  INFO(r.err);
  REQUIRE(!r.out.empty());
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["inputs"][0] == "HEAD:docs/policy.md");
  CHECK(j["inputs"][1] == "docs/policy.md");
  bool flipped = false, retention = false;
  for (const auto& f : j["findings"]) {
    flipped |= f["rule"] == "polarity-flipped";
    retention |= f["rule"] == "retention-changed";
  }
  CHECK(flipped);
  CHECK(retention);

  auto g = run_in(repo.dir + "/docs", "diff --git HEAD policy.md --format github");
  CHECK(g.status == 1);
  CHECK(g.out.find("::error file=policy.md,line=3") != std::string::npos);

  auto bad = run_in(repo.dir, "diff no-such-rev-xyz:docs/policy.md docs/policy.md");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("policyq: error: no-such-rev-xyz:docs/policy.md: git:") == 0);
  CHECK(run_in(repo.dir, "diff --git HEAD a.md b.md").status == 2);
  CHECK(run_in(repo.dir, "diff --git --no-such HEAD docs/policy.md").status == 2);
}
