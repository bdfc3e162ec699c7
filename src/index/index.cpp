#include "index/index.hpp"
#include "index/bm25.hpp"
#include "util/bytes.hpp"
#include "util/cache.hpp"
#include "util/prebuilt.hpp"
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace policyq {

struct Index::Impl {
  const Document& doc;
  mutable Analyzer analyzer;
  std::vector<std::string> terms;                      // id → term
  std::vector<std::uint32_t> by_term;                  // ids in term order: find() searches it
  std::vector<std::uint32_t> flat;                     // all sentences' term ids, in order
  std::vector<std::size_t> offsets;                    // sentence i: flat[offsets[i] .. offsets[i+1])
  // Postings of term id, sentences ascending: (post_sentence[k], post_tf[k]) for k in
  // [post_start[id], post_start[id+1]). Flat arrays, so a snapshot reads each in one copy.
  std::vector<std::size_t> post_start;
  std::vector<int> post_sentence;
  std::vector<std::uint16_t> post_tf;
  std::vector<std::vector<std::uint32_t>> title_terms; // section → ids in its path's titles (sorted)
  double avg_len = 1;

  Impl(const Document& d) : doc(d), analyzer(d.language) {}

  // A sorted array rather than a hash map: a snapshot stores it as is, where a map would be
  // rebuilt at every load (a node and a hash per term), for the few lookups a query makes.
  int find(const std::string& term) const {
    auto it = std::lower_bound(by_term.begin(), by_term.end(), term,
                               [&](std::uint32_t id, const std::string& t) { return terms[id] < t; });
    return it != by_term.end() && terms[*it] == term ? static_cast<int>(*it) : -1;
  }

  double idf_of(int id) const {
    if (id < 0) return 0;
    return bm25::idf(doc.sentences.size(), df_of(id));
  }

  std::size_t length(int s) const { return offsets[static_cast<std::size_t>(s) + 1] - offsets[static_cast<std::size_t>(s)]; }

  void build() {
    std::unordered_map<std::string, std::uint32_t> ids;  // term → id, while interning
    std::vector<std::uint32_t> word_terms;               // analyzer word id → term id (+1; 0: unseen)
    auto intern = [&](const std::string& term) {
      auto [it, added] = ids.emplace(term, static_cast<std::uint32_t>(terms.size()));
      if (added) terms.push_back(term);
      return it->second;
    };
    struct Posting {
      std::uint32_t id;
      int sentence;
      std::uint16_t tf;
    };
    std::vector<Posting> found;  // in sentence order
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
        found.push_back({sentence_ids[i], static_cast<int>(s), static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 65535))});
        i = j;
      }
    }
    avg_len = bm25::average_length(flat.size(), doc.sentences.size());

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

    // Counting sort by term id; stable, so each term's sentences stay ascending.
    post_start.assign(terms.size() + 1, 0);
    for (const Posting& p : found) ++post_start[p.id + 1];
    for (std::size_t i = 1; i < post_start.size(); ++i) post_start[i] += post_start[i - 1];
    post_sentence.resize(found.size());
    post_tf.resize(found.size());
    std::vector<std::size_t> next(post_start.begin(), post_start.end() - 1);
    for (const Posting& p : found) {
      std::size_t k = next[p.id]++;
      post_sentence[k] = p.sentence;
      post_tf[k] = p.tf;
    }
    by_term.resize(terms.size());
    std::iota(by_term.begin(), by_term.end(), 0u);
    std::sort(by_term.begin(), by_term.end(), [&](std::uint32_t a, std::uint32_t b) { return terms[a] < terms[b]; });
  }

  // Everything build() made; its interning tables were its own.
  std::string save() const {
    ByteWriter w;
    w.put<std::uint64_t>(terms.size());
    for (const std::string& t : terms) w.put_string(t);
    w.put_array(by_term);
    w.put_array(flat);
    w.put_array(offsets);
    w.put_array(post_start);
    w.put_array(post_sentence);
    w.put_array(post_tf);
    w.put<std::uint64_t>(title_terms.size());
    for (const auto& tt : title_terms) w.put_array(tt);
    w.put(avg_len);
    return w.take();
  }

  // save()'s bytes back, each id, offset and sentence checked against what it indexes.
  bool load(std::string_view bytes) {
    ByteReader r(bytes);
    std::size_t n;
    if (!r.get_count(n, 8)) return false;
    terms.resize(n);
    for (std::string& t : terms)
      if (!r.get_string(t)) return false;
    // A negative int converts to a huge size_t: outside too.
    auto outside = [](std::size_t limit) { return [limit](auto v) { return static_cast<std::size_t>(v) >= limit; }; };
    // Strictly increasing terms: ids distinct and in order, so find() is right.
    if (!r.get_array(by_term) || by_term.size() != n || std::any_of(by_term.begin(), by_term.end(), outside(n)) ||
        std::adjacent_find(by_term.begin(), by_term.end(), [&](std::uint32_t a, std::uint32_t b) { return terms[a] >= terms[b]; }) != by_term.end())
      return false;
    auto spans = [](const std::vector<std::size_t>& starts, std::size_t count, std::size_t total) {
      return starts.size() == count + 1 && starts[0] == 0 && starts.back() == total && std::is_sorted(starts.begin(), starts.end());
    };
    if (!r.get_array(flat) || !r.get_array(offsets) || !spans(offsets, doc.sentences.size(), flat.size()) ||
        std::any_of(flat.begin(), flat.end(), outside(n)))
      return false;
    if (!r.get_array(post_start) || !r.get_array(post_sentence) || !r.get_array(post_tf) ||
        post_tf.size() != post_sentence.size() || !spans(post_start, n, post_sentence.size()) ||
        std::any_of(post_sentence.begin(), post_sentence.end(), outside(doc.sentences.size())))
      return false;
    std::size_t sections;
    if (!r.get_count(sections, 8) || sections != doc.sections.size()) return false;
    title_terms.resize(sections);
    for (auto& tt : title_terms)
      if (!r.get_array(tt) || std::adjacent_find(tt.begin(), tt.end(), std::greater_equal<>()) != tt.end() ||
          (!tt.empty() && tt.back() >= n))
        return false;
    return r.get(avg_len) && std::isfinite(avg_len) && avg_len >= 1 && r.at_end();
  }

  std::size_t df_of(int id) const {
    return post_start[static_cast<std::size_t>(id) + 1] - post_start[static_cast<std::size_t>(id)];
  }

  // The idf of each query term and the average length that search ranks by: this
  // document's, or a corpus's when given.
  struct Weights {
    std::unordered_map<int, double> idf;
    double avg_len = 1;
    double of(int id) const {
      auto it = idf.find(id);
      return it == idf.end() ? 0 : it->second;
    }
  };

  Weights weights(const std::vector<std::string>& terms, const std::vector<int>& ids, const CorpusStats* corpus) const {
    Weights w;
    w.avg_len = avg_len;
    if (corpus && corpus->sentences > 0) w.avg_len = bm25::average_length(corpus->terms, corpus->sentences);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] < 0) continue;
      if (!corpus) {
        w.idf[ids[i]] = idf_of(ids[i]);
        continue;
      }
      auto it = corpus->df.find(terms[i]);
      w.idf[ids[i]] = bm25::idf(corpus->sentences, it == corpus->df.end() ? 0 : it->second);
    }
    return w;
  }

  double bm25_one(int id, int s, int tf, const Weights& w) const {
    return bm25::term_score(w.of(id), tf, length(s), w.avg_len);
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
    return bm25::phrase_score(matched, phrase.size());
  }

  double title_score(const std::vector<int>& query, int s, const Weights& w) const {
    int section = doc.sentences[static_cast<std::size_t>(s)].section;
    if (section < 0) return 0;
    const auto& tt = title_terms[static_cast<std::size_t>(section)];
    double sum = 0;
    for (int id : query)
      if (id >= 0 && std::binary_search(tt.begin(), tt.end(), static_cast<std::uint32_t>(id))) sum += w.of(id);
    return bm25::title_weight * sum;
  }
};

