// How to contact a company about privacy: e-mail addresses, web forms and postal addresses
// read from small policies written for these tests.
#include "query/contacts.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq;
using namespace policyq::query;

namespace {
std::vector<std::string> labels(const std::string& markdown) {
  std::vector<std::string> out;
  for (const Item& item : privacy_contacts(parse_document("policy.md", markdown))) out.push_back(item.label);
  return out;
}
bool listed(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("an obfuscated e-mail link gives its target") {
  auto v = labels("# Policy\n\n## Contact Us\n\nIf you have any questions about this Privacy Policy, please contact us - "
                  "Attn: User Support at [\\[email protected\\]](https://help.acme.com/cdn-cgi/l/email-protection)\n");
  CHECK(listed(v, "https://help.acme.com/cdn-cgi/l/email-protection"));
}
