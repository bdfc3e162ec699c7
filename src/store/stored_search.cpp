#include "store/stored_search.hpp"
#include "index/bm25.hpp"
#include "index/index.hpp"
#include "index/stored_terms.hpp"
#include "text/analyzer.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace policyq::store {
namespace {

// The query as each language present analyses it: the terms (and phrase) a policy of that
// language is searched for, as slots into the distinct terms of all languages.
struct Language {
  QueryTerms q;
  std::vector<std::size_t> term_slot;    // q.terms[k] → distinct term
  std::vector<std::size_t> phrase_term;  // q.phrase[j] → k in q.terms
};

struct Plan {
  std::vector<std::string> terms;       // distinct query terms of every language
  std::vector<Language> languages;
  std::vector<std::size_t> language_of;  // listed policy → languages
  std::vector<std::vector<bool>> uses;   // language → term slot → searched for
};

Plan make_plan(const std::vector<ListedPolicy>& policies, std::string_view query) {
  Plan plan;
  std::map<std::string, std::size_t> by_code;
  std::map<std::string, std::size_t> slot_of;
  for (const ListedPolicy& p : policies) {
    auto [it, added] = by_code.emplace(p.language, plan.languages.size());
    plan.language_of.push_back(it->second);
    if (!added) continue;
    Analyzer analyzer(p.language);
    Language l;
    l.q = parse_query(analyzer, query);
    for (const std::string& t : l.q.terms) {
      auto [slot, fresh] = slot_of.emplace(t, plan.terms.size());
      if (fresh) plan.terms.push_back(t);
      l.term_slot.push_back(slot->second);
    }
    for (const std::string& t : l.q.phrase)
      l.phrase_term.push_back(static_cast<std::size_t>(std::find(l.q.terms.begin(), l.q.terms.end(), t) - l.q.terms.begin()));
    plan.languages.push_back(std::move(l));
  }
  for (const Language& l : plan.languages) {
    std::vector<bool> uses(plan.terms.size(), false);
    for (std::size_t slot : l.term_slot) uses[slot] = true;
    plan.uses.push_back(std::move(uses));
  }
  return plan;
}

// Listed policy of each policy id (-1: not selected).
std::vector<std::int32_t> positions_by_id(const std::vector<ListedPolicy>& policies) {
  std::int64_t top = 0;
  for (const ListedPolicy& p : policies) top = std::max(top, p.id);
  std::vector<std::int32_t> at(static_cast<std::size_t>(top) + 1, -1);
  for (std::size_t i = 0; i < policies.size(); ++i) at[static_cast<std::size_t>(policies[i].id)] = static_cast<std::int32_t>(i);
  return at;
}

std::int32_t listed(const std::vector<std::int32_t>& at, std::int64_t id) {
  return id >= 0 && static_cast<std::size_t>(id) < at.size() ? at[static_cast<std::size_t>(id)] : -1;
}

// One query term's search_terms row for a policy: what bounds the policy's score.
struct TermInfo {
  std::size_t k = 0;  // the term's place in the policy's language's q.terms
  std::uint32_t sentences = 0;
  std::string best, sections;
  std::int64_t postings_id = 0;
};

// A policy holding some query term: its rows, and the most any of its sentences can score.
struct Candidate {
  std::size_t policy = 0;  // listed index: its rank in path order
  std::vector<TermInfo> terms;
  double bound = 0;
};

// Pass 1 over the small search_terms rows of the query's terms: each term's document
// frequency over the selected policies whose language searches it (as CorpusStats sums it
// document by document), and the candidates with their rows.
std::vector<Candidate> read_terms(Connection& db, const Plan& plan, const std::vector<std::int32_t>& at,
                                  std::vector<std::size_t>& df) {
  df.assign(plan.terms.size(), 0);
  std::vector<Candidate> out;
  std::vector<std::int32_t> candidate_of(plan.language_of.size(), -1);
  Statement s = db.prepare("SELECT policy_id, sentences, best, sections, postings_id FROM search_terms WHERE term = ?1");
  for (std::size_t t = 0; t < plan.terms.size(); ++t) {
    s.reset();
    s.bind(1, plan.terms[t]);
    while (s.step()) {
      std::int32_t i = listed(at, s.int_at(0));
      if (i < 0) continue;
      const Language& l = plan.languages[plan.language_of[static_cast<std::size_t>(i)]];
      auto k = static_cast<std::size_t>(std::find(l.term_slot.begin(), l.term_slot.end(), t) - l.term_slot.begin());
      if (k == l.term_slot.size()) continue;
      df[t] += static_cast<std::size_t>(s.int_at(1));
      std::int32_t& c = candidate_of[static_cast<std::size_t>(i)];
      if (c < 0) {
        c = static_cast<std::int32_t>(out.size());
        out.push_back({static_cast<std::size_t>(i), {}, 0});
        out.back().terms.reserve(l.term_slot.size());
      }
      out[static_cast<std::size_t>(c)].terms.push_back(
          {k, static_cast<std::uint32_t>(s.int_at(1)), std::string(s.blob_at(2)), std::string(s.blob_at(3)), s.int_at(4)});
    }
  }
  return out;
}

[[noreturn]] void damaged(Connection& db, const ListedPolicy& p) {
  ListedPolicy named = p;
  throw Error(with_paths(db, named).path, 0, "its search postings in the database are damaged: run policyq index --force again");
}

// The most a sentence of c can score: the same sums in the same order as PolicyScorer,
// each part replaced by its largest value (a term's best pair, every bigram adjacent, every
// title holding every term). Rounding is monotone, so no sentence's double exceeds it.
// by_k and pairs: buffers kept from candidate to candidate.
double upper_bound(Connection& db, const Candidate& c, const ListedPolicy& p, const Language& l, const std::vector<double>& idf,
                   double avg_len, bool include_chrome, std::vector<const TermInfo*>& by_k, std::vector<BestPair>& pairs) {
  by_k.assign(l.q.terms.size(), nullptr);
  for (const TermInfo& t : c.terms) by_k[t.k] = &t;
  double bm25 = 0, title = 0;
  for (std::size_t k = 0; k < by_k.size(); ++k) {
    if (!by_k[k]) continue;
    if (!read_best(by_k[k]->best, include_chrome, pairs)) damaged(db, p);
    double most = 0;
    for (const BestPair& b : pairs) most = std::max(most, bm25::term_score(idf[l.term_slot[k]], b.tf, b.length, avg_len));
    bm25 += most;
    if (!by_k[k]->sections.empty()) title += idf[l.term_slot[k]];
  }
  double phrase = 0;
  if (l.q.phrase.size() >= 2) {
    int possible = 0;
    for (std::size_t j = 0; j + 1 < l.phrase_term.size(); ++j)
      if (by_k[l.phrase_term[j]] && by_k[l.phrase_term[j + 1]]) ++possible;
    phrase = bm25::phrase_score(possible, l.q.phrase.size());
  }
  return bm25 + phrase + bm25::title_weight * title;
}

bool better(const StoredHit& a, const StoredHit& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.policy != b.policy ? a.policy < b.policy : a.sentence < b.sentence;
}

// The best `limit` hits seen, the worst on top of the heap.
class Best {
public:
  explicit Best(std::size_t limit) : limit_(limit) {}
  void offer(const StoredHit& h) {
    if (heap_.size() < limit_) {
      heap_.push_back(h);
      std::push_heap(heap_.begin(), heap_.end(), better);
    } else if (better(h, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), better);
      heap_.back() = h;
      std::push_heap(heap_.begin(), heap_.end(), better);
    }
  }
  bool full() const { return heap_.size() >= limit_; }
  const StoredHit& worst() const { return heap_.front(); }
  std::vector<StoredHit> take() {
    std::sort_heap(heap_.begin(), heap_.end(), better);
    return std::move(heap_);
  }

private:
  std::size_t limit_;
  std::vector<StoredHit> heap_;
};

