// policyq toc: the section tree of each policy.
#include "command.hpp"
#include "output.hpp"
#include "policies.hpp"
#include <iostream>

namespace policyq::cli {
namespace {
struct TocOptions {
  bool all = false;
};

nlohmann::json section_json(const Document& doc, std::size_t i) {
  const Section& s = doc.sections[i];
  return {{"id", i},
          {"policy", doc.name},
          {"title", s.title},
          {"section", s.title},
          {"level", s.level},
          {"anchor", s.anchor},
          {"path", s.path},
          {"line", s.first_line},
          {"end_line", s.last_line},
          {"parent", s.parent < 0 ? nlohmann::json(nullptr) : nlohmann::json(s.parent)},
          {"children", s.children},
          {"inferred", s.inferred},
          {"preamble", s.preamble},
          {"chrome", s.chrome}};
}

int depth_of(const Document& doc, std::size_t i, bool all) {
  int depth = 0;
  for (int p = doc.sections[i].parent; p >= 0; p = doc.sections[static_cast<std::size_t>(p)].parent)
    if (all || !doc.sections[static_cast<std::size_t>(p)].chrome) ++depth;
  return depth;
}

int run_toc(const CommonOptions& common, const TocOptions& opts) {
  std::unique_ptr<PolicySource> source = open_policies(common);
  const bool several = source->size() > 1;
  Style style{use_color(common)};
  nlohmann::json sections = nlohmann::json::array(), policies = nlohmann::json::array();
  std::string text;
  int shown = 0;
  std::string first_name, first_language;
  while (std::optional<Document> next = source->next()) {
    const Document& doc = *next;
    if (first_name.empty()) first_name = doc.name, first_language = doc.language;
    int count = 0;
    if (several) text += style.bold() + doc.name + style.reset() + "\n";
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      if (s.chrome && !opts.all) continue;
      ++count;
      sections.push_back(section_json(doc, i));
      std::string indent(static_cast<std::size_t>(2 * depth_of(doc, i, opts.all) + (several ? 2 : 0)), ' ');
      std::string title = s.preamble ? "(preamble)" : s.title;
      text += indent + style.bold() + title + style.reset() + "  " + style.dim() + "#" + s.anchor + style.reset() + "  " +
              style.loc() + location(doc, s.first_line, s.last_line) + style.reset();
      if (s.inferred) text += "  (inferred)";
      if (s.chrome) text += "  [chrome]";
      text += "\n";
    }
    shown += count;
    policies.push_back({{"policy", doc.name}, {"language", doc.language}, {"lines", doc.line_count}, {"sections", count}});
  }
  if (!common.quiet) {
    if (common.json) {
      nlohmann::json out = {{"policies", policies}, {"sections", sections}};
      if (source->size() == 1 && !first_name.empty()) {
        out["policy"] = first_name;
        out["language"] = first_language;
      }
      print_json(out);
    } else {
      std::cout << text;
    }
  }
  return shown ? 0 : 1;
}
}  // namespace

void configure_toc(CLI::App& sub, const CommonOptions& common, int& status) {
  auto opts = std::make_shared<TocOptions>();
  sub.add_flag("-a,--all", opts->all, "Also list site chrome (menus, dialogs, footers), marked [chrome]");
  sub.callback([&common, &status, opts] { status = run_toc(common, *opts); });
}
}
