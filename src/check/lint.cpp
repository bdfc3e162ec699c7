#include "check/lint.hpp"
#include "query/verdict.hpp"
#include "check/concepts.hpp"
#include "document/find.hpp"
#include "util/error.hpp"

#include <nlohmann/json.hpp>

#include "util/year.hpp"
#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace policyq::check {
namespace {

struct Disclosure {
  const char* rule;
  const char* intent;  // lexicon intent whose cues mark the topic ("" for special checks)
  const char* what;
};

// What a privacy policy is expected to say (FTC FIPPs, GDPR arts. 13–14, CalOPPA).
const Disclosure disclosures[] = {
    {"missing-contact", "contact", "how to contact the company about privacy"},
    {"missing-retention", "retention", "how long data is kept"},
    {"missing-sharing", "sharing", "with whom data is shared"},
    {"missing-rights", "rights", "users' rights and choices (access, correction, deletion, opt-out)"},
    {"missing-children", "children", "children's data"},
    {"missing-security", "security", "how data is protected"},
    {"missing-changes", "changes", "how users learn of changes to the policy"},
    {"missing-transfer", "transfer", "international transfers or where data is stored"},
    {"missing-cookies", "cookies", "cookies and similar technologies"},
    {"missing-dnt", "", "how Do Not Track signals are handled"},
    {"missing-effective-date", "", "the date the policy takes effect or was last updated"},
};

const RuleInfo structure_rules[] = {
    {"contradiction", "the same practice is affirmed and denied with no condition that separates them", Severity::warning},
    {"empty-section", "a section with a title and no text", Severity::warning},
    {"duplicate-title", "two sections with the same title under the same parent", Severity::info},
    {"broken-anchor", "an in-page link to an anchor that does not exist", Severity::warning},
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}


Location section_location(const Document& doc, const Section& s) { return {doc.name, s.first_line, s.last_line, s.title, ""}; }
Location sentence_location(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  return {doc.name, sent.first_line, sent.last_line, sent.text, ""};
}

// A date label: "Effective", "Last modified:", "Revision Date:", "Updated January 4, 2023".
bool names_date_label(const std::string& lower) {
  static const char* cues[] = {"effective", "last updated", "last update", "last modified", "date modified", "last revised",
                               "updated on", "updated:", "revised", "revision date", "date of last revision", "mise à jour",
                               "en vigueur", "dernière modification", "stand:", "gültig ab",
                               // "This version … took effect June 3, 2020."
                               "took effect", "takes effect", "came into effect", "comes into effect", "into force"};
  if (std::any_of(std::begin(cues), std::end(cues), [&](const char* c) { return lower.find(c) != std::string::npos; }))
    return true;
  // "Updated January 4, 2023", "Updated September/11, 2025 by the Data Protection
  // Committee": a line that starts with "updated" (the caller wants its year)
  return lower.rfind("updated", 0) == 0 && lower.size() < 100;
}

// A calendar date with its year: a month name before the year ("September 11, 2025",
// "21 April 2026", "November 2018", "Jan 7, 2014") or all numbers ("16.10.2019",
// "09-08-2025", "03/01/2023", "2023-05-01"). A year alone ("Act of 2018") is none.
bool holds_calendar_date(const std::string& lower) {
  static const std::regex numeric(R"((^|[^0-9])([0-9]{1,2}[./-][0-9]{1,2}[./-](19|20)[0-9]{2}|(19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2})($|[^0-9]))");
  // English month names, and French ones: an English policy may carry its page's French by-line.
  static const std::string month =
      "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|"
      "november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)";
  static const std::regex named(R"(\b)" + month + R"(\.?( +[0-9]{1,2}(st|nd|rd|th)?,?)? +(19|20)[0-9]{2}\b|\b[0-9]{1,2}(st|nd|rd|th|er)? +)" +
                                month + R"(\.?,? +(19|20)[0-9]{2}\b)");
  // "Regulation 2016/679 of 27 April 2016", "law n° 78-17 of 6 January 1978": a date after
  // "of" names a law or an event, not the policy's version.
  for (const std::regex* re : {&numeric, &named})
    for (auto it = std::sregex_iterator(lower.begin(), lower.end(), *re); it != std::sregex_iterator(); ++it) {
      std::size_t at = static_cast<std::size_t>(it->position());
      while (at < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[at]))) ++at;  // the numeric form's leading char
      bool after_of = at >= 3 && lower.compare(at - 3, 3, "of ") == 0 && !(at >= 6 && lower.compare(at - 6, 6, "as of ") == 0);
      if (!after_of) return true;
    }
  return false;
}

