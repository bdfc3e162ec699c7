// Answering questions about a whole policy: verdicts, evidence ranking, periods.
// Runs on the bundled policy (corpus/noip-privacy-policy.md) and on small policies
// written for these tests.
#include "query/answer.hpp"

#include "document/loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq;
using namespace policyq::query;

namespace {
const Document& bundled() {
  static const Document doc = load_bundled_policy();
  return doc;
}

Answer ask(const Document& doc, const std::string& question, std::size_t top = 3) {
  Index index(doc);
  return answer(parse_question(question), index, top);
}

bool quoted(const Document& doc, const Answer& a, std::string_view fragment, std::size_t within = 3) {
  for (std::size_t i = 0; i < a.evidence.size() && i < within; ++i)
    if (doc.sentences[static_cast<std::size_t>(a.evidence[i].sentence)].text.find(fragment) != std::string::npos)
      return true;
  return false;
}
}  // namespace

TEST_CASE("selling: a denial in the policy gives 'no' and quotes it first") {
  Answer a = ask(bundled(), "Is my personal data sold to anyone?");
  CHECK(a.verdict == "no");
  CHECK(quoted(bundled(), a, "We do not sell your personal data", 1));
  // The denial is limited to the purposes it names, and the summary says so.
  CHECK(a.summary.rfind("No (for marketing or promotional use).", 0) == 0);
}

TEST_CASE("law enforcement: a question about the police is answered by the law-enforcement sentence") {
  Answer a = ask(bundled(), "Will you hand my data over to the police?");
  CHECK((a.verdict == "yes" || a.verdict == "conditional"));
  CHECK(quoted(bundled(), a, "cooperate with law enforcement"));
}

TEST_CASE("retention: periods with ISO durations and dates, from the retention section") {
  Answer a = ask(bundled(), "How long do you hold on to my information?");
  CHECK(quoted(bundled(), a, "two years after you have ceased using the service"));
  bool p2y = false, date = false;
  for (const Period& p : a.periods) {
    p2y = p2y || p.iso == "P2Y";
    date = date || p.iso == "2020-05-25";
    CHECK(p.line > 0);
  }
  CHECK(p2y);
  CHECK(date);
}

TEST_CASE("not stated: nothing about fingerprints, and no guess from generic statements") {
  Answer a = ask(bundled(), "Do you collect fingerprints?");
  CHECK(a.verdict == "not_stated");
  Answer b = ask(bundled(), "Do you collect my shoe size?");
  CHECK(b.verdict == "not_stated");
}

TEST_CASE("hierarchy: a question about email is answered by contact-information statements") {
  Answer a = ask(bundled(), "Do you collect my email address?");
  CHECK((a.verdict == "yes" || a.verdict == "conditional"));
  CHECK(quoted(bundled(), a, "email address"));
}

TEST_CASE("Do Not Track: the denial is the first evidence") {
  Answer a = ask(bundled(), "Does the site respect Do Not Track?");
  CHECK(a.verdict == "no");
  CHECK(quoted(bundled(), a, "We do not obey Do Not Track signals", 1));
}

TEST_CASE("children: 'does not knowingly obtain' answers no") {
  Answer a = ask(bundled(), "Do you gather information about kids?");
  CHECK(a.verdict == "no");
  CHECK(quoted(bundled(), a, "does not knowingly obtain or retain personal data from children"));
}

TEST_CASE("evidence never quotes site chrome or headings, and --top bounds it") {
  Answer a = ask(bundled(), "Do you offer managed DNS services?", 5);
  CHECK(a.evidence.size() <= 5);
  for (const Evidence& e : a.evidence) CHECK(is_body_sentence(bundled(), e.sentence));
}

TEST_CASE("evidence comes from different paragraphs first") {
  Answer a = ask(bundled(), "Do you share my information with third parties?", 3);
  // three best-ranked, and the deciding sentence when it ranked lower
  REQUIRE(a.evidence.size() >= 3);
  REQUIRE(a.evidence.size() <= 4);
  std::vector<int> blocks;
  for (const Evidence& e : a.evidence) blocks.push_back(bundled().sentences[static_cast<std::size_t>(e.sentence)].block);
  std::sort(blocks.begin(), blocks.end());
  CHECK(std::unique(blocks.begin(), blocks.end()) == blocks.end());
}

