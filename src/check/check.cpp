#include "check/check.hpp"
#include "check/concepts.hpp"
#include "check/duration.hpp"
#include "document/find.hpp"
#include "query/answer.hpp"
#include "query/lexicon.hpp"
#include "query/question.hpp"

#include <algorithm>
#include <cctype>

namespace policyq::check {
namespace {

Location sentence_location(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  return {doc.name, sent.first_line, sent.last_line, sent.text, ""};
}

std::string rule_title(const Rule& r) {
  switch (r.kind) {
    case Rule::Kind::ask: return "\"" + r.question + "\" is answered " + [&] {
      std::string s;
      for (const auto& e : r.expect) s += (s.empty() ? "" : " or ") + e;
      return s;
    }();
    case Rule::Kind::retention: return (r.data.empty() ? std::string("data") : r.data) + " is kept at most " + r.max;
    case Rule::Kind::section: return "section \"" + r.section + "\" is present";
    case Rule::Kind::practice:
      return std::string(r.must == "deny" ? "the policy denies that it will " : "the policy never affirms that it will ") + r.action +
             (r.data.empty() ? "" : " " + r.data) + (r.recipient.empty() ? "" : " with " + r.recipient) +
             (r.purpose.empty() ? "" : " for " + r.purpose);
    case Rule::Kind::phrase: return "\"" + r.phrase + "\" " + (r.must == "appear" ? "appears" : "does not appear");
  }
  return r.id;
}

Finding start(const Rule& r, const Document& doc) {
  Finding f;
  f.rule = r.id;
  f.severity = r.severity;
  f.title = r.message.empty() ? rule_title(r) : r.message;
  f.extra = {{"kind", to_string(r.kind)}, {"policy", doc.name}};
  return f;
}

void check_ask(const Rule& r, const Policy& p, Finding& f) {
  query::Question q = query::parse_question(r.question);
  query::Answer a = query::answer(q, *p.index, p.topic(), 3);
  f.passed = std::find(r.expect.begin(), r.expect.end(), a.verdict) != r.expect.end();
  f.message = "verdict " + a.verdict + (f.passed ? "" : " (expected " + [&] {
    std::string s;
    for (const auto& e : r.expect) s += (s.empty() ? "" : " or ") + e;
    return s;
  }() + ")") + (a.summary.empty() ? "" : ": " + a.summary);
  for (const auto& e : a.evidence) f.locations.push_back(sentence_location(p.doc, e.sentence));
  f.extra["verdict"] = a.verdict;
  f.extra["expect"] = r.expect;
}

bool retention_applies(int rule_data, const query::Practice& pr) {
  if (rule_data < 0 || pr.data.empty()) return true;  // "your information" covers every kind
  return std::any_of(pr.data.begin(), pr.data.end(), [&](int d) { return related(d, rule_data); });
}

void check_retention(const Rule& r, const Policy& p, Finding& f) {
  int rule_data = r.data.empty() ? -1 : concept_for(query::Kind::data, r.data);
  double longest = -1;
  int at = -1;
  std::string longest_iso, longest_text;
  for (std::size_t s = 0; s < p.facts.size(); ++s) {
    for (const query::Practice& pr : p.facts[s].practices) {
      if (pr.negative || !retention_applies(rule_data, pr)) continue;
      const std::vector<query::Period>& periods = pr.periods.empty() && (pr.action == "retain" || pr.action == "store") ? p.facts[s].periods : pr.periods;
      for (const query::Period& period : periods) {
        auto days = duration_days(period.iso);
        if (!days || *days <= longest) continue;
        longest = *days;
        longest_iso = period.iso;
        longest_text = period.text;
        at = static_cast<int>(s);
      }
    }
  }
  if (at < 0) {
    f.passed = true;
    f.message = "no retention period is stated" + (r.data.empty() ? std::string() : " for " + r.data);
    return;
  }
  f.passed = longest <= r.max_days;
  f.message = "longest stated period: " + longest_text + " (" + longest_iso + ")" + (f.passed ? " within " : " exceeds ") + r.max;
  f.locations.push_back(sentence_location(p.doc, at));
  f.extra["longest"] = {{"iso", longest_iso}, {"text", longest_text}};
  f.extra["max"] = r.max;
}

// The words of a title as compared: stems, without numbering ("10.", "IV."), possessives
// or punctuation, so "Children" is in "10. Children's Privacy".
std::vector<std::string> title_stems(std::string_view title) {
  std::vector<std::string> out;
  for (const query::Word& w : query::tokenize(title)) {
    if (w.punct) continue;
    std::string t = w.folded;
    if (t.size() > 2 && t.ends_with("'s")) t.resize(t.size() - 2);  // "children's"
    if (t.empty() || t == "'s" || t == "s" || std::isdigit(static_cast<unsigned char>(t[0]))) continue;
    out.push_back(query::stem_word(t));
  }
  return out;
}

// A title that holds every word of the wanted one ("Children" → "Children's Data";
// "Your Rights" → "Your California Privacy Rights").
bool title_holds(const Section& s, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return false;
  std::vector<std::string> have = title_stems(s.title);
  for (const std::string& w : wanted)
    if (std::find(have.begin(), have.end(), w) == have.end()) return false;
  return true;
}

void check_section(const Rule& r, const Policy& p, Finding& f) {
  std::vector<int> found = find_sections(p.doc, r.section);
  // An exact match (anchor, title, path) first; else a policy section whose title holds
  // every word of the wanted one.
  std::string wanted = normalize_title(r.section);
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](int i) {
                               const Section& s = p.doc.sections[static_cast<std::size_t>(i)];
                               return normalize_title(s.title) != wanted && s.anchor != r.section &&
                                      r.section.find('>') == std::string::npos;
                             }),
              found.end());
  if (found.empty() && r.section.find('>') == std::string::npos) {
    const std::vector<std::string> words = title_stems(r.section);
    for (std::size_t i = 0; i < p.doc.sections.size(); ++i)
      if (!p.doc.sections[i].chrome && title_holds(p.doc.sections[i], words)) {
        found.push_back(static_cast<int>(i));
        break;
      }
  }
  f.passed = !found.empty();
  if (f.passed) {
    const Section& s = p.doc.sections[static_cast<std::size_t>(found.front())];
    f.message = "found at " + p.doc.name + ":" + std::to_string(s.first_line);
    f.locations.push_back({p.doc.name, s.first_line, s.last_line, s.title, ""});
  } else {
    f.message = "no section titled \"" + r.section + "\"";
    f.locations.push_back({p.doc.name, 0, 0, "", ""});
  }
}

