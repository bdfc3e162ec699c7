// From base scores to a ranking: the practices of the sentences that can still reach the
// top, how well they answer the question, what each sentence's paragraph adds, the order.
#include "query/answer/passes.hpp"

#include <algorithm>

namespace policyq::query::answering {

namespace {

std::size_t block_of(const AnswerModel& m, const Candidate& c) {
  return static_cast<std::size_t>(m.doc.sentences[static_cast<std::size_t>(c.sentence)].block);
}

// Very short fragments (fewer than four words) are rarely an answer.
bool short_sentence(const SentenceFacts& F) {
  std::size_t nwords = 0;
  for (const Word& w : F.words) nwords += !w.punct;
  return nwords < 4;
}

// The practice of a sentence that best answers the question, and how well (the practice
// part); whether any of its practices states the runner-up intent.
struct PracticeMatch {
  int practice = -1;  // index into the sentence's practices; -1 when none answers at all
  double value = 0;
  bool fits_second_intent = false;
};

PracticeMatch best_practice(const AnswerModel& m, const std::vector<Practice>& practices) {
  const Question& q = m.q;
  const std::vector<std::string>& actions = m.intent.actions;
  PracticeMatch best;
  for (std::size_t pi = 0; pi < practices.size(); ++pi) {
    const Practice& p = practices[pi];
    double v = 0;
    // An action of the intent counts fully; another action on the same side of handing
    // data on (sharing or first-party handling) a little.
    if (fits_intent(p, m.intent)) v += 1.0;
    else if (!actions.empty() && (is_share_action(p.action) == is_share_action(actions.front()))) v += 0.25;
    if (actions.empty()) v += 0.2;
    if (q.third_party_actor && p.actor == "third_party" && is_collect_action(p.action)) v += m.weights.tp_practice;
    if (m.second_intent.id >= 0 && fits_intent(p, m.second_intent)) best.fits_second_intent = true;
    v += 0.5 * (slot_score(m.lex, q.data, p.data) + slot_score(m.lex, q.recipient, p.recipient) +
                slot_score(m.lex, q.purpose, p.purpose));
    if (v > best.value) {
      best.value = v;
      best.practice = static_cast<int>(pi);
    }
  }
  return best;
}

// Shows the matched practice with the evidence: the practice part, and the polarity,
// conditions and action of the practice (none when no practice matched).
void show_match(Evidence& ev, const std::vector<Practice>& practices, const PracticeMatch& match) {
  ev.practice = match.value;
  ev.negative = false;
  ev.conditions.clear();
  ev.action.clear();
  if (match.practice >= 0) {
    const Practice& p = practices[static_cast<std::size_t>(match.practice)];
    ev.negative = p.negative;
    ev.conditions = p.conditions;
    ev.action = p.action;
  }
}

}  // namespace

void extract_candidate_practices(AnswerModel& m) {
  const Weights& K = m.weights;
  const std::size_t nb = m.doc.blocks.size();
  // A paragraph's best score before practices count, with the paragraph parts it will get.
  std::vector<double> best(nb, -1e9);
  for (const Candidate& c : m.candidates) {
    const std::size_t b = block_of(m, c);
    double v = c.base + K.block_bm25 * m.block_bm25[b] + K.block_lexical * m.block_lexical[b];
    best[b] = std::max(best[b], v);
  }
  std::vector<std::size_t> order;
  for (std::size_t b = 0; b < nb; ++b)
    if (best[b] > -1e9) order.push_back(b);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return best[a] > best[b]; });
  // A generous margin over what is shown: a practice part can lift a paragraph by a lot.
  const std::size_t keep = std::max<std::size_t>(m.top + 20, 25);
  std::vector<char> kept(nb, 0);
  for (std::size_t i = 0; i < order.size() && i < keep; ++i) kept[order[i]] = 1;
  for (const Candidate& c : m.candidates)
    if (kept[block_of(m, c)]) m.sentences.read_practices(static_cast<std::size_t>(c.sentence));
}

void match_practices(AnswerModel& m) {
  const Weights& K = m.weights;
  for (Candidate& c : m.candidates) {
    const auto s = static_cast<std::size_t>(c.sentence);
    const std::vector<Practice>& practices = m.sentences.practices(s);
    const PracticeMatch match = best_practice(m, practices);
    show_match(c.ev, practices, match);
    double score = c.base;
    if (m.intent.id >= 0) score += K.practice * c.ev.practice;
    if (match.fits_second_intent) score += K.fit2;
    if (short_sentence(m.sentences.facts(s))) score *= K.short_factor;
    if (score <= 0.05) continue;
    c.score = score;
    m.ranking.push_back(c);
  }
}

void add_paragraph_context(AnswerModel& m) {
  const Weights& K = m.weights;
  const bool choice = asks_choice(m.q);
  std::vector<double> sum(m.doc.blocks.size(), 0);
  for (const Candidate& c : m.ranking) sum[block_of(m, c)] += c.score;
  for (Candidate& c : m.ranking) {
    const std::size_t b = block_of(m, c);
    double add = K.block_bm25 * m.block_bm25[b] + K.neighbours * (sum[b] - c.score) +
                 K.block_lexical * m.block_lexical[b] + K.block_lead * m.bm25[static_cast<std::size_t>(m.lead[b])];
    if (m.intent.id >= 0) add += K.block_topic * m.block_topic[b];
    if (choice && m.block_option_cue[b] && m.block_practice[b]) add += K.block_choice;
    c.score += add;
    c.ev.score = c.score;
    c.ev.paragraph = add;
  }
}

void read_ranked_practices(AnswerModel& m, std::size_t r) {
  Candidate& c = m.ranking[r];
  const auto s = static_cast<std::size_t>(c.sentence);
  if (m.sentences.practices_read(s)) return;
  m.sentences.read_practices(s);
  const std::vector<Practice>& practices = m.sentences.practices(s);
  show_match(c.ev, practices, best_practice(m, practices));
}

void rank(AnswerModel& m) {
  std::stable_sort(m.ranking.begin(), m.ranking.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  // The verdict and the periods read the practices of the best candidates.
  for (std::size_t r = 0; r < m.ranking.size() && r < verdict_pool; ++r) read_ranked_practices(m, r);
}

}  // namespace policyq::query::answering
