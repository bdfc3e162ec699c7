#include "text/analyzer.hpp"
#include "text/spelling.hpp"
#include "text/utf8.hpp"

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>

namespace policyq {

namespace {

// Stop words: frequent function words. Deliberately NOT stop words, in every language:
// negations ("not", "no", "never", "nor", "without", "none", "ne", "pas", "nicht", "kein"),
// modals and futures ("may", "will", "must", "shall", "can", "should", "peut", "doit"),
// quantifiers that decide a privacy answer ("all", "any", "only", "every", "tous"),
// direction words of privacy phrases ("opt out", "off", "up"), time limits ("after",
// "until", "within") and the "t" of "don't" / "can't", which carries the negation.
constexpr std::string_view en_stop[] = {
    "a", "about", "above", "again", "against", "also", "am", "an", "and", "are", "as", "at",
    "be", "because", "been", "being", "below", "between", "both", "but", "by", "d", "did",
    "do", "does", "doing", "down", "during", "each", "either", "etc", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "however", "i", "ie", "if", "in", "into", "is", "it", "its",
    "itself", "just", "let", "ll", "m", "me", "more", "most", "my", "myself", "of", "on",
    "once", "onto", "or", "other", "our", "ours", "ourselves", "over", "own", "re", "s",
    "same", "she", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "therefore", "these", "they", "this", "those", "through",
    "thus", "to", "too", "upon", "us", "ve", "very", "via", "was", "we", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "with",
    "you", "your", "yours", "yourself", "yourselves", "eg", "hereby", "herein", "thereof",
    "whereas", "whereby", "which", "yet", "per", "like", "its", "one's", "being", "ever",
};
constexpr std::string_view fr_stop[] = {
    "à", "afin", "ainsi", "alors", "au", "auprès", "aux", "avec", "avez", "avoir", "avons",
    "c", "ça", "car", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette",
    "ceux", "chez", "comme", "d", "dans", "de", "des", "donc", "dont", "du", "elle", "elles",
    "en", "entre", "es", "est", "et", "été", "étaient", "était", "êtes", "être", "eu", "eux",
    "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lors", "lui", "m", "ma",
    "mais", "me", "même", "mes", "moi", "mon", "nos", "notre", "nous", "on", "ont", "or",
    "ou", "où", "par", "pour", "qu", "quand", "que", "quel", "quelle", "quelles", "quels",
    "qui", "s", "sa", "se", "sera", "seront", "ses", "si", "soit", "son", "sont", "sur", "t",
    "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vers", "vos", "votre", "vous", "y",
    "a", "ai", "as", "dès", "lequel", "laquelle", "lesquels", "lesquelles", "auquel",
    "auxquels", "duquel", "desquels", "celles-ci", "ci", "là", "voire", "notamment",
};
constexpr std::string_view de_stop[] = {
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "beim", "bin", "bist", "bzw",
    "da", "damit", "dann", "das", "dass", "daß", "dein", "deine", "deinen", "deiner", "dem",
    "den", "denen", "der", "deren", "des", "dessen", "die", "dies", "diese", "diesem", "diesen",
    "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "er", "es", "euch", "euer", "eure", "für", "hat", "hatte", "hatten",
    "hier", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
    "im", "in", "ins", "ist", "ja", "man", "mein", "meine", "mich", "mir", "mit", "nach",
    "ob", "oder", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "sich",
    "sie", "sind", "so", "über", "um", "und", "uns", "unser", "unsere", "unserem", "unseren",
    "unserer", "unter", "vom", "von", "vor", "war", "waren", "was", "weil", "welche",
    "welchem", "welchen", "welcher", "welches", "wenn", "wer", "wie", "wir", "zu", "zum",
    "zur", "z", "b", "sowie", "haben", "habe", "hast", "habt", "wo", "wodurch", "worden",
};
constexpr std::string_view es_stop[] = {
    "a", "al", "algo", "ante", "como", "con", "cual", "cuales", "cuando", "cuyo", "cuya",
    "de", "del", "desde", "donde", "dónde", "durante", "e", "el", "él", "ella", "ellas",
    "ellos", "en", "entre", "era", "es", "esa", "esas", "ese", "eso", "esos", "esta", "está",
    "están", "estas", "este", "esto", "estos", "fue", "fueron", "ha", "han", "hay", "la",
    "las", "le", "les", "lo", "los", "me", "mi", "mis", "muy", "nos", "nosotros", "nuestra",
    "nuestras", "nuestro", "nuestros", "o", "os", "para", "pero", "por", "que", "qué", "se",
    "ser", "si", "sí", "sido", "siendo", "sobre", "son", "su", "sus", "también", "te", "tu",
    "tú", "tus", "u", "un", "una", "unas", "uno", "unos", "usted", "ustedes", "vosotros",
    "y", "ya", "yo", "dicha", "dichas", "dicho", "dichos", "mediante", "sea", "sean",
};
constexpr std::string_view it_stop[] = {
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "che", "chi", "ci",
    "come", "con", "cui", "da", "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo",
    "degli", "dei", "del", "dell", "della", "delle", "dello", "di", "e", "è", "ed", "era",
    "essere", "gli", "ha", "hanno", "ho", "i", "il", "in", "io", "l", "la", "le", "lei", "li",
    "lo", "loro", "lui", "ma", "mi", "mio", "ne", "negli", "nei", "nel", "nell", "nella",
    "nelle", "nello", "noi", "nostra", "nostre", "nostri", "nostro", "o", "per", "quale",
    "quali", "quando", "quella", "quelle", "quelli", "quello", "questa", "queste", "questi",
    "questo", "se", "si", "sia", "siamo", "sono", "stato", "su", "sua", "sue", "sui", "sul",
    "sull", "sulla", "sulle", "suo", "suoi", "ti", "tra", "fra", "tu", "tua", "tue", "tuo",
    "tuoi", "un", "una", "uno", "vi", "voi", "vostra", "vostre", "vostri", "vostro", "c",
};
constexpr std::string_view pt_stop[] = {
    "a", "à", "ao", "aos", "as", "às", "com", "como", "da", "das", "de", "do", "dos", "e",
    "é", "ela", "elas", "ele", "eles", "em", "entre", "era", "essa", "essas", "esse", "esses",
    "esta", "está", "estão", "estas", "este", "estes", "eu", "foi", "foram", "há", "isso",
    "isto", "já", "lhe", "lhes", "mas", "me", "meu", "minha", "na", "nas", "no", "nos",
    "nós", "nossa", "nossas", "nosso", "nossos", "num", "numa", "o", "os", "ou", "para",
    "pela", "pelas", "pelo", "pelos", "por", "qual", "quais", "quando", "que", "se", "seja",
    "ser", "seu", "seus", "sua", "suas", "são", "também", "te", "tem", "têm", "um", "uma",
    "umas", "uns", "você", "vocês", "vos", "sobre", "cujo", "cuja", "mediante",
};
constexpr std::string_view nl_stop[] = {
    "aan", "als", "bij", "dan", "dat", "de", "der", "des", "deze", "die", "dit", "door",
    "doordat", "en", "er", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier",
    "hij", "hoe", "hun", "ik", "in", "is", "je", "jij", "jou", "jouw", "jullie", "maar", "me",
    "men", "met", "mij", "mijn", "na", "naar", "of", "om", "onder", "ons", "onze", "ook",
    "op", "over", "te", "tot", "u", "uit", "uw", "van", "voor", "was", "waren", "wat", "we",
    "wel", "werd", "wie", "wij", "ze", "zich", "zij", "zijn", "zo", "zoals", "welke", "waar",
    "waarin", "waarvoor", "daarbij", "daarom", "hierbij",
};

struct LangInfo {
  std::string_view code;
  const char* snowball;  // nullptr: no stemmer
};
// ISO 639-1 codes of the Snowball stemmers in libstemmer.
constexpr LangInfo languages[] = {
    {"en", "english"},    {"fr", "french"},     {"de", "german"},     {"es", "spanish"},
    {"it", "italian"},    {"pt", "portuguese"}, {"nl", "dutch"},      {"sv", "swedish"},
    {"da", "danish"},     {"no", "norwegian"},  {"nb", "norwegian"},  {"nn", "norwegian"},
    {"fi", "finnish"},    {"ru", "russian"},    {"ro", "romanian"},   {"hu", "hungarian"},
    {"tr", "turkish"},    {"ca", "catalan"},    {"eu", "basque"},     {"el", "greek"},
    {"ar", "arabic"},     {"hi", "hindi"},      {"id", "indonesian"}, {"ga", "irish"},
    {"lt", "lithuanian"}, {"ne", "nepali"},     {"sr", "serbian"},    {"ta", "tamil"},
    {"hy", "armenian"},   {"yi", "yiddish"},
    // "und" (undetermined): detect_language returns it for text too short to classify, which
    // in practice is short English (headings, a query typed in English), so it stems as English.
    {"und", "english"},
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

std::string normalise_language(std::string_view lang) {
  std::string code(lang.substr(0, lang.find_first_of("-_")));
  for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return code.empty() ? std::string("und") : code;
}

template <std::size_t N>
void add_all(std::unordered_map<std::string, bool, StringHash, std::equal_to<>>& set,
             const std::string_view (&list)[N]) {
  for (std::string_view w : list) set.emplace(std::string(w), true);
}

constexpr std::size_t max_cached_stems = 1u << 21;

bool is_word_cp(UChar32 c) { return u_isalnum(c); }
bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }
// Scripts written without spaces between words: every ideograph or kana is its own word.
bool is_single_char_word(UChar32 c) {
  return c >= 0x2E80 && (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
                         (c >= 0x3040 && c <= 0x30FF));
}

void fold_cp(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  const UChar32 f = u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT);
  char buf[4];
  std::size_t n;
  const auto c = static_cast<char32_t>(f);
  if (c < 0x800) { buf[0] = static_cast<char>(0xC0 | (c >> 6)); buf[1] = static_cast<char>(0x80 | (c & 0x3F)); n = 2; }
  else if (c < 0x10000) { buf[0] = static_cast<char>(0xE0 | (c >> 12)); buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (c & 0x3F)); n = 3; }
  else { buf[0] = static_cast<char>(0xF0 | (c >> 18)); buf[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F)); buf[3] = static_cast<char>(0x80 | (c & 0x3F)); n = 4; }
  out.append(buf, n);
}