TEST_CASE("a lead sentence and the list on the next lines are one paragraph: evidence quotes another paragraph first") {
  // The file shows "We use ... in these ways:" and its list items as one paragraph (no
  // blank line between them); a second list item is not a different paragraph.
  Document doc = parse_document("list.md",
                                "# How We Use Information\n\n"
                                "We use your email address in these ways:\n"
                                "- to send newsletters to your email address\n"
                                "- to answer questions sent from your email address\n\n"
                                "You can also write to us by email.\n\n"
                                "Our office is in Boston.\n");
  Answer a = ask(doc, "How do you use my email address?", 2);
  REQUIRE(a.evidence.size() == 2);
  int in_list = 0;
  for (const Evidence& e : a.evidence) in_list += doc.sentences[static_cast<std::size_t>(e.sentence)].first_line <= 5;
  CHECK(in_list == 1);
}

TEST_CASE("security: limiting staff access to personal information is on the security topic") {
  Document doc = parse_document("staff.md",
                                "# About Us\n\n"
                                "Our staff work in offices in Boston and Denver.\n\n"
                                "Only employees who need to know it have access to your personal information, and we "
                                "limit access to it.\n\n"
                                "We keep your account information for as long as your account is open.\n");
  Answer a = ask(doc, "How do you keep my information safe?", 3);
  bool found = false;
  for (const Evidence& e : a.evidence) {
    if (doc.sentences[static_cast<std::size_t>(e.sentence)].text.rfind("Only employees", 0) != 0) continue;
    found = true;
    CHECK(e.topic > 0);
  }
  CHECK(found);
}

TEST_CASE("affirmed for one recipient and denied for another is conditional") {
  Document doc = parse_document("mixed.md",
                                "# Sharing\n\n"
                                "We share your personal information with our service providers.\n\n"
                                "We never share your personal information with advertisers.\n");
  Answer a = ask(doc, "Do you share my personal information?");
  CHECK(a.verdict == "conditional");
  Answer b = ask(doc, "Do you share my personal information with service providers?");
  CHECK(b.verdict == "yes");
  // Not sharing with advertisers is not a statement about selling.
  Answer c = ask(doc, "Do you sell my personal information?");
  CHECK(c.verdict == "not_stated");
}

TEST_CASE("a consent-only denial makes the answer conditional") {
  Document doc = parse_document("consent.md",
                                "# Disclosure\n\n"
                                "We will not disclose your email address to third parties without your consent.\n");
  Answer a = ask(doc, "Do you give my email to other companies?");
  CHECK(a.verdict == "conditional");
  REQUIRE(!a.evidence.empty());
  CHECK(a.evidence[0].negative);
  CHECK(std::find(a.evidence[0].conditions.begin(), a.evidence[0].conditions.end(), "without your consent") !=
        a.evidence[0].conditions.end());
}

TEST_CASE("questions of no known intent still get ranked evidence") {
  Answer a = ask(bundled(), "What about chat rooms and bulletin boards?");
  CHECK(parse_question("What about chat rooms and bulletin boards?").intent == "other");
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(bundled(), a, "chat rooms and bulletin boards"));
}

TEST_CASE("paragraph context: of two equal sentences, the one in the paragraph about the question ranks first") {
  // The gold answer of a question is usually a whole paragraph: a sentence whose
  // neighbours also answer the question outranks the same sentence standing alone.
  Document doc = parse_document("context.md",
                                "# Notes\n\n"
                                "We keep server logs for security.\n\n"
                                "Our office is in Boston and we like coffee.\n\n"
                                "We keep server logs for security. The server logs record each visit and the logs "
                                "are deleted after thirty days.\n");
  Answer a = ask(doc, "What about the server logs?", 3);
  REQUIRE(a.evidence.size() == 3);
  int alone = -1, in_context = -1;
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    const Sentence& s = doc.sentences[static_cast<std::size_t>(a.evidence[i].sentence)];
    if (s.text != "We keep server logs for security.") continue;
    (s.first_line == 3 ? alone : in_context) = static_cast<int>(i);
  }
  REQUIRE(alone >= 0);
  REQUIRE(in_context >= 0);
  CHECK(in_context < alone);
  CHECK(a.evidence[static_cast<std::size_t>(in_context)].score > a.evidence[static_cast<std::size_t>(alone)].score);
  // Evidence still quotes one sentence and its own lines.
  for (const Evidence& e : a.evidence) {
    const Sentence& s = doc.sentences[static_cast<std::size_t>(e.sentence)];
    CHECK(s.first_line == s.last_line);
  }
}

TEST_CASE("a question about what is done with data finds the paragraphs under a 'how we use' title") {
  // Broad questions fit many paragraphs; the section that the title gives to the
  // question's intent wins over paragraphs that only share a word with the question.
  Document doc = parse_document("use.md",
                                "# Information We Collect\n\n"
                                "We collect your name and email address when you register for an account.\n\n"
                                "# How We Use Your Information\n\n"
                                "We use your information to run the service, to answer your requests and to send "
                                "you updates about your orders.\n\n"
                                "# Sharing\n\n"
                                "We share information with the shipping companies that deliver your orders.\n");
  Answer a = ask(doc, "What do you do with my info?", 3);
  REQUIRE(!a.evidence.empty());
  CHECK(doc.sentences[static_cast<std::size_t>(a.evidence[0].sentence)].text.rfind("We use your information", 0) == 0);
}