// A short line that is mostly a date dates the document whatever its label: "Version 1.7,
// 09-08-2025", "Status: April 16, 2025", "As of July 20th, 2018", "This policy was last
// published on: 21 April 2026", a bare "September 11, 2025" under the title or
// "16.10.2019" at the end, a change log's "August 15, 2023: Updated list of
// sub-processors". A long sentence with a date ("As of January 1, 2020, the California
// Consumer Privacy Act provides …") speaks of something else.
bool date_line(const std::string& lower) {
  if (std::count(lower.begin(), lower.end(), ' ') >= 12 || !contains_year(lower)) return false;
  return holds_calendar_date(lower);
}

// Does sentence s (chrome too: a date line after the last section often looks like a
// footer) date the policy: a label with a year, or a label whose year is in the next
// short paragraph ("Effective Date:" / "January 1, 2023")?
bool states_date(const Document& doc, std::size_t s) {
  const std::string text = lower_ascii(doc.sentences[s].text);
  // A date in a table cell is a value of its row ("EU Standard Contractual Clauses (June
  // 2021)"), not the policy's date.
  const bool table = doc.blocks[static_cast<std::size_t>(doc.sentences[s].block)].kind == BlockKind::table_row;
  if (!table && date_line(text)) return true;
  if (!names_date_label(text)) return false;
  if (contains_year(text)) return true;
  if (s + 1 < doc.sentences.size()) {
    const std::string& next = doc.sentences[s + 1].text;
    return next.size() < 40 && contains_year(next);
  }
  return false;
}

// Sentences (body, or the preamble's by-line) that state the topic.
// Says how long data is kept (query::says_how_long), or while what it is kept ("while your
// account is active").
bool says_how_long_or_while(const query::SentenceFacts& f) {
  if (query::says_how_long(f)) return true;
  return std::any_of(f.words.begin(), f.words.end(), [](const query::Word& w) { return w.folded == "while"; });
}

