#include "query/answer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace policyq::query {

bool is_body_sentence(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  if (sent.block < 0) return false;
  const Block& b = doc.blocks[static_cast<std::size_t>(sent.block)];
  return !b.chrome && b.kind != BlockKind::heading;
}

bool is_prose_sentence(const Document& doc, int s) {
  if (is_body_sentence(doc, s)) return true;
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  if (sent.block < 0) return false;
  const Block& b = doc.blocks[static_cast<std::size_t>(sent.block)];
  if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item) return false;
  if (b.link_chars > 0) return false;
  int words = 0;
  bool in_word = false;
  for (char c : sent.text) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 8;
}

std::vector<SentenceFacts> analyze_document(const Document& doc, const Lexicon& lex) {
  std::vector<SentenceFacts> out(doc.sentences.size());
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (is_body_sentence(doc, static_cast<int>(i))) out[i] = analyze_sentence(doc.sentences[i].text, lex);
  return out;
}

namespace {

// How well a concept of the policy (have) answers a concept of the question (want):
// 1 the same, 0.9 more specific, less for broader ones (0.35 for a generic root).
double similarity(const Lexicon& lex, int want, int have) {
  if (want == have) return 1.0;
  if (lex.is_a(have, want)) return 0.9;
  int d = lex.distance(want, have);
  if (d > 0) return lex.entry(have).generic ? 0.2 : std::max(0.4, 0.8 - 0.15 * (d - 1));
  return 0;
}

double best_similarity(const Lexicon& lex, int want, const std::vector<int>& have, bool* specific = nullptr) {
  double best = 0;
  for (int h : have) best = std::max(best, similarity(lex, want, h));
  if (specific) *specific = best >= 0.4;
  return best;
}

// Slot score of a concept list against the question's slots (sum over slots asked).
double slot_score(const Lexicon& lex, const std::vector<int>& want, const std::vector<int>& have) {
  if (want.empty()) return 0;
  double best = 0;
  for (int w : want) best = std::max(best, best_similarity(lex, w, have));
  return best;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Conditions that make an affirmation conditional (not "if you use the service").
bool limiting(const std::string& c) {
  return c != "if you use the feature" && c != "in certain circumstances";
}

struct Verdict {
  int affirm = -1, cond = -1, deny = -1;  // evidence positions (in ranked order) deciding each
  std::vector<std::string> conds;
};

std::string trim_quote(const std::string& s, std::size_t max = 220) {
  if (s.size() <= max) return s;
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) cut = max;
  return s.substr(0, cut) + " …";
}

const char* intent_verb(std::string_view intent) {
  if (intent == "sharing") return "shares";
  if (intent == "selling") return "sells";
  if (intent == "retention") return "retains";
  if (intent == "collection") return "collects";
  if (intent == "use") return "uses";
  if (intent == "cookies") return "uses cookies for";
  if (intent == "tracking") return "tracks";
  if (intent == "children") return "collects from children";
  if (intent == "transfer") return "transfers abroad";
  if (intent == "security") return "protects";
  return "addresses";
}

}  // namespace

