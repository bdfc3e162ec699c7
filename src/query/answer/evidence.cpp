// What the answer shows: the verdict over the best candidates, the evidence sentences that
// back it, and the retention periods they state.
#include "query/answer/passes.hpp"
#include "text/language.hpp"

#include <algorithm>
#include <set>

namespace policyq::query::answering {

namespace {

// The paragraph of each block, as the file shows paragraphs: blocks on adjacent lines (a
// lead sentence and the list that follows it, list items) are one paragraph; a heading
// always starts a new one.
std::vector<int> shown_paragraphs(const Document& doc) {
  const std::size_t nb = doc.blocks.size();
  std::vector<int> paragraph(nb, 0);
  for (std::size_t b = 0; b < nb; ++b) {
    paragraph[b] = static_cast<int>(b);
    if (b > 0 && doc.blocks[b].first_line <= doc.blocks[b - 1].last_line + 1 &&
        doc.blocks[b].kind != BlockKind::heading && doc.blocks[b - 1].kind != BlockKind::heading)
      paragraph[b] = paragraph[b - 1];
  }
  return paragraph;
}

// Up to top positions in the ranking, the best of each paragraph first (a reader wants
// different passages before a second sentence of one), then the best of the rest.
std::vector<int> best_per_paragraph(const AnswerModel& m) {
  const std::vector<int> paragraph = shown_paragraphs(m.doc);
  auto paragraph_of = [&](std::size_t r) {
    const auto s = static_cast<std::size_t>(m.ranking[r].sentence);
    return paragraph[static_cast<std::size_t>(m.doc.sentences[s].block)];
  };
  std::vector<int> chosen;
  std::set<int> paragraphs;
  auto take = [&](std::size_t r) {
    if (std::find(chosen.begin(), chosen.end(), static_cast<int>(r)) != chosen.end()) return;
    chosen.push_back(static_cast<int>(r));
    paragraphs.insert(paragraph_of(r));
  };
  for (std::size_t r = 0; r < m.ranking.size() && chosen.size() < m.top; ++r) {
    if (paragraphs.count(paragraph_of(r))) continue;
    take(r);
  }
  for (std::size_t r = 0; r < m.ranking.size() && chosen.size() < m.top; ++r) take(r);
  return chosen;
}

// A candidate as the verdict sees it, with where it stands: the titles above it, and (for
// "these requests") the sentences just before it in its section.
// A list item under a lead-in that is an if-clause ("If we receive an e-mail from a child
// under 13, we may:"): what the item says the company does happens only in that case.
bool under_conditional_lead(const Document& doc, const Sentence& sent) {
  if (sent.block < 0) return false;
  const Block& item = doc.blocks[static_cast<std::size_t>(sent.block)];
  if (item.kind != BlockKind::list_item) return false;
  // the block before the list: the nearest earlier block that is not an item of this list
  for (int b = sent.block - 1; b >= 0; --b) {
    const Block& lead = doc.blocks[static_cast<std::size_t>(b)];
    if (lead.kind == BlockKind::list_item && lead.list == item.list) continue;
    const std::string& t = lead.text;
    std::size_t end = t.find_last_not_of(" \t\n");
    if (end == std::string::npos || t[end] != ':') return false;
    return t.rfind("If ", 0) == 0 || t.rfind("When ", 0) == 0 || t.rfind("In the event", 0) == 0;
  }
  return false;
}

RankedSentence pool_entry(const AnswerModel& m, const Candidate& c) {
  RankedSentence rs{c.sentence, c.verdict_topic > 0, c.verdict_section > 0, c.ev.lexical, c.ev.slots};
  const Sentence& sent = m.doc.sentences[static_cast<std::size_t>(c.sentence)];
  if (sent.section >= 0)
    for (const std::string& title : m.doc.sections[static_cast<std::size_t>(sent.section)].path) {
      std::vector<Word> words = tokenize(title);
      rs.dnt_context = rs.dnt_context || names_do_not_track(words);
      rs.regional_section = rs.regional_section || names_region(words);
    }
  for (int back = 1; back <= 3 && c.sentence - back >= 0; ++back) {
    const auto prev = static_cast<std::size_t>(c.sentence - back);
    if (m.doc.sentences[prev].section != sent.section) break;
    if (m.sentences.is_body(prev) && names_do_not_track(m.sentences.facts(prev).words)) rs.dnt_context = true;
  }
  rs.conditional_lead = under_conditional_lead(m.doc, sent);
  return rs;
}

}  // namespace

void decide_verdict(AnswerModel& m) {
  m.pool = std::min<std::size_t>(m.ranking.size(), verdict_pool);
  // A language `ask` does not answer in (its verdict rules read English cues beyond the
  // lexicon) gets no verdict: "not analysed", with the closest passages.
  if (!answers_questions_in(m.doc.language)) return;
  std::vector<RankedSentence> pool;
  for (std::size_t r = 0; r < m.pool; ++r) pool.push_back(pool_entry(m, m.ranking[r]));
  // A question ranked by another intent than the asked one (a choice about a practice)
  // finds its on-topic sentences lower in the ranking: the whole pool is looked at.
  const std::size_t window = m.intent.intent != m.q.intent ? m.pool : 5;
  const SentenceReader& sentences = m.sentences;
  m.decision = query::decide_verdict(
      m.q, pool, window,
      [&](int s) -> const std::vector<Practice>& { return sentences.practices(static_cast<std::size_t>(s)); },
      [&](int s) -> const SentenceFacts& { return sentences.facts(static_cast<std::size_t>(s)); }, m.lex);
}

void choose_evidence(AnswerModel& m, Answer& ans) {
  std::vector<int> chosen = best_per_paragraph(m);
  std::sort(chosen.begin(), chosen.end());
  // The sentence that decided the verdict (the one the summary quotes) is shown first. When
  // it ranked below the best-ranked evidence and one of those makes a claim that alone decides
  // the same verdict, that one is quoted instead: the user reads the best-ranked proof first.
  // Ranked lower and alone, it comes in addition to them (one sentence more than --top).
  // A list answer carries its evidence per item; its best claim leads only when among the best
  // ranked. A topic answer quotes its best on-topic sentence, already in ranking order.
  Decision& v = m.decision;
  if (v.decider >= 0 && !v.by_topic) {
    auto it = std::find(chosen.begin(), chosen.end(), v.decider);
    const bool verdict_kind = answer_kind(m.q) == AnswerKind::verdict;
    if (it == chosen.end() && verdict_kind)
      for (int r : chosen)
        if (std::find(v.equivalents.begin(), v.equivalents.end(), r) != v.equivalents.end()) {
          v.decider = r;
          it = std::find(chosen.begin(), chosen.end(), r);
          break;
        }
    const bool shown = it != chosen.end();
    if (shown) chosen.erase(it);
    if (shown || verdict_kind) chosen.insert(chosen.begin(), v.decider);
    else chosen.push_back(v.decider);
  }
  // Every evidence sentence carries its own practice, however far down the ranking.
  for (int r : chosen) read_ranked_practices(m, static_cast<std::size_t>(r));
  for (int r : chosen) ans.evidence.push_back(m.ranking[static_cast<std::size_t>(r)].ev);
}

void retention_periods(AnswerModel& m, Answer& ans) {
  if (m.q.intent != "retention") return;
  std::set<std::pair<std::string, int>> seen;
  auto add_periods = [&](int sentence) {
    const auto s = static_cast<std::size_t>(sentence);
    m.sentences.read_practices(s);
    for (const Practice& p : m.sentences.practices(s))
      for (const Period& per : p.periods) {
        Period x = per;
        x.line = m.doc.sentences[s].first_line;
        if (seen.insert({x.text, x.line}).second) ans.periods.push_back(x);
      }
  };
  // The evidence's periods first, then those of the best candidates.
  for (const Evidence& e : ans.evidence) add_periods(e.sentence);
  for (std::size_t r = 0; r < std::min<std::size_t>(m.pool, 8); ++r) add_periods(m.ranking[r].sentence);
}

}  // namespace policyq::query::answering
