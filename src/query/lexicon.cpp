#include "query/lexicon.hpp"

#include "text/spelling.hpp"
#include "util/bytes.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <atomic>
#include <memory>
#include <mutex>

namespace policyq::query {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Irregular forms -> lemma, from every "irregular" row of the lexicon files.
std::unordered_map<std::string, std::string>& irregulars() {
  static auto& map = *new std::unordered_map<std::string, std::string>;  // never destroyed: freeing caches at exit is work nobody waits for
  return map;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Calls f(piece) for each sep-separated piece of s, without building a vector.
template <class F>
void for_each_piece(std::string_view s, char sep, F&& f) {
  for (;;) {
    std::size_t p = s.find(sep);
    f(s.substr(0, p));
    if (p == std::string_view::npos) return;
    s.remove_prefix(p + 1);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void add_irregulars_from(std::string_view text) {
  for (std::string_view line : split(text, '\n')) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < 5 || trim(cols[0]) != "irregular") continue;
    std::string lemma(trim(cols[1]));
    for (auto form : split(cols[4], '|')) {
      form = trim(form);
      if (!form.empty()) irregulars()[std::string(form)] = lemma;
    }
  }
}

bool builtin_irregulars_loaded = false;  // from the embedded TSV files or the lexicon image

void load_builtin_irregulars() {
  if (builtin_irregulars_loaded) return;
  builtin_irregulars_loaded = true;
  for (auto name : embedded_names("lexicon/")) add_irregulars_from(embedded(name));
}

struct Stemmer {
  sb_stemmer* s = sb_stemmer_new("english", nullptr);
  ~Stemmer() { if (s) sb_stemmer_delete(s); }
};

}  // namespace

namespace {
struct StemEntry {
  std::string stem;
  int sid = -1;
};

// folded word -> its stem and stem id; filled on first sight of each word (or primed
// from the table the build computes for the lexicon's own words).
std::unordered_map<std::string, StemEntry>& stem_cache() {
  static auto& cache = *new std::unordered_map<std::string, StemEntry>;  // never destroyed (see irregulars)
  return cache;
}

// The words the build stemmed for the lexicon (sorted by folded form), from the built-in
// lexicon's image: looking one up is cheaper than Snowball, and cheaper than filling the
// cache with all of them at start when a policy uses a few hundred.
const std::vector<std::pair<std::string_view, std::string_view>>* known_stems = nullptr;

// Off until several threads tokenize. Then each thread looks words up in a table of its
// own first, and only a word new to the thread takes the lock, to read or fill the shared
// tables (and use the Snowball stemmer, which keeps state): a lock taken for every word
// cost more than the words' analysis on two threads.
std::atomic<bool> stem_tables_shared{false};
std::mutex stem_tables_mutex;

int stem_id_unlocked(const std::string& stem);

const StemEntry& stem_entry_unlocked(const std::string& folded) {
  auto& cache = stem_cache();
  static Stemmer stemmer;
  auto it = cache.find(folded);
  if (it != cache.end()) return it->second;
  if (known_stems) {
    auto at = std::lower_bound(known_stems->begin(), known_stems->end(), std::string_view(folded),
                               [](const auto& entry, std::string_view w) { return entry.first < w; });
    if (at != known_stems->end() && at->first == folded) {
      std::string stem(at->second);
      int sid = stem_id_unlocked(stem);
      return cache.emplace(folded, StemEntry{std::move(stem), sid}).first->second;
    }
  }
  load_builtin_irregulars();
  const std::string* word = &folded;
  if (auto irr = irregulars().find(folded); irr != irregulars().end()) word = &irr->second;
  // "authorise" is "authorize": one spelling for the phrases and the policies.
  const std::string american = american_spelling(*word);
  if (american != *word) word = &american;
  StemEntry e;
  e.stem = *word;
  bool ascii = std::all_of(word->begin(), word->end(), [](unsigned char c) { return c < 0x80; });
  if (stemmer.s && ascii && word->size() > 2) {
    const sb_symbol* r = sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(word->data()),
                                         static_cast<int>(word->size()));
    if (r) e.stem.assign(reinterpret_cast<const char*>(r), static_cast<std::size_t>(sb_stemmer_length(stemmer.s)));
  }
  e.sid = stem_id_unlocked(e.stem);
  return cache.emplace(folded, std::move(e)).first->second;
}

const StemEntry& stem_entry(const std::string& folded) {
  if (!stem_tables_shared.load(std::memory_order_acquire)) return stem_entry_unlocked(folded);
  thread_local std::unordered_map<std::string, StemEntry> mine;
  if (auto it = mine.find(folded); it != mine.end()) return it->second;
  StemEntry entry;
  {
    std::lock_guard lock(stem_tables_mutex);
    entry = stem_entry_unlocked(folded);
  }
  return mine.emplace(folded, std::move(entry)).first->second;
}
}  // namespace

