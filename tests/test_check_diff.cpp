// policyq diff: structural and practice changes between two versions of a policy, on the
// bundled policy with edits made here, on the real version pairs of ../shared (skipped when
// absent), through every output format, and through the CLI.
#include "check/diff.hpp"
#include "check/report.hpp"
#include "document/loader.hpp"
#include "cli_runner.hpp"
#include "source_check.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace policyq;
using policyq::check::Finding;
using policyq::check::Report;

namespace {

std::string bundled_text() { return policyq::testing::slurp(std::string(POLICYQ_SOURCE_DIR) + "/corpus/noip-privacy-policy.md"); }

// Replaces the one occurrence of from (the test fails when it is missing).
std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "edit target not found: " << from);
  return text.replace(at, from.size(), to);
}

// 1-based line of the first line containing needle.
int line_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "not found: " << needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

Report diff_texts(const std::string& old_text, const std::string& new_text) {
  return check::diff_documents(parse_document("old.md", old_text), parse_document("new.md", new_text));
}

std::multiset<std::string> rules_of(const Report& r) {
  std::multiset<std::string> out;
  for (const Finding& f : r.findings) out.insert(f.rule + ":" + f.rank);
  return out;
}

const Finding* find_rule(const Report& r, const std::string& rule) {
  for (const Finding& f : r.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

const check::Location* location(const Finding& f, const std::string& role) {
  for (const auto& l : f.locations)
    if (l.role == role && !l.quote.empty()) return &l;
  return nullptr;
}

std::string dump(const Report& r) {
  std::ostringstream out;
  check::write_report(r, check::Format::text, false, out);
  return out.str();
}

// Edits of the bundled policy: the substantive ones and a pure re-formatting.
const std::string retention_old = "or two years after you have ceased using the service";
const std::string retention_new = "or five years after you have ceased using the service";
const std::string no_sale = "We do not sell your personal data to unaffiliated third parties for marketing or promotional use.";
const std::string may_sell = "We may sell your personal data to unaffiliated third parties for marketing or promotional use.";
const std::string bullet_anchor = "* We may disclose your information if required";
const std::string new_bullet = "* We share your location with advertising partners.\n";

bool starts_block(const std::string& word) {
  if (word.empty()) return true;
  char c = word[0];
  return c == '-' || c == '*' || c == '+' || c == '#' || c == '>' || c == '|' || c == '=' || c == '`' || c == '<' ||
         c == '[' || c == '!' || (c >= '0' && c <= '9');
}

// A re-formatting that changes no rendered word: setext headings become ATX, long paragraph
// lines are re-wrapped, link URLs change, '*' list markers become '-', some words get
// emphasis or escapes, and blank lines / trailing spaces change.
std::string reformat(const std::string& text) {
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string l = lines[i];
    // setext -> ATX
    if (i + 1 < lines.size() && !l.empty() && !lines[i + 1].empty() &&
        lines[i + 1].find_first_not_of('-') == std::string::npos && lines[i + 1].size() >= 3 && l[0] != '*' && l[0] != '-') {
      out.push_back("## " + l + " ##");
      ++i;
      continue;
    }
    if (i + 1 < lines.size() && !l.empty() && !lines[i + 1].empty() && lines[i + 1].find_first_not_of('=') == std::string::npos) {
      out.push_back("# " + l);
      ++i;
      continue;
    }
    // link URLs
    for (std::size_t at = l.find("](http"); at != std::string::npos; at = l.find("](http", at + 2)) {
      std::size_t close = l.find(')', at);
      if (close == std::string::npos) break;
      l.replace(at + 2, close - at - 2, "https://example.org/moved");
    }
    // list markers
    std::string prefix;
    if (l.rfind("* ", 0) == 0) {
      l = "- " + l.substr(2);
      prefix = "  ";
    }
    // emphasis and escapes in body text (not in links)
    if (l.find("No-IP.com takes your privacy seriously") != std::string::npos)
      l = replace_once(l, "takes your privacy seriously", "takes *your privacy* **seriously**");
    if (l.find("Information about our customers is not an important part") != std::string::npos)
      l = replace_once(l, "not an important part", "not an _important_ part");
    if (l.find("(this \"Policy\")") != std::string::npos) l = replace_once(l, "(this \"Policy\")", "(this \\\"Policy\\\")");
    // re-wrap long plain paragraph lines (never starting a line with block markup)
    bool plain = !l.empty() && (l[0] >= 'A' && l[0] <= 'Z') && l.find('|') == std::string::npos && l.find('[') == std::string::npos;
    if ((plain || !prefix.empty()) && l.size() > 100 && l.find('[') == std::string::npos) {
      std::istringstream words(l);
      std::string w, cur;
      bool first = true;
      while (words >> w) {
        if (!cur.empty() && cur.size() + w.size() > 72 && !starts_block(w)) {
          out.push_back((first ? "" : prefix) + cur);
          first = false;
          cur.clear();
        }
        cur += (cur.empty() ? "" : " ") + w;
      }
      if (!cur.empty()) out.push_back((first ? "" : prefix) + cur);
      continue;
    }
    out.push_back(l);
    if (l.empty() && i % 7 == 0) out.push_back("");  // extra blank lines
  }
  std::string joined;
  for (const auto& l : out) joined += l + "\n";
  return joined;
}

}  // namespace