// The project's one UTF-8 decoder, over a byte pointer.
char32_t decode(const unsigned char* p, std::size_t n, std::size_t& i) {
  return utf8::next(std::string_view(reinterpret_cast<const char*>(p), n), i);
}

// NFC, so that "cafe" + U+0301 and the precomposed "café" are the same term. Only words
// with combining marks need it, and they are rare in the languages handled.
void compose(std::string& word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  if (nfc->isNormalized(u, status) || U_FAILURE(status)) return;
  status = U_ZERO_ERROR;
  const icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return;
  word.clear();
  n.toUTF8String(word);
}

// ASCII letters and digits, for the fast path.
constexpr bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

struct Analyzer::Impl {
  struct Entry {
    std::string word;  // folded
    std::string stem;
    bool stop = false;
  };
  std::string lang;
  bool english = false;
  sb_stemmer* stemmer = nullptr;
  std::unordered_map<std::string, bool, StringHash, std::equal_to<>> stop_words;
  std::string folded_buf;  // reused by analyze()

  // Stem cache: open addressing with linear probing over a power-of-two table of
  // (hash, entry index) slots; entries live in a deque so references to them stay valid.
  // (std::unordered_map spent most of its time in the modulo of its prime bucket count
  // and in chasing node pointers.)
  struct Slot {
    std::uint32_t hash = 0;  // high bits of the 64-bit hash (the low bits pick the slot)
    std::uint32_t index = empty;
    static constexpr std::uint32_t empty = 0xFFFFFFFFu;
  };
  std::vector<Slot> slots = std::vector<Slot>(1u << 12);
  std::deque<Entry> entries;
  Entry overflow;  // the result of a lookup once the cache is full

