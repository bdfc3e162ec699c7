// The base score of every body sentence: what its words, topic cues, section, concepts and
// phrasing say about the question, before its practices and its paragraph count.
#include "query/answer/passes.hpp"

#include <algorithm>
#include <set>

namespace policyq::query::answering {

namespace {

// The OPP-115 category of an intent, where two intents share one: collection and use
// (first-party collection/use), sharing and selling (third-party sharing); 0 for the others.
int opp_category(std::string_view intent) {
  if (intent == "collection" || intent == "use") return 1;
  if (intent == "sharing" || intent == "selling") return 2;
  return 0;
}

// The kind of right words name: 1 access (view, edit, correct, delete), 2 choice (opt out,
// unsubscribe, consent), 3 both, 0 neither.
int right_kinds(const std::vector<Word>& words) {
  static const std::set<std::string, std::less<>> access{"access", "view", "review", "edit", "correct", "updat",
                                                         "modifi", "delet", "remov", "eras", "deactiv", "close",
                                                         "rectifi"};
  static const std::set<std::string, std::less<>> choice{"choic", "choos", "control", "option", "opt", "prefer",
                                                         "unsubscrib", "consent", "withdraw", "object", "disabl",
                                                         "declin", "refus"};
  int k = 0;
  for (const Word& w : words) {
    if (access.count(w.stem)) k |= 1;
    else if (choice.count(w.stem)) k |= 2;
  }
  return k;
}

// What the question asks of every sentence, worked out once.
struct QuestionCues {
  bool has_slots = false;  // it names data, recipients or purposes
  bool user_side = false;  // it is about rights: what the user can do
  bool choice = false;     // it asks about choices or controls
  int category = 0;        // the OPP-115 category of the ranking intent
  int right = 0;           // rights questions: the kind of right asked (right_kinds)
};

QuestionCues question_cues(const AnswerModel& m) {
  const Question& q = m.q;
  QuestionCues c;
  c.has_slots = !q.data.empty() || !q.recipient.empty() || !q.purpose.empty();
  c.user_side = q.intent == "rights" || q.intent2 == "rights";
  c.choice = asks_choice(q);
  c.category = opp_category(m.intent.intent);
  c.right = c.user_side ? right_kinds(q.words) : 0;
  return c;
}

// How strongly a sentence's cues name an intent: 1 for one cue, up to 1.5 for three.
double cue_strength(int hits) { return 1 + 0.25 * std::min(2, hits - 1); }

// The topic cues of a sentence for the ranking intent, the runner-up and the asked intent,
// and whether it names a sibling of the ranking intent (same OPP-115 category).
struct TopicCues {
  double topic = 0, second = 0, asked = 0;
  bool sibling = false;
};

TopicCues topic_cues(const AnswerModel& m, const SentenceFacts& F, int category) {
  TopicCues t;
  for (std::size_t i = 0; i < F.intents.size(); ++i) {
    if (F.intents[i] == m.asked_intent.id) t.asked = cue_strength(F.intent_hits[i]);
    if (m.is_intent(F.intents[i])) t.topic = cue_strength(F.intent_hits[i]);
    else if (category > 0 && opp_category(m.lex.entry(F.intents[i]).id) == category) t.sibling = true;
    if (m.is_second_intent(F.intents[i])) t.second = cue_strength(F.intent_hits[i]);
  }
  return t;
}

// The sentence's concepts that answer a slot of the question, shown with the evidence.
std::vector<int> question_concepts(const AnswerModel& m, const SentenceFacts& F) {
  const Question& q = m.q;
  std::vector<int> out;
  for (int c : F.concepts) {
    bool match = false;
    for (int w : q.data) match = match || similarity(m.lex, w, c) > 0;
    for (int w : q.recipient) match = match || similarity(m.lex, w, c) > 0;
    for (int w : q.purpose) match = match || similarity(m.lex, w, c) > 0;
    if (match && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

// How many purposes, specific data types and specific recipients a sentence names: what
// "why", "what information" and "who" ask for.
struct NamedConcepts {
  int purposes = 0, data = 0, recipients = 0;
};

NamedConcepts named_concepts(const Lexicon& lex, const SentenceFacts& F) {
  NamedConcepts n;
  for (int c : F.concepts) {
    Kind k = lex.entry(c).kind;
    bool specific = !lex.entry(c).generic;
    n.purposes += k == Kind::purpose;
    n.data += k == Kind::data && specific;
    n.recipients += k == Kind::recipient && specific;
  }
  return n;
}

// Choices and rights are what the user can do: "you may opt out", "you can choose".
bool user_can_act(const std::vector<Word>& words) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].folded != "you") continue;
    std::string_view n = words[i + 1].folded;
    if (n == "can" || n == "may" || n == "might" || n == "could" || n == "choose" || n == "have" || n == "will")
      return true;
  }
  return false;
}

// A third party named beside collecting, cookies or tracking: who collects on the site.
bool third_party_collecting(const Lexicon& lex, const SentenceFacts& F) {
  bool party = false, collecting = false;
  for (int c : F.concepts) party = party || lex.entry(c).kind == Kind::recipient;
  for (const Match& match : F.matches) {
    const Concept& c = lex.entry(match.cid);
    collecting = collecting || (c.kind == Kind::action && c.id == "collect") ||
                 (c.kind == Kind::intent && (c.id == "cookies" || c.id == "tracking"));
  }
  return party && collecting;
}

// Does a sentence touch a practice (any concept, or a topic other than rights)? With an
// option cue in its paragraph, it answers a choice question.
bool touches_practice(const Lexicon& lex, const SentenceFacts& F) {
  bool prac = !F.concepts.empty();
  for (int c : F.intents) prac = prac || (c >= 0 && lex.entry(c).id != "rights");
  return prac;
}

// A recipient named as where data comes from ("we obtain information from partners,
// advertisers and customers") is no recipient of sharing: the sentence's concepts without
// those, for questions about handing data on.
std::vector<int> concepts_without_sources(const Lexicon& lex, const SentenceFacts& F) {
  std::vector<int> out;
  for (int c : F.concepts) {
    if (lex.entry(c).kind != Kind::recipient) {
      out.push_back(c);
      continue;
    }
    bool target = false;  // named at least once other than as a source
    for (const Match& mt : F.matches) {
      if (mt.cid != c) continue;
      bool source = false;
      for (int k = mt.begin - 1; k >= 0 && k >= mt.begin - 20; --k) {
        const std::string& w = F.words[static_cast<std::size_t>(k)].folded;
        if (w == "from") {
          source = true;
          break;
        }
        if (w == "to" || w == "with" || w == "by" || w == ";" || w == "." || w == ":") break;
      }
      target = target || !source;
    }
    if (target) out.push_back(c);
  }
  return out;
}

// The base score of one body sentence, with its score parts. Its paragraph's lead
// sentence is known (m.lead); its practices and paragraph do not count yet.
Candidate score_sentence(const AnswerModel& m, const QuestionCues& qc, std::size_t s) {
  const Weights& K = m.weights;
  const Question& q = m.q;
  const SentenceFacts& F = m.sentences.facts(s);
  const SectionFeatures& sf = m.section_of(s);
  const TopicCues cues = topic_cues(m, F, qc.category);
  Candidate c;
  c.sentence = static_cast<int>(s);
  Evidence& ev = c.ev;
  ev.sentence = static_cast<int>(s);
  ev.lexical = m.bm25[s];
  ev.topic = cues.topic;
  ev.section = sf.topic + 0.5 * std::min(1.0, sf.slots);
  const bool handing_on = (q.intent == "sharing" || q.intent == "selling") && !q.recipient.empty();
  ev.slots = slots_score(q, m.lex, handing_on ? concepts_without_sources(m.lex, F) : F.concepts);
  ev.concepts = question_concepts(m, F);
  ev.expansion = m.expansion[s];
  // (The parts are added in one fixed order: the scores, and so the ranking, depend on it.)
  double score = K.lexical * ev.lexical + (m.phrase[s] > 0 ? K.phrase : 0) + K.title * m.title[s] +
                 K.title_all * m.title_all[s] + K.expansion * ev.expansion;
  if (m.intent.id >= 0) score += K.topic * ev.topic + K.section * ev.section;
  if (cues.sibling && ev.topic == 0) score += K.sibling_topic;
  if (m.intent.id >= 0 && sf.other) score += K.other_section;
  if (m.second_intent.id >= 0) score += K.topic2 * cues.second + K.section2 * sf.topic2;
  score += K.slots * ev.slots + K.section_slots * std::min(1.0, sf.slots);
  if (q.asks_purpose || q.asks_data || q.asks_recipient) {
    const NamedConcepts n = named_concepts(m.lex, F);
    if (q.asks_purpose) score += K.wh_purpose * std::min(1.0, n.purposes / 2.0);
    if (q.asks_data) score += K.wh_data * std::min(1.0, n.data / 3.0);
    if (q.asks_recipient) score += K.wh_recipient * std::min(1.0, n.recipients / 2.0);
  }
  if (!qc.has_slots && m.intent.id < 0) score += K.section_untargeted * ev.section;
  if (m.lead[static_cast<std::size_t>(m.doc.sentences[s].block)] == static_cast<int>(s)) score += K.lead;
  if (qc.user_side && user_can_act(F.words)) score += K.user_agency;
  if (q.third_party_actor && third_party_collecting(m.lex, F)) score += K.tp_collect;
  // Access or choice: the kind of right asked (a question naming both kinds: no part).
  if (qc.right == 1 || qc.right == 2) {
    int kinds = right_kinds(F.words);
    if (kinds & qc.right) score += K.right_kind;
    else if (kinds != 0) score -= K.right_kind;
  }
  c.base = score;
  c.verdict_topic = cues.asked;
  c.verdict_section = sf.verdict_topic + 0.5 * std::min(1.0, sf.slots);
  return c;
}

}  // namespace

void score_sentences(AnswerModel& m) {
  const QuestionCues qc = question_cues(m);
  for (std::size_t s = 0; s < m.doc.sentences.size(); ++s) {
    if (!m.sentences.is_body(s)) continue;
    auto b = static_cast<std::size_t>(m.doc.sentences[s].block);
    if (m.lead[b] < 0) m.lead[b] = static_cast<int>(s);
    Candidate c = score_sentence(m, qc, s);
    m.block_lexical[b] = std::max(m.block_lexical[b], c.ev.lexical);
    m.block_topic[b] = std::max(m.block_topic[b], c.ev.topic);
    // Choice questions: the answer is often a collection or sharing paragraph that names
    // the option in passing ("we share it with partners unless you opt out").
    if (qc.choice) {
      const SentenceFacts& F = m.sentences.facts(s);
      m.block_option_cue[b] = m.block_option_cue[b] || has_option_cue(F.words);
      m.block_practice[b] = m.block_practice[b] || touches_practice(m.lex, F);
    }
    m.candidates.push_back(std::move(c));
  }
}

}  // namespace policyq::query::answering
