#include "text/spelling.hpp"

#include <array>
#include <string_view>

namespace policyq {
namespace {

using namespace std::string_view_literals;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Whole words spelled differently, not by a pattern.
constexpr std::array<std::pair<std::string_view, std::string_view>, 45> whole_words = {{
    {"licence", "license"},         {"licences", "licenses"},         {"licenced", "licensed"},
    {"defence", "defense"},         {"defences", "defenses"},         {"offence", "offense"},
    {"offences", "offenses"},       {"pretence", "pretense"},         {"programme", "program"},
    {"programmes", "programs"},     {"catalogue", "catalog"},         {"catalogues", "catalogs"},
    {"enrol", "enroll"},            {"enrols", "enrolls"},            {"enrolment", "enrollment"},
    {"enrolments", "enrollments"},  {"fulfil", "fulfill"},            {"fulfils", "fulfills"},
    {"fulfilment", "fulfillment"},  {"instalment", "installment"},    {"instalments", "installments"},
    {"judgement", "judgment"},      {"judgements", "judgments"},      {"acknowledgement", "acknowledgment"},
    {"ageing", "aging"},            {"practise", "practice"},         {"practised", "practiced"},
    {"practising", "practicing"},   {"sceptical", "skeptical"},       {"paediatric", "pediatric"},
    {"cheque", "check"},            {"cheques", "checks"},            {"grey", "gray"},
    {"analyse", "analyze"},         {"analysed", "analyzed"},         {"analysing", "analyzing"},
    {"analyser", "analyzer"},       {"paralyse", "paralyze"},         {"catalyse", "catalyze"},
    {"whilst", "while"},            {"amongst", "among"},             {"storey", "story"},
    {"manoeuvre", "maneuver"},      {"advert", "advertisement"},      {"adverts", "advertisements"},
}};

// "-ise" verbs whose American form is "-ize", told by the letters before "ise": "-alise"
// (personalise), "-gnise" (recognise), "-orise" (authorise), "-imise" (minimise), "-itise"
// (prioritise), "-anise" (organise) … The endings leave out the "-ise" words that are
// "-ise" in American English too: advertise, exercise, promise, comprise, surprise,
// franchise, supervise, revise, premise, expertise.
constexpr std::array<std::string_view, 21> ize_bases = {
    "al"sv, "il"sv, "ol"sv, "gn"sv, "or"sv, "im"sv, "it"sv, "et"sv, "at"sv, "on"sv, "an"sv,
    "ar"sv, "rd"sv, "er"sv, "ur"sv, "og"sv, "rg"sv, "as"sv, "ic"sv, "ym"sv, "tom"sv};
constexpr std::array<std::string_view, 5> ize_exceptions = {"treatise"sv, "valise"sv, "cerise"sv, "anise"sv, "mortise"sv};
// Longest first, so that "isation" is tried before "ise".
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> ise_suffixes = {{
    {"isations", "izations"}, {"isation", "ization"}, {"isable", "izable"}, {"ising", "izing"}, {"isers", "izers"},
    {"iser", "izer"},         {"ised", "ized"},       {"ises", "izes"},     {"ise", "ize"},
}};

// "-our" words that are "-or" in American English (behaviour, colour, favourite, honour).
constexpr std::array<std::string_view, 20> our_bases = {
    "behavi"sv, "behav"sv, "col"sv, "fav"sv, "hon"sv, "lab"sv, "neighb"sv, "hum"sv, "rum"sv, "harb"sv,
    "flav"sv, "endeav"sv, "sav"sv, "arm"sv, "od"sv, "rig"sv, "vig"sv, "tum"sv, "vap"sv, "splend"sv};
constexpr std::array<std::string_view, 15> our_suffixes = {
    ""sv, "s"sv, "ed"sv, "ing"sv, "ite"sv, "ites"sv, "able"sv, "ably"sv, "al"sv, "ally"sv, "er"sv, "ers"sv, "ful"sv, "less"sv, "y"sv};

// "-re" nouns that are "-er" in American English (centre, metre, fibre).
constexpr std::array<std::string_view, 9> re_bases = {"cent"sv, "met"sv, "theat"sv, "fib"sv, "lit"sv, "calib"sv,
                                                      "spect"sv, "somb"sv, "lust"sv};

// "cancelled", "labelling", "travelled": American English doubles no "l" there.
constexpr std::array<std::string_view, 9> ll_bases = {"cancel"sv, "label"sv, "travel"sv, "model"sv, "signal"sv,
                                                      "counsel"sv, "fuel"sv, "level"sv, "total"sv};

bool ize_candidate(std::string_view word, std::string& out) {
  for (std::string_view x : ize_exceptions)
    if (word == x) return false;
  for (const auto& [british, american] : ise_suffixes) {
    if (!ends_with(word, british)) continue;
    const std::string_view base = word.substr(0, word.size() - british.size());
    if (base.size() < 3) return false;
    for (std::string_view b : ize_bases)
      if (ends_with(base, b)) {
        out.assign(base);
        out += american;
        return true;
      }
    return false;
  }
  return false;
}

bool our_candidate(std::string_view word, std::string& out) {
  const std::size_t at = word.find("our");
  if (at == std::string_view::npos || at == 0) return false;
  const std::string_view base = word.substr(0, at), tail = word.substr(at + 3);
  for (std::string_view b : our_bases) {
    if (base != b) continue;
    for (std::string_view s : our_suffixes)
      if (tail == s) {
        out.assign(base);
        out += "or";
        out += tail;
        return true;
      }
  }
  return false;
}

bool re_candidate(std::string_view word, std::string& out) {
  for (std::string_view b : re_bases) {
    if (word.substr(0, b.size()) != b) continue;
    const std::string_view tail = word.substr(b.size());
    std::string_view american;
    if (tail == "re"sv) american = "er"sv;
    else if (tail == "res"sv) american = "ers"sv;
    else if (tail == "red"sv) american = "ered"sv;
    else continue;
    out.assign(b);
    out += american;
    return true;
  }
  return false;
}

bool ll_candidate(std::string_view word, std::string& out) {
  for (std::string_view b : ll_bases) {
    if (word.substr(0, b.size()) != b || word.size() <= b.size() + 1 || word[b.size()] != 'l') continue;
    const std::string_view tail = word.substr(b.size() + 1);
    if (tail != "ed"sv && tail != "ing"sv && tail != "er"sv && tail != "ers"sv) continue;
    out.assign(b);
    out += tail;
    return true;
  }
  return false;
}

}  // namespace

std::string american_spelling(std::string_view folded) {
  std::string out;
  for (const auto& [british, american] : whole_words)
    if (folded == british) return std::string(american);
  if (folded.size() >= 6 && ize_candidate(folded, out)) return out;
  if (our_candidate(folded, out)) return out;
  if (re_candidate(folded, out)) return out;
  if (ll_candidate(folded, out)) return out;
  return std::string(folded);
}

}  // namespace policyq
