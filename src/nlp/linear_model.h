// Linear classifiers over hashed sparse features: an averaged perceptron to train, and the
// compact read-only model (quantised weights in an open-addressing table) it freezes into.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "nlp/model_io.h"

namespace dyad::nlp {

// 64-bit mixing (MurmurHash3's finaliser).
inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// Hash of a string (FNV-1a, then mixed).
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Fmix(h);
}

// A feature: a template number combined with up to three values.
inline uint64_t Feature(uint64_t tmpl, uint64_t a) {
  return Fmix((tmpl + 1) * 0x9E3779B97F4A7C15ULL ^ a);
}
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b) {
  return Fmix(Feature(tmpl, a) ^ (b * 0xC2B2AE3D27D4EB4FULL + 0x165667B19E3779F9ULL));
}
inline uint64_t Feature(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return Fmix(Feature(tmpl, a, b) ^ (c * 0x27D4EB2F165667C5ULL + 0x85EBCA77C2B2AE63ULL));
}

// A read-only map from 64-bit keys to 32-bit values (open addressing), built once.
class KeyMap {
 public:
  KeyMap() = default;
  explicit KeyMap(const std::vector<std::pair<uint64_t, uint32_t>>& items);
  // The value of `key`, or `missing` when it is absent.
  uint32_t Get(uint64_t key, uint32_t missing) const {
    const uint64_t k = key ? key : 1;
    size_t i = Fmix(k) & mask_;
    for (size_t probe = 0; probe <= mask_; ++probe, i = (i + 1) & mask_) {
      if (keys_[i] == k) return values_[i];
      if (keys_[i] == 0) break;
    }
    return missing;
  }
  size_t size() const { return size_; }
  size_t bytes() const { return keys_.size() * 12; }
  void Save(ModelWriter* w) const;
  bool Load(ModelReader* r);

 private:
  uint64_t mask_ = 0;
  size_t size_ = 0;
  std::vector<uint64_t> keys_{0};
  std::vector<uint32_t> values_{0};
};

// The frozen classifier: for each known feature, the non-zero weights it gives to classes.
// Immutable after loading; Score is const and thread-safe.
class LinearModel {
 public:
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t bytes() const { return slots_.size() * sizeof(uint64_t) + rows_.size(); }

  // Adds the weights of every known feature to scores[0..num_classes()). The lookups are
  // bound by memory latency, so they are pipelined: the slot of a feature is prefetched well
  // before its row is found and prefetched, and that well before the row is added.
  void Score(std::span<const uint64_t> features, int32_t* scores) const {
    Add(features, nullptr, scores);
  }
  // The same for many score vectors at once: feature k adds to the vector starting at
  // scores + owner[k] * num_classes() (so lookups of different items overlap in memory).
  void ScoreMany(std::span<const uint64_t> features, std::span<const uint32_t> owner,
                 int32_t* scores) const {
    Add(features, owner.data(), scores);
  }
  // The weight unit: a score of 1 is this much of the perceptron's weight.
  float scale() const { return scale_; }

  void Save(ModelWriter* w) const;
  bool Load(ModelReader* r);

 private:
  friend class Perceptron;
  // Offset of the row of feature f in rows_, or 0 (the empty sentinel row) when unknown.
  uint32_t FindOffset(uint64_t f) const {
    const uint32_t fp = static_cast<uint32_t>(f >> 32) | 1u;
    size_t i = f & mask_;
    for (size_t probe = 0; probe <= mask_; ++probe, i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) break;
      if (static_cast<uint32_t>(slot >> 32) == fp) return static_cast<uint32_t>(slot);
    }
    return 0;
  }

  // Score (owner null) and ScoreMany; AddRows with the dense-row adder the processor suits.
  void Add(std::span<const uint64_t> features, const uint32_t* owner, int32_t* scores) const;
  template <void (*Dense)(const uint8_t*, int, int32_t*)>
  void AddRows(std::span<const uint64_t> features, const uint32_t* owner, int32_t* scores) const;

  static constexpr uint8_t kDense = 255;
  int num_classes_ = 0;
  size_t num_features_ = 0;
  float scale_ = 1;
  uint64_t mask_ = 0;
  std::vector<uint64_t> slots_{0};  // (fingerprint << 32) | row offset; 0 = empty
  // Rows: a sparse row is a count n < 255, n class bytes and n little-endian int16 weights;
  // a dense row (features that weigh on many classes) is 255 and one int16 per class.
  // Offset 0 is an empty sentinel row.
  std::vector<uint8_t> rows_{0};
};

// Averaged perceptron (Collins 2002) over hashed features with sparse per-feature rows, and
// the averaging trick of Daumé (2006): no timestamps, one extra accumulator per weight.
class Perceptron {
 public:
  explicit Perceptron(int num_classes);

  int num_classes() const { return num_classes_; }
  // scores[c] = sum of the current weights of `features` for class c (scores is overwritten).
  void Score(std::span<const uint64_t> features, float* scores) const;
  // Adds `delta` to the weight of every feature for class `cls`.
  void Update(std::span<const uint64_t> features, int cls, float delta);
  // One training example seen (advances the averaging clock).
  void Tick() { ++clock_; }
  size_t num_features() const { return rows_.size(); }

  // The averaged weights, quantised to 16 bits; weights whose magnitude stays below
  // `min_weight` are dropped, and so are features left with no weight.
  LinearModel Freeze(float min_weight) const;

 private:
  struct Entry {
    uint32_t cls;
    float w;
    double acc;  // sum of clock * delta
  };
  int64_t Find(uint64_t f) const;
  uint32_t FindOrAdd(uint64_t f);
  void Grow();

  int num_classes_;
  int64_t clock_ = 1;
  std::vector<uint64_t> keys_;   // open addressing; 0 = empty (feature 0 is stored as 1)
  std::vector<uint32_t> index_;  // row of each key
  std::vector<std::vector<Entry>> rows_;
  size_t used_ = 0;
};

}  // namespace dyad::nlp
