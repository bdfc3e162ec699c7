// The passes of practice extraction one at a time (src/query/practices/): the sentence
// model, verbs and their groups, clauses, polarity, actor, description filter, objects,
// the practices of a group and the whole-sentence passes. Sentences written for these tests.
#include "query/practices/passes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace policyq::query;
using namespace policyq::query::passes;

namespace {
const Lexicon& lex() { return Lexicon::builtin(); }

// A sentence with the words, matches and model the passes read (the model refers to them).
struct Sentence {
  std::string text;
  std::vector<Word> words;
  std::vector<Match> matches;
  SentenceModel model;
  explicit Sentence(std::string t)
      : text(std::move(t)), words(tokenize(text)), matches(lex().match(words, false)),
        model(text, words, matches, lex()) {}
  Sentence(const Sentence&) = delete;
  Sentence& operator=(const Sentence&) = delete;

  std::vector<ActionGroup> groups() const { return group_coordinated_verbs(model, find_action_verbs(model)); }
  int index_of(std::string_view folded, int from = 0) const {
    for (int k = from; k < static_cast<int>(words.size()); ++k)
      if (words[k].folded == folded) return k;
    return -1;
  }
  std::string action_of(int mention) const { return model.id_of(mention).data(); }
  // The reading of group gi as the pipeline has it before its objects.
  Reading read(std::size_t gi, const PreviousGroup& prev = {}) const {
    const auto gs = groups();
    const Clause c = find_clause(model, gs, gi);
    Reading rd;
    read_polarity_and_modality(model, gs[gi], c, rd);
    find_actor(model, gs[gi], c, prev, rd);
    return rd;
  }
};

std::vector<std::string> ids(const std::vector<int>& v) {
  std::vector<std::string> out;
  for (int c : v) out.push_back(lex().entry(c).id);
  return out;
}
bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
int cid(Kind kind, std::string_view id) { return lex().find(kind, id); }
}  // namespace

TEST_CASE("sentence model: a parenthetical ', however,' breaks no clause; 'but' does") {
  Sentence s("They may, however, use it, but we do not sell it.");
  const SentenceModel& m = s.model;
  const int use = s.index_of("use"), but = s.index_of("but"), sell = s.index_of("sell");
  CHECK_FALSE(m.breaks_clause(s.index_of("however")));
  CHECK(m.breaks_clause(but));
  CHECK(m.clause_start(use) == 0);
  CHECK(m.clause_end(use) == but);
  CHECK(m.clause_start(sell) == but + 1);
  CHECK(m.negations.size() == 1);
  CHECK(m.covered(m.negations, s.index_of("not")));
}

TEST_CASE("find_action_verbs: a noun of handling states nothing; a verb does") {
  Sentence noun("The collection of your data is described below.");
  CHECK(find_action_verbs(noun.model).empty());
  Sentence verb("We collect your email address.");
  const auto verbs = find_action_verbs(verb.model);
  REQUIRE(verbs.size() == 1);
  CHECK(verb.action_of(verbs[0]) == "collect");
}

