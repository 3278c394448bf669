#include "store/reports.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/json_writer.h"
#include "core/utf8.h"
#include "store/event_format.h"

namespace dyad {

bool RunQuery(sqlite3* db, const std::string& sql, const std::vector<std::string>& params,
              Table* out, std::string* error) {
  sqlite3_stmt* st = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, &tail) != SQLITE_OK) {
    *error = sqlite3_errmsg(db);
    return false;
  }
  if (!st) {
    *error = "empty statement";
    return false;
  }
  if (!sqlite3_stmt_readonly(st)) {
    sqlite3_finalize(st);
    *error = "only read-only statements are allowed";
    return false;
  }
  for (size_t i = 0; i < params.size(); ++i)
    sqlite3_bind_text(st, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
  out->columns.clear();
  out->rows.clear();
  const int n = sqlite3_column_count(st);
  for (int i = 0; i < n; ++i) out->columns.emplace_back(sqlite3_column_name(st, i));
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < n; ++i) {
      const unsigned char* v = sqlite3_column_text(st, i);
      row.emplace_back(v ? reinterpret_cast<const char*>(v) : "");
    }
    out->rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    *error = sqlite3_errmsg(db);
    sqlite3_finalize(st);
    return false;
  }
  sqlite3_finalize(st);
  return true;
}

std::vector<std::pair<std::string, std::string>> ReportNames() {
  return {{"summary", "documents, sentences and events in the database, and their date range"},
          {"events", "the coded events, newest first: date, source, verb, target, code, place"},
          {"days", "events per day, with cooperation/conflict counts and mean Goldstein"},
          {"dyads", "the most frequent source-target pairs"},
          {"roots", "events per CAMEO root code"},
          {"quad", "events per QuadClass"},
          {"doc", "one document's events (give its id with --doc)"}};
}

bool RunReport(sqlite3* db, const std::string& name, const std::string& arg, int limit, Table* out,
               std::string* error) {
  const std::string lim = " LIMIT " + std::to_string(std::max(1, limit));
  std::string sql;
  std::vector<std::string> params;
  if (name == "summary") {
    sql =
        "SELECT (SELECT count(*) FROM documents) AS documents,"
        " (SELECT coalesce(sum(n_sentences),0) FROM documents) AS sentences,"
        " (SELECT count(*) FROM events) AS events,"
        " (SELECT min(date) FROM events) AS first_day, (SELECT max(date) FROM events) AS last_day";
  } else if (name == "events") {
    sql =
        "SELECT e.date, coalesce(e.source_code || ' (' || e.source_text || ')', '-') "
        "AS source, e.verb_text AS verb, coalesce(e.target_code || ' (' || e.target_text || ')',"
        " '-') AS target, e.cameo, coalesce(c.name,'') AS event, coalesce(e.location_name,'') "
        "AS place FROM events e LEFT JOIN cameo_codes c ON c.code=e.cameo "
        "ORDER BY e.date DESC, e.doc, e.sentence, e.verb_start" +
        lim;
  } else if (name == "days") {
    sql =
        "SELECT date, count(*) AS events, sum(quad_class IN (1,2)) AS cooperation,"
        " sum(quad_class IN (3,4)) AS conflict, printf('%.2f', avg(goldstein)) AS goldstein "
        "FROM events WHERE date IS NOT NULL GROUP BY date ORDER BY date DESC" +
        lim;
  } else if (name == "dyads") {
    sql =
        "SELECT source_code AS source, coalesce(target_code,'-') AS target, count(*) AS events,"
        " printf('%.2f', avg(goldstein)) AS goldstein, min(date) AS first, max(date) AS last "
        "FROM events GROUP BY source_code, target_code ORDER BY events DESC, source" +
        lim;
  } else if (name == "roots") {
    sql =
        "SELECT e.root, coalesce(c.name,'') AS name, count(*) AS events, "
        "printf('%.1f%%', 100.0*count(*)/(SELECT count(*) FROM events)) AS share "
        "FROM events e LEFT JOIN cameo_codes c ON c.code=e.root GROUP BY e.root ORDER BY e.root";
  } else if (name == "quad") {
    sql =
        "SELECT quad_class, CASE quad_class WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN "
        "'material cooperation' WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict' "
        "ELSE '' END AS name, count(*) AS events FROM events GROUP BY quad_class ORDER BY "
        "quad_class";
  } else if (name == "doc") {
    if (arg.empty()) {
      *error = "the doc report needs a document id (--doc ID)";
      return false;
    }
    sql =
        "SELECT e.sentence, e.source_code AS source, e.verb_text AS verb, coalesce(e.target_code,"
        "'-') AS target, e.cameo, coalesce(c.name,'') AS event, e.source_text, e.target_text "
        "FROM events e JOIN documents d ON d.id=e.doc LEFT JOIN cameo_codes c ON c.code=e.cameo "
        "WHERE d.doc_key=?1 OR CAST(d.id AS TEXT)=?1 ORDER BY e.sentence, e.verb_start" +
        lim;
    params.push_back(arg);
  } else {
    *error = "unknown report '" + name + "'";
    return false;
  }
  return RunQuery(db, sql, params, out, error);
}

namespace {
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
std::string Cut(const std::string& s, size_t max) {
  if (Width(s) <= max) return s;
  std::string out;
  size_t n = 0, i = 0;
  while (i < s.size() && n + 1 < max) {
    size_t k = i;
    DecodeUtf8(s, k);
    out.append(s, i, k - i);
    i = k;
    ++n;
  }
  return out + "\xE2\x80\xA6";
}
}  // namespace

std::string RenderTable(const Table& t, size_t max_cell) {
  std::vector<size_t> w(t.columns.size(), 0);
  for (size_t i = 0; i < t.columns.size(); ++i) w[i] = Width(t.columns[i]);
  for (const auto& r : t.rows)
    for (size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], std::min(max_cell, Width(r[i])));
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string c = Cut(cells[i], max_cell);
      out += c;
      if (i + 1 < cells.size()) out += std::string(w[i] - Width(c) + 2, ' ');
    }
    out += '\n';
  };
  line(t.columns);
  std::vector<std::string> rule;
  for (size_t x : w) rule.emplace_back(x, '-');
  line(rule);
  for (const auto& r : t.rows) line(r);
  return out;
}

std::string RenderCsv(const Table& t) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      AppendCsvField(&out, cells[i]);
    }
    out += '\n';
  };
  line(t.columns);
  for (const auto& r : t.rows) line(r);
  return out;
}

std::string RenderJsonl(const Table& t) {
  std::string out;
  for (const auto& r : t.rows) {
    JsonWriter w(out);
    w.BeginObject();
    for (size_t i = 0; i < r.size(); ++i) {
      w.Key(t.columns[i]);
      w.String(r[i]);
    }
    w.EndObject();
    out += '\n';
  }
  return out;
}

}  // namespace dyad