namespace {
// id -> stem, the reverse of stem_id (the image writes phrases' stems as text).
std::vector<const std::string*>& stem_texts() {
  static auto& texts = *new std::vector<const std::string*>;  // never destroyed (see irregulars)
  return texts;
}
}  // namespace

void share_stem_tables_between_threads() { stem_tables_shared.store(true, std::memory_order_release); }

namespace {
std::unordered_map<std::string, int>& stem_ids() {
  static auto& ids = []() -> std::unordered_map<std::string, int>& {  // never destroyed
    auto* m = new std::unordered_map<std::string, int>;
    m->reserve(4096);  // the lexicon's stems and a policy's words without rehashing
    return *m;
  }();
  return ids;
}

int stem_id_unlocked(const std::string& stem) {
  auto& ids = stem_ids();
  auto [it, added] = ids.try_emplace(stem, static_cast<int>(ids.size()));
  if (added) stem_texts().push_back(&it->first);  // map keys stay where they are
  return it->second;
}
}  // namespace

int stem_id(const std::string& stem) {
  if (!stem_tables_shared.load(std::memory_order_acquire)) return stem_id_unlocked(stem);
  thread_local std::unordered_map<std::string, int> mine;
  if (auto it = mine.find(stem); it != mine.end()) return it->second;
  int id;
  {
    std::lock_guard lock(stem_tables_mutex);
    id = stem_id_unlocked(stem);
  }
  mine.emplace(stem, id);
  return id;
}

const std::string& stem_word(const std::string& folded) { return stem_entry(folded).stem; }

