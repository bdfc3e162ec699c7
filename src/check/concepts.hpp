#pragma once
// Naming lexicon concepts in rules and configs: "location", "email address",
// "advertisers", "share" resolve to the lexicon's concepts the way a question would.
#include "query/lexicon.hpp"
#include <string>

namespace policyq::check {
// The concept of that kind named by text (its id, or a phrase of the lexicon), or -1.
int concept_for(query::Kind kind, const std::string& text);
// Whether two concepts lie on one line of the hierarchy (either is below the other).
bool related(int a, int b);
// Whether a practice's action counts as the rule's action: "share" covers disclose,
// sell, transfer…; "collect" covers use, receive, store…; others match exactly.
bool action_covers(const std::string& rule_action, const std::string& practice_action);
}
