#include "document/find.hpp"
#include "document/loader.hpp"
#include <doctest/doctest.h>

using namespace policyq;

namespace {
std::vector<std::string> titles(const Document& doc, const std::vector<int>& found) {
  std::vector<std::string> out;
  for (int i : found) out.push_back(doc.sections[static_cast<std::size_t>(i)].title);
  return out;
}
}  // namespace

TEST_CASE("a section is found by its anchor, with or without #") {
  Document doc = load_bundled_policy();
  CHECK(titles(doc, find_sections(doc, "information-retention-policy")) == std::vector<std::string>{"Information Retention Policy"});
  CHECK(titles(doc, find_sections(doc, "#children")) == std::vector<std::string>{"Children"});
}

TEST_CASE("a section is found by its title in any case and spacing, trailing ? optional") {
  Document doc = load_bundled_policy();
  CHECK(titles(doc, find_sections(doc, "information   RETENTION policy")) == std::vector<std::string>{"Information Retention Policy"});
  CHECK(titles(doc, find_sections(doc, "What Does This Policy Cover")) == std::vector<std::string>{"What Does This Policy Cover?"});
}

TEST_CASE("a path matches the end of a section's path") {
  Document doc = load_bundled_policy();
  auto found = find_sections(doc, "What Information Do We Collect? > Location Information");
  CHECK(titles(doc, found) == std::vector<std::string>{"Location Information"});
  CHECK(find_sections(doc, "Children > Location Information").empty());
}

TEST_CASE("without an exact match, titles containing the text are offered") {
  Document doc = load_bundled_policy();
  auto found = titles(doc, find_sections(doc, "retention"));
  CHECK(found == std::vector<std::string>{"Information Retention Policy"});
}

TEST_CASE("chrome sections are found only when asked for") {
  Document doc = load_bundled_policy();
  CHECK(find_sections(doc, "Log In To Your Account").empty());
  CHECK(find_sections(doc, "Log In To Your Account", true).size() == 1);
}