TEST_CASE("diff: identical versions report no substantive change") {
  std::string text = bundled_text();
  Report r = diff_texts(text, text);
  CHECK(r.findings.empty());
  CHECK(r.summary["verdict"] == "no substantive change");
  CHECK(r.command == "diff");
  CHECK(r.inputs == std::vector<std::string>{"old.md", "new.md"});
  CHECK_FALSE(check::diff_fails(r, "low"));
}

TEST_CASE("diff: a lengthened retention period is a high retention-changed at both lines") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, retention_old, retention_new);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(rules_of(r) == std::multiset<std::string>{"retention-changed:high", "sentence-reworded:low"});
  const Finding* f = find_rule(r, "retention-changed");
  REQUIRE(f);
  CHECK(f->severity == check::Severity::error);
  CHECK(f->extra["old_period"]["iso"] == "P2Y");
  CHECK(f->extra["new_period"]["iso"] == "P5Y");
  CHECK(f->extra["direction"] == "longer");
  REQUIRE(f->locations.size() == 2);
  CHECK(f->locations[0].role == "new");
  CHECK(f->locations[0].file == "new.md");
  CHECK(f->locations[0].line == line_of(new_text, retention_new));
  CHECK(f->locations[1].role == "old");
  CHECK(f->locations[1].line == line_of(old_text, retention_old));
  CHECK(f->locations[0].quote.find("five years") != std::string::npos);
  CHECK(f->locations[1].quote.find("two years") != std::string::npos);
  CHECK(check::diff_fails(r, "high"));
}

TEST_CASE("diff: a shortened retention period is ranked low") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, retention_old, "or one year after you have ceased using the service");
  Report r = diff_texts(old_text, new_text);
  const Finding* f = find_rule(r, "retention-changed");
  REQUIRE(f);
  CHECK(f->rank == "low");
  CHECK(f->extra["direction"] == "shorter");
  CHECK_FALSE(check::diff_fails(r, "high"));
  CHECK(check::diff_fails(r, "low"));
}

TEST_CASE("diff: \"we do not sell\" turned into \"we may sell\" is a high polarity-flipped") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, no_sale, may_sell);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(rules_of(r) == std::multiset<std::string>{"polarity-flipped:high", "sentence-reworded:low"});
  const Finding* f = find_rule(r, "polarity-flipped");
  REQUIRE(f);
  REQUIRE(location(*f, "new"));
  REQUIRE(location(*f, "old"));
  CHECK(location(*f, "new")->quote == may_sell);
  CHECK(location(*f, "old")->quote == no_sale);
  CHECK(location(*f, "new")->line == line_of(new_text, may_sell));
  CHECK(location(*f, "old")->line == line_of(old_text, no_sale));
  CHECK(f->locations.front().role == "new");
  CHECK(f->extra["practices"][0]["old"]["action"] == "sell");
  CHECK(f->extra["practices"][0]["old"]["polarity"] == "negative");
  CHECK(f->extra["practices"][0]["new"]["polarity"] == "affirmative");
}

TEST_CASE("diff: \"we do not sell\" removed is a high denial-removed") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, no_sale + " ", "");
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(rules_of(r) == std::multiset<std::string>{"denial-removed:high", "sentence-removed:low"});
  const Finding* f = find_rule(r, "denial-removed");
  REQUIRE(f);
  REQUIRE(location(*f, "old"));
  CHECK(location(*f, "old")->quote == no_sale);
  CHECK(location(*f, "old")->line == line_of(old_text, no_sale));
  // the new side points at where the sentence was (for CI annotations), with no quote
  CHECK(f->locations.front().role == "new");
  CHECK(f->locations.front().line == line_of(new_text, "We share or disclose customer information only as described below."));
  CHECK(f->locations.front().quote.empty());
}

