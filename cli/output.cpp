#include "output.hpp"
#include "util/error.hpp"
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace policyq::cli {

bool use_color(const CommonOptions& opts) {
  if (opts.color == "always") return true;
  if (opts.color == "never") return false;
  if (opts.color != "auto") throw Error("--color: expected auto, always or never, not '" + opts.color + "'");
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) == 1;
}

std::string highlight(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>> ranges, const Style& style) {
  if (!style.on || ranges.empty()) return std::string(text);
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  std::size_t at = 0;
  for (auto [begin, end] : ranges) {
    begin = std::max(begin, at);
    end = std::min(end, text.size());
    if (begin >= end) continue;
    out.append(text.substr(at, begin - at));
    out += style.match();
    out.append(text.substr(begin, end - begin));
    out += style.reset();
    at = end;
  }
  out.append(text.substr(at));
  return out;
}

std::string section_label(const Document& doc, int section) {
  if (section < 0) return "(preamble)";
  const Section& s = doc.sections[static_cast<std::size_t>(section)];
  if (s.preamble) return "(preamble)";
  std::string out;
  for (const std::string& t : s.path) {
    if (!out.empty()) out += " > ";
    out += t;
  }
  return out;
}

std::string location(const Document& doc, int first_line, int last_line) {
  std::string out = doc.name + ":" + std::to_string(first_line);
  if (last_line > first_line) out += "-" + std::to_string(last_line);
  return out;
}

nlohmann::json sentence_json(const Document& doc, int sentence) {
  const Sentence& s = doc.sentences[static_cast<std::size_t>(sentence)];
  const Section& sec = doc.sections[static_cast<std::size_t>(s.section)];
  return {{"policy", doc.name},
          {"section", sec.title},
          {"path", sec.path},
          {"anchor", sec.anchor},
          {"line", s.first_line},
          {"end_line", s.last_line},
          {"quote", s.text}};
}

void print_json(const nlohmann::json& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}
}
