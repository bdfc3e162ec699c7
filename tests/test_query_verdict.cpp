// Verdicts decided over claims of the asked practice (query/verdict.cpp), on small policies
// written for these tests: negation keeps its scope, selling is not sharing, business
// transfers and hypotheticals are no claims, and the deciding sentence is shown first.
#include "query/answer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace policyq;
using namespace policyq::query;

namespace {
// A one-section policy of the given paragraphs.
Document policy(const std::string& paragraphs) { return parse_document("test.md", "# Privacy\n\n" + paragraphs); }

Answer ask(const Document& doc, const std::string& question) {
  Index index(doc);
  return answer(parse_question(question), index, 3);
}

std::string first_quote(const Document& doc, const Answer& a) {
  return a.evidence.empty() ? "" : doc.sentences[static_cast<std::size_t>(a.evidence.front().sentence)].text;
}

const char* const sell_q = "Do you sell my personal information?";
}  // namespace

TEST_CASE("a quoted verb keeps its denial: we do not \"sell\" your data") {
  Document d = policy("We do not \"sell\" your personal data as that term is defined by applicable laws.\n");
  CHECK(ask(d, sell_q).verdict == "no");
}

TEST_CASE("selling a business in a merger is not selling personal data") {
  Document d = policy(
      "We do not sell your personal information.\n\n"
      "We may share, sell, or transfer information about you in connection with a merger, acquisition or bankruptcy.\n");
  Answer a = ask(d, sell_q);
  CHECK(a.verdict == "no");
  CHECK(first_quote(d, a).find("We do not sell") == 0);
  CHECK(a.summary.rfind("No", 0) == 0);
}

TEST_CASE("selling products is not selling personal data") {
  Document d = policy("We sell premium products that help our customers with their searches and messaging.\n");
  CHECK(ask(d, sell_q).verdict == "not_stated");
}

TEST_CASE("'for money' restates what selling is: the denial stands") {
  Document d = policy("We do not sell your personal information to third parties for money.\n");
  CHECK(ask(d, sell_q).verdict == "no");
}

TEST_CASE("an exception turns a denial into conditional: without your explicit consent") {
  Document d = policy("We do not sell or rent your personal information to third parties without your explicit consent.\n");
  CHECK(ask(d, sell_q).verdict == "conditional");
}

TEST_CASE("a denial of selling does not deny sharing with advertisers") {
  Document d = policy(
      "We do not sell personal data to third parties.\n\n"
      "We share device identifiers and cookie data with our advertising partners to show you relevant ads.\n");
  CHECK(ask(d, "Do you share my personal information with advertisers?").verdict == "yes");
}

TEST_CASE("collecting data from advertisers is not sharing it with them") {
  Document d = policy("We may obtain information about you from advertisers and other partners.\n");
  CHECK(ask(d, "Is my email shared with advertisers?").verdict == "not_stated");
}