std::vector<Word> tokenize(std::string_view text) {
  std::vector<Word> out;
  out.reserve(text.size() / 5 + 4);  // prose averages over five bytes a word: no regrowth
  std::string cur;
  std::size_t cur_begin = 0;
  // Words are built in place: copying and moving two strings per word was a third of
  // the cost of tokenizing every sentence of a policy.
  auto push_word = [&](std::string_view w, std::size_t b, std::size_t e) {
    if (w.empty()) return;
    Word& word = out.emplace_back();
    word.folded.assign(w);
    const StemEntry& entry = stem_entry(word.folded);
    word.stem = entry.stem;
    word.sid = entry.sid;
    word.begin = b;
    word.end = e;
  };
  auto flush = [&](std::size_t end) {
    if (cur.empty()) return;
    if (cur == "cannot") {
      push_word("can", cur_begin, cur_begin + 3);
      push_word("not", cur_begin + 3, end);
    } else {
      push_word(cur, cur_begin, end);
    }
    cur.clear();
  };
  auto push_punct = [&](std::string_view mark, std::size_t b, std::size_t e) {
    Word& w = out.emplace_back();
    w.folded.assign(mark);
    w.stem.assign(mark);
    w.begin = b;
    w.end = e;
    w.punct = true;
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    bool apostrophe = false, dash = false, quote = false, letter = false;
    if (c < 0x80) {
      if (is_ascii_alnum(c)) letter = true;
      else if (c == '\'') apostrophe = true;
      else if (c == '-') dash = true;
      else if (c == '"') quote = true;
    } else {
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (i + len > n) len = n - i;
      std::string_view seq = text.substr(i, len);
      if (seq == "\xE2\x80\x99" || seq == "\xE2\x80\x98") apostrophe = true;
      else if (seq == "\xE2\x80\x9C" || seq == "\xE2\x80\x9D" || seq == "\xC2\xAB" || seq == "\xC2\xBB") quote = true;
      else if (seq == "\xE2\x80\x93" || seq == "\xE2\x80\x94" || seq == "\xE2\x80\x90" || seq == "\xE2\x80\x91") dash = true;
      else if (seq == "\xC2\xA0" || seq == "\xE2\x80\xA6" || seq == "\xC2\xA7" || seq == "\xC2\xA9" ||
               seq == "\xC2\xAE" || seq == "\xE2\x84\xA2" || seq == "\xE2\x80\xA2" || seq == "\xE2\x80\x8B")
        letter = false;
      else letter = true;
    }
    if (letter) {
      if (cur.empty()) cur_begin = i;
      for (std::size_t k = 0; k < len; ++k) {
        char ch = text[i + k];
        cur.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
      i += len;
      continue;
    }
    if (apostrophe) {
      // Contractions and possessives: look at the letters after the apostrophe.
      std::size_t j = i + len;
      std::size_t k = j;
      while (k < n && is_ascii_alnum(static_cast<unsigned char>(text[k]))) ++k;
      std::string tail(text.substr(j, k - j));
      for (auto& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!cur.empty() || (tail == "t" && !out.empty())) {
        if (tail == "t" && (cur.empty() || cur.back() == 'n')) {
          std::size_t b = cur_begin;
          if (cur == "won") cur = "will";
          else if (cur == "can") cur = "can";
          else if (cur == "shan") cur = "shall";
          else if (!cur.empty()) cur.pop_back();
          if (!cur.empty()) push_word(cur, b, i);
          cur.clear();
          push_word("not", i, k);
          i = k;
          continue;
        }
        if (tail == "s" || tail == "d" || tail == "re" || tail == "ve" || tail == "m") {
          flush(i);
          i = k;
          continue;
        }
        if (tail == "ll") {
          flush(i);
          push_word("will", i, k);
          i = k;
          continue;
        }
      }
      flush(i);
      i += len;
      continue;
    }
    flush(i);
    if (c == '.' && i + 1 < n && is_ascii_alnum(static_cast<unsigned char>(text[i + 1])) && !out.empty() &&
        out.back().end == i) {
      i += 1;  // "No-IP.com", "U.S.", "e.g." : a joiner, not a sentence mark
      continue;
    }
    if (c == '.' && !out.empty() && out.back().end == i && !out.back().punct) {
      // the last dot of an abbreviation ("U.S. law", "e.g. cookies", "Inc. and")
      const std::string& prev = out.back().folded;
      std::size_t j = i + 1;
      while (j < n && text[j] == ' ') ++j;
      bool lower_next = j < n && text[j] >= 'a' && text[j] <= 'z';
      if (prev.size() == 1 || prev == "inc" || prev == "ltd" || prev == "co" || prev == "corp" || prev == "etc" ||
          prev == "no" || prev == "vs" || lower_next) {
        i += 1;
        continue;
      }
    }
    if (quote) push_punct("\"", i, i + len);
    else if (dash) {
      // a hyphen between letters only splits; a free-standing dash is a clause mark
      // Hyphens and dashes only separate words: "third-party", "third - party" (as some
      // tokenized corpora write it) and "data – such as" all read as plain word sequences.
    } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.' || c == '!' || c == '?' ||
               c == '[' || c == ']') {
      push_punct(text.substr(i, 1), i, i + 1);
    }
    i += len;
  }
  flush(n);
  return out;
}

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::data: return "data";
    case Kind::recipient: return "recipient";
    case Kind::purpose: return "purpose";
    case Kind::action: return "action";
    case Kind::intent: return "intent";
    case Kind::condition: return "condition";
    case Kind::negation: return "negation";
    case Kind::modality: return "modality";
    case Kind::subject: return "subject";
    case Kind::expansion: return "expansion";
    case Kind::count: break;
  }
  return "?";
}

namespace {
bool parse_kind(std::string_view s, Kind& kind) {
  static const std::array<std::pair<const char*, Kind>, 10> kinds{{
      {"data", Kind::data}, {"recipient", Kind::recipient}, {"purpose", Kind::purpose},
      {"action", Kind::action}, {"intent", Kind::intent}, {"condition", Kind::condition},
      {"negation", Kind::negation}, {"modality", Kind::modality}, {"subject", Kind::subject},
      {"expansion", Kind::expansion}}};
  for (auto& [name, k] : kinds)
    if (s == name) { kind = k; return true; }
  return false;
}
}  // namespace

const Lexicon& Lexicon::builtin() {
  // Never destroyed: freeing thousands of phrases at exit is work nobody waits for.
  static const Lexicon* lex = [] {
    auto* built = new Lexicon;
    auto* stems = new StemTable;  // views into the embedded image, which lives as long as the process
    if (!read_image(embedded("compiled/lexicon.bin"), *built, stems))
      throw Error("compiled/lexicon.bin", 0, "the embedded lexicon image is malformed (rebuild policyq)");
    known_stems = stems;
    return built;
  }();
  return *lex;
}

