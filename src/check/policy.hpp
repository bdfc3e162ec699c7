#pragma once
// One policy ready for the CI commands: the document, its index and the facts
// (practices, concepts, topics) of every sentence.
#include "document/document.hpp"
#include "index/index.hpp"
#include "query/practices.hpp"
#include <memory>
#include <vector>

namespace policyq::check {
struct Policy {
  Document doc;
  std::unique_ptr<Index> index;
  std::vector<query::SentenceFacts> facts;  // per sentence; empty for chrome

  // The topic facts answering needs (query::topic_facts), computed on first use: every
  // ask rule of a policy shares them.
  const std::vector<query::SentenceFacts>& topic() const;

  explicit Policy(Document d);
  Policy(const Policy&) = delete;  // the index points into doc
  Policy& operator=(const Policy&) = delete;

private:
  mutable std::vector<query::SentenceFacts> topic_;
  mutable bool has_topic_ = false;
};
}