TEST_CASE("a question about data received from others finds the collection-from-partners paragraph") {
  Document doc = parse_document("inbound.md",
                                "# Sources\n\n"
                                "We receive information about you from our advertising partners, such as the ads "
                                "you clicked.\n\n"
                                "# Disclosure\n\n"
                                "We share information about you with our advertising partners to show you ads.\n");
  Answer a = ask(doc, "Do advertising partners provide you with information about me?", 1);
  REQUIRE(a.evidence.size() == 1);
  CHECK(doc.sentences[static_cast<std::size_t>(a.evidence[0].sentence)].text.rfind("We receive information", 0) == 0);
}

TEST_CASE("every evidence sentence carries its own practice, however far down the ranking") {
  // Practices are extracted for the candidates of the ranking only; what the evidence
  // shows (action, polarity, conditions) is still the sentence's own practice.
  Answer a = ask(bundled(), "Do you sell my personal data?", 12);
  REQUIRE(a.evidence.size() >= 6);
  for (const Evidence& e : a.evidence) {
    SentenceFacts f = analyze_sentence(bundled().sentences[static_cast<std::size_t>(e.sentence)].text);
    CAPTURE(bundled().sentences[static_cast<std::size_t>(e.sentence)].text);
    if (f.practices.empty()) CHECK(e.action.empty());
    if (e.action.empty()) continue;  // no practice of the sentence answers the question
    bool found = false;
    for (const Practice& p : f.practices)
      found = found || (p.action == e.action && p.negative == e.negative && p.conditions == e.conditions);
    CHECK(found);
  }
}

TEST_CASE("query expansion: a question about options finds the opt-out sentence, in either order") {
  // Neither sentence says "options"; the policy's word for a choice is "opt out".
  const std::string records = "# Records\n\nYou have the right to request a copy of your records.\n\n";
  const std::string email = "# Email\n\nYou may opt out of promotional emails at any time.\n\n";
  for (const std::string& text : {records + email, email + records}) {
    Document doc = parse_document("options.md", text);
    Answer a = ask(doc, "What options do users have?", 1);
    REQUIRE(!a.evidence.empty());
    CHECK(quoted(doc, a, "You may opt out of promotional emails", 1));
  }
}

TEST_CASE("rights questions prefer what the user can do over what the company does") {
  Document doc = parse_document("agency.md",
                                "# Your account\n\n"
                                "We review account settings every year.\n\n"
                                "You can change your account settings at any time.\n");
  Answer a = ask(doc, "Can I change my account settings?", 1);
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(doc, a, "You can change your account settings", 1));
}

TEST_CASE("choice questions: a practice paragraph that names an option outranks the same practice without one") {
  // "What choices do I have?" is often answered by a sharing or collection paragraph that
  // mentions the option in passing ("unless you opt out").
  Document doc = parse_document("choice.md",
                                "# Notes\n\n"
                                "We share your email address with advertising partners. Our partners are listed "
                                "on the partners page.\n\n"
                                "We share your email address with advertising partners. This continues unless you "
                                "tell us to stop.\n");
  Answer a = ask(doc, "What choices do I have about my email address?", 3);
  REQUIRE(a.evidence.size() >= 2);
  int plain = -1, with_option = -1;
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    const Sentence& s = doc.sentences[static_cast<std::size_t>(a.evidence[i].sentence)];
    if (s.text != "We share your email address with advertising partners.") continue;
    (s.first_line == 3 ? plain : with_option) = static_cast<int>(i);
  }
  REQUIRE(with_option >= 0);
  if (plain >= 0) CHECK(with_option < plain);
  for (const Evidence& e : a.evidence) {
    const Sentence& s = doc.sentences[static_cast<std::size_t>(e.sentence)];
    CHECK(s.first_line == s.last_line);
  }
}

TEST_CASE("option cues and choice questions") {
  auto cue = [](std::string_view text) { return has_option_cue(tokenize(text)); };
  CHECK(cue("We share it with partners unless you tell us not to."));
  CHECK(cue("You may opt out of these emails."));
  CHECK(cue("You can choose not to provide it."));
  CHECK(cue("If you do not want cookies, change your browser settings."));
  CHECK_FALSE(cue("We share it with partners for marketing."));
  CHECK_FALSE(cue("You may contact us at any time."));
  CHECK(asks_choice(parse_question("Will you give me choices for my data collection?")));
  CHECK(asks_choice(parse_question("What scope does the user choice apply to?")));
  CHECK_FALSE(asks_choice(parse_question("Do you share my email address?")));
}