// One query term's row for the policy being scored.
struct TermRow {
  bool present = false;  // the policy's index has the term (in a sentence or a title)
  std::string_view postings, sections;
};

// Scores one policy's sentences from its query terms' rows as Index::search does: BM25
// summed term by term in query order, the phrase bonus from positions, the title bonus
// from the sections holding each term. Buffers are kept from policy to policy.
class PolicyScorer {
public:
  PolicyScorer(Connection& db, const std::vector<double>& idf, double avg_len, bool include_chrome)
      : db_(db), idf_(idf), avg_len_(avg_len), include_chrome_(include_chrome) {}

  void score(const ListedPolicy& p, std::size_t rank, const Language& l, const std::vector<TermRow>& rows, Best& best) {
    std::size_t n = l.q.terms.size();
    if (postings_.size() < n) postings_.resize(n), sections_.resize(n), at_.resize(n);
    if (score_.size() < p.sentences) score_.resize(p.sentences, 0.0), seen_.resize(p.sentences, -1);
    touched_.clear();
    for (std::size_t k = 0; k < n; ++k) decode(p, k, rows[k], idf_[l.term_slot[k]]);
    for (int s : touched_) {
      const StoredPosting& first = postings_[static_cast<std::size_t>(first_term_[static_cast<std::size_t>(s)])]
                                            [static_cast<std::size_t>(seen_[static_cast<std::size_t>(s)])];
      if (first.chrome && !include_chrome_) continue;
      StoredHit h;
      h.policy = rank;
      h.sentence = s;
      h.bm25 = score_[static_cast<std::size_t>(s)];
      h.phrase = phrase(l, rows, s);
      h.title = title(l, rows, first.section);
      h.score = h.bm25 + h.phrase + h.title;
      best.offer(h);
    }
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t i = 0; i < counts_[k]; ++i) at_[k][static_cast<std::size_t>(postings_[k][i].sentence)] = -1;
    for (int s : touched_) score_[static_cast<std::size_t>(s)] = 0.0, seen_[static_cast<std::size_t>(s)] = -1;
  }