Index::Index(const Document& doc) {
  // Only a loaded document has a content hash; the index of a hand-made one is built fresh.
  if (doc.content_hash != 0) {
    if (std::optional<std::string_view> bytes = prebuilt("idx", doc.content_hash))
      if (std::unique_ptr<Index> built = restore(doc, *bytes)) {
        impl_ = std::move(built->impl_);
        return;
      }
    if (std::optional<std::string> bytes = cache_get("idx", doc.content_hash))
      if (std::unique_ptr<Index> cached = restore(doc, *bytes)) {
        impl_ = std::move(cached->impl_);
        return;
      }
  }
  impl_ = std::make_unique<Impl>(doc);
  impl_->build();
  if (doc.content_hash != 0 && cache_enabled()) cache_put("idx", doc.content_hash, snapshot());
}
Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<Index> Index::build_uncached(const Document& doc) {
  auto impl = std::make_unique<Impl>(doc);
  impl->build();
  return std::unique_ptr<Index>(new Index(std::move(impl)));
}

IndexArrays Index::arrays() const { return {impl_->terms, impl_->flat, impl_->offsets, impl_->title_terms}; }
Index::~Index() = default;

std::string Index::snapshot() const { return impl_->save(); }

std::unique_ptr<Index> Index::restore(const Document& doc, std::string_view snapshot) {
  auto impl = std::make_unique<Impl>(doc);
  if (!impl->load(snapshot)) return nullptr;
  return std::unique_ptr<Index>(new Index(std::move(impl)));
}

