#include "check/lint.hpp"
#include "document/loader.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <map>

using namespace policyq;
using namespace policyq::check;

namespace {
std::map<std::string, int> lint_counts(const std::string& source, const LintConfig& config = {}) {
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
  LintConfig config;
  config.disabled = {"missing-dnt", "missing-children"};
  auto got = lint_counts("# Privacy\n\nWe collect your email address when you sign up and use it to send you receipts.\n", config);
  CHECK(got["missing-dnt"] == 0);
  CHECK(got["missing-children"] == 0);
  CHECK(got["missing-retention"] == 1);
}

TEST_CASE("empty sections, repeated titles and links to missing anchors are reported") {
  std::string md =
      "# Privacy\n\nSee [retention](#retention) and [sharing](#sharing-data).\n\n## Retention\n\nWe keep data for a year.\n\n"
      "## Contact\n\n## Retention\n\nWe delete backups after thirty days.\n";
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
                           "Effective Date:\n\nJanuary 1, 2023\n\n"}) {
    CAPTURE(std::string(head));
    CHECK(lint_counts("# Privacy Policy\n\n" + std::string(head) + body)["missing-effective-date"] == 0);
  }
  // "updated" in running text with no date is none
  CHECK(lint_counts("# Privacy Policy\n\n" + body + "\nWe updated our systems and keep improving them for you every day.\n")
            ["missing-effective-date"] == 1);
}
