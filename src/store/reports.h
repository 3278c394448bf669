// Reports over the event database: named summaries (events by day, top dyads, counts by CAMEO
// root and QuadClass, one document's events) and read-only SQL, as printable tables.
#pragma once

#include <string>
#include <vector>

struct sqlite3;

namespace dyad {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Runs one read-only statement with text parameters bound to ?1, ?2, ...
bool RunQuery(sqlite3* db, const std::string& sql, const std::vector<std::string>& params,
              Table* out, std::string* error);

// The names of the built-in reports, each with a one-line description.
std::vector<std::pair<std::string, std::string>> ReportNames();

// Runs a named report. `arg` is the document id for "doc"; `limit` bounds the rows.
bool RunReport(sqlite3* db, const std::string& name, const std::string& arg, int limit, Table* out,
               std::string* error);

// Renders a table with aligned columns, cutting cells wider than `max_cell` characters.
std::string RenderTable(const Table& t, size_t max_cell = 40);
// Renders as CSV, JSON lines or tab-separated values.
std::string RenderCsv(const Table& t);
std::string RenderJsonl(const Table& t);

}  // namespace dyad