TEST_CASE("negation keeps its scope across commas and 'or': not intend to, or knowingly, collect") {
  Document d = policy(
      "Our Services are not directed to, and we do not intend to, or knowingly, collect personal data from children "
      "under 13.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("a verb coordinated by 'or' after a denied verb is denied: do not market to children or knowingly collect") {
  Document d = policy(
      "Our site is not intended for children; we do not market any products to children under 13 or knowingly collect any "
      "information from them.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("what a parent may report is a hypothetical, not a statement of collection") {
  Document d = policy(
      "We do not knowingly collect personal information from children under 13.\n\n"
      "If you are the parent of a child who has provided us with personal information, please contact us and we will "
      "delete it.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("children: only a parent's consent makes the denial conditional") {
  Document by_law = policy(
      "We do not knowingly collect personally identifiable information from children under 13, except as permitted by "
      "law.\n");
  CHECK(ask(by_law, "Do you knowingly collect personal information from children?").verdict == "no");
  Document consent = policy(
      "We do not knowingly collect personal information from children under 13 without verifiable parental consent.\n");
  CHECK(ask(consent, "Do you knowingly collect personal information from children?").verdict == "conditional");
}

TEST_CASE("Do Not Track: 'we do not currently respond' is no; a Global Privacy Control sentence is not about it") {
  Document d = policy(
      "Our websites respond to the Global Privacy Control signal when it is enabled in your browser.\n\n"
      "At this time, we do not respond to Do Not Track signals sent by web browsers.\n");
  Answer a = ask(d, "Do you honor Do Not Track signals?");
  CHECK(a.verdict == "no");
  CHECK(first_quote(d, a).find("Do Not Track") != std::string::npos);
}

TEST_CASE("Do Not Track: 'unable to respond' is a denial") {
  Document d = policy("Our websites are currently unable to respond to Do Not Track signals.\n");
  CHECK(ask(d, "Do you honor Do Not Track signals?").verdict == "no");
}

TEST_CASE("deleting cookies is not deleting personal data; requesting deletion of an account is") {
  Document cookies = policy("You can delete the cookies stored by your browser at any time in its settings.\n");
  CHECK(ask(cookies, "Can I delete my personal data?").verdict == "not_stated");
  Document account = policy("You may request that we delete your account and the personal information associated with it.\n");
  CHECK(ask(account, "Can I delete my personal data?").verdict == "yes");
}

TEST_CASE("retention: where data is stored says nothing of how long it is kept") {
  Document d = policy("Any personal information that we collect will be stored in secure servers hosted in Canada.\n");
  CHECK(ask(d, "How long do you keep my personal data?").verdict == "not_stated");
}

TEST_CASE("international transfer needs another country named") {
  Document local = policy("We may transfer your information to our service providers to host the website.\n");
  CHECK(ask(local, "Is my personal data transferred to other countries?").verdict == "not_stated");
  Document abroad = policy("Your information may be transferred to and processed in the United States and other countries.\n");
  CHECK(ask(abroad, "Is my personal data transferred to other countries?").verdict == "yes");
}

TEST_CASE("data in general shared with law enforcement answers a question about an IP address") {
  Document d = policy(
      "We collect your IP address when you visit the site.\n\n"
      "We may disclose your information if required to do so by law or to cooperate with law enforcement.\n");
  Answer a = ask(d, "Is my IP address shared with law enforcement?");
  CHECK(a.verdict != "not_stated");
  CHECK(a.verdict != "no");
  CHECK(first_quote(d, a).find("law enforcement") != std::string::npos);
}

TEST_CASE("children: a service not meant for children implies no, and any plain statement outweighs it") {
  Document implied = policy("Our website is not intended for children under the age of 13.\n");
  Answer a = ask(implied, "Do you knowingly collect personal information from children?");
  CHECK(a.verdict == "no");
  CHECK(a.summary.find("implied") != std::string::npos);
  Document plain = policy(
      "Our website is not intended for children under the age of 13.\n\n"
      "We collect personal information from children under 13 only with verifiable parental consent.\n");
  CHECK(ask(plain, "Do you knowingly collect personal information from children?").verdict == "conditional");
}

TEST_CASE("'knowingly' in a question is not a word the policy must mention") {
  Document d = policy("We collect your name and e-mail address when you register.\n");
  Answer a = ask(d, "Do you knowingly collect personal information from children?");
  CHECK(a.verdict == "not_stated");
  CHECK(a.summary.find("knowingly") == std::string::npos);
}

TEST_CASE("an ad network collecting data on the site is sharing with advertisers") {
  Document d = policy(
      "Third-party ad networks may use cookies and web beacons to collect information about your visits to this site "
      "in order to show you advertisements.\n");
  Answer a = ask(d, "Do you share my personal information with advertisers?");
  CHECK((a.verdict == "yes" || a.verdict == "conditional"));
}

TEST_CASE("a denial about one kind of data does not deny sharing personal data in general") {
  Document d = policy("We do not store or otherwise share any credit card information.\n");
  CHECK(ask(d, "Do you share my personal information with advertisers?").verdict == "not_stated");
}

TEST_CASE("a negative adverb before an inverted subject denies: nowhere on the site do we collect") {
  Document d = policy("Please note that nowhere on the site do we knowingly collect personal information from children under 13.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("what the company says it does not know of is not a practice: no actual knowledge that we sell") {
  Document d = policy("We do not have actual knowledge that we sell personal information of minors under 16.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict != "conditional");
}

TEST_CASE("a policy not to share with an exception is conditional") {
  Document d = policy(
      "It is our strict policy not to share your personal information with any third party, except as is necessary to "
      "process your order.\n");
  CHECK(ask(d, "Do you share my personal information with advertisers?").verdict == "conditional");
}

TEST_CASE("a denial about personal data in general answers for location only where the policy speaks of location") {
  const char* q = "Do you share my location with third parties?";
  Document silent = policy("We will not disclose your personal information to third parties without your consent.\n");
  CHECK(ask(silent, q).verdict == "not_stated");
  Document speaks = policy(
      "We collect your location when you use the app.\n\n"
      "We will not disclose your personal information to third parties without your consent.\n");
  CHECK(ask(speaks, q).verdict == "conditional");
}

TEST_CASE("children: features that may collect information describe a thing, not the company collecting") {
  Document d = policy(
      "JibJab does not knowingly collect personal information from children under the age of 13.\n\n"
      "We take measures to prevent children from accessing features that may collect or publish such information.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("children: 'about your child without your prior consent' is a parent's consent") {
  Document d = policy("We will not disclose or sell personal information about your child without your prior consent.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict != "no");
}

TEST_CASE("a list under an if-clause lead-in states what happens in that case only") {
  Document d = policy(
      "We do not knowingly collect personal information from children under 13.\n\n"
      "If we receive an e-mail message from a child under 13, we may, without the consent of the child's parent:\n\n"
      "- Respond to a one-time request from the child;\n"
      "- Use this information as may be necessary to ensure the safety of the child on the Sites.\n");
  CHECK(ask(d, "Do you knowingly collect personal information from children?").verdict == "no");
}

TEST_CASE("sharing 'outside of our family of companies' is not sharing with affiliates") {
  Document d = policy("We will ask for your consent before we share your personal information outside of our "
                      "corporate family of companies.\n");
  Answer a = ask(d, "Is my information available to your affiliates?");
  CHECK(a.verdict != "yes");
}

TEST_CASE("deleting a child's data on a parent's report is not the user's right to delete") {
  Document d = policy("If you believe we have collected information from your child under 13, please contact us "
                      "and we will delete it.\n");
  CHECK(ask(d, "Can I delete my account data?").verdict == "not_stated");
}

TEST_CASE("a use for another purpose does not answer a question about advertising; a purpose the sentence names does") {
  Document billing = policy("We use your personal information to process your payments.\n");
  CHECK(ask(billing, "Do you use my information for advertising?").verdict != "yes");
  Document ads = policy("We use your personal information to: (i) process your payments; (ii) show you targeted "
                        "advertising.\n");
  CHECK(ask(ads, "Do you use my information for advertising?").verdict == "yes");
}

TEST_CASE("'information' answers a question about personal information as fully as 'personal information'") {
  Document d = policy("We may share information with third parties.\n\n"
                      "We will share your demographic information within our family of companies.\n");
  Answer a = ask(d, "Does the company share user's information with a third party?");
  CHECK(a.verdict == "yes");
  CHECK(first_quote(d, a) == "We may share information with third parties.");
}

TEST_CASE("a policy in a language without practice rules is 'not analysed', not 'not stated'") {
  Document d = parse_document("fr.md", "# Politique\n\nNous ne vendons pas vos données personnelles à des tiers. "
                                       "Nous collectons votre adresse e-mail lorsque vous créez un compte.\n");
  Answer a = ask(d, sell_q);
  CHECK(a.verdict == "not_stated");
  CHECK(a.summary.rfind("Not analysed. The policy is in French", 0) == 0);
}

TEST_CASE("a rule the company is bound by is its own denial: 'we are not permitted to collect'; a vendor's is not") {
  Document own = policy("Because of federal law, we are not permitted to knowingly collect any personal information from "
                        "a child under the age of thirteen.\n");
  CHECK(ask(own, "Do you knowingly collect personal information from children?").verdict == "no");
  Document vendor = policy("Our service providers are not permitted to sell your personal information.\n");
  CHECK(ask(vendor, sell_q).verdict == "not_stated");
}

TEST_CASE("'sell my info to other companies' asks about selling data, not selling a company") {
  Document d = policy("We do not sell your personal information.\n\n"
                      "We may share your personal data with relevant third parties when we sell or negotiate to sell our "
                      "business, or go through a merger.\n");
  Answer a = ask(d, "Will you sell my info to other companies?");
  CHECK(a.verdict == "no");
}

TEST_CASE("licensing data from third parties is obtaining it, not selling it") {
  Document d = policy("We may license data such as your contact info or information about your job function from third parties.\n");
  CHECK(ask(d, sell_q).verdict == "not_stated");
}

TEST_CASE("what a policy says the law may count as a sale is a conditional sale") {
  Document d = policy("We disclose identifiers and internet activity to advertising partners. These disclosures may be "
                      "considered “sales” or “sharing” under state privacy laws.\n");
  Answer a = ask(d, sell_q);
  CHECK(a.verdict == "conditional");
  Document not_sale = policy("Sharing data with our service providers is not considered a sale under these laws.\n");
  CHECK(ask(not_sale, sell_q).verdict != "conditional");
}

TEST_CASE("a denial about children's data does not deny selling personal data in general") {
  Document d = policy("We do not knowingly sell the personal information of children under 16.\n\n"
                      "We may license personal information to financial institutions to offer co-branded credit cards.\n");
  CHECK(ask(d, "Will you sell my info to other companies?").verdict != "no");
  Document plain = policy("We do not otherwise engage in “sales” of personal information as defined by state laws.\n");
  CHECK(ask(plain, sell_q).verdict == "no");
}

TEST_CASE("sharing with advertisers asked in other words: 'ad networks', 'advertising companies'") {
  Document d = policy("We share your personal information with advertisers to show you relevant ads.\n");
  CHECK(ask(d, "Do you give my data to ad networks?").verdict == "yes");
  CHECK(ask(d, "Is my personal data shared with advertising companies?").verdict == "yes");
}
