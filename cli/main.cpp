// policyq: answers questions about privacy policies. The work is in src/; this file only
// hands the command line to the subcommand table and reports errors once, at the top.
#include "command.hpp"

namespace policyq::cli {
int run(int argc, char** argv);
}

int main(int argc, char** argv) { return policyq::cli::run(argc, argv); }
