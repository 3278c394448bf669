#include "dict/phrase_index.h"

#include "core/strings.h"

namespace dyad {

void PhraseIndex::Add(const std::vector<std::string>& words, uint32_t id, bool case_sensitive) {
  if (words.empty()) return;
  uint32_t n = 0;
  std::string surface;
  for (const auto& w : words) {
    std::string key = AsciiLower(w);
    auto it = nodes_[n].next.find(key);
    if (it == nodes_[n].next.end()) {
      nodes_.emplace_back();
      const auto child = static_cast<uint32_t>(nodes_.size() - 1);
      nodes_[n].next.emplace(key, child);
      n = child;
    } else {
      n = it->second;
    }
    if (!surface.empty()) surface += ' ';
    surface += w;
  }
  if (case_sensitive) {
    nodes_[n].exact_ids.push_back(id);
    nodes_[n].exact_text = surface;
  } else {
    nodes_[n].ids.push_back(id);
  }
  ++phrases_;
}

PhraseIndex::Match PhraseIndex::Longest(const Document& doc, uint32_t pos, uint32_t end) const {
  Match best;
  uint32_t n = 0;
  std::string surface;
  for (uint32_t t = pos; t < end; ++t) {
    const auto& tok = doc.tokens[t];
    auto it = nodes_[n].next.find(tok.norm);
    if (it == nodes_[n].next.end()) break;
    n = it->second;
    if (!surface.empty()) surface += ' ';
    surface += doc.slice(tok.span);
    const Node& node = nodes_[n];
    if (!node.exact_ids.empty() && node.exact_text == surface) {
      best.length = t - pos + 1;
      best.ids = &node.exact_ids;
    } else if (!node.ids.empty()) {
      best.length = t - pos + 1;
      best.ids = &node.ids;
    }
  }
  return best;
}

}  // namespace dyad
