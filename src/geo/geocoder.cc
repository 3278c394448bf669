#include "geo/geocoder.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/tokenizer.h"

namespace dyad {

namespace {

using WordSet = std::unordered_set<std::string_view>;

// Words that turn a name into a region of that name: "the Kursk region", "Idlib province".
const WordSet& Designators() {
  static const WordSet s = {"region",     "oblast",       "province", "governorate",  "state",
                            "krai",       "kray",         "county",   "parish",       "district",
                            "prefecture", "territory",    "republic", "municipality", "department",
                            "canton",     "voivodeship",  "emirate",  "borough",      "regions",
                            "provinces",  "governorates", "oblasts"};
  return s;
}

// Nouns that introduce a place name: "the town of Sheykler", "the settlements of Arbin".
const WordSet& PlaceNouns() {
  static const WordSet s = {
      "town",          "towns",         "village",        "villages",    "city",
      "cities",        "province",      "provinces",      "region",      "regions",
      "district",      "districts",     "settlement",     "settlements", "neighborhood",
      "neighbourhood", "neighborhoods", "neighbourhoods", "area",        "areas",
      "suburb",        "suburbs",       "outskirts",      "capital",     "governorate",
      "municipality",  "county",        "state",          "camp",        "port",
      "island",        "hamlet",        "enclave",        "border",      "streets",
      "heart",         "centre",        "center",         "edge",        "part",
      "parts",         "environs",      "vicinity",       "countryside", "territory",
      "commune",       "township",      "slum",           "compound",    "base",
      "airport",       "outpost",       "crossing",       "junction",    "road",
      "highway",       "market",        "square",         "quarter"};
  return s;
}

// Titles before a name make it a person: "Mr. Jordan", "Gov. Texas" never name places.
const WordSet& CompassAdjectives() {
  static const WordSet s = {"western", "eastern", "northern", "southern"};
  return s;
}

const WordSet& Titles() {
  static const WordSet s = {
      "mr",      "mrs",      "ms",           "dr",        "president", "gov",       "governor",
      "sen",     "senator",  "rep",          "judge",     "officer",   "coach",     "pastor",
      "rev",     "reverend", "sgt",          "lt",        "col",       "capt",      "gen",
      "adm",     "prince",   "princess",     "king",      "queen",     "lord",      "lady",
      "sir",     "minister", "chancellor",   "mayor",     "sheriff",   "detective", "deputy",
      "trooper", "justice",  "commissioner", "chief",     "father",    "sister",    "brother",
      "uncle",   "aunt",     "miss",         "madam",     "saint",     "pope",      "cardinal",
      "bishop",  "imam",     "rabbi",        "professor", "prof",      "coach"};
  return s;
}

const WordSet& CalendarWords() {
  static const WordSet s = {"january", "february",  "march",     "april",    "may",      "june",
                            "july",    "august",    "september", "october",  "november", "december",
                            "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday",
                            "sunday",  "christmas", "easter",    "god",      "jesus",    "christ",
                            "jan",     "feb",       "mar",       "apr",      "jun",      "jul",
                            "aug",     "sep",       "sept",      "oct",      "nov",      "dec"};
  return s;
}

// Function words (WordNet lists only content words).
const WordSet& FunctionWords() {
  static const WordSet s = {
      "the",     "a",       "an",      "and",     "or",         "but",       "nor",     "of",
      "in",      "on",      "at",      "to",      "for",        "with",      "by",      "from",
      "as",      "into",    "onto",    "upon",    "he",         "she",       "it",      "they",
      "we",      "i",       "you",     "his",     "her",        "their",     "its",     "our",
      "my",      "your",    "this",    "that",    "these",      "those",     "if",      "when",
      "while",   "after",   "before",  "is",      "was",        "were",      "are",     "be",
      "been",    "has",     "have",    "had",     "will",       "would",     "can",     "could",
      "should",  "may",     "might",   "must",    "not",        "no",        "so",      "than",
      "then",    "there",   "here",    "where",   "who",        "whom",      "whose",   "which",
      "what",    "why",     "how",     "all",     "any",        "some",      "each",    "every",
      "both",    "either",  "neither", "one",     "two",        "three",     "about",   "above",
      "across",  "against", "along",   "among",   "around",     "behind",    "below",   "beside",
      "between", "beyond",  "during",  "except",  "inside",     "near",      "off",     "out",
      "outside", "over",    "since",   "through", "throughout", "till",      "toward",  "towards",
      "under",   "until",   "up",      "via",     "within",     "without",   "also",    "just",
      "only",    "even",    "still",   "yet",     "again",      "meanwhile", "however", "although",
      "though",  "because", "unless",  "whether", "do",         "does",      "did",     "said",
      "says",    "mr",      "mrs",     "ms",      "dr"};
  return s;
}

// Prepositions that put an event at a place, strongly and weakly.
const WordSet& LocativePreps() {
  static const WordSet s = {"in",     "at",     "near",       "outside", "inside",
                            "across", "around", "throughout", "within",  "along",
                            "off",    "nearby", "amid",       "beside",  "outsideof"};
  return s;
}
const WordSet& DirectionalPreps() {
  static const WordSet s = {"into",    "to",     "toward", "towards", "from",    "through",
                            "over",    "onto",   "on",     "upon",    "against", "via",
                            "between", "beyond", "past",   "under",   "behind"};
  return s;
}

// Words that may stand between a preposition and its place: "in the rebel-held north of X".
const WordSet& NounPhraseFiller() {
  static const WordSet s = {"the",
                            "a",
                            "an",
                            "its",
                            "his",
                            "her",
                            "their",
                            "this",
                            "that",
                            "central",
                            "northern",
                            "southern",
                            "eastern",
                            "western",
                            "northeastern",
                            "northwestern",
                            "southeastern",
                            "southwestern",
                            "north",
                            "south",
                            "east",
                            "west",
                            "downtown",
                            "rural",
                            "suburban",
                            "nearby",
                            "neighboring",
                            "neighbouring",
                            "rebel-held",
                            "occupied",
                            "besieged",
                            "war-torn",
                            "embattled",
                            "restive",
                            "volatile",
                            "troubled",
                            "remote",
                            "southernmost",
                            "northernmost",
                            "main",
                            "largest",
                            "biggest",
                            "capital",
                            "posh",
                            "crowded",
                            "nearly",
                            "empty",
                            "upscale",
                            "poor",
                            "impoverished",
                            "tense",
                            "disputed",
                            "contested",
                            "coastal",
                            "mountainous",
                            "border",
                            "flashpoint",
                            "holy",
                            "old",
                            "mostly",
                            "predominantly",
                            "shiite",
                            "sunni",
                            "kurdish",
                            "christian",
                            "muslim",
                            "radical",
                            "sprawling",
                            "densely",
                            "populated",
                            "dominated",
                            "militant",
                            "teeming",
                            "small",
                            "tiny",
                            "sleepy",
                            "historic",
                            "ancient",
                            "regional",
                            "provincial",
                            "biblical",
                            "walled",
                            "historic",
                            "ancient",
                            "kurdish-majority",
                            "strategic",
                            "nearby",
                            "neighbouring",
                            "rural",
                            "urban"};
  return s;
}

const WordSet& Connectors() {  // lower-case words allowed inside a place name
  static const WordSet s = {"de",  "del", "la",  "le",  "of",  "on",  "upon", "the",
                            "and", "al",  "el",  "du",  "des", "da",  "di",   "van",
                            "von", "y",   "sur", "am",  "an",  "im",  "bin",  "ibn",
                            "al-", "en",  "les", "los", "las", "dos", "das",  "do"};
  return s;
}

struct Candidate {
  uint32_t entry = 0;
  uint8_t flags = 0;
  double prior = 0;
  double score = 0;
};

struct Mention {
  uint32_t first = 0, end = 0;  // tokens [first, end)
  uint32_t sentence = 0;
  std::string key;  // for one sense per discourse
  std::vector<Candidate> cands;
  bool demonym = false;
  bool dateline = false;
  bool unresolved = false;
  int region_after = -1;                  // "Paris, Texas": index of the Texas mention
  int town_before = -1;                   // the Paris mention, seen from Texas
  int chosen = -1;                        // index into cands
  bool person_like = false;               // written like part of a person's name
  bool cue = false;                       // a preposition before it ("in", "near", "of", "to")
  uint32_t byte_start = 0, byte_end = 0;  // a part of a hyphenated word ("Egyptian-US")
};

std::string_view KeyWord(const Token& t, std::string* buf) {
  buf->clear();
  AppendPlaceKey(t.norm, buf);
  return *buf;
}

bool HasLetter(std::string_view s) {
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

bool AllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// How likely a reading is before any context: bigger places, countries and capitals first,
// a town's own name before one of its alternate names.
double Prior(const GazetteerEntry& e, uint8_t flags, bool designated) {
  double p = 0.5 * std::log10(static_cast<double>(e.population) + 1.0);
  switch (e.kind) {
    case PlaceKind::kCountry:
      p += 1.0;
      break;
    case PlaceKind::kAdmin1:
      p += 0.5;
      break;
    case PlaceKind::kRegion:
      p += 0.5;
      break;
    case PlaceKind::kAdmin2:
      p -= 0.5;
      break;
    case PlaceKind::kCity:
      p += e.rank == 2 ? 0.5 : e.rank == 1 ? 0.2 : e.rank == 3 ? -1.0 : 0.0;
      break;
  }
  if (!(flags & kNamePrimary) && !(flags & kNameDemonym))
    p -= (flags & kNameCore) && !designated ? 1.0 : 0.7;
  if (designated && (flags & kNameCore)) p += 0.7;
  return p;
}

class DocResolver {
 public:
  DocResolver(const Gazetteer& gaz, Document* doc) : gaz_(gaz), doc_(*doc) {}

  void Run() {
    MarkPersons();
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) Detect(s);
    DropPersonNames();
    Disambiguate();
    DropIsolatedTowns();
    Emit();
  }

 private:
  const Gazetteer& gaz_;
  Document& doc_;
  std::vector<Mention> mentions_;
  std::vector<bool> person_;
  std::unordered_set<std::string> person_keys_;  // names seen written as part of a person's
  std::string buf_;

  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  // Capitalised, or an Arabic name after its article ("al-Tijara", "el-Arish").
  bool Cap(uint32_t i) const {
    if (tok(i).capitalized) return true;
    const std::string_view t = doc_.slice(tok(i).span);
    const size_t dash = t.find('-');
    return dash != std::string_view::npos && dash >= 1 && dash <= 3 && dash + 1 < t.size() &&
           t[dash + 1] >= 'A' && t[dash + 1] <= 'Z' && t[0] >= 'a' && t[0] <= 'z';
  }
  std::string_view word(uint32_t i) { return KeyWord(tok(i), &buf_); }
  std::string_view text(uint32_t i) const { return doc_.slice(tok(i).span); }

  void MarkPersons() {
    person_.assign(doc_.tokens.size(), false);
    for (const ActorMention& a : doc_.actors)
      if (a.kind == "person")
        for (uint32_t i = a.first_token; i < a.end_token && i < person_.size(); ++i)
          person_[i] = true;
  }

  bool IsCommon(std::string_view w) const {
    if (FunctionWords().count(w) || gaz_.IsCommonWord(w)) return true;
    if (w.size() > 3 && w.ends_with("ies") &&
        gaz_.IsCommonWord(std::string(w.substr(0, w.size() - 3)) + "y"))
      return true;
    if (w.size() > 3 && w.ends_with("es") && gaz_.IsCommonWord(w.substr(0, w.size() - 2)))
      return true;
    if (w.size() > 2 && w.ends_with('s') && gaz_.IsCommonWord(w.substr(0, w.size() - 1)))
      return true;
    return false;
  }

  bool SentenceInitial(uint32_t i, const Sentence& s) const {
    for (uint32_t k = s.first_token; k < i; ++k)
      if (!tok(k).is_punct) return false;
    return true;
  }

  // Longest gazetteer matches starting at token i: (length, names), longest first.
  std::vector<std::pair<uint32_t, std::span<const GazetteerName>>> Matches(uint32_t i,
                                                                           uint32_t end) {
    std::vector<std::pair<uint32_t, std::span<const GazetteerName>>> out;
    std::string key;
    for (uint32_t L = 1; L <= 7 && i + L <= end; ++L) {
      const Token& t = tok(i + L - 1);
      if (L > 1 && t.is_punct && t.norm != "." && t.norm != "-" && t.norm != "&") break;
      if (L > 1 && !Cap(i + L - 1) && !Connectors().count(t.norm) && !t.is_punct) break;
      const size_t before = key.size();
      AppendPlaceKey(t.norm, &key);
      if (key.size() == before) continue;  // a lone period adds nothing
      if (Cap(i + L - 1)) {
        auto names = gaz_.Find(key);
        if (!names.empty()) out.emplace_back(L, names);
      }
      if (!gaz_.HasLonger(key)) break;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // Region-level candidates (country, admin1, region) for the name at token j.
  bool RegionAt(uint32_t j, uint32_t end, uint32_t* len) {
    if (j >= end || !tok(j).capitalized) return false;
    for (auto& [L, names] : Matches(j, end))
      for (const GazetteerName& n : names) {
        const PlaceKind k = gaz_.entry(n.entry).kind;
        if ((k == PlaceKind::kAdmin1 || k == PlaceKind::kCountry) && !(n.flags & kNameDemonym)) {
          *len = L;
          return true;
        }
      }
    return false;
  }

  void Detect(uint32_t si) {
    const Sentence& s = doc_.sentences[si];
    const uint32_t end = s.end_token;
    int last_end = -1;  // end token of the last accepted mention in this sentence
    for (uint32_t i = s.first_token; i < end;) {
      const Token& t = tok(i);
      if (!Cap(i) || t.is_punct || person_[i]) {
        ++i;
        continue;
      }
      uint32_t used = TryMention(si, i, end, last_end);
      if (used == 0 && text(i).find('-') != std::string_view::npos) used = TryHyphenParts(si, i);
      if (used > 0) {
        last_end = static_cast<int>(mentions_.back().end);
        i = mentions_.back().end;
      } else {
        ++i;
      }
    }
  }

  // Tries to start a mention at token i; returns tokens used (0 when none).
  uint32_t TryMention(uint32_t si, uint32_t i, uint32_t end, int last_end) {
    const Sentence& s = doc_.sentences[si];
    const bool initial = SentenceInitial(i, s);
    std::string prev_w = i > s.first_token ? std::string(word(i - 1)) : std::string();
    // The preposition before the noun phrase: "in the Gulf", "near the northern town of X".
    std::string prep_w = prev_w;
    for (uint32_t k = i; k > s.first_token && k + 4 > i;) {
      --k;
      const std::string w(word(k));
      if (NounPhraseFiller().count(w)) continue;
      prep_w = w;
      break;
    }
    if (Titles().count(prev_w)) return 0;
    // "Fresno, Calif.", also after a town the gazetteer lacks ("Harwinton, Conn.").
    const bool after_comma_of_place =
        i >= 2 && i - 2 >= s.first_token && tok(i - 1).norm == "," &&
        (last_end == static_cast<int>(i - 1) || (tok(i - 2).capitalized && !tok(i - 2).is_punct));

    for (auto& [L, names] : Matches(i, end)) {
      // "Western reports", "Eastern allies": a compass adjective before a common noun names
      // a bloc or a side, not the region called "Western" (Ghana) or "Eastern" (Kenya).
      if (L == 1 && i + 1 < end && !tok(i + 1).capitalized && !tok(i + 1).is_punct &&
          CompassAdjectives().count(word(i)))
        continue;
      Mention m;
      m.first = i;
      m.end = i + L;
      m.sentence = si;
      std::string surface;
      for (uint32_t k = i; k < i + L; ++k) surface += text(k);
      const bool caps = AllCaps(surface);
      bool all_demonym = true;
      // A short word in capitals amid ordinary text is an acronym ("UN", "NATO"): only names
      // written that way match it.
      const bool acronym =
          caps && surface.size() <= 5 && !AllCaps(doc_.slice(s.span)) && !IsDateline(i, i + L, s);
      bool any_demonym = false;
      for (const GazetteerName& n : names) {
        if ((n.flags & kNameUpper) && !caps) continue;
        if (acronym && !(n.flags & kNameUpper)) continue;
        if ((n.flags & kNameAfterPlace) && !after_comma_of_place) continue;
        m.cands.push_back(Candidate{n.entry, n.flags, 0, 0});
        all_demonym = all_demonym && (n.flags & kNameDemonym);
        any_demonym = any_demonym || (n.flags & kNameDemonym);
      }
      if (m.cands.empty()) continue;
      // "Canadian troops" is Canada, not the town of Canadian, Texas.
      if (any_demonym && !all_demonym) {
        std::erase_if(m.cands, [](const Candidate& c) { return !(c.flags & kNameDemonym); });
        all_demonym = true;
      }
      // A demonym only counts as a place where it modifies something ("Russian troops").
      if (all_demonym) {
        if (!DemonymAsPlace(i, i + L, end, prev_w)) return 0;
        m.demonym = true;
      } else {
        std::erase_if(m.cands, [](const Candidate& c) { return c.flags & kNameDemonym; });
      }
      // Designators: "Kursk region", "the Donetsk region", "Laurel county".
      bool designated = false;
      if (!m.demonym && m.end < end && Designators().count(tok(m.end).norm)) {
        std::string key;
        for (uint32_t k = i; k < m.end; ++k) AppendPlaceKey(tok(k).norm, &key);
        std::vector<Candidate> regional;
        for (const std::string& k2 : {key, key + " " + tok(m.end).norm}) {
          for (const GazetteerName& n : gaz_.Find(k2)) {
            const PlaceKind kind = gaz_.entry(n.entry).kind;
            if (kind == PlaceKind::kAdmin1 || kind == PlaceKind::kAdmin2 ||
                kind == PlaceKind::kRegion)
              regional.push_back(
                  Candidate{n.entry, static_cast<uint8_t>(n.flags | kNameCore), 0, 0});
          }
        }
        if (!regional.empty()) {
          m.cands = std::move(regional);
          m.end += 1;
          designated = true;
        }
      }
      if (!designated && !Plausible(m, i, L, end, initial, prev_w, prep_w)) {
        if (m.person_like) person_keys_.insert(KeyOf(i, i + L));
        return 0;
      }
      // "W.Va" + "." written together is one abbreviation.
      if (m.end < end && tok(m.end).norm == "." &&
          text(m.end - 1).find('.') != std::string_view::npos &&
          tok(m.end).span.start == tok(m.end - 1).span.end)
        m.end += 1;
      bool has_primary = false;
      for (Candidate& c : m.cands) {
        c.prior = Prior(gaz_.entry(c.entry), c.flags, designated);
        has_primary = has_primary || (c.flags & kNamePrimary);
      }
      // A town that goes by this very name beats one that merely has it as an alternate.
      if (has_primary)
        for (Candidate& c : m.cands)
          if (!(c.flags & (kNamePrimary | kNameDemonym)) && !designated) c.prior -= 1.0;
      // A bare name shared by a region and a town in it ("Moscow", "Kyiv") means the town.
      if (!designated)
        for (Candidate& r : m.cands) {
          if (gaz_.entry(r.entry).kind != PlaceKind::kAdmin1) continue;
          for (const Candidate& t : m.cands)
            if (gaz_.entry(t.entry).kind == PlaceKind::kCity &&
                gaz_.entry(t.entry).admin1 == static_cast<int32_t>(r.entry) &&
                t.prior + 1.0 > r.prior) {
              r.prior = std::min(r.prior, t.prior - 0.5);
            }
        }
      m.key = std::string(m.demonym ? "adj:" : "") + KeyOf(i, i + L);
      m.dateline = IsDateline(i, m.end, s);
      mentions_.push_back(std::move(m));
      return mentions_.back().end - i;
    }
    return TryUnresolved(si, i, end, initial, prev_w);
  }

  std::string KeyOf(uint32_t a, uint32_t b) {
    std::string key;
    for (uint32_t k = a; k < b; ++k) AppendPlaceKey(tok(k).norm, &key);
    return key;
  }

  bool DemonymAsPlace(uint32_t a, uint32_t b, uint32_t end, const std::string& prev_w) {
    static const WordSet language_verbs = {"in",      "speak",    "speaks", "spoke",
                                           "spoken",  "speaking", "into",   "learn",
                                           "learned", "study",    "studied"};
    if (language_verbs.count(prev_w)) return false;
    const std::string_view last = tok(b - 1).norm;
    if (last.ends_with('s')) return true;  // "Russians", "Israelis"
    if (b >= end) return false;
    const Token& next = tok(b);
    return !next.is_punct && HasLetter(next.norm);
  }

  // Filters a gazetteer match that is not a designated region.
  // True when word `i` (capitalised, not punctuation) would continue a proper name.
  bool NameWord(uint32_t i) {
    if (!tok(i).capitalized || tok(i).is_punct || person_[i]) return person_[i];
    const std::string_view w = word(i);
    return !FunctionWords().count(w) && !CalendarWords().count(w) && !Designators().count(w);
  }

  // Filters a gazetteer match that is not a designated region.
  bool Plausible(Mention& m, uint32_t i, uint32_t L, uint32_t end, bool initial,
                 const std::string& prev_w, const std::string& prep_w) {
    bool country = false;  // countries and demonyms: the strongest readings
    bool region = false;   // first-level and named regions
    bool after_place = false;
    uint32_t max_pop = 0;
    for (const Candidate& c : m.cands) {
      const GazetteerEntry& e = gaz_.entry(c.entry);
      country = country || e.kind == PlaceKind::kCountry || (c.flags & kNameDemonym);
      region = region || ((e.kind == PlaceKind::kAdmin1 || e.kind == PlaceKind::kRegion ||
                           e.kind == PlaceKind::kAdmin2) &&
                          !(c.flags & kNameCore));
      after_place = after_place || (c.flags & kNameAfterPlace);
      max_pop = std::max(max_pop, e.population);
    }
    if (after_place) return true;  // "Calif." right after "Fresno,"
    const std::string key = KeyOf(i, i + L);
    if (L == 1 && CalendarWords().count(key)) return false;
    const uint32_t first = doc_.sentences[m.sentence].first_token;
    // Person names: "Jordan Peterson", "Hilary Jordan", "Phillip Bradley", "Adam said".
    static const WordSet speech = {"said",  "says",  "told",   "added",    "asked",   "explained",
                                   "wrote", "noted", "stated", "recalled", "replied", "testified"};
    const bool cue =
        LocativePreps().count(prep_w) || DirectionalPreps().count(prep_w) || prep_w == "of";
    // "Bradley said", "said Bradley.": this mention only (not "said Fargo City Commissioner").
    if (!cue && !country && !region &&
        ((m.end < end && speech.count(tok(m.end).norm)) ||
         (speech.count(prev_w) && !(m.end < end && NameWord(m.end)))))
      return false;
    if (i > 0 && person_[i - 1]) return false;
    // Two capitalised words that are neither ordinary words nor regions make a name.
    auto surname_like = [&](uint32_t k) {
      std::string w;
      AppendPlaceKey(tok(k).norm, &w);
      if (IsCommon(w)) return false;
      for (const GazetteerName& n : gaz_.Find(w)) {
        const PlaceKind kind = gaz_.entry(n.entry).kind;
        if (kind != PlaceKind::kCity && !(n.flags & kNameCore)) return false;
      }
      return true;
    };
    if (m.end < end && NameWord(m.end) && surname_like(m.end)) m.person_like = true;
    if (i > first && !initial && NameWord(i - 1) && surname_like(i - 1)) m.person_like = true;
    if (m.person_like) return false;
    // A hamlet's name inside a longer name ("Syrian Arab Army", "the Great Satan").
    if (!country && !region && max_pop < 5000 && !cue &&
        ((m.end < end && NameWord(m.end)) || (i > first && !initial && NameWord(i - 1))))
      return false;
    // Names that are also ordinary words ("Mobile", "Reading", "Central") need support.
    bool upper_only = true;  // "L.A.", "US": written in capitals, no ordinary word
    for (const Candidate& c : m.cands) upper_only = upper_only && (c.flags & kNameUpper);
    const bool common = L == 1 && !upper_only && IsCommon(key);
    if (common && !country) {
      // "East Bank", "Grand Ledge": the first word of a longer name.
      if (m.end < end && NameWord(m.end)) return false;
      uint32_t len = 0;
      const bool region_follows =
          m.end + 1 < end && tok(m.end).norm == "," && RegionAt(m.end + 1, end, &len);
      if (region_follows) return true;
      if (initial) return false;
      return cue && max_pop >= 20000;
    }
    // Alternate names alone, short and single-word, are too often something else.
    bool any_primary = false;
    for (const Candidate& c : m.cands)
      any_primary = any_primary || (c.flags & (kNamePrimary | kNameDemonym));
    if (!any_primary && L == 1 && key.size() <= 4) return false;
    m.cue = cue;
    return true;
  }

  // The capitalised parts of a hyphenated word: "Egyptian-US relations", "Arab-Israeli".
  uint32_t TryHyphenParts(uint32_t si, uint32_t i) {
    const std::string_view t = text(i);
    const size_t before = mentions_.size();
    size_t a = 0;
    while (a < t.size()) {
      size_t b = t.find('-', a);
      if (b == std::string_view::npos) b = t.size();
      const std::string_view part = t.substr(a, b - a);
      if (part.size() >= 2 && part[0] >= 'A' && part[0] <= 'Z') {
        std::string key;
        AppendPlaceKey(Tokenizer::Normalize(part), &key);
        Mention m;
        m.first = i;
        m.end = i + 1;
        m.sentence = si;
        m.byte_start = tok(i).span.start + static_cast<uint32_t>(a);
        m.byte_end = tok(i).span.start + static_cast<uint32_t>(b);
        const bool caps = AllCaps(part);
        bool all_demonym = true;
        uint32_t max_pop = 0;
        bool big = false;
        for (const GazetteerName& n : gaz_.Find(key)) {
          if (((n.flags & kNameUpper) && !caps) || (n.flags & (kNameAfterPlace | kNameCore)))
            continue;
          const GazetteerEntry& e = gaz_.entry(n.entry);
          m.cands.push_back(Candidate{n.entry, n.flags, 0, 0});
          all_demonym = all_demonym && (n.flags & kNameDemonym);
          big = big || e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kAdmin1 ||
                (n.flags & kNameDemonym);
          max_pop = std::max(max_pop, e.population);
        }
        const bool ok = !m.cands.empty() && !CalendarWords().count(key) &&
                        (big || (max_pop >= 5000 && !IsCommon(key)));
        if (ok) {
          if (!all_demonym)
            std::erase_if(m.cands, [](const Candidate& c) { return c.flags & kNameDemonym; });
          m.demonym = all_demonym;
          for (Candidate& c : m.cands) c.prior = Prior(gaz_.entry(c.entry), c.flags, false);
          m.key = std::string(m.demonym ? "adj:" : "") + key;
          mentions_.push_back(std::move(m));
        }
      }
      a = b + 1;
    }
    return mentions_.size() > before ? 1 : 0;
  }

  // A name once written as part of a person's ("Phillip Bradley") is no town elsewhere in the
  // article either ("Bradley said").
  void DropPersonNames() {
    std::erase_if(mentions_, [&](const Mention& m) {
      if (m.unresolved || m.dateline || m.region_after >= 0 || m.town_before >= 0) return false;
      if (!person_keys_.count(m.key)) return false;
      for (const Candidate& c : m.cands)
        if (gaz_.entry(c.entry).kind != PlaceKind::kCity || (c.flags & kNameCore)) return false;
      return true;
    });
    RelinkPairs();
  }

  // A small town that nothing else in the article is near, with no preposition to say it is
  // a place, is more likely a person ("Obama", "Clinton") than a toponym.
  void DropIsolatedTowns() {
    std::vector<bool> drop(mentions_.size(), false);
    for (size_t k = 0; k < mentions_.size(); ++k) {
      const Mention& m = mentions_[k];
      if (m.unresolved || m.chosen < 0 || m.dateline || m.cue || m.region_after >= 0 ||
          m.town_before >= 0 || m.end - m.first > 1)
        continue;
      const GazetteerEntry& e = gaz_.entry(m.cands[static_cast<size_t>(m.chosen)].entry);
      if (e.kind != PlaceKind::kCity || e.population >= 100000) continue;
      const Context ctx = BuildContext(m.key);
      std::unordered_set<std::string> others;
      for (const Mention& o : mentions_)
        if (!o.unresolved && !o.demonym && o.key != m.key) others.insert(o.key);
      if (others.size() < 2) continue;  // too few other places to judge by
      if (ContextScore(m.cands[static_cast<size_t>(m.chosen)], ctx, true) <= 0.0) drop[k] = true;
    }
    size_t w = 0;
    for (size_t k = 0; k < mentions_.size(); ++k) {
      if (drop[k]) continue;
      if (w != k) mentions_[w] = std::move(mentions_[k]);
      ++w;
    }
    mentions_.resize(w);
    RelinkPairs();
  }

  // After mentions were removed: re-point "Town, Region" pairs at the right indices.
  void RelinkPairs() {
    for (Mention& m : mentions_) m.region_after = m.town_before = -1;
    for (size_t k = 0; k + 1 < mentions_.size(); ++k) {
      Mention& a = mentions_[k];
      Mention& b = mentions_[k + 1];
      if (a.sentence == b.sentence && a.byte_end == 0 && b.first == a.end + 1 &&
          a.end < doc_.tokens.size() && tok(a.end).norm == ",") {
        bool region = false;
        for (const Candidate& c : b.cands) {
          const PlaceKind kind = gaz_.entry(c.entry).kind;
          region = region || kind == PlaceKind::kAdmin1 || kind == PlaceKind::kCountry;
        }
        if (region && !b.demonym) {
          a.region_after = static_cast<int>(k + 1);
          b.town_before = static_cast<int>(k);
        }
      }
    }
  }

  bool IsDateline(uint32_t a, uint32_t b, const Sentence& s) {
    if (a != s.first_token) return false;
    bool block_start = a == 0;
    for (const Block& bl : doc_.blocks)
      if (bl.span.start == tok(a).span.start) block_start = true;
    if (!block_start) return false;
    std::string surface(
        doc_.text.substr(tok(a).span.start, tok(b - 1).span.end - tok(a).span.start));
    if (!AllCaps(surface) || b >= s.end_token) return false;
    const std::string_view next = tok(b).norm;
    return next == "," || next == "(" || next == "-" || next == "\xe2\x80\x94" ||
           next == "\xe2\x80\x93";
  }

  // A toponym the gazetteer lacks, written where only a place can be: "the town of Sheykler",
  // "the settlements of Arbin, Hawsh Nasri and Jobar", "near Tal Sha'rah", "Idlib province".
  uint32_t TryUnresolved(uint32_t si, uint32_t i, uint32_t end, bool initial,
                         const std::string& prev_w) {
    const Sentence& s = doc_.sentences[si];
    uint32_t j = i;
    while (j < end && j < i + 4 && Cap(j) && !tok(j).is_punct && !person_[j]) ++j;
    if (j == i) return 0;
    const std::string key = KeyOf(i, j);
    if (j == i + 1 && (CalendarWords().count(key) || IsCommon(key))) return 0;
    bool place = false;
    static const WordSet heads = {"town",    "village",  "neighbourhood", "neighborhood", "camp",
                                  "outpost", "crossing", "airport",       "quarter",      "suburb"};
    if (j < end && ((Designators().count(tok(j).norm) && tok(j).norm != "state" &&
                     tok(j).norm != "republic") ||
                    heads.count(tok(j).norm))) {
      place = true;
    } else if (i >= s.first_token + 2 && prev_w == "of" && PlaceNouns().count(tok(i - 2).norm)) {
      place = true;
    } else if (!initial && (prev_w == "near" || prev_w == "outside" || prev_w == "in") &&
               !(j < end && tok(j).norm == "'s")) {
      // A bare "in X" is a place only when X looks like one: not a known word, not followed
      // by another capitalised name, and written after an event word in the same sentence.
      bool ok = true;
      for (uint32_t k = i; k < j && ok; ++k) {
        std::string w;
        AppendPlaceKey(tok(k).norm, &w);
        ok = !IsCommon(w) && !CalendarWords().count(w);
      }
      place = ok && (prev_w != "in" || j - i <= 2);
    } else if (!mentions_.empty() && mentions_.back().unresolved &&
               mentions_.back().sentence == si && i >= 2 &&
               (tok(i - 1).norm == "," || tok(i - 1).norm == "and") &&
               (mentions_.back().end == i - 1 ||
                (tok(i - 1).norm == "and" && tok(i - 2).norm == "," &&
                 mentions_.back().end == i - 2))) {
      place = true;  // the next name of a list of places
    }
    if (!place) return 0;
    Mention m;
    m.first = i;
    m.end = j;
    m.sentence = si;
    m.unresolved = true;
    m.key = key;
    mentions_.push_back(std::move(m));
    return j - i;
  }

  // Weighted evidence of the countries and first-level regions the article is about.
  struct Context {
    std::unordered_map<int32_t, double> country, admin1;
    std::vector<std::pair<const GazetteerEntry*, double>> points;  // towns and small regions
    const GazetteerEntry* dateline = nullptr;
  };

  Context BuildContext(const std::string& exclude_key) const {
    Context ctx;
    std::unordered_set<std::string> seen;
    for (const Mention& m : mentions_) {
      if (m.unresolved || m.chosen < 0 || m.key == exclude_key) continue;
      const Candidate& c = m.cands[static_cast<size_t>(m.chosen)];
      const GazetteerEntry& e = gaz_.entry(c.entry);
      if (m.dateline) ctx.dateline = &e;
      const bool first = seen.insert(m.key).second;
      // Certainty of this reading: sole candidate, or clearly ahead of the next.
      double certainty = m.cands.size() == 1 ? 1.0 : 0.6;
      const double w = (first ? 1.0 : 0.3) * certainty * (m.demonym ? 0.5 : 1.0);
      if (e.country >= 0) ctx.country[e.country] += w * (e.kind == PlaceKind::kCountry ? 1.0 : 0.7);
      if (e.admin1 >= 0) ctx.admin1[e.admin1] += w;
      if (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kAdmin2)
        ctx.points.emplace_back(&e, w);
    }
    return ctx;
  }

  // The context's support for a reading: its country and region named elsewhere, the
  // dateline, and (`nearness`, used to judge isolated towns) closeness to the chosen places.
  double ContextScore(const Candidate& c, const Context& ctx, bool nearness = false) const {
    const GazetteerEntry& e = gaz_.entry(c.entry);
    double s = 0;
    if (e.country >= 0) {
      auto it = ctx.country.find(e.country);
      if (it != ctx.country.end()) {
        s += 1.5 * (1 - std::exp(-it->second));
        // A country's capital stands for the country ("Washington and Cairo", "talks in
        // Damascus"): where the article names the country, its capital beats namesakes.
        if (e.kind == PlaceKind::kCity && e.rank == 2) s += 1.5 * (1 - std::exp(-it->second));
      }
    }
    if (e.admin1 >= 0 && e.kind != PlaceKind::kAdmin1) {
      auto it = ctx.admin1.find(e.admin1);
      if (it != ctx.admin1.end()) s += 2.0 * (1 - std::exp(-it->second));
    }
    if (nearness && (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kAdmin2 ||
                     e.kind == PlaceKind::kAdmin1)) {
      double best = 0;
      for (const auto& [p, w] : ctx.points) {
        if (p == &e) continue;
        const double d = DistanceKm(e.lat, e.lon, p->lat, p->lon);
        const double b = d < 30 ? 1.5 : d < 100 ? 1.0 : d < 300 ? 0.5 : 0.0;
        best = std::max(best, b * std::min(1.0, w + 0.3));
      }
      s += best;
    }
    if (ctx.dateline && ctx.dateline != &e) {
      if (ctx.dateline->country == e.country) s += 1.0;
      if (e.kind == PlaceKind::kCity &&
          DistanceKm(e.lat, e.lon, ctx.dateline->lat, ctx.dateline->lon) < 200)
        s += 1.0;
    }
    return s;
  }

  // Spatial coherence: how near a candidate lies to some reading of each other name of the
  // article ("New London", "Mt. Pleasant" and "Winfield" are all towns of one Iowa county),
  // whichever reading those names end up with; very ambiguous names count less.
  std::unordered_map<uint64_t, double> ClusterSupport() const {
    struct Group {
      std::vector<const GazetteerEntry*> points;
      std::vector<uint32_t> entries;
    };
    std::map<std::string, Group> groups;
    for (const Mention& m : mentions_) {
      if (m.unresolved || m.demonym) continue;
      Group& g = groups[m.key];
      if (!g.entries.empty()) continue;
      std::vector<const Candidate*> cands;
      for (const Candidate& c : m.cands) cands.push_back(&c);
      std::sort(cands.begin(), cands.end(), [](auto* a, auto* b) { return a->prior > b->prior; });
      if (cands.size() > 40) cands.resize(40);
      for (const Candidate* c : cands) {
        g.entries.push_back(c->entry);
        const GazetteerEntry& e = gaz_.entry(c->entry);
        if (e.kind != PlaceKind::kCountry && e.kind != PlaceKind::kRegion) g.points.push_back(&e);
      }
    }
    // Keyed by name and entry, as the caller looks it up.
    std::unordered_map<uint64_t, double> out;
    for (const auto& [key, g] : groups) {
      const uint64_t name_hash = std::hash<std::string>()(key);
      for (uint32_t entry : g.entries) {
        const GazetteerEntry& e = gaz_.entry(entry);
        if (e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kRegion) continue;
        double sum = 0;
        for (const auto& [key2, h] : groups) {
          if (&h == &g || h.points.empty()) continue;
          double best = 0;
          for (const GazetteerEntry* p : h.points) {
            if (p == &e) continue;
            const double d = DistanceKm(e.lat, e.lon, p->lat, p->lon);
            const bool region = p->kind == PlaceKind::kAdmin1 || e.kind == PlaceKind::kAdmin1;
            const double b = region    ? (d < 100 ? 0.5 : 0.0)
                             : d < 30  ? 1.5
                             : d < 100 ? 1.0
                             : d < 300 ? 0.4
                                       : 0.0;
            best = std::max(best, b);
          }
          sum += best / std::sqrt(static_cast<double>(h.entries.size()));
        }
        out[(name_hash * 1000003u) ^ entry] = std::min(3.0, sum);
      }
    }
    return out;
  }

  void Disambiguate() {
    const auto cluster = ClusterSupport();
    auto cluster_of = [&](const std::string& key, uint32_t entry) {
      auto it = cluster.find((std::hash<std::string>()(key) * 1000003u) ^ entry);
      return it == cluster.end() ? 0.0 : it->second;
    };
    // Round 0: priors and the "Town, Region" constraint; later rounds add the context of the
    // other toponyms; all mentions of one name share one reading (one sense per discourse).
    for (int round = 0; round < 3; ++round) {
      std::map<std::string, std::vector<size_t>> groups;
      for (size_t k = 0; k < mentions_.size(); ++k)
        if (!mentions_[k].unresolved) groups[mentions_[k].key].push_back(k);
      std::vector<std::pair<size_t, int>> choices;
      for (auto& [key, members] : groups) {
        const Context ctx = round == 0 ? Context() : BuildContext(key);
        std::unordered_map<uint32_t, double> total;
        for (size_t k : members) {
          Mention& m = mentions_[k];
          for (Candidate& c : m.cands) {
            c.score =
                c.prior + ContextScore(c, ctx) + PairScore(m, c) + 1.5 * cluster_of(m.key, c.entry);
            auto [it, fresh] = total.try_emplace(c.entry, c.score);
            if (!fresh) it->second = std::max(it->second, c.score) + 0.01;
          }
        }
        uint32_t best_entry = UINT32_MAX;
        double best = -1e9;
        for (auto& [entry, sc] : total)
          if (sc > best || (sc == best && entry < best_entry)) best = sc, best_entry = entry;
        for (size_t k : members) {
          Mention& m = mentions_[k];
          int pick = -1;
          double pick_score = -1e9;
          for (size_t ci = 0; ci < m.cands.size(); ++ci) {
            // A mention held by its own "Town, Region" keeps its reading.
            const bool bound = m.region_after >= 0 || m.town_before >= 0;
            const double sc = m.cands[ci].entry == best_entry && !bound ? 1e9 : m.cands[ci].score;
            if (sc > pick_score) pick_score = sc, pick = static_cast<int>(ci);
          }
          choices.emplace_back(k, pick);
        }
      }
      for (auto [k, pick] : choices) mentions_[k].chosen = pick;
    }
  }

  // "Paris, Texas": the town must lie in the region after the comma, and the region is the
  // one holding such a town.
  double PairScore(const Mention& m, const Candidate& c) const {
    const GazetteerEntry& e = gaz_.entry(c.entry);
    if (m.region_after >= 0) {
      const Mention& r = mentions_[static_cast<size_t>(m.region_after)];
      for (const Candidate& rc : r.cands)
        if (Contains(rc.entry, e)) return 4.0;
      return 0;
    }
    if (m.town_before >= 0) {
      const Mention& t = mentions_[static_cast<size_t>(m.town_before)];
      for (const Candidate& tc : t.cands)
        if (Contains(c.entry, gaz_.entry(tc.entry))) return 2.0;
    }
    return 0;
  }

  bool Contains(uint32_t region, const GazetteerEntry& e) const {
    const GazetteerEntry& r = gaz_.entry(region);
    if (r.kind == PlaceKind::kCountry) return e.country == static_cast<int32_t>(region);
    if (r.kind == PlaceKind::kAdmin1) return e.admin1 == static_cast<int32_t>(region) && &r != &e;
    return false;
  }

  void Emit() {
    doc_.places.clear();
    for (const Mention& m : mentions_) {
      Place p;
      p.span = m.byte_end > 0 ? Span{m.byte_start, m.byte_end}
                              : Span{tok(m.first).span.start, tok(m.end - 1).span.end};
      if (m.unresolved || m.chosen < 0) {
        p.name = std::string(doc_.slice(p.span));
        p.feature = "unresolved";
      } else {
        const GazetteerEntry& e = gaz_.entry(m.cands[static_cast<size_t>(m.chosen)].entry);
        p.name = std::string(gaz_.name(e));
        p.country = std::string(gaz_.country_code(e));
        if (e.admin1 >= 0)
          p.admin1 = std::string(gaz_.name(gaz_.entry(static_cast<uint32_t>(e.admin1))));
        p.feature = std::string(PlaceKindName(e.kind));
        p.lat = e.lat;
        p.lon = e.lon;
        p.geonameid = e.geonameid;
      }
      doc_.places.push_back(std::move(p));
    }
  }
};

bool IsDemonymPlace(const Gazetteer& gaz, const Document& doc, const Place& p) {
  if (p.feature == "unresolved") return false;
  const auto names = gaz.Find(PlaceKey(doc.slice(p.span)));
  for (const GazetteerName& n : names)
    if (!(n.flags & kNameDemonym)) return false;
  return !names.empty();
}

}  // namespace

std::unique_ptr<Geocoder> Geocoder::Open(const std::string& path, std::string* error) {
  auto gaz = std::make_unique<Gazetteer>();
  if (!gaz->Load(path, error)) return nullptr;
  return std::unique_ptr<Geocoder>(new Geocoder(std::move(gaz)));
}

void Geocoder::Resolve(Document* doc) const {
  DocResolver(gaz_, doc).Run();
}

int Geocoder::EventPlace(const Document& doc, uint32_t sentence, uint32_t verb_token) const {
  if (sentence >= doc.sentences.size()) return -1;
  const Sentence& s = doc.sentences[sentence];
  if (verb_token < s.first_token || verb_token >= s.end_token) return -1;
  static const WordSet compass = {"north",     "south",     "east",      "west",    "northeast",
                                  "northwest", "southeast", "southwest", "outside", "inside"};
  static const WordSet clause_openers = {
      "which",   "who",   "whom",     "whose",  "where", "when", "while", "after", "before",
      "because", "since", "although", "though", "as",    "if",   "until", ";"};
  auto token_at = [&](uint32_t byte) -> int {
    for (uint32_t k = s.first_token; k < s.end_token; ++k)
      if (doc.tokens[k].span.start <= byte && byte < doc.tokens[k].span.end)
        return static_cast<int>(k);
    return -1;
  };
  const int v = static_cast<int>(verb_token);
  int best = -1;
  double best_score = 0.0;
  for (size_t pi = 0; pi < doc.places.size(); ++pi) {
    const Place& p = doc.places[pi];
    if (p.span.start < s.span.start || p.span.end > s.span.end) continue;
    if (IsDemonymPlace(gaz_, doc, p)) continue;
    const int a = token_at(p.span.start);
    if (a < 0 || a == v) continue;
    uint32_t b = static_cast<uint32_t>(a);
    while (b < s.end_token && doc.tokens[b].span.start < p.span.end) ++b;
    const bool country = p.feature == "country" || p.feature == "region";
    const bool possessive =
        b < s.end_token && (doc.tokens[b].norm == "'s" || doc.tokens[b].norm == "s");
    const bool place_head = possessive && b + 1 < s.end_token &&
                            (PlaceNouns().count(doc.tokens[b + 1].norm) ||
                             NounPhraseFiller().count(doc.tokens[b + 1].norm));
    // A name before a noun inside a noun phrase ("a U.S. airstrike", "the Sofia restaurant").
    static const WordSet determiners = {"a",   "an",  "the", "this", "that",    "its", "their",
                                        "his", "her", "our", "posh", "several", "two", "three"};
    const std::string& before = a > static_cast<int>(s.first_token)
                                    ? doc.tokens[static_cast<size_t>(a - 1)].norm
                                    : std::string();
    const bool modifier =
        b < s.end_token && !doc.tokens[b].is_punct && !doc.tokens[b].capitalized && !possessive &&
        HasLetter(doc.tokens[b].norm) && !FunctionWords().count(doc.tokens[b].norm) &&
        (a == static_cast<int>(s.first_token) || determiners.count(before) ||
         (!country && NounPhraseFiller().count(before)));
    // Walk back over the noun phrase to the word that governs it.
    int k = a - 1;
    double base = 0;
    bool place_noun_of = false;
    for (int steps = 0; k >= static_cast<int>(s.first_token) && steps < 10; ++steps) {
      const Token& t = doc.tokens[static_cast<size_t>(k)];
      const std::string& w = t.norm;
      if (k == v) {
        base = 3.2;  // the verb's own object: "captured Badme", "shelled the settlements of X"
        break;
      }
      if (w == "of") {
        const std::string& head = k - 1 >= static_cast<int>(s.first_token)
                                      ? doc.tokens[static_cast<size_t>(k - 1)].norm
                                      : std::string();
        if (compass.count(head)) {  // "north of Karbala", "outside of Homs"
          base = 3.0;
          break;
        }
        if (PlaceNouns().count(head)) {  // "the town of X": keep walking
          place_noun_of = true;
          k -= 2;
          continue;
        }
        break;
      }
      if (LocativePreps().count(w)) {
        base = 3.0;
        break;
      }
      if (w == "on") {
        base = 2.5;
        break;
      }
      if (w == "by") break;  // the agent of a passive
      // "a cab driver from Abidjan", "Serbs from Croatia": after a noun, "from" says where
      // someone comes from, not where the event happens ("withdrew from X" still counts).
      if (w == "from" && k > static_cast<int>(s.first_token)) {
        const std::string& pos = doc.tokens[static_cast<size_t>(k - 1)].upos;
        if (pos == "NOUN" || pos == "PROPN") break;
      }
      if (DirectionalPreps().count(w)) {
        base = 1.5;
        break;
      }
      const bool list_member =
          w == "," || w == "and" || w == "'s" || w == "s" ||
          (t.capitalized && !t.is_punct && static_cast<uint32_t>(k) != s.first_token);
      if (NounPhraseFiller().count(w) || PlaceNouns().count(w) || list_member) {
        --k;
        continue;
      }
      break;
    }
    if (base == 0 && place_noun_of) base = 1.5;  // "a siege of the central city of Homs"
    if (place_head) base = std::max(base, 2.0);  // "Grozny's streets", "Mecca's Al-Nur"
    // "Mexico's army": a possessor names who acts, not where ("killed in Syria's war" does).
    if (possessive && !place_head && base < 3.0) continue;
    if (base == 0 && modifier && !country) base = 1.2;  // "a posh Sofia restaurant"
    if (base == 0) continue;
    if (modifier && p.feature == "country" && base < 3.2) {
      // "in a U.S. air strike": the country names the striker; the strike is elsewhere.
      continue;
    }
    // Near the verb, in the verb's clause, rather after it than before; a sentence-initial
    // "In X," sets the scene of the whole sentence.
    const int lo = std::min(a, v), hi = std::max(a, v);
    int boundaries = 0;
    for (int t = lo + 1; t < hi; ++t)
      if (clause_openers.count(doc.tokens[static_cast<size_t>(t)].norm)) ++boundaries;
    double score = base - 0.06 * (hi - lo) - 0.8 * boundaries;
    if (a < v) score -= 0.3;
    if (k >= 0 && static_cast<uint32_t>(k) <= s.first_token + 1 && base >= 3.0) score += 0.8;
    if (!country) score += 0.3;  // the town rather than the country it lies in
    // A place that only locates another one before it is the reference, not the scene:
    // "in Amara, south of Baghdad", "Sadr City in eastern Baghdad"; and a possessor is less
    // precise than what it owns: "in Dagestan's regional capital Makhachkala".
    for (size_t qi = 0; qi < doc.places.size(); ++qi) {
      const Place& q = doc.places[qi];
      if (qi == pi || q.span.start < s.span.start || q.span.end > s.span.end) continue;
      if (q.feature == "country" || IsDemonymPlace(gaz_, doc, q)) continue;
      const int qa = token_at(q.span.start);
      if (qa < 0) continue;
      if (q.span.end <= p.span.start && a - qa <= 9) {
        int qb = qa;
        while (qb < a && doc.tokens[static_cast<size_t>(qb)].span.start < q.span.end) ++qb;
        const std::string& after_q = doc.tokens[static_cast<size_t>(qb)].norm;
        bool linked = after_q != "'s" && after_q != "s";
        for (int t = qb; t < a && linked; ++t)
          linked = !clause_openers.count(doc.tokens[static_cast<size_t>(t)].norm) &&
                   (t == qb || doc.tokens[static_cast<size_t>(t)].norm != "and");
        if (linked && (v < qa || v > a)) score -= 1.0;
      }
      if (possessive && place_head && q.span.start >= p.span.end && qa - a <= 6) score -= 1.0;
    }
    if (score > best_score) best_score = score, best = static_cast<int>(pi);
  }
  return best_score >= 1.0 ? best : -1;
}

std::string DefaultGazetteerPath() {
  if (const char* env = std::getenv("DYAD_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto beside = exe.parent_path() / "gazetteer.bin";
    if (std::filesystem::exists(beside, ec)) return beside.string();
  }
  // Not run from the dyad binary (the Python module inside python3): the build's own copy.
  const auto built = std::filesystem::path(DYAD_BUILD_DIR) / "gazetteer.bin";
  if (std::filesystem::exists(built, ec)) return built.string();
  return std::string(DYAD_DATA_DIR) + "/geo/gazetteer.bin";
}

}  // namespace dyad
