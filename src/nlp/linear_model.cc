#include "nlp/linear_model.h"

#include <algorithm>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DYAD_AVX2_DISPATCH 1
#endif

namespace dyad::nlp {

namespace {
inline uint64_t Key(uint64_t f) {
  return f ? f : 1;
}
}  // namespace

KeyMap::KeyMap(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  size_t size = 16;
  while (size * 7 < items.size() * 10 + 7) size *= 2;  // load factor at most 0.7
  keys_.assign(size, 0);
  values_.assign(size, 0);
  mask_ = size - 1;
  for (const auto& [key, value] : items) {
    const uint64_t k = Key(key);
    size_t i = Fmix(k) & mask_;
    while (keys_[i] && keys_[i] != k) i = (i + 1) & mask_;
    if (!keys_[i]) ++size_;
    keys_[i] = k;
    values_[i] = value;
  }
}

void KeyMap::Save(ModelWriter* w) const {
  w->U64(size_);
  w->Array(keys_);
  w->Array(values_);
}

bool KeyMap::Load(ModelReader* r) {
  size_ = r->U64();
  keys_ = r->Array<uint64_t>();
  values_ = r->Array<uint32_t>();
  if (!r->ok() || keys_.empty() || keys_.size() != values_.size() ||
      (keys_.size() & (keys_.size() - 1)) != 0 || size_ >= keys_.size())
    return false;
  mask_ = keys_.size() - 1;
  return true;
}

namespace {

// scores[c] += w[c] for c < n, w being little-endian int16 (unaligned).
inline void AddDense(const uint8_t* w, int n, int32_t* scores) {
  int c = 0;
#if defined(__SSE2__)
  for (; c + 8 <= n; c += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 2 * c));
    const __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16);
    const __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16);
    __m128i* s = reinterpret_cast<__m128i*>(scores + c);
    _mm_storeu_si128(s, _mm_add_epi32(_mm_loadu_si128(s), lo));
    _mm_storeu_si128(s + 1, _mm_add_epi32(_mm_loadu_si128(s + 1), hi));
  }
#endif
  for (; c < n; ++c) {
    int16_t v;
    std::memcpy(&v, w + 2 * c, 2);
    scores[c] += v;
  }
}

#if DYAD_AVX2_DISPATCH
// The same with AVX2 (8 classes an instruction), for processors that have it.
__attribute__((target("avx2"))) void AddDenseAvx2(const uint8_t* w, int n, int32_t* scores) {
  int c = 0;
  for (; c + 8 <= n; c += 8) {
    const __m256i v =
        _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 2 * c)));
    __m256i* s = reinterpret_cast<__m256i*>(scores + c);
    _mm256_storeu_si256(s, _mm256_add_epi32(_mm256_loadu_si256(s), v));
  }
  AddDense(w + 2 * c, n - c, scores + c);  // the last classes, fewer than 8
}

bool HasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}
#endif

}  // namespace

