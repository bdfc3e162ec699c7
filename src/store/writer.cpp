#include "store/writer.hpp"
#include "store/rules_stamp.hpp"
#include "store/schema.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace policyq::store {
namespace {
bool set_up_for_writing(Connection& db) {
  bool created = prepare_schema_for_writing(db);
  // Deletes cascade from policies to their rows; the FTS table follows through triggers.
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA cache_size = -16384");  // 16 MiB of pages: the indexes of a big batch stay in memory
  return created;
}

std::string path_join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " > ") + p;
  return out;
}
}  // namespace

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

DatabaseWriter::DatabaseWriter(const std::string& path)
    : db_(path, Connection::Mode::write),
      created_(set_up_for_writing(db_)),
      delete_policy_(db_.prepare("DELETE FROM policies WHERE abs_path = ?1")),
      // The FTS table is filled and emptied one policy at a time, not by triggers: FTS5
      // flushes its pending terms at the end of every statement that touches it, and a
      // statement per sentence made that flush 70 % of indexing.
      index_text_(db_.prepare("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE policy_id = ?1")),
      unindex_text_(db_.prepare(
          "INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', s.id, s.text FROM sentences s"
          " WHERE s.policy_id = (SELECT id FROM policies WHERE abs_path = ?1)")),
      unindex_text_by_id_(db_.prepare(
          "INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', id, text FROM sentences WHERE policy_id = ?1")),
      insert_policy_(db_.prepare(
          "INSERT INTO policies (path, abs_path, name, content_hash, size, mtime_ns, encoding, language, title, line_count,"
          " section_count, sentence_count, practice_count, indexed_at, term_count)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")),
      insert_document_(db_.prepare("INSERT INTO documents (policy_id, text_hash, source, snapshot) VALUES (?1, ?2, ?3, ?4)")),
      insert_section_(db_.prepare(
          "INSERT INTO sections (policy_id, section, parent, level, title, anchor, path, first_line, last_line, inferred,"
          " preamble, chrome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")),
      insert_sentence_(db_.prepare(
          "INSERT INTO sentences (policy_id, sentence, section, first_line, last_line, chrome, text)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")),
      insert_practice_(db_.prepare(
          "INSERT INTO practices (policy_id, sentence_id, action, actor, polarity, modality, scope, conditions)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")),
      insert_concept_(db_.prepare(
          "INSERT INTO practice_concepts (practice_id, role, position, concept, label) VALUES (?1, ?2, ?3, ?4, ?5)")),
      insert_period_(db_.prepare(
          "INSERT INTO practice_periods (practice_id, position, kind, text, iso) VALUES (?1, ?2, ?3, ?4, ?5)")),
      insert_postings_(db_.prepare("INSERT INTO search_postings (policy_id, postings) VALUES (?1, ?2)")),
      insert_term_(db_.prepare(
          "INSERT INTO search_terms (term, policy_id, sentences, best, sections, postings_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
      touch_policy_(db_.prepare("UPDATE policies SET path = ?2, size = ?3, mtime_ns = ?4 WHERE abs_path = ?1")),
      set_meta_(db_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")) {
  db_.exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
}

DatabaseWriter::~DatabaseWriter() {
  // An error stopped the run: the batch in progress is undone, the batches committed stay.
  if (in_transaction_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unordered_map<std::string, StoredPolicy> DatabaseWriter::stored() {
  std::unordered_map<std::string, StoredPolicy> out;
  Statement s = db_.prepare("SELECT abs_path, id, content_hash, encoding FROM policies");
  while (s.step())
    out.emplace(std::string(s.text_at(0)), StoredPolicy{s.int_at(1), std::string(s.text_at(2)), std::string(s.text_at(3))});
  return out;
}

void DatabaseWriter::insert_pending_terms() {
  std::sort(pending_terms_.begin(), pending_terms_.end(), [](const PendingTerm& a, const PendingTerm& b) {
    return a.term != b.term ? a.term < b.term : a.policy_id < b.policy_id;
  });
  for (const PendingTerm& t : pending_terms_)
    insert_term_.bind(1, t.term).bind(2, t.policy_id).bind(3, std::int64_t{t.sentences}).bind_blob(4, t.best)
        .bind_blob(5, t.sections).bind(6, t.postings_id).run();
  pending_terms_.clear();
}

void DatabaseWriter::commit_and_continue() {
  insert_pending_terms();
  db_.exec("COMMIT");
  in_transaction_ = false;
  db_.exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
}

void DatabaseWriter::commit() {
  insert_pending_terms();
  db_.exec("COMMIT");
  in_transaction_ = false;
}

void DatabaseWriter::replace(const PolicyRecord& r) {
  unindex_text_.bind(1, r.file.abs_path).run();
  delete_policy_.bind(1, r.file.abs_path).run();
  const Document& doc = r.doc;
  insert_policy_.bind(1, r.file.path)
      .bind(2, r.file.abs_path)
      .bind(3, std::filesystem::path(r.file.path).filename().string())
      .bind(4, r.content_hash)
      .bind(5, r.file.size)
      .bind(6, r.file.mtime_ns)
      .bind(7, r.encoding)
      .bind(8, doc.language)
      .bind(10, std::int64_t{doc.line_count})
      .bind(11, static_cast<std::int64_t>(doc.sections.size()))
      .bind(12, static_cast<std::int64_t>(doc.sentences.size()))
      .bind(13, static_cast<std::int64_t>(r.practices.size()))
      .bind(14, utc_now())
      .bind(15, static_cast<std::int64_t>(r.term_count));
  if (r.title.empty()) insert_policy_.bind_null(9);
  else insert_policy_.bind(9, r.title);
  insert_policy_.run();
  std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
  insert_document_.bind(1, id).bind(2, r.text_hash).bind(3, doc.source).bind_blob(4, r.snapshot).run();
  insert_rows(id, r);
  index_text_.bind(1, id).run();
}

void DatabaseWriter::insert_rows(std::int64_t policy_id, const PolicyRecord& r) {
  const Document& doc = r.doc;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    insert_section_.bind(1, policy_id).bind(2, static_cast<std::int64_t>(i));
    if (s.parent < 0) insert_section_.bind_null(3);
    else insert_section_.bind(3, std::int64_t{s.parent});
    insert_section_.bind(4, std::int64_t{s.level}).bind(5, s.title).bind(6, s.anchor).bind(7, path_join(s.path))
        .bind(8, std::int64_t{s.first_line}).bind(9, std::int64_t{s.last_line}).bind(10, std::int64_t{s.inferred})
        .bind(11, std::int64_t{s.preamble}).bind(12, std::int64_t{s.chrome}).run();
  }
  std::vector<std::int64_t> sentence_ids(doc.sentences.size());
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    insert_sentence_.bind(1, policy_id).bind(2, static_cast<std::int64_t>(i)).bind(3, std::int64_t{s.section})
        .bind(4, std::int64_t{s.first_line}).bind(5, std::int64_t{s.last_line}).bind(6, std::int64_t{doc.is_chrome(s)})
        .bind(7, s.text).run();
    sentence_ids[i] = sqlite3_last_insert_rowid(db_.handle());
  }
  insert_practices(policy_id, r, sentence_ids);
  for (const StoredTerm& t : r.terms) {
    insert_postings_.bind(1, policy_id).bind_blob(2, t.postings).run();
    pending_terms_.push_back({t.term, policy_id, sqlite3_last_insert_rowid(db_.handle()), t.sentences, t.best, t.sections});
  }
}

void DatabaseWriter::insert_practices(std::int64_t policy_id, const PolicyRecord& r,
                                      const std::vector<std::int64_t>& sentence_ids) {
  for (const PracticeRow& p : r.practices) {
    insert_practice_.bind(1, policy_id).bind(2, sentence_ids[static_cast<std::size_t>(p.sentence)]).bind(3, p.action)
        .bind(4, p.actor).bind(5, p.polarity).bind(8, p.conditions_json);
    if (p.modality.empty()) insert_practice_.bind_null(6);
    else insert_practice_.bind(6, p.modality);
    if (p.scope.empty()) insert_practice_.bind_null(7);
    else insert_practice_.bind(7, p.scope);
    insert_practice_.run();
    std::int64_t practice_id = sqlite3_last_insert_rowid(db_.handle());
    for (std::size_t i = 0; i < p.concepts.size(); ++i)
      insert_concept_.bind(1, practice_id).bind(2, p.concepts[i].role).bind(3, static_cast<std::int64_t>(i))
          .bind(4, p.concepts[i].concept_id).bind(5, p.concepts[i].label).run();
    for (std::size_t i = 0; i < p.periods.size(); ++i) {
      insert_period_.bind(1, practice_id).bind(2, static_cast<std::int64_t>(i)).bind(3, p.periods[i].kind)
          .bind(4, p.periods[i].text);
      if (p.periods[i].iso.empty()) insert_period_.bind_null(5);
      else insert_period_.bind(5, p.periods[i].iso);
      insert_period_.run();
    }
  }
}

void DatabaseWriter::touch(const FileState& file) {
  touch_policy_.bind(1, file.abs_path).bind(2, file.path).bind(3, file.size).bind(4, file.mtime_ns).run();
}

void DatabaseWriter::remove(std::int64_t id) {
  unindex_text_by_id_.bind(1, id).run();
  Statement s = db_.prepare("DELETE FROM policies WHERE id = ?1");
  s.bind(1, id).run();
}

std::string DatabaseWriter::stored_rules() { return stored_rules_stamp(db_); }

void DatabaseWriter::set_meta(const std::string& key, const std::string& value) { set_meta_.bind(1, key).bind(2, value).run(); }
}  // namespace policyq::store
