#include "geo/gazetteer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/utf8.h"
#include "text/tokenizer.h"

namespace dyad {

namespace {

// ASCII base letters of U+00C0..U+00FF and U+0100..U+017F ('*' keeps the character).
constexpr std::string_view kFoldLatin1 =
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view kFoldExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrr"
    "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kFoldLatin1.size() == 64 && kFoldExtendedA.size() == 128);

constexpr uint32_t kVersion = 2;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t reserved;
  uint64_t pool_bytes, entries, names, common_words;
};

template <typename T>
bool ReadArray(std::ifstream& in, std::vector<T>* v, uint64_t n) {
  v->resize(n);
  return static_cast<bool>(
      in.read(reinterpret_cast<char*>(v->data()), static_cast<std::streamsize>(n * sizeof(T))));
}

template <typename T>
void WriteArray(std::ofstream& out, const std::vector<T>& v) {
  out.write(reinterpret_cast<const char*>(v.data()),
            static_cast<std::streamsize>(v.size() * sizeof(T)));
}

}  // namespace

std::string_view PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry:
      return "country";
    case PlaceKind::kAdmin1:
      return "admin1";
    case PlaceKind::kAdmin2:
      return "admin2";
    case PlaceKind::kCity:
      return "city";
    case PlaceKind::kRegion:
      return "region";
  }
  return "";
}

void AppendPlaceKey(std::string_view norm, std::string* key) {
  std::string part;
  for (size_t i = 0; i < norm.size();) {
    const auto b = static_cast<unsigned char>(norm[i]);
    if (b < 0x80) {
      ++i;
      if (b == '.') continue;
      if (b == '-') {
        if (!part.empty() && part.back() != ' ') part += ' ';
        continue;
      }
      part += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    const size_t start = i;
    const char32_t c = DecodeUtf8(norm, i);
    char folded = '*';
    if (c >= 0xC0 && c <= 0xFF)
      folded = kFoldLatin1[c - 0xC0];
    else if (c >= 0x100 && c <= 0x17F)
      folded = kFoldExtendedA[c - 0x100];
    else if (c == 0x2019 || c == 0x2018 || c == 0x02BB || c == 0x02BC)
      folded = '\'';
    else if (c == 0x2010 || c == 0x2011 || c == 0x2013) {
      if (!part.empty() && part.back() != ' ') part += ' ';
      continue;
    }
    if (folded == '*')
      part.append(norm.substr(start, i - start));
    else
      part += folded;
  }
  while (!part.empty() && part.back() == ' ') part.pop_back();
  if (part.empty()) return;
  if (!key->empty()) *key += ' ';
  *key += part;
}

std::string PlaceKey(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  doc.blocks.push_back(Block{Span{0, static_cast<uint32_t>(doc.text.size())}, "p"});
  Tokenizer().Tokenize(&doc);
  std::string key;
  for (const Token& t : doc.tokens) AppendPlaceKey(t.norm, &key);
  return key;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string_view Gazetteer::str(uint32_t offset) const {
  if (offset >= pool_.size()) return {};
  return std::string_view(pool_.data() + offset);
}

std::string_view Gazetteer::country_code(const GazetteerEntry& e) const {
  if (e.country < 0) return {};
  return code(entries_[static_cast<size_t>(e.country)]);
}

std::span<const GazetteerName> Gazetteer::Find(std::string_view key) const {
  auto text = [this](const GazetteerName& n) {
    return std::string_view(pool_.data() + n.key, n.length);
  };
  auto lo =
      std::lower_bound(names_.begin(), names_.end(), key,
                       [&](const GazetteerName& n, std::string_view k) { return text(n) < k; });
  auto hi = lo;
  while (hi != names_.end() && text(*hi) == key) ++hi;
  return std::span<const GazetteerName>(names_.data() + (lo - names_.begin()),
                                        static_cast<size_t>(hi - lo));
}

bool Gazetteer::HasLonger(std::string_view prefix) const {
  std::string p(prefix);
  p += ' ';
  auto it = std::lower_bound(names_.begin(), names_.end(), std::string_view(p),
                             [&](const GazetteerName& n, std::string_view k) {
                               return std::string_view(pool_.data() + n.key, n.length) < k;
                             });
  return it != names_.end() && std::string_view(pool_.data() + it->key, it->length).starts_with(p);
}

bool Gazetteer::IsCommonWord(std::string_view word) const {
  auto it = std::lower_bound(common_words_.begin(), common_words_.end(), word,
                             [&](uint32_t off, std::string_view w) { return str(off) < w; });
  return it != common_words_.end() && str(*it) == word;
}

bool Gazetteer::Save(const std::string& path, std::string* error) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = kVersion;
  h.pool_bytes = pool_.size();
  h.entries = entries_.size();
  h.names = names_.size();
  h.common_words = common_words_.size();
  out.write(reinterpret_cast<const char*>(&h), sizeof(h));
  out.write(pool_.data(), static_cast<std::streamsize>(pool_.size()));
  WriteArray(out, entries_);
  WriteArray(out, names_);
  WriteArray(out, common_words_);
  if (!out.flush()) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool Gazetteer::Load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "no gazetteer at " + path;
    return false;
  }
  Header h{};
  if (!in.read(reinterpret_cast<char*>(&h), sizeof(h)) || std::memcmp(h.magic, kMagic, 8) != 0 ||
      h.version != kVersion) {
    *error = path + " is not a dyad gazetteer of this version (rebuild it: dyad gazetteer build)";
    return false;
  }
  pool_.resize(h.pool_bytes);
  bool ok = static_cast<bool>(in.read(pool_.data(), static_cast<std::streamsize>(h.pool_bytes)));
  ok = ok && ReadArray(in, &entries_, h.entries) && ReadArray(in, &names_, h.names) &&
       ReadArray(in, &common_words_, h.common_words);
  if (!ok || pool_.empty() || pool_.back() != '\0') {
    *error = path + " is truncated (rebuild it: dyad gazetteer build)";
    entries_.clear();
    names_.clear();
    return false;
  }
  for (const GazetteerName& n : names_) {
    if (n.entry >= entries_.size() || n.key + n.length > pool_.size()) {
      *error = path + " is corrupt (rebuild it: dyad gazetteer build)";
      entries_.clear();
      names_.clear();
      return false;
    }
  }
  return true;
}

}  // namespace dyad
