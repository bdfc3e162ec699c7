// The features of the question's words and of the section titles, before any scoring.
#include "query/answer/passes.hpp"

#include <algorithm>
#include <cmath>

namespace policyq::query::answering {

namespace {

// BM25 of the text's terms over the body paragraphs (blocks), normalised to the best
// paragraph. Paragraphs are shorter than a document and longer than a sentence, so the
// length normalisation is milder (b = 0.75 over a floor of 0.25).
std::vector<double> paragraph_bm25(const AnswerModel& m, std::string_view text) {
  const Document& doc = m.doc;
  const std::size_t ns = doc.sentences.size(), nb = doc.blocks.size();
  std::vector<double> out(nb, 0);
  QueryTerms bq = m.index.parse_query(text);
  const std::size_t nt = bq.terms.size();
  std::vector<std::vector<int>> tf(nb);
  std::vector<double> len(nb, 0);
  std::vector<char> in_body(nb, 0);
  for (std::size_t s = 0; s < ns; ++s) {
    if (!m.sentences.is_body(s)) continue;
    auto b = static_cast<std::size_t>(doc.sentences[s].block);
    if (!in_body[b]) tf[b].assign(nt, 0);
    in_body[b] = 1;
    for (const std::string& t : m.index.sentence_terms(static_cast<int>(s))) {
      len[b] += 1;
      for (std::size_t i = 0; i < nt; ++i)
        if (t == bq.terms[i]) ++tf[b][i];
    }
  }
  double nbody = 0, total = 0, max_b = 0;
  std::vector<double> df(nt, 0);
  for (std::size_t b = 0; b < nb; ++b) {
    if (!in_body[b]) continue;
    nbody += 1;
    total += len[b];
    for (std::size_t i = 0; i < nt; ++i) df[i] += tf[b][i] > 0;
  }
  double avg = nbody > 0 ? total / nbody : 1;
  for (std::size_t b = 0; b < nb; ++b) {
    if (!in_body[b]) continue;
    double sc = 0;
    for (std::size_t i = 0; i < nt; ++i) {
      double f = tf[b][i];
      if (f == 0) continue;
      double idf = std::log(1 + (nbody - df[i] + 0.5) / (df[i] + 0.5));
      sc += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len[b] / std::max(1.0, avg)));
    }
    out[b] = sc;
    max_b = std::max(max_b, sc);
  }
  for (double& x : out) x = max_b > 0 ? x / max_b : 0;
  return out;
}

// The section features of one section: its own title counts fully, its parent's less.
SectionFeatures features_of_section(const AnswerModel& m, const Section& section) {
  const Lexicon& lex = m.lex;
  SectionFeatures f;
  std::vector<int> concepts;
  int depth = 0;
  for (auto p = section.path.rbegin(); p != section.path.rend() && depth < 2; ++p, ++depth) {
    auto words = tokenize(*p);
    for (const Match& match : lex.match(words, false)) {
      Kind k = lex.entry(match.cid).kind;
      if (m.is_intent(match.cid)) f.topic = std::max(f.topic, depth == 0 ? 1.0 : 0.6);
      else if (k == Kind::intent && depth == 0) f.other = true;
      if (match.cid == m.asked_intent.id) f.verdict_topic = std::max(f.verdict_topic, depth == 0 ? 1.0 : 0.6);
      if (m.is_second_intent(match.cid)) f.topic2 = std::max(f.topic2, depth == 0 ? 1.0 : 0.6);
      if (k == Kind::data || k == Kind::recipient || k == Kind::purpose) concepts.push_back(match.cid);
    }
  }
  f.slots = slots_score(m.q, lex, concepts);
  return f;
}

}  // namespace

void lexical_features(AnswerModel& m) {
  const Question& q = m.q;
  const Index& index = m.index;
  const std::size_t ns = m.doc.sentences.size();
  // The searchable words: sentence BM25, phrase, section title.
  double max_bm25 = 0, max_title = 0, max_title_all = 0;
  for (const SearchHit& h : index.search(index.parse_query(q.search_text), ns)) {
    auto s = static_cast<std::size_t>(h.sentence);
    m.bm25[s] = h.bm25;
    m.phrase[s] = h.phrase;
    m.title[s] = h.title;
    max_bm25 = std::max(max_bm25, h.bm25);
    max_title = std::max(max_title, h.title);
  }
  if (!q.expansion.empty()) {
    double max_x = 0;
    for (const SearchHit& h : index.search(index.parse_query(q.expansion), ns)) {
      m.expansion[static_cast<std::size_t>(h.sentence)] = h.bm25;
      max_x = std::max(max_x, h.bm25);
    }
    for (double& x : m.expansion) x = max_x > 0 ? x / max_x : 0;
  }
  // The whole question: section title.
  for (const SearchHit& h : index.search(index.parse_query(q.text), ns)) {
    m.title_all[static_cast<std::size_t>(h.sentence)] = h.title;
    max_title_all = std::max(max_title_all, h.title);
  }
  for (std::size_t s = 0; s < ns; ++s) {
    m.bm25[s] = max_bm25 > 0 ? m.bm25[s] / max_bm25 : 0;
    m.title[s] = max_title > 0 ? m.title[s] / max_title : 0;
    m.title_all[s] = max_title_all > 0 ? m.title_all[s] / max_title_all : 0;
  }
  m.block_bm25 = paragraph_bm25(m, q.text);
}

void section_features(AnswerModel& m) {
  std::vector<char> done(m.doc.sections.size(), 0);
  for (std::size_t s = 0; s < m.doc.sentences.size(); ++s) {
    const int sec = m.doc.sentences[s].section;
    if (!m.sentences.is_body(s) || sec < 0 || done[static_cast<std::size_t>(sec)]) continue;
    done[static_cast<std::size_t>(sec)] = 1;
    m.sections[static_cast<std::size_t>(sec)] = features_of_section(m, m.doc.sections[static_cast<std::size_t>(sec)]);
  }
}

}  // namespace policyq::query::answering