TEST_CASE("collection questions: a sentence about the use of the data counts, one on neither topic does not") {
  // OPP-115 files collection and use under one category: "we use your browsing history"
  // answers "do you collect my browsing history?" before a sentence on neither topic.
  Document doc = parse_document("sibling.md",
                                "# Browsing\n\n"
                                "Browsing history stays on your device.\n\n"
                                "We use your browsing history to improve the site.\n");
  Answer a = ask(doc, "Do you collect my browsing history?", 2);
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(doc, a, "We use your browsing history", 1));
}

TEST_CASE("rights questions: the kind of right asked (access or choice) ranks first") {
  // "Rectify" asks for access to one's data (view, correct, delete), not for a choice
  // (opt out, unsubscribe): the removal sentence outranks the unsubscribe sentence before it.
  Document doc = parse_document("kinds.md",
                                "# Your account\n\n"
                                "You can unsubscribe from this in your account.\n\n"
                                "You can remove this from your account.\n");
  Answer a = ask(doc, "Can I rectify my account?", 2);
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(doc, a, "You can remove this from your account", 1));
}

TEST_CASE("a choice about a practice ranks by the practice; the verdict still answers the choice") {
  // "Can I opt out of data collection?": the collection paragraph that names the option
  // ranks before a generic preferences sentence, and the verdict is about the choice.
  RankIntents r = ranking_intents(parse_question("Will you give me choices for my data collection?"));
  CHECK(r.intent == "collection");
  CHECK(r.intent2 == "rights");
  RankIntents s = ranking_intents(parse_question("Do I have a choice about my data being shared with others?"));
  CHECK(s.intent == "sharing");
  // Choices about the use of data are OPP-115 user choice: ranked as rights.
  CHECK(ranking_intents(parse_question("Do the users have control on data used for marketing?")).intent == "rights");
  // Not a choice question: unchanged.
  RankIntents t = ranking_intents(parse_question("Do you share my email address?"));
  CHECK(t.intent == "sharing");

  Document doc = parse_document("choice.md",
                                "# Your choices\n\n"
                                "You can change your email preferences in your account settings.\n\n"
                                "You may contact us with questions about your choices.\n\n"
                                "# Information we collect\n\n"
                                "We collect your name and email address when you register, but you may choose not to "
                                "provide your phone number.\n\n"
                                "We collect the pages you visit on the site.\n");
  Answer a = ask(doc, "Can I opt out of data collection?", 2);
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(doc, a, "you may choose not to provide your phone number", 1));
  CHECK(a.verdict == "yes");
}

TEST_CASE("a third party collecting or tracking: its statement ranks before first-party sharing") {
  Document doc = parse_document("third.md",
                                "# Sharing\n\n"
                                "We share your information with third parties for marketing.\n\n"
                                "We may disclose information to third parties when required by law.\n\n"
                                "# Ads\n\n"
                                "Ad networks that show ads on our pages set cookies to collect data about your visits.\n");
  Answer a = ask(doc, "Do third parties track me on your site?", 2);
  REQUIRE(!a.evidence.empty());
  CHECK(quoted(doc, a, "Ad networks that show ads on our pages", 1));
}

TEST_CASE("bundled policy: questions asked in other words get the same answers") {
  struct Case {
    const char* question;
    std::vector<std::string> verdicts;
  };
  const Case cases[] = {
      {"Will my personal data be passed on to other companies?", {"yes", "conditional"}},
      {"Can law enforcement get my information from you?", {"yes", "conditional"}},
      {"Do you respect DNT?", {"no"}},
      {"Are cookies used?", {"yes", "conditional"}},
      {"Is my geolocation collected?", {"yes", "conditional"}},
      {"Will you sell my data to advertisers?", {"no", "conditional"}},
      {"Do you knowingly collect information from kids?", {"no", "conditional"}},
      {"Is the service meant for children under 13?", {"no", "conditional"}},
      {"What happens to my data if the company is sold?", {"yes", "conditional"}},
      {"Do you collect my DNA?", {"not_stated"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.question);
    Answer a = ask(bundled(), c.question);
    CHECK(std::find(c.verdicts.begin(), c.verdicts.end(), a.verdict) != c.verdicts.end());
  }
  // "when will it be deleted" asks how long it is kept: the two-year period
  Answer when = ask(bundled(), "When will my data be deleted?");
  bool two_years = false;
  for (const Period& p : when.periods) two_years = two_years || p.iso == "P2Y";
  CHECK(two_years);
  // Security is answered by the security measures, not a disclaimer about other sites
  Answer secure = ask(bundled(), "Is my data secure?");
  CHECK(secure.summary.find("SSL encryption") != std::string::npos);
}
