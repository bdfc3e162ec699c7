// Build step: compiles the lexicon files named on the command line (which stems every
// word of their phrases) and writes the compiled lexicon image to OUT. The build embeds
// the image, so policyq neither parses the TSV files nor runs Snowball over its own
// lexicon at every start (see Lexicon::builtin). Usage: policyq_lexicon_image OUT FILE.tsv...
#include "query/lexicon.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

// This tool is what produces an embedded file, so it has none.
namespace policyq {
std::string_view embedded(std::string_view) { return {}; }
std::vector<std::string_view> embedded_names(std::string_view) { return {}; }
}  // namespace policyq

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: policyq_lexicon_image OUT FILE.tsv...\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "policyq_lexicon_image: error: " << argv[i] << ": cannot read\n";
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    files.emplace_back(argv[i], text.str());
  }
  std::string image;
  try {
    image = policyq::query::Lexicon(files).image();
  } catch (const policyq::Error& e) {
    std::cerr << "policyq_lexicon_image: error: " << e.what() << "\n";
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << image;
  out.close();
  if (!out) {
    std::cerr << "policyq_lexicon_image: error: " << argv[1] << ": cannot write\n";
    return 2;
  }
  return 0;
}