TEST_CASE("group_coordinated_verbs: 'sell, rent, or share' is one group") {
  Sentence s("We do not sell, rent, or share your personal information.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 1);
  REQUIRE(gs[0].actions.size() == 3);
  CHECK(s.action_of(gs[0].actions[0]) == "sell");
  CHECK(s.action_of(gs[0].actions[1]) == "rent");
  CHECK(s.action_of(gs[0].actions[2]) == "share");
}

TEST_CASE("find_clause: a participle describing the object does not end it") {
  Sentence s("We share information gathered by cookies with our partners.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 2);
  const Clause c = find_clause(s.model, gs, 0);
  CHECK(c.begin == 0);
  CHECK(c.end == s.index_of("."));
  CHECK(c.object_end == c.end);  // runs past "gathered" to the partners
}

TEST_CASE("read_polarity_and_modality: denials, modals and the passive") {
  SUBCASE("an adverb between the negation and the verb") {
    const Reading rd = Sentence("We do not currently sell your data.").read(0);
    CHECK(rd.negative);
    CHECK(rd.modality.empty());
  }
  SUBCASE("a modal passive") {
    const Reading rd = Sentence("Your information may be shared with our partners.").read(0);
    CHECK_FALSE(rd.negative);
    CHECK(rd.modality == "may");
    CHECK(rd.passive);
  }
  SUBCASE("'be' before a verb that is no participle makes no passive") {
    const Reading rd = Sentence("We are able to collect your location.").read(0);
    CHECK_FALSE(rd.passive);
  }
  SUBCASE("barred without a negation word") {
    CHECK(Sentence("Our vendors are prohibited from using your data.").read(0).negative);
  }
  SUBCASE("'no' governing the subject data") {
    const Reading rd = Sentence("No personal information is sold to advertisers.").read(0);
    CHECK(rd.negative);
    CHECK(rd.passive);
  }
  SUBCASE("'or' after a denied verb carries the denial") {
    Sentence s("We do not market to children or knowingly collect their data.");
    const auto gs = s.groups();
    REQUIRE(!gs.empty());
    CHECK(s.action_of(gs.back().actions[0]) == "collect");
    CHECK(s.read(gs.size() - 1).negative);
  }
}

TEST_CASE("find_actor: subjects, recipients as subjects, the agent of a passive") {
  CHECK(Sentence("We collect your email address.").read(0).actor == "first_party");
  CHECK(Sentence("Our partners may collect your location.").read(0).actor == "third_party");
  CHECK(Sentence("Your data may be collected by third parties.").read(0).actor == "third_party");
  SUBCASE("the first party named with a recipient: both act") {
    const Reading rd = Sentence("We and our service providers collect your IP address.").read(0);
    CHECK(rd.actor == "third_party");
    CHECK(rd.joint);
  }
  SUBCASE("a clause after 'but' without a subject keeps the previous group's actor") {
    PreviousGroup prev;
    prev.actor = "third_party";
    Sentence s("Partners receive your data, but may not sell it.");
    const auto gs = s.groups();
    REQUIRE(gs.size() == 2);
    CHECK(s.read(1, prev).actor == "third_party");
    CHECK(s.read(1).actor == "first_party");  // (no group before it stated practices)
  }
}

TEST_CASE("describes_without_stating: reports, questions and choices state nothing") {
  auto describes = [](std::string text) {
    Sentence s(std::move(text));
    const auto gs = s.groups();
    REQUIRE(!gs.empty());
    const Clause c = find_clause(s.model, gs, 0);
    return describes_without_stating(s.model, gs[0], c, s.read(0).negative);
  };
  CHECK(describes("This policy explains how we collect your information."));
  CHECK(describes("Does Acme sell your personal information?"));
  CHECK(describes("You may choose not to share your location."));
  CHECK_FALSE(describes("We collect your email address."));
}

TEST_CASE("attach_objects: data, recipients and purposes of the object region") {
  Sentence s("We share your email address with advertisers for advertising.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 1);
  const Clause c = find_clause(s.model, gs, 0);
  Reading rd = s.read(0);
  REQUIRE(attach_objects(s.model, gs, 0, c, {}, rd));
  CHECK(ids(rd.data) == std::vector<std::string>{"email_address"});
  CHECK(ids(rd.recipient) == std::vector<std::string>{"advertiser"});
  CHECK(has(ids(rd.purpose), "advertising"));
}

TEST_CASE("attach_objects: 'the information we collect' defines the data; it is no practice") {
  Sentence s("The information we collect is stored on secure servers.");
  const auto gs = s.groups();
  REQUIRE(!gs.empty());
  CHECK(s.action_of(gs[0].actions[0]) == "collect");
  const Clause c = find_clause(s.model, gs, 0);
  Reading rd = s.read(0);
  CHECK_FALSE(attach_objects(s.model, gs, 0, c, {}, rd));
}

TEST_CASE("attach_objects: 'it' takes the previous group's data") {
  Sentence s("We store it on our servers.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 1);
  PreviousGroup prev;
  prev.actor = "first_party";
  prev.data = {cid(Kind::data, "location")};
  Reading rd = s.read(0, prev);
  REQUIRE(attach_objects(s.model, gs, 0, find_clause(s.model, gs, 0), prev, rd));
  CHECK(ids(rd.data) == std::vector<std::string>{"location"});
}

TEST_CASE("limit_denial_scope and split_off_excepted_data") {
  SUBCASE("a denial limited to the purposes after 'for'") {
    Sentence s("We do not share your data with third parties for their own marketing purposes.");
    const auto gs = s.groups();
    REQUIRE(gs.size() == 1);
    Reading rd = s.read(0);
    limit_denial_scope(s.model, gs[0], find_clause(s.model, gs, 0), rd);
    CHECK(rd.scope == "for their own marketing purposes");
  }
  SUBCASE("an affirmed practice has no scope") {
    Sentence s("We share your data with third parties for their own marketing purposes.");
    const auto gs = s.groups();
    REQUIRE(gs.size() == 1);
    Reading rd = s.read(0);
    limit_denial_scope(s.model, gs[0], find_clause(s.model, gs, 0), rd);
    CHECK(rd.scope.empty());
  }
  SUBCASE("data excepted from an affirmed object leaves the object") {
    Sentence s("We collect your name and postal address (but not your email address).");
    const auto gs = s.groups();
    REQUIRE(gs.size() == 1);
    const Clause c = find_clause(s.model, gs, 0);
    Reading rd = s.read(0);
    REQUIRE(attach_objects(s.model, gs, 0, c, {}, rd));
    split_off_excepted_data(s.model, gs[0], c, rd);
    dedupe_objects(rd);
    CHECK(ids(rd.excluded) == std::vector<std::string>{"email_address"});
    CHECK(has(ids(rd.data), "name"));
    CHECK(has(ids(rd.data), "postal_address"));
    CHECK_FALSE(has(ids(rd.data), "email_address"));
  }
}

TEST_CASE("carry_denial_to_chained_verb: a denial carries to the next verb unless a new subject comes") {
  PreviousGroup denied;
  denied.negative = true;
  denied.actor = "first_party";
  auto carried = [&](std::string text) {
    Sentence s(std::move(text));
    const auto gs = s.groups();
    REQUIRE(gs.size() == 2);
    Reading rd;  // the second verb read as affirmed
    carry_denial_to_chained_verb(s.model, gs, 1, find_clause(s.model, gs, 1), denied, rd);
    return rd.negative;
  };
  CHECK(carried("We will not sell your data or use it."));
  CHECK_FALSE(carried("We will not sell your data, and we use it for analytics."));
}

TEST_CASE("add_group_practices: what the user gives is what we receive") {
  Sentence s("You may send your email address to us.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 1);
  Reading rd;
  rd.actor = "user";
  rd.data = {cid(Kind::data, "email_address")};
  std::vector<Practice> out;
  add_group_practices(s.model, gs[0], find_clause(s.model, gs, 0), rd, {}, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].action == "receive");
  CHECK(out[0].actor == "first_party");
}

TEST_CASE("add_group_practices: a denial with an exception has an affirmed twin") {
  Sentence s("We do not share your personal information except as described below.");
  const auto gs = s.groups();
  REQUIRE(gs.size() == 1);
  Reading rd;
  rd.negative = true;
  rd.data = {cid(Kind::data, "personal_information")};
  std::vector<Practice> out;
  add_group_practices(s.model, gs[0], find_clause(s.model, gs, 0), rd, {}, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].negative);
  CHECK_FALSE(out[1].negative);
  CHECK(has(out[1].conditions, "except as described"));
}

TEST_CASE("add_group_practices: using cookies is setting them; keeping data takes the clause's periods") {
  SUBCASE("cookies") {
    Sentence s("We use cookies to remember your preferences.");
    const auto gs = s.groups();
    REQUIRE(!gs.empty());
    Reading rd;
    rd.data = {cid(Kind::data, "cookies")};
    rd.data_end = s.index_of("to");
    std::vector<Practice> out;
    add_group_practices(s.model, gs[0], find_clause(s.model, gs, 0), rd, {}, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].action == "set");
  }
  SUBCASE("periods") {
    Sentence s("We retain your data for two years.");
    const auto gs = s.groups();
    REQUIRE(gs.size() == 1);
    const std::vector<Period> periods = find_periods(s.text, s.words);
    REQUIRE(!periods.empty());
    Reading rd;
    rd.data = {cid(Kind::data, "information")};
    std::vector<Practice> out;
    add_group_practices(s.model, gs[0], find_clause(s.model, gs, 0), rd, periods, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].action == "retain");
    CHECK(out[0].periods.size() == periods.size());
  }
}

TEST_CASE("add_visibility_practices: data made visible is shared with its audience") {
  SUBCASE("visible to other members, with a modal") {
    Sentence s("Your comments may be visible to other members.");
    std::vector<Practice> out;
    add_visibility_practices(s.model, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].action == "share");
    CHECK_FALSE(out[0].negative);
    CHECK(out[0].modality == "may");
    CHECK(ids(out[0].recipient) == std::vector<std::string>{"public"});
    CHECK(has(ids(out[0].data), "user_content"));
  }
  SUBCASE("denied") {
    Sentence s("Your comments are never visible to other members.");
    std::vector<Practice> out;
    add_visibility_practices(s.model, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].negative);
  }
}

TEST_CASE("add_verbless_lists: a list of data without a verb is what is collected") {
  SUBCASE("a list verb") {
    Sentence s("This information may include your IP address and browser type.");
    std::vector<Practice> out;
    add_verbless_lists(s.model, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].action == "collect");
    CHECK(out[0].modality == "may");
    CHECK(has(ids(out[0].data), "ip_address"));
  }
  SUBCASE("a negation states no list") {
    Sentence s("This information does not include your IP address.");
    std::vector<Practice> out;
    add_verbless_lists(s.model, out);
    CHECK(out.empty());
  }
}
