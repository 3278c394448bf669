// PhraseSet: finds which of a fixed set of ASCII phrases occur in a text, in one pass over the
// text (phrases bucketed by their first two bytes) instead of one search per phrase.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad {

class PhraseSet {
 public:
  // The phrases must outlive the set (string literals).
  template <typename Range>
  explicit PhraseSet(const Range& phrases) {
    for (std::string_view p : phrases) Add(p);
  }
  PhraseSet(std::initializer_list<std::string_view> phrases) {
    for (std::string_view p : phrases) Add(p);
  }

  // Calls f(index of phrase) for every occurrence of a phrase in `text` (case-sensitive);
  // stops early when f returns false.
  template <typename F>
  void ForEachMatch(std::string_view text, F&& f) const {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      const auto& bucket = buckets_[Key(text[i], text[i + 1])];
      for (uint32_t k : bucket) {
        std::string_view p = phrases_[k];
        if (text.compare(i, p.size(), p) == 0 && !f(k)) return;
      }
    }
  }

  // True when some phrase occurs in `text`.
  bool AnyIn(std::string_view text) const {
    bool found = false;
    ForEachMatch(text, [&](uint32_t) {
      found = true;
      return false;
    });
    return found;
  }

  size_t size() const { return phrases_.size(); }
  std::string_view phrase(uint32_t k) const { return phrases_[k]; }

 private:
  static uint32_t Key(char a, char b) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(a)) * 31u +
            static_cast<unsigned char>(b)) &
           1023u;
  }
  void Add(std::string_view p) {
    if (p.size() < 2) return;
    buckets_[Key(p[0], p[1])].push_back(static_cast<uint32_t>(phrases_.size()));
    phrases_.push_back(p);
  }
  std::vector<std::string_view> phrases_;
  std::vector<uint32_t> buckets_[1024];
};

}  // namespace dyad
