// Geocoder: finds the toponyms of a tokenised Document (names in the gazetteer, "the Kursk
// region", "Paris, Texas", datelines, demonyms used as places), resolves each to one gazetteer
// entry using the rest of the article as context, and tells where an event took place.
// Built once over a loaded Gazetteer; const and thread-safe afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "core/document.h"
#include "geo/gazetteer.h"

namespace dyad {

class Geocoder {
 public:
  // Uses `gazetteer`, which must outlive the Geocoder.
  explicit Geocoder(const Gazetteer& gazetteer) : gaz_(gazetteer) {}

  // Loads the gazetteer at `path` (see DefaultGazetteerPath) and keeps it.
  static std::unique_ptr<Geocoder> Open(const std::string& path, std::string* error);

  // Fills doc->places (in text order) from doc->tokens and doc->sentences. Toponyms written
  // in the text but absent from the gazetteer ("the village of Sheykler") are kept with
  // feature "unresolved", an empty country and no coordinates.
  void Resolve(Document* doc) const;

  // The place where the event whose verb is token `verb_token` (an index into doc.tokens) of
  // sentence `sentence` happened: a place in a locative phrase near the verb ("met ... in
  // Moscow", "shelled the settlements of Arbin") rather than any place in the sentence.
  // Returns an index into doc.places, or -1 when the sentence says nothing of where.
  int EventPlace(const Document& doc, uint32_t sentence, uint32_t verb_token) const;

  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  std::unique_ptr<Gazetteer> owned_;
  const Gazetteer& gaz_;

  explicit Geocoder(std::unique_ptr<Gazetteer> owned) : owned_(std::move(owned)), gaz_(*owned_) {}
};

// Where the gazetteer is looked for: $DYAD_GAZETTEER, else gazetteer.bin beside the running
// dyad binary, else DYAD_DATA_DIR/geo/gazetteer.bin.
std::string DefaultGazetteerPath();

}  // namespace dyad