TEST_CASE("diff: a new sharing bullet is a high practice-affirmed and a sentence-added") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, bullet_anchor, new_bullet + bullet_anchor);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(rules_of(r) == std::multiset<std::string>{"practice-affirmed:high", "sentence-added:low"});
  const Finding* f = find_rule(r, "practice-affirmed");
  REQUIRE(f);
  REQUIRE(f->locations.size() == 1);
  CHECK(f->locations[0].role == "new");
  CHECK(f->locations[0].line == line_of(new_text, "We share your location with advertising partners."));
  CHECK(f->locations[0].quote == "We share your location with advertising partners.");
  CHECK(f->extra["practices"][0]["new"]["data"] == "location");
  CHECK(f->extra["practices"][0]["new"]["recipient"] == "advertiser");
}

TEST_CASE("diff: a dropped consent condition on disclosure is a high condition-dropped") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, "We may disclose information to third parties if you consent to us doing so, as well as",
                                      "We may disclose information to third parties as well as");
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  const Finding* f = find_rule(r, "condition-dropped");
  REQUIRE(f);
  CHECK(f->rank == "high");
  CHECK(f->extra["condition"] == "with your consent");
  CHECK(location(*f, "new")->line == location(*f, "old")->line);
}

TEST_CASE("diff: deleting the bundled policy's opt-out of sharing is a right-removed, though an opt-out of marketing e-mail remains") {
  const std::string old_text(load_bundled_policy().source);
  const std::string cue = "request that we not disclose your personal information to third parties";
  std::size_t at = old_text.find(cue);
  REQUIRE(at != std::string::npos);
  // the whole sentence that offers the opt-out
  std::size_t begin = old_text.rfind(". ", at);
  begin = begin == std::string::npos || begin < old_text.rfind('\n', at) ? old_text.rfind('\n', at) + 1 : begin + 2;
  std::size_t end = old_text.find('.', at) + 1;
  std::string new_text = old_text.substr(0, begin) + old_text.substr(end);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  const Finding* f = find_rule(r, "right-removed");
  REQUIRE(f);
  CHECK(f->extra["right"] == "opt_out_of_sharing");
  CHECK(f->rank == "medium");
}

TEST_CASE("diff: a user right no longer mentioned is a medium right-removed") {
  std::string old_text = "# Privacy\n\nWe collect your email address.\n\n## Your rights\n\nYou have the right to data portability.\n\n"
                         "You may lodge a complaint with a supervisory authority.\n";
  std::string new_text = "# Privacy\n\nWe collect your email address.\n\n## Your rights\n\n"
                         "You may lodge a complaint with a supervisory authority.\n";
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  const Finding* f = find_rule(r, "right-removed");
  REQUIRE(f);
  CHECK(f->rank == "medium");
  CHECK(f->extra["right"] == "right_to_portability");
  CHECK(location(*f, "old")->line == 7);
  CHECK(find_rule(r, "sentence-removed"));
}

TEST_CASE("diff: a new denial is a low practice-denied") {
  std::string old_text = "# Privacy\n\nWe collect your email address.\n";
  std::string new_text = "# Privacy\n\nWe collect your email address.\n\nWe do not share your email address with advertisers.\n";
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  const Finding* f = find_rule(r, "practice-denied");
  REQUIRE(f);
  CHECK(f->rank == "low");
  CHECK_FALSE(check::diff_fails(r, "high"));
}

TEST_CASE("diff: the four edits of the issue together report exactly the substantive changes") {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, retention_old, retention_new);
  new_text = replace_once(new_text, no_sale, may_sell);
  new_text = replace_once(new_text, bullet_anchor, new_bullet + bullet_anchor);
  // ... on top of a re-formatting of the whole file
  new_text = reformat(new_text);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(rules_of(r) == std::multiset<std::string>{"retention-changed:high", "polarity-flipped:high", "practice-affirmed:high",
                                                  "sentence-reworded:low", "sentence-reworded:low", "sentence-added:low"});
  // every location is at real lines of its side that hold its quote
  Document od = parse_document("old.md", old_text), nd = parse_document("new.md", new_text);
  for (const Finding& f : r.findings)
    for (const auto& l : f.locations) {
      const Document& d = l.role == "new" ? nd : od;
      CHECK(l.file == d.name);
      REQUIRE(l.line >= 1);
      REQUIRE(l.end_line <= d.line_count);
      CHECK_MESSAGE(policyq::testing::quote_in_lines(d, l.quote, l.line, l.end_line), f.rule << " " << l.role << ":" << l.line);
    }
  // the high ones are first
  REQUIRE(r.findings.size() == 6);
  CHECK(r.findings[0].rank == "high");
  CHECK(r.findings[2].rank == "high");
  CHECK(r.findings[3].rank == "low");
  CHECK(check::diff_fails(r, "high"));
  CHECK(r.summary["high"] == 3);
  CHECK(r.summary["verdict"] == "changed");
}

