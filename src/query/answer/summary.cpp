// What the answer says in words: the verdict's summary in the policy's own words, and the
// items of a list answer.
#include "query/answer/passes.hpp"
#include "text/language.hpp"

#include "query/contacts.hpp"
#include "query/labels.hpp"
#include "query/lists.hpp"

namespace policyq::query::answering {

namespace {

// A quote short enough for a one-line summary: cut at a word, marked with an ellipsis.
std::string trim_quote(const std::string& s, std::size_t max = 220) {
  if (s.size() <= max) return s;
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) cut = max;
  return s.substr(0, cut) + " …";
}

const char* intent_verb(std::string_view intent) {
  if (intent == "sharing") return "shares";
  if (intent == "selling") return "sells";
  if (intent == "retention") return "retains";
  if (intent == "collection") return "collects";
  if (intent == "use") return "uses";
  if (intent == "cookies") return "uses cookies for";
  if (intent == "tracking") return "tracks";
  if (intent == "children") return "collects from children";
  if (intent == "transfer") return "transfers abroad";
  if (intent == "security") return "protects";
  return "addresses";
}

// Not stated: what the policy does not say, in the question's terms.
std::string not_stated_summary(const AnswerModel& m) {
  const Question& q = m.q;
  const char* closest = m.ranking.empty() ? "." : "; the closest passages follow.";
  // A policy in a language without practice rules was not read for practices: say so.
  if (!answers_questions_in(m.doc.language))
    return "Not analysed. The policy is in " + language_name(m.doc.language) +
           "; policyq answers questions about English policies only" + closest;
  // Words the lexicon does not know are quoted as the user wrote them.
  if (!q.free_phrase.empty()) return "Not stated. The policy does not mention \"" + q.free_phrase + "\"" + closest;
  std::string what;
  for (int d : q.data) what += (what.empty() ? "" : ", ") + plain_label(m.lex, d);
  return std::string("Not stated. The policy does not say whether it ") + intent_verb(q.intent) +
         (what.empty() ? std::string(" this") : " " + what) + closest;
}

// What a list answer's summary calls its items.
const char* list_heading(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::data_list: return "Data the policy names";
    case AnswerKind::recipient_list: return "Recipients the policy names";
    case AnswerKind::purpose_list: return "Purposes the policy names";
    case AnswerKind::place_list: return "Places the policy names";
    case AnswerKind::contact_list: return "Contacts the policy gives";
    case AnswerKind::rights_list: return "Rights the policy names";
    case AnswerKind::verdict: break;
  }
  return "";
}

}  // namespace

void write_summary(const AnswerModel& m, Answer& ans) {
  const Decision& v = m.decision;
  auto quote_of = [&](int r) {
    return trim_quote(m.doc.sentences[static_cast<std::size_t>(m.ranking[static_cast<std::size_t>(r)].sentence)].text);
  };
  std::string limits;
  for (const std::string& c : v.limits) limits += (limits.empty() ? "" : "; ") + c;
  const std::string also = v.counter >= 0 ? " But also: \"" + quote_of(v.counter) + "\"" : std::string();
  if (ans.verdict == "yes") {
    ans.summary = "Yes. The policy says: \"" + quote_of(v.decider) + "\"" + also;
  } else if (ans.verdict == "no") {
    ans.summary = "No" + (limits.empty() ? std::string() : " (" + limits + ")") + ". The policy says: \"" +
                  quote_of(v.decider) + "\"" + also;
  } else if (ans.verdict == "conditional") {
    ans.summary = "Conditional" + (limits.empty() ? std::string(": the policy states it both ways") : " (" + limits + ")") +
                  ". The policy says: \"" + quote_of(v.decider) + "\"" + also;
  } else {
    ans.summary = not_stated_summary(m);
  }
  // Retention questions: the periods come first, since they are what was asked.
  if (!ans.periods.empty()) {
    std::string ps;
    for (const Period& p : ans.periods) {
      if (ps.size() > 300) break;
      ps += (ps.empty() ? "" : "; ") + p.text + (p.iso.empty() ? "" : " (" + p.iso + ")");
    }
    ans.summary = (ans.verdict == "not_stated" ? "Not stated clearly. " : "") + std::string("Retention: ") + ps + ". " +
                  ans.summary;
  }
}

void answer_in_kind(const Question& q, const Document& doc, const std::vector<SentenceFacts>& topic, const Lexicon& lex,
                    Answer& ans) {
  if (ans.kind == AnswerKind::contact_list) {
    ans.items = privacy_contacts(doc);
  } else {
    std::vector<SentenceFacts> facts = topic;  // the practices of every sentence are needed
    complete_answer_facts(doc, facts, lex);
    ans.items = list_items(ans.kind, q, doc, facts, lex);
  }
  ans.periods.clear();
  if (ans.items.empty()) {
    ans.verdict = "not_stated";
    ans.summary = std::string("Not stated. The policy names no ") +
                  (ans.kind == AnswerKind::contact_list ? "contact for privacy questions" : to_string(ans.kind)) +
                  (ans.evidence.empty() ? "." : "; the closest passages follow.");
    return;
  }
  ans.verdict = "stated";
  std::string list;
  for (std::size_t i = 0; i < ans.items.size() && i < 12; ++i) list += (i ? ", " : "") + ans.items[i].label;
  if (ans.items.size() > 12) list += ", and " + std::to_string(ans.items.size() - 12) + " more";
  ans.summary = std::string(list_heading(ans.kind)) + ": " + list + ".";
}

}  // namespace policyq::query::answering
