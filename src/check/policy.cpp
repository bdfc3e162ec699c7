#include "check/policy.hpp"
#include "query/answer.hpp"
#include "query/topic_snapshot.hpp"

namespace policyq::check {
Policy::Policy(Document d) : doc(std::move(d)) {
  index = std::make_unique<Index>(doc);
  facts = query::analyze_document(doc);
}

const std::vector<query::SentenceFacts>& Policy::topic() const {
  if (!has_topic_) {
    topic_ = query::cached_topic_facts(doc);
    has_topic_ = true;
  }
  return topic_;
}
}
