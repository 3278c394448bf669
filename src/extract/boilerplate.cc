#include "extract/boilerplate.h"

#include <cctype>
#include <string>

#include "core/strings.h"
#include "extract/phrase_set.h"

namespace dyad {

namespace {

// Phrases that, on their own, mark a paragraph as page furniture rather than news.
constexpr std::string_view kStrongCues[] = {"remind me later",    "support us",
                                            "donate now",         "make a donation",
                                            "become a member",    "subscribe to our",
                                            "sign up for our",    "sign up to our",
                                            "our newsletter",     "this website uses cookies",
                                            "we use cookies",     "accept cookies",
                                            "cookie policy",      "all rights reserved",
                                            "click here to",      "share this article",
                                            "follow us on",       "read more:",
                                            "related articles",   "recommended for you",
                                            "please support",     "support independent journalism",
                                            "contribution makes", "every contribution",
                                            "your support",       "unsubscribe"};

// Phrases that open an appeal addressed to the reader.
constexpr std::string_view kOpeners[] = {"a message from", "dear reader",   "dear readers",
                                         "dear friends",   "before you go", "a note to readers",
                                         "to our readers"};

// Vocabulary of appeals: counted, not decisive alone.
constexpr std::string_view kAppealWords[] = {
    "support",    "donate",     "donation",     "subscribe",  "subscription",
    "newsletter", "membership", "contribution", "contribute", "independent journalism",
    "monthly",    "sign up",    "inbox"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

// Calls f(word) for each word of `lower` (letters and apostrophes), without copying.
template <typename F>
void ForEachWord(std::string_view lower, F&& f) {
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsWordChar(lower[i])) ++i;
    size_t j = i;
    while (j < lower.size() && IsWordChar(lower[j])) ++j;
    if (j > i) f(lower.substr(i, j - i));
    i = j;
  }
}

bool IsReaderPronoun(std::string_view w) {
  return w == "you" || w == "your" || w == "you're" || w == "yours" || w == "we" || w == "us" ||
         w == "our" || w == "we're" || w == "ours";
}

}  // namespace

bool BoilerplateFilter::OpensAppeal(std::string_view p) const {
  std::string lower = AsciiLower(Trim(p).substr(0, 80));
  for (auto cue : kOpeners)
    if (StartsWith(lower, cue)) return true;
  return false;
}

bool BoilerplateFilter::AddressesReader(std::string_view p) const {
  std::string lower = AsciiLower(p);
  bool reader = false;
  ForEachWord(lower, [&](std::string_view w) { reader = reader || IsReaderPronoun(w); });
  if (reader) return true;
  static const PhraseSet appeal_words(kAppealWords);
  return appeal_words.AnyIn(lower);
}

double BoilerplateFilter::Score(std::string_view p) const {
  std::string lower = AsciiLower(p);
  // Each cue counts once, however often it occurs.
  static const PhraseSet strong(kStrongCues);
  static const PhraseSet appeal_words(kAppealWords);
  auto distinct = [&](const PhraseSet& set) {
    uint64_t seen = 0;
    int n = 0;
    set.ForEachMatch(lower, [&](uint32_t k) {
      if (!(seen >> k & 1)) ++n;
      seen |= uint64_t{1} << k;
      return true;
    });
    return n;
  };
  double score = distinct(strong);
  size_t words = 0;
  int reader = 0;
  ForEachWord(lower, [&](std::string_view w) {
    ++words;
    reader += IsReaderPronoun(w);
  });
  if (words == 0) return 0.0;
  // A long paragraph that never addresses the reader is a report that may mention "your
  // support" or "all rights reserved" in passing; one cue alone does not make it furniture.
  if (words > 40 && reader == 0) score *= 0.5;
  // A few words that only name page furniture: "Subscribe", "Sign up", "Read more", "Home".
  if (words <= 4 && score == 0) {
    static const std::string_view kFurniture[] = {
        "home",  "subscribe",     "sign",      "up",         "in",          "log",
        "login", "share",         "menu",      "search",     "next",        "previous",
        "prev",  "advertisement", "sponsored", "newsletter", "newsletters", "related",
        "read",  "more",          "tags",      "comments",   "reply",       "print",
        "email", "follow",        "us",        "back",       "to",          "top",
        "jump",  "skip",          "content",   "the",        "list",        "copyright",
        "posts", "stories",       "articles",  "you",        "may",         "also",
        "like",  "recommended",   "trending",  "popular",    "most",        "latest",
        "now",   "here",          "click",     "continue",   "reading",     "this"};
    bool all = true;
    ForEachWord(lower, [&](std::string_view w) {
      bool known = false;
      for (auto f : kFurniture) known = known || w == f;
      all = all && known;
    });
    if (all) return 1.0;
  }
  int appeal = distinct(appeal_words);
  // Text that talks to the reader and asks for something is an appeal, not a report.
  const double density = static_cast<double>(reader) / static_cast<double>(words);
  if (density > 0.06 && appeal >= 2)
    score += 1.0;
  else if (density > 0.04 && appeal >= 1)
    score += 0.5;
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