int first_topic_sentence(const Policy& p, const Disclosure& d) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  std::string rule = d.rule;
  for (std::size_t s = 0; s < p.doc.sentences.size(); ++s) {
    const Sentence& sent = p.doc.sentences[s];
    if (rule == "missing-effective-date" && states_date(p.doc, s)) return static_cast<int>(s);
    if (p.doc.is_chrome(sent)) continue;
    std::string text = lower_ascii(sent.text);
    if (rule == "missing-dnt") {
      if (text.find("do not track") != std::string::npos || text.find("do-not-track") != std::string::npos ||
          text.find("global privacy control") != std::string::npos || text.find("dnt") != std::string::npos)
        return static_cast<int>(s);
      continue;
    }
    if (rule == "missing-effective-date") {
      if (states_date(p.doc, s)) return static_cast<int>(s);
      continue;
    }
    int intent = lex.find(query::Kind::intent, d.intent);
    const auto& intents = p.facts[s].intents;
    // Retention is disclosed by saying how long, there or in the next sentence of the
    // paragraph ("We retain account data. It is deleted when your account is deleted."):
    // "we keep your data secure" does not.
    if (rule == "missing-retention" && !says_how_long_or_while(p.facts[s]) &&
        !(s + 1 < p.facts.size() && p.doc.sentences[s + 1].block == sent.block && says_how_long_or_while(p.facts[s + 1])))
      continue;
    if (intent >= 0 && std::find(intents.begin(), intents.end(), intent) != intents.end()) return static_cast<int>(s);
    if (rule == "missing-contact" && text.find('@') != std::string::npos) return static_cast<int>(s);
  }
  // A title may carry the date ("Last modified: August 11, 2022" as a bold line).
  if (rule == "missing-effective-date")
    for (const Section& sec : p.doc.sections) {
      const std::string title = lower_ascii(sec.title);
      if ((names_date_label(title) && contains_year(title)) || date_line(title)) return 0;  // (the caller asks only whether it is stated)
    }
  // Titles mark topics too ("Cookies", "Your Choices").
  if (d.intent[0] != '\0') {
    int intent = lex.find(query::Kind::intent, d.intent);
    for (const Section& sec : p.doc.sections) {
      if (sec.chrome || sec.preamble) continue;
      query::SentenceFacts f = query::analyze_sentence(sec.title);
      if (std::find(f.intents.begin(), f.intents.end(), intent) == f.intents.end() || sec.blocks.empty()) continue;
      // A "Data Retention" section that never says how long discloses no retention.
      if (rule == "missing-retention") {
        for (int b : sec.blocks)
          for (int s : p.doc.blocks[static_cast<std::size_t>(b)].sentences)
            if (says_how_long_or_while(p.facts[static_cast<std::size_t>(s)])) return s;
        continue;
      }
      return p.doc.blocks[static_cast<std::size_t>(sec.blocks.front())].sentences.empty()
                 ? -1
                 : p.doc.blocks[static_cast<std::size_t>(sec.blocks.front())].sentences.front();
    }
  }
  return -1;
}

bool same_practice(const query::Practice& a, const query::Practice& b) {
  // Extraction is rule-based: only the same action on the very same data concept is set
  // against each other, to keep this check worth reading.
  if (a.action != b.action || a.actor != "first_party" || b.actor != "first_party" || a.data.empty() || b.data.empty()) return false;
  const query::Lexicon& lex = query::Lexicon::builtin();
  // "information" is too broad to set two statements against each other.
  auto overlap = [&](const std::vector<int>& x, const std::vector<int>& y) {
    for (int i : x)
      for (int j : y)
        if (related(i, j) && !lex.entry(i).generic && !lex.entry(j).generic && lex.entry(i).parent >= 0) return true;
    return false;
  };
  auto same_data = [&] {
    for (int i : a.data)
      if (!lex.entry(i).generic && lex.entry(i).parent >= 0 && std::find(b.data.begin(), b.data.end(), i) != b.data.end())
        return true;
    return false;
  };
  if (!same_data()) return false;
  // b is the denial. Without a recipient or purpose it denies for everyone and every
  // purpose; with one ("to advertisers", "to target you") only that one conflicts.
  if (!b.recipient.empty() && (a.recipient.empty() || !overlap(a.recipient, b.recipient))) return false;
  if (!b.purpose.empty() && (a.purpose.empty() || !overlap(a.purpose, b.purpose))) return false;
  return true;
}

// A denial the company makes in its own voice ("we do not sell"), not a request a user
// may make ("ask that we not disclose") or a disclaimer ("cannot guarantee … not").
bool flat_denial(std::string_view sentence) {
  std::string text = lower_ascii(sentence);
  for (const char* veto : {"request", "ask us", "cannot guarantee", "not be able"})
    if (text.find(veto) != std::string::npos) return false;
  // In the company's own voice ("we"): "Get Help does not use your location" speaks of a product.
  for (const char* cue : {"we do not", "we don't", "we don\u2019t", "we will not", "we won't", "we never", "we will never", "we shall not",
                          "we are not", "nor do we"})
    if (text.find(cue) != std::string::npos) return true;
  return false;
}

