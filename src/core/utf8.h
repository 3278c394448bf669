// UTF-8 helpers: validation with repair, and byte-to-code-point offset conversion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Counts of what RepairUtf8 did.
struct Utf8Report {
  size_t invalid_bytes = 0;  // bytes that were not part of a valid sequence
  size_t nul_bytes = 0;      // NUL bytes (a sign of binary input)
};

// Replaces every invalid UTF-8 sequence in `s` with U+FFFD and drops NUL bytes.
Utf8Report RepairUtf8(std::string& s);

// True when `s` looks like binary data rather than text (NULs or many invalid bytes).
bool LooksBinary(std::string_view s);

// Maps byte offsets of one string to code-point offsets. Build once, query many times.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view s);
  // Code-point offset of byte offset `b` (b may equal the string size).
  uint32_t operator()(uint32_t b) const;

 private:
  std::vector<uint32_t> cp_at_block_;  // code points before each 64-byte block
  std::string_view s_;
};

// Decodes the code point starting at s[i]; advances i. Returns U+FFFD on bad input.
char32_t DecodeUtf8(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `c`.
void AppendUtf8(std::string& out, char32_t c);

}  // namespace dyad
