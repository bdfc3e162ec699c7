#include "store/schema.hpp"
#include "util/error.hpp"

#include <string>

namespace policyq::store {
namespace {
// Policies with their metadata; the bytes and the analysed document apart, in documents,
// so that listing policies does not read megabytes. Sections, sentences and practices are
// the same analysis as rows, for people querying with SQL; policyq itself answers from
// documents, so its output is the same as from the files. search_terms and search_postings
// are search's own index (index/stored_terms.hpp): `search --db` sums statistics and bounds
// each policy's best score from the small search_terms rows of the query's terms, reads the
// postings of the policies that can still make the top N, and documents only for the
// sentences it prints. The postings are apart so that the first pass reads little, and
// policies_listing covers what the read commands list (path order, language, counts):
// listing 20,000 policies then reads a small index in order instead of every row.
constexpr const char* schema_sql = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE policies (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  abs_path      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mtime_ns      INTEGER NOT NULL,
  encoding      TEXT NOT NULL,
  language      TEXT NOT NULL,
  title         TEXT,
  line_count    INTEGER NOT NULL,
  section_count INTEGER NOT NULL,
  sentence_count INTEGER NOT NULL,
  practice_count INTEGER NOT NULL,
  term_count    INTEGER NOT NULL,
  indexed_at    TEXT NOT NULL
);
CREATE INDEX policies_listing ON policies(path, abs_path, id, language, sentence_count, term_count);
CREATE TABLE documents (
  policy_id INTEGER PRIMARY KEY REFERENCES policies(id) ON DELETE CASCADE,
  text_hash TEXT NOT NULL,
  source    TEXT NOT NULL,
  snapshot  BLOB NOT NULL
);
CREATE TABLE sections (
  policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  section    INTEGER NOT NULL,
  parent     INTEGER,
  level      INTEGER NOT NULL,
  title      TEXT NOT NULL,
  anchor     TEXT NOT NULL,
  path       TEXT NOT NULL,
  first_line INTEGER NOT NULL,
  last_line  INTEGER NOT NULL,
  inferred   INTEGER NOT NULL,
  preamble   INTEGER NOT NULL,
  chrome     INTEGER NOT NULL,
  PRIMARY KEY (policy_id, section)
) WITHOUT ROWID;
CREATE TABLE sentences (
  id         INTEGER PRIMARY KEY,
  policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  sentence   INTEGER NOT NULL,
  section    INTEGER NOT NULL,
  first_line INTEGER NOT NULL,
  last_line  INTEGER NOT NULL,
  chrome     INTEGER NOT NULL,
  text       TEXT NOT NULL,
  UNIQUE (policy_id, sentence)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE search_terms (
  term        TEXT NOT NULL,
  policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  sentences   INTEGER NOT NULL,
  best        BLOB NOT NULL,
  sections    BLOB NOT NULL,
  postings_id INTEGER NOT NULL,
  PRIMARY KEY (term, policy_id)
) WITHOUT ROWID;
CREATE INDEX search_terms_policy ON search_terms(policy_id);
CREATE TABLE search_postings (
  id        INTEGER PRIMARY KEY,
  policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  postings  BLOB NOT NULL
);
CREATE INDEX search_postings_policy ON search_postings(policy_id);
CREATE TABLE practices (
  id          INTEGER PRIMARY KEY,
  policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  polarity    TEXT NOT NULL,
  modality    TEXT,
  scope       TEXT,
  conditions  TEXT NOT NULL
);
CREATE INDEX practices_policy ON practices(policy_id);
CREATE INDEX practices_sentence ON practices(sentence_id);
CREATE INDEX practices_action ON practices(action);
CREATE TABLE practice_concepts (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  role        TEXT NOT NULL,
  position    INTEGER NOT NULL,
  concept     TEXT NOT NULL,
  label       TEXT NOT NULL,
  PRIMARY KEY (practice_id, role, position)
) WITHOUT ROWID;
CREATE INDEX practice_concepts_concept ON practice_concepts(concept, role);
CREATE TABLE practice_periods (
  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  iso         TEXT,
  PRIMARY KEY (practice_id, position)
) WITHOUT ROWID;
CREATE VIEW practice_rows AS
  SELECT p.path AS policy, s.first_line AS line, s.last_line AS end_line, pr.action, pr.actor, pr.polarity,
         pr.modality,
         (SELECT group_concat(label, ', ') FROM practice_concepts c WHERE c.practice_id = pr.id AND c.role = 'data') AS data,
         (SELECT group_concat(label, ', ') FROM practice_concepts c WHERE c.practice_id = pr.id AND c.role = 'recipient') AS recipients,
         (SELECT group_concat(label, ', ') FROM practice_concepts c WHERE c.practice_id = pr.id AND c.role = 'purpose') AS purposes,
         pr.conditions, s.text AS sentence
  FROM practices pr JOIN sentences s ON s.id = pr.sentence_id JOIN policies p ON p.id = pr.policy_id;
)sql";

bool has_tables(Connection& db) { return db.query_int("SELECT count(*) FROM sqlite_schema") > 0; }

// Reading the header pages is what makes SQLite notice a file that is not a database.
void read_header(Connection& db, int& version, int& app) {
  version = static_cast<int>(db.query_int("PRAGMA user_version"));
  app = static_cast<int>(db.query_int("PRAGMA application_id"));
}

[[noreturn]] void other_schema(const std::string& path, int version, bool writing) {
  std::string built = "built by schema " + std::to_string(version) + ", this is " + std::to_string(schema_version);
  if (writing && version > schema_version)
    throw Error(path, 0, built + ": use the newer policyq that built it, or index into another --db file (nothing was changed)");
  throw Error(path, 0, built + ": run policyq index again" + (writing ? "" : " (it rebuilds the database)"));
}
}  // namespace

void check_schema_for_reading(Connection& db) {
  int version = 0, app = 0;
  read_header(db, version, app);
  if (app != application_id) {
    if (!has_tables(db)) throw Error(db.path(), 0, "empty database: build it with policyq index PATH… --db " + db.path());
    throw Error(db.path(), 0, "a SQLite database, but not one policyq index made: give the path of one it made");
  }
  if (version != schema_version) other_schema(db.path(), version, false);
  db.exec("PRAGMA query_only = ON");
}

bool prepare_schema_for_writing(Connection& db) {
  int version = 0, app = 0;
  read_header(db, version, app);
  if (app == application_id && version == schema_version) return false;
  if (app == application_id && version > schema_version) other_schema(db.path(), version, true);
  if (app != application_id && has_tables(db))
    throw Error(db.path(), 0, "a SQLite database, but not one policyq index made: index into another --db file (nothing was changed)");
  // An empty file, or a policyq database of an older schema: (re)built from scratch in one
  // transaction, so a run killed here leaves the file as it was.
  // 16 KiB pages for a new file (an existing one keeps its size): a policy's document
  // snapshot spans fewer overflow pages, a batch writes fewer pages, and a term's rows fill
  // fewer leaves (2,000 policies: index 6 % faster, ask --summary 20 %, search 10 %).
  db.exec("PRAGMA page_size = 16384");
  db.exec("BEGIN IMMEDIATE");
  if (app == application_id) {
    for (const char* drop : {"DROP VIEW IF EXISTS practice_rows", "DROP TABLE IF EXISTS practice_periods",
                             "DROP TABLE IF EXISTS practice_concepts", "DROP TABLE IF EXISTS practices",
                             "DROP TABLE IF EXISTS search_terms", "DROP TABLE IF EXISTS search_postings",
                             "DROP TABLE IF EXISTS sentences_fts", "DROP TABLE IF EXISTS sentences",
                             "DROP TABLE IF EXISTS sections", "DROP TABLE IF EXISTS documents",
                             "DROP TABLE IF EXISTS policies", "DROP TABLE IF EXISTS meta"})
      db.exec(drop);
  }
  db.exec(schema_sql);
  db.exec(("PRAGMA user_version = " + std::to_string(schema_version)).c_str());
  db.exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
  db.exec("COMMIT");
  return true;
}
}  // namespace policyq::store
