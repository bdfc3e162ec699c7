#pragma once
// British and American spellings of the same English word ("authorise" / "authorize",
// "behaviour" / "behavior", "centre" / "center", "licence" / "license") are one word to
// every reader of a policy: the index, the lexicon and diff all ask for the American form
// here, so a spelling-only edit changes no term, no practice and no sentence.
#include <string>
#include <string_view>

namespace policyq {

// The American spelling of a case-folded English word, or the word itself. Only
// variants that never change the meaning are mapped: "-ise" words that are "-ise" in
// American English too ("advertise", "exercise", "promise", "otherwise") stay as they are.
std::string american_spelling(std::string_view folded);

}  // namespace policyq
