#pragma once
// The one connection that writes a policyq database: replaces, touches and removes
// policies inside transactions the indexer opens and commits batch by batch, so that a
// run killed at any moment leaves every policy either as it was or fully replaced.
#include "store/policy_record.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace policyq::store {

struct StoredPolicy {
  std::int64_t id = 0;
  std::string content_hash;
  std::string encoding;
  bool same_rules = true;  // analysed with this policyq's practice rules (rules_stamp.hpp)
};

class DatabaseWriter {
public:
  // Opens (or creates) the database and takes its write lock, so a second index run
  // fails at once ("locked") rather than after doing all its work. Throws Error.
  explicit DatabaseWriter(const std::string& path);
  ~DatabaseWriter();

  // The policies stored, by absolute path.
  std::unordered_map<std::string, StoredPolicy> stored();

  void commit_and_continue();  // ends the current batch and begins the next
  void commit();               // ends the last batch

  // Adds a policy, or replaces the one stored under the same absolute path.
  void replace(const PolicyRecord& record);
  // Records a file whose bytes are unchanged under the name and times it has now.
  void touch(const FileState& file);
  void remove(std::int64_t id);
  void set_meta(const std::string& key, const std::string& value);
  // The practice rules the stored analyses were made with (rules_stamp.hpp), "" when none.
  std::string stored_rules();
  // Whether this run made the tables (a new file, or one of an older schema).
  bool created() const { return created_; }

private:
  void insert_rows(std::int64_t policy_id, const PolicyRecord& r);
  void insert_practices(std::int64_t policy_id, const PolicyRecord& r, const std::vector<std::int64_t>& sentence_ids);
  void insert_pending_terms();

  // The search_terms rows of the batch, inserted in (term, policy) order when it commits:
  // one sweep through the term-ordered table instead of ~1,500 inserts at random places
  // per policy, which made a big database's index three times slower.
  struct PendingTerm {
    std::string term;
    std::int64_t policy_id = 0, postings_id = 0;
    std::uint32_t sentences = 0;
    std::string best, sections;
  };
  std::vector<PendingTerm> pending_terms_;

  Connection db_;
  bool created_ = false;  // set before the statements below are prepared: they need the tables
  bool in_transaction_ = false;
  Statement delete_policy_, index_text_, unindex_text_, unindex_text_by_id_, insert_policy_, insert_document_, insert_section_, insert_sentence_, insert_practice_,
      insert_concept_, insert_period_, insert_postings_, insert_term_, touch_policy_, set_meta_;
};

// Now as ISO 8601 UTC ("2026-12-05T10:00:00Z").
std::string utc_now();
}  // namespace policyq::store
