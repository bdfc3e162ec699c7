#include "query/topic_snapshot.hpp"

#include "query/answer.hpp"
#include "util/bytes.hpp"

#include <unordered_map>

namespace policyq::query {
namespace {
constexpr std::uint32_t magic = 0x31435450;  // "PTC1"
}

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
  body.u32(static_cast<std::uint32_t>(facts.size()));
  for (const SentenceFacts& f : facts) {
    body.u32(static_cast<std::uint32_t>(f.words.size()));
    for (const Word& w : f.words) {
      body.u32(id_of(w.folded));
      body.u32(id_of(w.stem));
      body.u32(static_cast<std::uint32_t>(w.begin));
      body.u32(static_cast<std::uint32_t>(w.end));
      body.u32(w.punct ? 1 : 0);
    }
    body.u32(static_cast<std::uint32_t>(f.matches.size()));
    for (const Match& m : f.matches) {
      body.i32(m.cid);
      body.i32(m.begin);
      body.i32(m.end);
      body.f64(m.weight);
      body.u32(m.nominal ? 1 : 0);
    }
  }
  ByteWriter w;
  w.u32(magic);
  w.u32(static_cast<std::uint32_t>(table.size()));
  for (std::string_view s : table) w.str(s);
  w.out += body.out;
  return std::move(w.out);
}

bool deserialize_topic_facts(std::string_view bytes, const Document& doc, const Lexicon& lex,
                             std::vector<SentenceFacts>& out) {
  ByteReader r{bytes};
  if (r.u32() != magic) return false;
  std::vector<std::string_view> table(r.count(4));
  for (auto& s : table) s = r.str();
  std::vector<int> sids(table.size(), -1);  // stem ids, interned on first use
  if (r.u32() != doc.sentences.size() || !r.ok) return false;
  std::vector<SentenceFacts> facts(doc.sentences.size());
  const auto n_concepts = static_cast<int>(lex.concepts().size());
  for (std::size_t s = 0; s < facts.size() && r.ok; ++s) {
    SentenceFacts& f = facts[s];
    const std::size_t text_size = doc.sentences[s].text.size();
    f.words.resize(r.count(20));
    for (Word& w : f.words) {
      std::uint32_t folded = r.u32(), stem = r.u32();
      w.begin = r.u32();
      w.end = r.u32();
      w.punct = r.u32() != 0;
      if (folded >= table.size() || stem >= table.size() || w.begin > w.end || w.end > text_size) {
        r.ok = false;
        break;
      }
      w.folded.assign(table[folded]);
      w.stem.assign(table[stem]);
      if (!w.punct) {
        if (sids[stem] < 0) sids[stem] = stem_id(w.stem);
        w.sid = sids[stem];
      }
    }
    f.matches.resize(r.count(24));
    for (Match& m : f.matches) {
      m.cid = r.i32();
      m.begin = r.i32();
      m.end = r.i32();
      m.weight = r.f64();
      m.nominal = r.u32() != 0;
      if (m.cid < 0 || m.cid >= n_concepts || m.begin < 0 || m.begin >= m.end ||
          m.end > static_cast<int>(f.words.size())) {
        r.ok = false;
        break;
      }
    }
    add_topics(f, lex);
  }
  if (!r.done()) return false;
  out = std::move(facts);
  return true;
}

}  // namespace policyq::query
