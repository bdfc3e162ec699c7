// Policies one at a time (document/policy_source.cpp): a bad file among good ones is
// reported and skipped, a lone bad file is still the error it always was.
#include "document/policy_source.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace policyq;
namespace fs = std::filesystem;

namespace {
struct Folder {
  fs::path dir = fs::temp_directory_path() / ("policyq_source_" + std::to_string(getpid()));
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  std::string add(const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
};

struct Seen {
  std::vector<std::string> errors, warnings;
  SourceOptions options() {
    SourceOptions o;
    o.on_error = [this](const Error& e) { errors.push_back(e.what()); };
    o.on_warning = [this](const std::string& w) { warnings.push_back(w); };
    return o;
  }
};
}  // namespace

TEST_CASE("a folder with a binary file and a Latin-1 file among good ones: the binary one is skipped, the rest read") {
  Folder f;
  f.add("a.md", "# A\n\nWe keep logs for 30 days.\n");
  std::string binary = f.add("b.md", std::string("# B\n\nabc\0def\n", 14));
  std::string latin1 = f.add("c.md", "# C\n\nNous gardons vos donn\xE9" "es.\n");
  f.add("d.md", "# D\n\nWe sell nothing.\n");
  Seen seen;
  auto source = open_files({f.dir.string()}, seen.options());
  CHECK(source->size() == 4);
  std::vector<Document> docs = read_all(*source);
  REQUIRE(docs.size() == 3);
  CHECK(docs[1].name == latin1);
  CHECK(docs[1].sentences.back().text == "Nous gardons vos données.");
  REQUIRE(seen.errors.size() == 1);
  CHECK(seen.errors[0] == binary + ":3: binary file (NUL byte at column 4); policies must be UTF-8 Markdown");
  REQUIRE(seen.warnings.size() == 1);
  CHECK(seen.warnings[0].starts_with(latin1 + ": not UTF-8: read as Windows-1252"));
}

TEST_CASE("a single bad file is thrown, not skipped; so is the last of a folder none of whose files read") {
  Folder f;
  std::string empty = f.add("empty.md", "");
  Seen seen;
  auto one = open_files({empty}, seen.options());
  CHECK_THROWS_WITH_AS(one->next(), (empty + ": empty file: no policy text to read").c_str(), Error);
  f.add("empty2.md", "  \n");
  auto all_bad = open_files({f.dir.string()}, seen.options());
  CHECK_THROWS_AS(read_all(*all_bad), Error);
  CHECK(seen.errors.size() == 1);  // the first reported, the last thrown
}

TEST_CASE("with encoding UTF-8 a Latin-1 file among good ones is an error naming its line, and skipped") {
  Folder f;
  f.add("a.md", "# A\n\nText.\n");
  std::string latin1 = f.add("b.md", "# B\n\ncaf\xE9\n");
  Seen seen;
  SourceOptions o = seen.options();
  o.encoding = "UTF-8";
  auto source = open_files({f.dir.string()}, o);
  CHECK(read_all(*source).size() == 1);
  REQUIRE(seen.errors.size() == 1);
  CHECK(seen.errors[0].starts_with(latin1 + ":3: invalid UTF-8"));
}

TEST_CASE("no paths means the bundled policy") {
  auto source = open_files({}, SourceOptions{});
  CHECK(source->size() == 1);
  std::optional<Document> doc = source->next();
  REQUIRE(doc);
  CHECK(doc->name == "corpus/noip-privacy-policy.md");
  CHECK(!source->next());
}
