// ActorRecognizer: finds actor mentions in each sentence and resolves them to CAMEO actor
// codes, composing country, organisation, person and agent words into one code
// ("North Korea's foreign minister" -> PRKGOV) and grouping coordinated actors.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/document.h"
#include "dict/dictionary.h"

namespace dyad {

class ActorRecognizer {
 public:
  explicit ActorRecognizer(const Dictionary& dict);

  // Appends the mentions of every sentence to doc->actors, in text order. Mentions used as
  // places ("in Moscow") get kind "place" and are not actors of events. An agent named
  // without its country ("President Bouteflika", "opposition groups in Zimbabwe") takes the
  // country its context gives (see ContextCountry); its entry then says so.
  void Recognize(Document* doc) const;

 private:
  // The country for an agent-only mention: a place or country right after it through
  // "in"/"of"/"from" ("rebels in the Ivory Coast", "King Hassan of Morocco"), else the one
  // country the whole document names (its actors and resolved places), else "".
  std::string ContextCountry(const Document& doc, const ActorMention& m,
                             const std::unordered_map<uint32_t, std::string>& countries_at,
                             const std::string& document_country) const;
  // The country of every mention and resolved place, by its first character's offset.
  std::unordered_map<uint32_t, std::string> CountriesAt(const Document& doc) const;
  // The single country named in the document, "" when none or several.
  std::string DocumentCountry(const Document& doc) const;
  bool IsCountry(const std::string& code) const { return countries_.count(code) > 0; }

  const Dictionary& dict_;
  std::unordered_set<std::string> countries_;  // three-letter codes of country entries
};

}  // namespace dyad
