// Site chrome is recognised by structure: these documents are made up, but shaped like
// the scraped pages in ../shared/data/policies.
#include "document/document.hpp"
#include "document/loader.hpp"
#include <doctest/doctest.h>
#include <filesystem>

using namespace policyq;

namespace {
const std::string prose =
    "We collect the information you give us when you create an account, such as your name, email address and "
    "postal address, and we use it to provide the service you asked for.";

bool chrome_block(const Document& doc, const std::string& text) {
  for (const Block& b : doc.blocks)
    if (b.text == text) return b.chrome;
  FAIL("no block " << text);
  return false;
}
}  // namespace

TEST_CASE("a list of bare links is a menu") {
  std::string md = "* [Home](/)\n* [Products](/p)\n* [Blog](/b)\n* [Contact](/c)\n\n# Privacy\n\n" + prose + "\n";
  Document doc = parse_document("t.md", md);
  CHECK(chrome_block(doc, "Home"));
  CHECK(chrome_block(doc, "Contact"));
  CHECK_FALSE(chrome_block(doc, prose));
}

TEST_CASE("a list introduced by a sentence ending in a colon is content, links or not") {
  std::string md = "# Sharing\n\n" + prose + " We share data with these processors:\n\n* [Stripe](https://stripe.com)\n* [Google](https://google.com)\n\n" + prose + "\n";
  Document doc = parse_document("t.md", md);
  CHECK_FALSE(chrome_block(doc, "Stripe"));
  CHECK_FALSE(chrome_block(doc, "Google"));
}

TEST_CASE("a copyright footer and short scraps after the policy are chrome") {
  std::string md = "# Privacy\n\n" + prose + "\n\n" + prose + " Again.\n\n© 2024 Example Inc. All rights reserved. [Terms](/t)\n\nHide menu\n";
  Document doc = parse_document("t.md", md);
  CHECK(chrome_block(doc, "© 2024 Example Inc. All rights reserved. Terms"));
  CHECK(chrome_block(doc, "Hide menu"));
}

TEST_CASE("short blocks repeated on the page are chrome, repeated prose is not") {
  std::string banner = "New! Try our app today. Learn more";
  std::string md = banner + "\n\n# Privacy\n\n" + prose + "\n\n" + banner + "\n\n" + prose + "\n";
  Document doc = parse_document("t.md", md);
  for (const Block& b : doc.blocks) {
    if (b.text == banner) CHECK(b.chrome);
    if (b.text == prose) CHECK_FALSE(b.chrome);
  }
}

TEST_CASE("a dialog section after the policy is chrome; the policy's last section ends at its text") {
  std::string md = "# Privacy\n\n" + prose + "\n\n## Contact\n\nWrite to privacy@example.com with any question about this policy.\n\n"
                   "* [About](/a)\n* [Jobs](/j)\n* [Press](/p)\n\n### Log In\n\nSign In [Forgot Password](/f) [Create An Account](/s)\n";
  Document doc = parse_document("t.md", md);
  const Section* contact = nullptr;
  const Section* login = nullptr;
  for (const Section& s : doc.sections) {
    if (s.title == "Contact") contact = &s;
    if (s.title == "Log In") login = &s;
  }
  REQUIRE(contact);
  REQUIRE(login);
  CHECK_FALSE(contact->chrome);
  CHECK(login->chrome);
  CHECK(contact->last_line == 7);
}

TEST_CASE("a policy with no chrome keeps every block") {
  std::string md = "# Privacy\n\nLast updated: 1 May 2024\n\n" + prose + "\n\n## Rights\n\n" + prose + " You may ask us to delete it.\n";
  Document doc = parse_document("t.md", md);
  for (const Block& b : doc.blocks) CHECK_FALSE(b.chrome);
}

TEST_CASE("bundled policy: menus, banners, dialogs and footer are chrome; the policy is not") {
  Document doc = load_bundled_policy();
  int body = 0;
  for (const Block& b : doc.blocks) {
    bool in_policy = b.first_line >= 96 && b.last_line <= 222;
    bool link_list = doc.sections[static_cast<std::size_t>(b.section)].title == "Privacy Policy" && b.kind == BlockKind::list_item;
    INFO(b.first_line << ": " << b.text);
    if (in_policy && !link_list) {
      CHECK_FALSE(b.chrome);
      ++body;
    } else {
      CHECK(b.chrome);
    }
  }
  CHECK(body > 30);
}

TEST_CASE("shared corpus: the policy text stays; chrome never swallows most of a policy") {
  std::string dir = std::string(POLICYQ_SHARED_DIR) + "/data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  int files = 0, with_chrome = 0, prose_lost = 0, prose_total = 0;
  for (const auto& path : expand_policy_paths({dir})) {
    Document doc = load_policy(path);
    ++files;
    bool any = false;
    for (const Block& b : doc.blocks) {
      any = any || b.chrome;
      // Long link-free paragraphs are policy text on these pages.
      if (b.kind == BlockKind::paragraph && b.link_chars == 0 && b.text.size() > 400) {
        ++prose_total;
        if (b.chrome) ++prose_lost;
      }
    }
    with_chrome += any;
  }
  MESSAGE(files << " files, " << with_chrome << " with chrome; long paragraphs marked chrome: " << prose_lost << " of " << prose_total);
  CHECK(prose_lost * 100 <= prose_total);  // under 1%
}
