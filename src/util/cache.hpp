#pragma once
// An on-disk store of analyses (parsed documents, built indexes), like ccache: an entry is
// addressed by a content hash, and belongs to the executable that wrote it, so a rebuilt
// binary never reads what an older one stored. The cache only saves time: every failure
// (no HOME, unwritable or full disk, corrupt entry) is a silent miss, never an error.
//
// Directory: $POLICYQ_CACHE_DIR, else $XDG_CACHE_HOME/policyq, else $HOME/.cache/policyq.
// POLICYQ_CACHE=off, or POLICYQ_CACHE_DIR set to "", turns it off.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace policyq {
// A fast 64-bit hash of bytes (not cryptographic): content addresses and entry checksums.
std::uint64_t content_hash(std::string_view bytes);

// Policies larger than this are not cached (nor hashed): their analyses would exceed the
// 16 MiB an entry may have, so serialising them would be work thrown away.
inline constexpr std::size_t cache_max_source_bytes = 4u << 20;

// Whether the cache is on (and this executable's identity known): when not, callers can
// skip hashing and serialising what no cache_put would keep.
bool cache_enabled();
// The bytes this executable stored under (kind, key), or nullopt. kind: lowercase letters.
std::optional<std::string> cache_get(std::string_view kind, std::uint64_t key);
// Stores bytes under (kind, key), replacing any older entry atomically.
void cache_put(std::string_view kind, std::uint64_t key, std::string_view bytes);
}
