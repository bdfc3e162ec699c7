// Question parsing: intent and slots from free phrasing; bad questions.
#include "query/question.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq::query;

namespace {
std::vector<std::string> ids(const std::vector<int>& v) {
  std::vector<std::string> out;
  for (int c : v) out.push_back(Lexicon::builtin().entry(c).id);
  return out;
}
bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("intents from free phrasing") {
  struct Case {
    const char* q;
    const char* intent;
  };
  const Case cases[] = {
      {"Is my address given to the police?", "sharing"},
      {"Will you hand over my chats to the government?", "sharing"},
      {"Do you pass on my details to marketers?", "sharing"},
      {"Do you make money from my data by selling it?", "selling"},
      {"Is my profile rented out?", "selling"},
      {"How long do you hold on to my photos?", "retention"},
      {"Is my data kept after I close my account?", "retention"},
      {"What do you gather about me?", "collection"},
      {"Why do you collect my phone number?", "use"},
      {"Are cookies placed on my computer?", "cookies"},
      {"Do you respond to Do Not Track?", "tracking"},
      {"Can I get rid of my account data?", "rights"},
      {"How can I opt out of newsletters?", "rights"},
      {"Is my password encrypted?", "security"},
      {"What happens if there is a breach?", "security"},
      {"Do you knowingly collect data from kids?", "children"},
      {"Is my data stored outside the EU?", "transfer"},
      {"Who do I contact with a complaint?", "contact"},
      {"Will I be told when the policy is updated?", "changes"},
      {"What is the governing law?", "other"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.q);
    CHECK(parse_question(c.q).intent == c.intent);
  }
}

TEST_CASE("slots: data, recipient and purpose concepts, with colloquial words") {
  Question q = parse_question("Is my location shared with advertisers for ads?");
  CHECK(q.intent == "sharing");
  CHECK(has(ids(q.data), "location"));
  CHECK(has(ids(q.recipient), "advertiser"));
  CHECK(has(ids(q.purpose), "advertising"));
  Question p = parse_question("Do you give my email to the cops?");
  CHECK(has(ids(p.data), "email_address"));
  CHECK(has(ids(p.recipient), "police"));
}

TEST_CASE("the generic word 'data' leaves the data slot empty") {
  Question q = parse_question("Do you sell my data?");
  CHECK(q.intent == "selling");
  CHECK(q.data.empty());
  CHECK(q.yes_no);
}

TEST_CASE("words the lexicon does not know are kept as free terms") {
  Question q = parse_question("Do you collect my shoe size?");
  CHECK(q.intent == "collection");
  CHECK(has(q.free_terms, "shoe"));
  CHECK(has(q.free_terms, "size"));
}

TEST_CASE("bad questions are errors with a clear message") {
  CHECK_THROWS_WITH_AS(parse_question(""), doctest::Contains("empty question"), policyq::Error);
  CHECK_THROWS_WITH_AS(parse_question("  ?! "), doctest::Contains("empty question"), policyq::Error);
  CHECK_THROWS_WITH_AS(parse_question("is it the"), doctest::Contains("only stop words"), policyq::Error);
  CHECK_THROWS_WITH_AS(parse_question(std::string(11 * 1024, 'a')), doctest::Contains("too long"), policyq::Error);
  CHECK_THROWS_WITH_AS(parse_question("do you sell \xFF data"), doctest::Contains("UTF-8"), policyq::Error);
}

TEST_CASE("intent actions: selling is answered by sell, rent and trade") {
  auto a = intent_actions("selling");
  CHECK(a == std::vector<std::string>{"sell", "rent", "trade"});
  CHECK(intent_actions("other").empty());
}

TEST_CASE("the lexical search text leaves out words every policy uses everywhere") {
  Question q = parse_question("Does the website share my location with advertisers?");
  CHECK(q.search_text == "location advertisers");
  Question all_vague = parse_question("Does the website share information?");
  CHECK(all_vague.search_text == all_vague.text);
}

TEST_CASE("an intent cue inside a data phrase names the data, not the topic") {
  // "contact" and "address" are cues of the contact intent, but in "contact information"
  // and "IP address" they name a data type: the question is about collection.
  Question q = parse_question("What contact information do you collect from me?");
  CHECK(q.intent == "collection");
  CHECK(has(ids(q.data), "contact_information"));
  Question p = parse_question("Do you record my IP address when I visit?");
  CHECK(p.intent != "contact");
  CHECK(has(ids(p.data), "ip_address"));
  // Children's data stays the children topic.
  CHECK(parse_question("Do you protect information from children?").intent == "children");
}

TEST_CASE("data coming to the company from others is its collection, not sharing") {
  CHECK(parse_question("Do advertisers provide you with information about me?").intent == "collection");
  CHECK(parse_question("Do you get data about me from your partners?").intent == "collection");
  CHECK(parse_question("Do you receive my details from other companies?").intent == "collection");
  // Data going out is still sharing.
  CHECK(parse_question("Do you give my details to other companies?").intent == "sharing");
  CHECK(parse_question("Do you share my data with your partners?").intent == "sharing");
}

TEST_CASE("'keep track of' is collection, not retention or cross-site tracking") {
  CHECK(parse_question("Do you keep track of the pages I read?").intent == "collection");
  CHECK(parse_question("How long do you keep my messages?").intent == "retention");
}

TEST_CASE("the runner-up intent is kept as a second topic") {
  Question q = parse_question("Can I opt out of sharing my data with advertisers?");
  CHECK(q.intent == "rights");
  CHECK(q.intent2 == "sharing");
  Question p = parse_question("What is the governing law?");
  CHECK(p.intent2.empty());
}

TEST_CASE("others seeing or accessing my data is sharing; me accessing it is a right") {
  CHECK(parse_question("Can third parties see my information?").intent == "sharing");
  CHECK(parse_question("Do you let your affiliates access my data?").intent == "sharing");
  CHECK(parse_question("Can others access my location data?").intent == "sharing");
  CHECK(parse_question("Can I access my data?").intent == "rights");
  CHECK(parse_question("Do users have access to their information?").intent == "rights");
}

TEST_CASE("query expansion: plain words bring the policy's own vocabulary, at most once") {
  Question q = parse_question("What choices and options do I have?");
  CHECK(q.expansion.find("opt out") != std::string::npos);
  CHECK(q.expansion.find("unsubscribe") != std::string::npos);
  CHECK(q.expansion.find("opt out") == q.expansion.rfind("opt out"));  // two cue words, one expansion
  CHECK(parse_question("How long do you keep my info?").expansion.find("retain") != std::string::npos);
  // "information" shares its stem with "inform": it must not pull in notice vocabulary.
  CHECK(parse_question("Do you sell my information?").expansion.empty());
}

TEST_CASE("giving to the user is not sharing; giving to the company is collection; changing my account is a right") {
  CHECK(parse_question("Will you give me choices about ads?").intent != "sharing");
  CHECK(parse_question("Do you provide users with control over cookies?").intent != "sharing");
  CHECK(parse_question("Do I have to give my email address to you?").intent == "collection");
  CHECK(parse_question("Do you give my email address to advertisers?").intent == "sharing");
  CHECK(parse_question("Can I make changes to my account data?").intent == "rights");
  CHECK(parse_question("Will you make changes to this policy?").intent == "changes");
}

TEST_CASE("fulfilling my requests is a purpose, not a request to exercise a right") {
  Question q = parse_question("Do you collect my information to fulfill my additional requests?");
  CHECK(q.intent == "collection");
  bool service = false;
  for (int p : q.purpose) service = service || Lexicon::builtin().entry(p).id == "service_provision";
  CHECK(service);
  CHECK(parse_question("Can I request that you delete my data?").intent == "rights");
}

TEST_CASE("making changes to my account searches the policy's edit words; changes to the policy do not") {
  CHECK(parse_question("Do you allow me to make changes on my account?").expansion.find("edit") != std::string::npos);
  CHECK(parse_question("Can I make changes in my account data?").expansion.find("correct") != std::string::npos);
  CHECK(parse_question("Will you make changes to this policy?").expansion.find("edit") == std::string::npos);
}

TEST_CASE("a third party as the one collecting or tracking sets third_party_actor") {
  CHECK(parse_question("Do advertisers collect my data on your site?").third_party_actor);
  CHECK(parse_question("Does any third party track me?").third_party_actor);
  CHECK(parse_question("Do you allow others to collect my information on your website?").third_party_actor);
  CHECK(parse_question("How do ad networks gather information about me?").third_party_actor);
  // The company collecting, or a third party only as the source or the recipient: no.
  CHECK_FALSE(parse_question("Do you collect my data?").third_party_actor);
  CHECK_FALSE(parse_question("Do you collect data about me from third parties?").third_party_actor);
  CHECK_FALSE(parse_question("Do you share my email with advertisers?").third_party_actor);
}

TEST_CASE("consent and permission questions search the policy's consent words") {
  Question q = parse_question("If you share my data with others, do you need my permission?");
  CHECK(q.expansion.find("consent") != std::string::npos);
  CHECK(q.expansion.find("authorization") != std::string::npos);
  CHECK(parse_question("Does the user need to opt-in before data is shared?").expansion.find("consent") !=
        std::string::npos);
}

TEST_CASE("a purpose word inside a recipient or a verb is no purpose of the question: 'ad networks', 'respond to'") {
  Question ads = parse_question("Do you give my data to ad networks?");
  CHECK(ads.purpose.empty());
  CHECK_FALSE(ads.recipient.empty());
  Question dnt = parse_question("Do you respond to Do Not Track?");
  CHECK(dnt.purpose.empty());
}
