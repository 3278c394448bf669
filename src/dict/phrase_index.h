// PhraseIndex: finds the longest dictionary phrase starting at a token, over normalised tokens
// (case-insensitive), or exact text for phrases marked case-sensitive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace dyad {

class PhraseIndex {
 public:
  // Adds a phrase (its tokens, normalised unless case_sensitive) pointing at payload `id`.
  void Add(const std::vector<std::string>& words, uint32_t id, bool case_sensitive);
  // Adds a phrase of the peer dictionaries: a word with stems[i] set matches any token that
  // starts with it (TABARI stems: "ARGENTIN" matches "Argentina"); one with gaps[i] set may
  // come after up to kMaxGap other words ("PRINCE DOL_AMROTH": "Prince of Dol Amroth").
  void AddStemmed(const std::vector<std::string>& words, const std::vector<bool>& stems,
                  const std::vector<bool>& gaps, uint32_t id);
  static constexpr uint32_t kMaxGap = 3;

  struct Match {
    uint32_t length = 0;                         // tokens matched; 0 when none
    const std::vector<uint32_t>* ids = nullptr;  // payloads of the matched phrase
  };
  // Longest phrase starting at token `pos` of `doc`, not running past `end`.
  Match Longest(const Document& doc, uint32_t pos, uint32_t end) const;
  // Every phrase starting at `pos` (exact and stem matches of each length), longest first.
  std::vector<Match> All(const Document& doc, uint32_t pos, uint32_t end) const;

  size_t size() const { return phrases_; }

 private:
  void Walk(const Document& doc, uint32_t node, uint32_t pos, uint32_t t, uint32_t end,
            std::string* surface, Match* best, std::vector<Match>* all) const;

  struct Node {
    std::unordered_map<std::string, uint32_t> next;  // word -> node index
    struct Edge {
      std::string key;
      uint32_t child = 0;
      bool stem = false;
      bool gap = false;
    };
    std::vector<Edge> edges;          // stem and gap transitions
    std::vector<uint32_t> ids;        // payloads of phrases ending here
    std::vector<uint32_t> exact_ids;  // case-sensitive payloads ending here
    std::string exact_text;           // surface form for the exact payloads
  };
  std::vector<Node> nodes_{1};
  size_t phrases_ = 0;
  bool has_stems_ = false;
};

}  // namespace dyad
