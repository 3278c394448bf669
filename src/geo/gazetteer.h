// Gazetteer: the compiled table of place names (countries, first- and second-level regions,
// GeoNames cities1000) that toponyms are looked up in; loaded once from a binary file, then
// read-only and safe to share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

enum class PlaceKind : uint8_t { kCountry = 0, kAdmin1 = 1, kAdmin2 = 2, kCity = 3, kRegion = 4 };

// "country", "admin1", "admin2", "city", "region".
std::string_view PlaceKindName(PlaceKind kind);

// How a name record may be used (bit flags of GazetteerName::flags).
enum NameFlag : uint8_t {
  kNamePrimary = 1,      // the entry's own name (GeoNames name / ascii name, ISO short name)
  kNameAlternate = 2,    // a GeoNames alternate or an ISO official name
  kNameCore = 4,         // the name without its designator ("Kursk" of "Kursk Oblast")
  kNameUpper = 8,        // an abbreviation: matches only text written in capitals ("US", "UAE")
  kNameAfterPlace = 16,  // a state abbreviation valid only after "Town," ("Calif.", "OH")
  kNameDemonym = 32,     // a demonym or adjective naming the country ("Russian")
};

// A gazetteer entry. Coordinates of countries and regions are computed from their cities.
struct GazetteerEntry {
  float lat = 0, lon = 0;
  uint32_t population = 0;  // cities: GeoNames population; regions: sum over their cities
  uint32_t geonameid = 0;   // cities only; 0 for countries and regions
  uint32_t name = 0;        // offset of the display name in the string pool
  uint32_t code = 0;        // offset of the code: alpha-3 for countries, "US.OH" for admin1
  int32_t country = -1;     // entry index of the country (itself for a country)
  int32_t admin1 = -1;      // entry index of the first-level region, -1 when none
  PlaceKind kind = PlaceKind::kCity;
  uint8_t rank = 0;  // cities: 0 PPL, 1 admin seat, 2 capital, 3 section of a city
  uint16_t reserved = 0;
};

// A lookup key (see PlaceKey) pointing at an entry.
struct GazetteerName {
  uint32_t key = 0;    // offset of the key in the string pool
  uint32_t entry = 0;  // index into the entries
  uint16_t length = 0;
  uint8_t flags = 0;
  uint8_t reserved = 0;
};

class Gazetteer {
 public:
  // Loads a file written by GazetteerBuilder; false (with *error set) when it cannot.
  bool Load(const std::string& path, std::string* error);

  // Name records whose key equals `key` (a PlaceKey), in entry order; empty when none.
  std::span<const GazetteerName> Find(std::string_view key) const;
  // True when some key starts with `prefix` followed by a space (a longer name may match).
  bool HasLonger(std::string_view prefix) const;
  // True when `word` (lower-case) is an ordinary English word (WordNet, written lower-case).
  bool IsCommonWord(std::string_view word) const;

  const GazetteerEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  size_t name_count() const { return names_.size(); }
  std::string_view str(uint32_t offset) const;
  std::string_view name(const GazetteerEntry& e) const { return str(e.name); }
  std::string_view code(const GazetteerEntry& e) const { return str(e.code); }
  // ISO alpha-3 of the entry's country ("" when none).
  std::string_view country_code(const GazetteerEntry& e) const;

  // Binary serialisation (used by GazetteerBuilder and Load).
  static constexpr char kMagic[9] = "DYADGAZ2";
  bool Save(const std::string& path, std::string* error) const;

 private:
  friend class GazetteerBuilder;
  std::string pool_;
  std::vector<GazetteerEntry> entries_;
  std::vector<GazetteerName> names_;    // sorted by key text
  std::vector<uint32_t> common_words_;  // offsets into pool_, sorted by text
};

// The lookup form of a run of tokens: each token's normalised form with Latin diacritics
// folded, periods dropped and hyphens made spaces, joined by single spaces. "St. Petersburg",
// "W.Va." and "Rostov-on-Don" become "st petersburg", "wva" and "rostov on don".
void AppendPlaceKey(std::string_view token_norm, std::string* key);
std::string PlaceKey(std::string_view text);  // tokenises `text` first

// Great-circle distance in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace dyad
