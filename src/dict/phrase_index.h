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

  struct Match {
    uint32_t length = 0;            // tokens matched; 0 when none
    const std::vector<uint32_t>* ids = nullptr;  // payloads of the matched phrase
  };
  // Longest phrase starting at token `pos` of `doc`, not running past `end`.
  Match Longest(const Document& doc, uint32_t pos, uint32_t end) const;

  size_t size() const { return phrases_; }

 private:
  struct Node {
    std::unordered_map<std::string, uint32_t> next;  // word -> node index
    std::vector<uint32_t> ids;                      // payloads of phrases ending here
    std::vector<uint32_t> exact_ids;                // case-sensitive payloads ending here
    std::string exact_text;                         // surface form for the exact payloads
  };
  std::vector<Node> nodes_{1};
  size_t phrases_ = 0;
};

}  // namespace dyad
