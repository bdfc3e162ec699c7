#include "query/lists.hpp"

#include "query/labels.hpp"

#include <algorithm>
#include <map>

namespace policyq::query {

std::vector<Item> list_items(AnswerKind kind, const Question& q, const Document& doc,
                             const std::vector<SentenceFacts>& facts, const Lexicon& lex) {
  (void)q;
  std::map<int, Item> by_concept;
  std::vector<int> order;
  for (std::size_t s = 0; s < facts.size() && s < doc.sentences.size(); ++s) {
    for (const Practice& p : facts[s].practices) {
      if (p.negative) continue;
      const std::vector<int>* concepts = nullptr;
      if (kind == AnswerKind::data_list && is_collect_action(p.action) && p.actor == "first_party") concepts = &p.data;
      else if (kind == AnswerKind::recipient_list && is_share_action(p.action)) concepts = &p.recipient;
      else if (kind == AnswerKind::purpose_list) concepts = &p.purpose;
      if (!concepts) continue;
      for (int c : *concepts) {
        if (lex.entry(c).generic) continue;
        auto [it, fresh] = by_concept.try_emplace(c, Item{plain_label(lex, c), lex.entry(c).id, {}});
        if (fresh) order.push_back(c);
        if (it->second.sentences.empty() || it->second.sentences.back() != static_cast<int>(s))
          it->second.sentences.push_back(static_cast<int>(s));
      }
    }
  }
  std::vector<Item> out;
  for (int c : order) out.push_back(by_concept[c]);
  std::stable_sort(out.begin(), out.end(), [](const Item& a, const Item& b) { return a.sentences.size() > b.sentences.size(); });
  return out;
}

}  // namespace policyq::query
