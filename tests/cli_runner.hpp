#pragma once
// Test helper: runs the built policyq binary through the shell and captures its output.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace policyq::testing {
struct Run {
  std::string out, err;
  int status = -1;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// args is appended to the binary's path as shell words (quote them yourself).
inline Run run_policyq(const std::string& args, const std::string& stdin_text = "") {
  static int counter = 0;
  std::string base = "/tmp/policyq_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string in = base + ".in", out = base + ".out", err = base + ".err";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = "NO_COLOR= " + std::string(POLICYQ_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
  int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
}
