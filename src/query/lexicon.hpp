#pragma once
// The privacy lexicon: concepts (data types, recipients, purposes), actions, intent cues,
// negation / modality / condition cues, compiled once from the TSV files embedded from
// src/query/lexicon/ into a phrase table keyed by the first stemmed word.
//
// Words are matched case-folded and stemmed (English Snowball, after an irregular-form
// table: "sold" -> "sell"), so a phrase "share" matches "shares", "shared", "sharing".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace policyq::query {

// One word (or punctuation mark) of a text.
struct Word {
  std::string folded;      // lower-cased surface form ("sharing"); punctuation: the mark
  std::string stem;        // what phrases match ("share")
  int sid = -1;            // the stem's interned id (stem_id), what the phrase table compares
  std::size_t begin = 0;   // byte offsets into the text
  std::size_t end = 0;
  bool punct = false;      // , ; : ( ) . ! ? and similar
};

// Splits text into words: letters/digits runs (hyphens and slashes split words),
// contractions expanded ("don't" -> do not, "won't" -> will not), punctuation kept as
// separate marks. Non-ASCII letters are kept inside words; curly quotes are normalised.
std::vector<Word> tokenize(std::string_view text);

// Stem of one lower-case word (irregular forms mapped first). Cached.
const std::string& stem_word(const std::string& folded);
// The interned id of a stem: equal stems, equal ids (process-wide, never reused).
int stem_id(const std::string& stem);
// The stem tables above are filled on first sight of each word and shared by the whole
// process. Commands run on one thread and take no lock; a program that tokenizes on
// several threads (index's workers) calls this first, once, before starting them.
void share_stem_tables_between_threads();

// expansion: words policies use for what a question says plainly ("choices" -> "opt out
// unsubscribe …"); the concept's id is the text added to the question's search.
enum class Kind { data, recipient, purpose, action, intent, condition, negation, modality, subject, expansion, count };
const char* to_string(Kind kind);

struct Concept {
  std::string id;
  Kind kind = Kind::data;
  int parent = -1;          // index of the parent concept (same kind), -1 for a root
  bool generic = false;     // too broad to confirm a question about something specific
};

struct Match {
  int cid = -1;          // index into Lexicon::concepts()
  int begin = 0;         // word indexes [begin, end)
  int end = 0;
  double weight = 1;     // the w=N flag of the phrase's row
  bool nominal = false;  // the phrase's row is flagged nominal (an action named by a noun)
};

class Lexicon {
public:
  // The built-in lexicon (every embedded lexicon/*.tsv), compiled on first use.
  static const Lexicon& builtin();
  // A lexicon from TSV texts (the build, and tests). Throws Error on malformed lines.
  explicit Lexicon(const std::vector<std::pair<std::string, std::string>>& files);

  // The compiled form the build embeds (cmake/lexicon_image.cpp): concepts, phrases with
  // their words stemmed, and the irregular forms. from_image reads it back and returns
  // false on a malformed image. Compiling the TSV files at every start cost more
  // instructions than parsing the policy; reading the image costs a fraction.
  std::string image() const;
  static bool from_image(std::string_view bytes, Lexicon& out);


  const std::vector<Concept>& concepts() const { return concepts_; }
  const Concept& entry(int i) const { return concepts_[static_cast<std::size_t>(i)]; }
  // First concept with this kind and id, or -1.
  int find(Kind kind, std::string_view id) const;

  // Leftmost-longest matches of every kind (matches of different kinds may overlap;
  // matches of one kind do not). Sorted by begin, then kind.
  // in_question: use the cues flagged q (question only) instead of those flagged s.
  std::vector<Match> match(const std::vector<Word>& words, bool in_question = false) const;

  // True when a == b or a is below b in the hierarchy.
  bool is_a(int a, int b) const;
  // Number of steps from a up to b (0 when equal), or -1 when a is not below b.
  int distance(int a, int b) const;
  std::size_t phrase_count() const { return phrases_.size(); }

private:
  // A phrase element: a stem id (>= 0), a gap (gap6: up to six words, gap12: up to twelve),
  // or an exact surface form (exact_base - i for exact_forms_[i]).
  static constexpr int gap6 = -1, gap12 = -2, exact_base = -3;
  struct Phrase {
    std::uint32_t at = 0, size = 0;  // its elements: elements_[at, at + size)
    int cid = -1;
    bool nominal = false, question_only = false, sentence_only = false;
    double weight = 1;
  };
  Lexicon() = default;
  // from_image, also handing back the image's table of the words the build stemmed
  // (folded, stem), as views into bytes.
  using StemTable = std::vector<std::pair<std::string_view, std::string_view>>;
  static bool read_image(std::string_view bytes, Lexicon& out, StemTable* stems);
  void load(const std::string& name, std::string_view text);
  void index_phrases();
  int match_phrase(const Phrase& p, const std::vector<Word>& words, std::size_t at) const;
  bool element_matches(int element, const Word& w) const;

  const int* elements(const Phrase& p) const { return elements_.data() + p.at; }
  int first_stem(const Phrase& p) const;

  // Flat arrays rather than a vector per phrase: thousands of small allocations were most
  // of the cost of reading the lexicon at start.
  std::vector<Concept> concepts_;
  std::vector<Phrase> phrases_;
  std::vector<int> elements_;               // every phrase's elements, phrase after phrase
  std::vector<std::string> exact_forms_;
  std::vector<std::uint32_t> first_at_;     // stem id s -> its phrases: by_first_[first_at_[s], first_at_[s + 1])
  std::vector<int> by_first_;               // phrase indexes grouped by first stem id, longest first
};

}  // namespace policyq::query
