// How to contact a company about privacy: e-mail addresses, web forms and postal addresses
// read from small policies written for these tests.
#include "query/contacts.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq;
using namespace policyq::query;

namespace {
std::vector<Item> contacts(const std::string& markdown) {
  return privacy_contacts(parse_document("policy.md", markdown));
}
std::vector<std::string> labels(const std::string& markdown) {
  std::vector<std::string> out;
  for (const Item& item : contacts(markdown)) out.push_back(item.label);
  return out;
}
bool listed(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
const Item* find(const std::vector<Item>& items, std::string_view label) {
  for (const Item& i : items)
    if (i.label == label) return &i;
  return nullptr;
}
}  // namespace

TEST_CASE("an e-mail address in the text is listed lower-cased, with its sentence") {
  auto items = contacts("# Privacy Policy\n\n## Contact\n\nIf you have questions about this policy, write to "
                        "Privacy@Acme.com.\n");
  const Item* i = find(items, "privacy@acme.com");
  REQUIRE(i);
  CHECK(i->concept_id == "email");
  REQUIRE(i->sentences.size() == 1);
}

TEST_CASE("a mailto link whose text is not the address gives the address") {
  auto items = contacts("# Privacy Policy\n\nQuestions about your data? [Email our privacy team](mailto:dpo@acme.com?subject=Privacy).\n");
  const Item* i = find(items, "dpo@acme.com");
  REQUIRE(i);
  CHECK(i->concept_id == "email");
}

TEST_CASE("a web form is the target of a link about contacting; other links are not listed") {
  auto v = labels(
      "# Privacy Policy\n\nWe use cookies as described in our [Cookie Policy](https://acme.com/cookies).\n\n"
      "To exercise your rights, submit a request through our [privacy request form](https://acme.com/privacy/request).\n\n"
      "You can also contact us [here](https://acme.com/contact).\n");
  CHECK(listed(v, "https://acme.com/privacy/request"));
  CHECK(listed(v, "https://acme.com/contact"));
  CHECK_FALSE(listed(v, "https://acme.com/cookies"));
}

TEST_CASE("an obfuscated e-mail link ('[email protected]') gives its target") {
  auto v = labels("# Policy\n\n## Contact Us\n\nIf you have any questions about this Privacy Policy, please contact us "
                  "at [\\[email protected\\]](https://help.acme.com/cdn-cgi/l/email-protection)\n");
  CHECK(listed(v, "https://help.acme.com/cdn-cgi/l/email-protection"));
}

TEST_CASE("a postal address over several hard-broken lines is joined with ', ' as written") {
  auto items = contacts(
      "# Privacy Policy\n\n## Contact us\n\nIf you have questions about this policy, send mail to:\n\n"
      "Acme Inc.  \nAttn: Privacy  \n1 Main Street  \nSpringfield, CA 94105  \nUSA\n\n## Changes\n\nWe may change this policy.\n");
  const Item* i = find(items, "Acme Inc., Attn: Privacy, 1 Main Street, Springfield, CA 94105, USA");
  REQUIRE(i);
  CHECK(i->concept_id == "postal_address");
}

TEST_CASE("a postal address given as list items, and one written in a sentence") {
  auto v = labels("# Privacy Policy\n\n## Contact\n\nWrite to us:\n\n* Acme Ltd\n* 12 High Street\n* London W1A 1AA\n\n"
                  "Our US office is at Acme Corp., 500 Market Street, San Francisco, CA 94105, USA.\n");
  CHECK(listed(v, "Acme Ltd, 12 High Street, London W1A 1AA"));
  CHECK(listed(v, "Acme Corp., 500 Market Street, San Francisco, CA 94105, USA"));
}

TEST_CASE("a privacy channel ranks before a general support address") {
  auto v = labels("# Privacy Policy\n\nFor help with your account, contact support@acme.com.\n\n"
                  "## Contact\n\nQuestions about this privacy policy or your personal data can be sent to our Data "
                  "Protection Officer at dpo@acme.com.\n");
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "dpo@acme.com");
  CHECK(v[1] == "support@acme.com");
}

TEST_CASE("a regulator ranks last and an example address is dropped") {
  auto v = labels("# Privacy Policy\n\nYou may lodge a complaint with your data protection authority at "
                  "complaints@dpa.gov.\n\nFor example, if your address is jane@example.com, we use it to sign you in.\n\n"
                  "Contact us about privacy at privacy@acme.com.\n");
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "privacy@acme.com");
  CHECK(v[1] == "complaints@dpa.gov");
}

TEST_CASE("a policy that gives no contact gives an empty list") {
  CHECK(contacts("# Privacy Policy\n\nWe collect your name. We do not sell it. See [our terms](https://acme.com/terms).\n")
            .empty());
}

namespace {
const std::string prose =
    "We collect the information you give us when you create an account, such as your name and email address, and "
    "we use it to provide the service you asked for.";
bool chrome_text(const Document& doc, const std::string& fragment) {
  for (const Block& b : doc.blocks)
    if (b.text.find(fragment) != std::string::npos) return b.chrome;
  return false;
}
}  // namespace

TEST_CASE("a contact link in a site menu counts only when the body gives no contact") {
  const std::string menu = "* [Home](/)\n* [Products](/p)\n* [Blog](/b)\n* [Contact](https://acme.com/contact)\n\n";
  Document with_body = parse_document("t.md", menu + "# Privacy\n\n" + prose + " Questions? Write to privacy@acme.com.\n");
  REQUIRE(chrome_text(with_body, "Contact"));
  std::vector<std::string> v;
  for (const Item& i : privacy_contacts(with_body)) v.push_back(i.label);
  CHECK(v == std::vector<std::string>{"privacy@acme.com"});

  Document menu_only = parse_document("t.md", menu + "# Privacy\n\n" + prose + "\n");
  auto items = privacy_contacts(menu_only);
  REQUIRE(items.size() == 1);
  CHECK(items[0].label == "https://acme.com/contact");
}

TEST_CASE("an e-mail address in a chrome footer stays listed beside the body's") {
  Document doc = parse_document(
      "t.md", "# Privacy\n\n" + prose + " For help with your account, contact support@acme.com.\n\n" + prose +
                  " Again.\n\n© 2024 Acme Inc. All rights reserved. [privacy@acme.com](mailto:privacy@acme.com)\n\nHide menu\n");
  REQUIRE(chrome_text(doc, "© 2024"));
  std::vector<std::string> v;
  for (const Item& i : privacy_contacts(doc)) v.push_back(i.label);
  CHECK(listed(v, "privacy@acme.com"));
  CHECK(listed(v, "support@acme.com"));
}