private:
  void decode(const ListedPolicy& p, std::size_t k, const TermRow& row, double idf) {
    if (counts_.size() <= k) counts_.resize(k + 1);
    counts_[k] = 0;
    if (at_[k].size() < p.sentences) at_[k].resize(p.sentences, -1);
    if (first_term_.size() < p.sentences) first_term_.resize(p.sentences, -1);
    sections_[k].clear();
    if (!row.present) return;
    if (!read_sections(row.sections, sections_[k])) damaged(db_, p);
    PostingReader reader(row.postings, p.sentences);
    std::vector<StoredPosting>& list = postings_[k];
    for (;;) {
      if (list.size() <= counts_[k]) list.emplace_back();
      StoredPosting& posting = list[counts_[k]];
      if (!reader.next(posting)) break;
      auto s = static_cast<std::size_t>(posting.sentence);
      at_[k][s] = static_cast<int>(counts_[k]);
      if (seen_[s] < 0) {
        seen_[s] = static_cast<int>(counts_[k]);
        first_term_[s] = static_cast<int>(k);
        touched_.push_back(posting.sentence);
      }
      score_[s] += bm25::term_score(idf, posting.tf, posting.length, avg_len_);
      ++counts_[k];
    }
    if (reader.damaged()) damaged(db_, p);
  }

  // As Index: each bigram of the phrase whose terms the policy has counts once if adjacent.
  double phrase(const Language& l, const std::vector<TermRow>& rows, int s) const {
    if (l.q.phrase.size() < 2) return 0;
    int matched = 0;
    auto us = static_cast<std::size_t>(s);
    for (std::size_t j = 0; j + 1 < l.phrase_term.size(); ++j) {
      std::size_t a = l.phrase_term[j], b = l.phrase_term[j + 1];
      if (!rows[a].present || !rows[b].present || at_[a][us] < 0 || at_[b][us] < 0) continue;
      const auto& pa = postings_[a][static_cast<std::size_t>(at_[a][us])].positions;
      const auto& pb = postings_[b][static_cast<std::size_t>(at_[b][us])].positions;
      for (std::uint32_t x : pa)
        if (std::binary_search(pb.begin(), pb.end(), x + 1)) {
          ++matched;
          break;
        }
    }
    return bm25::phrase_score(matched, l.q.phrase.size());
  }

  double title(const Language& l, const std::vector<TermRow>& rows, int section) const {
    if (section < 0) return 0;
    double sum = 0;
    for (std::size_t k = 0; k < l.q.terms.size(); ++k)
      if (rows[k].present && std::binary_search(sections_[k].begin(), sections_[k].end(), section)) sum += idf_[l.term_slot[k]];
    return bm25::title_weight * sum;
  }

  Connection& db_;
  const std::vector<double>& idf_;
  double avg_len_;
  bool include_chrome_;
  std::vector<std::vector<StoredPosting>> postings_;  // per query term: the policy's postings
  std::vector<std::size_t> counts_;                   // how many of postings_[k] are this policy's
  std::vector<std::vector<int>> sections_;
  std::vector<std::vector<int>> at_;                  // per query term: sentence → posting (-1)
  std::vector<double> score_;                         // sentence → BM25 so far
  std::vector<int> seen_, first_term_;                // sentence → its first posting, and whose
  std::vector<int> touched_;                          // sentences with a posting, in order found
};

