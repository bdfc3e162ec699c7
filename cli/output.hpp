#pragma once
// Shared output helpers for the subcommands: colour decisions, highlighting, JSON for
// documents and sentences, and the "section — file:line" location line.
#include "command.hpp"
#include "document/document.hpp"
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace policyq::cli {

// --color auto|always|never; auto means stdout is a terminal and NO_COLOR is unset or empty.
// Throws Error for any other value.
bool use_color(const CommonOptions& opts);

// ANSI styles (empty strings when colour is off).
struct Style {
  bool on = false;
  std::string bold() const { return on ? "\033[1m" : ""; }
  std::string dim() const { return on ? "\033[2m" : ""; }
  std::string match() const { return on ? "\033[1;31m" : ""; }   // highlighted terms
  std::string path() const { return on ? "\033[35m" : ""; }      // section paths
  std::string loc() const { return on ? "\033[32m" : ""; }       // file:line
  std::string reset() const { return on ? "\033[0m" : ""; }
};

// text with the byte ranges (begin, end) wrapped in the match style; ranges may overlap.
std::string highlight(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>> ranges,
                      const Style& style);

// "Path > To > Section" for humans ("(preamble)" for text before the first heading).
std::string section_label(const Document& doc, int section);
// "file:line" or "file:first-last".
std::string location(const Document& doc, int first_line, int last_line);

// {"policy","section","path","anchor","line","end_line","quote"} of a sentence.
nlohmann::json sentence_json(const Document& doc, int sentence);

// Prints a JSON document on stdout (2-space indent, UTF-8 kept as is).
void print_json(const nlohmann::json& j);
}
