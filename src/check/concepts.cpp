#include "check/concepts.hpp"
#include "query/practices.hpp"
#include <algorithm>

namespace policyq::check {

int concept_for(query::Kind kind, const std::string& text) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  std::string id = text;
  std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(c)); });
  if (int c = lex.find(kind, id); c >= 0) return c;
  std::vector<query::Word> words = query::tokenize(text);
  for (const query::Match& m : lex.match(words, true))
    if (lex.entry(m.cid).kind == kind) return m.cid;
  return -1;
}

bool related(int a, int b) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  return lex.is_a(a, b) || lex.is_a(b, a);
}

bool action_covers(const std::string& rule_action, const std::string& practice_action) {
  if (rule_action == practice_action) return true;
  if (rule_action == "share" || rule_action == "disclose") return query::is_share_action(practice_action);
  if (rule_action == "collect") return query::is_collect_action(practice_action);
  return false;
}
}