// The postings of one candidate's query terms, each read by its row id; a statement per
// distinct term, so every blob stays valid while the candidate is scored.
class PostingsReader {
public:
  PostingsReader(Connection& db, std::size_t terms) : db_(db) {
    for (std::size_t t = 0; t < terms; ++t) statements_.push_back(db.prepare("SELECT postings FROM search_postings WHERE id = ?1"));
  }
  const std::vector<TermRow>& rows(const Candidate& c, const ListedPolicy& p, const Language& l) {
    rows_.assign(l.q.terms.size(), TermRow{});
    for (const TermInfo& t : c.terms) {
      Statement& s = statements_[l.term_slot[t.k]];
      s.reset();
      s.bind(1, t.postings_id);
      if (!s.step()) damaged(db_, p);
      rows_[t.k] = {true, s.blob_at(0), t.sections};
    }
    return rows_;
  }

private:
  Connection& db_;
  std::vector<Statement> statements_;
  std::vector<TermRow> rows_;
};
}  // namespace

StoredRanking rank_stored(Connection& db, const std::vector<ListedPolicy>& policies, std::string_view query,
                          std::size_t limit, bool include_chrome) {
  StoredRanking out;
  Plan plan = make_plan(policies, query);
  for (const Language& l : plan.languages) out.any_terms |= !l.q.terms.empty();
  if (!out.any_terms) return out;
  std::size_t sentences = 0, terms = 0;
  for (const ListedPolicy& p : policies) sentences += p.sentences, terms += p.terms;
  std::vector<std::size_t> df;
  std::vector<Candidate> candidates = read_terms(db, plan, positions_by_id(policies), df);
  std::vector<double> idf;
  for (std::size_t d : df) idf.push_back(bm25::idf(sentences, d));
  double avg_len = bm25::average_length(terms, sentences);
  auto language = [&](const Candidate& c) -> const Language& { return plan.languages[plan.language_of[c.policy]]; };
  std::vector<const TermInfo*> by_k;
  std::vector<BestPair> pairs;
  for (Candidate& c : candidates)
    c.bound = upper_bound(db, c, policies[c.policy], language(c), idf, avg_len, include_chrome, by_k, pairs);
  // Most promising first, in path order among equals: once the best `limit` hold a hit no
  // policy left can beat (a lower bound, or an equal one later in path order), stop. A heap:
  // the few hundred policies scored of 20,000 come out without sorting them all.
  auto later = [](const Candidate& a, const Candidate& b) { return a.bound != b.bound ? a.bound < b.bound : a.policy > b.policy; };
  std::make_heap(candidates.begin(), candidates.end(), later);
  PolicyScorer scorer(db, idf, avg_len, include_chrome);
  PostingsReader reader(db, plan.terms.size());
  Best best(limit);
  for (auto end = candidates.end(); end != candidates.begin(); --end) {
    std::pop_heap(candidates.begin(), end, later);
    const Candidate& c = *(end - 1);
    if (best.full() && (c.bound < best.worst().score || (c.bound == best.worst().score && c.policy > best.worst().policy)))
      break;
    const ListedPolicy& p = policies[c.policy];
    scorer.score(p, c.policy, language(c), reader.rows(c, p, language(c)), best);
  }
  out.hits = best.take();
  return out;
}
}  // namespace policyq::store