TEST_CASE("diff: a pure re-formatting (ATX headings, re-wrapping, link URLs, list markers, emphasis, escapes) is no change") {
  std::string old_text = bundled_text();
  std::string new_text = reformat(old_text);
  REQUIRE(new_text != old_text);
  REQUIRE(new_text.find("## Information Retention Policy ##") != std::string::npos);
  REQUIRE(new_text.find("https://example.org/moved") != std::string::npos);
  REQUIRE(std::count(new_text.begin(), new_text.end(), '\n') > std::count(old_text.begin(), old_text.end(), '\n') + 20);
  Report r = diff_texts(old_text, new_text);
  INFO(dump(r));
  CHECK(r.findings.empty());
  CHECK(r.summary["verdict"] == "no substantive change");
  CHECK_FALSE(check::diff_fails(r, "low"));
  // and back
  CHECK(diff_texts(new_text, old_text).findings.empty());
}

TEST_CASE("diff: sentences split or joined differently, and setext vs ATX titles, are no change") {
  std::string a = "Title\n=====\n\nWe collect your name. We use it to bill you.\n\nWe keep it safe.\n";
  std::string b = "# Title\n\nWe collect your\nname.\n\nWe use it to bill you. We keep it safe.\n";
  CHECK(diff_texts(a, b).findings.empty());
}

TEST_CASE("diff: a sentence moved to another paragraph is matched, not added and removed") {
  std::string a = "# A\n\nWe collect your name. We use your name to bill you.\n\n# B\n\nWe protect your data.\n";
  std::string b = "# A\n\nWe collect your name.\n\n# B\n\nWe protect your data. We use your name to bill you.\n";
  Report r = diff_texts(a, b);
  INFO(dump(r));
  CHECK(r.findings.empty());
}

TEST_CASE("diff: sections added, removed, renamed and moved") {
  std::string a = "# Policy\n\n## Collection\n\nWe collect your name and your email address when you register.\n\n"
                  "## Retention Policy\n\nWe keep your account data while your account is open.\n\n"
                  "## Contact\n\nWrite to us at the address below.\n\n## Old section\n\nThis part is going away entirely.\n";
  std::string b = "# Policy\n\n## Contact\n\nWrite to us at the address below.\n\n## Collection\n\n"
                  "We collect your name and your email address when you register.\n\n"
                  "## How long we keep data\n\nWe keep your account data while your account is open.\n\n"
                  "## Security\n\nWe encrypt everything we store with strong keys.\n";
  Report r = diff_texts(a, b);
  INFO(dump(r));
  const Finding* renamed = find_rule(r, "section-renamed");
  REQUIRE(renamed);
  CHECK(renamed->extra["old"]["title"] == "Retention Policy");
  CHECK(renamed->extra["new"]["title"] == "How long we keep data");
  const Finding* added = find_rule(r, "section-added");
  REQUIRE(added);
  CHECK(added->locations[0].line == line_of(b, "## Security"));
  const Finding* removed = find_rule(r, "section-removed");
  REQUIRE(removed);
  CHECK(location(*removed, "old")->line == line_of(a, "## Old section"));
  const Finding* moved = find_rule(r, "section-moved");
  REQUIRE(moved);
  CHECK(moved->extra["new"]["title"] == "Contact");
  // the sentences of added / removed sections are part of those findings
  CHECK_FALSE(find_rule(r, "sentence-added"));
  CHECK_FALSE(find_rule(r, "sentence-removed"));
  CHECK_FALSE(find_rule(r, "sentence-reworded"));
}

TEST_CASE("diff: a changed visible URL, a scraper-hidden e-mail address or a split word is no change") {
  std::string a = "# P\n\nVisit https://example.com/en-us/privacy to opt out, or write to privacy@example.com today.\n\n"
                  "We may read your device's phonebook.\n";
  std::string b = "# P\n\nVisit https://example.com/en-gb/privacy to opt out, or write to [email protected] today.\n\n"
                  "We may read your device's phone book.\n";
  Report r = diff_texts(a, b);
  INFO(dump(r));
  CHECK(r.findings.empty());
  // a changed word next to them still counts
  std::string c = "# P\n\nVisit https://example.com/en-gb/privacy to opt in, or write to [email protected] today.\n\n"
                  "We may read your device's phone book.\n";
  CHECK(find_rule(diff_texts(a, c), "sentence-reworded"));
}