bool practice_matches(const Rule& r, int data, int recipient, int purpose, const query::Practice& pr) {
  // Promises are about what the company does, not what others do with data.
  if (pr.actor != "first_party" || !action_covers(r.action, pr.action)) return false;
  auto slot = [](int want, const std::vector<int>& have) {
    if (want < 0) return true;  // the rule does not restrict this slot
    // A statement must name the data / recipient: "personal information" covers location,
    // "third parties" covers advertisers, but a sentence that names neither says nothing.
    return std::any_of(have.begin(), have.end(), [&](int h) { return related(h, want); });
  };
  return slot(data, pr.data) && slot(recipient, pr.recipient) && slot(purpose, pr.purpose);
}

void check_practice(const Rule& r, const Policy& p, Finding& f) {
  int data = r.data.empty() ? -1 : concept_for(query::Kind::data, r.data);
  int recipient = r.recipient.empty() ? -1 : concept_for(query::Kind::recipient, r.recipient);
  int purpose = r.purpose.empty() ? -1 : concept_for(query::Kind::purpose, r.purpose);
  // Affirmations under a condition ("if you consent", "if required by law") are reported
  // but do not break a "not_affirm" or "deny" rule; unconditional ones do.
  std::vector<int> affirmed, conditional, denied;
  auto add = [](std::vector<int>& list, int s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
  };
  for (std::size_t s = 0; s < p.facts.size(); ++s)
    for (const query::Practice& pr : p.facts[s].practices)
      if (practice_matches(r, data, recipient, purpose, pr))
        add(pr.negative ? denied : pr.conditions.empty() ? affirmed : conditional, static_cast<int>(s));
  std::string cond = conditional.empty() ? "" : "; affirmed under conditions in " + std::to_string(conditional.size()) + " sentence(s)";
  if (r.must == "deny") {
    f.passed = !denied.empty() && affirmed.empty();
    f.message = (denied.empty() ? "no statement denies it" : !affirmed.empty() ? "denied, but also affirmed" : "denied") + cond;
  } else {
    f.passed = affirmed.empty();
    f.message = (affirmed.empty() ? "not affirmed" : "affirmed") + cond;
  }
  for (int s : affirmed) f.locations.push_back(sentence_location(p.doc, s));
  for (int s : denied) f.locations.push_back(sentence_location(p.doc, s));
  for (int s : conditional) f.locations.push_back(sentence_location(p.doc, s));
  f.extra["conditional"] = conditional.size();
  f.extra["affirmed"] = affirmed.size();
  f.extra["denied"] = denied.size();
}

