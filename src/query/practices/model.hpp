#pragma once
// The sentence model the practice passes share (internal to practice extraction): the
// words and lexicon matches of one sentence, the matches split by kind, and the word
// classes and clause bounds every pass asks about. Built once per sentence; passes read it
// and never change it.
//
// Conventions of the passes: word positions are indexes into `words`; spans are half-open
// [begin, end); a "mention" is an index into `matches`; a pass names the words W, the
// matches M and the word count n, as the rules are written in those terms.
#include "query/lexicon.hpp"

#include <string_view>
#include <unordered_set>
#include <vector>

namespace policyq::query::passes {

struct SentenceModel {
  std::string_view text;
  const std::vector<Word>& words;
  const std::vector<Match>& matches;
  const Lexicon& lex;
  int n = 0;  // number of words

  // Mentions of each lexicon kind, in match order.
  std::vector<int> actions, negations, modals, conditions, subjects, datas, recipients, purposes;

  SentenceModel(std::string_view text, const std::vector<Word>& words, const std::vector<Match>& matches,
                const Lexicon& lex);

  std::string_view id_of(int mention) const { return lex.entry(matches[static_cast<std::size_t>(mention)].cid).id; }
  // The mention of `kind` (one of the lists above) that covers word k, or -1.
  int covering(const std::vector<int>& kind, int k) const;
  bool covered(const std::vector<int>& kind, int k) const { return covering(kind, k) >= 0; }
  // Does one of `spans` contain match a (strict: and is longer than it)?
  bool inside(const Match& a, const std::vector<int>& spans, bool strict) const;
  // The word before word i that is not punctuation, or -1.
  int prev_word(int i) const;
  // Does the text of word k start with a capital letter?
  bool capitalized(int k) const;

  // Clauses: split at ; . : ! ? "but", "however", "whereas", except a parenthetical
  // ", however," ("They may, however, use ...") which breaks nothing.
  bool breaks_clause(int k) const;
  int clause_start(int i) const;  // first word of the clause of word i
  int clause_end(int i) const;    // the clause mark at or after word i, or n
  // A subject ending at word subject_end defines the data right before it ("the
  // information (that) we collect", "information they collect"): a relative clause.
  bool defines_data(int subject_end) const;
};

// Word classes the rules share.
// Words allowed between a negation or modal and the verb it governs.
const std::unordered_set<std::string_view>& skip_words();
// Words before an action that make it a noun ("the use", "our disclosure", "for sale").
const std::unordered_set<std::string_view>& determiners();
bool is_be(std::string_view w);
// "prohibited from using", "restricted from sharing": a denial without a negation word
bool is_barring(std::string_view w);
// A clause mark by itself, without the parenthetical "however" exception of breaks_clause.
bool is_clause_mark(const Word& w);

}  // namespace policyq::query::passes
