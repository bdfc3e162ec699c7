#include "query/topic_snapshot.hpp"

#include "query/answer.hpp"
#include "util/bytes.hpp"
#include "util/cache.hpp"
#include "util/prebuilt.hpp"

#include <unordered_map>

namespace policyq::query {
namespace {
constexpr std::uint32_t magic = 0x32435450;  // "PTC2"

void put_periods(ByteWriter& w, const std::vector<Period>& periods) {
  w.put<std::uint64_t>(periods.size());
  for (const Period& p : periods) {
    w.put_string(p.kind);
    w.put_string(p.text);
    w.put_string(p.iso);
    w.put<std::uint64_t>(p.begin);
    w.put<std::uint64_t>(p.end);
    w.put<std::int32_t>(p.line);
  }
}

bool get_periods(ByteReader& r, std::size_t text_size, std::vector<Period>& periods) {
  std::size_t n = 0;
  if (!r.get_count(n, 44)) return false;
  periods.resize(n);
  for (Period& p : periods) {
    std::uint64_t begin = 0, end = 0;
    if (!r.get_string(p.kind) || !r.get_string(p.text) || !r.get_string(p.iso) || !r.get(begin) || !r.get(end) ||
        !r.get(p.line))
      return false;
    if (begin > end || end > text_size) return false;
    p.begin = begin;
    p.end = end;
  }
  return true;
}

bool get_concepts(ByteReader& r, int n_concepts, std::vector<int>& out) {
  std::vector<std::int32_t> v;
  if (!r.get_array(v)) return false;
  for (std::int32_t c : v)
    if (c < 0 || c >= n_concepts) return false;
  out.assign(v.begin(), v.end());
  return true;
}
}  // namespace

std::string serialize_topic_facts(const std::vector<SentenceFacts>& facts) {
  // Words repeat: each distinct folded form or stem is written once, words refer to it.
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::string_view> table;
  auto id_of = [&](std::string_view s) {
    auto [it, added] = ids.try_emplace(s, static_cast<std::uint32_t>(table.size()));
    if (added) table.push_back(s);
    return it->second;
  };
  ByteWriter body;
  body.put<std::uint64_t>(facts.size());
  for (const SentenceFacts& f : facts) {
    body.put<std::uint64_t>(f.words.size());
    for (const Word& w : f.words) {
      body.put<std::uint32_t>(id_of(w.folded));
      body.put<std::uint32_t>(id_of(w.stem));
      body.put<std::uint32_t>(static_cast<std::uint32_t>(w.begin));
      body.put<std::uint32_t>(static_cast<std::uint32_t>(w.end));
      body.put<std::uint8_t>(w.punct ? 1 : 0);
    }
    body.put<std::uint64_t>(f.matches.size());
    for (const Match& m : f.matches) {
      body.put<std::int32_t>(m.cid);
      body.put<std::int32_t>(m.begin);
      body.put<std::int32_t>(m.end);
      body.put<double>(m.weight);
      body.put<std::uint8_t>(m.nominal ? 1 : 0);
    }
    // Practices and periods, for facts analysed already (answer_facts).
    body.put<std::uint8_t>(f.analyzed ? 1 : 0);
    if (!f.analyzed) continue;
    put_periods(body, f.periods);
    body.put<std::uint64_t>(f.practices.size());
    for (const Practice& p : f.practices) {
      body.put_string(p.action);
      body.put_string(p.actor);
      for (const auto* concepts : {&p.data, &p.recipient, &p.purpose})
        body.put_array(std::vector<std::int32_t>(concepts->begin(), concepts->end()));
      body.put<std::uint8_t>(p.negative ? 1 : 0);
      body.put_string(p.modality);
      body.put<std::uint64_t>(p.conditions.size());
      for (const std::string& c : p.conditions) body.put_string(c);
      body.put_string(p.scope);
      put_periods(body, p.periods);
      body.put<std::uint64_t>(p.begin);
      body.put<std::uint64_t>(p.end);
    }
  }
  ByteWriter w;
  w.put<std::uint32_t>(magic);
  w.put<std::uint64_t>(table.size());
  for (std::string_view s : table) w.put_string(s);
  std::string out = w.take();
  out += body.take();
  return out;
}

bool deserialize_topic_facts(std::string_view bytes, const Document& doc, const Lexicon& lex,
                             std::vector<SentenceFacts>& out) {
  ByteReader r(bytes);
  std::uint32_t m = 0;
  std::size_t n = 0;
  if (!r.get(m) || m != magic || !r.get_count(n, 8)) return false;
  std::vector<std::string_view> table(n);
  for (auto& s : table)
    if (!r.get_view(s)) return false;
  std::vector<int> sids(table.size(), -1);  // stem ids, interned on first use
  if (!r.get_count(n, 16) || n != doc.sentences.size()) return false;
  std::vector<SentenceFacts> facts(n);
  const auto n_concepts = static_cast<int>(lex.concepts().size());
  for (std::size_t s = 0; s < facts.size(); ++s) {
    SentenceFacts& f = facts[s];
    const std::size_t text_size = doc.sentences[s].text.size();
    if (!r.get_count(n, 17)) return false;
    f.words.resize(n);
    for (Word& w : f.words) {
      std::uint32_t folded = 0, stem = 0, begin = 0, end = 0;
      std::uint8_t punct = 0;
      if (!r.get(folded) || !r.get(stem) || !r.get(begin) || !r.get(end) || !r.get(punct)) return false;
      if (folded >= table.size() || stem >= table.size() || begin > end || end > text_size) return false;
      w.folded.assign(table[folded]);
      w.stem.assign(table[stem]);
      w.begin = begin;
      w.end = end;
      w.punct = punct != 0;
      if (!w.punct) {
        if (sids[stem] < 0) sids[stem] = stem_id(w.stem);
        w.sid = sids[stem];
      }
    }
    if (!r.get_count(n, 21)) return false;
    f.matches.resize(n);
    for (Match& x : f.matches) {
      std::uint8_t nominal = 0;
      if (!r.get(x.cid) || !r.get(x.begin) || !r.get(x.end) || !r.get(x.weight) || !r.get(nominal)) return false;
      x.nominal = nominal != 0;
      if (x.cid < 0 || x.cid >= n_concepts || x.begin < 0 || x.begin >= x.end || x.end > static_cast<int>(f.words.size()))
        return false;
    }
    add_topics(f, lex);
    std::uint8_t analyzed = 0;
    if (!r.get(analyzed) || analyzed > 1) return false;
    if (!analyzed) continue;
    f.analyzed = true;
    if (!get_periods(r, text_size, f.periods) || !r.get_count(n, 40)) return false;
    f.practices.resize(n);
    for (Practice& p : f.practices) {
      std::uint8_t negative = 0;
      std::uint64_t begin = 0, end = 0;
      if (!r.get_string(p.action) || !r.get_string(p.actor) || !get_concepts(r, n_concepts, p.data) ||
          !get_concepts(r, n_concepts, p.recipient) || !get_concepts(r, n_concepts, p.purpose) || !r.get(negative) ||
          negative > 1 || !r.get_string(p.modality) || !r.get_count(n, 8))
        return false;
      p.negative = negative != 0;
      p.conditions.resize(n);
      for (std::string& c : p.conditions)
        if (!r.get_string(c)) return false;
      if (!r.get_string(p.scope) || !get_periods(r, text_size, p.periods) || !r.get(begin) || !r.get(end) ||
          begin > end || end > text_size)
        return false;
      p.begin = begin;
      p.end = end;
    }
  }
  if (!r.at_end()) return false;
  out = std::move(facts);
  return true;
}

std::vector<SentenceFacts> cached_topic_facts(const Document& doc, const Lexicon& lex) {
  const bool builtin = doc.content_hash != 0 && &lex == &Lexicon::builtin();
  if (builtin)
    if (std::optional<std::string_view> bytes = prebuilt("facts", doc.content_hash)) {
      std::vector<SentenceFacts> facts;
      if (deserialize_topic_facts(*bytes, doc, lex, facts)) return facts;
    }
  const bool cacheable = builtin && cache_enabled();
  if (cacheable) {
    std::vector<SentenceFacts> facts;
    if (std::optional<std::string> bytes = cache_get("facts", doc.content_hash))
      if (deserialize_topic_facts(*bytes, doc, lex, facts)) {
        // Asked about again: this time extract the practices of every sentence that may
        // state one and keep them, so later questions extract nothing. (A first question
        // extracts only its candidates'.)
        if (complete_answer_facts(doc, facts, lex) > 0) cache_put("facts", doc.content_hash, serialize_topic_facts(facts));
        return facts;
      }
  }
  std::vector<SentenceFacts> facts = topic_facts(doc, lex);
  if (cacheable) cache_put("facts", doc.content_hash, serialize_topic_facts(facts));
  return facts;
}

}  // namespace policyq::query
