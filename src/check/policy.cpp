#include "check/policy.hpp"
#include "query/answer.hpp"

namespace policyq::check {
Policy::Policy(Document d) : doc(std::move(d)) {
  index = std::make_unique<Index>(doc);
  facts = query::analyze_document(doc);
}
}
