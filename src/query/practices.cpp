// Practice extraction: analyze_sentence runs the passes of src/query/practices/ over one
// sentence model. passes.hpp lists them in order and says what each one reads and writes.
#include "query/practices.hpp"

#include "query/practices/passes.hpp"

#include <algorithm>

namespace policyq::query {
// Word comparisons against literals as string_views: the length is checked first.
using std::string_view_literals::operator""sv;

bool is_share_action(std::string_view a) {
  return a == "share" || a == "disclose" || a == "sell" || a == "rent" || a == "trade" || a == "transfer";
}
bool do_not_track_is_verb(const std::vector<Word>& words, std::size_t at) {
  if (at + 2 >= words.size() || words[at].folded != "do" || words[at + 1].folded != "not" || words[at + 2].folded != "track")
    return false;
  if (at + 3 < words.size()) {
    const std::string& next = words[at + 3].folded;
    if (next == "signal" || next == "signals" || next == "request" || next == "requests" || next == "setting" ||
        next == "settings" || next == "preference" || next == "preferences" || next == "mechanism" ||
        next == "mechanisms" || next == "feature" || next == "features" || next == "option" || next == "standard")
      return false;
  }
  if (at == 0) return false;
  const std::string& before = words[at - 1].folded;
  return before == "we" || before == "they" || before == "who" || before == "which" || before == "that" || before == "it" ||
         before == "currently" || before == "also" || before == "generally" || before == "i";
}

const std::vector<std::string>& collect_actions() {
  static const std::vector<std::string> actions = {"collect", "use", "receive", "obtain", "process", "store", "retain", "access"};
  return actions;
}

bool is_collect_action(std::string_view a) {
  const std::vector<std::string>& actions = collect_actions();
  return std::find(actions.begin(), actions.end(), a) != actions.end();
}

void add_topics(SentenceFacts& f, const Lexicon& lex) {
  for (const Match& m : f.matches) {
    const Concept& c = lex.entry(m.cid);
    if (c.kind == Kind::data || c.kind == Kind::recipient || c.kind == Kind::purpose) {
      f.concepts.push_back(m.cid);
    } else if (c.kind == Kind::intent) {
      auto it = std::find(f.intents.begin(), f.intents.end(), m.cid);
      if (it == f.intents.end()) {
        f.intents.push_back(m.cid);
        f.intent_hits.push_back(1);
      } else {
        ++f.intent_hits[static_cast<std::size_t>(it - f.intents.begin())];
      }
    } else if (c.kind == Kind::negation) {
      f.has_negation = true;
    }
  }
}

SentenceFacts analyze_sentence(std::string_view text, const Lexicon& lex) {
  std::vector<Word> words = tokenize(text);
  std::vector<Match> matches = lex.match(words, false);
  return analyze_sentence(text, std::move(words), std::move(matches), lex);
}

SentenceFacts analyze_sentence(std::string_view text, std::vector<Word> words, std::vector<Match> matches,
                               const Lexicon& lex) {
  using namespace passes;
  SentenceFacts f;
  f.words = std::move(words);
  f.matches = std::move(matches);

  add_topics(f, lex);
  f.analyzed = true;
  const SentenceModel s(text, f.words, f.matches, lex);
  f.periods = find_periods(text, f.words);

  const std::vector<ActionGroup> groups = group_coordinated_verbs(s, find_action_verbs(s));
  // Each group is read in order; a group that states nothing (`continue`) leaves `prev` to
  // the group before it, as "it", an infinitive or a chained verb refer back past it.
  PreviousGroup prev;
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const ActionGroup& g = groups[gi];
    const Clause clause = find_clause(s, groups, gi);
    Reading r;
    read_polarity_and_modality(s, g, clause, r);
    find_actor(s, g, clause, prev, r);
    if (describes_without_stating(s, g, clause, r.negative)) continue;
    if (!attach_objects(s, groups, gi, clause, prev, r)) continue;
    attach_conditions(s, clause, r);
    // (scope and excepted data see the denial before a chained verb inherits one)
    limit_denial_scope(s, g, clause, r);
    split_off_excepted_data(s, g, clause, r);
    dedupe_objects(r);
    carry_denial_to_chained_verb(s, groups, gi, clause, prev, r);
    prev = PreviousGroup{r.negative, r.actor, r.joint, r.data};
    add_group_practices(s, g, clause, r, f.periods, f.practices);
  }
  add_visibility_practices(s, f.practices);  // reads the group practices: a clause's share is not repeated
  if (f.practices.empty()) add_verbless_lists(s, f.practices);
  return f;
}

}  // namespace policyq::query
