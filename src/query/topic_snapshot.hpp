#pragma once
// The topic facts of a document (topic_facts: words and lexicon matches of every body
// sentence) as bytes and back, so a cached analysis spares the tokenizing and matching of
// every sentence, which costs more than parsing the policy. Matches name concepts by their
// index in the lexicon, so an image is only valid for the binary (and lexicon) that wrote it.
// Facts analysed already (answer_facts: practices and periods) keep those too.
#include "document/document.hpp"
#include "query/lexicon.hpp"
#include "query/practices.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace policyq::query {

std::string serialize_topic_facts(const std::vector<SentenceFacts>& facts);

// Reads facts written for doc back into out (concepts and intents recomputed from the
// matches). False, with out untouched, when the bytes are not a well-formed image for a
// document of doc's sentences or name concepts the lexicon lacks.
bool deserialize_topic_facts(std::string_view bytes, const Document& doc, const Lexicon& lex,
                             std::vector<SentenceFacts>& out);

// topic_facts(doc, lex) through the analysis cache (util/cache.hpp): read back when this
// binary stored them for the same document bytes, else computed and stored. Only the
// built-in lexicon's facts are cached (another lexicon's concept numbers differ). Read back
// a second time, they are completed into answer_facts and stored again, so a policy asked
// about repeatedly has its practices extracted once. For the bundled policy, the
// answer_facts built in (util/prebuilt.hpp).
std::vector<SentenceFacts> cached_topic_facts(const Document& doc, const Lexicon& lex = Lexicon::builtin());

}  // namespace policyq::query