Lexicon::Lexicon(const std::vector<std::pair<std::string, std::string>>& files) {
  load_builtin_irregulars();
  for (auto& [name, text] : files) add_irregulars_from(text);
  for (auto& [name, text] : files) load(name, text);
  index_phrases();
}

int Lexicon::first_stem(const Phrase& p) const {
  int first = elements(p)[0];
  if (first <= exact_base) first = stem_entry(exact_forms_[static_cast<std::size_t>(exact_base - first)]).sid;
  return first;
}

void Lexicon::index_phrases() {
  // Counting sort by first stem id; within one id, longest phrases first (stable).
  std::vector<int> first(phrases_.size());
  std::size_t n_ids = 0;
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    first[i] = first_stem(phrases_[i]);
    n_ids = std::max(n_ids, static_cast<std::size_t>(first[i]) + 1);
  }
  first_at_.assign(n_ids + 1, 0);
  for (int f : first) ++first_at_[static_cast<std::size_t>(f) + 1];
  for (std::size_t s = 0; s < n_ids; ++s) first_at_[s + 1] += first_at_[s];
  by_first_.assign(phrases_.size(), 0);
  std::vector<std::uint32_t> fill(first_at_.begin(), first_at_.end() - 1);
  for (std::size_t i = 0; i < phrases_.size(); ++i) by_first_[fill[static_cast<std::size_t>(first[i])]++] = static_cast<int>(i);
  for (std::size_t s = 0; s < n_ids; ++s)
    if (first_at_[s + 1] - first_at_[s] > 1)
      std::stable_sort(by_first_.begin() + first_at_[s], by_first_.begin() + first_at_[s + 1], [&](int a, int b) {
        return phrases_[static_cast<std::size_t>(a)].size > phrases_[static_cast<std::size_t>(b)].size;
      });
}

namespace {
constexpr std::uint32_t image_magic = 0x31584C50;  // "PLX1"
}  // namespace

std::string Lexicon::image() const {
  ByteWriter w;
  w.put<std::uint32_t>(image_magic);
  // Stems used by the phrases, renumbered densely in order of first use.
  std::unordered_map<int, int> local;
  std::vector<int> order;
  for (int e : elements_)
    if (e >= 0 && local.emplace(e, static_cast<int>(order.size())).second) order.push_back(e);
  w.put<std::uint64_t>(order.size());
  for (int sid : order) w.put_string(*stem_texts()[static_cast<std::size_t>(sid)]);
  w.put<std::uint64_t>(exact_forms_.size());
  for (const auto& f : exact_forms_) w.put_string(f);
  w.put<std::uint64_t>(concepts_.size());
  for (const Concept& c : concepts_) {
    w.put_string(c.id);
    w.put<std::uint32_t>(static_cast<std::uint32_t>(c.kind));
    w.put<std::int32_t>(c.parent);
    w.put<std::uint32_t>(c.generic ? 1 : 0);
  }
  w.put<std::uint64_t>(phrases_.size());
  for (const Phrase& p : phrases_) {
    w.put<std::int32_t>(p.cid);
    w.put<std::uint32_t>((p.nominal ? 1u : 0u) | (p.question_only ? 2u : 0u) | (p.sentence_only ? 4u : 0u));
    w.put<double>(p.weight);
    w.put<std::uint64_t>(p.size);
    for (std::uint32_t k = 0; k < p.size; ++k) {
      int e = elements(p)[k];
      w.put<std::int32_t>(e >= 0 ? local.at(e) : e);
    }
  }
  std::vector<std::pair<std::string, std::string>> irr(irregulars().begin(), irregulars().end());
  std::sort(irr.begin(), irr.end());
  w.put<std::uint64_t>(irr.size());
  for (const auto& [form, lemma] : irr) {
    w.put_string(form);
    w.put_string(lemma);
  }
  std::vector<std::pair<std::string_view, std::string_view>> stems;
  for (const auto& [folded, e] : stem_cache()) stems.emplace_back(folded, e.stem);
  std::sort(stems.begin(), stems.end());
  w.put<std::uint64_t>(stems.size());
  for (const auto& [folded, stem] : stems) {
    w.put_string(folded);
    w.put_string(stem);
  }
  return w.take();
}

