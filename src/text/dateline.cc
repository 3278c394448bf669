#include "text/dateline.h"

#include <string_view>

namespace dyad {

namespace {

bool IsMonthWord(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january",  "february", "march", "april", "june", "july",  "august", "september", "october",
      "november", "december", "jan.",  "feb.",  "aug.", "sept.", "oct.",   "nov.",      "dec."};
  for (auto m : kMonths)
    if (w == m) return true;
  return false;
}

bool IsDashWord(std::string_view w) {
  return w == "\xE2\x80\x95" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--";
}

bool IsNumeral(std::string_view w) {
  static constexpr std::string_view kNumbers[] = {"one", "two",   "three", "four", "five",
                                                  "six", "seven", "eight", "nine", "ten"};
  for (auto n : kNumbers)
    if (w == n) return true;
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

bool HasLower(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

}  // namespace

uint32_t DatelineEnd(const Document& doc, uint32_t first, uint32_t end) {
  const auto& tok = doc.tokens;
  if (first >= end || first >= tok.size()) return first;
  const std::string_view head = doc.slice(tok[first].span);
  bool caps = false;
  for (char c : head) {
    if (c >= 'a' && c <= 'z') return first;
    if (c >= 'A' && c <= 'Z') caps = true;
  }
  const std::string& n0 = tok[first].norm;
  if (!caps && !IsMonthWord(n0) && !IsMonthWord(n0 + ".")) return first;
  int depth = 0;
  for (uint32_t k = first + 1; k < end && k < first + 12; ++k) {
    const std::string& w = tok[k].norm;
    const bool dash = IsDashWord(w) || (w == "-" && tok[k].span.start > tok[k - 1].span.end);
    if (depth == 0 && dash) return k + 1 < end ? k + 1 : first;
    if (w == "(") ++depth;
    if (w == ")") --depth;
    bool ok =
        tok[k].is_punct || depth > 0 || IsMonthWord(w) || IsMonthWord(w + ".") || IsNumeral(w);
    for (char c : doc.slice(tok[k].span))
      if (c >= '0' && c <= '9') ok = true;
    // More words of the place in capitals ("NEW YORK").
    if (!ok) ok = !HasLower(doc.slice(tok[k].span));
    if (!ok) return first;
  }
  return first;
}

}  // namespace dyad