  ~Impl() { sb_stemmer_delete(stemmer); }

  static std::uint64_t hash_of(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a final mix
    for (unsigned char c : w) h = (h ^ c) * 0x100000001b3ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  }

  const Entry& lookup(std::string_view folded, std::uint32_t* id = nullptr) {
    const std::uint64_t h = hash_of(folded);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots.size() - 1;
    std::size_t i = h & mask;
    for (; slots[i].index != Slot::empty; i = (i + 1) & mask) {
      if (slots[i].hash == tag) {
        const Entry& e = entries[slots[i].index];
        if (e.word == folded) {
          if (id) *id = slots[i].index;
          return e;
        }
      }
    }
    Entry e;
    e.word.assign(folded);
    e.stop = stop_words.find(folded) != stop_words.end();
    e.stem = compute_stem(folded);
    if (entries.size() >= max_cached_stems) {
      overflow = std::move(e);
      return overflow;
    }
    entries.push_back(std::move(e));
    slots[i] = {tag, static_cast<std::uint32_t>(entries.size() - 1)};
    if (id) *id = slots[i].index;
    if (entries.size() * 2 > slots.size()) grow();
    return entries.back();
  }

  void grow() {
    std::vector<Slot> bigger(slots.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& s : slots) {
      if (s.index == Slot::empty) continue;
      std::size_t i = hash_of(entries[s.index].word) & mask;
      while (bigger[i].index != Slot::empty) i = (i + 1) & mask;
      bigger[i] = s;
    }
    slots.swap(bigger);
  }