bool Lexicon::from_image(std::string_view bytes, Lexicon& out) { return read_image(bytes, out, nullptr); }

bool Lexicon::read_image(std::string_view bytes, Lexicon& out, StemTable* stems) {
  ByteReader r(bytes);
  std::uint32_t magic = 0;
  std::size_t n = 0;
  std::string_view text;
  if (!r.get(magic) || magic != image_magic || !r.get_count(n, 8)) return false;
  std::vector<int> sids(n);
  std::string buffer;
  for (int& sid : sids) {
    if (!r.get_view(text)) return false;
    buffer.assign(text);
    sid = stem_id(buffer);
  }
  Lexicon lex;
  if (!r.get_count(n, 8)) return false;
  lex.exact_forms_.resize(n);
  for (auto& f : lex.exact_forms_)
    if (!r.get_string(f)) return false;
  if (!r.get_count(n, 20)) return false;
  lex.concepts_.resize(n);
  for (Concept& c : lex.concepts_) {
    std::uint32_t kind = 0, generic = 0;
    std::int32_t parent = 0;
    if (!r.get_string(c.id) || !r.get(kind) || !r.get(parent) || !r.get(generic)) return false;
    if (kind >= static_cast<std::uint32_t>(Kind::count) || parent < -1 || parent >= static_cast<int>(n)) return false;
    c.kind = static_cast<Kind>(kind);
    c.parent = parent;
    c.generic = generic != 0;
  }
  // match_phrase reads the element after a gap: a phrase neither starts nor ends with one.
  auto is_gap = [](int e) { return e == gap6 || e == gap12; };
  if (!r.get_count(n, 20)) return false;
  lex.phrases_.resize(n);
  for (Phrase& p : lex.phrases_) {
    std::uint32_t flags = 0;
    std::size_t size = 0;
    if (!r.get(p.cid) || !r.get(flags) || !r.get(p.weight) || !r.get_count(size, 4)) return false;
    if (p.cid < 0 || p.cid >= static_cast<int>(lex.concepts_.size()) || size == 0) return false;
    p.nominal = flags & 1u;
    p.question_only = flags & 2u;
    p.sentence_only = flags & 4u;
    p.at = static_cast<std::uint32_t>(lex.elements_.size());
    p.size = static_cast<std::uint32_t>(size);
    for (std::size_t k = 0; k < size; ++k) {
      std::int32_t e = 0;
      if (!r.get(e)) return false;
      if (e >= 0) {
        if (static_cast<std::size_t>(e) >= sids.size()) return false;
        e = sids[static_cast<std::size_t>(e)];
      } else if (e <= exact_base && static_cast<std::size_t>(exact_base - e) >= lex.exact_forms_.size()) {
        return false;
      }
      lex.elements_.push_back(e);
    }
    if (is_gap(lex.elements_[p.at]) || is_gap(lex.elements_.back())) return false;
  }
  if (!r.get_count(n, 16)) return false;
  std::vector<std::pair<std::string, std::string>> irr(n);
  for (auto& [form, lemma] : irr)
    if (!r.get_string(form) || !r.get_string(lemma)) return false;
  if (!r.get_count(n, 16)) return false;
  StemTable table(n);
  for (auto& [folded, stem] : table)
    if (!r.get_view(folded) || !r.get_view(stem)) return false;
  bool sorted = std::is_sorted(table.begin(), table.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!r.at_end() || !sorted) return false;
  if (!builtin_irregulars_loaded) {
    // The image carries the irregular forms, so the TSV files need not be parsed for them.
    builtin_irregulars_loaded = true;
    for (auto& [form, lemma] : irr) irregulars().insert_or_assign(std::move(form), std::move(lemma));
  }
  if (stems) {
    *stems = std::move(table);
    // Set before index_phrases, which stems the exact forms: from the table, not Snowball.
    known_stems = stems;
  }
  lex.index_phrases();
  out = std::move(lex);
  return true;
}

int Lexicon::find(Kind kind, std::string_view id) const {
  for (std::size_t i = 0; i < concepts_.size(); ++i)
    if (concepts_[i].kind == kind && concepts_[i].id == id) return static_cast<int>(i);
  return -1;
}

