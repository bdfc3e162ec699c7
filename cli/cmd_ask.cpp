// policyq ask: a verdict (yes / no / conditional / not_stated) with the quoted sentences
// of each policy that back it.
#include "command.hpp"
#include "policies.hpp"
#include "text/language.hpp"
#include "index/index.hpp"
#include "output.hpp"
#include "query/answer.hpp"
#include "query/question.hpp"
#include "query/topic_snapshot.hpp"
#include "util/error.hpp"

#include <iostream>
#include <memory>

namespace policyq::cli {
namespace {

struct AskOptions {
  std::string question;
  std::size_t top = 3;
  bool explain = false;
};

nlohmann::json ids(const query::Lexicon& lex, const std::vector<int>& v) {
  nlohmann::json out = nlohmann::json::array();
  for (int c : v) out.push_back(lex.entry(c).id);
  return out;
}

nlohmann::json periods_json(const std::vector<query::Period>& ps) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : ps) {
    nlohmann::json j = {{"text", p.text}, {"kind", p.kind}, {"line", p.line}};
    j["iso"] = p.iso.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.iso);
    out.push_back(j);
  }
  return out;
}

int run_ask(const CommonOptions& common, const AskOptions& opts) {
  if (opts.top == 0) throw Error("--top: must be at least 1");
  const query::Lexicon& lex = query::Lexicon::builtin();
  query::Question q = query::parse_question(opts.question, lex);
  std::unique_ptr<PolicySource> source = open_policies(common);
  const bool several = source->size() > 1;

  nlohmann::json out = {{"question", q.text},
                        {"intent", q.intent},
                        {"slots", {{"data", ids(lex, q.data)}, {"recipient", ids(lex, q.recipient)},
                                   {"purpose", ids(lex, q.purpose)}}},
                        {"answers", nlohmann::json::array()}};
  if (!q.free_terms.empty()) out["free_terms"] = q.free_terms;
  bool any_stated = false;
  Style style{!common.json && !common.quiet && use_color(common)};
  std::string text;
  if (opts.explain && !common.json) {
    text += "intent: " + q.intent + "\n";
    auto list = [&](const char* name, const std::vector<int>& v) {
      text += std::string("  ") + name + ":";
      for (int c : v) text += " " + lex.entry(c).id;
      text += "\n";
    };
    list("data", q.data);
    list("recipient", q.recipient);
    list("purpose", q.purpose);
    if (!q.free_terms.empty()) {
      text += "  other words:";
      for (auto& t : q.free_words) text += " " + t;
      text += "\n";
    }
    text += "\n";
  }
  while (std::optional<Document> next = source->next()) {
    const Document& doc = *next;
    Index index(doc);
    query::Answer a = query::answer(q, index, query::cached_topic_facts(doc, lex), opts.top, lex);
    if (a.verdict != "not_stated") any_stated = true;
    nlohmann::json aj = {{"policy", doc.name}, {"verdict", a.verdict}, {"summary", a.summary},
                         {"periods", periods_json(a.periods)}, {"evidence", nlohmann::json::array()}};
    for (const auto& e : a.evidence) {
      nlohmann::json ej = sentence_json(doc, e.sentence);
      ej["score"] = std::round(e.score * 1000) / 1000;
      ej["polarity"] = e.negative ? "negative" : "affirmative";
      ej["conditions"] = e.conditions;
      if (!e.action.empty()) ej["action"] = e.action;
      ej["concepts"] = ids(lex, e.concepts);
      if (opts.explain)
        ej["features"] = {{"lexical", e.lexical},   {"practice", e.practice}, {"topic", e.topic},
                          {"section", e.section},   {"slots", e.slots},       {"expansion", e.expansion},
                          {"paragraph", e.paragraph}};
      aj["evidence"].push_back(ej);
    }
    aj["kind"] = query::to_string(a.kind);
    if (!has_practice_rules(doc.language))
      aj["not_analysed"] = {{"what", "practices"}, {"language", doc.language}};
    if (a.kind != query::AnswerKind::verdict) {
      aj["items"] = nlohmann::json::array();
      for (const auto& item : a.items) {
        nlohmann::json ij = {{"label", item.label}, {"concept", item.concept_id}, {"evidence", nlohmann::json::array()}};
        for (int s : item.sentences) {
          const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
          ij["evidence"].push_back({{"line", sent.first_line}, {"end_line", sent.last_line}, {"quote", sent.text}});
        }
        aj["items"].push_back(ij);
      }
    }
    out["answers"].push_back(aj);
    if (!common.json) {
      if (several) text += style.bold() + doc.name + style.reset() + "\n";
      text += style.bold() + a.summary + style.reset() + "\n";
      for (const auto& item : a.items) {
        const Sentence& first = doc.sentences[static_cast<std::size_t>(item.sentences.front())];
        text += "  - " + item.label + "  " + style.loc() + location(doc, first.first_line, first.last_line) +
                style.reset() + "\n";
      }
      for (const auto& e : a.evidence) {
        const Sentence& s = doc.sentences[static_cast<std::size_t>(e.sentence)];
        text += "\n  " + style.path() + section_label(doc, s.section) + style.reset() + " \xE2\x80\x94 " + style.loc() +
                location(doc, s.first_line, s.last_line) + style.reset() + "\n";
        text += "  > " + s.text + "\n";
        if (opts.explain) {
          char buf[256];
          std::snprintf(buf, sizeof buf,
                        "    score %.3f (lexical %.2f, expansion %.2f, practice %.2f, topic %.2f, section %.2f, slots %.2f, "
                        "paragraph %.2f)",
                        e.score, e.lexical, e.expansion, e.practice, e.topic, e.section, e.slots, e.paragraph);
          text += style.dim() + buf;
          text += std::string(", ") + (e.negative ? "negative" : "affirmative");
          if (!e.action.empty()) text += ", action " + e.action;
          for (const auto& c : e.conditions) text += ", if: " + c;
          if (!e.concepts.empty()) {
            text += ", matched:";
            for (int c : e.concepts) text += " " + lex.entry(c).id;
          }
          text += style.reset() + "\n";
        }
      }
      if (several) text += "\n";
    }
  }
  if (!common.quiet) {
    if (common.json) print_json(out);
    else std::cout << text;
  }
  return any_stated ? 0 : 1;
}

}  // namespace

void configure_ask(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<AskOptions>();
  sub.add_option("QUESTION", opts->question, "A question in plain English, e.g. \"Do you sell my data?\"")->required();
  sub.add_option("-n,--top", opts->top, "How many evidence sentences per policy (default 3; plus the deciding sentence when it ranked lower)")->type_name("N");
  sub.add_flag("--explain", opts->explain, "Show the parsed intent, slots and why each sentence was chosen");
  sub.callback([&common, &status, opts] { status = run_ask(common, *opts); });
}

}  // namespace policyq::cli
