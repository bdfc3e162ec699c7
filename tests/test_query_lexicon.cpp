// The privacy lexicon: tokenizing, stemmed phrase matching, the concept hierarchy and
// the TSV format.
#include "query/lexicon.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace policyq::query;

namespace {
std::vector<std::string> ids_of(const Lexicon& lex, std::string_view text, Kind kind, bool question = false) {
  std::vector<std::string> out;
  auto words = tokenize(text);
  for (const Match& m : lex.match(words, question))
    if (lex.entry(m.cid).kind == kind) out.push_back(lex.entry(m.cid).id);
  return out;
}
bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("tokenize expands negative contractions, including the split form 'do n't'") {
  auto w = tokenize("We don't sell; we won't rent, and we can't trade. They do n't share.");
  std::vector<std::string> folded;
  for (auto& x : w)
    if (!x.punct) folded.push_back(x.folded);
  CHECK(folded == std::vector<std::string>{"we", "do", "not", "sell", "we", "will", "not", "rent", "and", "we", "can",
                                           "not", "trade", "they", "do", "not", "share"});
}

TEST_CASE("tokenize keeps byte offsets into the text and splits hyphenated words") {
  std::string text = "third-party cookies";
  auto w = tokenize(text);
  REQUIRE(w.size() == 3);
  CHECK(w[0].folded == "third");
  CHECK(w[1].folded == "party");
  CHECK(text.substr(w[2].begin, w[2].end - w[2].begin) == "cookies");
}

TEST_CASE("tokenize treats curly apostrophes like straight ones and dots inside names as joiners") {
  auto w = tokenize("No-IP.com doesn\xE2\x80\x99t sell.");
  std::vector<std::string> folded;
  for (auto& x : w)
    if (!x.punct) folded.push_back(x.folded);
  CHECK(folded == std::vector<std::string>{"no", "ip", "com", "does", "not", "sell"});
}

TEST_CASE("inflected verbs match one action: shares, shared, sharing; sold maps to sell") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(has(ids_of(lex, "we shared it", Kind::action), "share"));
  CHECK(has(ids_of(lex, "she shares it", Kind::action), "share"));
  CHECK(has(ids_of(lex, "your data is never sold", Kind::action), "sell"));
  CHECK(has(ids_of(lex, "we will hand over records", Kind::action), "share"));
  CHECK(has(ids_of(lex, "we pass on your details", Kind::action), "share"));
  CHECK(has(ids_of(lex, "we hold on to your data", Kind::action), "retain"));
  CHECK(has(ids_of(lex, "we get rid of old logs", Kind::action), "delete"));
}

TEST_CASE("a gap phrase matches 'make certain information available'") {
  const Lexicon& lex = Lexicon::builtin();
  auto words = tokenize("We may make certain aggregated information available to third parties");
  bool found = false;
  for (const Match& m : lex.match(words))
    if (lex.entry(m.cid).kind == Kind::action && lex.entry(m.cid).id == "share" && m.end - m.begin == 5) found = true;
  CHECK(found);
}

TEST_CASE("longest phrase wins: 'personal information' is one data concept, 'ip address' is not 'address'") {
  const Lexicon& lex = Lexicon::builtin();
  auto ids = ids_of(lex, "your IP address and personal information", Kind::data);
  CHECK(ids == std::vector<std::string>{"ip_address", "personal_information"});
}

TEST_CASE("exact forms keep 'personal' from matching 'personalize'") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(!has(ids_of(lex, "personal data", Kind::purpose), "personalization"));
  CHECK(has(ids_of(lex, "to personalize content", Kind::purpose), "personalization"));
  CHECK(has(ids_of(lex, "shared with advertisers", Kind::recipient), "advertiser"));
  CHECK(!has(ids_of(lex, "shared with advertisers", Kind::purpose), "advertising"));
}

TEST_CASE("hierarchy: email address is contact information is personal information") {
  const Lexicon& lex = Lexicon::builtin();
  int email = lex.find(Kind::data, "email_address");
  int contact = lex.find(Kind::data, "contact_information");
  int personal = lex.find(Kind::data, "personal_information");
  REQUIRE(email >= 0);
  CHECK(lex.is_a(email, contact));
  CHECK(lex.is_a(email, personal));
  CHECK(!lex.is_a(personal, email));
  CHECK(lex.distance(email, personal) == 2);
}

