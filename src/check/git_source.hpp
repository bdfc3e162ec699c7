#pragma once
// Reading one version of a policy for `diff`: a file, "-" for standard input, or a version
// stored in the enclosing git repository, named REV:PATH (git's own syntax: PATH is relative
// to the top of the repository, or to the current directory when it starts with ./ or ../).
#include "document/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace policyq::check {

struct GitSpec {
  std::string rev;   // "origin/main", "HEAD~1", a commit id
  std::string path;  // path as git understands it
};

// REV:PATH when arg is not an existing file, does not start with '-' and has a ':' with a
// non-empty revision and path on either side (the first ':' separates them); otherwise none.
std::optional<GitSpec> parse_git_spec(const std::string& arg);

// The bytes of PATH at REV, read with `git show REV:PATH` run (without a shell) in the
// current directory. Throws Error with git's message when git fails or is missing, and when
// the object is not a file.
std::string read_git_file(const GitSpec& spec);

// Runs a program (argv[0] looked up in PATH) without a shell; returns its exit status and
// captures standard output and standard error. status is 127 when it cannot be started.
struct ProcessResult {
  int status = -1;
  std::string out, err;
};
ProcessResult run_process(const std::vector<std::string>& argv);

// One version for diff: "-" (standard input), an existing file, or REV:PATH from git.
// The document is named by arg as given ("origin/main:policy.md").
Document load_version(const std::string& arg);

}  // namespace policyq::check