TEST_CASE("diff: a plain line that became a section title is no change, but new text under it still counts") {
  std::string a = "# Policy\n\n## Use\n\nWe use your email address to send receipts.\n\nLegitimate interests\n\n"
                  "We analyse how the site is used to improve it.\n";
  std::string b = "# Policy\n\n## Use\n\nWe use your email address to send receipts.\n\n## Legitimate interests\n\n"
                  "We analyse how the site is used to improve it.\n";
  Report r = diff_texts(a, b);
  INFO(dump(r));
  CHECK(r.findings.empty());
  CHECK(diff_texts(b, a).findings.empty());
  Report more = diff_texts(a, b + "\nWe also keep server logs for a month.\n");
  INFO(dump(more));
  CHECK(find_rule(more, "sentence-added"));
  CHECK_FALSE(find_rule(more, "section-added"));
}

TEST_CASE("diff: renumbered section titles are no change") {
  std::string a = "# Policy\n\n## 4. Sharing\n\nWe share nothing.\n\n## 5. Contact\n\nWrite to us.\n";
  std::string b = "# Policy\n\n## 5. Sharing\n\nWe share nothing.\n\n## 6) Contact\n\nWrite to us.\n";
  CHECK(diff_texts(a, b).findings.empty());
}

TEST_CASE("diff: a table of contents moved from the top to the bottom is no change") {
  std::string body = "## General\n\nWe collect your name when you register.\n\n## Your rights\n\nYou can ask for a copy of your data.\n\n"
                     "## Changes\n\nWe may change this policy.\n";
  std::string toc = "**Contents:**\n\n* General\n* Your rights\n* Changes\n";
  std::string a = "# Policy\n\n" + toc + "\n" + body;
  std::string b = "# Policy\n\n" + body + "\n" + toc;
  Report r = diff_texts(a, b);
  INFO(dump(r));
  CHECK(r.findings.empty());
}

TEST_CASE("diff: reworded sentences carry both quotes and a similarity") {
  std::string a = "# P\n\nWe use your information to provide, maintain and improve our services for you.\n";
  std::string b = "# P\n\nWe use your information to provide, maintain and improve our products for you.\n";
  Report r = diff_texts(a, b);
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings[0];
  CHECK(f.rule == "sentence-reworded");
  CHECK(f.extra["old"]["text"].get<std::string>().find("services") != std::string::npos);
  CHECK(f.extra["new"]["text"].get<std::string>().find("products") != std::string::npos);
  CHECK(f.extra["similarity"].get<double>() > 0.7);
  CHECK(f.locations[0].role == "new");
  CHECK(f.locations[1].role == "old");
}

TEST_CASE("diff: normalised text and similarity") {
  CHECK(check::normalize_text("We **don't**  sell\nyour *data*.") == "we dont sell your data");
  CHECK(check::normalize_text("Café — Über") == "café über");
  CHECK(check::text_similarity("a b c d", "a b c d") == doctest::Approx(1));
  CHECK(check::text_similarity("a b c d", "a b c e") == doctest::Approx(0.6));
  CHECK(check::text_similarity("a b", "c d") == doctest::Approx(0));
}

TEST_CASE("diff: --fail-on ranks") {
  Report r;
  CHECK_FALSE(check::diff_fails(r, "low"));
  Finding f;
  f.rank = "medium";
  r.findings.push_back(f);
  CHECK_FALSE(check::diff_fails(r, "high"));
  CHECK(check::diff_fails(r, "medium"));
  CHECK(check::diff_fails(r, "low"));
  CHECK_FALSE(check::diff_fails(r, "never"));
  CHECK_THROWS_AS(check::diff_fails(r, "error"), Error);
  CHECK(check::rank_value("high") == 3);
  CHECK(check::rank_value("x") == 0);
}

// ---------------------------------------------------------------- output formats

