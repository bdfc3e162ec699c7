#pragma once
// Retention periods in a sentence: durations ("two years" -> P2Y, "ten business days" ->
// P10D, "30-day" -> P30D), calendar dates ("May 25, 2020" -> 2020-05-25) and events
// ("after you have ceased using the service", "as long as your account is active").
#include "query/lexicon.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace policyq::query {

struct Period {
  std::string kind;        // "duration", "date" or "event"
  std::string text;        // the words of the sentence, duration extended by its event
  std::string iso;         // ISO 8601 duration or date; empty for events
  std::size_t begin = 0;   // byte offsets into the sentence
  std::size_t end = 0;
  int line = 0;            // filled in by callers that know the source line
};

// Periods found in text (words = tokenize(text)). Durations followed by an event
// ("two years after you close your account") are one period of kind "duration" whose text
// includes the event.
std::vector<Period> find_periods(std::string_view text, const std::vector<Word>& words);

// "two" -> 2, "30" -> 30, "twelve" -> 12; -1 when the word is not a small number.
int number_value(std::string_view folded);

}  // namespace policyq::query
