#include "query/question.hpp"

#include "text/utf8.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

namespace policyq::query {

bool is_stop_word(std::string_view w) {
  static const std::unordered_set<std::string_view> s{
      "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "by", "is", "are", "be", "been",
      "being", "was", "were", "do", "does", "did", "you", "your", "yours", "i", "my", "me", "mine", "we", "our",
      "us", "it", "its", "this", "that", "these", "those", "what", "which", "who", "whom", "how", "when",
      "where", "why", "will", "would", "can", "could", "may", "might", "should", "shall", "must", "from",
      "as", "at", "about", "any", "all", "their", "they", "them", "he", "she", "his", "her", "there", "here",
      "if", "so", "than", "then", "too", "very", "just", "also", "has", "have", "had", "not", "no", "yes",
      "into", "out", "up", "down", "over", "under", "again", "some", "such", "own", "same", "other", "others",
      "more", "most", "each", "both", "few", "am", "s", "t", "ever", "anyone", "else", "get", "got", "let",
      "please", "tell", "know", "like", "want", "one", "ones", "whether", "via", "per", "because", "after",
      "before", "during", "until", "while", "once", "there", "they're", "i'm", "im", "able", "way"};
  return s.count(w) > 0;
}

namespace {
// Words that carry no slot of their own in a question ("policy", "website").
bool is_generic_question_word(std::string_view stem) {
  static const std::unordered_set<std::string_view> s{
      "polici", "privaci", "websit", "site", "compani", "servic", "app", "applic", "way", "kind", "type",
      "thing", "someth", "anyth", "inform", "data", "info", "person", "user", "happen", "allow", "mean",
      "need", "give", "make", "go", "say", "state", "mention", "describ", "explain", "talk", "practic",
      "provid", "onlin", "account", "detail", "help", "ani", "question", "regard", "concern", "much",
      "mani", "long", "often", "time", "specif", "specifi", "exact", "exactli", "particular", "categori",
      "purpos", "reason", "first", "parti", "use", "done", "yes", "way", "option", "abl", "possibl",
      "respons", "abil", "includ", "relat", "still", "actual", "realli", "everi", "differ", "certain",
      "collect", "share", "store", "keep", "sell", "sold", "gather", "obtain", "receiv", "disclos",
      // how deliberately: policies say "knowingly" or not, the practice is the same
      "knowingli", "know", "intention", "intentionali", "deliber", "deliberati", "ever", "current", "currentli",
      // whom a service is for: "meant for children", "intended for", "aimed at", "suitabl for"
      "meant", "intend", "design", "aim", "suitabl", "appropri", "target"};
  return s.count(stem) > 0;
}

// Priority when intents tie: the more specific topics first.
constexpr std::array<std::string_view, 13> intent_order{
    "tracking", "cookies", "children", "selling", "retention", "transfer", "security",
    "changes", "contact", "rights", "sharing", "collection", "use"};
}  // namespace

std::vector<std::string> intent_actions(std::string_view intent) {
  if (intent == "sharing") return {"share", "disclose", "sell", "rent", "trade", "transfer"};
  if (intent == "selling") return {"sell", "rent", "trade"};
  if (intent == "retention") return {"retain", "store", "delete"};
  if (intent == "collection") return {"collect", "obtain", "receive", "access", "use", "process", "store"};
  if (intent == "use") return {"use", "process", "collect", "access"};
  if (intent == "cookies") return {"set", "use", "collect", "share", "access", "store", "receive"};
  if (intent == "tracking") return {"honor", "set", "collect", "use", "share"};
  if (intent == "rights") return {};  // what the user may do: topic cues, not first-party practices
  if (intent == "security") return {"protect"};
  if (intent == "children") return {"collect", "obtain", "receive", "use", "retain", "share", "disclose"};
  if (intent == "transfer") return {"transfer", "store", "process", "share"};
  if (intent == "contact") return {};
  if (intent == "changes") return {"notify"};
  return {};
}

Question parse_question(std::string_view text, const Lexicon& lex) {
  if (text.size() > max_question_bytes)
    throw Error("question is too long (" + std::to_string(text.size()) + " bytes; at most 10 KB)");
  if (std::size_t bad = utf8::find_invalid(text); bad != utf8::npos)
    throw Error("question is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
  Question q;
  q.text = std::string(text);
  q.words = tokenize(text);
  bool any_word = false;
  for (auto& w : q.words)
    if (!w.punct) any_word = true;
  if (!any_word) throw Error("empty question: ask something, e.g. \"Do you sell my personal data?\"");
  q.matches = lex.match(q.words, true);

  std::map<std::string, double> score;
  std::vector<bool> covered(q.words.size(), false);
  // An intent cue inside a longer data, recipient or purpose phrase names that slot, not
  // the topic: "contact information" is data (not the contact intent), "IP address" too.
  auto inside_slot = [&](const Match& m) {
    for (const Match& o : q.matches) {
      Kind k = lex.entry(o.cid).kind;
      if ((k == Kind::data || k == Kind::recipient || k == Kind::purpose) && o.begin <= m.begin && o.end >= m.end &&
          o.end - o.begin > m.end - m.begin)
        return true;
    }
    return false;
  };
  // Data coming to the company is its own collection, not sharing: "do other sites provide
  // you with my data", "do you get information from your partners".
  auto word_at = [&](int i) -> std::string_view {
    return i >= 0 && i < static_cast<int>(q.words.size()) ? std::string_view(q.words[static_cast<std::size_t>(i)].folded)
                                                           : std::string_view();
  };
  bool to_company = false;  // "... provide you with", "... send us"
  for (std::size_t i = 0; i + 1 < q.words.size(); ++i) {
    const std::string& st = q.words[i].stem;
    std::string_view next = word_at(static_cast<int>(i) + 1);
    const bool giving = st == "provid" || st == "give" || st == "send" || st == "share" || st == "pass" ||
                        st == "disclos" || st == "transfer" || st == "sell";
    if (!giving) continue;
    if (next == "you" || next == "us") to_company = true;
    // "give my data to you"
    for (int k = static_cast<int>(i) + 1; k <= static_cast<int>(i) + 4; ++k)
      if (word_at(k) == "to" && (word_at(k + 1) == "you" || word_at(k + 1) == "us")) to_company = true;
  }
  auto inbound = [&](const Match& m) {
    if (to_company) return true;
    for (int k = m.begin - 1; k >= 0 && k >= m.begin - 3; --k) {
      std::string_view w = word_at(k);
      if (w == "from") return true;
      if (w != "your" && w != "the" && w != "other" && w != "any" && w != "our" && w != "its" && w != "their") break;
    }
    return false;
  };
  const int collection_id = lex.find(Kind::intent, "collection");
  // Others seeing or accessing my data is sharing ("can third parties see my
  // information?", "do you let your affiliates access my data?"); I seeing or accessing it
  // is a right ("can I access my data?").
  auto others_access = [&](const Match& m) {
    if (lex.entry(m.cid).id != "rights") return false;
    const std::string& st = q.words[static_cast<std::size_t>(m.begin)].stem;
    if (st != "access" && st != "see" && st != "view") return false;
    int other_end = -1;
    for (const Match& o : q.matches) {
      const Concept& oc = lex.entry(o.cid);
      bool party = oc.kind == Kind::recipient || (oc.kind == Kind::intent && oc.id == "sharing");
      if (party && o.end <= m.begin) other_end = std::max(other_end, o.end);
    }
    for (std::size_t i = 0; i < q.words.size(); ++i) {
      const std::string& f = q.words[i].folded;
      if (f == "others") other_end = std::max(other_end, std::min(static_cast<int>(i) + 1, m.begin));
    }
    if (other_end < 0) return false;
    for (int k = other_end; k < m.begin; ++k) {
      std::string_view w = word_at(k);
      if (w == "i" || w == "me" || w == "user" || w == "users") return false;
    }
    return true;
  };
  // The company giving the user something is not sharing: "will you give me choices",
  // "do you provide users with control", "can I give up ...".
  auto to_user = [&](const Match& m) {
    const std::string& st = q.words[static_cast<std::size_t>(m.begin)].stem;
    if (st != "give" && st != "provid" && st != "offer") return false;
    std::string_view next = word_at(m.begin + 1);
    return next == "me" || next == "users" || next == "user" || (st == "give" && next == "up");
  };
  // Changing one's own data or settings is a right, not a change of the policy: "can I
  // make changes in my account data?", "will you let me modify my privacy settings?".
  auto own_data_change = [&](const Match& m) {
    bool own = false;
    for (int k = m.end; k < m.end + 4 && k < static_cast<int>(q.words.size()); ++k) {
      std::string_view w = word_at(k);
      if (w == "policy" || w == "policies" || w == "notice" || w == "terms" || w == "statement") return false;
      own = own || w == "my" || w == "their" || w == "account" || w == "setting" || w == "settings";
    }
    return own;
  };
  auto inside_recipient_or_verb = [&](const Match& m) {
    for (const Match& o : q.matches) {
      const Kind k = lex.entry(o.cid).kind;
      if ((k == Kind::recipient || k == Kind::action) && o.begin <= m.begin && m.end <= o.end && o.end - o.begin > m.end - m.begin)
        return true;
    }
    return false;
  };
  for (const Match& m : q.matches) {
    const Concept& c = lex.entry(m.cid);
    if (c.kind == Kind::intent && c.id == "sharing" && to_user(m)) continue;
    if (c.kind == Kind::intent && c.id == "changes" && own_data_change(m)) {
      score["rights"] += m.weight;
      continue;
    }
    if (c.kind == Kind::intent && others_access(m)) {
      score["sharing"] += m.weight;
      continue;
    }
    if (c.kind == Kind::intent && c.id != "children" && inside_slot(m)) continue;  // children's data: the children topic
    // "advertising companies", "ad networks", "respond to": the purpose word names who or
    // what is done, not why.
    if (c.kind == Kind::purpose && inside_recipient_or_verb(m)) continue;
    if (c.kind == Kind::intent && c.id == "sharing" && collection_id >= 0 && inbound(m)) {
      score["collection"] += m.weight;
      continue;
    }
    auto add = [&](std::vector<int>& v) {
      if (std::find(v.begin(), v.end(), m.cid) == v.end()) v.push_back(m.cid);
    };
    bool mark = true;
    switch (c.kind) {
      case Kind::intent: score[c.id] += m.weight; break;
      case Kind::data: add(q.data); break;
      case Kind::recipient: add(q.recipient); break;
      case Kind::purpose: add(q.purpose); break;
      case Kind::action: add(q.actions); break;
      default: mark = false; break;
    }
    if (mark)
      for (int k = m.begin; k < m.end; ++k) covered[static_cast<std::size_t>(k)] = true;
  }
  std::size_t free_begin = std::string::npos, free_end = 0;
  for (std::size_t i = 0; i < q.words.size(); ++i) {
    const Word& w = q.words[i];
    if (w.punct || is_stop_word(w.folded)) continue;
    q.content.push_back(w.stem);
    // The lexical search leaves out words every policy uses everywhere ("website",
    // "information", "share"): the intent and the slots already weigh those.
    static const std::unordered_set<std::string_view> vague{
        "websit", "site", "compani", "user", "polici", "privaci", "servic", "app", "inform", "data", "info",
        "person", "practic", "parti", "third", "first", "way", "kind", "type", "thing", "mention", "regard",
        "collect", "share", "use", "disclos", "provid", "give", "allow", "permit", "access", "receiv", "obtain",
        "gather"};
    if (!vague.count(w.stem)) q.search_text += (q.search_text.empty() ? "" : " ") + w.folded;
    if (!covered[i] && !is_generic_question_word(w.stem) && w.folded.size() > 2) {
      q.free_terms.push_back(w.stem);
      q.free_words.push_back(w.folded);
      if (free_begin == std::string::npos) free_begin = w.begin;
      free_end = w.end;
    }
  }
  if (free_begin != std::string::npos && free_end <= q.text.size()) q.free_phrase = q.text.substr(free_begin, free_end - free_begin);
  if (q.search_text.empty()) q.search_text = q.text;
  // Query expansion: the words policies use for what a question asks in plain words
  // ("what choices do I have" -> "opt out", "unsubscribe"): the lexicon's expansion rows
  // (lexicon/expansions.tsv), each added once; searched at a lower weight than the
  // question's own words.
  {
    std::vector<int> added;
    for (const Match& m : q.matches) {
      if (lex.entry(m.cid).kind != Kind::expansion || std::find(added.begin(), added.end(), m.cid) != added.end()) continue;
      added.push_back(m.cid);
      q.expansion += (q.expansion.empty() ? "" : " ") + lex.entry(m.cid).id;
    }
  }
  if (q.content.empty())
    throw Error("question has only stop words; name what you want to know, e.g. \"Is my email shared?\"");

  // A "data" slot that is only the generic root says nothing specific.
  std::vector<int> data;
  for (int d : q.data)
    if (!(lex.entry(d).generic && lex.entry(d).parent < 0)) data.push_back(d);
  q.data = data;

  double best = 0;
  for (auto name : intent_order) {
    auto it = score.find(std::string(name));
    if (it != score.end() && it->second > best) {
      best = it->second;
      q.intent = std::string(name);
    }
  }
  // The runner-up: "can I opt out of sharing?" is about rights and about sharing.
  double second = 0;
  for (auto name : intent_order) {
    auto it = score.find(std::string(name));
    if (it != score.end() && name != q.intent && it->second > second) {
      second = it->second;
      q.intent2 = std::string(name);
    }
  }
  for (std::size_t i = 0; i < q.words.size(); ++i) {
    const std::string& f = q.words[i].folded;
    const std::string next = i + 1 < q.words.size() ? q.words[i + 1].folded : "";
    if (f == "why" || f == "purpose" || f == "purposes" || f == "reason" || f == "reasons") q.asks_purpose = true;
    if ((f == "what" || f == "which") && (next == "information" || next == "data" || next == "type" || next == "types" ||
                                          next == "kind" || next == "kinds" || next == "categories" || next == "personal"))
      q.asks_data = true;
    if ((f == "how" || f == "where") && i + 2 < q.words.size() &&
        (next == "do" || next == "can" || next == "may" || next == "should" || next == "to") &&
        (q.words[i + 2].folded == "i" || q.words[i + 2].folded == "we" || next == "to"))
      q.asks_how = true;
    if (f == "who" || f == "whom" || ((f == "what" || f == "which") && (next == "companies" || next == "parties" ||
                                                                       next == "third" || next == "partners")))
      q.asks_recipient = true;
    // "What contact information …", "Which advertisers …": what or which before a kind of data
    // or of recipient asks for the list of them.
    if (f == "what" || f == "which")
      for (const Match& m : q.matches) {
        if (m.begin != static_cast<int>(i) + 1) continue;
        const Kind k = lex.entry(m.cid).kind;
        if (k == Kind::data) q.asks_data = true;
        if (k == Kind::recipient) q.asks_recipient = true;
      }
  }
  // A third party as the subject of a collecting verb: "do advertisers collect my data",
  // "does any third party track me", "do you allow others to collect my information".
  for (const Match& m : q.matches) {
    const Concept& c = lex.entry(m.cid);
    if (c.kind != Kind::action || c.id != "collect") continue;
    for (const Match& o : q.matches) {
      if (lex.entry(o.cid).kind != Kind::recipient || o.end > m.begin) continue;
      bool subject = true;  // only auxiliaries between the party and the verb
      for (int k = o.end; k < m.begin && subject; ++k) {
        std::string_view w = word_at(k);
        subject = w == "to" || w == "also" || w == "may" || w == "can" || w == "will" || w == "be" || w == "able" ||
                  w == "allowed" || w == "permitted" || w == "ever" || w == "directly" || w == "that" ||
                  w == "who" || w == "which" || w == "do" || w == "does";
      }
      if (subject) q.third_party_actor = true;
    }
  }
  if (!q.words.empty()) {
    const std::string& first = q.words.front().folded;
    q.yes_no = first == "do" || first == "does" || first == "did" || first == "is" || first == "are" ||
               first == "will" || first == "would" || first == "can" || first == "could" || first == "may" ||
               first == "has" || first == "have" || first == "was" || first == "were" || first == "should" ||
               first == "shall";
  }
  return q;
}

const char* to_string(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::verdict: return "verdict";
    case AnswerKind::data_list: return "data";
    case AnswerKind::recipient_list: return "recipients";
    case AnswerKind::purpose_list: return "purposes";
    case AnswerKind::place_list: return "places";
    case AnswerKind::contact_list: return "contacts";
    case AnswerKind::rights_list: return "rights";
  }
  return "verdict";
}

AnswerKind answer_kind(const Question& q) {
  const std::string first = q.words.empty() ? "" : q.words.front().folded;
  // "How can I contact you?", "Who do I contact about privacy?", "Where do I send a request?"
  if (q.intent == "contact" && !q.yes_no) return AnswerKind::contact_list;
  // "Do you share my e-mail with advertisers?", "Is my data sold?": a verdict, whatever else.
  if (q.yes_no) return AnswerKind::verdict;
  bool has_where = false;
  for (const Word& w : q.words) has_where = has_where || w.folded == "where";
  if (has_where && (q.intent == "transfer" || q.intent == "retention" || q.intent2 == "transfer"))
    return AnswerKind::place_list;
  if (q.intent == "rights" && (q.asks_how || first == "what" || first == "which")) return AnswerKind::rights_list;
  if (q.asks_purpose) return AnswerKind::purpose_list;
  if (q.asks_recipient) return AnswerKind::recipient_list;
  if (q.asks_data) return AnswerKind::data_list;
  return AnswerKind::verdict;
}

}  // namespace policyq::query
