#include "actors/actor_recognizer.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "text/dateline.h"

namespace dyad {

namespace {

// A dictionary hit before composition.
struct Atom {
  uint32_t first, end;
  bool is_agent = false;
  std::string code;  // actor code, or sector for agents
  std::string kind;  // entry kind, "agent" for agents
  std::string entry;
};

// Words that may sit between the parts of one actor phrase ("Russia's top diplomat",
// "the foreign minister of Russia" is handled apart).
bool IsGlue(const std::string& w) {
  static const std::unordered_set<std::string> kGlue = {
      "'s",      "'",        "the",      "a",       "an",      "top",       "chief",    "senior",
      "former",  "new",      "deputy",   "then",    "acting",  "first",     "two",      "several",
      "many",    "some",     "own",      "elite",   "local",   "federal",   "national", "regional",
      "interim", "outgoing", "incoming", "veteran", "leading", "powerful",  "state",    "-",
      "its",     "their",    "his",      "her",     "junior",  "assistant", "special",  "ousted",
      "exiled",  "current",  "retired",  "ruling",  "main",    "hardline",  "moderate"};
  return kGlue.count(w) > 0;
}

// Prepositions after which a country or city names a place, not an actor.
bool IsPlacePreposition(const std::string& w) {
  return w == "in" || w == "inside" || w == "near" || w == "across" || w == "throughout" ||
         w == "at" || w == "outside" || w == "within" || w == "around";
}

bool IsCountryKind(const std::string& k) {
  return k == "name" || k == "adj" || k == "capital" || k == "city" || k == "org";
}

// Sectors that belong to a country when one is known (not "IGO", "NGO", "UAF").
bool IsDomesticSector(const std::string& code) {
  static const std::unordered_set<std::string> kNotDomestic = {"IGO", "NGO", "IMG", "UAF",
                                                               "MNC", "HRI", "UNK"};
  return code.size() == 3 && kNotDomestic.count(code) == 0;
}

}  // namespace

ActorRecognizer::ActorRecognizer(const Dictionary& dict) : dict_(dict) {
  std::unordered_set<std::string> sectors;
  for (const auto& a : dict.agents()) sectors.insert(a.sector);
  // CAMEO's region codes name no country an agent could belong to ("European airlines").
  static const std::unordered_set<std::string> kRegions = {
      "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF",
      "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS",
      "SAF", "SAM", "SAS", "SCN", "SEA", "SEU", "WAF", "WEU", "WST"};
  for (const auto& e : dict.actors())
    if (e.code.size() == 3 && IsCountryKind(e.kind) && e.kind != "org" && !sectors.count(e.code) &&
        !kRegions.count(e.code))
      countries_.insert(e.code);
}

std::string ActorRecognizer::DocumentCountry(const Document& doc) const {
  std::string found;
  auto see = [&](const std::string& c) {
    if (c.empty() || c == found) return true;
    if (!found.empty()) return false;
    found = c;
    return true;
  };
  for (const auto& a : doc.actors)
    if (a.code.size() >= 3 && IsCountry(a.code.substr(0, 3)) && !see(a.code.substr(0, 3)))
      return "";
  for (const auto& p : doc.places)
    if (!see(p.country)) return "";
  return found;
}

std::unordered_map<uint32_t, std::string> ActorRecognizer::CountriesAt(const Document& doc) const {
  std::unordered_map<uint32_t, std::string> at;
  for (const auto& p : doc.places)
    if (!p.country.empty()) at[p.span.start] = p.country;
  // A dictionary mention wins over the gazetteer's reading of the same words.
  for (const auto& a : doc.actors)
    if (a.code.size() >= 3 && IsCountry(a.code.substr(0, 3)))
      at[a.span.start] = a.code.substr(0, 3);
  return at;
}

std::string ActorRecognizer::ContextCountry(
    const Document& doc, const ActorMention& m,
    const std::unordered_map<uint32_t, std::string>& countries_at,
    const std::string& document_country) const {
  uint32_t t = m.end_token;
  if (t + 1 < doc.tokens.size()) {
    const std::string& w = doc.tokens[t].norm;
    if (w == "in" || w == "of" || w == "from") {
      ++t;
      if (t + 1 < doc.tokens.size() && doc.tokens[t].norm == "the") ++t;
      if (auto it = countries_at.find(doc.tokens[t].span.start); it != countries_at.end())
        return it->second;
    }
  }
  return document_country;
}

void ActorRecognizer::Recognize(Document* doc) const {
  doc->actors.clear();
  int next_group = 0;
  for (const Sentence& s : doc->sentences) {
    // 1. Dictionary hits, longest first, left to right.
    std::vector<Atom> atoms;
    for (uint32_t t = s.first_token; t < s.end_token;) {
      auto a = dict_.actor_index().Longest(*doc, t, s.end_token);
      auto g = dict_.agent_index().Longest(*doc, t, s.end_token);
      if (a.length == 0 && g.length == 0) {
        ++t;
        continue;
      }
      Atom atom;
      atom.first = t;
      if (a.length >= g.length) {
        atom.end = t + a.length;
        // Among entries for the phrase, the first that holds on the document's date.
        const ActorEntry* chosen = nullptr;
        for (uint32_t id : *a.ids) {
          const auto& e = dict_.actors()[id];
          if (e.HoldsOn(doc->date)) {
            chosen = &e;
            break;
          }
        }
        std::string code;
        if (chosen) {
          code = chosen->code;
        } else {
          // A known person outside every office they held: still of their country, but no
          // longer (or not yet) its government, so only the country code is given.
          chosen = &dict_.actors()[(*a.ids)[0]];
          if (chosen->kind != "person" || chosen->code.size() < 6 ||
              chosen->code.substr(0, 3) == "IGO" || chosen->code.substr(0, 3) == "IMG") {
            t = atom.end;
            continue;
          }
          code = chosen->code.substr(0, 3);
        }
        atom.code = code;
        atom.kind = chosen->kind;
        atom.entry = chosen->entry;
      } else {
        atom.end = t + g.length;
        const auto& e = dict_.agents()[(*g.ids)[0]];
        atom.is_agent = true;
        atom.code = e.sector;
        atom.kind = "agent";
        atom.entry = e.entry;
      }
      atoms.push_back(atom);
      t = atom.end;
    }
    // 2. Compose neighbouring atoms into mentions.
    const size_t sentence_first_mention = doc->actors.size();
    const uint32_t dateline_end = DatelineEnd(*doc, s.first_token, s.end_token);
    for (size_t i = 0; i < atoms.size();) {
      size_t j = i;
      std::string country, sector, full, kind, entry;
      auto absorb = [&](const Atom& a) {
        if (a.is_agent) {
          if (sector.empty()) sector = a.code;
        } else if (a.kind == "person" || a.code.size() > 3) {
          // A full code ("RUSGOV", "IGOUNO") from a person or organisation.
          if (full.empty()) full = a.code;
          if (kind.empty() || a.kind == "person") kind = a.kind;
        } else if (country.empty()) {
          country = a.code;
          if (kind.empty()) kind = a.kind;
        }
        if (entry.empty()) entry = a.entry;
      };
      absorb(atoms[j]);
      while (j + 1 < atoms.size()) {
        const Atom& cur = atoms[j];
        const Atom& nxt = atoms[j + 1];
        bool joined = true;
        for (uint32_t t = cur.end; t < nxt.first && joined; ++t) {
          const Token& tok = doc->tokens[t];
          // "Saudi-led forces" are the leader's forces ("US-backed forces" are not the backer's).
          const bool led = !cur.is_agent && nxt.is_agent && tok.norm == "led" && t > cur.end &&
                           doc->tokens[t - 1].norm == "-";
          joined = IsGlue(tok.norm) || (tok.capitalized && !tok.is_punct) || led;
        }
        // "the foreign minister of Russia"
        if (!joined && cur.is_agent && !nxt.is_agent && nxt.first == cur.end + 1 &&
            doc->tokens[cur.end].norm == "of")
          joined = true;
        if (!joined || nxt.first - cur.end > 3) break;
        // Two countries side by side are two actors ("Russia Ukraine" is rare; keep apart).
        if (!cur.is_agent && !nxt.is_agent && IsCountryKind(cur.kind) && IsCountryKind(nxt.kind))
          break;
        absorb(nxt);
        ++j;
      }
      ActorMention m;
      m.first_token = atoms[i].first;
      m.end_token = atoms[j].end;
      // Extend over a trailing capitalised name ("Foreign Minister Choe Son-hui").
      while (m.end_token < s.end_token && doc->tokens[m.end_token].capitalized &&
             !doc->tokens[m.end_token].is_punct && m.end_token > m.first_token &&
             atoms[j].is_agent && m.end_token - atoms[j].end < 3)
        ++m.end_token;
      m.span = {doc->tokens[m.first_token].span.start, doc->tokens[m.end_token - 1].span.end};
      if (!full.empty())
        m.code = full;
      else if (!country.empty())
        m.code = country + sector;
      else
        m.code = sector;  // agent alone: sector code, as GDELT does for unknown countries
      m.kind = !kind.empty() ? kind : "agent";
      m.entry = entry;
      // Countries and cities after "in"/"near" are places, not actors; also after "in the"
      // ("in the West Bank", "in the Gaza Strip").
      if (m.first_token > s.first_token && IsCountryKind(m.kind) && sector.empty()) {
        uint32_t before = m.first_token - 1;
        if (doc->tokens[before].norm == "the" && before > s.first_token) --before;
        if (IsPlacePreposition(doc->tokens[before].norm)) m.kind = "place";
      }
      // So is the place of a dateline ("JAKARTA, Dec 9 — Japan's prime minister arrived"):
      // where the story was filed, not who acts in it.
      if (m.first_token == s.first_token && m.kind != "org" && IsCountryKind(m.kind) &&
          sector.empty() && full.empty() && m.end_token < dateline_end)
        m.kind = "place";
      doc->actors.push_back(std::move(m));
      i = j + 1;
    }
    // 3. Coordination: "Lavrov and Choe", "Hungarian and Romanian officials", "A, B and C".
    for (size_t k = sentence_first_mention; k + 1 < doc->actors.size(); ++k) {
      auto& a = doc->actors[k];
      auto& b = doc->actors[k + 1];
      if (a.kind == "place" || b.kind == "place") continue;
      bool coordinated = false;
      uint32_t gap = b.first_token - a.end_token;
      if (gap == 1) {
        const auto& w = doc->tokens[a.end_token].norm;
        coordinated = w == "and" || w == "," || w == "or";
      } else if (gap == 2) {
        coordinated =
            doc->tokens[a.end_token].norm == "," && (doc->tokens[a.end_token + 1].norm == "and");
      }
      if (!coordinated) continue;
      if (a.group < 0) a.group = next_group++;
      b.group = a.group;
      // "Hungarian and Romanian officials", "US and British forces": the shared agent word
      // applies to both (an abbreviation such as "US" stands in the adjective's place).
      const std::string_view a_text = doc->slice(a.span);
      const bool abbreviation =
          a.kind == "name" && a_text.size() <= 3 &&
          std::all_of(a_text.begin(), a_text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if ((a.kind == "adj" || abbreviation) && a.code.size() == 3 && b.code.size() > 3 &&
          b.code.substr(0, 3) != a.code && IsCountry(b.code.substr(0, 3)))
        a.code += b.code.substr(3);
    }
  }
  // 4. Agents named without a country take the one their context gives.
  const std::string document_country = DocumentCountry(*doc);
  const auto countries_at = CountriesAt(*doc);
  for (auto& m : doc->actors) {
    if (m.kind != "agent" || !IsDomesticSector(m.code) || IsCountry(m.code)) continue;
    const std::string country = ContextCountry(*doc, m, countries_at, document_country);
    if (country.empty()) continue;
    m.code = country + m.code;
    m.entry += "; country from context";
  }
}

}  // namespace dyad
