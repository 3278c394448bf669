// DocumentCodec: a coded Document (every layer the pipeline produced) to bytes and back, so
// documents can be pickled between Dask workers and kept in per-partition archives that the
// merge step adds to one EventStore through EventStore::Add, exactly as `dyad code --db` would.
//
// The encoding is versioned and private to this module (not a file format users should keep).
// When a field is added to core/document.h, add it here too (at the end of its struct's record)
// and bump kDocumentCodecVersion; the round-trip test in python/tests checks every layer.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace dyad {

inline constexpr int kDocumentCodecVersion = 1;

// Appends the encoding of `doc` to `out`. `with_raw` keeps the raw input too (it is not needed
// to store or print a coded document, and is often the largest part).
void EncodeDocument(const Document& doc, bool with_raw, std::string* out);

// Replaces `doc` with the document encoded in `in`. False (and `error` set) when `in` is not an
// encoding of this version, or is truncated or corrupt.
bool DecodeDocument(std::string_view in, Document* doc, std::string* error);

}  // namespace dyad
