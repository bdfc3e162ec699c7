// Whole-process cost of policyq commands against a process that only parses the same
// file with cmark-gfm, measured in the same run: median wall time and median CPU time
// (user + system) of N runs each. FILE is the bundled policy (corpus/...). Each command
// runs three ways: on the bundled policy (no --policy: its analysis is built in, see
// util/prebuilt.hpp); on a policy the binary has not seen, with the analysis cache off
// (a copy of FILE with one more blank line at the end: the same text, other bytes); and on
// that copy with the cache warm.
// Usage: policyq_bench_process POLICYQ CMARK_PARSE FILE [N]
#include <sys/resource.h>
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
struct Cost {
  double wall = 0, cpu = 0;
};

Cost run_once(const std::vector<std::string>& argv) {
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
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    std::fprintf(stderr, "%s failed\n", argv[0].c_str());
    std::exit(2);
  }
  Cost c;
  c.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  c.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
  return c;
}

Cost median(const std::vector<std::string>& argv, int n) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < n; ++i) {
    Cost c = run_once(argv);
    wall.push_back(c.wall);
    cpu.push_back(c.cpu);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: policyq_bench_process POLICYQ CMARK_PARSE FILE [N]\n");
    return 2;
  }
  std::string policyq = argv[1], cmark = argv[2], file = argv[3];
  int n = argc > 4 ? std::atoi(argv[4]) : 31;
  run_once({cmark, file});  // the file in the page cache for both
  Cost ref = median({cmark, file}, n);
  // A cache of the bench's own, so it neither reads nor fills the user's cache.
  char dir[] = "/tmp/policyq_bench_cache_XXXXXX";
  if (!mkdtemp(dir)) return 2;
  setenv("POLICYQ_CACHE_DIR", dir, 1);
  const std::string other = std::string(dir) + "/other-policy.md";
  {
    std::filesystem::copy_file(file, other);
    std::FILE* f = std::fopen(other.c_str(), "ab");
    if (!f || std::fputs("\n", f) < 0 || std::fclose(f) != 0) return 2;
  }
  std::printf("| command | bundled: ms | wall ratio | CPU ratio | new policy, cache off: ms | wall ratio | CPU ratio "
              "| cache warm: ms | wall ratio | CPU ratio |\n|---|---|---|---|---|---|---|---|---|---|\n");
  std::printf("| cmark-gfm parse (reference) | %.2f | 1.00 | 1.00 | | | | | | |\n", ref.wall * 1e3);
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"policyq toc", {"toc"}},
      {"policyq search \"retain personal information\"", {"search", "retain personal information"}},
      {"policyq ask \"Do you sell my personal data?\"", {"ask", "Do you sell my personal data?"}},
      {"policyq ask \"How long is my data kept?\"", {"ask", "How long is my data kept?"}},
  };
  for (const auto& [label, rest] : commands) {
    std::vector<std::string> bundled = {policyq, rest[0]}, named = {policyq, rest[0], "--policy", other};
    bundled.insert(bundled.end(), rest.begin() + 1, rest.end());
    named.insert(named.end(), rest.begin() + 1, rest.end());
    setenv("POLICYQ_CACHE", "off", 1);
    Cost builtin = median(bundled, n);
    Cost off = median(named, n);
    unsetenv("POLICYQ_CACHE");
    run_once(named);
    Cost warm = median(named, n);
    std::printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", label.c_str(),
                builtin.wall * 1e3, builtin.wall / ref.wall, builtin.cpu / ref.cpu, off.wall * 1e3, off.wall / ref.wall,
                off.cpu / ref.cpu, warm.wall * 1e3, warm.wall / ref.wall, warm.cpu / ref.cpu);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