void Lexicon::load(const std::string& name, std::string_view text) {
  int line_no = 0;
  std::vector<std::pair<int, std::string>> pending_parents;
  std::string buffer;
  std::vector<int> scratch;
  for_each_piece(text, '\n', [&](std::string_view line) {
    ++line_no;
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') return;
    std::array<std::string_view, 5> cols;
    std::size_t ncols = 0;
    for_each_piece(t, '\t', [&](std::string_view c) {
      if (ncols < cols.size()) cols[ncols] = c;
      ++ncols;
    });
    if (ncols != 5) throw Error(name, line_no, "lexicon line needs 5 tab-separated columns");
    Kind kind;
    std::string_view kind_s = trim(cols[0]);
    if (kind_s == "irregular") return;
    if (!parse_kind(kind_s, kind)) throw Error(name, line_no, "unknown lexicon kind '" + std::string(kind_s) + "'");
    std::string id(trim(cols[1]));
    std::string_view parent = trim(cols[2]);
    std::string_view flags = trim(cols[3]);
    Concept c;
    c.id = id;
    c.kind = kind;
    Phrase proto;
    if (flags != "-") {
      for_each_piece(flags, ',', [&](std::string_view f) {
        f = trim(f);
        if (f == "generic") c.generic = true;
        else if (f == "nominal") proto.nominal = true;
        else if (f == "q") proto.question_only = true;
        else if (f == "s") proto.sentence_only = true;
        else if (f.substr(0, 2) == "w=") proto.weight = std::atof(std::string(f.substr(2)).c_str());
        else throw Error(name, line_no, "unknown lexicon flag '" + std::string(f) + "'");
      });
    }
    // Rows with the same kind and id name one concept (the first row gives its parent).
    int index = find(kind, id);
    if (index < 0) {
      index = static_cast<int>(concepts_.size());
      concepts_.push_back(c);
      if (parent != "-") pending_parents.emplace_back(index, std::string(parent));
    } else if (c.generic) {
      concepts_[static_cast<std::size_t>(index)].generic = true;
    }
    for_each_piece(cols[4], '|', [&](std::string_view phrase) {
      phrase = trim(phrase);
      if (phrase.empty()) return;
      Phrase p = proto;
      p.cid = index;
      std::vector<int>& words = scratch;
      words.clear();
      for_each_piece(phrase, ' ', [&](std::string_view piece) {
        if (piece.empty()) return;
        if (piece == "*" || piece == "**") {
          // a gap needs a word before it; a second gap in a row adds nothing
          bool after_gap = !words.empty() && (words.back() == gap6 || words.back() == gap12);
          if (!words.empty() && !after_gap) words.push_back(piece == "*" ? gap6 : gap12);
          return;
        }
        bool exact = piece.front() == '=';
        if (exact) piece.remove_prefix(1);
        auto add = [&](const std::string& folded) {
          if (!exact) {
            words.push_back(stem_entry(folded).sid);
            return;
          }
          auto at = std::find(exact_forms_.begin(), exact_forms_.end(), folded);
          if (at == exact_forms_.end()) at = exact_forms_.insert(exact_forms_.end(), folded);
          words.push_back(exact_base - static_cast<int>(at - exact_forms_.begin()));
        };
        // Most pieces are one plain lower-case word, which the tokenizer would return as it
        // is (all but "cannot", which it splits): skip the tokenizer for them.
        bool plain = piece != "cannot" && std::all_of(piece.begin(), piece.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                     });
        if (plain) {
          buffer.assign(piece);
          add(buffer);
        } else {
          for (auto& w : tokenize(piece))
            if (!w.punct) add(w.folded);
        }
      });
      if (!words.empty() && (words.back() == gap6 || words.back() == gap12)) words.pop_back();
      if (words.empty()) throw Error(name, line_no, "empty lexicon phrase");
      p.at = static_cast<std::uint32_t>(elements_.size());
      p.size = static_cast<std::uint32_t>(words.size());
      elements_.insert(elements_.end(), words.begin(), words.end());
      phrases_.push_back(p);
    });
  });
  for (auto& [index, parent] : pending_parents) {
    int p = find(concepts_[static_cast<std::size_t>(index)].kind, parent);
    if (p < 0) throw Error(name, 0, "unknown parent concept '" + parent + "'");
    concepts_[static_cast<std::size_t>(index)].parent = p;
  }
}

bool Lexicon::element_matches(int element, const Word& w) const {
  if (element >= 0) return (w.sid >= 0 ? w.sid : stem_id(w.stem)) == element;
  return w.folded == exact_forms_[static_cast<std::size_t>(exact_base - element)];
}

