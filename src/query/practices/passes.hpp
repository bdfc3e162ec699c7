#pragma once
// The passes of practice extraction (internal), in the order analyze_sentence runs them
// over one SentenceModel (model.hpp):
//
//   find_action_verbs             action mentions that are verbs of a statement, not nouns     verbs.cpp
//   group_coordinated_verbs       "sell, rent, or share": verbs sharing subject and object     verbs.cpp
//   then for each group, filling one Reading:
//     find_clause                 its clause, the words before it, its object region           verbs.cpp
//     read_polarity_and_modality  "do not", "may", "is shared"                                 polarity.cpp
//     find_actor                  "we", "our partners", "you"; "by X" after a passive          actor.cpp
//     describes_without_stating   drops "how we share", questions, "data that is shared"       description.cpp
//     attach_objects              data, recipients, purposes                                   objects.cpp
//     attach_conditions, limit_denial_scope, split_off_excepted_data, dedupe_objects           objects.cpp
//     carry_denial_to_chained_verb  "will not sell ... or authorize any third party to use"    polarity.cpp
//     add_group_practices         a practice per action; the rules that recast or drop it;
//                                 the twins a denial with an exception implies                 group_practices.cpp
//   add_visibility_practices      "your profile is visible to other members"                   whole_sentence.cpp
//   add_verbless_lists            "This information may include your IP address, ..."          whole_sentence.cpp
//
// A group that describes rather than states, or only defines data, makes no practice and
// leaves PreviousGroup as it was.
#include "query/practices.hpp"
#include "query/practices/model.hpp"

#include <string>
#include <vector>

namespace policyq::query::passes {

// Coordinated action verbs that share one subject and one object ("sell, rent, or share").
struct ActionGroup {
  std::vector<int> actions;  // mentions
  int first = 0;             // word index of the first action
  int last_end = 0;          // word index after the last action
};

// Where the words of one group lie.
struct Clause {
  int begin = 0;       // first word of the group's clause
  int end = 0;         // the clause mark that ends it, or n
  int pre_begin = 0;   // the words before the verb: from the clause start or the previous group's end
  int object_end = 0;  // the object region [last_end, object_end): up to the next verb or the clause end
  int purpose_end = 0; // purposes of the group end here: object_end, or past a defining relative clause
};

// What the passes read of one group, filled in pipeline order; its practices are made from it.
struct Reading {
  bool negative = false;  // denied (read_polarity_and_modality; find_actor and carry_denial_to_chained_verb add)
  std::string modality;   // the first modal before the verb: may | will | must | ...
  bool passive = false;   // "be" + participle: the actor follows "by", the data precedes the verb
  std::string actor = "first_party";  // first_party | third_party | user
  bool joint = false;     // the first party acts together with the third-party subject
  int data_end = 0;       // the data of the object region ends here (before an infinitive of purpose)
  std::vector<int> data, recipient, purpose;  // concept indexes
  std::vector<std::string> conditions;        // condition ids of the clause
  std::string scope;                          // the words that limit a denial
  std::vector<int> excluded;                  // data excepted from the object ("but not your email")
  bool from_source = false;                   // a party the data comes from is named ("from third parties")
};

// What the last group that stated practices leaves for the next one: an infinitive or a
// clause after "but" takes its actor, "it" / "them" its data, a chained verb its denial.
struct PreviousGroup {
  bool negative = false;
  std::string actor;  // empty until a group has stated practices
  bool joint = false;
  std::vector<int> data;
};

// The action mentions that are verbs of a practice statement, in order: not the nouns
// ("the collection of data", "our use of"), gerunds after a noun, or actions inside a
// data, recipient, condition or purpose phrase.
std::vector<int> find_action_verbs(const SentenceModel& s);

// Groups verbs joined by commas, "or", "and" and the like ("have access to or process").
std::vector<ActionGroup> group_coordinated_verbs(const SentenceModel& s, const std::vector<int>& verbs);

// The clause and object region of groups[gi].
Clause find_clause(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi);

// Negation, modality and voice from the words before the verb: rd.negative, rd.modality, rd.passive.
void read_polarity_and_modality(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd);

// Who acts: rd.actor and rd.joint; also the denial of "do not allow third parties to ...".
void find_actor(const SentenceModel& s, const ActionGroup& g, const Clause& c, const PreviousGroup& prev,
                Reading& rd);

// Does the group describe a practice rather than state it ("how we share", "you may choose
// not to share", a question or heading, "the sharing of", "data that is shared")? Then it
// makes no practice and leaves nothing for the next group.
bool describes_without_stating(const SentenceModel& s, const ActionGroup& g, const Clause& c, bool negative);

// The data, recipients and purposes of groups[gi]: rd.data_end, rd.data, rd.recipient,
// rd.purpose. False when the group only defines data ("the information we collect"): it
// then makes no practice and leaves nothing for the next group.
bool attach_objects(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi,
                    const Clause& c, const PreviousGroup& prev, Reading& rd);
// The conditions named anywhere in the clause ("without your consent", "as required by law").
void attach_conditions(const SentenceModel& s, const Clause& c, Reading& rd);
// A denial limited to some purposes: the words from "for" ("... for use under (iii) or (iv)").
void limit_denial_scope(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd);
// Data named as an exception to an affirmed object: "your name and address (but not your
// email address)", "aggregated data (not including your name)". They leave rd.data for
// rd.excluded, which states a denial of their own.
void split_off_excepted_data(const SentenceModel& s, const ActionGroup& g, const Clause& c, Reading& rd);
// Each concept once, in first-mention order.
void dedupe_objects(Reading& rd);
// A denial carries over to a verb chained after it in the same clause ("will not sell ...
// or authorize any third party to use"), unless a new subject comes between.
void carry_denial_to_chained_verb(const SentenceModel& s, const std::vector<ActionGroup>& groups, std::size_t gi,
                                  const Clause& c, const PreviousGroup& prev, Reading& rd);

// The practices of the group's actions, from its reading, onto out: what the user gives is
// our receiving it, handing on needs a recipient, placing cookies is "set", keeping and
// deleting take the clause's periods; a joint actor adds the first party's own practice,
// a denial with an exception its affirmed twin, excepted data its denial.
void add_group_practices(const SentenceModel& s, const ActionGroup& g, const Clause& c, const Reading& rd,
                         const std::vector<Period>& periods, std::vector<Practice>& out);

// Data made visible to others, stated of the data itself: "Comments you post become
// public", "your profile may be visible to other members", "reviews are searchable by
// anyone". A first-party share with the public (or the audience named), unless a practice
// of the clause in out already shares it.
void add_visibility_practices(const SentenceModel& s, std::vector<Practice>& out);

// Lists of data types without a verb of their own: "This information may include your IP
// address, browser type ...", "Email addresses of people you refer.": a collection of the
// data named. (analyze_sentence runs it only when no other practice was found.)
void add_verbless_lists(const SentenceModel& s, std::vector<Practice>& out);

}  // namespace policyq::query::passes
