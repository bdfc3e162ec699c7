#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

// The tests, and the policyq processes they start, use a cache directory of their own and
// never the user's: each test process starts with an empty cache and removes it at the end.
int main(int argc, char** argv) {
  char dir[] = "/tmp/policyq_test_cache_XXXXXX";
  if (!mkdtemp(dir)) return 2;
  setenv("POLICYQ_CACHE_DIR", dir, 1);
  unsetenv("POLICYQ_CACHE");
  doctest::Context context(argc, argv);
  int status = context.run();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return status;
}
