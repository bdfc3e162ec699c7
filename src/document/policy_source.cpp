#include "document/policy_source.hpp"
#include "document/loader.hpp"

#include <algorithm>

namespace policyq {
namespace {
class FileSource : public PolicySource {
public:
  FileSource(std::vector<std::string> paths, SourceOptions options) : paths_(std::move(paths)), options_(std::move(options)) {}

  std::optional<Document> next() override {
    if (bundled_) {
      bundled_ = false;
      return load_bundled_policy();
    }
    while (at_ < paths_.size()) {
      const std::string& path = paths_[at_++];
      try {
        ReadOptions read{options_.encoding, options_.on_warning};
        Document doc = load_policy(path, read);
        ++read_;
        return doc;
      } catch (const Error& e) {
        skip_or_throw(e, options_, at_ == paths_.size(), read_, paths_.size());
      }
    }
    return std::nullopt;
  }

  std::size_t size() const override { return bundled_size_ + paths_.size(); }

  void use_bundled() { bundled_ = true, bundled_size_ = 1; }

private:
  std::vector<std::string> paths_;
  SourceOptions options_;
  std::size_t at_ = 0, read_ = 0, bundled_size_ = 0;
  bool bundled_ = false;
};
}  // namespace

void skip_or_throw(const Error& e, const SourceOptions& options, bool last, std::size_t read_so_far, std::size_t total) {
  if (total <= 1 || (last && read_so_far == 0) || !options.on_error) throw e;
  options.on_error(e);
}

std::unique_ptr<PolicySource> open_files(const std::vector<std::string>& args, SourceOptions options) {
  if (args.empty()) {
    auto source = std::make_unique<FileSource>(std::vector<std::string>{}, std::move(options));
    source->use_bundled();
    return source;
  }
  std::vector<std::string> paths = expand_policy_paths(args);
  if (std::count(paths.begin(), paths.end(), std::string("-")) > 1)
    throw Error("-", 0, "standard input can be named only once");
  return std::make_unique<FileSource>(std::move(paths), std::move(options));
}

std::vector<Document> read_all(PolicySource& source) {
  std::vector<Document> docs;
  docs.reserve(source.size());
  while (std::optional<Document> doc = source.next()) docs.push_back(std::move(*doc));
  return docs;
}
}  // namespace policyq
