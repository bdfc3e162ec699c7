// policyq ask: a verdict (yes / no / conditional / not_stated) with the quoted sentences
// of each policy that back it.
#include "command.hpp"
#include "policies.hpp"
#include "text/language.hpp"
#include "index/index.hpp"
#include "output.hpp"
#include "query/answer.hpp"
#include "query/corpus_tally.hpp"
#include "query/question.hpp"
#include "query/verdict.hpp"
#include "query/topic_snapshot.hpp"
#include "util/error.hpp"
#include "util/ordered_window.hpp"

#include <iostream>
#include <memory>
#include <set>

namespace policyq::cli {
namespace {

struct AskOptions {
  std::string question;
  std::size_t top = 3;
  bool explain = false;
  bool jsonl = false;      // one JSON answer per line, printed as each policy is answered
  bool summary = false;    // counts by verdict (and item) instead of the answers
  std::string verdicts;    // --verdict yes,conditional: print (and count) only these
  unsigned jobs = 0;       // threads answering policies; 0: one per core
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

nlohmann::json question_json(const query::Question& q, const query::Lexicon& lex) {
  nlohmann::json out = {{"question", q.text},
                        {"intent", q.intent},
                        {"slots", {{"data", ids(lex, q.data)}, {"recipient", ids(lex, q.recipient)},
                                   {"purpose", ids(lex, q.purpose)}}}};
  if (!q.free_terms.empty()) out["free_terms"] = q.free_terms;
  return out;
}

// One element of "answers" (--json), or one line of --jsonl.
nlohmann::json answer_json(const Document& doc, const query::Answer& a, const query::Lexicon& lex, bool explain) {
  nlohmann::json aj = {{"policy", doc.name}, {"verdict", a.verdict}, {"summary", a.summary},
                       {"periods", periods_json(a.periods)}, {"evidence", nlohmann::json::array()}};
  for (const auto& e : a.evidence) {
    nlohmann::json ej = sentence_json(doc, e.sentence);
    ej["score"] = std::round(e.score * 1000) / 1000;
    ej["polarity"] = e.negative ? "negative" : "affirmative";
    ej["conditions"] = e.conditions;
    if (!e.action.empty()) ej["action"] = e.action;
    ej["concepts"] = ids(lex, e.concepts);
    if (explain)
      ej["features"] = {{"lexical", e.lexical},   {"practice", e.practice}, {"topic", e.topic},
                        {"section", e.section},   {"slots", e.slots},       {"expansion", e.expansion},
                        {"paragraph", e.paragraph}};
    aj["evidence"].push_back(ej);
  }
  aj["kind"] = query::to_string(a.kind);
  if (!answers_questions_in(doc.language)) aj["not_analysed"] = {{"what", "practices"}, {"language", doc.language}};
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
  return aj;
}

std::string explain_text(const query::Question& q, const query::Lexicon& lex) {
  std::string text = "intent: " + q.intent + "\n";
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
  return text + "\n";
}

std::string evidence_explain_text(const query::Evidence& e, const query::Lexicon& lex, const Style& style) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "    score %.3f (lexical %.2f, expansion %.2f, practice %.2f, topic %.2f, section %.2f, slots %.2f, "
                "paragraph %.2f)",
                e.score, e.lexical, e.expansion, e.practice, e.topic, e.section, e.slots, e.paragraph);
  std::string text = style.dim() + buf;
  text += std::string(", ") + (e.negative ? "negative" : "affirmative");
  if (!e.action.empty()) text += ", action " + e.action;
  for (const auto& c : e.conditions) text += ", if: " + c;
  if (!e.concepts.empty()) {
    text += ", matched:";
    for (int c : e.concepts) text += " " + lex.entry(c).id;
  }
  return text + style.reset() + "\n";
}

// The text block of one policy's answer (its name first when several are read).
std::string answer_text(const Document& doc, const query::Answer& a, const query::Lexicon& lex, bool explain,
                        bool several, const Style& style) {
  std::string text;
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
    if (explain) text += evidence_explain_text(e, lex, style);
  }
  if (several) text += "\n";
  return text;
}

nlohmann::json summary_json(const query::Question& q, const query::Lexicon& lex, const query::CorpusTally& tally) {
  nlohmann::json out = question_json(q, lex);
  out["kind"] = query::to_string(tally.kind());
  out["policies"] = tally.policies();
  out["verdicts"] = nlohmann::json::object();
  for (const auto& [verdict, n] : tally.verdicts()) out["verdicts"][verdict] = n;
  if (tally.kind() != query::AnswerKind::verdict) {
    out["items"] = nlohmann::json::array();
    for (const auto& item : tally.items())
      out["items"].push_back({{"label", item.label}, {"concept", item.concept_id}, {"policies", item.policies}});
  }
  return out;
}

// "282 policies: yes 40, no 150, …", then for list questions one line per item, most
// common first, the count first as `sort | uniq -c | sort -rn` prints it.
std::string summary_text(const query::Question& q, const query::CorpusTally& tally, const Style& style) {
  std::string text = style.bold() + q.text + style.reset() + "\n";
  text += std::to_string(tally.policies()) + (tally.policies() == 1 ? " policy:" : " policies:");
  const char* sep = " ";
  for (const auto& [verdict, n] : tally.verdicts()) text += sep + verdict + " " + std::to_string(n), sep = ", ";
  text += "\n";
  for (const auto& item : tally.items()) {
    char count[32];
    std::snprintf(count, sizeof count, "%7zu  ", item.policies);
    text += count + item.label + "\n";
  }
  return text;
}

