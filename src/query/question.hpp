#pragma once
// Question parsing: what the user asks about (intent) and the slots of the practice
// (data, recipient, purpose), from free phrasing ("given to the police", "hold on to",
// "ads", "marketers"), through the lexicon.
#include "query/lexicon.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace policyq::query {

inline constexpr std::size_t max_question_bytes = 10 * 1024;

struct Question {
  std::string text;
  std::string intent = "other";   // sharing selling retention collection use cookies tracking rights
                                  // security children transfer contact changes other
  std::string intent2;             // the runner-up intent ("" when no other cue): a second topic
  std::vector<int> data;          // lexicon concept indexes, most specific first
  std::vector<int> recipient;
  std::vector<int> purpose;
  std::vector<int> actions;       // action concepts named in the question
  std::vector<std::string> free_terms;  // content words the lexicon does not know (stems)
  std::vector<std::string> free_words;  // the same words as written (lower-cased), for messages
  std::string free_phrase;              // the question's words from the first such word to the last, as
                                        // written ("train AI models"), for "the policy does not mention …"
  std::vector<std::string> content;     // every content word (stems)
  std::string search_text;              // the words worth a lexical search (no "website", "company")
  std::string expansion;                // policy vocabulary for the question's informal words
                                        // ("choices" -> "opt out choose unsubscribe"), searched at a lower weight
  bool yes_no = false;            // "Do you ...?", "Is my ...?"
  bool asks_purpose = false;      // "why", "for what purpose", "reasons"
  bool asks_data = false;         // "what information", "which types of data"
  bool asks_recipient = false;    // "who", "with whom", "which companies"
  bool asks_how = false;          // "how do I", "how can I", "where can I": a procedure
  bool third_party_actor = false; // a third party is the one collecting or tracking: "do advertisers
                                  // collect my data?", "does any third party track me?"
  std::vector<Word> words;
  std::vector<Match> matches;
};

// What form the answer takes: a verdict for yes/no questions (and retention periods), or a
// list of what the policy names: data types, recipients, purposes, places, contact
// channels, rights.
enum class AnswerKind { verdict, data_list, recipient_list, purpose_list, place_list, contact_list, rights_list };
const char* to_string(AnswerKind kind);
AnswerKind answer_kind(const Question& q);

// Parses a question. Throws Error for an empty question, one of only stop words, more
// than 10 KB, or invalid UTF-8.
Question parse_question(std::string_view text, const Lexicon& lex = Lexicon::builtin());

// The actions that answer an intent ("selling" -> sell, rent, trade).
std::vector<std::string> intent_actions(std::string_view intent);

bool is_stop_word(std::string_view folded);

}  // namespace policyq::query
