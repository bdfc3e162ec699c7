#pragma once
// Everything the database keeps about one policy, made ready by an indexing worker so
// that the single writer thread only binds and inserts: the metadata, the text and the
// analysed document (what policyq reads back), and the practices of every sentence as
// plain words and concept ids (what people query with SQL).
#include "document/document.hpp"
#include "index/stored_terms.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace policyq::store {

// What a file looked like when read: the database compares it on the next run (index:
// unchanged or not) and on every query (changed or deleted since indexing).
struct FileState {
  std::string path;       // as named by the user: what output prints
  std::string abs_path;   // absolute and normalised: what identifies the policy
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
};

struct PeriodRow {
  std::string kind, text, iso;
};

struct ConceptRow {
  std::string role;   // data | recipient | purpose
  std::string concept_id;
  std::string label;  // plain words (query/labels.hpp)
};

struct PracticeRow {
  int sentence = -1;  // index into the document's sentences
  std::string action, actor, polarity, modality, scope;
  std::string conditions_json;  // JSON array of strings
  std::vector<ConceptRow> concepts;
  std::vector<PeriodRow> periods;
};

struct PolicyRecord {
  FileState file;
  std::string content_hash;  // 16 hex digits of the file's bytes (util/cache.hpp content_hash)
  std::string encoding;      // what the bytes were read as
  std::string title;         // the first section title of the policy body ("" when none)
  std::string text_hash;     // of the decoded text: the key of its cached analyses
  std::string snapshot;      // serialize_document
  Document doc;              // sections, sentences and the source text
  std::vector<PracticeRow> practices;
  std::vector<StoredTerm> terms;  // search's postings, per term
  std::size_t term_count = 0;     // the sentences' terms, stop words removed (search's average length)
};

std::string hex64(std::uint64_t v);
std::uint64_t parse_hex64(std::string_view hex);

// Analyses decoded text into a record: parse, snapshot, practices of every prose sentence.
// Throws Error (as parse_document) when the text cannot be a policy.
PolicyRecord make_record(FileState file, std::string content_hash, std::string encoding, std::string text);
}  // namespace policyq::store
