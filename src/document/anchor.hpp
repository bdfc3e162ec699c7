#pragma once
// GitHub-compatible heading anchors: lower-cased, punctuation other than '-' and '_'
// dropped, spaces to '-'; repeats get -1, -2 … in document order.
#include <string>
#include <string_view>
#include <unordered_map>

namespace policyq {
std::string anchor_slug(std::string_view title);

class AnchorSet {
public:
  std::string make(std::string_view title);  // unique within this set
private:
  std::unordered_map<std::string, int> seen_;
};
}
