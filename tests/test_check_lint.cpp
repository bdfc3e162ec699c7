#include "check/lint.hpp"
#include "document/loader.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <map>

using namespace policyq;
using namespace policyq::check;

namespace {
// Every rule on, those off by default too: the cases below pin what each rule finds.
LintConfig all_rules() {
  LintConfig config;
  config.enabled = {"contradiction", "duplicate-title"};
  return config;
}

std::map<std::string, int> lint_counts(const std::string& source, const LintConfig& config = all_rules()) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<Policy>(parse_document("p.md", source)));
  std::map<std::string, int> out;
  for (const Finding& f : run_lint(policies, config).findings) out[f.rule]++;
  return out;
}
}  // namespace

TEST_CASE("the bundled policy's real gap: no effective date; every other disclosure is there") {
  auto got = lint_counts(std::string(load_bundled_policy().source));
  CHECK(got["missing-effective-date"] == 1);
  for (const char* rule : {"missing-contact", "missing-retention", "missing-sharing", "missing-rights", "missing-children", "missing-security",
                           "missing-changes", "missing-transfer", "missing-cookies", "missing-dnt"}) {
    INFO(rule);
    CHECK(got[rule] == 0);
  }
}

TEST_CASE("a policy that says little is told what it leaves out") {
  auto got = lint_counts("# Privacy\n\nLast updated: 1 May 2024.\n\nWe collect your email address when you sign up and use it to send you receipts.\n");
  CHECK(got["missing-retention"] == 1);
  CHECK(got["missing-children"] == 1);
  CHECK(got["missing-dnt"] == 1);
  CHECK(got["missing-effective-date"] == 0);
}

TEST_CASE("a config turns rules off") {
  LintConfig config = all_rules();
  config.disabled = {"missing-dnt", "missing-children"};
  auto got = lint_counts("# Privacy\n\nWe collect your email address when you sign up and use it to send you receipts.\n", config);
  CHECK(got["missing-dnt"] == 0);
  CHECK(got["missing-children"] == 0);
  CHECK(got["missing-retention"] == 1);
}

TEST_CASE("empty sections, repeated titles and links to missing anchors are reported") {
  std::string md =
      "# Privacy\n\nSee [retention](#retention) and [sharing](#sharing-data).\n\n## Retention\n\nWe keep data for a year.\n\n"
      "## Sharing\n\n## Retention\n\nWe delete backups after thirty days.\n\n## Contact\n";
  auto got = lint_counts(md);
  CHECK(got["empty-section"] == 1);
  CHECK(got["duplicate-title"] == 1);
  CHECK(got["broken-anchor"] == 1);
}

TEST_CASE("an unconditional affirmation and denial of the same practice is a contradiction; a scoped one is not") {
  std::string md =
      "# Privacy\n\nWe sell your email address to our marketing partners every month.\n\n"
      "## Promise\n\nWe do not sell your email address.\n";
  CHECK(lint_counts(md)["contradiction"] == 1);
  std::string scoped =
      "# Privacy\n\nWe share your email address with our payment processor to bill you.\n\n"
      "## Promise\n\nWe do not share your email address with advertisers for marketing.\n";
  CHECK(lint_counts(scoped)["contradiction"] == 0);
}

TEST_CASE("policies in other languages are not judged on English cues") {
  auto got = lint_counts("# Confidentialité\n\nNous collectons votre adresse électronique lorsque vous créez un compte, "
                         "et nous la conservons pendant trois ans après votre dernière connexion.\n");
  CHECK(got["missing-dnt"] == 0);
  CHECK(got["language"] == 1);
}

TEST_CASE("an effective date is found as a bold title, a 'Revision Date:', an 'Updated' line, or a label and its date apart") {
  const std::string body = "We collect your name and email address when you register for the service.\n";
  for (const char* head : {"**Last modified: August 11, 2022**\n\n", "Revision Date: 03/01/2023\n\n", "Updated January 4, 2023\n\n",
                           "Effective Date:\n\nJanuary 1, 2023\n\n",
                           "Updated September/11, 2025 by the Example Personal Data Protection Committee\n\n",
                           "This version of our privacy questions and answers took effect June 3, 2020.\n\n"}) {
    CAPTURE(std::string(head));
    CHECK(lint_counts("# Privacy Policy\n\n" + std::string(head) + body)["missing-effective-date"] == 0);
  }
  // "updated" in running text with no date is none
  CHECK(lint_counts("# Privacy Policy\n\n" + body + "\nWe updated our systems and keep improving them for you every day.\n")
            ["missing-effective-date"] == 1);
}

