#pragma once
// How to contact a company about privacy: the e-mail addresses, web forms and postal
// addresses a policy gives, read from its text and its links (a web form is often only a
// link target: "use our [contact form](https://…)").
#include "document/document.hpp"
#include "query/answer.hpp"

#include <vector>

namespace policyq::query {

// Contact channels, privacy ones first (a privacy or data-protection address, a channel in
// a "Contact us" section or a sentence about privacy questions), then the others; each
// item's concept is "email", "web_form" or "postal_address" and its label the address as
// written. Empty when the policy gives none.
std::vector<Item> privacy_contacts(const Document& doc);

}  // namespace policyq::query
