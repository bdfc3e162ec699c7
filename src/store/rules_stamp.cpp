#include "store/rules_stamp.hpp"
#include "util/cache.hpp"
#include "util/embedded.hpp"

#include <cstdio>

namespace policyq::store {

std::string rules_stamp() {
  static const std::string stamp = [] {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(content_hash(embedded("compiled/lexicon.bin"))));
    return "lexicon-" + std::string(hex);
  }();
  return stamp;
}

std::string stored_rules_stamp(Connection& db) {
  Statement s = db.prepare("SELECT value FROM meta WHERE key = 'rules'");
  return s.step() ? std::string(s.text_at(0)) : std::string();
}

}  // namespace policyq::store