int Lexicon::match_phrase(const Phrase& p, const std::vector<Word>& words, std::size_t at) const {
  // Returns the end index of the match starting at `at`, or -1. Gaps take the fewest words.
  std::size_t pos = at;
  const int* elems = elements(p);
  for (std::size_t k = 0; k < p.size; ++k) {
    const int w = elems[k];
    if (w == gap6 || w == gap12) {
      // find the next element within six or twelve words, not across a clause mark
      const int next = elems[k + 1];
      const std::size_t max_gap = w == gap6 ? 6 : 12;
      bool found = false;
      for (std::size_t g = 0; g <= max_gap && pos + g < words.size(); ++g) {
        const Word& x = words[pos + g];
        if (element_matches(next, x)) {
          pos = pos + g + 1;
          found = true;
          break;
        }
        if (x.punct && x.folded != "," && x.folded != "\"") break;
      }
      if (!found) return -1;
      ++k;
      continue;
    }
    if (pos >= words.size() || !element_matches(w, words[pos])) return -1;
    ++pos;
  }
  return static_cast<int>(pos);
}

namespace {
// A data word inside a longer recipient phrase, or a recipient word inside a longer data
// phrase, is part of that phrase: "agent" in "user agent" is no service provider, "data" in
// "data brokers" no data handled.
void drop_nested_data_and_recipients(std::vector<Match>& out, const std::vector<Concept>& concepts) {
  auto kind = [&](const Match& m) { return concepts[static_cast<std::size_t>(m.cid)].kind; };
  auto nested = [&](const Match& m) {
    if (kind(m) != Kind::data && kind(m) != Kind::recipient) return false;
    const Kind other = kind(m) == Kind::data ? Kind::recipient : Kind::data;
    for (const Match& o : out)
      if (kind(o) == other && o.begin <= m.begin && m.end <= o.end && o.end - o.begin > m.end - m.begin) return true;
    return false;
  };
  std::vector<Match> kept;
  kept.reserve(out.size());
  for (const Match& m : out)
    if (!nested(m)) kept.push_back(m);
  out.swap(kept);
}
}  // namespace

std::vector<Match> Lexicon::match(const std::vector<Word>& words, bool in_question) const {
  constexpr std::size_t nk = static_cast<std::size_t>(Kind::count);
  std::array<int, nk> next_free{};
  std::vector<Match> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int sid = words[i].punct ? -1 : words[i].sid >= 0 ? words[i].sid : stem_id(words[i].stem);
    if (sid < 0 || static_cast<std::size_t>(sid) + 1 >= first_at_.size()) continue;
    std::array<Match, nk> best{};
    for (std::uint32_t at = first_at_[static_cast<std::size_t>(sid)]; at < first_at_[static_cast<std::size_t>(sid) + 1]; ++at) {
      const int pi = by_first_[at];
      const Phrase& p = phrases_[static_cast<std::size_t>(pi)];
      const Concept& c = concepts_[static_cast<std::size_t>(p.cid)];
      if (in_question ? p.sentence_only : p.question_only) continue;
      std::size_t k = static_cast<std::size_t>(c.kind);
      if (static_cast<int>(i) < next_free[k]) continue;
      int end = match_phrase(p, words, i);
      if (end < 0) continue;
      if (best[k].cid < 0 || end > best[k].end) best[k] = Match{p.cid, static_cast<int>(i), end, p.weight, p.nominal};
    }
    for (std::size_t k = 0; k < nk; ++k) {
      if (best[k].cid < 0) continue;
      next_free[k] = best[k].end;
      // A word of data in another sense ("the law governing your location") hides the
      // shorter phrases inside it and is no data itself.
      const Kind kind = static_cast<Kind>(k);
      if (kind == Kind::data && concepts_[static_cast<std::size_t>(best[k].cid)].id == "none") continue;
      out.push_back(best[k]);
    }
  }
  drop_nested_data_and_recipients(out, concepts_);
  return out;
}

bool Lexicon::is_a(int a, int b) const { return distance(a, b) >= 0; }

int Lexicon::distance(int a, int b) const {
  int d = 0;
  while (a >= 0) {
    if (a == b) return d;
    a = concepts_[static_cast<std::size_t>(a)].parent;
    ++d;
  }
  return -1;
}

}  // namespace policyq::query