// An affirmation in the company's voice, in running text (not a table cell or a heading).
bool own_statement(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  if (doc.blocks[static_cast<std::size_t>(sent.block)].kind == BlockKind::table_row) return false;
  std::string text = " " + lower_ascii(sent.text) + " ";
  if (std::count(text.begin(), text.end(), ' ') < 7) return false;
  return text.find(" we ") != std::string::npos || text.find(" our ") != std::string::npos || text.find(" us ") != std::string::npos;
}

// A denial wholly about its practice: every content word of the sentence is part of what
// the lexicon reads (who, the negation, the verb, the data, recipient, purpose).
// "We do not sell your personal information" is; "We do not collect your specific longitude
// and latitude", "we never store your photos on our servers", "we do not collect data from
// children under 18" and "Get Help does not use your location" deny something narrower
// than their practice, and set against an affirmation they make false alarms.
bool wholly_about_practice(const query::SentenceFacts& f) {
  static const std::set<std::string_view> function_words = {
      "the", "a", "an", "your", "our", "we", "you", "us", "of", "to", "for", "and", "or", "any", "such", "with", "by",
      "it", "its", "this", "that", "these", "those", "not", "do", "does", "will", "never", "ever", "be", "is", "are",
      "been", "may", "can", "also", "all", "other", "as", "nor", "no", "shall", "would", "personally", "currently"};
  int uncovered = 0;
  for (std::size_t k = 0; k < f.words.size(); ++k) {
    const query::Word& w = f.words[k];
    if (w.punct || function_words.count(w.folded)) continue;
    bool covered = false;
    for (const query::Match& m : f.matches) covered = covered || (m.begin <= static_cast<int>(k) && static_cast<int>(k) < m.end);
    if (!covered) ++uncovered;
  }
  return uncovered == 0;
}

void contradictions(const Policy& p, std::vector<Finding>& out, Severity severity) {
  struct Stated {
    int sentence;
    const query::Practice* practice;
  };
  std::vector<Stated> yes, no;
  for (std::size_t s = 0; s < p.facts.size(); ++s)
    for (const query::Practice& pr : p.facts[s].practices) {
      if (!pr.conditions.empty() || !pr.scope.empty() || (!pr.modality.empty() && !pr.negative)) continue;
      if (pr.negative ? !flat_denial(p.doc.sentences[s].text) || !wholly_about_practice(p.facts[s])
                      : !own_statement(p.doc, static_cast<int>(s)))
        continue;
      (pr.negative ? no : yes).push_back({static_cast<int>(s), &pr});
    }
  std::set<std::pair<int, int>> reported;
  const query::Lexicon& lex = query::Lexicon::builtin();
  for (const Stated& n : no)
    for (const Stated& y : yes) {
      if (n.sentence == y.sentence || !same_practice(*y.practice, *n.practice)) continue;
      if (!reported.insert({std::min(n.sentence, y.sentence), std::max(n.sentence, y.sentence)}).second) continue;
      Finding f;
      f.rule = "contradiction";
      f.severity = severity;
      std::string data = lex.entry(y.practice->data.front()).id;
      f.title = "\"" + y.practice->action + " " + data + "\" is both affirmed and denied";
      f.message = "line " + std::to_string(p.doc.sentences[static_cast<std::size_t>(y.sentence)].first_line) + " affirms it; line " +
                  std::to_string(p.doc.sentences[static_cast<std::size_t>(n.sentence)].first_line) + " denies it, with no condition between them";
      f.locations = {sentence_location(p.doc, y.sentence), sentence_location(p.doc, n.sentence)};
      out.push_back(std::move(f));
    }
}

// A title with no letter or digit ("", an icon glyph): a scrape's empty heading, no title.
bool blank_title(const std::string& title) {
  return std::none_of(title.begin(), title.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0xC0; }) ||
         title.rfind("\xF3\xB0", 0) == 0;  // private-use icon glyphs (U+F0000…)
}

