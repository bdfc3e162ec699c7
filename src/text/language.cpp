#include "text/language.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <functional>
#include <string>
#include <unordered_map>

namespace policyq {

namespace {

// Profiles: very frequent function words that are distinctive for one language. A word listed
// for two languages counts for neither (see profile_table()), so the lists need not be
// perfectly disjoint; still, words common across languages are left out on purpose ("de",
// "a", "en", "in", "on", "la", "que", "e", "o") because brand names and quotations mix
// languages: French policies quote English product names, English ones say "Inc.".
struct Profile {
  const char* code;
  std::initializer_list<std::string_view> words;
};

const std::array<Profile, 13>& profiles() {
  static const std::array<Profile, 13> p = {{
      {"en", {"the", "and", "of", "to", "you", "your", "we", "our", "is", "are", "that", "this",
              "with", "for", "by", "be", "from", "have", "has", "which", "not", "it", "these",
              "their", "they", "any", "us", "will", "been", "would", "can", "such", "other",
              "when", "where", "if", "or", "how", "what", "may", "do", "was"}},
      {"fr", {"le", "les", "et", "des", "du", "vous", "nous", "votre", "vos", "notre", "nos",
              "est", "sont", "pour", "dans", "par", "sur", "avec", "une", "qui", "au", "aux",
              "ces", "cette", "pas", "être", "leur", "ainsi", "afin", "lorsque", "également",
              "dont", "peut", "ils", "elle", "sera", "êtes", "avez", "données", "ou", "ce"}},
      {"de", {"der", "die", "und", "das", "ist", "zu", "den", "mit", "von", "sie", "nicht",
              "auf", "für", "ein", "eine", "dem", "sich", "im", "auch", "werden", "wird",
              "oder", "wir", "ihre", "ihrer", "bei", "nach", "unter", "diese", "dieser",
              "können", "daten", "zur", "zum", "über", "durch", "haben", "ihnen", "uns", "dass"}},
      {"es", {"el", "los", "las", "y", "del", "por", "con", "para", "una", "su", "sus", "más",
              "usted", "nuestro", "nuestra", "nuestros", "estos", "puede", "cuando", "pero",
              "también", "sin", "lo", "datos", "hay", "ustedes", "sea", "dicha", "mediante",
              "cual", "cuales", "sobre", "ser", "como", "este", "esta", "le", "al"}},
      {"pt", {"os", "da", "do", "dos", "das", "não", "uma", "um", "em", "é", "com", "você",
              "seus", "sua", "suas", "seu", "nosso", "nossa", "nossos", "pelo", "pela", "pelos",
              "pelas", "ao", "aos", "também", "dados", "isso", "são", "podem", "será", "essa",
              "esse", "esses", "foi", "nas", "na", "ser", "como", "este", "esta", "para", "por"}},
      {"it", {"il", "di", "che", "della", "delle", "dei", "degli", "per", "non", "sono", "alla",
              "alle", "nel", "nella", "nelle", "questo", "questa", "queste", "questi", "gli",
              "anche", "essere", "suoi", "tuoi", "vostri", "vostro", "vostra", "nostro",
              "nostri", "nostra", "dati", "ai", "dal", "dalla", "sul", "sulla", "ad", "ed",
              "può", "possono", "è", "al"}},
      {"nl", {"het", "een", "van", "dat", "op", "te", "zijn", "voor", "met", "niet", "aan",
              "er", "ook", "als", "uw", "worden", "wordt", "wij", "onze", "ons", "bij", "deze",
              "door", "naar", "kunnen", "gegevens", "hebben", "uit", "je", "jouw", "heeft",
              "om", "wat", "wanneer", "welke", "zoals"}},
      {"sv", {"och", "att", "det", "som", "är", "för", "av", "med", "på", "till", "den",
              "inte", "har", "vi", "du", "dig", "vår", "våra", "dina", "din", "om", "eller",
              "uppgifter", "personuppgifter", "detta", "dessa", "ska", "när", "hur", "vilka",
              "från"}},
      {"da", {"af", "jeg", "efter", "nogle", "blev", "hvad", "vores", "oplysninger",
              "personoplysninger", "dig", "ikke", "og", "til", "eller", "hvis", "skal", "være",
              "kan", "bliver", "hvordan", "dine", "din"}},
      {"no", {"etter", "noen", "ble", "hva", "våre", "personopplysninger", "opplysninger",
              "deg", "ditt", "ikke", "og", "til", "eller", "hvis", "skal", "være", "kan",
              "blir", "hvordan", "dine", "din", "vår"}},
      {"fi", {"ja", "on", "että", "ei", "se", "tai", "kun", "ovat", "tämä", "joka", "jos",
              "myös", "voi", "sinun", "meidän", "tietoja", "henkilötietoja", "mukaan",
              "kanssa", "olla", "niin", "jotka", "sekä"}},
      {"ru", {"и", "в", "не", "на", "что", "с", "по", "для", "или", "мы", "вы", "ваш", "ваши",
              "это", "как", "от", "к", "из", "о", "данные", "информации", "быть", "могут",
              "которые", "также"}},
      {"ro", {"și", "şi", "în", "cu", "pe", "care", "sau", "din", "pentru", "este", "sunt", "nu",
              "vă", "dumneavoastră", "datele", "privind", "prin", "această", "acest", "fi",
              "ale", "lor", "către", "dacă", "personale", "aceste", "să", "fost", "poate",
              "noastre", "dvs"}},
  }};
  return p;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// word -> index of the one profile that lists it; words in several profiles are dropped.
const std::unordered_map<std::string, int, StringHash, std::equal_to<>>& profile_table() {
  static const auto table = [] {
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> t;
    const auto& ps = profiles();
    for (int i = 0; i < static_cast<int>(ps.size()); ++i) {
      for (std::string_view w : ps[static_cast<std::size_t>(i)].words) {
        auto [it, inserted] = t.emplace(std::string(w), i);
        if (!inserted && it->second != i) it->second = -1;
      }
    }
    return t;
  }();
  return table;
}

constexpr std::size_t max_scanned_bytes = 200 * 1024;
constexpr int min_hits = 5;

// The project's one UTF-8 decoder, over a byte pointer.
char32_t decode(const unsigned char* p, std::size_t n, std::size_t& i) {
  return utf8::next(std::string_view(reinterpret_cast<const char*>(p), n), i);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out.push_back(static_cast<char>(c));
  else if (c < 0x800) { out.push_back(static_cast<char>(0xC0 | (c >> 6))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
  else if (c < 0x10000) { out.push_back(static_cast<char>(0xE0 | (c >> 12))); out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
  else { out.push_back(static_cast<char>(0xF0 | (c >> 18))); out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F))); out.push_back(static_cast<char>(0x80 | (c & 0x3F))); }
}

}  // namespace

std::string detect_language(std::string_view text) {
  if (text.size() > max_scanned_bytes) {
    std::size_t cut = max_scanned_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // code point start
    text = text.substr(0, cut);
  }
  const auto& table = profile_table();
  const auto& ps = profiles();
  std::array<int, 13> hits{};
  // Scripts written without spaces between words are recognised by their letters instead.
  long han = 0, kana = 0, hangul = 0;

  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::string word;
  bool in_word = false;
  bool skip_word = false;  // inside a URL-like token: its words are not prose
  auto finish = [&] {
    if (in_word && !skip_word && word.size() <= 20) {
      auto it = table.find(word);
      if (it != table.end() && it->second >= 0) ++hits[static_cast<std::size_t>(it->second)];
    }
    word.clear();
    in_word = false;
  };
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
    } else {
      cp = decode(p, n, i);
    }
    if (cp >= 0x1100) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &status);
      if (sc == USCRIPT_HAN) ++han;
      else if (sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA) ++kana;
      else if (sc == USCRIPT_HANGUL) ++hangul;
    }
    // ASCII answers without ICU's property lookup (no ASCII character is a combining mark).
    const bool letter = cp < 0x80 ? (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
                                  : u_isalpha(static_cast<UChar32>(cp)) ||
                                        (in_word && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK));
    if (letter) {
      if (!in_word) in_word = true;
      if (cp < 0x80) word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      else append_utf8(word, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
    } else {
      finish();
      // Words glued to "/", "=", "_", "@" or "://" are parts of URLs, paths or addresses.
      if (cp == '/' || cp == '=' || cp == '_' || cp == '@' || cp == '#' || cp == '%') skip_word = true;
      else if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '(' || cp == ')' || cp == '[' || cp == ']')
        skip_word = false;
    }
  }
  finish();

  int best = -1, second = -1;
  for (int i = 0; i < static_cast<int>(hits.size()); ++i) {
    if (best < 0 || hits[static_cast<std::size_t>(i)] > hits[static_cast<std::size_t>(best)]) {
      second = best;
      best = i;
    } else if (second < 0 || hits[static_cast<std::size_t>(i)] > hits[static_cast<std::size_t>(second)]) {
      second = i;
    }
  }
  // Chinese, Japanese, Korean: about one word per two characters, against profile hits that
  // are roughly every third word of a Latin-script text.
  const long cjk = han + kana + hangul;
  int total_hits = 0;
  for (int h : hits) total_hits += h;
  if (cjk >= 20 && cjk > 2L * total_hits) {
    if (hangul * 2 > cjk) return "ko";
    if (kana * 10 >= cjk) return "ja";
    return "zh";
  }
  const int b = hits[static_cast<std::size_t>(best)];
  const int s = second >= 0 ? hits[static_cast<std::size_t>(second)] : 0;
  // Enough evidence, and clearly ahead of the runner-up.
  if (b >= min_hits && b >= 2 * s) return ps[static_cast<std::size_t>(best)].code;
  return "und";
}

std::string language_name(std::string_view code) {
  static const std::pair<std::string_view, std::string_view> names[] = {
      {"en", "English"},    {"fr", "French"},  {"de", "German"},  {"es", "Spanish"}, {"it", "Italian"},
      {"pt", "Portuguese"}, {"nl", "Dutch"},   {"sv", "Swedish"}, {"da", "Danish"},  {"no", "Norwegian"},
      {"fi", "Finnish"},    {"ru", "Russian"}, {"pl", "Polish"},  {"tr", "Turkish"}, {"ro", "Romanian"}};
  for (const auto& [c, name] : names)
    if (c == code) return std::string(name);
  return std::string(code);
}

bool has_practice_rules(std::string_view code) { return code == "en" || code == "und" || code == "fr"; }

bool answers_questions_in(std::string_view code) { return code == "en" || code == "und"; }

}  // namespace policyq
