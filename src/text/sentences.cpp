#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>

namespace policyq {

namespace {

// Abbreviations that legal and privacy text writes before a capital letter or a number
// ("Cal. Civ. Code § 1798.83", "Pub. L. No. 104-191", "Acme Inc. Privacy Policy").
//
// Two mechanisms, because ICU's FilteredBreakIteratorBuilder matches any *suffix* of the
// text before a break (so "Ex." would also match "FedEx.") and only recognises abbreviations
// with an inner full stop ("U.S.", "e.g.") when a break falls inside them:
//  * never_final: abbreviations that practically never end a sentence. They go to ICU's
//    suppressBreakAfter() (and to the joiner below, for runs of several spaces).
//  * everything else: split() joins a sentence that ends with one of them to the next,
//    checking that the abbreviation starts a word ("art." but not "part.") and, for
//    capitalised ones that also end sentences ("... operated by Acme Ltd. We collect ...",
//    "... stored in the U.S. We ..."), that the next sentence does not start with a word
//    that typically starts sentences ("We", "The", "Nous", ...). "No." joins only before a number.
constexpr std::array never_final = {
    "Cal.", "Civ.", "Bus.", "Prof.", "Stat.", "Secs.", "Arts.", "Regs.", "Supp.", "Cong.",
    "Subd.", "Crim.", "Proc.", "Evid.", "Educ.", "Admin.", "Mrs.", "Messrs.", "Approx.",
    "Dept.", "Blvd.", "Bldg.", "Hwy.", "Pkwy.", "Sept.", "Assn.", "Assoc.", "Intl.", "Esq.",
    "Mme.", "Mlle.", "Abs.", "Abschn.", "Ziff.", "Avda.", "Srta.", "Dott.", "Sigg.", "Artt.",
    "Mevr.", "Okla.", "Tenn.", "Colo.", "Conn.", "Ariz.", "Minn.", "Mich.", "Mont.", "Wyo."};

constexpr std::array common_abbreviations = {
    // Law, courts, statutes.
    "U.S.", "U.S.A.", "U.S.C.", "U.K.", "E.U.", "U.N.", "C.F.R.", "Sec.", "Art.", "Pub.", "Gen.",
    "Rev.", "Ann.", "Reg.", "Fed.", "Ch.", "Pt.", "Para.", "Cl.", "Ex.", "Exh.", "Vol.", "Fig.",
    "Govt.", "Gov.", "Comm.", "Com.", "Cir.", "Ct.", "Ins.", "Pen.", "Veh.", "Ord.", "Dir.", "L.",
    // US states as they appear in citations and addresses.
    "Ala.", "Ark.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.",
    "Miss.", "Mo.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Pa.", "R.I.",
    "S.C.", "S.D.", "Tex.", "Vt.", "Va.", "Wash.", "Wis.", "D.C.", "L.A.",
    // Companies.
    "Inc.", "Ltd.", "Co.", "Cos.", "Corp.", "Bros.", "L.L.C.", "L.P.", "L.L.P.", "P.C.", "Pty.",
    "Pvt.", "PLC.", "Plc.", "S.A.", "S.A.S.", "S.p.A.", "S.r.l.", "S.L.", "B.V.", "N.V.", "A.G.",
    "K.K.", "Int'l.", "Div.", "Mfg.",
    // Addresses.
    "St.", "Ave.", "Rd.", "Ste.", "Fl.", "Ln.", "Dr.", "Mt.", "Apt.", "P.O.", "Tel.", "Ph.",
    // People.
    "Mr.", "Ms.", "Jr.", "Sr.", "Hon.", "Ph.D.", "M.D.", "J.D.",
    // Dates.
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.",
    // Latin and English abbreviations.
    "e.g.", "i.e.", "E.g.", "I.e.", "a.m.", "p.m.", "A.M.", "P.M.", "a.k.a.", "et al.", "Cf.",
    "Vs.", "cf.", "vs.", "viz.", "approx.", "para.", "paras.", "art.", "arts.", "ch.", "pp.",
    "ex.", "tit.", "ca.",
    // Before numbers only (see number_abbreviations).
    "No.", "Nos.", "no.", "nos.", "Nr.", "nr.", "N°.", "n°.",
};
// Joined only when the next sentence starts with a digit, "§" or "#": "No. 104-191" but not
// "Do you sell my data? No. We do not."
constexpr std::array number_abbreviations = {"No.", "Nos.", "no.", "nos.", "Nr.", "nr.", "N°.", "n°."};

constexpr std::array fr_abbreviations = {"MM.", "M.", "Me.", "Pr.", "Cass.", "Soc.", "J.O.",
                                         "Réf.", "Tél.", "p. ex.", "par ex.", "cf.", "art."};
constexpr std::array de_abbreviations = {"Str.", "Hr.", "Fr.", "Bd.", "Bsp.", "z.B.", "bzw.",
                                         "ggf.", "vgl.", "inkl.", "gem.", "d.h.", "u.a.", "usw.",
                                         "evtl.", "lit.", "Abs."};
constexpr std::array es_abbreviations = {"Sra.", "Dña.", "Dª.", "Ud.", "Uds.", "Vd.", "Arts.",
                                         "Núm.", "núm.", "Pág.", "pág.", "C.P.", "p.ej.", "p. ej.",
                                         "ej."};
constexpr std::array it_abbreviations = {"Sig.", "Sig.ra", "Pag.", "pag.", "Avv.", "Ing.",
                                         "D.Lgs.", "cfr.", "ecc."};
constexpr std::array pt_abbreviations = {"Sra.", "Av.", "Pág.", "Lda.", "Ltda.", "Dra."};
constexpr std::array nl_abbreviations = {"Dhr.", "Blz."};

// Words that start most sentences: a capitalised abbreviation followed by one of them ended
// its sentence. Compared case-sensitively with the next sentence's first word.
constexpr std::array sentence_starters = {
    "We", "Our", "Us", "You", "Your", "The", "This", "These", "That", "Those", "It", "Its",
    "They", "Their", "He", "She", "I", "If", "In", "For", "To", "All", "Any", "As", "At", "By",
    "When", "Where", "Please", "However", "Also", "Such", "Some", "Each", "There", "Here", "A",
    "An", "Note", "Nous", "Vous", "Notre", "Votre", "Les", "La", "Le", "Ce", "Cette", "Ces",
    "Il", "Elle", "Ils", "Si", "Pour", "En", "Dans", "Wir", "Sie", "Die", "Der", "Das",
    "Diese", "Wenn", "Bitte", "Ihre", "El", "Los", "Las", "Para", "Usted", "Nosotros", "Gli",
    "Noi", "Lei", "Os", "As", "Você", "Wij", "Uw", "Het", "De", "Een", "Je",
};

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The code points that can end a sentence (Sentence_Break STerm and ATerm). A property
// lookup, not a UnicodeSet built from a pattern: building that set costs more than
// splitting a whole policy.
bool is_sentence_terminal(char32_t cp) {
  const int sb = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_SENTENCE_BREAK);
  return sb == U_SB_STERM || sb == U_SB_ATERM;
}

bool is_space_cp(char32_t cp) {
  return cp < 0x80 ? is_ascii_space(static_cast<unsigned char>(cp)) : u_isUWhiteSpace(static_cast<UChar32>(cp));
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char c = p[i];
  if (c < 0x80) { len = 1; return c; }
  if (c < 0xE0) { len = 2; if (i + 1 >= s.size()) { len = 1; return 0xFFFD; }
    return (char32_t(c & 0x1F) << 6) | (p[i + 1] & 0x3F); }
  if (c < 0xF0) { len = 3; if (i + 2 >= s.size()) { len = 1; return 0xFFFD; }
    return (char32_t(c & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F); }
  len = 4; if (i + 3 >= s.size()) { len = 1; return 0xFFFD; }
  return (char32_t(c & 0x07) << 18) | (char32_t(p[i + 1] & 0x3F) << 12) |
         (char32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
}

// Start of the code point that ends just before byte i (i > 0).
std::size_t prev_start(std::string_view s, std::size_t i) {
  do { --i; } while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return i;
}

void trim(std::string_view s, std::size_t& b, std::size_t& e) {
  while (b < e) {
    std::size_t len;
    if (!is_space_cp(decode_at(s, b, len))) break;
    b += len;
  }
  while (e > b) {
    const std::size_t p = prev_start(s, e);
    std::size_t len;
    if (!is_space_cp(decode_at(s, p, len))) break;
    e = p;
  }
}

icu::Locale locale_for(std::string_view lang) {
  std::string code(lang.substr(0, lang.find_first_of("-_")));
  for (char& c : code) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (code.empty() || code == "und" || code.size() > 3) return icu::Locale::getRoot();
  icu::Locale loc(code.c_str());
  if (loc.isBogus()) return icu::Locale::getRoot();
  return loc;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

enum class Join { always, unless_starter, before_number };

// The first word of text[b, e): its leading letters.
std::string_view first_word(std::string_view s, std::size_t b, std::size_t e) {
  std::size_t i = b;
  while (i < e) {
    std::size_t len;
    if (!u_isalpha(static_cast<UChar32>(decode_at(s, i, len)))) break;
    i += len;
  }
  return s.substr(b, i - b);
}

// Can a word start right after text[0, p)?
bool word_may_start_after(std::string_view s, std::size_t p) {
  const unsigned char c = static_cast<unsigned char>(s[p - 1]);
  if (c < 0x80) return is_ascii_space(c) || c == '(' || c == '[' || c == '"' || c == '\'' || c == '/';
  const std::string_view before = s.substr(0, p);
  for (std::string_view q : {"\u2019", "\u201C", "\u00AB", "\u00A0", "\u202F"})
    if (before.ends_with(q)) return true;
  return false;
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unordered_map<std::string, Join, StringHash, std::equal_to<>> abbreviations;
  std::unordered_set<std::string, StringHash, std::equal_to<>> starters;
  std::size_t longest = 0;  // bytes of the longest abbreviation

  template <std::size_t N>
  void add(const std::array<const char*, N>& list, bool never_final_list = false,
           icu::FilteredBreakIteratorBuilder* icu_filter = nullptr) {
    for (const char* a : list) {
      const std::string_view v(a);
      Join how = Join::always;
      if (std::find(number_abbreviations.begin(), number_abbreviations.end(), v) != number_abbreviations.end())
        how = Join::before_number;
      else if (v[0] >= 'A' && v[0] <= 'Z' && !never_final_list)
        how = Join::unless_starter;
      abbreviations.insert_or_assign(std::string(v), how);
      longest = std::max(longest, v.size());
      if (icu_filter) {
        UErrorCode status = U_ZERO_ERROR;
        icu_filter->suppressBreakAfter(icu::UnicodeString::fromUTF8(v), status);
      }
    }
  }

  // Should the sentence text[b, e) be joined with the next one, text[nb, ne)?
  bool joins(std::string_view s, std::size_t b, std::size_t e, std::size_t nb, std::size_t ne) const {
    if (e == b || s[e - 1] != '.') return false;  // every abbreviation ends with a full stop
    const std::size_t lo = e - std::min(e - b, longest);
    for (std::size_t p = e - 1; p-- > lo;) {
      if (p > b && !word_may_start_after(s, p)) continue;
      const auto it = abbreviations.find(s.substr(p, e - p));
      if (it == abbreviations.end()) continue;
      switch (it->second) {
        case Join::always: return true;
        case Join::before_number: {
          const char c = s[nb];
          return (c >= '0' && c <= '9') || c == '#' || s.substr(nb).starts_with("§");
        }
        case Join::unless_starter: return starters.find(first_word(s, nb, ne)) == starters.end();
      }
    }
    return false;
  }

  std::unique_ptr<icu::BreakIterator> iterator;
  UText utext = UTEXT_INITIALIZER;
  std::u16string buffer;                       // UTF-16 copy of the text, reused between calls
  std::vector<std::pair<std::size_t, std::size_t>> raw;  // spans before joining, reused

  ~Impl() { utext_close(&utext); }
};

SentenceSplitter::SentenceSplitter(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  const icu::Locale loc = locale_for(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status) || !base) {
    status = U_ZERO_ERROR;
    base.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !base)
    throw std::runtime_error(std::string("ICU sentence break iterator unavailable: ") + u_errorName(status));

  status = U_ZERO_ERROR;
  // An empty builder, not createInstance(loc): ICU's (CLDR's) English exception list holds
  // ordinary words as well as abbreviations ("Act.", "In.", "Up.", "Link.", "Ex."), and its
  // filter matches suffixes, so "the California Consumer Privacy Act. The CCPA ..." and
  // "We ship with FedEx. They ..." would each become one sentence. The lists above replace it.
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  icu::FilteredBreakIteratorBuilder* b = U_SUCCESS(status) ? builder.get() : nullptr;
  Impl& im = *impl_;
  im.add(common_abbreviations);
  const std::string language = loc.getLanguage();
  if (language == "fr") im.add(fr_abbreviations);
  else if (language == "de") im.add(de_abbreviations);
  else if (language == "es") im.add(es_abbreviations);
  else if (language == "it") im.add(it_abbreviations);
  else if (language == "pt") im.add(pt_abbreviations);
  else if (language == "nl") im.add(nl_abbreviations);
  im.add(never_final, true, b);
  for (const char* w : sentence_starters) im.starters.emplace(w);
  if (b) {
    status = U_ZERO_ERROR;
    icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(base.get(), status);
    if (U_SUCCESS(status) && filtered) {
      base.release();  // adopted by the filter
      impl_->iterator.reset(filtered);
    }
  }
  if (!impl_->iterator) impl_->iterator = std::move(base);
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<SentenceSpan> SentenceSplitter::split(std::string_view text) {
  std::vector<SentenceSpan> out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();

  // Fast path: no code point that can end a sentence means one sentence, no ICU call.
  // (Line breaks are not sentence breaks here, see below, so they need not be looked for.)
  bool terminal = false;
  for (std::size_t i = 0; i < n && !terminal;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      terminal = c == '.' || c == '!' || c == '?';
      ++i;
    } else {
      std::size_t len;
      const char32_t cp = decode_at(text, i, len);
      terminal = is_sentence_terminal(cp);
      i += len;
    }
  }
  if (!terminal) {
    std::size_t b = 0, e = n;
    trim(text, b, e);
    if (b < e) out.push_back({b, e});
    return out;
  }

  // UTF-8 -> UTF-16 into the reused buffer. Paragraph separators (CR, LF, NEL, U+2028,
  // U+2029) become spaces: the text handed to split() is one block, and ICU would otherwise
  // end a sentence at every line break of a wrapped paragraph. Lengths are unchanged, so
  // UTF-16 offsets map back to UTF-8 by walking both strings.
  auto& buf = impl_->buffer;
  buf.resize(n);  // UTF-16 never needs more units than UTF-8 has bytes
  std::size_t j = 0;
  for (std::size_t i = 0; i < n;) {
    // Eight ASCII bytes at a time while there are no line breaks among them.
    while (i + 8 <= n) {
      std::uint64_t v;
      std::memcpy(&v, s + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      // A byte is below 0x0E (covers '\n' and '\r') when (b - 0x0E) borrows into its high bit.
      if ((v & highs) != 0 || (((v - ones * 0x0E) & ~v & highs) != 0)) break;
      for (int k = 0; k < 8; ++k) buf[j + static_cast<std::size_t>(k)] = static_cast<char16_t>(s[i + static_cast<std::size_t>(k)]);
      i += 8;
      j += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      buf[j++] = (c == '\n' || c == '\r') ? u' ' : static_cast<char16_t>(c);
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp = decode_at(text, i, len);
    i += len;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) cp = u' ';
    if (cp >= 0x10000) {
      buf[j++] = static_cast<char16_t>(0xD7C0 + (cp >> 10));
      buf[j++] = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
    } else {
      buf[j++] = static_cast<char16_t>(cp);
    }
  }

  UErrorCode status = U_ZERO_ERROR;
  utext_openUChars(&impl_->utext, reinterpret_cast<const UChar*>(buf.data()), static_cast<int64_t>(j), &status);
  icu::BreakIterator& it = *impl_->iterator;
  it.setText(&impl_->utext, status);
  if (U_FAILURE(status)) {
    std::size_t b = 0, e = n;
    trim(text, b, e);
    if (b < e) out.push_back({b, e});
    return out;
  }

  auto& raw = impl_->raw;
  raw.clear();
  std::size_t u8 = 0;   // byte offset matching u16
  int32_t u16 = 0;
  std::size_t prev8 = 0;
  for (int32_t brk = it.first(), next = it.next(); next != icu::BreakIterator::DONE; brk = next, next = it.next()) {
    (void)brk;
    while (u16 < next && u8 < n) {
      const unsigned char c = s[u8];
      if (c < 0x80) { ++u8; ++u16; }
      else if (c < 0xE0) { u8 += 2; ++u16; }
      else if (c < 0xF0) { u8 += 3; ++u16; }
      else { u8 += 4; u16 += 2; }
    }
    std::size_t b = prev8, e = u8;
    trim(text, b, e);
    if (b < e) raw.emplace_back(b, e);
    prev8 = u8;
  }
  if (prev8 < n) {  // ICU always ends at the text's end; kept for safety
    std::size_t b = prev8, e = n;
    trim(text, b, e);
    if (b < e) raw.emplace_back(b, e);
  }

  // Join spans that ICU ended after a lower-case or otherwise unfiltered abbreviation.
  out.reserve(raw.size());
  for (std::size_t k = 0; k < raw.size(); ++k) {
    if (!out.empty() && impl_->joins(text, out.back().begin, out.back().end, raw[k].first, raw[k].second)) {
      out.back().end = raw[k].second;
    } else {
      out.push_back({raw[k].first, raw[k].second});
    }
  }
  return out;
}

}  // namespace policyq
