// EventFilter and StoredEvent: which stored events a query selects (every value bound as a
// parameter, never spliced into SQL), and one stored event read back as dyad code prints it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

// What to select. Empty fields select everything.
struct EventFilter {
  std::string from, to;        // inclusive ISO dates (YYYY-MM-DD) of the event
  std::string country;         // ISO 3166-1 alpha-3: the source's, target's or place's country
  std::string actor;           // actor code prefix, source or target ("RUS", "RUSGOV")
  std::string source, target;  // actor code prefixes of a directed dyad
  std::string root;            // CAMEO root, "01".."20"
  std::string cameo;           // CAMEO code prefix ("19", "190", "0231")
  int quad_class = 0;          // 1..4; 0 = any
  std::string plover;          // PLOVER event type ("ASSAULT")
  std::string text;            // words that the event's sentence must contain (full-text)
  long long doc = 0;           // documents.id; 0 = any
  bool include_negated = false;
};

// Checks `f` and normalises it in place (codes upper-cased, "4" -> root "04", dates
// normalised). Returns "" when it is valid, else what is wrong, for the user.
std::string NormalizeFilter(EventFilter* f);

// A SQL condition with its text parameters, bound in order.
struct SqlClause {
  std::string sql;  // "1" when there is no condition
  std::vector<std::string> params;
};

// The condition over the events table (aliased `alias`) that `f` selects.
SqlClause EventWhere(const EventFilter& f, std::string_view alias = "e");

// Binds `params` to ?first, ?first+1, ... of `st`.
void BindParams(sqlite3_stmt* st, const std::vector<std::string>& params, int first = 1);

// Free text as a safe FTS5 query: each word a quoted phrase, all required; a trailing '*' on
// a word keeps prefix search. "" when the text has no words.
std::string FtsQuery(std::string_view text);

// One stored event with its document, sentence and mention details.
struct StoredEvent {
  long long id = 0, group_id = 0, doc = 0;
  std::string doc_key, title, url, publisher, doc_date;
  int sentence = 0, sentence_start = 0, sentence_end = 0;
  std::string text;  // the sentence
  std::string date, date_source;
  struct Actor {
    bool present = false;
    std::string text, code, country, entry;
    int start = 0, end = 0;
  } source, target;
  std::string verb_text;
  int verb_start = 0, verb_end = 0;
  std::string cameo, cameo_name, root;
  int quad_class = 0;
  double goldstein = 0, confidence = 0;
  std::string plover_event, plover_mode, plover_context = "[]";
  bool negated = false;
  std::string attribution_text, attribution_code;
  bool has_location = false, has_coords = false;
  std::string location_name, location_country;
  std::string location_text;  // the words in the article (the place's span, else the name)
  std::string timex_text, timex_value;  // the event's own time expression, when it has one
  double lat = 0, lon = 0;
  long long geonameid = 0;
  std::string pattern, pattern_entry;
  int place_idx = -1, quote_idx = -1, timex_idx = -1, location_mention = -1;
};

// The SELECT list and FROM clause that ReadStoredEvent reads (events are `e`); append
// " WHERE ..." and an ORDER BY.
extern const char* const kStoredEventSelect;

// Reads the current row of a statement built on kStoredEventSelect.
void ReadStoredEvent(sqlite3_stmt* st, StoredEvent* ev);

// Appends the event as one JSON object in the shape `dyad code` prints (DESIGN.md). With
// `extended`, adds the store's ids and the document's details (id, group_id, doc, title,
// publisher, url, cameo_name, source/target country, spans of place, quote and time).
void AppendStoredEventJson(const StoredEvent& ev, bool extended, std::string* out);

// The CSV header line (with its newline) and one event as a CSV line, in the columns `dyad
// code --format csv` prints; with `extended`, the store's columns after them (event_id,
// group_id, location_name, location_country, publisher, url).
const char* StoredEventCsvHeader(bool extended);
void AppendStoredEventCsv(const StoredEvent& ev, bool extended, std::string* out);

}  // namespace dyad
