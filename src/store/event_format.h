// Event output formats: JSONL in the shape of DESIGN.md, CSV, and the 61-column GDELT 2.0
// event table. Offsets in the output are code points into the document's extracted text.
#pragma once

#include <string>

#include "core/document.h"

namespace dyad {

enum class OutputFormat { kJsonl, kCsv, kGdelt };

// Parses "jsonl", "csv", "gdelt"; false for anything else.
bool ParseOutputFormat(const std::string& name, OutputFormat* out);

class EventFormatter {
 public:
  explicit EventFormatter(OutputFormat format) : format_(format) {}

  // The header line (CSV has one; JSONL and GDELT have none), with its newline.
  std::string Header() const;
  // Appends one line per event of `doc` to `out`.
  void Append(const Document& doc, std::string* out) const;

 private:
  OutputFormat format_;
};

// One event as a JSON object (no newline), as `dyad code` prints it.
void AppendEventJson(const Document& doc, const Event& e, std::string* out);

// Where an event happened: its place in the gazetteer, else its location mention (an actor
// read as a place); empty name when neither. What the JSON, the store and its groups use.
struct EventPlace {
  std::string_view name;  // the gazetteer's name, else the words
  std::string_view text;  // the words in the article
  std::string country;
  bool has_coords = false;
  double lat = 0, lon = 0;
  long long geonameid = 0;
  std::string key;  // the grouping key (see event_groups.place)
};
EventPlace PlaceOf(const Document& doc, const Event& e);

// Every layer of one document as one JSON object (no newline), as `dyad annotate` prints it:
// id, date, text, sentences, tokens, actors, timexes, places, quotes and events.
void AppendDocumentJson(const Document& doc, std::string* out);

// A stable 63-bit id for an event (document id, sentence, verb offset, actors, code).
long long EventId(const Document& doc, const Event& e);

// Appends `v` as one CSV field (quoted when it needs to be).
void AppendCsvField(std::string* out, std::string_view v);

// The country part of a CAMEO actor code ("RUSGOV" -> "RUS"); "" when the code starts with a
// sector or an organisation ("GOV", "IGOUNO").
std::string ActorCountry(std::string_view code);
// The first sector of a CAMEO actor code ("RUSGOVMIL" -> "GOV", "IGOUNO" -> "IGO"); "" if none.
std::string ActorSector(std::string_view code);

// Appends the 10 GDELT actor columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code..Type3Code), each followed by a tab; all empty when
// `code` is empty.
void AppendGdeltActor(std::string_view code, std::string_view name, std::string* out);

// Appends the 4 GDELT date columns (SQLDATE, MonthYear, Year, FractionDate) for an ISO date,
// each followed by a tab; empty when `date` is not YYYY-MM-DD.
void AppendGdeltDate(std::string_view date, std::string* out);

}  // namespace dyad
