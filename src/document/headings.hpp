#pragma once
// Section titles that are not Markdown headings: a paragraph that is one bold line
// ("**Data Retention**"), a numbered title line ("4. Sharing of information", "4.1 …",
// "IV. …") or a short line in capitals ("INFORMATION WE COLLECT").
#include <cmark-gfm.h>
#include <optional>
#include <string_view>

namespace policyq {
struct InferredHeading {
  int depth = 1;  // nesting below the enclosing real heading: 1 for "4." or bold, 2 for "4.1"
};
// paragraph: a cmark paragraph node; text: its rendered text.
std::optional<InferredHeading> inferred_heading(cmark_node* paragraph, std::string_view text);
// A plain short line that reads as a title ("What information we collect"): used only in
// documents with (almost) no Markdown headings, and only when running text follows it.
bool plain_title_line(cmark_node* paragraph, std::string_view text);
// Whether a block node is running text or a list, i.e. could be the body under a title.
bool starts_body(cmark_node* next);
// The same test on rendered text alone (numbered and capitals forms; bold needs the node).
std::optional<InferredHeading> inferred_heading_text(std::string_view text, bool whole_line_bold);
// The nesting a section number gives a title line ("4." 1, "4.1" 2, "IV." 1), or nullopt.
std::optional<int> numbered_depth(std::string_view text);
}