int run_ask(const CommonOptions& common, const AskOptions& opts) {
  if (opts.top == 0) throw Error("--top: must be at least 1");
  if (opts.jsonl && (common.json || opts.summary))
    throw Error(std::string("--jsonl: prints answers as JSON lines, not with ") + (common.json ? "--json" : "--summary"));
  std::set<std::string> wanted;
  if (!opts.verdicts.empty()) wanted = query::parse_verdict_filter(opts.verdicts);
  const query::Lexicon& lex = query::Lexicon::builtin();
  query::Question q = query::parse_question(opts.question, lex);
  // Counts, or only stated answers: a database leaves out unread what cannot be stated.
  std::optional<store::OnlyStating> only_stating;
  const bool not_stated_unseen = opts.summary || (!wanted.empty() && !wanted.count("not_stated"));
  if (not_stated_unseen && query::answer_kind(q) == query::AnswerKind::verdict)
    if (std::optional<query::StatingTest> test = query::stating_test(q, lex)) only_stating = store::OnlyStating{q, *test};
  std::unique_ptr<PolicySource> source = open_policies(common, {}, true, only_stating ? &*only_stating : nullptr);
  const bool several = source->size() > 1;
  const bool print = !common.quiet && !opts.summary;
  const bool whole_json = common.json && !opts.summary && !opts.jsonl;  // one document at the end

  nlohmann::json out = question_json(q, lex);
  out["answers"] = nlohmann::json::array();
  query::CorpusTally tally(query::answer_kind(q));
  bool any_stated = false, any_kept = false;
  Style style{!common.json && !opts.jsonl && !common.quiet && use_color(common)};
  bool explain_header = print && opts.explain && !common.json && !opts.jsonl;
  // One policy's answer, as it will be printed: made on a worker thread.
  struct Answered {
    query::Answer answer;
    bool kept = false;
    std::string text;      // text or a --jsonl line
    nlohmann::json json;   // an element of --json's "answers"
  };
  auto answer_one = [&](Document& doc) {
    Answered r;
    Index index(doc);
    r.answer = query::answer(q, index, query::cached_topic_facts(doc, lex), opts.top, lex);
    r.kept = wanted.empty() || wanted.count(r.answer.verdict);
    if (!r.kept) return r;
    if (whole_json) r.json = answer_json(doc, r.answer, lex, opts.explain);
    else if (print && opts.jsonl)
      r.text = answer_json(doc, r.answer, lex, opts.explain).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    else if (print) r.text = answer_text(doc, r.answer, lex, opts.explain, several, style);
    return r;
  };
  auto print_one = [&](Answered& r) {
    // Printed once a policy could be read, so that an error leaves stdout empty.
    if (explain_header) std::cout << explain_text(q, lex), explain_header = false;
    if (!r.kept) return;
    any_kept = true;
    if (r.answer.verdict != "not_stated") any_stated = true;
    tally.add(r.answer);
    if (whole_json) out["answers"].push_back(std::move(r.json));
    // Flushed: a reader sees each policy as soon as it is answered.
    else if (print) std::cout << r.text << std::flush;
  };
  // Policies are answered on every core, printed in order, and dropped: memory holds a few
  // policies whatever the corpus (except the answers of --json, printed as one document).
  const unsigned jobs = worker_threads(opts.jobs, source->size());
  if (jobs > 1) query::share_stem_tables_between_threads();  // the lexicon's stem tables lock from now on
  map_in_order<Document, Answered>(jobs, [&] { return source->next(); }, answer_one, print_one);
  if (only_stating && only_stating->left_out > 0) {
    tally.add_not_stated(only_stating->left_out);
    if (explain_header) std::cout << explain_text(q, lex);  // as when those policies are answered
  }
  if (!common.quiet && whole_json) print_json(out);
  if (!common.quiet && opts.summary) {
    if (common.json) print_json(summary_json(q, lex, tally));
    else std::cout << summary_text(q, tally, Style{!common.json && use_color(common)});
  }
  if (!wanted.empty()) return any_kept ? 0 : 1;
  return any_stated ? 0 : 1;
}

}  // namespace

void configure_ask(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<AskOptions>();
  sub.add_option("QUESTION", opts->question, "A question in plain English, e.g. \"Do you sell my data?\"")->required();
  sub.add_option("-n,--top", opts->top, "How many evidence sentences per policy (default 3; plus the deciding sentence when it ranked lower)")->type_name("N");
  sub.add_flag("--explain", opts->explain, "Show the parsed intent, slots and why each sentence was chosen");
  sub.add_flag("--jsonl", opts->jsonl,
               "Print one JSON answer per line (the objects of --json's \"answers\"), each as soon as its policy is "
               "answered (not with --json or --summary)");
  sub.add_flag("--summary", opts->summary,
               "Print counts instead of answers: policies by verdict and, for list questions, how many policies name "
               "each item (most common first); with --json, one document");
  sub.add_option("--verdict", opts->verdicts,
                 "Print (and count) only the policies with these verdicts, comma-separated: yes, no, conditional, "
                 "stated, not_stated. Exit status 0 when any policy is printed, 1 when none")
      ->type_name("LIST");
  sub.add_option("-j,--jobs", opts->jobs, "Answer policies on N threads (default: one per core); output is the same")
      ->type_name("N");
  sub.callback([&common, &status, opts] { status = run_ask(common, *opts); });
}

}  // namespace policyq::cli
