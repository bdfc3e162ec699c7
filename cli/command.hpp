#pragma once
// The subcommand table: each cli/cmd_*.cpp adds its options and callback to a CLI11
// subcommand; main.cpp walks the table.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace policyq::cli {

// Options every subcommand takes.
struct CommonOptions {
  std::vector<std::string> policies;  // --policy (repeatable); empty: the bundled policy
  bool json = false;                  // --json
  std::string color = "auto";         // --color auto|always|never
  bool quiet = false;                 // -q
  std::string db;                     // --db FILE: read the policies from a database made by index
  std::string encoding = "auto";      // --encoding NAME: how files that are not UTF-8 are read
};

struct Command {
  const char* name;
  const char* description;
  // Adds the subcommand's own options and its callback; the callback stores the
  // exit status (0 found, 1 nothing found) in status and throws Error on bad input.
  void (*configure)(CLI::App& sub, const CommonOptions& common, int& status);
  // Reads its policies through cli/policies.cpp, so takes --db and --encoding (diff reads
  // two versions of files or git objects its own way, never a database).
  bool reads_policy_source = true;
};

const std::vector<Command>& commands();

void configure_toc(CLI::App&, const CommonOptions&, int&);
void configure_show(CLI::App&, const CommonOptions&, int&);
void configure_search(CLI::App&, const CommonOptions&, int&);
void configure_ask(CLI::App&, const CommonOptions&, int&);
void configure_practices(CLI::App&, const CommonOptions&, int&);
void configure_check(CLI::App&, const CommonOptions&, int&);
void configure_diff(CLI::App&, const CommonOptions&, int&);
void configure_lint(CLI::App&, const CommonOptions&, int&);
void configure_index(CLI::App&, const CommonOptions&, int&);
void configure_merge(CLI::App&, const CommonOptions&, int&);
}