// A title that is a field, a label and its value ("Legal basis: Consent", "Address: 1
// One-North Crescent"): it states its content itself, so it needs no text under it and
// repeats wherever the fact repeats (one legal basis per purpose). "Section 3: Cookies" and
// "Part II: Sharing" are numbered titles, not fields.
bool field_title(const std::string& title) {
  std::size_t colon = title.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string value = title.substr(colon + 1);
  if (std::none_of(value.begin(), value.end(), [](unsigned char c) { return std::isalpha(c); })) return false;
  std::string label = lower_ascii(title.substr(0, colon));
  if (std::count(label.begin(), label.end(), ' ') > 6) return false;
  for (const char* part : {"section", "part", "article", "chapter", "schedule", "annex", "appendix", "step", "title"})
    if (label.rfind(part, 0) == 0) return false;
  return std::none_of(label.begin(), label.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The section number a title starts with ("4.", "4.1", "4.1.2 …"), or none.
std::vector<int> section_number(const std::string& title) {
  std::vector<int> number;
  std::size_t i = 0;
  while (i < title.size() && std::isdigit(static_cast<unsigned char>(title[i]))) {
    int n = 0;
    std::size_t start = i;
    while (i < title.size() && std::isdigit(static_cast<unsigned char>(title[i]))) n = n * 10 + (title[i++] - '0');
    if (i - start > 2) return {};  // a year or an amount
    number.push_back(n);
    if (i < title.size() && (title[i] == '.' || title[i] == ')')) ++i;
    else break;
  }
  return number;
}

// Whether a heading with no text under it is an empty section. A heading followed at once
// by another heading usually introduces it, whatever levels the markup gives them ("Privacy
// controls" then "Ad settings" at one level, "2. Purposes" then "2.1 Website" both `---`,
// "### 4. Your rights" then a `---` subsection, a group title over FAQ questions, a sidebar
// label "9. Use of cookies" before "9. Your rights"): the markup cannot tell such a title
// from a forgotten text. The numbering can: a heading followed by its next number at its
// own level ("6. Legal basis" then "7. Disclosure") has no text, and so has one that ends
// the document.
bool truly_empty(const Document& doc, std::size_t i) {
  const Section& s = doc.sections[i];
  std::size_t j = i + 1;
  while (j < doc.sections.size() && doc.sections[j].chrome) ++j;
  if (j >= doc.sections.size()) return true;
  const Section& next = doc.sections[j];
  if (next.parent != s.parent) return false;
  std::vector<int> a = section_number(s.title), b = section_number(next.title);
  return !a.empty() && a.size() == b.size() && std::equal(a.begin(), a.end() - 1, b.begin()) && b.back() == a.back() + 1;
}

// A title that is itself a statement ("7.2 Ensure the security of your products by
// regularly installing updates.") or a date ("17 June 2025") says what it has to say.
bool content_title(const std::string& title) {
  std::string t = title;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  if (!t.empty() && t.back() == '.' && std::count(t.begin(), t.end(), ' ') >= 5) return true;
  return field_title(t) || date_line(lower_ascii(t));
}

// Sections whose title repeats an earlier one under the same parent. When three or more
// repeat in the same order, the file holds the policy twice: one finding says so, from
// where the second copy starts, instead of one per title.
void duplicate_titles(const Document& doc, std::vector<Finding>& out, Severity severity) {
  std::map<std::pair<int, std::string>, int> seen;
  std::vector<std::pair<int, int>> repeats;  // (section, the first with its title)
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if (s.chrome || s.preamble || blank_title(s.title) || field_title(s.title)) continue;
    auto [it, added] = seen.emplace(std::make_pair(s.parent, normalize_title(s.title)), static_cast<int>(i));
    if (!added) repeats.push_back({static_cast<int>(i), it->second});
  }
  std::size_t in_order = 0;
  for (std::size_t k = 1; k < repeats.size(); ++k)
    if (repeats[k].second > repeats[k - 1].second) ++in_order;
  if (repeats.size() >= 3 && in_order + 1 == repeats.size()) {
    const Section& second = doc.sections[static_cast<std::size_t>(repeats.front().first)];
    const Section& first = doc.sections[static_cast<std::size_t>(repeats.front().second)];
    out.push_back({"duplicate-title", "the policy appears twice: " + std::to_string(repeats.size()) + " section titles repeat",
                   "from line " + std::to_string(second.first_line) + " the sections of line " + std::to_string(first.first_line) +
                       " on repeat in the same order",
                   severity, "", false, {section_location(doc, second), section_location(doc, first)}});
    return;
  }
  for (const auto& [i, f] : repeats) {
    const Section& s = doc.sections[static_cast<std::size_t>(i)];
    const Section& first = doc.sections[static_cast<std::size_t>(f)];
    out.push_back({"duplicate-title", "section title \"" + s.title + "\" repeats", "first at line " + std::to_string(first.first_line),
                   severity, "", false, {section_location(doc, s), section_location(doc, first)}});
  }
}

void structure(const Policy& p, std::vector<Finding>& out, const std::map<std::string, Severity>& severity,
               const std::set<std::string>& disabled) {
  const Document& doc = p.doc;
  if (!disabled.count("empty-section"))
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      if (s.chrome || s.preamble || !s.children.empty() || blank_title(s.title) || content_title(s.title)) continue;
      bool text = std::any_of(s.blocks.begin(), s.blocks.end(), [&](int b) { return !doc.blocks[static_cast<std::size_t>(b)].chrome; });
      if (text || !truly_empty(doc, i)) continue;
      out.push_back({"empty-section", "section \"" + s.title + "\" has no text", "", severity.at("empty-section"), "", false, {section_location(doc, s)}});
    }
  if (!disabled.count("duplicate-title")) duplicate_titles(doc, out, severity.at("duplicate-title"));
  if (!disabled.count("broken-anchor")) {
    std::set<std::string> anchors;
    for (const Section& s : doc.sections) anchors.insert(s.anchor);
    // HTML anchors in the source count too: id="…" and name="…".
    for (const char* attr : {"id=\"", "name=\""})
      for (std::size_t at = doc.source.find(attr); at != std::string::npos; at = doc.source.find(attr, at + 1)) {
        std::size_t start = at + std::strlen(attr), end = doc.source.find('"', start);
        if (end != std::string::npos && end - start < 200) anchors.insert(doc.source.substr(start, end - start));
      }
    // Tables of contents are link lists (chrome) inside policy sections: check them too.
    std::set<int> lines;
    for (const Block& b : doc.blocks)
      if (!doc.sections[static_cast<std::size_t>(b.section)].chrome)
        for (int l = b.first_line; l <= b.last_line; ++l) lines.insert(l);
    for (int l : lines) {
      std::string_view line = doc.line(l);
      for (std::size_t at = line.find("](#"); at != std::string_view::npos; at = line.find("](#", at + 3)) {
        std::size_t start = at + 3, end = line.find_first_of(") \"", start);
        if (end == std::string_view::npos) continue;
        std::string anchor(line.substr(start, end - start));
        if (anchor.empty() || anchors.count(anchor)) continue;
        out.push_back({"broken-anchor", "link to #" + anchor + " has no target", "no section or HTML anchor is named \"" + anchor + "\"",
                       severity.at("broken-anchor"), "", false, {{doc.name, l, l, std::string(line), ""}}});
      }
    }
  }
}
}  // namespace

