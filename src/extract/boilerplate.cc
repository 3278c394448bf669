#include "extract/boilerplate.h"

#include <cctype>
#include <string>

#include "core/strings.h"

namespace dyad {

namespace {

// Phrases that, on their own, mark a paragraph as page furniture rather than news.
constexpr std::string_view kStrongCues[] = {
    "remind me later", "support us", "donate now", "make a donation", "become a member",
    "subscribe to our", "sign up for our", "sign up to our", "our newsletter",
    "this website uses cookies", "we use cookies", "accept cookies", "cookie policy",
    "all rights reserved", "click here to", "share this article", "follow us on",
    "read more:", "related articles", "recommended for you", "advertisement",
    "please support", "support independent journalism", "contribution makes",
    "every contribution", "your support", "unsubscribe"};

// Phrases that open an appeal addressed to the reader.
constexpr std::string_view kOpeners[] = {"a message from", "dear reader", "dear readers",
                                         "dear friends", "before you go", "a note to readers",
                                         "to our readers"};

// Vocabulary of appeals: counted, not decisive alone.
constexpr std::string_view kAppealWords[] = {
    "support", "donate", "donation", "subscribe", "subscription", "newsletter", "membership",
    "contribution", "contribute", "independent journalism", "monthly", "sign up", "inbox"};

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool IsReaderPronoun(const std::string& w) {
  return w == "you" || w == "your" || w == "you're" || w == "yours" || w == "we" ||
         w == "us" || w == "our" || w == "we're" || w == "ours";
}

}  // namespace

bool BoilerplateFilter::OpensAppeal(std::string_view p) const {
  std::string lower = AsciiLower(Trim(p).substr(0, 80));
  for (auto cue : kOpeners)
    if (StartsWith(lower, cue)) return true;
  return false;
}

bool BoilerplateFilter::AddressesReader(std::string_view p) const {
  for (const auto& w : Words(p))
    if (IsReaderPronoun(w)) return true;
  std::string lower = AsciiLower(p);
  for (auto cue : kAppealWords)
    if (lower.find(cue) != std::string::npos) return true;
  return false;
}

double BoilerplateFilter::Score(std::string_view p) const {
  std::string lower = AsciiLower(p);
  double score = 0.0;
  for (auto cue : kStrongCues)
    if (lower.find(cue) != std::string::npos) score += 1.0;
  auto words = Words(p);
  if (words.empty()) return 0.0;
  int reader = 0;
  for (const auto& w : words) reader += IsReaderPronoun(w);
  int appeal = 0;
  for (auto cue : kAppealWords)
    if (lower.find(cue) != std::string::npos) ++appeal;
  // Text that talks to the reader and asks for something is an appeal, not a report.
  const double density = static_cast<double>(reader) / static_cast<double>(words.size());
  if (density > 0.06 && appeal >= 2) score += 1.0;
  else if (density > 0.04 && appeal >= 1) score += 0.5;
  return score;
}

std::vector<bool> BoilerplateFilter::Classify(
    const std::vector<std::string_view>& paragraphs) const {
  std::vector<bool> drop(paragraphs.size(), false);
  bool in_appeal = false;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const auto p = paragraphs[i];
    if (OpensAppeal(p)) {
      in_appeal = true;
      drop[i] = true;
      continue;
    }
    if (in_appeal) {
      if (AddressesReader(p) || Score(p) >= 1.0 || Trim(p).size() < 40) {
        drop[i] = true;
        continue;
      }
      in_appeal = false;
    }
    drop[i] = Score(p) >= 1.0;
  }
  return drop;
}

}  // namespace dyad
