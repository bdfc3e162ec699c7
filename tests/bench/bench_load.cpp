// Load + index throughput against cmark-gfm's own parse of the same bytes, in one run.
// Usage: policyq_bench [FILE_OR_DIR ...]   (default: the bundled policy, and ../shared's
// policies when present). Prints a Markdown table; the ratio is ours / cmark-gfm's.
#include "document/document.hpp"
#include "document/loader.hpp"
#include "index/index.hpp"
#include "util/embedded.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace policyq;
using Clock = std::chrono::steady_clock;

namespace {
struct Corpus {
  std::string label;
  std::vector<std::pair<std::string, std::string>> files;  // name, bytes
  std::size_t bytes() const {
    std::size_t n = 0;
    for (const auto& f : files) n += f.second.size();
    return n;
  }
};

void cmark_parse(const std::string& bytes) {
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
  for (const char* name : {"table", "autolink", "strikethrough"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, bytes.data(), bytes.size());
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_node_free(doc);
  cmark_parser_free(parser);
}

std::size_t ours(const std::string& name, const std::string& bytes) {
  Document doc = parse_document(name, bytes);
  Index index(doc);
  return doc.sentences.size();
}

template <class F>
double median_seconds(int reps, F&& f) {
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    auto t0 = Clock::now();
    f();
    times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void run(const Corpus& c, int reps) {
  double mb = static_cast<double>(c.bytes()) / 1e6;
  std::size_t sentences = 0;
  double t_cmark = median_seconds(reps, [&] {
    for (const auto& f : c.files) cmark_parse(f.second);
  });
  double t_ours = median_seconds(reps, [&] {
    sentences = 0;
    for (const auto& f : c.files) sentences += ours(f.first, f.second);
  });
  std::printf("| %s | %zu | %.2f | %.1f | %.1f | %.2f |\n", c.label.c_str(), c.files.size(), mb, mb / t_cmark, mb / t_ours,
              t_ours / t_cmark);
}
}  // namespace

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  std::vector<Corpus> corpora;
  if (argc > 1) {
    for (int i = 1; i < argc; ++i) {
      Corpus c{argv[i], {}};
      for (const auto& p : expand_policy_paths({argv[i]})) c.files.emplace_back(p, read(p));
      corpora.push_back(std::move(c));
    }
  } else {
    corpora.push_back({"bundled policy", {{bundled_policy_name, std::string(embedded(bundled_policy_name))}}});
    std::string shared = std::string(POLICYQ_SOURCE_DIR) + "/../shared/data/policies";
    if (std::filesystem::is_directory(shared)) {
      Corpus c{"shared policies", {}};
      for (const auto& p : expand_policy_paths({shared})) c.files.emplace_back(p, read(p));
      corpora.push_back(std::move(c));
    }
  }
  std::printf("| corpus | files | MB | cmark-gfm parse MB/s | policyq load+index MB/s | ratio (policyq / cmark-gfm) |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const Corpus& c : corpora) run(c, c.bytes() < 1000000 ? 301 : 7);  // medians of many short runs
  return 0;
}