namespace {
Report edited_report() {
  std::string old_text = bundled_text();
  std::string new_text = replace_once(old_text, retention_old, retention_new);
  new_text = replace_once(new_text, no_sale + " ", "");
  new_text = replace_once(new_text, bullet_anchor, new_bullet + bullet_anchor);
  return diff_texts(old_text, new_text);
}

// A small XML well-formedness check: balanced tags, quoted attributes, known entities.
bool well_formed_xml(const std::string& xml, std::string& why, std::map<std::string, int>& tag_counts) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      std::size_t close = xml.find('>', i);
      if (close == std::string::npos) return why = "unclosed tag", false;
      std::string tag = xml.substr(i + 1, close - i - 1);
      if (tag.find('<') != std::string::npos) return why = "'<' inside a tag", false;
      bool end = !tag.empty() && tag[0] == '/';
      bool empty = !tag.empty() && tag.back() == '/';
      std::string name = tag.substr(end ? 1 : 0);
      name = name.substr(0, name.find_first_of(" /\n"));
      if (name.empty()) return why = "empty tag name", false;
      // attributes: name="value" pairs with no raw '<' or '&' outside entities
      std::size_t q = std::count(tag.begin(), tag.end(), '"');
      if (q % 2) return why = "unbalanced quotes in <" + name + ">", false;
      if (end) {
        if (stack.empty() || stack.back() != name) return why = "mismatched </" + name + ">", false;
        stack.pop_back();
      } else {
        ++tag_counts[name];
        if (!empty) stack.push_back(name);
      }
      i = close + 1;
    } else if (xml[i] == '&') {
      std::size_t semi = xml.find(';', i);
      std::string ent = semi == std::string::npos ? "" : xml.substr(i, semi - i + 1);
      if (ent != "&amp;" && ent != "&lt;" && ent != "&gt;" && ent != "&quot;" && ent != "&apos;" && ent.rfind("&#", 0) != 0)
        return why = "bad entity " + ent, false;
      i = semi + 1;
    } else {
      ++i;
    }
  }
  if (!stack.empty()) return why = "unclosed <" + stack.back() + ">", false;
  return true;
}
}  // namespace

