#pragma once
// Language identification by stop-word profiles, among the languages that have a
// Snowball stemmer (en, fr, de, es, it, pt, nl, sv, da, no, fi, ru …).
#include <string>
#include <string_view>

namespace policyq {
// ISO 639-1 code of the most likely language of text, or "und" when no language
// scores clearly (too little text, or none of the known languages).
std::string detect_language(std::string_view text);
// The English name of a language code ("fr" -> "French"), or the code itself.
std::string language_name(std::string_view code);
// Languages the practice rules (the lexicon) are written for: English, French, and text
// too short to tell ("und"), which is in practice short English. `practices` and `diff`
// read these.
bool has_practice_rules(std::string_view code);
// Languages `ask` answers in: its verdicts also read English cues beyond the lexicon
// (exceptions, disclaimers, "not responsible for"), so English and "und" only.
bool answers_questions_in(std::string_view code);
}