TEST_CASE("hierarchy: police is law enforcement is government is a third party; acquirers too") {
  const Lexicon& lex = Lexicon::builtin();
  int police = lex.find(Kind::recipient, "police");
  int third = lex.find(Kind::recipient, "third_party");
  CHECK(lex.is_a(police, lex.find(Kind::recipient, "law_enforcement")));
  CHECK(lex.is_a(police, lex.find(Kind::recipient, "government")));
  CHECK(lex.is_a(police, third));
  for (const char* r : {"advertiser", "service_provider", "affiliate", "acquirer"})
    CHECK(lex.is_a(lex.find(Kind::recipient, r), third));
}

TEST_CASE("question-only phrases: a bare 'email' is a data slot in a question but not in a policy") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(has(ids_of(lex, "Do you share my email?", Kind::data, true), "email_address"));
  CHECK(!has(ids_of(lex, "we may send you an email", Kind::data, false), "email_address"));
}

TEST_CASE("a lexicon from TSV text: rows, parents, flags; malformed rows are errors") {
  using Files = std::vector<std::pair<std::string, std::string>>;
  Lexicon lex(Files{{"t.tsv", "# comment\n"
                         "data\tthing\t-\tgeneric\tthing|things\n"
                         "data\tgadget\tthing\t-\tgadget|=widget\n"}});
  int gadget = lex.find(Kind::data, "gadget");
  REQUIRE(gadget >= 0);
  CHECK(lex.is_a(gadget, lex.find(Kind::data, "thing")));
  CHECK(lex.entry(lex.find(Kind::data, "thing")).generic);
  CHECK(ids_of(lex, "two widgets and a widget", Kind::data) == std::vector<std::string>{"gadget"});
  CHECK_THROWS_AS(Lexicon(Files{{"bad.tsv", "data\tx\n"}}), policyq::Error);
  CHECK_THROWS_AS(Lexicon(Files{{"bad.tsv", "colour\tx\t-\t-\tred\n"}}), policyq::Error);
  CHECK_THROWS_AS(Lexicon(Files{{"bad.tsv", "data\tx\tnope\t-\tx\n"}}), policyq::Error);
}

TEST_CASE("the built-in lexicon compiles from every embedded lexicon file") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(lex.phrase_count() > 1000);
  for (const char* intent : {"sharing", "selling", "retention", "collection", "use", "cookies", "tracking", "rights",
                             "security", "children", "transfer", "contact", "changes"})
    CHECK(lex.find(Kind::intent, intent) >= 0);
}

TEST_CASE("a phrase written with 'cannot' matches 'cannot' and 'can not' in the text") {
  Lexicon lex(std::vector<std::pair<std::string, std::string>>{
      {"c.tsv", "condition\tanonymous\t-\t-\tcannot be used to identify you\n"}});
  CHECK(has(ids_of(lex, "Data that cannot be used to identify you.", Kind::condition), "anonymous"));
  CHECK(has(ids_of(lex, "Data that can not be used to identify you.", Kind::condition), "anonymous"));
  CHECK(ids_of(lex, "Data that can be used to identify you.", Kind::condition).empty());
}

TEST_CASE("words carry interned stem ids: equal stems, equal ids") {
  auto w = tokenize("Sharing shared shares; data");
  REQUIRE(w.size() == 5);
  CHECK(w[0].sid == w[1].sid);
  CHECK(w[1].sid == w[2].sid);
  CHECK(w[0].sid == stem_id("share"));
  CHECK(w[4].sid != w[0].sid);
  CHECK(w[3].punct);
}

