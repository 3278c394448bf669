#include "nlp/word_clusters.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "nlp/word_features.h"
#include "text/tokenizer.h"

namespace dyad::nlp {

namespace {

// The corpus as word ids (0 = sentence boundary), with the vocabulary by frequency.
struct Corpus {
  std::vector<std::string> words;  // id -> lower-cased form; 0 is "<s>", 1 is "<unk>"
  std::vector<int64_t> count;
  // Bigram lists: right[w] = (v, count) for "w v", left[w] = (u, count) for "u w".
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> right, left;
};

Corpus Read(std::istream& in, int min_count, std::ostream* log) {
  Tokenizer tokenizer;
  std::unordered_map<std::string, int64_t> freq;
  std::vector<std::vector<std::string>> sentences;  // kept for the second pass
  std::string line;
  Document doc;
  size_t tokens = 0;
  while (std::getline(in, line)) {
    doc.text = line;
    doc.blocks.clear();
    tokenizer.Tokenize(&doc);
    for (const Sentence& s : doc.sentences) {
      std::vector<std::string> words;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        words.push_back(doc.tokens[t].norm);
        ++freq[doc.tokens[t].norm];
      }
      tokens += words.size();
      sentences.push_back(std::move(words));
    }
  }
  Corpus c;
  std::vector<std::pair<int64_t, std::string>> by_freq;
  for (auto& [w, n] : freq)
    if (n >= min_count) by_freq.push_back({n, w});
  std::sort(by_freq.begin(), by_freq.end(), [](auto& a, auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  c.words = {"<s>", "<unk>"};
  c.count = {0, 0};
  std::unordered_map<std::string, uint32_t> id;
  for (auto& [n, w] : by_freq) {
    id[w] = static_cast<uint32_t>(c.words.size());
    c.words.push_back(w);
    c.count.push_back(n);
  }
  const size_t v = c.words.size();
  std::unordered_map<uint64_t, uint32_t> bigrams;
  auto add = [&](uint32_t a, uint32_t b) { ++bigrams[(static_cast<uint64_t>(a) << 32) | b]; };
  for (const auto& s : sentences) {
    uint32_t prev = 0;
    ++c.count[0];
    for (const auto& w : s) {
      auto it = id.find(w);
      const uint32_t cur = it == id.end() ? 1 : it->second;
      if (cur == 1) ++c.count[1];
      add(prev, cur);
      prev = cur;
    }
    add(prev, 0);
  }
  c.right.resize(v);
  c.left.resize(v);
  for (auto& [key, n] : bigrams) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    c.right[a].push_back({b, n});
    c.left[b].push_back({a, n});
  }
  for (auto& r : c.right) std::sort(r.begin(), r.end());
  for (auto& l : c.left) std::sort(l.begin(), l.end());
  if (log)
    *log << "clusters: " << sentences.size() << " sentences, " << tokens << " tokens, " << v - 2
         << " words seen " << min_count << "+ times, " << bigrams.size() << " bigram types\n";
  return c;
}

// x log x, from a table for small counts.
class XLogX {
 public:
  XLogX() : table_(1 << 20) {
    for (size_t i = 1; i < table_.size(); ++i) table_[i] = i * std::log(static_cast<double>(i));
  }
  double operator()(int64_t x) const {
    if (x <= 0) return 0;
    if (x < static_cast<int64_t>(table_.size())) return table_[x];
    return x * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

// Exchange clustering into `k` classes; returns the class of each word id.
std::vector<int> Exchange(const Corpus& c, int k, int iterations, std::ostream* log) {
  const size_t v = c.words.size();
  const XLogX f;
  std::vector<int> cls(v);
  // Sentence boundaries keep a class of their own (class 0); words start round-robin by
  // frequency over the others.
  for (size_t w = 0; w < v; ++w) cls[w] = w == 0 ? 0 : 1 + static_cast<int>((w - 1) % (k - 1));
  std::vector<int64_t> nc(k, 0), ncc(static_cast<size_t>(k) * k, 0);
  auto at = [&](int a, int b) -> int64_t& { return ncc[static_cast<size_t>(a) * k + b]; };
  for (size_t w = 0; w < v; ++w) {
    nc[cls[w]] += c.count[w];
    for (auto [u, n] : c.right[w]) at(cls[w], cls[u]) += n;
  }
  auto objective = [&] {
    double o = 0;
    for (int64_t x : ncc) o += f(x);
    for (int64_t x : nc) o -= 2 * f(x);
    return o;
  };
  std::vector<int64_t> r(k, 0), l(k, 0);
  std::vector<int> touched_r, touched_l;
  std::vector<double> gain(k);
  for (int it = 1; it <= iterations; ++it) {
    const auto t0 = std::chrono::steady_clock::now();
    size_t moved = 0;
    for (size_t w = 1; w < v; ++w) {
      // Class counts of w's neighbours (w itself apart).
      touched_r.clear();
      touched_l.clear();
      int64_t self = 0;
      for (auto [u, n] : c.right[w]) {
        if (u == w) {
          self = n;
          continue;
        }
        if (r[cls[u]] == 0) touched_r.push_back(cls[u]);
        r[cls[u]] += n;
      }
      for (auto [u, n] : c.left[w]) {
        if (u == w) continue;
        if (l[cls[u]] == 0) touched_l.push_back(cls[u]);
        l[cls[u]] += n;
      }
      const int a = cls[w];
      const int64_t nw = c.count[w];
      // Take w out of its class.
      nc[a] -= nw;
      for (int x : touched_r) at(a, x) -= r[x];
      for (int x : touched_l) at(x, a) -= l[x];
      at(a, a) -= self;
      // Gain of putting it into each class (class 0 is reserved).
      int best = a;
      double best_gain = -1e300;
      for (int t = 1; t < k; ++t) {
        double g = 0;
        for (int x : touched_r)
          if (x != t) g += f(at(t, x) + r[x]) - f(at(t, x));
        for (int x : touched_l)
          if (x != t) g += f(at(x, t) + l[x]) - f(at(x, t));
        g += f(at(t, t) + r[t] + l[t] + self) - f(at(t, t));
        g -= 2 * (f(nc[t] + nw) - f(nc[t]));
        if (g > best_gain + 1e-9 || (t == a && g >= best_gain - 1e-9)) {
          best_gain = g;
          best = t;
        }
      }
      if (best != a) ++moved;
      cls[w] = best;
      nc[best] += nw;
      for (int x : touched_r) at(best, x) += r[x];
      for (int x : touched_l) at(x, best) += l[x];
      at(best, best) += self;
      for (int x : touched_r) r[x] = 0;
      for (int x : touched_l) l[x] = 0;
    }
    if (log)
      *log << "clusters: " << k << " classes, pass " << it << ": " << moved
           << " words moved, objective " << objective() << " ("
           << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
           << " s)\n";
    if (moved * 1000 < v) break;
  }
  return cls;
}

}  // namespace

WordClusters WordClusters::Train(std::istream& text, const ClusterOptions& options,
                                 std::ostream* log) {
  const Corpus c = Read(text, options.min_count, log);
  const std::vector<int> coarse = Exchange(c, options.coarse, options.iterations, log);
  const std::vector<int> fine = Exchange(c, options.fine, options.iterations, log);
  std::vector<std::pair<uint64_t, uint32_t>> items;
  for (size_t w = 2; w < c.words.size(); ++w)
    items.emplace_back(HashString(c.words[w]), (static_cast<uint32_t>(coarse[w] + 1) << 16) |
                                                   static_cast<uint32_t>(fine[w] + 1));
  std::sort(items.begin(), items.end());
  WordClusters wc;
  wc.map_ = KeyMap(items);
  return wc;
}

}  // namespace dyad::nlp
