// Small string functions shared by every stage: trimming, splitting, case, hashing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
// Lower-cases ASCII letters; other bytes are kept.
std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
// True when `needle` occurs in `hay`.
inline bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}
bool EndsWith(std::string_view s, std::string_view suffix);
// True for YYYY-MM-DD with a plausible month and day.
bool IsIsoDate(std::string_view s);
// Normalises common date spellings ("2024-11-01T10:00:00Z", "20241101", "2024/11/01") to
// YYYY-MM-DD; returns "" when it cannot.
std::string NormalizeDate(std::string_view s);
// A 128-bit content hash as 32 hex digits (two independent 64-bit FNV-1a variants).
std::string ContentHash(std::string_view s);

}  // namespace dyad
