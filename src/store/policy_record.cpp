#include "store/policy_record.hpp"
#include "document/snapshot.hpp"
#include "index/index.hpp"
#include "query/answer.hpp"
#include "query/labels.hpp"
#include "query/practices.hpp"
#include "util/cache.hpp"

#include <nlohmann/json.hpp>

namespace policyq::store {
namespace {
// The title a person would name the policy by: the first heading of its body.
std::string body_title(const Document& doc) {
  for (const Section& s : doc.sections)
    if (!s.preamble && !s.chrome && !s.title.empty()) return s.title;
  return {};
}

PracticeRow practice_row(int sentence, const query::Practice& p, const query::Lexicon& lex) {
  PracticeRow row;
  row.sentence = sentence;
  row.action = p.action;
  row.actor = p.actor;
  row.polarity = p.negative ? "negative" : "affirmative";
  row.modality = p.modality;
  row.scope = p.scope;
  row.conditions_json = nlohmann::json(p.conditions).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto add = [&](const char* role, const std::vector<int>& concepts) {
    for (int c : concepts) row.concepts.push_back({role, lex.entry(c).id, query::plain_label(lex, c)});
  };
  add("data", p.data);
  add("recipient", p.recipient);
  add("purpose", p.purpose);
  for (const query::Period& per : p.periods) row.periods.push_back({per.kind, per.text, per.iso});
  return row;
}
}  // namespace

std::string hex64(std::uint64_t v) {
  char hex[17];
  for (int i = 15; i >= 0; --i, v >>= 4) hex[i] = "0123456789abcdef"[v & 15];
  hex[16] = '\0';
  return hex;
}

std::uint64_t parse_hex64(std::string_view hex) {
  std::uint64_t v = 0;
  for (char c : hex) v = v << 4 | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  return v;
}

PolicyRecord make_record(FileState file, std::string content_hash, std::string encoding, std::string text) {
  PolicyRecord r;
  std::uint64_t text_hash = policyq::content_hash(text);
  r.doc = parse_document(file.path, std::move(text));
  r.doc.content_hash = text_hash;  // as the loader sets it: the key of the document's cached analyses
  r.file = std::move(file);
  r.content_hash = std::move(content_hash);
  r.encoding = std::move(encoding);
  r.title = body_title(r.doc);
  r.text_hash = hex64(text_hash);
  r.snapshot = serialize_document(r.doc);
  {
    std::unique_ptr<Index> index = Index::build_uncached(r.doc);
    r.terms = stored_terms(r.doc, *index);
    r.term_count = index->arrays().flat.size();
  }
  // The same sentences and extraction as `policyq practices`.
  const query::Lexicon& lex = query::Lexicon::builtin();
  for (std::size_t s = 0; s < r.doc.sentences.size(); ++s) {
    if (!query::is_prose_sentence(r.doc, static_cast<int>(s))) continue;
    for (const query::Practice& p : query::analyze_sentence(r.doc.sentences[s].text, lex).practices)
      r.practices.push_back(practice_row(static_cast<int>(s), p, lex));
  }
  return r;
}
}  // namespace policyq::store
