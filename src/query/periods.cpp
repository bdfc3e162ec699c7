#include "query/periods.hpp"

#include <array>
#include <cstdio>

namespace policyq::query {
// Word comparisons against literals as string_views: the length is checked first.
using std::string_view_literals::operator""sv;
namespace {

int month_value(std::string_view w) {
  // Most words are no month: the first letter and the length rule them out before the table.
  if (w.size() < 3 || w.size() > 9 || std::string_view("jfmasond").find(w[0]) == std::string_view::npos) return 0;
  static const std::array<std::string_view, 12> full{"january", "february", "march", "april", "may", "june",
                                                      "july", "august", "september", "october", "november", "december"};
  static const std::array<std::string_view, 12> abbr{"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t i = 0; i < 12; ++i)
    if (w == full[i] || w == abbr[i] || (i == 8 && w == "sept")) return static_cast<int>(i) + 1;
  return 0;
}

bool all_digits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view w) {
  int v = 0;
  for (char c : w) {
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return v;
}

// Unit of a duration word: 'Y', 'M', 'W', 'D', 'H' (hours), or 0.
char unit_of(std::string_view w) {
  if (w == "year" || w == "years" || w == "yr" || w == "yrs") return 'Y';
  if (w == "month" || w == "months") return 'M';
  if (w == "week" || w == "weeks") return 'W';
  if (w == "day" || w == "days") return 'D';
  if (w == "hour" || w == "hours") return 'H';
  return 0;
}

bool is_event_start(const std::vector<Word>& w, std::size_t i) {
  const std::string_view f = w[i].folded;
  if (f == "after" || f == "until" || f == "following" || f == "from") {
    // "after you ...", "until the later of", "following the termination", "from the date"
    return i + 1 < w.size() && !w[i + 1].punct;
  }
  return false;
}

std::size_t event_end(const std::vector<Word>& w, std::size_t i) {
  // Up to the end of the clause or 14 words.
  std::size_t j = i;
  std::size_t limit = std::min(w.size(), i + 16);
  while (j < limit) {
    const Word& x = w[j];
    // a date or a duration starts its own period: "until the later of | May 25, 2020"
    if (j > i && month_value(x.folded) && j + 1 < w.size() && all_digits(w[j + 1].folded)) break;
    if (j > i + 1 && number_value(x.folded) > 1 && j + 1 < w.size() && unit_of(w[j + 1].folded)) break;
    if (x.punct && (x.folded == "."sv || x.folded == ";"sv || x.folded == ","sv || x.folded == ":"sv || x.folded == ")"sv))
      break;
    if (j > i && (x.folded == "or"sv || x.folded == "unless"sv || x.folded == "however"sv || x.folded == "and"sv) &&
        j + 1 < w.size() && (unit_of(w[j + 1].folded) || number_value(w[j + 1].folded) > 0 || w[j + 1].folded == "when"sv ||
                             w[j + 1].folded == "where"sv || w[j + 1].folded == "if"sv || w[j + 1].folded == "we"sv))
      break;
    ++j;
  }
  return j;
}

}  // namespace

int number_value(std::string_view w) {
  // Most words are no number: the first letter and the length rule them out before the table.
  if (w.empty() || w.size() > 9) return -1;
  if (w[0] >= '0' && w[0] <= '9') return all_digits(w) && w.size() <= 4 ? to_int(w) : -1;
  if (std::string_view("zotfsena").find(w[0]) == std::string_view::npos) return -1;
  static const std::array<std::string_view, 21> small{
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < small.size(); ++i)
    if (w == small[i]) return static_cast<int>(i);
  if (w == "thirty") return 30;
  if (w == "forty") return 40;
  if (w == "fifty") return 50;
  if (w == "sixty") return 60;
  if (w == "ninety") return 90;
  if (w == "a" || w == "an") return 1;
  if (all_digits(w) && w.size() <= 4) return to_int(w);
  return -1;
}

std::vector<Period> find_periods(std::string_view text, const std::vector<Word>& w) {
  std::vector<Period> out;
  const std::size_t n = w.size();
  std::size_t event_until = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (w[i].punct) continue;
    const std::string_view f = w[i].folded;
    // Dates: "May 25, 2020", "25 May 2020", "2020-05-25".
    if (int m = month_value(f); m && f != "may" ? true : (m && i + 1 < n && all_digits(w[i + 1].folded))) {
      if (m) {
        std::size_t j = i + 1;
        int day = 0, year = 0;
        if (j < n && all_digits(w[j].folded) && w[j].folded.size() <= 2) {
          day = to_int(w[j].folded);
          ++j;
          if (j < n && w[j].folded == ","sv) ++j;
        }
        if (j < n && all_digits(w[j].folded) && w[j].folded.size() == 4) {
          year = to_int(w[j].folded);
          if (day >= 1 && day <= 31 && year >= 1900) {
            char iso[32];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, m, day);
            Period p{"date", std::string(text.substr(w[i].begin, w[j].end - w[i].begin)), iso, w[i].begin, w[j].end};
            out.push_back(p);
            i = j;
            continue;
          }
        }
      }
    }
    if (all_digits(f) && f.size() <= 2 && i + 2 < n && month_value(w[i + 1].folded) &&
        all_digits(w[i + 2].folded) && w[i + 2].folded.size() == 4) {
      int day = to_int(f), m = month_value(w[i + 1].folded), year = to_int(w[i + 2].folded);
      if (day >= 1 && day <= 31 && year >= 1900) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, m, day);
        out.push_back(Period{"date", std::string(text.substr(w[i].begin, w[i + 2].end - w[i].begin)), iso,
                             w[i].begin, w[i + 2].end});
        i += 2;
        continue;
      }
    }
    if (all_digits(f) && f.size() == 4 && i + 2 < n && all_digits(w[i + 1].folded) && all_digits(w[i + 2].folded) &&
        w[i + 1].folded.size() == 2 && w[i + 2].folded.size() == 2 && w[i + 1].begin == w[i].end + 1 &&
        w[i + 2].begin == w[i + 1].end + 1 && text[w[i].end] == '-') {
      int m = to_int(w[i + 1].folded), day = to_int(w[i + 2].folded);
      if (m >= 1 && m <= 12 && day >= 1 && day <= 31) {
        out.push_back(Period{"date", std::string(text.substr(w[i].begin, w[i + 2].end - w[i].begin)),
                             std::string(text.substr(w[i].begin, w[i + 2].end - w[i].begin)), w[i].begin, w[i + 2].end});
        i += 2;
        continue;
      }
    }
    // Durations: NUMBER [(N)] [business|calendar] UNIT
    int value = number_value(f);
    if (value > 0) {
      std::size_t j = i + 1;
      // "two (2) years"
      if (j + 2 < n && w[j].folded == "("sv && all_digits(w[j + 1].folded) && w[j + 2].folded == ")"sv) j += 3;
      if (j < n && (w[j].folded == "business"sv || w[j].folded == "calendar"sv || w[j].folded == "full"sv ||
                    w[j].folded == "additional"sv || w[j].folded == "consecutive"sv))
        ++j;
      if (j < n && unit_of(w[j].folded)) {
        if ((f == "a" || f == "an") && !(i > 0 && (w[i - 1].folded == "for"sv || w[i - 1].folded == "within"sv ||
                                                   w[i - 1].folded == "than"sv || w[i - 1].folded == "least"sv)))
          continue;  // "a year" only in "for a year", "within a year"
        char u = unit_of(w[j].folded);
        std::string iso = u == 'H' ? "PT" + std::to_string(value) + "H" : "P" + std::to_string(value) + u;
        std::size_t end = w[j].end;
        std::size_t k = j + 1;
        if (k < n && (w[k].folded == "from"sv || w[k].folded == "after"sv || w[k].folded == "following"sv) &&
            k + 1 < n && !w[k + 1].punct) {
          std::size_t e = event_end(w, k);
          if (e > k + 1) end = w[e - 1].end;
        }
        out.push_back(Period{"duration", std::string(text.substr(w[i].begin, end - w[i].begin)), iso, w[i].begin, end});
        continue;
      }
    }
    // Events.
    bool event = false;
    std::size_t start = i;
    if (is_event_start(w, i)) {
      const std::string_view nx = w[i + 1].folded;
      event = nx == "you" || nx == "your" || nx == "the" || nx == "we" || nx == "termination" || nx == "closure" ||
              nx == "deletion" || nx == "cancellation" || nx == "such" || nx == "it" || nx == "they";
      if (f == "from" && nx != "the") event = false;
      if (event && !out.empty() && out.back().end > w[i].begin) event = false;  // already in a duration
    } else if (f == "as" && i + 2 < n && w[i + 1].folded == "long"sv && w[i + 2].folded == "as"sv) {
      event = true;
    } else if (f == "while" && i + 1 < n && (w[i + 1].folded == "you"sv || w[i + 1].folded == "your"sv)) {
      event = true;
    } else if (f == "no" && i + 2 < n && w[i + 1].folded == "longer"sv &&
               (w[i + 2].folded == "needed"sv || w[i + 2].folded == "necessary"sv || w[i + 2].folded == "required"sv)) {
      event = true;
      if (i > 0 && (w[i - 1].folded == "is"sv || w[i - 1].folded == "are"sv)) start = i - 1;
      if (start > 0 && (w[start - 1].folded == "it"sv || w[start - 1].folded == "they"sv)) --start;
      if (start > 0 && w[start - 1].folded == "when"sv) --start;
    } else if (f == "during" && i + 2 < n && w[i + 1].folded == "the"sv && w[i + 2].folded == "period"sv) {
      event = true;
    }
    if (event && w[start].begin >= event_until) {
      std::size_t e = event_end(w, i);
      // drop dangling words before a cut ("... until the later of")
      while (e > i + 2) {
        const std::string_view last = w[e - 1].folded;
        if (last == "of" || last == "the" || last == "or" || last == "and" || last == "until" || last == "to" ||
            last == "a" || last == "an" || last == "later" || last == "earlier" || last == "whichever")
          --e;
        else
          break;
      }
      if (e > i + 2) {
        out.push_back(Period{"event", std::string(text.substr(w[start].begin, w[e - 1].end - w[start].begin)), "",
                             w[start].begin, w[e - 1].end});
        event_until = w[e - 1].end;
      }
    }
  }
  return out;
}

}  // namespace policyq::query