TEST_CASE("missing-effective-date: a short line that is mostly a date dates the policy, whatever its label") {
  const std::string body = "We collect your name and email address when you register for the service.\n";
  for (const char* line : {"September 11, 2025\n\n", "16.10.2019\n\n", "November 2018\n\n", "Last update: Jan 7, 2014\n\n",
                           "Date Modified: May 19, 2026\n\n", "Version 1.7, 09-08-2025\n\n", "Status: April 16, 2025\n\n",
                           "As of July 20th, 2018\n\n", "This policy was last published on: 21 April 2026\n\n",
                           "* _August 15, 2023:_ Updated list of sub-processors.\n\n", "6 octobre 2022 10:30\n\n"}) {
    CAPTURE(std::string(line));
    CHECK(lint_counts("# Privacy Policy\n\n" + std::string(line) + body)["missing-effective-date"] == 0);  // under the title
    CHECK(lint_counts("# Privacy Policy\n\n" + body + "\n" + line)["missing-effective-date"] == 0);       // at the end
  }
}

TEST_CASE("missing-effective-date: a law's date, a date in a long sentence or in a table cell is not the policy's") {
  const std::string head = "# Privacy Policy\n\nWe collect your name and email address when you register for the service.\n\n";
  for (const char* text : {"We follow Regulation 2016/679 of 27 April 2016.\n",
                           "As of January 1, 2020, the California Consumer Privacy Act of 2018 gives California residents rights.\n",
                           "| Recipient | Safeguard |\n| --- | --- |\n| Hosting | EU Standard Contractual Clauses (June 2021) |\n"}) {
    CAPTURE(std::string(text));
    CHECK(lint_counts(head + text)["missing-effective-date"] == 1);
  }
}

TEST_CASE("a table of contents of bold titles is navigation: no empty sections, no repeated titles") {
  const std::string body = "We collect your email address when you register, and we keep it for two years.\n\n";
  const std::string source = "# Privacy Policy\n\n**1. Information We Collect**\n\n**2. How We Use It**\n\n**3. Your Rights**\n\n"
                             "**1. Information We Collect**\n\n" + body + "**2. How We Use It**\n\n" + body +
                             "**3. Your Rights**\n\nYou may ask us to delete your data at any time.\n";
  auto got = lint_counts(source);
  CHECK(got["empty-section"] == 0);
  CHECK(got["duplicate-title"] == 0);
}

TEST_CASE("empty headings of a scrape are no titles; a policy held twice is one finding") {
  auto blank = lint_counts("# Privacy\n\nWe collect your email address.\n\n### \n\nWe keep it for a year.\n\n### \n\nWe delete it on request.\n");
  CHECK(blank["duplicate-title"] == 0);
  CHECK(blank["empty-section"] == 0);
  std::string copy = "## Collection\n\nWe collect your email address when you sign up.\n\n## Use\n\nWe use your email address to send receipts.\n\n"
                     "## Sharing\n\nWe do not share your email address with anyone.\n\n## Retention\n\nWe keep your email address for a year.\n\n";
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(std::make_unique<Policy>(parse_document("twice.md", "# Privacy\n\n" + copy + copy)));
  int duplicates = 0;
  for (const Finding& f : run_lint(policies, all_rules()).findings)
    if (f.rule == "duplicate-title") {
      ++duplicates;
      CHECK(f.title.find("appears twice") != std::string::npos);
    }
  CHECK(duplicates == 1);
}

TEST_CASE("contradiction: a denial narrower than its practice is none (children, a product, a place, a qualifier)") {
  const std::string adult = "# Privacy\n\nWe collect your location to show you nearby stores and local offers.\n\n";
  CHECK(lint_counts(adult + "## Children\n\nWe do not collect location from children under 13.\n")["contradiction"] == 0);
  CHECK(lint_counts(adult + "## Help\n\nGet Help does not collect your location.\n")["contradiction"] == 0);
  CHECK(lint_counts(adult + "## Precision\n\nWe do not collect your precise location on our servers.\n")["contradiction"] == 0);
  CHECK(lint_counts(adult + "## Promise\n\nWe do not collect your location.\n")["contradiction"] == 1);
}

TEST_CASE("contradiction: 'we don't, however, keep' is a denial, not an affirmation") {
  CHECK(lint_counts("# Privacy\n\nThis is data we see as part of providing you with connectivity; we don't, however, keep a "
                    "record of your messages.\n\n## Messages\n\nWe do not keep a record of your messages.\n")["contradiction"] == 0);
}

