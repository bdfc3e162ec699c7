// Which stored policies a corpus question must read: those that may state the practice
// asked (a stored practice that states it, or the words of a claim made from words); the
// others count as not stated unread.
#include "store/stating_policies.hpp"
#include "store/database_source.hpp"
#include "store/stored_policies.hpp"
#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace policyq;

namespace {
// The stored policies' file names that may state q, sorted.
std::set<std::string> may_state(const testing::Corpus& c, const std::string& question) {
  const query::Lexicon& lex = query::Lexicon::builtin();
  query::Question q = query::parse_question(question, lex);
  std::optional<query::StatingTest> test = query::stating_test(q, lex);
  REQUIRE(test);
  store::Connection db(c.db, store::Connection::Mode::read);
  std::set<std::string> out;
  for (store::ListedPolicy& p : store::list_policies(db, {}))
    if (store::policies_that_may_state(db, q, *test, lex).count(p.id))
      out.insert(std::filesystem::path(store::with_paths(db, p).path).filename().string());
  return out;
}

// Seven policies, one per way of (not) stating a sale.
struct SellingCorpus : testing::Corpus {
  SellingCorpus() : Corpus("stating") {
  Corpus& c = *this;
  c.add("sells.md", "# Policy\n\nWe sell your personal information to data brokers.\n");
  c.add("denies.md", "# Policy\n\nWe do not sell your personal information.\n");
  c.add("deemed.md", "# Policy\n\nSharing cookie data with ad partners may be considered a sale under California law.\n");
  c.add("apart.md", "# Policy\n\nYour feedback is considered carefully by our team.\n\nOur spring sale ends in May.\n");
  c.add("merger.md", "# Policy\n\nIf we are acquired, your information may be transferred to the buyer.\n");
  c.add("silent.md", "# Policy\n\nWe use cookies to remember your language.\n");
  c.add("french.md", "# Politique\n\nNous ne vendons pas vos données personnelles à des tiers, jamais, et nous ne les louons pas.\n");
  REQUIRE(c.index(1).failed == 0);
  }
};
}  // namespace

TEST_CASE("a policy that sells, denies selling or says a law may deem its sharing a sale may state selling; others not") {
  // apart.md has "considered" and "sale", but in two sentences: no sale deemed.
  SellingCorpus c;
  CHECK(may_state(c, "Do you sell my personal information?") == std::set<std::string>{"deemed.md", "denies.md", "sells.md"});
  // A business transfer is no sale; a policy `ask` does not answer in (French) never states one.
  CHECK(may_state(c, "Do you share my personal information with third parties?").count("merger.md") == 0);
}

TEST_CASE("questions whose verdict can come from a topic or words alone read every policy") {
  const query::Lexicon& lex = query::Lexicon::builtin();
  for (const char* question : {"What security measures protect my information?", "Can I delete my personal data?",
                               "Is my personal data transferred to other countries?",
                               "Do you knowingly collect personal information from children?",
                               "Who do I contact about this policy?"}) {
    INFO(question);
    CHECK(!query::stating_test(query::parse_question(question, lex), lex));
  }
  CHECK(query::stating_test(query::parse_question("Do you honor Do Not Track signals?", lex), lex)->actions ==
        std::vector<std::string>{"honor"});
}

TEST_CASE("a database answers a summary with the policies that cannot state it left out unread, counted") {
  SellingCorpus c;
  const query::Lexicon& lex = query::Lexicon::builtin();
  query::Question q = query::parse_question("Do you sell my personal information?", lex);
  store::OnlyStating only{q, *query::stating_test(q, lex)};
  std::unique_ptr<PolicySource> source = store::open_database(c.db, {}, SourceOptions{}, &only);
  CHECK(source->size() == 7);  // what the database names, read or not
  CHECK(only.left_out == 4);
  std::size_t read = 0;
  while (source->next()) ++read;
  CHECK(read == 3);
}
