#include "store/stating_policies.hpp"
#include "index/stored_terms.hpp"
#include "text/analyzer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace policyq::store {
namespace {

// "?1, ?2, …" for n values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 1; i <= n; ++i) out += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return out;
}

// Stored concept ids back to the lexicon's numbers (ids this lexicon lacks are dropped:
// the caller only trusts a database analysed with these rules, where none is lacking).
class ConceptNumbers {
public:
  explicit ConceptNumbers(const query::Lexicon& lex) : lex_(lex) {}
  int of(query::Kind kind, std::string_view id) {
    std::string key = std::string(query::to_string(kind)) + ":" + std::string(id);
    auto it = numbers_.find(key);
    if (it == numbers_.end()) it = numbers_.emplace(key, lex_.find(kind, id)).first;
    return it->second;
  }

private:
  const query::Lexicon& lex_;
  std::unordered_map<std::string, int> numbers_;
};

// The practice stored in a row of practices, as far as states_asked_practice reads it,
// without its concepts (add_concepts).
query::Practice stored_practice(std::string_view action, std::string_view actor, std::string_view polarity,
                                std::string_view conditions) {
  query::Practice p;
  p.action = action;
  p.actor = actor;
  p.negative = polarity == "negative";
  nlohmann::json c = nlohmann::json::parse(conditions, nullptr, false);
  if (c.is_array())
    for (const auto& v : c)
      if (v.is_string()) p.conditions.push_back(v.get<std::string>());
  return p;
}

// The data, recipients and purposes of practice row id.
void add_concepts(query::Practice& p, Statement& concepts, std::int64_t id, ConceptNumbers& numbers) {
  concepts.reset();
  concepts.bind(1, id);
  while (concepts.step()) {
    std::string_view role = concepts.text_at(0);
    query::Kind kind = role == "data" ? query::Kind::data : role == "recipient" ? query::Kind::recipient : query::Kind::purpose;
    int n = numbers.of(kind, concepts.text_at(1));
    if (n < 0) continue;
    (kind == query::Kind::data ? p.data : kind == query::Kind::recipient ? p.recipient : p.purpose).push_back(n);
  }
}

// English and undetermined policies (the languages `ask` answers in: answers_questions_in),
// with their sentence counts.
std::unordered_map<std::int64_t, std::size_t> answered_policies(Connection& db) {
  std::unordered_map<std::int64_t, std::size_t> out;
  Statement s = db.prepare("SELECT id, sentence_count FROM policies INDEXED BY policies_listing"
                           " WHERE language IN ('en', 'und')");
  while (s.step()) out.emplace(s.int_at(0), static_cast<std::size_t>(s.int_at(1)));
  return out;
}

using SentenceSets = std::unordered_map<std::int64_t, std::unordered_set<int>>;

// The sentences of each answered policy that hold one of words, from the stored postings.
// nullopt when one of them is a stop word, which the index does not store.
std::optional<SentenceSets> sentences_holding(Connection& db, const std::vector<std::string>& words,
                                              const std::unordered_map<std::int64_t, std::size_t>& answered) {
  // As index stemmed them: English, the language of every policy answered.
  Analyzer english("en");
  std::unordered_set<std::string> terms;
  for (const std::string& w : words) {
    if (english.is_stop(w)) return std::nullopt;
    terms.insert(english.stem(w));
  }
  SentenceSets out;
  Statement s = db.prepare("SELECT t.policy_id, p.postings FROM search_terms t JOIN search_postings p ON p.id = t.postings_id"
                           " WHERE t.term = ?1");
  for (const std::string& term : terms) {
    s.reset();
    s.bind(1, term);
    while (s.step()) {
      auto policy = answered.find(s.int_at(0));
      if (policy == answered.end()) continue;
      std::unordered_set<int>& sentences = out[policy->first];
      PostingReader reader(s.blob_at(1), policy->second);
      for (StoredPosting posting; reader.next(posting);) sentences.insert(posting.sentence);
      if (reader.damaged()) sentences.insert(-1);  // unreadable: as if it held them all
    }
  }
  return out;
}

// The answered policies with a sentence holding a word of every group.
std::unordered_set<std::int64_t> policies_with_sentence(Connection& db, const std::vector<std::vector<std::string>>& groups,
                                                        const std::unordered_map<std::int64_t, std::size_t>& answered) {
  std::unordered_set<std::int64_t> out;
  std::optional<SentenceSets> common;
  for (const std::vector<std::string>& group : groups) {
    std::optional<SentenceSets> holding = sentences_holding(db, group, answered);
    if (!holding) continue;  // a stop word: this group cannot narrow the sentences
    if (!common) {
      common = std::move(holding);
      continue;
    }
    for (auto it = common->begin(); it != common->end();) {
      auto other = holding->find(it->first);
      if (other == holding->end()) {
        it = common->erase(it);
        continue;
      }
      const bool damaged = it->second.count(-1) || other->second.count(-1);
      std::erase_if(it->second, [&](int sentence) { return !damaged && !other->second.count(sentence); });
      it = it->second.empty() ? common->erase(it) : std::next(it);
    }
  }
  if (!common) {  // no group could be looked up: every answered policy may hold them
    for (const auto& [id, sentences] : answered) out.insert(id);
    return out;
  }
  for (const auto& [id, sentences] : *common) out.insert(id);
  return out;
}
}  // namespace

std::unordered_set<std::int64_t> policies_that_may_state(Connection& db, const query::Question& q,
                                                         const query::StatingTest& test, const query::Lexicon& lex) {
  const std::unordered_map<std::int64_t, std::size_t> answered = answered_policies(db);
  std::unordered_set<std::int64_t> out;
  if (!test.actions.empty()) {
    std::string sql = "SELECT policy_id, id, action, actor, polarity, conditions FROM practices INDEXED BY practices_action"
                      " WHERE action IN (" + placeholders(test.actions.size()) + ")";
    Statement s = db.prepare(sql.c_str());
    for (std::size_t i = 0; i < test.actions.size(); ++i) s.bind(static_cast<int>(i + 1), test.actions[i]);
    Statement concepts = db.prepare("SELECT role, concept FROM practice_concepts WHERE practice_id = ?1");
    ConceptNumbers numbers(lex);
    while (s.step()) {
      const std::int64_t policy = s.int_at(0);
      if (out.count(policy) || !answered.count(policy)) continue;
      query::Practice p = stored_practice(s.text_at(2), s.text_at(3), s.text_at(4), s.text_at(5));
      // Concepts only ever take a statement away (a business transfer is no sale): they
      // are read for the practices that state the asked one without them.
      if (!query::states_asked_practice(q, p, lex)) continue;
      add_concepts(p, concepts, s.int_at(1), numbers);
      if (query::states_asked_practice(q, p, lex)) out.insert(policy);
    }
  }
  if (!test.sentence_words.empty()) out.merge(policies_with_sentence(db, test.sentence_words, answered));
  return out;
}
}  // namespace policyq::store
