#include "index/index.hpp"
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace policyq {
namespace {
constexpr double k1 = 1.2;
constexpr double b = 0.75;
constexpr double phrase_weight = 1.5;  // all query bigrams adjacent, in order
constexpr double title_weight = 0.4;   // per unit of idf found in the section path
}  // namespace

struct Index::Impl {
  const Document& doc;
  mutable Analyzer analyzer;
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> terms;                      // id → term
  std::vector<std::uint32_t> flat;                     // all sentences' term ids, in order
  std::vector<std::size_t> offsets;                    // sentence i: flat[offsets[i] .. offsets[i+1])
  std::vector<std::vector<std::pair<int, std::uint16_t>>> postings;  // id → (sentence, tf)
  std::vector<std::vector<std::uint32_t>> title_terms; // section → ids in its path's titles (sorted)
  std::vector<std::uint32_t> word_terms;               // analyzer word id → term id (+1; 0: unseen)
  double avg_len = 1;

  Impl(const Document& d) : doc(d), analyzer(d.language) {}

  std::uint32_t intern(const std::string& term) {
    auto [it, added] = ids.emplace(term, static_cast<std::uint32_t>(terms.size()));
    if (added) {
      terms.push_back(term);
      postings.emplace_back();
    }
    return it->second;
  }

  int find(const std::string& term) const {
    auto it = ids.find(term);
    return it == ids.end() ? -1 : static_cast<int>(it->second);
  }

  double idf_of(int id) const {
    if (id < 0) return 0;
    double n = static_cast<double>(doc.sentences.size());
    double df = static_cast<double>(postings[static_cast<std::size_t>(id)].size());
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  }

  std::size_t length(int s) const { return offsets[static_cast<std::size_t>(s) + 1] - offsets[static_cast<std::size_t>(s)]; }

  void build() {
    offsets.reserve(doc.sentences.size() + 1);
    offsets.push_back(0);
    std::vector<std::uint32_t> sentence_ids;
    // Each distinct word is hashed once by the analyzer; its id leads straight to the term.
    auto add_word = [&](const Word& w) {
      if (w.stop) return;
      if (w.id == Word::no_id) {
        sentence_ids.push_back(intern(*w.term));
        return;
      }
      if (w.id >= word_terms.size()) word_terms.resize(std::max<std::size_t>(w.id + 1, word_terms.size() * 2), 0);
      std::uint32_t& slot = word_terms[w.id];
      if (slot == 0) slot = intern(*w.term) + 1;
      sentence_ids.push_back(slot - 1);
    };
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      sentence_ids.clear();
      analyzer.for_each_word(doc.sentences[s].text, add_word);
      flat.insert(flat.end(), sentence_ids.begin(), sentence_ids.end());
      offsets.push_back(flat.size());
      std::sort(sentence_ids.begin(), sentence_ids.end());
      for (std::size_t i = 0; i < sentence_ids.size();) {
        std::size_t j = i;
        while (j < sentence_ids.size() && sentence_ids[j] == sentence_ids[i]) ++j;
        postings[sentence_ids[i]].emplace_back(static_cast<int>(s), static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 65535)));
        i = j;
      }
    }
    avg_len = doc.sentences.empty() ? 1.0 : std::max(1.0, static_cast<double>(flat.size()) / static_cast<double>(doc.sentences.size()));

    title_terms.resize(doc.sections.size());
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& sec = doc.sections[i];
      std::vector<std::uint32_t> own;
      for (const Token& t : analyzer.analyze(sec.title))
        if (!t.stop) own.push_back(intern(t.term));
      if (sec.parent >= 0) {
        const auto& up = title_terms[static_cast<std::size_t>(sec.parent)];
        own.insert(own.end(), up.begin(), up.end());
      }
      std::sort(own.begin(), own.end());
      own.erase(std::unique(own.begin(), own.end()), own.end());
      title_terms[i] = std::move(own);
    }
  }

  double bm25_one(int id, int s, int tf) const {
    double len = static_cast<double>(length(s));
    return idf_of(id) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg_len));
  }

  double phrase_score(const std::vector<int>& phrase, int s) const {
    if (phrase.size() < 2) return 0;
    const std::uint32_t* begin = flat.data() + offsets[static_cast<std::size_t>(s)];
    std::size_t len = length(s);
    int matched = 0;
    for (std::size_t q = 0; q + 1 < phrase.size(); ++q) {
      if (phrase[q] < 0 || phrase[q + 1] < 0) continue;
      for (std::size_t i = 0; i + 1 < len; ++i)
        if (begin[i] == static_cast<std::uint32_t>(phrase[q]) && begin[i + 1] == static_cast<std::uint32_t>(phrase[q + 1])) {
          ++matched;
          break;
        }
    }
    return phrase_weight * matched / static_cast<double>(phrase.size() - 1);
  }

  double title_score(const std::vector<int>& query, int s) const {
    int section = doc.sentences[static_cast<std::size_t>(s)].section;
    if (section < 0) return 0;
    const auto& tt = title_terms[static_cast<std::size_t>(section)];
    double sum = 0;
    for (int id : query)
      if (id >= 0 && std::binary_search(tt.begin(), tt.end(), static_cast<std::uint32_t>(id))) sum += idf_of(id);
    return title_weight * sum;
  }
};

