#include "document/loader.hpp"
#include "document/snapshot.hpp"
#include "util/cache.hpp"
#include "util/error.hpp"
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace policyq;
namespace fs = std::filesystem;

TEST_CASE("the bundled policy is compiled in and byte for byte the corpus file") {
  Document doc = load_bundled_policy();
  CHECK(doc.name == "corpus/noip-privacy-policy.md");
  std::ifstream in(std::string(POLICYQ_SOURCE_DIR) + "/corpus/noip-privacy-policy.md", std::ios::binary);
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(doc.source == file);
  CHECK(load_policies({}).size() == 1);
}

TEST_CASE("a folder expands to its Markdown files below it, sorted") {
  fs::path dir = fs::temp_directory_path() / ("policyq_loader_" + std::to_string(getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.md") << "# B\n\nText b.\n";
  std::ofstream(dir / "sub" / "a.markdown") << "# A\n\nText a.\n";
  std::ofstream(dir / "notes.txt") << "not a policy\n";
  auto paths = expand_policy_paths({dir.string()});
  REQUIRE(paths.size() == 2);
  CHECK(paths[0] == (dir / "b.md").string());
  CHECK(paths[1] == (dir / "sub" / "a.markdown").string());
  fs::remove_all(dir);
}

TEST_CASE("missing paths and folders without Markdown are errors naming the path") {
  CHECK_THROWS_WITH_AS(expand_policy_paths({"/no/such/policy.md"}), "/no/such/policy.md: no such file or directory", Error);
  fs::path dir = fs::temp_directory_path() / ("policyq_empty_" + std::to_string(getpid()));
  fs::create_directories(dir);
  CHECK_THROWS_WITH_AS(expand_policy_paths({dir.string()}), (dir.string() + ": directory has no Markdown files (*.md)").c_str(), Error);
  fs::remove_all(dir);
}

TEST_CASE("a file named explicitly is read whatever its extension") {
  fs::path file = fs::temp_directory_path() / ("policyq_policy_" + std::to_string(getpid()) + ".txt");
  std::ofstream(file) << "# Policy\n\nWe never sell data.\n";
  Document doc = load_policy(file.string());
  CHECK(doc.sentences.size() == 1);
  fs::remove(file);
}

TEST_CASE("a policy read again comes from the cache, with the name and bytes it is read under") {
  fs::path dir = fs::temp_directory_path() / ("policyq_loader_cache_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string text = "\xEF\xBB\xBF# Privacy\n\nWe keep logs for 30 days. We sell nothing.\n";
  std::ofstream(dir / "a.md", std::ios::binary) << text;
  std::ofstream(dir / "b.md", std::ios::binary) << text;
  Document a = load_policy((dir / "a.md").string());
  REQUIRE(a.content_hash != 0);
  REQUIRE(cache_get("doc", a.content_hash) == serialize_document(a));
  // Mark the stored snapshot, so that reading it back shows.
  Document marked = a;
  marked.sentences[0].text = "from the cache";
  cache_put("doc", a.content_hash, serialize_document(marked));
  Document b = load_policy((dir / "b.md").string());
  CHECK(b.name == (dir / "b.md").string());
  CHECK(b.source == a.source);
  CHECK(b.source.starts_with("# Privacy"));  // BOM removed, as when parsed
  CHECK(b.content_hash == a.content_hash);
  CHECK(b.sentences[0].text == "from the cache");
  fs::remove_all(dir);
}

TEST_CASE("input that fails to parse is not cached: its error comes every time") {
  fs::path dir = fs::temp_directory_path() / ("policyq_loader_bad_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string bad = "line one\nca\xE9 au lait\n";
  std::ofstream(dir / "u.md", std::ios::binary) << bad;
  for (int i = 0; i < 2; ++i)
    CHECK_THROWS_WITH_AS(load_policy((dir / "u.md").string()), doctest::Contains("invalid UTF-8"), Error);
  CHECK(!cache_get("doc", content_hash(bad)));
  fs::remove_all(dir);
}

TEST_CASE("a policy over 4 MiB is analysed every time, not cached; one under is cached") {
  fs::path dir = fs::temp_directory_path() / ("policyq_loader_big_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string paragraph = "We collect your email address when you register for the Service.\n\n";
  std::string big = "# Privacy\n\n";
  while (big.size() <= cache_max_source_bytes) big += paragraph;
  std::ofstream(dir / "big.md", std::ios::binary) << big;
  Document doc = load_policy((dir / "big.md").string());
  CHECK(doc.content_hash == 0);  // neither looked up nor stored, nor its index and facts
  CHECK(!cache_get("doc", content_hash(big)));
  CHECK(doc.source == big);
  const std::string small = big.substr(0, cache_max_source_bytes - 2 * paragraph.size());
  std::ofstream(dir / "small.md", std::ios::binary) << small;
  Document under = load_policy((dir / "small.md").string());
  CHECK(under.content_hash == content_hash(small));
  CHECK(cache_get("doc", under.content_hash));
  fs::remove_all(dir);
}
