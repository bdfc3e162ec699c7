#include "query/answer/model.hpp"

#include <algorithm>

namespace policyq::query::answering {

double similarity(const Lexicon& lex, int want, int have) {
  if (want == have) return 1.0;
  if (lex.is_a(have, want)) return 0.9;
  int d = lex.distance(want, have);
  if (d > 0) return lex.entry(have).generic ? 0.2 : std::max(0.4, 0.8 - 0.15 * (d - 1));
  return 0;
}

namespace {

double best_similarity(const Lexicon& lex, int want, const std::vector<int>& have) {
  double best = 0;
  for (int h : have) best = std::max(best, similarity(lex, want, h));
  return best;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const Weights& fitted_weights() {
  static const Weights w;
  return w;
}

}  // namespace

double slot_score(const Lexicon& lex, const std::vector<int>& want, const std::vector<int>& have) {
  if (want.empty()) return 0;
  double best = 0;
  for (int w : want) best = std::max(best, best_similarity(lex, w, have));
  return best;
}

double slots_score(const Question& q, const Lexicon& lex, const std::vector<int>& have) {
  return slot_score(lex, q.data, have) + slot_score(lex, q.recipient, have) + slot_score(lex, q.purpose, have);
}

SentenceReader::SentenceReader(const Document& doc, const std::vector<SentenceFacts>& given, const Lexicon& lex)
    : doc_(doc), given_(given), lex_(lex) {
  const std::size_t ns = doc.sentences.size();
  body_.assign(ns, 0);
  read_.assign(ns, 0);
  has_full_.assign(ns, 0);
  full_.resize(ns);
  for (std::size_t s = 0; s < ns; ++s) {
    body_[s] = is_body_sentence(doc, static_cast<int>(s));
    // A sentence with no action or data word states no practice: nothing to read.
    if (body_[s]) read_[s] = !may_state_practice(given[s], lex);
  }
}

const std::vector<Practice>& SentenceReader::practices(std::size_t s) const {
  static const std::vector<Practice> none;
  return read_[s] ? facts(s).practices : none;
}

void SentenceReader::read_practices(std::size_t s) {
  if (!body_[s] || read_[s]) return;
  read_[s] = 1;
  if (given_[s].analyzed) return;  // extracted already
  // The topic pass's words and matches are reused: tokenizing is half the cost.
  full_[s] = analyze_sentence(doc_.sentences[s].text, given_[s].words, given_[s].matches, lex_);
  has_full_[s] = 1;
}

bool fits_intent(const Practice& p, const IntentTarget& target) {
  const std::string& intent = target.intent;
  if (intent == "sharing" && p.actor == "third_party" && is_collect_action(p.action)) return true;
  if (!contains(target.actions, p.action)) return false;
  bool first_party = intent == "collection" || intent == "use" || intent == "retention" || intent == "children";
  if (first_party && p.actor != "first_party") return false;
  return true;
}

AnswerModel::AnswerModel(const Question& q_, const Index& index_, const std::vector<SentenceFacts>& given,
                         std::size_t top_, const Lexicon& lex_)
    : q(q_), index(index_), doc(index_.document()), lex(lex_), weights(fitted_weights()), top(top_),
      sentences(doc, given, lex_) {
  // A choice about a practice ("can I opt out of data collection?", "do I have a choice
  // about sharing?") is answered where the policy states the practice and the option with
  // it, so the practice ranks first and the choice second; the verdict still answers the
  // asked intent (q.intent).
  const RankIntents ri = ranking_intents(q);
  intent = {ri.intent, intent_actions(ri.intent), ri.intent == "other" ? -1 : lex.find(Kind::intent, ri.intent)};
  second_intent = {ri.intent2, intent_actions(ri.intent2), ri.intent2.empty() ? -1 : lex.find(Kind::intent, ri.intent2)};
  asked_intent = {q.intent, intent_actions(q.intent), q.intent == "other" ? -1 : lex.find(Kind::intent, q.intent)};

  const std::size_t ns = doc.sentences.size(), nb = doc.blocks.size();
  for (std::vector<double>* v : {&bm25, &phrase, &title, &title_all, &expansion}) v->assign(ns, 0);
  block_bm25.assign(nb, 0);
  sections.assign(doc.sections.size(), SectionFeatures{});
  lead.assign(nb, -1);
  block_lexical.assign(nb, 0);
  block_topic.assign(nb, 0);
  block_option_cue.assign(nb, 0);
  block_practice.assign(nb, 0);
}

// By name rather than by id: a question of no known intent ("other") has no id, and the
// runner-up counts only when the lexicon knows it.
bool AnswerModel::is_intent(int c) const {
  return c >= 0 && lex.entry(c).kind == Kind::intent && lex.entry(c).id == intent.intent;
}

bool AnswerModel::is_second_intent(int c) const {
  return c >= 0 && second_intent.id >= 0 && lex.entry(c).kind == Kind::intent && lex.entry(c).id == second_intent.intent;
}

const SectionFeatures& AnswerModel::section_of(std::size_t s) const {
  static const SectionFeatures none;
  int sec = doc.sentences[s].section;
  return sec < 0 ? none : sections[static_cast<std::size_t>(sec)];
}

}  // namespace policyq::query::answering
