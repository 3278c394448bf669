// Binary model files: a writer and a bounds-checked reader for the little-endian sections
// (numbers, strings, arrays of plain structs) that the tagger, lemmatizer and parser store.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dyad::nlp {

// Appends values to an in-memory buffer; WriteFile puts a magic string and the buffer on disk.
class ModelWriter {
 public:
  void U8(uint8_t v) { Raw(&v, 1); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void Str(std::string_view s);
  void StrList(const std::vector<std::string>& v);
  template <typename T>
  void Array(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  const std::string& data() const { return data_; }

  // Writes magic + data to `path` (replacing it); false with *error set on failure.
  bool WriteFile(const std::string& path, std::string_view magic, std::string* error) const;

 private:
  void Raw(const void* p, size_t n) { data_.append(static_cast<const char*>(p), n); }
  std::string data_;
};

// Reads what ModelWriter wrote. Every read after a failure (truncation, bad count) is a no-op
// and ok() turns false, so a loader checks once at the end.
class ModelReader {
 public:
  ModelReader() = default;
  explicit ModelReader(std::string data) : data_(std::move(data)) {}

  // Reads the whole file and checks its magic string; false with *error set on failure.
  bool Open(const std::string& path, std::string_view magic, std::string* error);

  uint8_t U8() {
    uint8_t v = 0;
    Raw(&v, 1);
    return v;
  }
  uint32_t U32() {
    uint32_t v = 0;
    Raw(&v, 4);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, 8);
    return v;
  }
  float F32() {
    float v = 0;
    Raw(&v, 4);
    return v;
  }
  std::string Str();
  std::vector<std::string> StrList();
  template <typename T>
  std::vector<T> Array() {
    static_assert(std::is_trivially_copyable_v<T>);
    std::vector<T> v;
    const uint64_t n = U64();
    if (!ok_ || n > (data_.size() - pos_) / (sizeof(T) ? sizeof(T) : 1)) {
      ok_ = false;
      return v;
    }
    v.resize(n);
    Raw(v.data(), n * sizeof(T));
    return v;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  void Raw(void* p, size_t n) {
    if (!ok_ || n > data_.size() - pos_) {
      ok_ = false;
      return;
    }
    if (n) std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
  }
  std::string data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace dyad::nlp
