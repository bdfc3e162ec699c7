// The reference for whole-process benchmarks: read a file and parse it with cmark-gfm
// (the extensions policyq uses), as a process of its own.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstdio>
#include <fstream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cmark_parse FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
  for (const char* name : {"table", "autolink", "strikethrough"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, bytes.data(), bytes.size());
  cmark_node* doc = cmark_parser_finish(parser);
  int blocks = 0;
  for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) ++blocks;
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return blocks > 0 ? 0 : 1;
}
