#pragma once
// Where the commands get their policies from, one Document at a time: files and folders
// (open_files, here), or a database built by `policyq index` (store/database_source.hpp).
// A command asks for the next policy, answers it, and may drop it before asking for the
// next, so its memory need not grow with the number of policies.
//
// One bad file does not sink a corpus: when a source names several policies, one that
// cannot be read or decoded is handed to on_error and skipped (the caller reports it and
// exits 2 at the end, as grep does). Only when nothing could be read at all is the last
// error thrown, so a single bad file stays the one-line error it always was.
#include "document/document.hpp"
#include "util/error.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace policyq {

struct SourceOptions {
  std::string encoding = "auto";                           // see text/encoding.hpp
  std::function<void(const Error&)> on_error;              // a policy skipped, and why
  std::function<void(const std::string&)> on_warning;      // read, but the user should know
};

class PolicySource {
public:
  virtual ~PolicySource() = default;
  // The next policy, or nullopt when there are no more.
  virtual std::optional<Document> next() = 0;
  // How many policies the source names, read or not (known before reading any).
  virtual std::size_t size() const = 0;
};

// --policy arguments (files, folders searched for *.md, "-"), or the bundled policy when
// args is empty. Missing paths and folders without Markdown throw at once.
std::unique_ptr<PolicySource> open_files(const std::vector<std::string>& args, SourceOptions options);

// Every policy of a source, for commands that compare policies with each other.
std::vector<Document> read_all(PolicySource& source);

// Skips a policy that failed (reporting it through on_error), unless it is the only one or
// the last of a source none of whose policies could be read: then it throws e.
void skip_or_throw(const Error& e, const SourceOptions& options, bool last, std::size_t read_so_far, std::size_t total);
}  // namespace policyq