TEST_CASE("diff: JSON output parses back with the findings, ranks and extra fields") {
  Report r = edited_report();
  std::ostringstream out;
  check::write_report(r, check::Format::json, false, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  CHECK(j["command"] == "diff");
  CHECK(j["inputs"] == nlohmann::json::array({"old.md", "new.md"}));
  REQUIRE(j["findings"].size() == r.findings.size());
  std::set<std::string> rules;
  for (const auto& f : j["findings"]) {
    rules.insert(f["rule"].get<std::string>());
    CHECK(f.contains("rank"));
    CHECK(f["locations"].size() >= 1);
  }
  CHECK(rules.count("retention-changed"));
  CHECK(rules.count("denial-removed"));
  CHECK(rules.count("practice-affirmed"));
  for (const auto& f : j["findings"])
    if (f["rule"] == "retention-changed") {
      CHECK(f["old_period"]["iso"] == "P2Y");
      CHECK(f["new_period"]["iso"] == "P5Y");
      CHECK(f["severity"] == "error");
    }
  CHECK(j["summary"]["high"] == 3);
}

TEST_CASE("diff: SARIF output has version 2.1.0, rules, levels and physical locations") {
  Report r = edited_report();
  std::ostringstream out;
  check::write_report(r, check::Format::sarif, false, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  CHECK(j["version"] == "2.1.0");
  REQUIRE(j["runs"].size() == 1);
  const auto& run = j["runs"][0];
  std::set<std::string> rule_ids;
  for (const auto& rule : run["tool"]["driver"]["rules"]) rule_ids.insert(rule["id"].get<std::string>());
  CHECK(rule_ids.count("polarity-flipped"));
  CHECK(rule_ids.count("sentence-reworded"));
  REQUIRE(run["results"].size() == r.findings.size());
  for (const auto& res : run["results"]) {
    CHECK(rule_ids.count(res["ruleId"].get<std::string>()));
    std::string level = res["level"];
    CHECK((level == "error" || level == "warning" || level == "note"));
    REQUIRE(res["locations"].size() >= 1);
    const auto& pl = res["locations"][0]["physicalLocation"];
    std::string uri = pl["artifactLocation"]["uri"];
    CHECK((uri == "new.md" || uri == "old.md"));
    CHECK(pl["region"]["startLine"].get<int>() >= 1);
    CHECK(res["message"]["text"].get<std::string>().size() > 0);
  }
  CHECK(run["results"][0]["level"] == "error");
}

TEST_CASE("diff: JUnit output is well-formed XML with a test case per rule") {
  Report r = edited_report();
  std::ostringstream out;
  check::write_report(r, check::Format::junit, false, out);
  std::string xml = out.str();
  std::string why;
  std::map<std::string, int> tags;
  CHECK_MESSAGE(well_formed_xml(xml, why, tags), why);
  CHECK(tags["testsuites"] == 1);
  CHECK(tags["testsuite"] == 1);
  CHECK(tags["testcase"] >= static_cast<int>(r.rules.size()));
  std::set<std::string> failing;
  for (const Finding& f : r.findings) failing.insert(f.rule);
  CHECK(tags["failure"] == static_cast<int>(failing.size()));
  CHECK(xml.find("name=\"retention-changed\"") != std::string::npos);
}

TEST_CASE("diff: GitHub output annotates the new file and prints the text report") {
  Report r = edited_report();
  std::ostringstream out;
  check::write_report(r, check::Format::github, false, out);
  std::string s = out.str();
  CHECK(s.find("::error file=new.md,line=") != std::string::npos);
  CHECK(s.find("::notice file=new.md") != std::string::npos);
  CHECK(s.find("retention-changed") != std::string::npos);
}

// ---------------------------------------------------------------- real version pairs

namespace {
std::string shared_versions() { return std::string(POLICYQ_SHARED_DIR) + "/data/versions"; }
}

TEST_CASE("diff: the real version pairs run, point at real lines holding their quotes, and re-scrapes come out clean") {
  namespace fs = std::filesystem;
  std::string dir = shared_versions();
  if (!fs::exists(dir + "/pairs.jsonl")) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  std::ifstream in(dir + "/pairs.jsonl");
  std::string line;
  int pairs = 0, clean = 0, findings = 0;
  double slowest = 0;
  std::set<std::string> clean_pairs;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json p = nlohmann::json::parse(line);
    std::string old_name = p["old"], new_name = p["new"];
    CAPTURE(old_name);
    Document od = parse_document(old_name, policyq::testing::slurp(dir + "/" + old_name));
    Document nd = parse_document(new_name, policyq::testing::slurp(dir + "/" + new_name));
    auto t0 = std::chrono::steady_clock::now();
    Report r;
    REQUIRE_NOTHROW(r = check::diff_documents(od, nd));
    slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    ++pairs;
    findings += static_cast<int>(r.findings.size());
    if (r.findings.empty()) ++clean, clean_pairs.insert(old_name);
    for (const Finding& f : r.findings) {
      CHECK(!f.rank.empty());
      CHECK(!f.locations.empty());
      for (const auto& l : f.locations) {
        const Document& d = l.role == "new" ? nd : od;
        CHECK(l.file == d.name);
        REQUIRE(l.line >= 1);
        REQUIRE(l.end_line >= l.line);
        REQUIRE(l.end_line <= d.line_count);
        CHECK_MESSAGE(policyq::testing::quote_in_lines(d, l.quote, l.line, l.end_line),
                      f.rule << " " << l.role << " " << l.file << ":" << l.line << " " << l.quote);
      }
    }
  }
  CHECK(pairs == 37);
  // BankID's change only moved the table of contents from the top of the page to the bottom
  CHECK(clean_pairs.count("BankID-2026-04-16-old.md"));
  MESSAGE(pairs << " pairs, " << clean << " clean, " << findings << " findings, slowest diff " << slowest << " s");
  CHECK(slowest < 5.0);  // release builds take ~0.05 s; sanitizer builds are slower
}

TEST_CASE("diff: a real pair and its re-formatting differ only by the pair's own changes") {
  namespace fs = std::filesystem;
  std::string dir = shared_versions();
  if (!fs::exists(dir + "/Mozilla-2022-11-29-old.md")) {
    MESSAGE("skipped: " << dir << " is absent");
    return;
  }
  std::string old_text = policyq::testing::slurp(dir + "/Mozilla-2022-11-29-old.md");
  std::string new_text = policyq::testing::slurp(dir + "/Mozilla-2022-11-29-new.md");
  Report plain = diff_texts(old_text, new_text);
  Report reformatted = diff_texts(old_text, reformat(new_text));
  CHECK(rules_of(plain) == rules_of(reformatted));
  CHECK(diff_texts(old_text, reformat(old_text)).findings.empty());
}

// ---------------------------------------------------------------- CLI

namespace {
struct TempFiles {
  std::string dir;
  TempFiles() {
    dir = "/tmp/policyq_diff_test_" + std::to_string(getpid());
    std::filesystem::create_directories(dir);
  }
  ~TempFiles() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};
using policyq::testing::run_policyq;
using policyq::testing::shell_quote;
}  // namespace

TEST_CASE("cli diff: exit status follows --fail-on; formats and -q") {
  TempFiles t;
  std::string old_text = bundled_text();
  std::string a = t.write("old.md", old_text);
  std::string b = t.write("new.md", replace_once(old_text, retention_old, "or one year after you have ceased using the service"));
  std::string c = t.write("same.md", reformat(old_text));
  std::string args = "diff " + shell_quote(a) + " " + shell_quote(b);

  auto r = run_policyq(args);  // shortened retention: low only
  CHECK(r.status == 0);
  CHECK(r.out.find("retention-changed") != std::string::npos);
  CHECK(run_policyq(args + " --fail-on low").status == 1);
  CHECK(run_policyq(args + " --fail-on medium").status == 0);
  CHECK(run_policyq(args + " --fail-on never").status == 0);

  auto same = run_policyq("diff " + shell_quote(a) + " " + shell_quote(c) + " --fail-on low");
  CHECK(same.status == 0);
  CHECK(same.out.find("no substantive change") != std::string::npos);

  auto j = run_policyq(args + " --json");
  REQUIRE(j.status == 0);
  nlohmann::json parsed = nlohmann::json::parse(j.out);
  CHECK(parsed["command"] == "diff");
  CHECK(parsed["inputs"][0] == a);
  auto sarif = run_policyq(args + " --format sarif");
  CHECK(nlohmann::json::parse(sarif.out)["version"] == "2.1.0");
  auto q = run_policyq(args + " -q --fail-on low");
  CHECK(q.status == 1);
  CHECK(q.out.empty());

  std::string d = t.write("sold.md", replace_once(old_text, no_sale, may_sell));
  auto high = run_policyq("diff " + shell_quote(a) + " " + shell_quote(d) + " --format github");
  CHECK(high.status == 1);
  CHECK(high.out.find("::error file=" + d) != std::string::npos);
}

TEST_CASE("cli diff: standard input for one side; errors exit 2") {
  TempFiles t;
  std::string old_text = bundled_text();
  std::string a = t.write("old.md", old_text);
  auto r = run_policyq("diff " + shell_quote(a) + " - --fail-on low", replace_once(old_text, no_sale, may_sell));
  CHECK(r.status == 1);
  CHECK(r.out.find("polarity-flipped") != std::string::npos);

  auto both = run_policyq("diff - -", old_text);
  CHECK(both.status == 2);
  CHECK(both.err.find("policyq: error:") != std::string::npos);
  auto missing = run_policyq("diff " + shell_quote(a) + " " + shell_quote(t.dir + "/nope.md"));
  CHECK(missing.status == 2);
  CHECK(missing.err.find("nope.md") != std::string::npos);
  CHECK(run_policyq("diff " + shell_quote(a)).status == 2);
  CHECK(run_policyq("diff " + shell_quote(a) + " " + shell_quote(a) + " --fail-on error").status == 2);
  CHECK(run_policyq("diff " + shell_quote(a) + " " + shell_quote(a) + " --format xml").status == 2);
}

TEST_CASE("diff: French versions are compared by their practices: a denial turned into a sale is high") {
  const std::string fr_old =
      "# Politique de confidentialité\n\nNous collectons votre adresse e-mail lorsque vous créez un compte sur notre site. "
      "Nous ne vendons pas vos données personnelles à des tiers.\n\nVous pouvez nous contacter à tout moment pour "
      "exercer vos droits sur vos données.\n";
  const std::string fr_new =
      "# Politique de confidentialité\n\nNous collectons votre adresse e-mail lorsque vous créez un compte sur notre site. "
      "Nous pouvons vendre vos données personnelles à nos partenaires publicitaires.\n\nVous pouvez nous contacter à "
      "tout moment pour exercer vos droits sur vos données.\n";
  Report r = diff_texts(fr_old, fr_new);
  CHECK_FALSE(find_rule(r, "not-analysed"));
  CHECK_FALSE(r.summary.contains("not_analysed"));
  const Finding* flipped = find_rule(r, "polarity-flipped");
  REQUIRE(flipped);
  CHECK(flipped->rank == "high");
  CHECK(flipped->locations[0].quote == "Nous pouvons vendre vos données personnelles à nos partenaires publicitaires.");
}

TEST_CASE("diff: a version in a language without practice rules says practices were not compared") {
  const std::string de_old =
      "# Datenschutzerklärung\n\nWir erheben Ihre E-Mail-Adresse, wenn Sie ein Konto auf unserer Website erstellen. "
      "Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte.\n\nSie können uns jederzeit kontaktieren, um "
      "Ihre Rechte an Ihren Daten auszuüben.\n";
  const std::string de_new =
      "# Datenschutzerklärung\n\nWir erheben Ihre E-Mail-Adresse, wenn Sie ein Konto auf unserer Website erstellen. "
      "Wir können Ihre personenbezogenen Daten an unsere Werbepartner verkaufen.\n\nSie können uns jederzeit "
      "kontaktieren, um Ihre Rechte an Ihren Daten auszuüben.\n";
  Report r = diff_texts(de_old, de_new);
  const Finding* note = find_rule(r, "not-analysed");
  REQUIRE(note);
  CHECK(note->rank == "low");
  CHECK(note->title.find("German") != std::string::npos);
  CHECK(r.summary["not_analysed"]["language"] == "de");
  for (const Finding& f : r.findings) CHECK(f.rank != "high");  // no practice read from words it cannot read
}
