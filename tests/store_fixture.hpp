#pragma once
// Test helper: a temporary folder of small policies and a database path beside it,
// removed at the end.
#include "store/indexer.hpp"
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace policyq::testing {
struct Corpus {
  std::filesystem::path dir;
  std::string db;
  explicit Corpus(const std::string& tag) {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("policyq_store_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(dir / "policies");
    db = (dir / "policies.db").string();
  }
  ~Corpus() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string folder() const { return (dir / "policies").string(); }
  std::string add(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = dir / "policies" / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  store::IndexReport index(unsigned jobs = 2) const {
    store::IndexOptions o;
    o.paths = {folder()};
    o.db = db;
    o.jobs = jobs;
    return store::index_policies(o);
  }
};

inline const char* policy_a = "# Privacy Policy\n\nWe collect your email address to send you receipts.\n\n"
                              "## Sharing\n\nWe do not sell your personal information.\n"
                              "We share your location with advertisers.\n";
inline const char* policy_b = "# Datenschutz\n\nWe keep server logs for 30 days.\n";
}  // namespace policyq::testing