// Lower case, curly quotes straightened, white space collapsed.
std::string normalized(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x98 || d == 0x99) { out += '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { out += '"'; i += 2; continue; }
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void check_phrase(const Rule& r, const Policy& p, Finding& f) {
  std::string wanted = normalized(r.phrase);
  std::vector<int> hits;
  for (std::size_t s = 0; s < p.doc.sentences.size(); ++s) {
    if (p.doc.is_chrome(p.doc.sentences[s])) continue;
    if (normalized(p.doc.sentences[s].text).find(wanted) != std::string::npos) hits.push_back(static_cast<int>(s));
  }
  f.passed = r.must == "appear" ? !hits.empty() : hits.empty();
  f.message = hits.empty() ? "does not appear" : "appears " + std::to_string(hits.size()) + (hits.size() == 1 ? " time" : " times");
  for (int s : hits) f.locations.push_back(sentence_location(p.doc, s));
  if (f.locations.empty()) f.locations.push_back({p.doc.name, 0, 0, "", ""});
}
}  // namespace

Report run_check(const std::vector<Rule>& rules, const std::vector<std::unique_ptr<Policy>>& policies) {
  Report report;
  report.command = "check";
  for (const Rule& r : rules) report.rules.push_back({r.id, rule_title(r), r.severity});
  int passed = 0, failed = 0, errors = 0, warnings = 0;
  for (const auto& p : policies) {
    report.inputs.push_back(p->doc.name);
    for (const Rule& r : rules) {
      Finding f = start(r, p->doc);
      switch (r.kind) {
        case Rule::Kind::ask: check_ask(r, *p, f); break;
        case Rule::Kind::retention: check_retention(r, *p, f); break;
        case Rule::Kind::section: check_section(r, *p, f); break;
        case Rule::Kind::practice: check_practice(r, *p, f); break;
        case Rule::Kind::phrase: check_phrase(r, *p, f); break;
      }
      if (f.locations.empty()) f.locations.push_back({p->doc.name, 0, 0, "", ""});
      if (f.passed) ++passed;
      else {
        ++failed;
        errors += f.severity == Severity::error;
        warnings += f.severity == Severity::warning;
      }
      report.findings.push_back(std::move(f));
    }
  }
  report.summary = {{"rules", rules.size()}, {"policies", policies.size()}, {"passed", passed}, {"failed", failed}, {"errors", errors}, {"warnings", warnings}};
  return report;
}

bool fails(const Report& report, Severity fail_on) {
  for (const Finding& f : report.findings)
    if (!f.passed && static_cast<int>(f.severity) <= static_cast<int>(fail_on)) return true;
  return false;
}
}  // namespace policyq::check