  std::string compute_stem(std::string_view word) {
    if (!stemmer || word.empty()) return std::string(word);
    // English spelled the British way is the same term ("organisation", "organization").
    const std::string american = english ? american_spelling(word) : std::string();
    const std::string_view folded = english ? std::string_view(american) : word;
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::string(folded);
    const sb_symbol* r = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                                         static_cast<int>(folded.size()));
    if (!r) return std::string(folded);
    return std::string(reinterpret_cast<const char*>(r), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  }
};

Analyzer::Analyzer(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  impl_->lang = normalise_language(lang);
  impl_->english = impl_->lang == "en" || impl_->lang == "und";
  for (const LangInfo& l : languages) {
    if (l.code == impl_->lang) {
      impl_->stemmer = sb_stemmer_new(l.snowball, "UTF_8");
      break;
    }
  }
  auto& sw = impl_->stop_words;
  const std::string& c = impl_->lang;
  if (c == "en" || c == "und") add_all(sw, en_stop);
  else if (c == "fr") add_all(sw, fr_stop);
  else if (c == "de") add_all(sw, de_stop);
  else if (c == "es") add_all(sw, es_stop);
  else if (c == "it") add_all(sw, it_stop);
  else if (c == "pt") add_all(sw, pt_stop);
  else if (c == "nl") add_all(sw, nl_stop);
}

Analyzer::~Analyzer() = default;

const std::string& Analyzer::language() const { return impl_->lang; }

std::string Analyzer::fold(std::string_view word) const {
  std::string out;
  out.reserve(word.size());
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  bool marks = false;
  for (std::size_t i = 0; i < word.size();) {
    if (p[i] < 0x80) {
      fold_cp(out, p[i]);
      ++i;
    } else {
      const char32_t cp = decode(p, word.size(), i);
      marks = marks || is_mark(static_cast<UChar32>(cp));
      fold_cp(out, cp);
    }
  }
  if (marks) compose(out);
  return out;
}

const std::string& Analyzer::stem(std::string_view folded) { return impl_->lookup(folded).stem; }

bool Analyzer::is_stop(std::string_view folded) const {
  return impl_->stop_words.find(folded) != impl_->stop_words.end();
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 6 + 1);  // about one word per 6 bytes of prose
  for_each_word(text, [&](const Word& w) {
    Token& t = out.emplace_back();
    t.term = *w.term;
    t.folded = impl_->folded_buf;
    t.begin = w.begin;
    t.end = w.end;
    t.stop = w.stop;
  });
  return out;
}

void Analyzer::scan(std::string_view text, void (*callback)(void*, const Word&), void* ctx) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::string& folded = impl_->folded_buf;

  auto emit = [&](std::size_t b, std::size_t e) {
    std::uint32_t id = Word::no_id;
    const Impl::Entry& entry = impl_->lookup(folded, &id);
    Word w;
    w.begin = b;
    w.end = e;
    w.id = id;
    w.term = &entry.stem;
    w.stop = entry.stop;
    callback(ctx, w);
  };

  std::size_t i = 0;
  while (i < n) {
    // Skip to the start of a word.
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (!ascii_alnum(c)) { ++i; continue; }
    } else {
      std::size_t j = i;
      const char32_t cp = decode(p, n, j);
      if (!is_word_cp(static_cast<UChar32>(cp))) { i = j; continue; }
      if (is_single_char_word(static_cast<UChar32>(cp))) {
        folded.clear();
        fold_cp(folded, cp);
        emit(i, j);
        i = j;
        continue;
      }
    }
    // A word: letters, digits and combining marks.
    const std::size_t begin = i;
    folded.clear();
    bool marks = false;
    while (i < n) {
      const unsigned char d = p[i];
      if (d < 0x80) {
        if (!ascii_alnum(d)) break;
        folded.push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d + 32 : d));
        ++i;
        continue;
      }
      std::size_t j = i;
      const char32_t cp = decode(p, n, j);
      const auto u = static_cast<UChar32>(cp);
      if (is_single_char_word(u) || !(is_word_cp(u) || is_mark(u))) break;
      marks = marks || is_mark(u);
      fold_cp(folded, cp);
      i = j;
    }
    if (marks) compose(folded);
    emit(begin, i);
  }
}

}  // namespace policyq
