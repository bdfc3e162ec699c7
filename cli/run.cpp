#include "command.hpp"
#include "policies.hpp"
#include "util/error.hpp"
#include <iostream>
#include <new>
#include <string_view>

namespace policyq::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"toc", "Print the section tree of each policy", configure_toc},
      {"show", "Print a section by title, anchor or path (\"A > B\")", configure_show},
      {"search", "Ranked sentences matching words, quoted with file:line", configure_search},
      {"ask", "Answer a question with a verdict and quoted evidence", configure_ask},
      {"practices", "List the data practices each sentence states", configure_practices},
      {"check", "Check policies against rules (for CI)", configure_check},
      {"diff", "Compare two versions of a policy: what changes in practice (files or git versions, UTF-8; no --db)",
       configure_diff, false},
      {"lint", "Report missing disclosures, contradictions and structural slips", configure_lint},
      {"index", "Build or update a SQLite database of policies for --db", configure_index},
      {"merge", "Join databases made by index (its --shard runs) into one (no --db)", configure_merge, false},
  };
  return table;
}

namespace {
void add_common_options(CLI::App& sub, CommonOptions& opts, bool reads_policy_source) {
  sub.add_option("-p,--policy", opts.policies,
                 "Markdown file, folder (every *.md below it) or - for standard input; repeatable. "
                 "Default: the bundled policy")
      ->type_name("PATH")
      ->allow_extra_args(false)  // one path per --policy: a positional argument after it stays positional
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_flag("--json", opts.json, "Print one JSON document");
  sub.add_option("--color", opts.color, "Colour matches and locations: auto, always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub.add_flag("-q,--quiet", opts.quiet, "Print nothing; the exit status tells");
  if (!reads_policy_source) return;
  sub.add_option("--encoding", opts.encoding,
                 "How to read files that are not UTF-8: auto (default: a BOM, else UTF-8, else Windows-1252 "
                 "with a warning) or an encoding name (windows-1252, ISO-8859-1, UTF-16 …)")
      ->type_name("NAME");
  sub.add_option("--db", opts.db,
                 "Read the policies from this database (made by policyq index) instead of files; "
                 "--policy then selects stored policies by path. Default: $POLICYQ_DB when no policy is named")
      ->type_name("FILE");
}
}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"policyq: answers questions about privacy policies, quoting the sentences that say so."};
  app.name("policyq");
  app.set_version_flag("--version", "policyq 0.1.0");
  app.require_subcommand(1);
  app.fallthrough(false);

  CommonOptions common;
  int status = 0;
  // Building every subcommand's options cost more instructions than parsing a small
  // policy: when the first argument names a command, only that one is built. Anything
  // else (--help, --version, a typo) gets the whole table, so help and errors list all.
  const Command* named = nullptr;
  for (const Command& c : commands())
    if (argc > 1 && c.name == std::string_view(argv[1])) named = &c;
  for (const Command& c : commands()) {
    if (named && named != &c) continue;
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    add_common_options(*sub, common, c.reads_policy_source);
    c.configure(*sub, common, status);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "policyq: error: " << e.what() << "\n";
    std::cerr << "Run 'policyq --help' or 'policyq COMMAND --help' for usage.\n";
    return 2;
  } catch (const Error& e) {
    std::cerr << "policyq: error: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "policyq: error: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "policyq: error: internal error: " << e.what() << "\n";
    return 2;
  }
  // Policies skipped because they could not be read: the others were answered, and the
  // exit status says not everything was (as grep's does).
  if (input_errors() > 0) return 2;
  return status;
}
}