TEST_CASE("missing-retention: saying data is kept secure, or a retention title, is not saying how long") {
  const std::string base = "# Privacy\n\nWe collect your email address when you register for an account with us.\n\n";
  CHECK(lint_counts(base + "## Data Retention\n\nAll information we store is kept secure with industry standards.\n")["missing-retention"] == 1);
  CHECK(lint_counts(base + "## Data Retention\n\nWe retain your account data. It is deleted when your account is deleted.\n")["missing-retention"] == 0);
  CHECK(lint_counts(base + "## Data Retention\n\nWe keep your data for two years after your last login.\n")["missing-retention"] == 0);
}

TEST_CASE("contradiction and duplicate-title are off by default; enable turns them on, disable wins") {
  const std::string md = "# Privacy\n\nWe sell your email address to our marketing partners every month.\n\n"
                         "## Promise\n\nWe do not sell your email address.\n\n## Promise\n\nWe keep it for a year.\n";
  auto plain = lint_counts(md, LintConfig{});
  CHECK(plain["contradiction"] == 0);
  CHECK(plain["duplicate-title"] == 0);
  auto on = lint_counts(md);
  CHECK(on["contradiction"] == 1);
  CHECK(on["duplicate-title"] == 1);
  LintConfig both = all_rules();
  both.disabled = {"contradiction"};
  CHECK(lint_counts(md, both)["contradiction"] == 0);
  CHECK(lint_rule_on_by_default("empty-section"));
  CHECK(!lint_rule_on_by_default("duplicate-title"));
}

TEST_CASE("empty-section: a heading followed at once by another introduces it (one level for both, FAQ groups, sidebar labels)") {
  const std::string text = "We collect your email address when you sign up and keep it for a year.\n\n";
  // Subsections marked at their parent's level: setext children of a setext parent, "### 5.1" under "### 5.1".
  CHECK(lint_counts("Privacy\n=======\n\n2. Purposes\n-----------\n\n2.1. Website\n------------\n\n" + text)["empty-section"] == 0);
  CHECK(lint_counts("# Privacy\n\n### Privacy controls\n\n### Ad settings\n\n" + text)["empty-section"] == 0);
  // A group title over numbered questions.
  CHECK(lint_counts("# Privacy\n\nQuestions About Location\n\n1. What is location information?\n\n" + text)["empty-section"] == 0);
  // A sidebar label repeating the number of the heading after it.
  CHECK(lint_counts("# Privacy\n\n## 8. Messages\n\n" + text + "9. Use of cookies\n\n## 9. Your rights\n\n" + text)["empty-section"] == 0);
  // A subsection one level up from its parent.
  CHECK(lint_counts("# Privacy\n\n### 4. Your Rights\n\n## Marketing\n\n" + text)["empty-section"] == 0);
}

TEST_CASE("empty-section: a heading followed by its next number, or ending the document, has no text") {
  const std::string text = "We collect your email address when you sign up and keep it for a year.\n\n";
  CHECK(lint_counts("# Privacy\n\n## 5. Retention\n\n" + text + "## 6. Legal basis\n\n## 7. Disclosure\n\n" + text)["empty-section"] == 1);
  CHECK(lint_counts("# Privacy\n\n## 5.1 Retention\n\n" + text + "## 5.2 Legal basis\n\n## 5.3 Disclosure\n\n" + text)["empty-section"] == 1);
  CHECK(lint_counts("# Privacy\n\n## Retention\n\n" + text + "## Contact\n")["empty-section"] == 1);
}

TEST_CASE("a title that states its content (a field, a sentence, a date) is no empty section and may repeat") {
  const std::string text = "We collect your email address when you sign up and keep it for a year.\n\n";
  const std::string md = "# Privacy\n\n## 1. Matching\n\n" + text + "##### Legal basis for this processing activity: Consent\n\n" +
                         "## 2. Analytics\n\n" + text + "##### Legal basis for this processing activity: Consent\n\n" +
                         "## 3. Security\n\n" + text + "### 3.1 Ensure the security of your products by installing updates.\n\n" +
                         "### 3.2 Keep your password to yourself and change it every year.\n\n## 4. History\n\n" + text + "### 17 June 2025\n";
  auto got = lint_counts(md);
  CHECK(got["empty-section"] == 0);
  CHECK(got["duplicate-title"] == 0);
  // A numbered title with a colon is a title: "Section 3: Cookies" with no text is empty.
  CHECK(lint_counts("# Privacy\n\n## Section 2: Use\n\n" + text + "## Section 3: Cookies\n")["empty-section"] == 1);
}
