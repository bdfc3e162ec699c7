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

// Document frequency of each term over the selected policies whose language searches it,
// as CorpusStats sums it document by document.
std::vector<std::size_t> document_frequencies(Connection& db, const Plan& plan, const std::vector<std::int32_t>& at) {
  std::vector<std::size_t> df(plan.terms.size(), 0);
  Statement s = db.prepare("SELECT policy_id, sentences FROM term_postings WHERE term = ?1");
  for (std::size_t t = 0; t < plan.terms.size(); ++t) {
    s.reset();
    s.bind(1, plan.terms[t]);
    while (s.step()) {
      std::int32_t i = listed(at, s.int_at(0));
      if (i >= 0 && plan.uses[plan.language_of[static_cast<std::size_t>(i)]][t]) df[t] += static_cast<std::size_t>(s.int_at(1));
    }
  }
  return df;
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
  PolicyScorer(const std::vector<double>& idf, double avg_len, bool include_chrome)
      : idf_(idf), avg_len_(avg_len), include_chrome_(include_chrome) {}

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
    if (!read_sections(row.sections, sections_[k])) damaged(p);
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
    if (reader.damaged()) damaged(p);
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

  [[noreturn]] static void damaged(const ListedPolicy& p) {
    throw Error(p.path, 0, "its search postings in the database are damaged: run policyq index --force again");
  }

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

// One cursor per distinct term over its rows in policy id order (the primary key's), so the
// rows of one policy arrive together and each blob is read once, in place.
class RowMerge {
public:
  RowMerge(Connection& db, const std::vector<std::string>& terms) {
    for (const std::string& t : terms) {
      cursors_.push_back(db.prepare("SELECT policy_id, postings, sections FROM term_postings WHERE term = ?1 ORDER BY policy_id"));
      cursors_.back().bind(1, t);
      live_.push_back(cursors_.back().step());
    }
  }
  // The smallest policy id among the cursors; false when all are done.
  bool current(std::int64_t& id) const {
    bool any = false;
    for (std::size_t t = 0; t < cursors_.size(); ++t)
      if (live_[t] && (!any || cursors_[t].int_at(0) < id)) id = cursors_[t].int_at(0), any = true;
    return any;
  }
  bool at(std::size_t t, std::int64_t id) const { return live_[t] && cursors_[t].int_at(0) == id; }
  TermRow row(std::size_t t) const { return {true, cursors_[t].blob_at(1), cursors_[t].blob_at(2)}; }
  void advance(std::int64_t id) {
    for (std::size_t t = 0; t < cursors_.size(); ++t)
      if (at(t, id)) live_[t] = cursors_[t].step();
  }

private:
  std::vector<Statement> cursors_;
  std::vector<bool> live_;
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
  std::vector<std::int32_t> at = positions_by_id(policies);
  std::vector<std::size_t> df = document_frequencies(db, plan, at);
  std::vector<double> idf;
  for (std::size_t d : df) idf.push_back(bm25::idf(sentences, d));
  PolicyScorer scorer(idf, bm25::average_length(terms, sentences), include_chrome);
  Best best(limit);
  RowMerge merge(db, plan.terms);
  std::vector<TermRow> rows;
  for (std::int64_t id = 0; merge.current(id); merge.advance(id)) {
    std::int32_t i = listed(at, id);
    if (i < 0) continue;
    const Language& l = plan.languages[plan.language_of[static_cast<std::size_t>(i)]];
    rows.assign(l.q.terms.size(), TermRow{});
    bool any = false;
    for (std::size_t k = 0; k < l.q.terms.size(); ++k)
      if (merge.at(l.term_slot[k], id)) rows[k] = merge.row(l.term_slot[k]), any = true;
    if (any) scorer.score(policies[static_cast<std::size_t>(i)], static_cast<std::size_t>(i), l, rows, best);
  }
  out.hits = best.take();
  return out;
}
}  // namespace policyq::store
