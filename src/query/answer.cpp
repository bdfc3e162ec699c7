#include "query/answer.hpp"

#include "query/answer/passes.hpp"
#include "text/language.hpp"

#include <utility>

namespace policyq::query {

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

Answer answer(const Question& q, const Index& index, std::size_t top, const Lexicon& lex) {
  return answer(q, index, topic_facts(index.document(), lex), top, lex);
}

// The answering pipeline (query/answer/passes.hpp): each pass reads the model the passes
// before it filled, and adds its part.
Answer answer(const Question& q, const Index& index, const std::vector<SentenceFacts>& topic, std::size_t top,
              const Lexicon& lex) {
  using namespace answering;
  AnswerModel m(q, index, topic, top, lex);
  lexical_features(m);
  section_features(m);
  score_sentences(m);
  extract_candidate_practices(m);
  match_practices(m);
  add_paragraph_context(m);
  rank(m);
  decide_verdict(m);

  Answer ans;
  ans.verdict = m.decision.verdict;
  choose_evidence(m, ans);
  retention_periods(m, ans);
  write_summary(m, ans);
  ans.kind = answer_kind(q);
  if (ans.kind != AnswerKind::verdict && answers_questions_in(index.document().language))
    answer_in_kind(q, index.document(), topic, lex, ans);
  return ans;
}

}  // namespace policyq::query
