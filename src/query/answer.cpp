#include "query/answer.hpp"

#include "query/answer/passes.hpp"
#include "query/contacts.hpp"
#include "query/labels.hpp"
#include "query/lists.hpp"
#include "query/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace policyq::query {

using namespace answering;

bool is_body_sentence(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  if (sent.block < 0) return false;
  const Block& b = doc.blocks[static_cast<std::size_t>(sent.block)];
  return !b.chrome && b.kind != BlockKind::heading;
}

bool is_prose_sentence(const Document& doc, int s) {
  if (is_body_sentence(doc, s)) return true;
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  if (sent.block < 0) return false;
  const Block& b = doc.blocks[static_cast<std::size_t>(sent.block)];
  if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item) return false;
  if (b.link_chars > 0) return false;
  int words = 0;
  bool in_word = false;
  for (char c : sent.text) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 8;
}

std::vector<SentenceFacts> analyze_document(const Document& doc, const Lexicon& lex) {
  std::vector<SentenceFacts> out(doc.sentences.size());
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (is_body_sentence(doc, static_cast<int>(i))) out[i] = analyze_sentence(doc.sentences[i].text, lex);
  return out;
}

namespace {

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

}  // namespace

// "What choices do I have", "can I control", "opt out", "options", "preferences".
bool asks_choice(const Question& q) {
  for (const Word& w : q.words) {
    const std::string& t = w.stem;
    if (t == "choic" || t == "choos" || t == "control" || t == "option" || t == "opt" || t == "prefer") return true;
  }
  return false;
}

// An option the user has, named in a sentence: "unless you", "opt out", "you may/can choose",
// "if you do not want", "settings", "preferences", "unsubscribe".
bool has_option_cue(const std::vector<Word>& w) {
  const std::size_t n = w.size();
  auto at = [&](std::size_t i) -> std::string_view { return i < n ? std::string_view(w[i].folded) : std::string_view(); };
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view a = at(i), b = at(i + 1);
    // (Words come from tokenize: "opt-out" is "opt" "out", "don't" is "do" "not".)
    if (a == "settings" || a == "preferences" || a == "unsubscribe") return true;
    if (a == "opt" && (b == "out" || b == "in")) return true;
    if (a == "unless" && b == "you") return true;
    if (a == "you" && (b == "may" || b == "can") && (at(i + 2) == "choose" || at(i + 2) == "opt" || at(i + 2) == "elect"))
      return true;
    if (a == "if" && b == "you" && at(i + 2) == "do" &&
        (at(i + 3) == "not" || at(i + 3) == "want" || at(i + 3) == "wish"))
      return true;
  }
  return false;
}

RankIntents ranking_intents(const Question& q) {
  RankIntents r{q.intent, q.intent2};
  auto practice = [](const std::string& i) { return i == "collection" || i == "sharing" || i == "selling"; };
  if (q.intent == "rights" && practice(q.intent2) && asks_choice(q)) std::swap(r.intent, r.intent2);
  return r;
}

namespace {

// The topic facts of a sentence from its lexicon matches alone (no practice extraction):
// what every sentence needs for ranking. Practices are extracted for candidates only.
SentenceFacts light_facts(std::string_view text, const Lexicon& lex) {
  SentenceFacts f;
  f.words = tokenize(text);
  f.matches = lex.match(f.words, false);
  add_topics(f, lex);
  return f;
}

}  // namespace

std::vector<SentenceFacts> topic_facts(const Document& doc, const Lexicon& lex) {
  std::vector<SentenceFacts> out(doc.sentences.size());
  for (std::size_t s = 0; s < doc.sentences.size(); ++s)
    if (is_body_sentence(doc, static_cast<int>(s))) out[s] = light_facts(doc.sentences[s].text, lex);
  return out;
}

bool may_state_practice(const SentenceFacts& f, const Lexicon& lex) {
  // A practice needs an action word, or a data type ("your profile is visible to others").
  for (const Match& m : f.matches) {
    Kind k = lex.entry(m.cid).kind;
    if (k == Kind::action || k == Kind::data) return true;
  }
  return false;
}

std::size_t complete_answer_facts(const Document& doc, std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  std::size_t analyzed = 0;
  for (std::size_t s = 0; s < facts.size() && s < doc.sentences.size(); ++s)
    if (!facts[s].analyzed && is_body_sentence(doc, static_cast<int>(s)) && may_state_practice(facts[s], lex)) {
      facts[s] = analyze_sentence(doc.sentences[s].text, std::move(facts[s].words), std::move(facts[s].matches), lex);
      ++analyzed;
    }
  return analyzed;
}

std::vector<SentenceFacts> answer_facts(const Document& doc, const Lexicon& lex) {
  std::vector<SentenceFacts> facts = topic_facts(doc, lex);
  complete_answer_facts(doc, facts, lex);
  return facts;
}

namespace {

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

// A what / who / why / where / how-to-contact question: the items the policy names, each
// with its sentences; the verdict is "stated" or "not_stated".
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

}  // namespace

Answer answer(const Question& q, const Index& index, std::size_t top, const Lexicon& lex) {
  return answer(q, index, topic_facts(index.document(), lex), top, lex);
}

Answer answer(const Question& q, const Index& index, const std::vector<SentenceFacts>& topic, std::size_t top,
              const Lexicon& lex) {
  AnswerModel m(q, index, topic, top, lex);
  const Document& doc = index.document();
  Answer ans;


  lexical_features(m);
  section_features(m);

  score_sentences(m);
  extract_candidate_practices(m);
  match_practices(m);
  add_paragraph_context(m);
  rank(m);
  std::vector<Candidate>& scored = m.ranking;

  decide_verdict(m);
  const Decision& v = m.decision;
  ans.verdict = v.verdict;
  choose_evidence(m, ans);
  retention_periods(m, ans);

  // Summary in the policy's own words.
  auto quote_of = [&](int r) {
    return trim_quote(doc.sentences[static_cast<std::size_t>(scored[static_cast<std::size_t>(r)].sentence)].text);
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
    std::string what;
    for (int d : q.data) what += (what.empty() ? "" : ", ") + plain_label(lex, d);
    // Words the lexicon does not know are quoted as the user wrote them.
    if (!q.free_phrase.empty())
      ans.summary = "Not stated. The policy does not mention \"" + q.free_phrase + "\"" +
                    (scored.empty() ? "." : "; the closest passages follow.");
    else
      ans.summary = std::string("Not stated. The policy does not say whether it ") + intent_verb(q.intent) +
                    (what.empty() ? std::string(" this") : " " + what) +
                    (scored.empty() ? "." : "; the closest passages follow.");
  }
  if (!ans.periods.empty()) {
    std::string ps;
    for (const Period& p : ans.periods) {
      if (ps.size() > 300) break;
      ps += (ps.empty() ? "" : "; ") + p.text + (p.iso.empty() ? "" : " (" + p.iso + ")");
    }
    ans.summary = (ans.verdict == "not_stated" ? "Not stated clearly. " : "") + std::string("Retention: ") + ps + ". " +
                  ans.summary;
  }
  ans.kind = answer_kind(q);
  if (ans.kind != AnswerKind::verdict) answer_in_kind(q, doc, topic, lex, ans);
  return ans;
}

}  // namespace policyq::query
