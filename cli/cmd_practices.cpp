// policyq practices: the data practices each sentence of the policy body states.
#include "command.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "query/answer.hpp"
#include "query/practices.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace policyq::cli {
namespace {

struct PracticesOptions {
  std::vector<std::string> actions;   // --action (repeatable)
  std::string data;                   // --data CONCEPT (hierarchy: "contact_information" includes email)
  std::string recipient;              // --recipient CONCEPT
  bool negative_only = false;         // --negative
};

nlohmann::json ids(const query::Lexicon& lex, const std::vector<int>& v) {
  nlohmann::json out = nlohmann::json::array();
  for (int c : v) out.push_back(lex.entry(c).id);
  return out;
}

bool matches_concept(const query::Lexicon& lex, query::Kind kind, const std::string& id, const std::vector<int>& have) {
  if (id.empty()) return true;
  int want = lex.find(kind, id);
  if (want < 0) throw Error(std::string("--") + (kind == query::Kind::data ? "data" : "recipient") + ": unknown concept '" + id + "'");
  for (int h : have)
    if (lex.is_a(h, want)) return true;
  return false;
}

int run_practices(const CommonOptions& common, const PracticesOptions& opts) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  for (const auto& a : opts.actions)
    if (lex.find(query::Kind::action, a) < 0) throw Error("--action: unknown action '" + a + "'");
  std::unique_ptr<PolicySource> source = open_policies(common);
  nlohmann::json out = {{"practices", nlohmann::json::array()}};
  Style style{!common.json && !common.quiet && use_color(common)};
  std::size_t count = 0;
  while (std::optional<Document> next = source->next()) {
    const Document& doc = *next;
    int last_sentence = -1;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      if (!query::is_prose_sentence(doc, static_cast<int>(s))) continue;
      const Sentence& sent = doc.sentences[s];
      query::SentenceFacts f = query::analyze_sentence(sent.text, lex);
      for (const query::Practice& p : f.practices) {
        if (!opts.actions.empty() && std::find(opts.actions.begin(), opts.actions.end(), p.action) == opts.actions.end())
          continue;
        if (opts.negative_only && !p.negative) continue;
        if (!matches_concept(lex, query::Kind::data, opts.data, p.data)) continue;
        if (!matches_concept(lex, query::Kind::recipient, opts.recipient, p.recipient)) continue;
        ++count;
        if (common.quiet) continue;
        if (common.json) {
          nlohmann::json j = sentence_json(doc, static_cast<int>(s));
          j["action"] = p.action;
          j["actor"] = p.actor;
          j["data"] = ids(lex, p.data);
          j["recipient"] = ids(lex, p.recipient);
          j["purpose"] = ids(lex, p.purpose);
          j["polarity"] = p.negative ? "negative" : "affirmative";
          j["modality"] = p.modality.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.modality);
          j["conditions"] = p.conditions;
          if (!p.scope.empty()) j["scope"] = p.scope;
          nlohmann::json ps = nlohmann::json::array();
          for (const auto& per : p.periods) {
            nlohmann::json pj = {{"text", per.text}, {"kind", per.kind}, {"line", sent.first_line}};
            pj["iso"] = per.iso.empty() ? nlohmann::json(nullptr) : nlohmann::json(per.iso);
            ps.push_back(pj);
          }
          j["periods"] = ps;
          out["practices"].push_back(j);
        } else {
          if (last_sentence != static_cast<int>(s)) {
            std::cout << style.path() << section_label(doc, sent.section) << style.reset() << " \xE2\x80\x94 "
                      << style.loc() << location(doc, sent.first_line, sent.last_line) << style.reset() << "\n  > "
                      << sent.text << "\n";
            last_sentence = static_cast<int>(s);
          }
          std::string line = "    " + std::string(p.negative ? "NOT " : "") + p.action;
          if (p.actor != "first_party") line += " (by " + p.actor + ")";
          if (!p.modality.empty()) line += " [" + p.modality + "]";
          auto list = [&](const char* label, const std::vector<int>& v) {
            if (v.empty()) return;
            line += std::string(" ") + label + ":";
            for (std::size_t i = 0; i < v.size(); ++i) line += (i ? "," : "") + lex.entry(v[i]).id;
          };
          list("data", p.data);
          list("to", p.recipient);
          list("for", p.purpose);
          for (const auto& c : p.conditions) line += " if:" + c;
          if (!p.scope.empty()) line += " scope:\"" + p.scope + "\"";
          for (const auto& per : p.periods) line += " period:\"" + per.text + "\"" + (per.iso.empty() ? "" : "=" + per.iso);
          std::cout << style.dim() << line << style.reset() << "\n";
        }
      }
    }
  }
  if (common.json && !common.quiet) print_json(out);
  return count ? 0 : 1;
}

}  // namespace

void configure_practices(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<PracticesOptions>();
  sub.add_option("--action", opts->actions, "Only practices with this action (collect, use, share, sell, retain, …); repeatable")
      ->type_name("A");
  sub.add_option("--data", opts->data, "Only practices about this data concept or one below it (e.g. contact_information)")
      ->type_name("CONCEPT");
  sub.add_option("--recipient", opts->recipient, "Only practices with this recipient concept or one below it")
      ->type_name("CONCEPT");
  sub.add_flag("--negative", opts->negative_only, "Only denials (\"we do not …\")");
  sub.callback([&common, &status, opts] { status = run_practices(common, *opts); });
}

}  // namespace policyq::cli
