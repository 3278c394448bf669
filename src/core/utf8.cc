#include "core/utf8.h"

#include <algorithm>

namespace dyad {

namespace {
// Length of a valid sequence starting at s[i], or 0 when invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b == 0xED && b1 > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xF0 && b1 < 0x90) return 0;
    if (b == 0xF4 && b1 > 0x8F) return 0;
    return 4;
  }
  return 0;
}
}  // namespace

Utf8Report RepairUtf8(std::string& s) {
  Utf8Report r;
  size_t i = 0;
  // Fast path: all valid and no NULs, nothing to copy.
  while (i < s.size()) {
    size_t n = ValidSequenceLength(s, i);
    if (n == 0 || s[i] == '\0') break;
    i += n;
  }
  if (i == s.size()) return r;
  std::string out(s, 0, i);
  out.reserve(s.size() + 16);
  while (i < s.size()) {
    if (s[i] == '\0') {
      ++r.nul_bytes;
      ++i;
      continue;
    }
    size_t n = ValidSequenceLength(s, i);
    if (n == 0) {
      ++r.invalid_bytes;
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s, i, n);
    i += n;
  }
  s.swap(out);
  return r;
}

bool LooksBinary(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), 1 << 16);
  if (n == 0) return false;
  size_t bad = 0;
  size_t i = 0;
  while (i < n) {
    if (s[i] == '\0') return true;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      ++bad;
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) {
      ++bad;
      len = 1;
    }
    i += len;
  }
  return bad * 10 > n;  // more than 10% control or invalid bytes
}

CodepointIndex::CodepointIndex(std::string_view s) : s_(s) {
  cp_at_block_.reserve(s.size() / 64 + 2);
  uint32_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i % 64 == 0) cp_at_block_.push_back(cps);
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cps;
  }
  cp_at_block_.push_back(cps);
}

uint32_t CodepointIndex::operator()(uint32_t b) const {
  if (b >= s_.size()) return cp_at_block_.back();
  uint32_t cps = cp_at_block_[b / 64];
  for (uint32_t i = (b / 64) * 64; i < b; ++i)
    if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++cps;
  return cps;
}

char32_t DecodeUtf8(std::string_view s, size_t& i) {
  size_t n = ValidSequenceLength(s, i);
  const auto b = static_cast<unsigned char>(s[i]);
  if (n == 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = 0;
  if (n == 1)
    c = b;
  else if (n == 2)
    c = b & 0x1F;
  else if (n == 3)
    c = b & 0x0F;
  else
    c = b & 0x07;
  for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace dyad