LintConfig load_lint_config(const std::string& path) {
  LintConfig config;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, "cannot read lint config");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str(), nullptr, true, true);
  } catch (const nlohmann::json::parse_error& e) {
    std::string text = ss.str();
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(e.byte, text.size())), '\n'));
    throw Error(path, line, std::string("invalid JSON: ") + e.what());
  }
  std::set<std::string> known;
  for (const RuleInfo& r : lint_rules()) known.insert(r.id);
  if (!j.is_object()) throw Error(path, 1, "expected an object {\"disable\": [...], \"enable\": [...], \"severity\": {...}}");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "disable" || it.key() == "enable") {
      for (const auto& id : it.value()) {
        if (!id.is_string() || !known.count(id.get<std::string>())) throw Error(path, 0, it.key() + ": unknown rule " + id.dump());
        (it.key() == "disable" ? config.disabled : config.enabled).insert(id.get<std::string>());
      }
    } else if (it.key() == "severity") {
      for (auto s = it.value().begin(); s != it.value().end(); ++s) {
        if (!known.count(s.key())) throw Error(path, 0, "severity: unknown rule \"" + s.key() + "\"");
        config.severity[s.key()] = parse_severity(s.value().get<std::string>());
      }
    } else {
      throw Error(path, 0, "unknown field \"" + it.key() + "\" (expected disable, enable, severity)");
    }
  }
  return config;
}

