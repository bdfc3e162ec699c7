// `policyq ask` as a user and the scorers run it: the JSON contract, exit statuses, text
// output, bad questions; and regression cases in the style of the three scorers
// (question cases with verdict / quote / period constraints, evidence line ranges that
// must overlap a known passage, several policies at once). Cases written for these tests.
#include "cli_runner.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using policyq::testing::run_policyq;
using policyq::testing::shell_quote;

namespace {
nlohmann::json ask_json(const std::string& question, const std::string& extra = "") {
  auto r = run_policyq("ask --json " + extra + " " + shell_quote(question));
  REQUIRE((r.status == 0 || r.status == 1));
  return nlohmann::json::parse(r.out);
}

std::string temp_policy(const std::string& name, const std::string& text) {
  std::string path = "/tmp/policyq_ask_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

bool top_quotes_contain(const nlohmann::json& answer, const std::string& fragment, std::size_t k) {
  const auto& ev = answer["evidence"];
  for (std::size_t i = 0; i < ev.size() && i < k; ++i)
    if (ev[i]["quote"].get<std::string>().find(fragment) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("ask --json has the contract's fields") {
  auto j = ask_json("Is my location shared with advertisers?");
  CHECK(j["question"] == "Is my location shared with advertisers?");
  CHECK(j["intent"] == "sharing");
  CHECK(j["slots"]["data"].is_array());
  CHECK(j["slots"]["recipient"].is_array());
  CHECK(j["slots"]["purpose"].is_array());
  REQUIRE(j["answers"].size() == 1);
  const auto& a = j["answers"][0];
  CHECK(a["policy"] == "corpus/noip-privacy-policy.md");
  CHECK(a["verdict"].is_string());
  CHECK(a["summary"].is_string());
  CHECK(a["periods"].is_array());
  REQUIRE(a["evidence"].is_array());
  for (const auto& e : a["evidence"]) {
    for (const char* key : {"quote", "section", "path", "anchor", "line", "end_line", "score", "polarity", "conditions"})
      CHECK(e.contains(key));
    CHECK(e["line"].get<int>() <= e["end_line"].get<int>());
    CHECK((e["polarity"] == "affirmative" || e["polarity"] == "negative"));
  }
}

TEST_CASE("scorer-style cases on the bundled policy: intent, verdict, quotes in the top 1 or 3, periods") {
  struct Case {
    const char* q;
    const char* intent;             // "" = any
    std::vector<std::string> verdicts;
    const char* top1;               // "" = no constraint
    const char* top3;
    const char* iso;
  };
  const Case cases[] = {
      {"Are my details ever sold?", "selling", {"no", "conditional"}, "We do not sell your personal data", "", ""},
      {"Do you give my information to the government?", "sharing", {"yes", "conditional"}, "",
       "governmental agencies", ""},
      {"For how long do you keep my personal data?", "retention", {}, "", "two years after you have ceased", "P2Y"},
      {"Does the site track me with cookies?", "", {"yes", "conditional"}, "", "cookies", ""},
      {"Is my data transferred abroad?", "transfer", {}, "", "transfer", ""},
      {"Do you collect my retina scans?", "collection", {"not_stated"}, "", "", ""},
      {"How is my account password kept safe?", "security", {}, "", "256-bit SSL encryption", ""},
      {"Will I be told if this policy is modified?", "changes", {}, "", "amend or modify this privacy policy", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.q));
    auto j = ask_json(c.q);
    const auto& a = j["answers"][0];
    if (*c.intent) CHECK(j["intent"] == c.intent);
    if (!c.verdicts.empty())
      CHECK(std::find(c.verdicts.begin(), c.verdicts.end(), a["verdict"].get<std::string>()) != c.verdicts.end());
    if (*c.top1) CHECK(top_quotes_contain(a, c.top1, 1));
    if (*c.top3) CHECK(top_quotes_contain(a, c.top3, 3));
    if (*c.iso) {
      bool found = false;
      for (const auto& p : a["periods"]) found = found || (p["iso"].is_string() && p["iso"] == c.iso);
      CHECK(found);
    }
  }
}

TEST_CASE("evidence lines overlap the paragraph that answers, on a policy written for this test") {
  // The PolicyQA scorer counts a hit when an evidence line range overlaps the gold paragraph.
  std::string path = temp_policy("lines.md",
                                 "# Example Privacy Policy\n"
                                 "\n"
                                 "## Information We Collect\n"
                                 "\n"
                                 "We collect your name, email address and postal address when you register.\n"
                                 "We also collect your IP address and browser type automatically.\n"
                                 "\n"
                                 "## How We Share Information\n"
                                 "\n"
                                 "We share your information with service providers who host our website.\n"
                                 "We never sell your personal information to data brokers.\n"
                                 "\n"
                                 "## Your Choices\n"
                                 "\n"
                                 "You can opt out of marketing emails by clicking unsubscribe.\n");
  auto j = ask_json("What information do you collect about me?", "--policy " + shell_quote(path));
  const auto& ev = j["answers"][0]["evidence"];
  REQUIRE(!ev.empty());
  CHECK(ev[0]["line"].get<int>() >= 5);
  CHECK(ev[0]["end_line"].get<int>() <= 6);
  auto k = ask_json("Can I unsubscribe from marketing?", "--policy " + shell_quote(path));
  REQUIRE(!k["answers"][0]["evidence"].empty());
  CHECK(k["answers"][0]["evidence"][0]["line"] == 15);
  auto s = ask_json("Who do you share my data with?", "--policy " + shell_quote(path));
  CHECK(top_quotes_contain(s["answers"][0], "service providers", 2));
  std::filesystem::remove(path);
}

TEST_CASE("one answer per policy, and exit status 1 only when no policy states it") {
  std::string a = temp_policy("a.md", "# Policy A\n\nWe sell your browsing history to data brokers.\n");
  std::string b = temp_policy("b.md", "# Policy B\n\nWe publish a newsletter every month.\n");
  auto r = run_policyq("ask --json --policy " + shell_quote(a) + " --policy " + shell_quote(b) +
                       " 'Do you sell my data?'");
  CHECK(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["answers"].size() == 2);
  CHECK(j["answers"][0]["verdict"] == "yes");
  CHECK(j["answers"][1]["verdict"] == "not_stated");
  auto only_b = run_policyq("ask --policy " + shell_quote(b) + " 'Do you sell my data?'");
  CHECK(only_b.status == 1);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

TEST_CASE("text output: verdict line, then section — file:line and the quote") {
  auto r = run_policyq("ask 'Do you sell my personal data?'");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("No (for marketing or promotional use).", 0) == 0);
  CHECK(r.out.find("Sharing Or Disclosing Information \xE2\x80\x94 corpus/noip-privacy-policy.md:161") !=
        std::string::npos);
  CHECK(r.out.find("  > We do not sell your personal data") != std::string::npos);
}

TEST_CASE("--top bounds the evidence (plus the deciding sentence, quoted by the summary); --explain shows intent, slots and matched concepts") {
  auto j = ask_json("Do you share my email address?", "--top 1");
  const auto& ev = j["answers"][0]["evidence"];
  CHECK(ev.size() >= 1);
  CHECK(ev.size() <= 2);
  // the summary quotes a sentence that is shown
  bool shown = false;
  for (const auto& e : ev) shown = shown || j["answers"][0]["summary"].get<std::string>().find(e["quote"].get<std::string>().substr(0, 40)) != std::string::npos;
  CHECK(shown);
  auto r = run_policyq("ask --explain 'Is my email given to the police?'");
  CHECK(r.out.find("intent: sharing") != std::string::npos);
  CHECK(r.out.find("recipient: police") != std::string::npos);
  CHECK(r.out.find("data: email_address") != std::string::npos);
  CHECK(r.out.find("score ") != std::string::npos);
  CHECK(r.out.find("paragraph ") != std::string::npos);
  auto je = ask_json("What choices do I have about my data?", "--explain");
  const auto& f = je["answers"][0]["evidence"][0]["features"];
  CHECK(f.contains("expansion"));
  CHECK(f.contains("paragraph"));
  CHECK(f["expansion"].get<double>() >= 0);
  auto q = run_policyq("ask -q 'Do you sell my personal data?'");
  CHECK(q.out.empty());
  CHECK(q.status == 0);
}

TEST_CASE("bad questions exit 2 with a clear message") {
  auto empty = run_policyq("ask ''");
  CHECK(empty.status == 2);
  CHECK(empty.err.find("policyq: error: empty question") != std::string::npos);
  auto stop = run_policyq("ask 'is it the'");
  CHECK(stop.status == 2);
  CHECK(stop.err.find("only stop words") != std::string::npos);
  auto big = run_policyq("ask " + std::string(11000, 'a'));
  CHECK(big.status == 2);
  CHECK(big.err.find("too long") != std::string::npos);
  auto bad = run_policyq("ask \"$(printf 'sell \\377 data')\"");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("UTF-8") != std::string::npos);
  auto top0 = run_policyq("ask --top 0 'Do you sell data?'");
  CHECK(top0.status == 2);
}

TEST_CASE("a 'not stated' summary names the unknown words as the user wrote them, not their stems") {
  auto j = ask_json("Do you have a policy on elephants and giraffes?");
  const auto& a = j["answers"][0];
  CHECK(a["verdict"] == "not_stated");
  std::string summary = a["summary"];
  CHECK(summary.find("elephants") != std::string::npos);
  CHECK(summary.find("giraffes") != std::string::npos);
  CHECK(summary.find("eleph,") == std::string::npos);
}

namespace {
std::vector<std::string> item_labels(const nlohmann::json& answer) {
  std::vector<std::string> out;
  for (const auto& i : answer["items"]) out.push_back(i["label"].get<std::string>());
  return out;
}
bool has_label(const nlohmann::json& answer, const std::string& label) {
  auto v = item_labels(answer);
  return std::find(v.begin(), v.end(), label) != v.end();
}
}  // namespace

TEST_CASE("what / who / where / how-to-contact questions are answered in kind, each item with its line") {
  auto where = ask_json("Where is my data stored?")["answers"][0];
  CHECK(where["kind"] == "places");
  CHECK(where["verdict"] == "stated");
  CHECK(has_label(where, "the United States"));
  auto what = ask_json("What data do you collect?")["answers"][0];
  CHECK(what["kind"] == "data");
  CHECK(has_label(what, "IP address"));
  CHECK(has_label(what, "email address"));
  auto who = ask_json("Who do you share my data with?")["answers"][0];
  CHECK(who["kind"] == "recipients");
  CHECK(has_label(who, "service providers"));
  CHECK(has_label(who, "law enforcement"));
  auto contact = ask_json("How do I contact you about privacy?")["answers"][0];
  CHECK(contact["kind"] == "contacts");
  REQUIRE(!contact["items"].empty());
  CHECK(contact["items"][0]["label"] == "privacy@noip.com");
  for (const auto& answer : {where, what, who, contact})
    for (const auto& item : answer["items"]) {
      REQUIRE(!item["evidence"].empty());
      CHECK(item["evidence"][0]["line"].get<int>() > 0);
      CHECK(!item["evidence"][0]["quote"].get<std::string>().empty());
    }
  // text: one line per item with its file:line
  auto r = run_policyq("ask 'Where is my data stored?'");
  CHECK(r.status == 0);
  CHECK(r.out.find("  - the United States  corpus/noip-privacy-policy.md:") != std::string::npos);
}

TEST_CASE("the summary quotes the deciding sentence, and it is shown: first when it ranks among the best") {
  for (const char* q : {"Is my email shared with advertisers?", "Do you sell my personal data?",
                        "Is my IP address shared with law enforcement?"}) {
    CAPTURE(std::string(q));
    auto a = ask_json(q)["answers"][0];
    REQUIRE(!a["evidence"].empty());
    const std::string summary = a["summary"].get<std::string>();
    bool shown = false;
    for (const auto& e : a["evidence"]) shown = shown || summary.find(e["quote"].get<std::string>().substr(0, 60)) != std::string::npos;
    CHECK(shown);
  }
  for (const char* q : {"Do you sell my personal data?", "Is my IP address shared with law enforcement?"}) {
    auto a = ask_json(q)["answers"][0];
    CHECK(a["summary"].get<std::string>().find(a["evidence"][0]["quote"].get<std::string>().substr(0, 60)) != std::string::npos);
  }
  // collection *from* advertisers is neither the answer about sharing *with* them nor its best evidence
  auto email = ask_json("Is my email shared with advertisers?")["answers"][0];
  CHECK(email["evidence"][0]["quote"].get<std::string>().find("from third parties") == std::string::npos);
  CHECK(email["summary"].get<std::string>().find("from third parties") == std::string::npos);
}

TEST_CASE("my IP address and law enforcement: 'your information' disclosed to law enforcement answers it") {
  auto a = ask_json("Is my IP address shared with law enforcement?")["answers"][0];
  CHECK(a["verdict"] == "conditional");
  CHECK(a["evidence"][0]["quote"].get<std::string>().find("law enforcement") != std::string::npos);
}

TEST_CASE("summaries use plain words, never concept ids; unknown words are quoted as asked") {
  for (const char* q : {"Is my IP address shared with law enforcement?", "Do you collect my retina scans?",
                        "Do you share my IP address with data brokers?", "Who do you share my data with?",
                        "What data do you collect?", "Do you honor Do Not Track signals?"}) {
    CAPTURE(std::string(q));
    auto a = ask_json(q)["answers"][0];
    CHECK(a["summary"].get<std::string>().find('_') == std::string::npos);
    for (const auto& item : a.value("items", nlohmann::json::array()))
      CHECK(item["label"].get<std::string>().find('_') == std::string::npos);
  }
  auto ai = ask_json("Do you use my data to train AI models?")["answers"][0];
  CHECK(ai["verdict"] == "not_stated");
  CHECK(ai["summary"].get<std::string>().find("does not mention \"train AI models\"") != std::string::npos);
}