Index::Index(const Document& doc) : impl_(std::make_unique<Impl>(doc)) { impl_->build(); }
Index::~Index() = default;

const Document& Index::document() const { return impl_->doc; }
Analyzer& Index::analyzer() const { return impl_->analyzer; }

QueryTerms Index::parse_query(std::string_view query) const {
  QueryTerms q;
  std::unordered_set<std::string> seen;
  for (const Token& t : impl_->analyzer.analyze(query)) {
    if (t.stop) continue;
    q.phrase.push_back(t.term);
    if (seen.insert(t.term).second) q.terms.push_back(t.term);
  }
  return q;
}

std::vector<SearchHit> Index::search(const QueryTerms& q, std::size_t limit, bool include_chrome) const {
  const Impl& m = *impl_;
  std::vector<int> query_ids, phrase_ids;
  for (const auto& t : q.terms) query_ids.push_back(m.find(t));
  for (const auto& t : q.phrase) phrase_ids.push_back(m.find(t));

  std::unordered_map<int, double> bm25;
  for (int id : query_ids)
    if (id >= 0)
      for (auto [s, tf] : m.postings[static_cast<std::size_t>(id)]) bm25[s] += m.bm25_one(id, s, tf);

  std::vector<SearchHit> hits;
  hits.reserve(bm25.size());
  for (auto [s, score] : bm25) {
    if (!include_chrome && m.doc.is_chrome(m.doc.sentences[static_cast<std::size_t>(s)])) continue;
    SearchHit h;
    h.sentence = s;
    h.bm25 = score;
    h.phrase = m.phrase_score(phrase_ids, s);
    h.title = m.title_score(query_ids, s);
    h.score = h.bm25 + h.phrase + h.title;
    hits.push_back(h);
  }
  std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.sentence < b.sentence;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

SearchHit Index::features(const QueryTerms& q, int sentence) const {
  const Impl& m = *impl_;
  std::vector<int> query_ids, phrase_ids;
  for (const auto& t : q.terms) query_ids.push_back(m.find(t));
  for (const auto& t : q.phrase) phrase_ids.push_back(m.find(t));
  SearchHit h;
  h.sentence = sentence;
  const std::uint32_t* begin = m.flat.data() + m.offsets[static_cast<std::size_t>(sentence)];
  std::size_t len = m.length(sentence);
  for (int id : query_ids) {
    if (id < 0) continue;
    int tf = static_cast<int>(std::count(begin, begin + len, static_cast<std::uint32_t>(id)));
    if (tf) h.bm25 += m.bm25_one(id, sentence, tf);
  }
  h.phrase = m.phrase_score(phrase_ids, sentence);
  h.title = m.title_score(query_ids, sentence);
  h.score = h.bm25 + h.phrase + h.title;
  return h;
}

std::vector<std::string> Index::sentence_terms(int sentence) const {
  const Impl& m = *impl_;
  std::vector<std::string> out;
  for (std::size_t i = m.offsets[static_cast<std::size_t>(sentence)]; i < m.offsets[static_cast<std::size_t>(sentence) + 1]; ++i)
    out.push_back(m.terms[m.flat[i]]);
  return out;
}

double Index::idf(const std::string& term) const { return impl_->idf_of(impl_->find(term)); }
}
