// policyq show: a section (with its subsections) by title, anchor or path.
#include "command.hpp"
#include "document/find.hpp"
#include "output.hpp"
#include "policies.hpp"
#include "util/input.hpp"
#include <iostream>

namespace policyq::cli {
namespace {
struct ShowOptions {
  std::string query;
  bool all = false;
};

void subtree(const Document& doc, int i, bool all, std::vector<int>& out) {
  const Section& s = doc.sections[static_cast<std::size_t>(i)];
  if (s.chrome && !all) return;
  out.push_back(i);
  for (int c : s.children) subtree(doc, c, all, out);
}

int run_show(const CommonOptions& common, const ShowOptions& opts) {
  check_query_text(opts.query, "section");
  std::unique_ptr<PolicySource> source = open_policies(common);
  Style style{use_color(common)};
  nlohmann::json results = nlohmann::json::array();
  std::string text;
  while (std::optional<Document> next = source->next()) {
    const Document& doc = *next;
    for (int match : find_sections(doc, opts.query, opts.all)) {
      const Section& top = doc.sections[static_cast<std::size_t>(match)];
      std::vector<int> sections;
      subtree(doc, match, opts.all, sections);
      nlohmann::json blocks = nlohmann::json::array();
      if (!text.empty()) text += "\n";
      text += style.path() + section_label(doc, match) + style.reset() + "  " + style.loc() +
              location(doc, top.first_line, top.last_line) + style.reset() + "\n";
      for (int si : sections) {
        const Section& s = doc.sections[static_cast<std::size_t>(si)];
        if (si != match) {
          text += "\n" + style.bold() + std::string(static_cast<std::size_t>(std::max(1, s.level)), '#') + " " + s.title +
                  style.reset() + "  " + style.loc() + location(doc, s.first_line, s.last_line) + style.reset() + "\n";
        }
        for (int bi : s.blocks) {
          const Block& b = doc.blocks[static_cast<std::size_t>(bi)];
          if (b.chrome && !opts.all) continue;
          std::string marker = b.kind == BlockKind::list_item ? "* " : b.kind == BlockKind::block_quote ? "> " : "";
          text += style.dim() + std::to_string(b.first_line) + style.reset() + "\t" + marker + b.text + "\n";
          blocks.push_back({{"kind", to_string(b.kind)},
                            {"section", s.title},
                            {"path", s.path},
                            {"line", b.first_line},
                            {"end_line", b.last_line},
                            {"text", b.text},
                            {"chrome", b.chrome}});
        }
      }
      results.push_back({{"policy", doc.name},
                         {"section", top.title},
                         {"path", top.path},
                         {"anchor", top.anchor},
                         {"level", top.level},
                         {"line", top.first_line},
                         {"end_line", top.last_line},
                         {"inferred", top.inferred},
                         {"blocks", blocks}});
    }
  }
  if (!common.quiet) {
    if (common.json) print_json({{"query", opts.query}, {"sections", results}});
    else if (!results.empty()) std::cout << text;
    else std::cerr << "policyq: no section matches '" << opts.query << "' (see 'policyq toc')\n";
  }
  return results.empty() ? 1 : 0;
}
}  // namespace

void configure_show(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<ShowOptions>();
  sub.add_option("SECTION", opts->query, "Title, anchor or path (\"Privacy Policy > Children\")")->required();
  sub.add_flag("-a,--all", opts->all, "Include site chrome");
  sub.callback([&common, &status, opts] { status = run_show(common, *opts); });
}
}