template <void (*Dense)(const uint8_t*, int, int32_t*)>
void LinearModel::AddRows(std::span<const uint64_t> features, const uint32_t* owner,
                          int32_t* scores) const {
  // A software pipeline: the slot of feature i + 2 * kAhead is prefetched, the row of
  // feature i + kAhead found and prefetched, and the row of feature i added, so that a
  // steady number of memory accesses is in flight.
  constexpr size_t kAhead = 16;
  uint32_t offsets[kAhead];
  const uint8_t* base = rows_.data();
  const uint64_t* f = features.data();
  const size_t n = features.size();
  for (size_t i = 0; i < n && i < 2 * kAhead; ++i) __builtin_prefetch(&slots_[f[i] & mask_]);
  for (size_t i = 0; i < n && i < kAhead; ++i) {
    offsets[i] = FindOffset(f[i]);
    __builtin_prefetch(base + offsets[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* row = base + offsets[i % kAhead];
    if (i + kAhead < n) {
      if (i + 2 * kAhead < n) __builtin_prefetch(&slots_[f[i + 2 * kAhead] & mask_]);
      const uint32_t next = FindOffset(f[i + kAhead]);
      offsets[i % kAhead] = next;
      __builtin_prefetch(base + next);
    }
    int32_t* out = owner ? scores + static_cast<size_t>(owner[i]) * num_classes_ : scores;
    const unsigned m = row[0];  // the sentinel row at offset 0 is empty
    if (m == kDense) {
      Dense(row + 1, num_classes_, out);
      continue;
    }
    const uint8_t* cls = row + 1;
    const uint8_t* w = row + 1 + m;
    for (unsigned j = 0; j < m; ++j) {
      int16_t v;
      std::memcpy(&v, w + 2 * j, 2);
      out[cls[j]] += v;
    }
  }
}

void LinearModel::Add(std::span<const uint64_t> features, const uint32_t* owner,
                      int32_t* scores) const {
#if DYAD_AVX2_DISPATCH
  if (HasAvx2()) return AddRows<AddDenseAvx2>(features, owner, scores);
#endif
  AddRows<AddDense>(features, owner, scores);
}

void LinearModel::Save(ModelWriter* w) const {
  w->U32(static_cast<uint32_t>(num_classes_));
  w->U64(num_features_);
  w->F32(scale_);
  w->Array(slots_);
  w->Array(rows_);
}

bool LinearModel::Load(ModelReader* r) {
  num_classes_ = static_cast<int>(r->U32());
  num_features_ = r->U64();
  scale_ = r->F32();
  slots_ = r->Array<uint64_t>();
  rows_ = r->Array<uint8_t>();
  if (!r->ok() || slots_.empty() || (slots_.size() & (slots_.size() - 1)) != 0 ||
      num_classes_ <= 0 || num_classes_ > 254 || rows_.empty() || rows_[0] != 0)
    return false;
  mask_ = slots_.size() - 1;
  // Validate every row so that Score never reads out of bounds.
  size_t empty = 0;
  for (uint64_t slot : slots_) {
    if (slot == 0) {
      ++empty;
      continue;
    }
    const size_t off = static_cast<uint32_t>(slot);
    if (off == 0 || off >= rows_.size()) return false;
    const size_t n = rows_[off];
    if (n == kDense) {
      if (off + 1 + 2 * static_cast<size_t>(num_classes_) > rows_.size()) return false;
      continue;
    }
    if (off + 1 + 3 * n > rows_.size()) return false;
    for (size_t i = 0; i < n; ++i)
      if (rows_[off + 1 + i] >= num_classes_) return false;
  }
  return empty > 0;  // lookups terminate
}

Perceptron::Perceptron(int num_classes) : num_classes_(num_classes) {
  keys_.assign(1 << 16, 0);
  index_.assign(1 << 16, 0);
}

int64_t Perceptron::Find(uint64_t f) const {
  const uint64_t k = Key(f);
  const size_t mask = keys_.size() - 1;
  for (size_t i = Fmix(k) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == k) return index_[i];
    if (keys_[i] == 0) return -1;
  }
}

void Perceptron::Grow() {
  std::vector<uint64_t> keys(keys_.size() * 2, 0);
  std::vector<uint32_t> index(keys.size(), 0);
  const size_t mask = keys.size() - 1;
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (!keys_[j]) continue;
    size_t i = Fmix(keys_[j]) & mask;
    while (keys[i]) i = (i + 1) & mask;
    keys[i] = keys_[j];
    index[i] = index_[j];
  }
  keys_.swap(keys);
  index_.swap(index);
}

