// List answers: the data a policy collects, the recipients it shares with, the places data
// is kept, the rights it gives — from small policies written for these tests.
#include "query/lists.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace policyq;
using namespace policyq::query;

namespace {

std::vector<Item> items_for(const Document& doc, const std::string& question) {
  Question q = parse_question(question);
  return list_items(answer_kind(q), q, doc, answer_facts(doc));
}

const Item* find(const std::vector<Item>& items, std::string_view concept_id) {
  for (const Item& it : items)
    if (it.concept_id == concept_id) return &it;
  return nullptr;
}

int line_of(const Document& doc, int sentence) { return doc.sentences[static_cast<std::size_t>(sentence)].first_line; }

}  // namespace

TEST_CASE("data list: the data named in collection sentences, not the generic 'personal information'") {
  Document doc = parse_document("collect.md",
                                "# What We Collect\n\n"
                                "We collect your name, email address and phone number when you register.\n\n"
                                "We automatically collect your IP address and browser type.\n\n"
                                "We do not collect your precise location.\n");
  std::vector<Item> items = items_for(doc, "What personal information do you collect?");
  CHECK(find(items, "name"));
  CHECK(find(items, "email_address"));
  CHECK(find(items, "phone_number"));
  CHECK(find(items, "ip_address"));
  CHECK_FALSE(find(items, "personal_information"));
  CHECK_FALSE(find(items, "information"));
  CHECK_FALSE(find(items, "location"));  // denied
  const Item* ip = find(items, "ip_address");
  REQUIRE(ip);
  REQUIRE(ip->sentences.size() == 1);
  CHECK(line_of(doc, ip->sentences[0]) == 5);
}

TEST_CASE("data list: 'what contact information' lists only the kinds of contact information") {
  Document doc = parse_document("contact.md",
                                "# What We Collect\n\n"
                                "We collect your name, email address and phone number when you register.\n\n"
                                "We automatically collect your IP address and browser type.\n");
  std::vector<Item> items = items_for(doc, "What contact information do you collect from me?");
  CHECK(find(items, "email_address"));
  CHECK(find(items, "phone_number"));
  CHECK_FALSE(find(items, "ip_address"));
  CHECK(answer_kind(parse_question("Which advertisers receive my data?")) == AnswerKind::recipient_list);
}

TEST_CASE("data list: a list under a collection lead-in names the data") {
  Document doc = parse_document("lead.md",
                                "# Information\n\n"
                                "We collect the following information:\n\n"
                                "- Your postal address\n"
                                "- Your purchase history\n");
  std::vector<Item> items = items_for(doc, "What data do you collect?");
  CHECK(find(items, "postal_address"));
  CHECK(find(items, "transactions"));
}

TEST_CASE("recipient list: a denied sharing gives no recipient") {
  Document doc = parse_document("deny.md",
                                "# Sharing\n\n"
                                "We do not share your personal information with advertisers.\n\n"
                                "We may share your information with our affiliates.\n");
  std::vector<Item> items = items_for(doc, "Who do you share my personal information with?");
  CHECK_FALSE(find(items, "advertiser"));
  CHECK(find(items, "affiliate"));
}

TEST_CASE("recipient list: service providers working for the company are recipients, without a sharing verb") {
  Document doc = parse_document("providers.md",
                                "# Sharing\n\n"
                                "We work with service providers that host our website and send our e-mails.\n\n"
                                "In the event of a merger or acquisition, your information may be transferred to the "
                                "acquiring company.\n");
  std::vector<Item> items = items_for(doc, "Who do you share my personal information with?");
  const Item* sp = find(items, "service_provider");
  REQUIRE(sp);
  CHECK(line_of(doc, sp->sentences.front()) == 3);
  CHECK(find(items, "acquirer"));
  CHECK_FALSE(find(items, "third_party"));  // more specific recipients are named
}

TEST_CASE("recipient list: the bundled policy names its service providers") {
  std::vector<Item> items = items_for(load_bundled_policy(), "Who do you share my data with?");
  CHECK(find(items, "service_provider"));
}

TEST_CASE("rights list: delete, opt out of sale and marketing e-mail are told apart") {
  Document doc = parse_document("rights.md",
                                "# Your Rights\n\n"
                                "You have the right to request that we delete your personal information.\n\n"
                                "You may opt out of the sale of your personal information by clicking Do Not Sell My "
                                "Personal Information.\n\n"
                                "You can unsubscribe from our marketing emails at any time.\n\n"
                                "We delete log files after 30 days.\n");
  std::vector<Item> items = find_rights(doc, answer_facts(doc));
  const Item* del = find(items, "right_to_delete");
  const Item* sale = find(items, "opt_out_of_sale");
  const Item* mail = find(items, "opt_out_of_marketing_email");
  REQUIRE(del);
  REQUIRE(sale);
  REQUIRE(mail);
  // Each right with the sentence stating it only; the company deleting logs is no right.
  REQUIRE(del->sentences.size() == 1);
  CHECK(line_of(doc, del->sentences[0]) == 3);
  REQUIRE(sale->sentences.size() == 1);
  CHECK(line_of(doc, sale->sentences[0]) == 5);
  REQUIRE(mail->sentences.size() == 1);
  CHECK(line_of(doc, mail->sentences[0]) == 7);
  CHECK_FALSE(find(items, "right_to_access"));
  // The rights question gives the same items.
  CHECK(items_for(doc, "What rights do I have?").size() == items.size());
}

TEST_CASE("rights list: Shine the Light is learning what was disclosed for direct marketing, not opting out of it") {
  Document doc = parse_document("rights.md",
                                "# California\n\n"
                                "If you are a California resident, you can request a notice disclosing the categories of "
                                "personal information we shared with third parties for their direct marketing purposes.\n\n"
                                "You may opt out of our sharing of your personal information with unaffiliated third parties "
                                "for the third parties' direct marketing purposes.\n");
  std::vector<Item> items = find_rights(doc, answer_facts(doc));
  const Item* know = find(items, "know_marketing_disclosures");
  const Item* opt_out = find(items, "opt_out_of_sharing");
  REQUIRE(know);
  REQUIRE(opt_out);
  REQUIRE(know->sentences.size() == 1);
  CHECK(line_of(doc, know->sentences[0]) == 3);
  CHECK(line_of(doc, opt_out->sentences[0]) == 5);
}

TEST_CASE("place list: where data is stored and the transfer mechanism, not where the user is") {
  Document doc = parse_document("places.md",
                                "# International Transfers\n\n"
                                "If you are located in Canada, your information will be transferred to and stored in "
                                "the United States.\n\n"
                                "We rely on standard contractual clauses for transfers from the European Economic Area.\n");
  std::vector<Item> items = items_for(doc, "Where is my data stored?");
  CHECK(find(items, "united_states"));
  CHECK(find(items, "standard_contractual_clauses"));
  CHECK_FALSE(find(items, "canada"));
  CHECK_FALSE(find(items, "eea"));
}
