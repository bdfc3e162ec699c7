#include "query/practices/model.hpp"
#include "query/practices.hpp"

#include <cctype>
#include <string_view>
#include <unordered_set>

namespace policyq::query::passes {
using std::string_view_literals::operator""sv;

namespace {
// French "ne" / "n'" denies only with the word that closes it ("ne … pas", "n'… jamais",
// "ne … aucune donnée"); "ne … que" restricts ("nous n'utilisons que les données
// nécessaires": we use only those). Other negation cues deny as they are.
bool french_ne_denies(const std::vector<Word>& words, std::size_t at) {
  const std::string& w = words[at].folded;
  if (w != "ne" && w != "n") return true;
  static const std::unordered_set<std::string_view> closers{"pas", "jamais", "plus", "aucun", "aucune", "rien",
                                                            "nullement", "point", "ni", "personne", "gu\xC3\xA8re"};
  for (std::size_t k = at + 1; k < words.size() && k <= at + 8; ++k) {
    const std::string& x = words[k].folded;
    if (x == "que" || x == "qu") return false;
    if (closers.count(x)) return true;
    if (words[k].punct && x != "'" && x != "\xE2\x80\x99") return false;
  }
  return false;
}
}  // namespace

SentenceModel::SentenceModel(std::string_view text_, const std::vector<Word>& words_,
                             const std::vector<Match>& matches_, const Lexicon& lex_)
    : text(text_), words(words_), matches(matches_), lex(lex_), n(static_cast<int>(words_.size())) {
  for (int i = 0; i < static_cast<int>(matches.size()); ++i) {
    switch (lex.entry(matches[static_cast<std::size_t>(i)].cid).kind) {
      case Kind::action: actions.push_back(i); break;
      case Kind::negation:
        if (french_ne_denies(words, static_cast<std::size_t>(matches[static_cast<std::size_t>(i)].begin))) negations.push_back(i);
        break;
      case Kind::modality: modals.push_back(i); break;
      case Kind::condition: conditions.push_back(i); break;
      case Kind::subject: subjects.push_back(i); break;
      case Kind::data:
        // "we do not track you": a denied verb, not the Do Not Track signal.
        if (lex.entry(matches[static_cast<std::size_t>(i)].cid).id == "dnt_signal" &&
            do_not_track_is_verb(words, static_cast<std::size_t>(matches[static_cast<std::size_t>(i)].begin)))
          break;
        datas.push_back(i);
        break;
      case Kind::recipient: recipients.push_back(i); break;
      case Kind::purpose: purposes.push_back(i); break;
      default: break;
    }
  }
}

bool SentenceModel::defines_data(int subject_end) const {
  for (int sj : subjects) {
    if (matches[sj].end != subject_end) continue;
    int j = matches[sj].begin - 1;
    if (j >= 0 && (words[static_cast<std::size_t>(j)].folded == "that"sv || words[static_cast<std::size_t>(j)].folded == "which"sv)) --j;
    for (int d : datas)
      if (matches[d].end == j + 1) return true;
  }
  return false;
}

int SentenceModel::covering(const std::vector<int>& kind, int k) const {
  for (int x : kind)
    if (matches[x].begin <= k && k < matches[x].end) return x;
  return -1;
}

bool SentenceModel::inside(const Match& a, const std::vector<int>& spans, bool strict) const {
  for (int s : spans) {
    const Match& b = matches[s];
    if (a.begin >= b.begin && a.end <= b.end && (!strict || b.end - b.begin > a.end - a.begin)) return true;
  }
  return false;
}

int SentenceModel::prev_word(int i) const {
  for (int k = i - 1; k >= 0; --k)
    if (!words[k].punct) return k;
  return -1;
}

bool SentenceModel::capitalized(int k) const {
  const std::size_t at = words[k].begin;
  return at < text.size() && std::isupper(static_cast<unsigned char>(text[at]));
}

bool SentenceModel::breaks_clause(int k) const {
  const auto& W = words;
  if (!is_clause_mark(W[k])) return false;
  if (W[k].folded == "however"sv && k > 0 && k + 1 < n && W[k - 1].folded == ","sv && W[k + 1].folded == ","sv) {
    int pw = k - 2;
    if (pw >= 0 && !W[pw].punct) return false;
  }
  return true;
}

int SentenceModel::clause_start(int i) const {
  for (int k = i - 1; k >= 0; --k)
    if (breaks_clause(k)) return k + 1;
  return 0;
}

int SentenceModel::clause_end(int i) const {
  for (int k = i; k < n; ++k)
    if (breaks_clause(k)) return k;
  return n;
}

const std::unordered_set<std::string_view>& skip_words() {
  static const std::unordered_set<std::string_view> s{
      "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
      "be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "ever", "knowingly",
      "intentionally", "willfully", "wilfully", "otherwise", "directly", "also", "actively", "generally",
      "currently", "presently", "routinely", "typically", "normally", "further", "then", "not", "never",
      "either", "neither", "nor", "automatically", "only", "voluntarily", "deliberately", "specifically",
      "in", "any", "way", "ourselves", "themselves", "it", "to", "need", "want", "try", "seek", "sell", "rent",
      "able", "unable", "continue", "choose", "designed", "configured", "equipped", "built", "setup", "decide", "elect", "permitted", "allowed", "authorized", "authorised", "entitled", "likely", "free",
      // French auxiliaries and adverbs between a subject and its verb ("nous pouvons également collecter")
      "\xC3\xA9galement", "aussi", "pas", "jamais", "ne", "n", "y", "en", "les", "leur", "leurs", "vous"};
  return s;
}

const std::unordered_set<std::string_view>& determiners() {
  static const std::unordered_set<std::string_view> s{
      "the", "a", "an", "for", "of", "your", "our", "its", "their", "such", "any", "this", "that", "these",
      "those", "his", "her", "my", "promotional", "commercial", "personal", "acceptable", "internal",
      "fair", "lawful", "permitted", "authorized", "unauthorized", "secondary", "further", "own", "no",
      "restrict", "limit", "prohibit", "whose", "which", "what", "in", "on", "by", "from", "upon", "if",
      "third", "party's", "company's", "'s", "retail", "grocery", "physical", "online", "app"};
  return s;
}

bool is_be(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being" ||
         w == "get" || w == "gets" ||
         // French "être": "des données de navigation sont transmises à ces partenaires"
         w == "est" || w == "sont" || w == "sera" || w == "seront" || w == "\xC3\xAAtre" || w == "\xC3\xA9t\xC3\xA9";
}

bool is_barring(std::string_view w) {
  return w == "prohibited" || w == "restricted" || w == "barred" || w == "precluded" || w == "forbidden";
}

bool is_clause_mark(const Word& w) {
  if (w.punct) return w.folded == ";"sv || w.folded == "."sv || w.folded == ":"sv || w.folded == "!"sv || w.folded == "?"sv;
  return w.folded == "but"sv || w.folded == "however"sv || w.folded == "whereas"sv;
}

}  // namespace policyq::query::passes
