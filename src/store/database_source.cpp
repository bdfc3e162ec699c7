#include "store/database_source.hpp"
#include "store/rules_stamp.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store/stating_policies.hpp"
#include "store/stored_policies.hpp"

namespace policyq::store {
namespace {

class DatabaseSource : public PolicySource {
public:
  DatabaseSource(const std::string& path, const std::vector<std::string>& select, SourceOptions options,
                 OnlyStating* only_stating)
      : db_(path, Connection::Mode::read), options_(std::move(options)) {
    check_schema_for_reading(db_);
    policies_ = list_policies(db_, select);
    listed_ = policies_.size();
    // Stored analyses made with other practice rules answer as that policyq would have.
    const bool same_rules = stored_rules_stamp(db_) == rules_stamp();
    if (!same_rules && options_.on_warning)
      options_.on_warning(path + ": analysed with other practice rules than this policyq's: run policyq index --db " +
                          path + " PATH… again to analyse it anew");
    if (only_stating && same_rules) leave_out_not_stating(*only_stating);
  }

  std::optional<Document> next() override {
    while (at_ < policies_.size()) {
      ListedPolicy& p = policies_[at_++];
      try {
        with_paths(db_, p);
        report_if_stale(db_, p, options_);
        Document doc = read_document(db_, p);
        ++read_;
        return doc;
      } catch (const Error& e) {
        skip_or_throw(e, options_, at_ == policies_.size(), read_, policies_.size());
      }
    }
    return std::nullopt;
  }

  std::size_t size() const override { return listed_; }

private:
  void leave_out_not_stating(OnlyStating& only) {
    const std::unordered_set<std::int64_t> may = policies_that_may_state(db_, only.question, only.test,
                                                                          query::Lexicon::builtin());
    std::erase_if(policies_, [&](const ListedPolicy& p) { return !may.count(p.id); });
    only.left_out = listed_ - policies_.size();
  }

  Connection db_;
  SourceOptions options_;
  std::vector<ListedPolicy> policies_;
  std::size_t listed_ = 0;  // before any were left out: size() names them all
  std::size_t at_ = 0, read_ = 0;
};
}  // namespace

std::unique_ptr<PolicySource> open_database(const std::string& db, const std::vector<std::string>& select,
                                            SourceOptions options, OnlyStating* only_stating) {
  return std::make_unique<DatabaseSource>(db, select, std::move(options), only_stating);
}
}  // namespace policyq::store
