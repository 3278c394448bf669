#include "store/event_export.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/json_writer.h"
#include "store/event_format.h"

namespace dyad {

namespace {

constexpr size_t kFlushAt = 1 << 20;  // bytes buffered before a write

// Owns a prepared statement.
struct Statement {
  sqlite3_stmt* st = nullptr;
  ~Statement() { sqlite3_finalize(st); }
};

bool Flush(std::string* buf, std::FILE* out, std::string* error) {
  if (!buf->empty() && std::fwrite(buf->data(), 1, buf->size(), out) != buf->size()) {
    *error = "write failed";
    return false;
  }
  buf->clear();
  return true;
}

const char* QuadName(int q) {
  switch (q) {
    case 1:
      return "VERBAL COOPERATION";
    case 2:
      return "MATERIAL COOPERATION";
    case 3:
      return "VERBAL CONFLICT";
    case 4:
      return "MATERIAL CONFLICT";
    default:
      return "";
  }
}

// One event as POLECAT publishes its records (PLOVER event type, mode and context; actor and
// recipient; place; story), field names in snake case.
void AppendPlover(const StoredEvent& ev, std::string* out) {
  JsonWriter w(*out);
  w.BeginObject();
  w.Key("id");
  w.String(std::to_string(ev.id));
  w.Key("date");
  w.StringOrNull(ev.date);
  w.Key("event_type");
  w.String(ev.plover_event);
  w.Key("mode");
  w.StringOrNull(ev.plover_mode);
  w.Key("context");
  w.Raw(ev.plover_context);
  w.Key("event_intensity");
  w.Double(ev.goldstein, 2);
  w.Key("quad_code");
  w.String(QuadName(ev.quad_class));
  w.Key("cameo");
  w.String(ev.cameo);
  for (const auto& [prefix, a] :
       {std::pair<const char*, const StoredEvent::Actor*>{"actor", &ev.source},
        {"recipient", &ev.target}}) {
    const std::string p = prefix;
    w.Key(p + "_name");
    w.StringOrNull(a->text);
    w.Key(p + "_name_raw");
    w.StringOrNull(a->text);
    w.Key(p + "_code");
    w.StringOrNull(a->code);
    w.Key(p + "_country");
    w.StringOrNull(a->country);
    w.Key(p + "_sector");
    w.StringOrNull(ActorSector(a->code));
  }
  w.Key("placename");
  w.StringOrNull(ev.location_name);
  w.Key("country");
  w.StringOrNull(ev.location_country);
  w.Key("latitude");
  if (ev.has_coords)
    w.Double(ev.lat, 5);
  else
    w.Null();
  w.Key("longitude");
  if (ev.has_coords)
    w.Double(ev.lon, 5);
  else
    w.Null();
  w.Key("geonames_id");
  if (ev.geonameid > 0)
    w.String(std::to_string(ev.geonameid));
  else
    w.Null();
  w.Key("story_id");
  w.String(ev.doc_key);
  w.Key("event_group");
  if (ev.group_id)
    w.Int(ev.group_id);
  else
    w.Null();
  w.Key("source");
  w.StringOrNull(ev.publisher);
  w.Key("publication_date");
  w.StringOrNull(ev.doc_date);
  w.Key("headline");
  w.StringOrNull(ev.title);
  w.Key("url");
  w.StringOrNull(ev.url);
  w.Key("event_text");
  w.String(ev.text);
  w.Key("language");
  w.String("en");
  w.Key("version");
  w.String(std::string("dyad-") + DYAD_VERSION);
  w.EndObject();
}

}  // namespace

bool ParseExportFormat(const std::string& name, ExportFormat* out) {
  if (name == "jsonl" || name == "json")
    *out = ExportFormat::kJsonl;
  else if (name == "csv")
    *out = ExportFormat::kCsv;
  else if (name == "gdelt" || name == "tsv")
    *out = ExportFormat::kGdelt;
  else if (name == "plover" || name == "polecat")
    *out = ExportFormat::kPlover;
  else
    return false;
  return true;
}

const char* EventExporter::CsvHeader() {
  return StoredEventCsvHeader(/*extended=*/true);
}

long long EventExporter::Write(const EventFilter& filter, std::FILE* out,
                               std::string* error) const {
  return format_ == ExportFormat::kGdelt ? WriteGroups(filter, out, error)
                                         : WriteEvents(filter, out, error);
}

long long EventExporter::WriteEvents(const EventFilter& filter, std::FILE* out,
                                     std::string* error) const {
  SqlClause where = EventWhere(filter);
  if (format_ == ExportFormat::kPlover) where.sql += " AND e.plover_event IS NOT NULL";
  const std::string sql =
      std::string(kStoredEventSelect) + " WHERE " + where.sql + " ORDER BY e.id";
  Statement q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &q.st, nullptr) != SQLITE_OK) {
    *error = sqlite3_errmsg(db_);
    return -1;
  }
  BindParams(q.st, where.params);
  std::string buf;
  if (format_ == ExportFormat::kCsv) buf = CsvHeader();
  StoredEvent ev;
  long long n = 0;
  int rc;
  while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
    ReadStoredEvent(q.st, &ev);
    switch (format_) {
      case ExportFormat::kCsv:
        AppendStoredEventCsv(ev, /*extended=*/true, &buf);
        break;
      case ExportFormat::kPlover:
        AppendPlover(ev, &buf);
        buf += '\n';
        break;
      default:
        AppendStoredEventJson(ev, /*extended=*/false, &buf);
        buf += '\n';
    }
    ++n;
    if (buf.size() >= kFlushAt && !Flush(&buf, out, error)) return -1;
  }
  if (rc != SQLITE_DONE) {
    *error = sqlite3_errmsg(db_);
    return -1;
  }
  return Flush(&buf, out, error) ? n : -1;
}

