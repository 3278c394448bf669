#include "dict/phrase_index.h"

#include <algorithm>

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

void PhraseIndex::AddStemmed(const std::vector<std::string>& words, const std::vector<bool>& stems,
                             const std::vector<bool>& gaps, uint32_t id) {
  if (words.empty()) return;
  uint32_t n = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key = AsciiLower(words[i]);
    const bool stem = i < stems.size() && stems[i];
    const bool gap = i > 0 && i < gaps.size() && gaps[i];
    uint32_t child = 0;
    if (stem || gap) {
      has_stems_ = true;
      for (const auto& e : nodes_[n].edges)
        if (e.key == key && e.stem == stem && e.gap == gap) child = e.child;
      if (child == 0) {
        nodes_.emplace_back();
        child = static_cast<uint32_t>(nodes_.size() - 1);
        nodes_[n].edges.push_back({key, child, stem, gap});
      }
    } else {
      auto it = nodes_[n].next.find(key);
      if (it == nodes_[n].next.end()) {
        nodes_.emplace_back();
        child = static_cast<uint32_t>(nodes_.size() - 1);
        nodes_[n].next.emplace(key, child);
      } else {
        child = it->second;
      }
    }
    n = child;
  }
  nodes_[n].ids.push_back(id);
  ++phrases_;
}

void PhraseIndex::Walk(const Document& doc, uint32_t node, uint32_t pos, uint32_t t, uint32_t end,
                       std::string* surface, Match* best, std::vector<Match>* all) const {
  if (t >= end) return;
  // `at` is the token that takes the transition to `child`.
  auto visit = [&](uint32_t child, uint32_t at) {
    const size_t mark = surface->size();
    if (!surface->empty()) *surface += ' ';
    *surface += doc.slice(doc.tokens[at].span);
    const Node& nd = nodes_[child];
    const uint32_t len = at - pos + 1;
    if (all) {
      if (!nd.exact_ids.empty() && nd.exact_text == *surface) all->push_back({len, &nd.exact_ids});
      if (!nd.ids.empty()) all->push_back({len, &nd.ids});
    }
    if (len > best->length || (len == best->length && !best->ids)) {
      if (!nd.exact_ids.empty() && nd.exact_text == *surface) {
        best->length = len;
        best->ids = &nd.exact_ids;
      } else if (!nd.ids.empty()) {
        best->length = len;
        best->ids = &nd.ids;
      }
    }
    Walk(doc, child, pos, at + 1, end, surface, best, all);
    surface->resize(mark);
  };
  auto it = nodes_[node].next.find(doc.tokens[t].norm);
  if (it != nodes_[node].next.end()) visit(it->second, t);
  for (const auto& e : nodes_[node].edges) {
    for (uint32_t skip = 0; skip <= (e.gap ? kMaxGap : 0); ++skip) {
      const uint32_t at = t + skip;
      if (at >= end) break;
      const Token& tok = doc.tokens[at];
      if (skip > 0 && doc.tokens[at - 1].is_punct && doc.tokens[at - 1].norm != "-") break;
      const bool hit = e.stem ? !tok.is_punct && tok.norm.size() >= e.key.size() &&
                                    tok.norm.compare(0, e.key.size(), e.key) == 0
                              : tok.norm == e.key;
      if (hit) visit(e.child, at);
    }
  }
}

PhraseIndex::Match PhraseIndex::Longest(const Document& doc, uint32_t pos, uint32_t end) const {
  Match best;
  if (has_stems_) {
    std::string surface;
    Walk(doc, 0, pos, pos, end, &surface, &best, nullptr);
    return best;
  }
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

std::vector<PhraseIndex::Match> PhraseIndex::All(const Document& doc, uint32_t pos,
                                                 uint32_t end) const {
  std::vector<Match> out;
  Match best;
  std::string surface;
  Walk(doc, 0, pos, pos, end, &surface, &best, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Match& a, const Match& b) { return a.length > b.length; });
  return out;
}

}  // namespace dyad
