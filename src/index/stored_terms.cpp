#include "index/stored_terms.hpp"

#include <algorithm>

namespace policyq {
namespace {
// LEB128: most numbers here (sentence gaps, lengths, positions) fit in one byte.
void put_number(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool get_number(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}
// Keeps the pairs no other beats on both tf (higher) and length (lower): few, whatever the
// number of sentences.
std::string encode_best(std::vector<BestPair> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const BestPair& a, const BestPair& b) {
    return a.tf != b.tf ? a.tf > b.tf : a.length < b.length;
  });
  std::string out;
  std::vector<BestPair> kept;
  for (const BestPair& p : pairs)
    if (kept.empty() || p.length < kept.back().length) kept.push_back(p);
  put_number(out, kept.size());
  for (const BestPair& p : kept) put_number(out, static_cast<std::uint64_t>(p.tf)), put_number(out, p.length);
  return out;
}
}  // namespace

// A postings blob is, per sentence holding the term, in sentence order: the gap from the
// previous sentence (minus one), length * 2 + chrome, section + 1, the number of positions,
// then each position's gap from the previous one (minus one).
std::vector<StoredTerm> stored_terms(const Document& doc, const Index& index) {
  const IndexArrays a = index.arrays();
  std::vector<StoredTerm> out(a.terms.size());
  std::vector<std::int64_t> last_sentence(a.terms.size(), -1);
  std::vector<std::vector<BestPair>> prose(a.terms.size()), chrome(a.terms.size());
  std::vector<std::uint32_t> ids;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    std::size_t begin = a.offsets[s], length = a.offsets[s + 1] - begin;
    ids.assign(a.flat.begin() + static_cast<std::ptrdiff_t>(begin), a.flat.begin() + static_cast<std::ptrdiff_t>(begin + length));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const Sentence& sentence = doc.sentences[s];
    for (std::uint32_t id : ids) {
      StoredTerm& t = out[id];
      ++t.sentences;
      put_number(t.postings, static_cast<std::uint64_t>(static_cast<std::int64_t>(s) - last_sentence[id] - 1));
      last_sentence[id] = static_cast<std::int64_t>(s);
      put_number(t.postings, length * 2 + (doc.is_chrome(sentence) ? 1 : 0));
      put_number(t.postings, static_cast<std::uint64_t>(sentence.section + 1));
      std::uint64_t count = static_cast<std::uint64_t>(std::count(a.flat.begin() + static_cast<std::ptrdiff_t>(begin),
                                                                  a.flat.begin() + static_cast<std::ptrdiff_t>(begin + length), id));
      put_number(t.postings, count);
      BestPair pair{static_cast<int>(std::min<std::uint64_t>(count, 65535)), length};
      (doc.is_chrome(sentence) ? chrome : prose)[id].push_back(pair);
      std::int64_t previous = -1;
      for (std::size_t i = 0; i < length; ++i)
        if (a.flat[begin + i] == id) {
          put_number(t.postings, static_cast<std::uint64_t>(static_cast<std::int64_t>(i) - previous - 1));
          previous = static_cast<std::int64_t>(i);
        }
    }
  }
  std::vector<int> last_section(a.terms.size(), -1);
  for (std::size_t sec = 0; sec < a.title_terms.size(); ++sec)
    for (std::uint32_t id : a.title_terms[sec]) {
      put_number(out[id].sections, static_cast<std::uint64_t>(static_cast<int>(sec) - last_section[id] - 1));
      last_section[id] = static_cast<int>(sec);
    }
  for (std::size_t id = 0; id < out.size(); ++id) {
    out[id].term = a.terms[id];
    out[id].best = encode_best(std::move(prose[id])) + encode_best(std::move(chrome[id]));
  }
  std::sort(out.begin(), out.end(), [](const StoredTerm& x, const StoredTerm& y) { return x.term < y.term; });
  return out;
}

bool PostingReader::number(std::uint64_t& v) {
  if (get_number(in_, v)) return true;
  damaged_ = true;
  return false;
}

bool PostingReader::next(StoredPosting& p) {
  if (in_.empty() || damaged_) return false;
  std::uint64_t gap, length, section, count;
  if (!number(gap) || !number(length) || !number(section) || !number(count)) return false;
  std::uint64_t sentence = static_cast<std::uint64_t>(previous_ + 1) + gap;
  if (gap >= sentence_count_ || sentence >= sentence_count_ || count == 0 || count > length / 2 || section > (1u << 30)) {
    damaged_ = true;
    return false;
  }
  previous_ = static_cast<std::int64_t>(sentence);
  p.sentence = static_cast<int>(sentence);
  p.length = static_cast<std::size_t>(length / 2);
  p.chrome = length & 1;
  p.section = static_cast<int>(section) - 1;
  p.tf = static_cast<int>(std::min<std::uint64_t>(count, 65535));
  p.positions.clear();
  std::uint64_t position = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t step;
    if (!number(step)) return false;
    position = (i == 0 ? 0 : position + 1) + step;
    if (position >= p.length) {
      damaged_ = true;
      return false;
    }
    p.positions.push_back(static_cast<std::uint32_t>(position));
  }
  return true;
}

bool read_best(std::string_view bytes, bool include_chrome, std::vector<BestPair>& out) {
  out.clear();
  for (int part = 0; part < (include_chrome ? 2 : 1); ++part) {
    std::uint64_t n;
    if (!get_number(bytes, n) || n > bytes.size()) return false;
    for (std::uint64_t i = 0; i < n; ++i) {
      std::uint64_t tf, length;
      if (!get_number(bytes, tf) || !get_number(bytes, length) || tf == 0 || tf > 65535) return false;
      out.push_back({static_cast<int>(tf), static_cast<std::size_t>(length)});
    }
  }
  return true;
}

bool read_sections(std::string_view bytes, std::vector<int>& out) {
  out.clear();
  std::int64_t previous = -1;
  while (!bytes.empty()) {
    std::uint64_t gap;
    if (!get_number(bytes, gap) || gap > (1u << 30)) return false;
    previous += static_cast<std::int64_t>(gap) + 1;
    out.push_back(static_cast<int>(previous));
  }
  return true;
}
}  // namespace policyq