long long EventExporter::WriteGroups(const EventFilter& filter, std::FILE* out,
                                     std::string* error) const {
  // A group is exported when one of its mentions passes the filter; its actor names and
  // SOURCEURL come from its first stored mention.
  SqlClause where = EventWhere(filter, "f");
  std::string sql =
      "SELECT g.id, g.day, g.source_code, e.source_text, g.target_code, e.target_text, g.is_root,"
      " g.cameo, g.root, g.quad_class, g.goldstein, g.num_mentions, g.num_sources,"
      " g.num_articles, g.location_name, g.location_lat, g.location_lon, g.location_geonameid,"
      " g.added_at, coalesce(d.url, d.doc_key)"
      " FROM event_groups g"
      " JOIN events e ON e.id=(SELECT min(id) FROM events WHERE group_id=g.id)"
      " JOIN documents d ON d.id=e.doc";
  if (where.sql != "f.negated=0")
    sql += " WHERE g.id IN (SELECT f.group_id FROM events f WHERE " + where.sql + ")";
  sql += " ORDER BY g.id";
  Statement q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &q.st, nullptr) != SQLITE_OK) {
    *error = sqlite3_errmsg(db_);
    return -1;
  }
  BindParams(q.st, where.params);
  auto text = [&](int i) {
    const unsigned char* v = sqlite3_column_text(q.st, i);
    return v ? std::string_view(reinterpret_cast<const char*>(v),
                                static_cast<size_t>(sqlite3_column_bytes(q.st, i)))
             : std::string_view();
  };
  std::string buf, clean;
  long long n = 0;
  int rc;
  while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
    buf += std::to_string(sqlite3_column_int64(q.st, 0)) + '\t';  // GLOBALEVENTID
    AppendGdeltDate(text(1), &buf);                               // SQLDATE..FractionDate
    AppendGdeltActor(text(2), text(3), &buf);                     // Actor1*
    AppendGdeltActor(text(4), text(5), &buf);                     // Actor2*
    const std::string_view cameo = text(7);
    buf += std::to_string(sqlite3_column_int(q.st, 6)) + '\t';  // IsRootEvent
    buf.append(cameo);
    buf += '\t';
    buf.append(cameo.substr(0, 3));
    buf += '\t';
    buf.append(text(8));
    buf += '\t';
    buf += std::to_string(sqlite3_column_int(q.st, 9)) + '\t';
    buf += fmt::format("{:.1f}\t", sqlite3_column_double(q.st, 10));
    buf += fmt::format("{}\t{}\t{}\t\t", sqlite3_column_int64(q.st, 11),
                       sqlite3_column_int64(q.st, 12), sqlite3_column_int64(q.st, 13));
    // Actor1Geo and Actor2Geo: unknown (8 empty columns each).
    buf.append(16, '\t');
    // ActionGeo: type, full name, FIPS country (unknown: dyad keeps ISO 3166 codes), ADM1,
    // ADM2, lat, long, feature id.
    clean.assign(text(14));
    for (char& c : clean)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    const bool coords = sqlite3_column_type(q.st, 15) != SQLITE_NULL;
    buf += (coords ? "4\t" : "\t") + clean + "\t\t\t\t";
    if (coords)
      buf += fmt::format("{:.4f}\t{:.4f}\t", sqlite3_column_double(q.st, 15),
                         sqlite3_column_double(q.st, 16));
    else
      buf += "\t\t";
    if (sqlite3_column_type(q.st, 17) != SQLITE_NULL)
      buf += std::to_string(sqlite3_column_int64(q.st, 17));
    buf += '\t';
    // DATEADDED: YYYYMMDDHHMMSS from the stored ISO timestamp.
    for (char c : text(18))
      if (c >= '0' && c <= '9') buf += c;
    buf += '\t';
    clean.assign(text(19));
    for (char& c : clean)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    buf += clean;
    buf += '\n';
    ++n;
    if (buf.size() >= kFlushAt && !Flush(&buf, out, error)) return -1;
  }
  if (rc != SQLITE_DONE) {
    *error = sqlite3_errmsg(db_);
    return -1;
  }
  return Flush(&buf, out, error) ? n : -1;
}

}  // namespace dyad