TEST_CASE("gap and exact-form elements survive compilation: '* ' between words, '=form' exact") {
  Lexicon lex(std::vector<std::pair<std::string, std::string>>{
      {"g.tsv", "action\tshare\t-\t-\tmake * available|=sold out\n"}});
  CHECK(has(ids_of(lex, "We make your profile and photos available to partners.", Kind::action), "share"));
  CHECK(ids_of(lex, "We make things. Available now.", Kind::action).empty());
  CHECK(has(ids_of(lex, "Tickets sold out.", Kind::action), "share"));
  CHECK(ids_of(lex, "Tickets sell out.", Kind::action).empty());
}

namespace {
std::vector<std::pair<std::string, std::string>> embedded_tsv_files() {
  std::vector<std::pair<std::string, std::string>> files;
  for (auto name : policyq::embedded_names("lexicon/"))
    files.emplace_back(std::string(name), std::string(policyq::embedded(name)));
  return files;
}

std::string matches_text(const Lexicon& lex, std::string_view text, bool question) {
  std::string out;
  for (const Match& m : lex.match(tokenize(text), question))
    out += std::string(to_string(lex.entry(m.cid).kind)) + ":" + lex.entry(m.cid).id + "@" + std::to_string(m.begin) +
           "-" + std::to_string(m.end) + "w" + std::to_string(m.weight) + (m.nominal ? "n" : "") + " ";
  return out;
}
}  // namespace

TEST_CASE("the built-in lexicon read from the build's image matches exactly what compiling the TSV files gives") {
  const Lexicon& image = Lexicon::builtin();
  Lexicon compiled(embedded_tsv_files());
  REQUIRE(image.concepts().size() == compiled.concepts().size());
  CHECK(image.phrase_count() == compiled.phrase_count());
  for (std::size_t i = 0; i < image.concepts().size(); ++i) {
    CHECK(image.concepts()[i].id == compiled.concepts()[i].id);
    CHECK(image.concepts()[i].kind == compiled.concepts()[i].kind);
    CHECK(image.concepts()[i].parent == compiled.concepts()[i].parent);
    CHECK(image.concepts()[i].generic == compiled.concepts()[i].generic);
  }
  // Every line of the bundled policy, as policy text and as a question.
  std::string_view policy = policyq::embedded("corpus/noip-privacy-policy.md");
  REQUIRE(!policy.empty());
  int lines = 0, with_matches = 0;
  for (std::size_t at = 0; at < policy.size();) {
    std::size_t nl = policy.find('\n', at);
    std::string_view line = policy.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? policy.size() : nl + 1;
    ++lines;
    std::string a = matches_text(image, line, false);
    CHECK(a == matches_text(compiled, line, false));
    CHECK(matches_text(image, line, true) == matches_text(compiled, line, true));
    with_matches += !a.empty();
  }
  CHECK(lines > 200);
  CHECK(with_matches > 50);
}

TEST_CASE("a malformed lexicon image is refused, not read: wrong magic, truncation, trailing bytes") {
  std::string image = Lexicon(embedded_tsv_files()).image();
  Lexicon out = Lexicon::builtin();
  CHECK(Lexicon::from_image(image, out));
  CHECK(!Lexicon::from_image("", out));
  CHECK(!Lexicon::from_image(image + "x", out));
  std::string bad_magic = image;
  bad_magic[0] = static_cast<char>(bad_magic[0] ^ 0x55);
  CHECK(!Lexicon::from_image(bad_magic, out));
  for (std::size_t n = 0; n < image.size(); n += 1 + image.size() / 300)
    CHECK(!Lexicon::from_image(std::string_view(image).substr(0, n), out));
  // Huge counts must not allocate: the count right after the magic claims 2^32-1 stems.
  std::string huge = image;
  huge.replace(4, 4, "\xff\xff\xff\xff");
  CHECK(!Lexicon::from_image(huge, out));
}

TEST_CASE("expansion rows match question words only and carry the policy wording as their id") {
  const Lexicon& lex = Lexicon::builtin();
  auto q = ids_of(lex, "What choices do I have about ads?", Kind::expansion, true);
  CHECK(has(q, "opt out choose unsubscribe preferences settings consent decline disable refuse optional"));
  CHECK(has(q, "advertising advertisers"));
  CHECK(ids_of(lex, "You may choose to opt out of ads.", Kind::expansion, false).empty());
}
