#pragma once
// A Document as bytes, for the analysis cache: every field but name, source and
// content_hash, which the caller has (it looked the snapshot up by them).
#include "document/document.hpp"
#include <optional>
#include <string>
#include <string_view>

namespace policyq {
std::string serialize_document(const Document& doc);
// nullopt when bytes are not a snapshot of a well-formed document: counts, cross-references
// (parent, children, blocks, sentences) and line numbers are all checked.
std::optional<Document> deserialize_document(std::string_view bytes);
}
