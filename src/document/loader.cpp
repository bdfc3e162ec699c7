#include "document/loader.hpp"
#include <optional>
#include "document/snapshot.hpp"
#include "text/encoding.hpp"
#include "util/cache.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/prebuilt.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace fs = std::filesystem;

namespace policyq {
namespace {
std::string read_file_bytes(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw Error(path, 0, std::string("cannot read: ") + std::strerror(errno));
  std::string bytes;
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec) bytes.reserve(static_cast<std::size_t>(size));
  char buf[1 << 16];
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, got);
  bool failed = std::ferror(f);
  int err = errno;
  std::fclose(f);
  if (failed) throw Error(path, 0, std::string("cannot read: ") + std::strerror(err));
  return bytes;
}

// A Document read back from a snapshot of the same bytes' analysis, or nullopt.
std::optional<Document> restore(std::string& name, std::string& bytes, std::uint64_t hash, std::string_view snapshot) {
  std::optional<Document> doc = deserialize_document(snapshot);
  if (!doc) return std::nullopt;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);  // as validate_source() does
  // The one check the snapshot cannot make alone: its lines lie within these bytes.
  if (!doc->line_starts.empty() && doc->line_starts.back() > bytes.size()) return std::nullopt;
  doc->name = std::move(name);
  doc->source = std::move(bytes);
  doc->content_hash = hash;
  return doc;
}

// Parses bytes, or reads back the Document analysed from the same bytes at build time (the
// bundled policy) or by this binary before (the cache). Input that fails to parse is never
// stored, so its error is reported every time.
Document analyse(std::string name, std::string bytes) {
  if (bytes.size() > cache_max_source_bytes) return parse_document(std::move(name), std::move(bytes));
  std::uint64_t hash = content_hash(bytes);
  if (std::optional<std::string_view> snapshot = prebuilt("doc", hash))
    if (std::optional<Document> doc = restore(name, bytes, hash, *snapshot)) return std::move(*doc);
  if (!cache_enabled()) {
    Document doc = parse_document(std::move(name), std::move(bytes));
    doc.content_hash = hash;  // still the key of the bundled policy's prebuilt index and facts
    return doc;
  }
  if (std::optional<std::string> snapshot = cache_get("doc", hash))
    if (std::optional<Document> doc = restore(name, bytes, hash, *snapshot)) return std::move(*doc);
  Document doc = parse_document(std::move(name), std::move(bytes));
  doc.content_hash = hash;
  cache_put("doc", hash, serialize_document(doc));
  return doc;
}

bool is_markdown(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown";
}
}  // namespace

std::vector<std::string> expand_policy_paths(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(arg);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) throw Error(arg, 0, "no such file or directory");
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec) && is_markdown(it->path())) found.push_back(it->path().string());
      }
      if (ec) throw Error(arg, 0, "cannot read directory: " + ec.message());
      if (found.empty()) throw Error(arg, 0, "directory has no Markdown files (*.md)");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(status) || fs::is_character_file(status) || fs::is_fifo(status)) {
      out.push_back(arg);
    } else {
      throw Error(arg, 0, "not a regular file");
    }
  }
  return out;
}

std::string read_policy_bytes(const std::string& path) {
  if (path == "-") {
    // Standard input can be read once; a command that reads its policies twice (search
    // over several, for corpus-wide statistics) gets the same bytes the second time.
    static std::optional<std::string> stdin_bytes;
    if (!stdin_bytes)
      stdin_bytes = std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return *stdin_bytes;
  }
  return read_file_bytes(path);
}

Document load_policy(const std::string& path) { return load_policy(path, ReadOptions{}); }

Document load_policy(const std::string& path, const ReadOptions& options) {
  std::string name = path == "-" ? "<stdin>" : path;
  DecodedText text = decode_text(read_policy_bytes(path), options.encoding, name);
  if (!text.warning.empty() && options.warn) options.warn(text.warning);
  return analyse(std::move(name), std::move(text.text));
}

std::optional<Document> restore_document(std::string name, std::string source, std::uint64_t hash,
                                         std::string_view snapshot) {
  return restore(name, source, hash, snapshot);
}

Document load_bundled_policy() {
  std::string_view bytes = embedded(bundled_policy_name);
  return analyse(bundled_policy_name, std::string(bytes));
}

std::vector<Document> load_policies(const std::vector<std::string>& args) {
  std::vector<Document> docs;
  if (args.empty()) {
    docs.push_back(load_bundled_policy());
    return docs;
  }
  std::vector<std::string> paths = expand_policy_paths(args);
  if (std::count(paths.begin(), paths.end(), std::string("-")) > 1)
    throw Error("-", 0, "standard input can be named only once");
  docs.reserve(paths.size());
  for (const std::string& p : paths) docs.push_back(load_policy(p));
  return docs;
}
}