const Document& Index::document() const { return impl_->doc; }
Analyzer& Index::analyzer() const { return impl_->analyzer; }

QueryTerms parse_query(Analyzer& analyzer, std::string_view query) {
  QueryTerms q;
  std::unordered_set<std::string> seen;
  for (const Token& t : analyzer.analyze(query)) {
    if (t.stop) continue;
    q.phrase.push_back(t.term);
    if (seen.insert(t.term).second) q.terms.push_back(t.term);
  }
  return q;
}

QueryTerms Index::parse_query(std::string_view query) const { return policyq::parse_query(impl_->analyzer, query); }

void Index::add_to_corpus(const QueryTerms& q, CorpusStats& corpus) const {
  const Impl& m = *impl_;
  corpus.sentences += m.doc.sentences.size();
  corpus.terms += m.flat.size();
  for (const auto& t : q.terms) {
    int id = m.find(t);
    corpus.df[t] += id < 0 ? 0 : m.df_of(id);
  }
}

std::vector<SearchHit> Index::search(const QueryTerms& q, std::size_t limit, bool include_chrome,
                                     const CorpusStats* corpus) const {
  const Impl& m = *impl_;
  std::vector<int> query_ids, phrase_ids;
  for (const auto& t : q.terms) query_ids.push_back(m.find(t));
  for (const auto& t : q.phrase) phrase_ids.push_back(m.find(t));
  const Impl::Weights w = m.weights(q.terms, query_ids, corpus);

  std::unordered_map<int, double> bm25;
  for (int id : query_ids)
    if (id >= 0)
      for (std::size_t k = m.post_start[static_cast<std::size_t>(id)]; k < m.post_start[static_cast<std::size_t>(id) + 1]; ++k)
        bm25[m.post_sentence[k]] += m.bm25_one(id, m.post_sentence[k], m.post_tf[k], w);

  std::vector<SearchHit> hits;
  hits.reserve(bm25.size());
  for (auto [s, score] : bm25) {
    if (!include_chrome && m.doc.is_chrome(m.doc.sentences[static_cast<std::size_t>(s)])) continue;
    SearchHit h;
    h.sentence = s;
    h.bm25 = score;
    h.phrase = m.phrase_score(phrase_ids, s);
    h.title = m.title_score(query_ids, s, w);
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
  const Impl::Weights w = m.weights(q.terms, query_ids, nullptr);
  SearchHit h;
  h.sentence = sentence;
  const std::uint32_t* begin = m.flat.data() + m.offsets[static_cast<std::size_t>(sentence)];
  std::size_t len = m.length(sentence);
  for (int id : query_ids) {
    if (id < 0) continue;
    int tf = static_cast<int>(std::count(begin, begin + len, static_cast<std::uint32_t>(id)));
    if (tf) h.bm25 += m.bm25_one(id, sentence, tf, w);
  }
  h.phrase = m.phrase_score(phrase_ids, sentence);
  h.title = m.title_score(query_ids, sentence, w);
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
