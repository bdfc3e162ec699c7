// Whole-process cost of policyq commands against a process that only parses the same
// file with cmark-gfm, measured in the same run (median wall time of N runs each), with
// policyq's analysis cache off and warm.
// Usage: policyq_bench_process POLICYQ CMARK_PARSE FILE [N]
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <vector>

namespace {
double run_once(const std::vector<std::string>& argv) {
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    std::fprintf(stderr, "%s failed\n", argv[0].c_str());
    std::exit(2);
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(const std::vector<std::string>& argv, int n) {
  std::vector<double> t;
  for (int i = 0; i < n; ++i) t.push_back(run_once(argv));
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: policyq_bench_process POLICYQ CMARK_PARSE FILE [N]\n");
    return 2;
  }
  std::string policyq = argv[1], cmark = argv[2], file = argv[3];
  int n = argc > 4 ? std::atoi(argv[4]) : 31;
  double ref = median({cmark, file}, n);
  // Each command twice: with the analysis cache off, and warm (a cache of its own, filled
  // by the first run), so the bench neither reads nor fills the user's cache.
  char dir[] = "/tmp/policyq_bench_cache_XXXXXX";
  if (!mkdtemp(dir)) return 2;
  setenv("POLICYQ_CACHE_DIR", dir, 1);
  std::printf("| command | median ms, cache off | ratio | median ms, cache warm | ratio |\n|---|---|---|---|---|\n");
  std::printf("| cmark-gfm parse (reference) | %.2f | 1.00 | | |\n", ref * 1e3);
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"policyq toc", {policyq, "toc", "--policy", file}},
      {"policyq search \"retain personal information\"", {policyq, "search", "--policy", file, "retain personal information"}},
      {"policyq ask \"Do you sell my personal data?\"", {policyq, "ask", "--policy", file, "Do you sell my personal data?"}},
      {"policyq ask \"How long is my data kept?\"", {policyq, "ask", "--policy", file, "How long is my data kept?"}},
  };
  for (const auto& [label, args] : commands) {
    setenv("POLICYQ_CACHE", "off", 1);
    double off = median(args, n);
    unsetenv("POLICYQ_CACHE");
    run_once(args);
    double warm = median(args, n);
    std::printf("| %s | %.2f | %.2f | %.2f | %.2f |\n", label.c_str(), off * 1e3, off / ref, warm * 1e3, warm / ref);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
