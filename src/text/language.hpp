#pragma once
// Language identification by stop-word profiles, among the languages that have a
// Snowball stemmer (en, fr, de, es, it, pt, nl, sv, da, no, fi, ru …).
#include <string>
#include <string_view>

namespace policyq {
// ISO 639-1 code of the most likely language of text, or "und" when no language
// scores clearly (too little text, or none of the known languages).
std::string detect_language(std::string_view text);
}
