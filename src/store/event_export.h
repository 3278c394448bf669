// EventExporter: streams stored events out of the database as JSONL, CSV, the GDELT 2.0 event
// table (one row per grouped event) or PLOVER JSON lines in POLECAT's shape, in bounded memory.
#pragma once

#include <cstdio>
#include <string>

#include "store/event_query.h"

struct sqlite3;

namespace dyad {

enum class ExportFormat { kJsonl, kCsv, kGdelt, kPlover };

// Parses "jsonl", "csv", "gdelt", "plover"; false for anything else.
bool ParseExportFormat(const std::string& name, ExportFormat* out);

class EventExporter {
 public:
  EventExporter(sqlite3* db, ExportFormat format) : db_(db), format_(format) {}

  // Writes every event (for kGdelt: every event group with a mention) that `filter` selects to
  // `out`, oldest stored first, as it steps through the rows. Returns the number of records
  // written, or -1 with `error` set.
  long long Write(const EventFilter& filter, std::FILE* out, std::string* error) const;

  // The CSV header line, with its newline.
  static const char* CsvHeader();

 private:
  long long WriteEvents(const EventFilter& filter, std::FILE* out, std::string* error) const;
  long long WriteGroups(const EventFilter& filter, std::FILE* out, std::string* error) const;
  sqlite3* db_;
  ExportFormat format_;
};

}  // namespace dyad
