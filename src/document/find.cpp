#include "document/find.hpp"
#include "text/utf8.hpp"
#include <unicode/uchar.h>

namespace policyq {

std::string normalize_title(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = utf8::next(text, pos);
    if (u_isspace(static_cast<UChar32>(cp))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    utf8::append(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Titles often end in ':' or '?' that users leave out.
  while (!out.empty() && (out.back() == ':' || out.back() == '?' || out.back() == '.')) out.pop_back();
  return out;
}

namespace {
std::vector<std::string> split_path(std::string_view query) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t gt = query.find('>', start);
    parts.push_back(normalize_title(query.substr(start, gt == std::string_view::npos ? std::string_view::npos : gt - start)));
    if (gt == std::string_view::npos) break;
    start = gt + 1;
  }
  return parts;
}

bool path_ends_with(const Section& s, const std::vector<std::string>& parts) {
  if (parts.size() > s.path.size()) return false;
  std::size_t offset = s.path.size() - parts.size();
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (normalize_title(s.path[offset + i]) != parts[i]) return false;
  return true;
}
}  // namespace

std::vector<int> find_sections(const Document& doc, std::string_view query, bool include_chrome) {
  std::vector<int> exact, partial;
  std::string wanted = normalize_title(query);
  std::vector<std::string> parts = split_path(query);
  std::string anchor(query);
  if (!anchor.empty() && anchor.front() == '#') anchor.erase(0, 1);
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    if ((s.chrome && !include_chrome) || s.preamble) continue;
    if (s.anchor == anchor || path_ends_with(s, parts)) exact.push_back(static_cast<int>(i));
    else if (!wanted.empty() && normalize_title(s.title).find(wanted) != std::string::npos) partial.push_back(static_cast<int>(i));
  }
  return exact.empty() ? partial : exact;
}
}