uint32_t Perceptron::FindOrAdd(uint64_t f) {
  if ((used_ + 1) * 2 > keys_.size()) Grow();
  const uint64_t k = Key(f);
  const size_t mask = keys_.size() - 1;
  size_t i = Fmix(k) & mask;
  for (;; i = (i + 1) & mask) {
    if (keys_[i] == k) return index_[i];
    if (keys_[i] == 0) break;
  }
  keys_[i] = k;
  index_[i] = static_cast<uint32_t>(rows_.size());
  rows_.emplace_back();
  ++used_;
  return index_[i];
}

void Perceptron::Score(std::span<const uint64_t> features, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (uint64_t f : features) {
    const int64_t r = Find(f);
    if (r < 0) continue;
    for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
  }
}

void Perceptron::Update(std::span<const uint64_t> features, int cls, float delta) {
  for (uint64_t f : features) {
    auto& row = rows_[FindOrAdd(f)];
    auto it = std::find_if(row.begin(), row.end(),
                           [cls](const Entry& e) { return e.cls == static_cast<uint32_t>(cls); });
    if (it == row.end()) {
      row.push_back({static_cast<uint32_t>(cls), 0.0f, 0.0});
      it = row.end() - 1;
    }
    it->w += delta;
    it->acc += static_cast<double>(clock_) * delta;
  }
}

LinearModel Perceptron::Freeze(float min_weight) const {
  // Averaged weight: w - acc / clock.
  double max_abs = 0;
  const double c = static_cast<double>(clock_);
  for (const auto& row : rows_)
    for (const Entry& e : row) max_abs = std::max(max_abs, std::fabs(e.w - e.acc / c));
  LinearModel m;
  m.num_classes_ = num_classes_;
  m.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32000.0) : 1.0f;
  const double inv = 1.0 / m.scale_;
  const double cut = std::max<double>(min_weight, 0.5 * m.scale_);
  // Rows first, then the table sized for them.
  std::vector<std::pair<uint64_t, uint32_t>> kept;
  std::vector<std::pair<uint8_t, int16_t>> tmp;
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (!keys_[j]) continue;
    tmp.clear();
    for (const Entry& e : rows_[index_[j]]) {
      const double a = e.w - e.acc / c;
      if (std::fabs(a) < cut) continue;
      const long q = std::lround(a * inv);
      if (q == 0) continue;
      tmp.emplace_back(static_cast<uint8_t>(e.cls),
                       static_cast<int16_t>(std::clamp<long>(q, -32767, 32767)));
    }
    if (tmp.empty()) continue;
    std::sort(tmp.begin(), tmp.end());
    kept.emplace_back(keys_[j], static_cast<uint32_t>(m.rows_.size()));
    auto push16 = [&m](int16_t w) {
      const uint16_t u = static_cast<uint16_t>(w);
      m.rows_.push_back(static_cast<uint8_t>(u & 0xFF));
      m.rows_.push_back(static_cast<uint8_t>(u >> 8));
    };
    if (tmp.size() * 4 >= static_cast<size_t>(num_classes_)) {  // dense: faster to add
      m.rows_.push_back(LinearModel::kDense);
      std::vector<int16_t> dense(num_classes_, 0);
      for (auto& [cls, w] : tmp) dense[cls] = w;
      for (int16_t w : dense) push16(w);
      continue;
    }
    m.rows_.push_back(static_cast<uint8_t>(tmp.size()));
    for (auto& [cls, w] : tmp) m.rows_.push_back(cls);
    for (auto& [cls, w] : tmp) push16(w);
  }
  size_t size = 16;
  while (size * 7 < kept.size() * 10 + 7) size *= 2;  // load factor at most 0.7
  m.slots_.assign(size, 0);
  m.mask_ = size - 1;
  for (auto& [k, off] : kept) {
    size_t i = k & m.mask_;
    while (m.slots_[i]) i = (i + 1) & m.mask_;
    const uint64_t fp = static_cast<uint32_t>(k >> 32) | 1u;
    m.slots_[i] = (fp << 32) | off;
  }
  m.num_features_ = kept.size();
  return m;
}

}  // namespace dyad::nlp