// Rules whose findings, read on the 282 shared policies, were right less than 9 times in
// 10 (README, "Real policies"): they run only when asked for (--enable, "enable").
bool lint_rule_on_by_default(const std::string& id) { return id != "contradiction" && id != "duplicate-title"; }

bool LintConfig::runs(const std::string& id) const {
  return !disabled.count(id) && (enabled.count(id) || lint_rule_on_by_default(id));
}

std::vector<RuleInfo> lint_rules() {
  std::vector<RuleInfo> rules;
  for (const Disclosure& d : disclosures) rules.push_back({d.rule, std::string("the policy does not say ") + d.what, Severity::warning});
  for (const RuleInfo& r : structure_rules) rules.push_back(r);
  return rules;
}

Report run_lint(const std::vector<std::unique_ptr<Policy>>& policies, const LintConfig& config) {
  Report report;
  report.command = "lint";
  std::map<std::string, Severity> severity;
  std::set<std::string> off;  // rules that do not run: disabled, or off by default and not enabled
  for (const RuleInfo& r : lint_rules()) {
    if (!config.runs(r.id)) {
      off.insert(r.id);
      continue;
    }
    Severity s = config.severity.count(r.id) ? config.severity.at(r.id) : r.severity;
    severity[r.id] = s;
    report.rules.push_back({r.id, r.description, s});
  }
  for (const RuleInfo& r : structure_rules)
    if (!severity.count(r.id)) severity[r.id] = r.severity;  // disabled ones are skipped below
  int counts[3] = {0, 0, 0};
  for (const auto& p : policies) {
    report.inputs.push_back(p->doc.name);
    std::vector<Finding> found;
    // The topic cues are English: other languages are not judged on what they leave out.
    bool english = p->doc.language == "en" || p->doc.language == "und";
    if (!english)
      found.push_back({"language", "disclosure checks skipped: the policy is in '" + p->doc.language + "', the cues are English", "",
                       Severity::info, "", true, {{p->doc.name, 0, 0, "", ""}}});
    for (const Disclosure& d : disclosures) {
      if (off.count(d.rule) || !english) continue;
      if (first_topic_sentence(*p, d) >= 0) continue;
      found.push_back({d.rule, std::string("no statement about ") + d.what, "", severity[d.rule], "", false, {{p->doc.name, 0, 0, "", ""}}});
    }
    if (!off.count("contradiction")) contradictions(*p, found, severity["contradiction"]);
    structure(*p, found, severity, off);
    for (Finding& f : found) {
      f.extra["policy"] = p->doc.name;
      if (!f.passed) counts[static_cast<int>(f.severity)]++;
      report.findings.push_back(std::move(f));
    }
  }
  report.summary = {{"policies", policies.size()}, {"errors", counts[0]}, {"warnings", counts[1]}, {"infos", counts[2]}};
  return report;
}
}  // namespace policyq::check