Answer answer(const Question& q, const Index& index, std::size_t top, const Lexicon& lex) {
  // Weights of the score parts, tuned on a PolicyQA sample (see the report of issue 3):
  // lexical, topic, section, practice, slots, (unused), title, (unused), wh-boost, cue count.
  static constexpr double K[10] = {1.0, 1.3, 0.5, 0.8, 0.8, 0.0, 0.25, 0.0, 0.4, 0.25};
  // Paragraph context: weight of the block's BM25 (normalised) and of the sum of the
  // block's other sentence scores.
  static constexpr double KB[2] = {0.3, 0.15};
  const Document& doc = index.document();
  Answer ans;
  const std::size_t ns = doc.sentences.size();
  std::vector<SentenceFacts> facts = analyze_document(doc, lex);
  const std::vector<std::string> actions = intent_actions(q.intent);
  const int intent_id = q.intent == "other" ? -1 : lex.find(Kind::intent, q.intent);
  auto is_intent = [&](int c) { return c >= 0 && lex.entry(c).kind == Kind::intent && lex.entry(c).id == q.intent; };

  // Does a practice state what the intent asks? Third parties collecting is sharing, not
  // the first party's own collection.
  const bool first_party_intent = q.intent == "collection" || q.intent == "use" || q.intent == "retention" ||
                                  q.intent == "children";
  const bool sharing_intent = q.intent == "sharing";
  auto practice_fits = [&](const Practice& p) {
    if (sharing_intent && p.actor == "third_party" && is_collect_action(p.action)) return true;
    if (!contains(actions, p.action)) return false;
    if (first_party_intent && p.actor != "first_party") return false;
    return true;
  };
  // Lexical features.
  QueryTerms qt = index.parse_query(q.search_text);
  std::vector<SearchHit> hits = index.search(qt, ns);
  std::vector<double> bm25(ns, 0), phrase(ns, 0), title(ns, 0);
  double max_bm25 = 0, max_title = 0;
  for (const SearchHit& h : hits) {
    std::size_t s = static_cast<std::size_t>(h.sentence);
    bm25[s] = h.bm25;
    phrase[s] = h.phrase;
    title[s] = h.title;
    max_bm25 = std::max(max_bm25, h.bm25);
    max_title = std::max(max_title, h.title);
  }

  // Section context: does the section path talk about the intent or the slots?
  std::unordered_map<int, std::pair<double, double>> section_cache;
  auto section_features = [&](int sec) -> std::pair<double, double> {
    if (sec < 0) return {0, 0};
    auto it = section_cache.find(sec);
    if (it != section_cache.end()) return it->second;
    double topic = 0, slots = 0;
    const Section& S = doc.sections[static_cast<std::size_t>(sec)];
    std::vector<int> concepts;
    int depth = 0;
    for (auto p = S.path.rbegin(); p != S.path.rend() && depth < 2; ++p, ++depth) {
      auto words = tokenize(*p);
      for (const Match& m : lex.match(words, false)) {
        if (is_intent(m.cid)) topic = std::max(topic, depth == 0 ? 1.0 : 0.6);
        Kind k = lex.entry(m.cid).kind;
        if (k == Kind::data || k == Kind::recipient || k == Kind::purpose) concepts.push_back(m.cid);
      }
    }
    slots = slot_score(lex, q.data, concepts) + slot_score(lex, q.recipient, concepts) + slot_score(lex, q.purpose, concepts);
    return section_cache[sec] = {topic, slots};
  };

  struct Scored {
    int sentence;
    double score;
    Evidence ev;
    int practice = -1;  // best matching practice in facts[sentence]
  };
  std::vector<Scored> scored;
  const bool has_slots = !q.data.empty() || !q.recipient.empty() || !q.purpose.empty();
  for (std::size_t s = 0; s < ns; ++s) {
    if (!is_body_sentence(doc, static_cast<int>(s))) continue;
    const SentenceFacts& F = facts[s];
    Evidence ev;
    ev.sentence = static_cast<int>(s);
    ev.lexical = max_bm25 > 0 ? bm25[s] / max_bm25 : 0;
    double phrase_n = phrase[s] > 0 ? 0.3 : 0;
    double title_n = max_title > 0 ? title[s] / max_title : 0;
    // Topic: the sentence uses cues of the question's intent.
    for (std::size_t i = 0; i < F.intents.size(); ++i)
      if (is_intent(F.intents[i])) ev.topic = 1 + K[9] * std::min(2, F.intent_hits[i] - 1);
    auto [sec_topic, sec_slots] = section_features(doc.sentences[s].section);
    ev.section = sec_topic + 0.5 * std::min(1.0, sec_slots);
    // Slots anywhere in the sentence.
    ev.slots = slot_score(lex, q.data, F.concepts) + slot_score(lex, q.recipient, F.concepts) +
               slot_score(lex, q.purpose, F.concepts);
    // Practices.
    int best_p = -1;
    double best_pv = 0;
    for (std::size_t pi = 0; pi < F.practices.size(); ++pi) {
      const Practice& p = F.practices[pi];
      double v = 0;
      if (practice_fits(p)) v += 1.0;
      else if (!actions.empty() && (is_share_action(p.action) == is_share_action(actions.front()))) v += 0.25;
      if (actions.empty()) v += 0.2;
      v += 0.5 * (slot_score(lex, q.data, p.data) + slot_score(lex, q.recipient, p.recipient) +
                  slot_score(lex, q.purpose, p.purpose));
      if (v > best_pv) {
        best_pv = v;
        best_p = static_cast<int>(pi);
      }
    }
    ev.practice = best_pv;
    for (int c : F.concepts) {
      bool m = false;
      for (int w : q.data) m = m || similarity(lex, w, c) > 0;
      for (int w : q.recipient) m = m || similarity(lex, w, c) > 0;
      for (int w : q.purpose) m = m || similarity(lex, w, c) > 0;
      if (m && std::find(ev.concepts.begin(), ev.concepts.end(), c) == ev.concepts.end()) ev.concepts.push_back(c);
    }
    if (best_p >= 0) {
      const Practice& p = F.practices[static_cast<std::size_t>(best_p)];
      ev.negative = p.negative;
      ev.conditions = p.conditions;
      ev.action = p.action;
    } else {
      ev.negative = false;
    }
    double score = K[0] * ev.lexical + phrase_n + K[6] * title_n;
    if (intent_id >= 0) score += K[1] * ev.topic + K[2] * ev.section + K[3] * ev.practice;
    score += K[4] * ev.slots;
    // "why", "what information", "who": sentences that name purposes, data types, recipients
    if (q.asks_purpose || q.asks_data || q.asks_recipient) {
      int np = 0, nd = 0, nr = 0;
      for (int c : F.concepts) {
        Kind k = lex.entry(c).kind;
        bool specific = !lex.entry(c).generic;
        np += k == Kind::purpose;
        nd += k == Kind::data && specific;
        nr += k == Kind::recipient && specific;
      }
      if (q.asks_purpose) score += K[8] * std::min(1.0, np / 2.0);
      if (q.asks_data) score += K[8] * std::min(1.0, nd / 3.0);
      if (q.asks_recipient) score += K[8] * std::min(1.0, nr / 2.0);
    }
    // "How do I ...": sentences that tell the user what to do (contact us at, click, visit)
    if (q.asks_how) {
      bool procedure = doc.sentences[s].text.find('@') != std::string::npos;
      for (const Word& w : F.words)
        if (w.stem == "contact" || w.stem == "click" || w.stem == "visit" || w.stem == "email" || w.stem == "call" ||
            w.stem == "write" || w.stem == "log" || w.stem == "set" || w.stem == "link" || w.stem == "follow")
          procedure = true;
      if (procedure) score += 1.5 * K[8];
    }
    if (!has_slots && intent_id < 0) score += 0.3 * ev.section;
    // Very short fragments are rarely an answer.
    std::size_t nwords = 0;
    for (const Word& w : F.words) nwords += !w.punct;
    if (nwords < 4) score *= 0.5;
    if (score <= 0.05) continue;
    ev.score = score;
    scored.push_back(Scored{static_cast<int>(s), score, ev, best_p});
  }
  // Paragraph context: the gold of a question is often a whole paragraph, so a sentence
  // gains from a block that matches the question (BM25 over body blocks) and from strong
  // neighbours in its block.
  {
    const std::size_t nb = doc.blocks.size();
    std::vector<std::vector<std::string>> bterms(nb);
    std::vector<char> body(nb, 0);
    for (std::size_t s = 0; s < ns; ++s) {
      if (!is_body_sentence(doc, static_cast<int>(s))) continue;
      int b = doc.sentences[s].block;
      body[static_cast<std::size_t>(b)] = 1;
      auto t = index.sentence_terms(static_cast<int>(s));
      auto& v = bterms[static_cast<std::size_t>(b)];
      v.insert(v.end(), t.begin(), t.end());
    }
    QueryTerms bq = index.parse_query(q.text);
    std::vector<double> bscore(nb, 0);
    double nbody = 0, total = 0;
    std::unordered_map<std::string, int> df;
    for (std::size_t b = 0; b < nb; ++b) {
      if (!body[b]) continue;
      nbody += 1;
      total += static_cast<double>(bterms[b].size());
      std::set<std::string> u(bterms[b].begin(), bterms[b].end());
      for (const std::string& t : bq.terms)
        if (u.count(t)) ++df[t];
    }
    double avg = nbody > 0 ? total / nbody : 1, max_b = 0;
    for (std::size_t b = 0; b < nb; ++b) {
      if (!body[b]) continue;
      double sc = 0;
      for (const std::string& t : bq.terms) {
        double tf = static_cast<double>(std::count(bterms[b].begin(), bterms[b].end(), t));
        if (tf == 0) continue;
        double d = df[t];
        double idf = std::log(1 + (nbody - d + 0.5) / (d + 0.5));
        sc += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * static_cast<double>(bterms[b].size()) / std::max(1.0, avg)));
      }
      bscore[b] = sc;
      max_b = std::max(max_b, sc);
    }
    std::vector<double> sum(nb, 0);
    for (const Scored& sc : scored)
      sum[static_cast<std::size_t>(doc.sentences[static_cast<std::size_t>(sc.sentence)].block)] += sc.score;
    for (Scored& sc : scored) {
      auto b = static_cast<std::size_t>(doc.sentences[static_cast<std::size_t>(sc.sentence)].block);
      double add = max_b > 0 ? KB[0] * bscore[b] / max_b : 0;
      add += KB[1] * (sum[b] - sc.score);
      sc.score += add;
      sc.ev.score = sc.score;
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });

  // Verdict from the practices of the best candidates.
  Verdict v;
  const std::size_t pool = std::min<std::size_t>(scored.size(), 15);
  bool topic_only = actions.empty() || q.intent == "security" || q.intent == "transfer" || q.intent == "changes" ||
                    q.intent == "rights";
  auto free_terms_ok = [&](int s) {
    if (q.free_terms.empty() || !q.data.empty()) return true;
    for (const Word& w : facts[static_cast<std::size_t>(s)].words)
      if (contains(q.free_terms, w.stem)) return true;
    return false;
  };
  for (std::size_t r = 0; r < pool; ++r) {
    const Scored& sc = scored[r];
    const SentenceFacts& F = facts[static_cast<std::size_t>(sc.sentence)];
    if (!free_terms_ok(sc.sentence)) continue;
    if ((q.intent == "cookies" || q.intent == "tracking" || q.intent == "children") && !(sc.ev.topic > 0)) continue;
    for (const Practice& p : F.practices) {
      if (!practice_fits(p)) continue;
      if (p.action == "delete") continue;  // ranks retention evidence; neither affirms nor denies keeping
      // data
      bool data_ok = true, specific_other = false;
      bool rec_specific = false, pur_specific = false;
      if (!q.recipient.empty()) {
        double s = 0;
        for (int w : q.recipient) s = std::max(s, best_similarity(lex, w, p.recipient));
        if (s >= 0.4) rec_specific = true;
        else if (p.recipient.empty() && (p.negative || lex.entry(q.recipient.front()).parent < 0) &&
                 is_share_action(p.action))
          ;  // "we do not share your data": covers every recipient
        else
          continue;
      }
      if (!q.purpose.empty()) {
        double s = 0;
        for (int w : q.purpose) s = std::max(s, best_similarity(lex, w, p.purpose));
        if (s > 0) pur_specific = true;
        else if (!(p.negative && p.purpose.empty()))
          continue;
      }
      specific_other = rec_specific || pur_specific;
      if (!q.data.empty()) {
        double s = 0;
        for (int w : q.data) s = std::max(s, best_similarity(lex, w, p.data));
        data_ok = s >= 0.4 || (s > 0 && (specific_other || p.negative));
      }
      if (!data_ok) continue;
      bool conditional = false;
      for (const std::string& c : p.conditions)
        if (limiting(c)) conditional = true;
      if (p.negative && !p.data.empty() && q.data.empty() && q.intent != "children") {
        // "we do not retain children's data" does not deny "do you retain my data"
        bool broad = false;
        for (int d : p.data) broad = broad || lex.entry(d).generic;
        if (!broad) continue;
      }
      if (p.negative) {
        bool consent = contains(p.conditions, "without your consent") || contains(p.conditions, "except as described");
        bool partial = !p.scope.empty() && p.purpose.empty();
        if (consent || partial) {
          if (v.cond < 0) v.cond = static_cast<int>(r);
          for (const std::string& c : p.conditions)
            if (!contains(v.conds, c)) v.conds.push_back(c);
        } else if (v.deny < 0) {
          v.deny = static_cast<int>(r);
        }
      } else if (conditional) {
        if (v.cond < 0) v.cond = static_cast<int>(r);
        for (const std::string& c : p.conditions)
          if (limiting(c) && !contains(v.conds, c)) v.conds.push_back(c);
      } else if (v.affirm < 0) {
        v.affirm = static_cast<int>(r);
      }
    }
  }
  if (topic_only && v.affirm < 0 && v.deny < 0 && v.cond < 0) {
    // Topics without a practice verb (security measures, contacts, changes, rights):
    // the policy addresses them when a strong candidate is on topic.
    for (std::size_t r = 0; r < std::min<std::size_t>(pool, 5); ++r) {
      const Scored& sc = scored[r];
      if (!free_terms_ok(sc.sentence)) continue;
      bool on_topic = intent_id >= 0 ? (sc.ev.topic > 0 && (sc.ev.section > 0 || sc.ev.lexical > 0.3))
                                     : (sc.ev.lexical >= 0.5 && (!has_slots || sc.ev.slots >= 0.9));
      if (!on_topic) continue;
      const SentenceFacts& F = facts[static_cast<std::size_t>(sc.sentence)];
      bool neg = false;
      for (const Practice& p : F.practices)
        if (p.negative && (contains(actions, p.action) || actions.empty())) neg = true;
      if (neg) { if (v.deny < 0) v.deny = static_cast<int>(r); }
      else if (v.affirm < 0) v.affirm = static_cast<int>(r);
      break;
    }
  }

  if (v.affirm >= 0 && v.deny < 0 && v.cond < 0) ans.verdict = "yes";
  else if (v.affirm >= 0 && v.deny < 0) ans.verdict = "yes";
  else if (v.deny >= 0 && v.affirm < 0 && v.cond < 0) ans.verdict = "no";
  else if (v.affirm >= 0 || v.cond >= 0 || v.deny >= 0) ans.verdict = "conditional";
  // "yes" with conditions only: conditional
  if (v.affirm < 0 && v.cond >= 0 && v.deny < 0) ans.verdict = "conditional";

  // Evidence: the best sentences, one per block first; the deciding ones included.
  std::vector<int> chosen;
  std::set<int> blocks;
  auto take = [&](int r) {
    if (std::find(chosen.begin(), chosen.end(), r) != chosen.end()) return;
    chosen.push_back(r);
    blocks.insert(doc.sentences[static_cast<std::size_t>(scored[static_cast<std::size_t>(r)].sentence)].block);
  };
  for (std::size_t r = 0; r < scored.size() && chosen.size() < top; ++r) {
    int b = doc.sentences[static_cast<std::size_t>(scored[r].sentence)].block;
    if (blocks.count(b)) continue;
    take(static_cast<int>(r));
  }
  for (std::size_t r = 0; r < scored.size() && chosen.size() < top; ++r) take(static_cast<int>(r));
  // The sentence that decided the verdict must be shown.
  int decider = ans.verdict == "no" ? v.deny : (v.affirm >= 0 ? v.affirm : v.cond >= 0 ? v.cond : v.deny);
  // (The summary quotes the deciding sentence; the evidence stays in rank order.)
  (void)decider;
  std::sort(chosen.begin(), chosen.end());
  for (int r : chosen) ans.evidence.push_back(scored[static_cast<std::size_t>(r)].ev);

  // Periods (retention questions): from the retention practices of the evidence first.
  if (q.intent == "retention") {
    std::set<std::pair<std::string, int>> seen;
    auto add_periods = [&](int s) {
      for (const Practice& p : facts[static_cast<std::size_t>(s)].practices)
        for (const Period& per : p.periods) {
          Period x = per;
          x.line = doc.sentences[static_cast<std::size_t>(s)].first_line;
          if (seen.insert({x.text, x.line}).second) ans.periods.push_back(x);
        }
    };
    for (const Evidence& e : ans.evidence) add_periods(e.sentence);
    for (std::size_t r = 0; r < std::min<std::size_t>(pool, 8); ++r) add_periods(scored[r].sentence);
  }

  // Summary in the policy's own words.
  auto quote_of = [&](int r) {
    return trim_quote(doc.sentences[static_cast<std::size_t>(scored[static_cast<std::size_t>(r)].sentence)].text);
  };
  std::string conds;
  for (const std::string& c : v.conds) conds += (conds.empty() ? "" : "; ") + c;
  if (ans.verdict == "yes") {
    int best = v.cond >= 0 && v.cond < v.affirm ? v.cond : v.affirm;  // the best-ranked statement
    ans.summary = "Yes. The policy says: \"" + quote_of(best) + "\"";
  } else if (ans.verdict == "no") {
    ans.summary = "No. The policy says: \"" + quote_of(v.deny) + "\"";
  } else if (ans.verdict == "conditional") {
    if (v.affirm >= 0 && v.deny >= 0)
      ans.summary = "Conditional: it depends on the case. The policy says: \"" + quote_of(v.affirm) + "\" but also: \"" +
                    quote_of(v.deny) + "\"";
    else if (v.cond >= 0)
      ans.summary = "Conditional" + (conds.empty() ? std::string() : " (" + conds + ")") + ". The policy says: \"" +
                    quote_of(v.cond) + "\"" + (v.deny >= 0 ? " but also: \"" + quote_of(v.deny) + "\"" : "");
    else
      ans.summary = "Conditional. The policy says: \"" + quote_of(v.affirm >= 0 ? v.affirm : v.deny) + "\"";
  } else {
    std::string what;
    for (int d : q.data) what += (what.empty() ? "" : ", ") + lex.entry(d).id;
    for (const std::string& t : q.free_terms) what += (what.empty() ? "" : ", ") + t;
    ans.summary = std::string("Not stated. The policy does not say whether it ") + intent_verb(q.intent) +
                  (what.empty() ? std::string(" this") : " " + what) +
                  (scored.empty() ? "." : "; the closest passages follow.");
  }
  if (!ans.periods.empty()) {
    std::string ps;
    for (const Period& p : ans.periods) {
      if (ps.size() > 300) break;
      ps += (ps.empty() ? "" : "; ") + p.text + (p.iso.empty() ? "" : " (" + p.iso + ")");
    }
    ans.summary = (ans.verdict == "not_stated" ? "Not stated clearly. " : "") + std::string("Retention: ") + ps + ". " +
                  ans.summary;
  }
  return ans;
}

}  // namespace policyq::query
