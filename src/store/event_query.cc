#include "store/event_query.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/json_writer.h"
#include "core/strings.h"
#include "store/event_format.h"

namespace dyad {

namespace {

bool IsCode(std::string_view s, size_t max, bool allow_underscore) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (allow_underscore && c == '_');
    if (!ok) return false;
  }
  return true;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string NormalizeFilter(EventFilter* f) {
  for (auto* d : {&f->from, &f->to}) {
    if (d->empty()) continue;
    std::string n = NormalizeDate(*d);
    if (n.empty() || !IsIsoDate(n)) return "dates must be YYYY-MM-DD, got '" + *d + "'";
    *d = n;
  }
  f->country = Upper(f->country);
  if (!f->country.empty() && !(f->country.size() == 3 && IsCode(f->country, 3, false)))
    return "country must be an ISO 3166-1 alpha-3 code such as RUS, got '" + f->country + "'";
  for (auto* c : {&f->actor, &f->source, &f->target}) {
    *c = Upper(*c);
    if (!c->empty() && !IsCode(*c, 32, false))
      return "actor codes are letters and digits (RUS, RUSGOV, IGOUNO), got '" + *c + "'";
  }
  if (!f->root.empty()) {
    if (!IsDigits(f->root) || f->root.size() > 2)
      return "root must be 01..20, got '" + f->root + "'";
    if (f->root.size() == 1) f->root = "0" + f->root;
    const int r = std::stoi(f->root);
    if (r < 1 || r > 20) return "root must be 01..20, got '" + f->root + "'";
  }
  if (!f->cameo.empty() && (!IsDigits(f->cameo) || f->cameo.size() > 4))
    return "cameo must be a CAMEO code prefix of 1-4 digits, got '" + f->cameo + "'";
  if (f->quad_class < 0 || f->quad_class > 4) return "quad class must be 1..4";
  f->plover = Upper(f->plover);
  if (!f->plover.empty() && !IsCode(f->plover, 32, true))
    return "plover must be a PLOVER event type such as ASSAULT, got '" + f->plover + "'";
  if (f->text.size() > 500) return "the text query is longer than 500 bytes";
  if (!f->text.empty() && FtsQuery(f->text).empty()) f->text.clear();
  if (f->doc < 0) return "doc must be a positive document id";
  return "";
}

SqlClause EventWhere(const EventFilter& f, std::string_view alias) {
  SqlClause c;
  const std::string a(alias);
  std::string& sql = c.sql;
  auto param = [&](std::string v) {
    c.params.push_back(std::move(v));
    return "?" + std::to_string(c.params.size());
  };
  auto add = [&](const std::string& cond) {
    if (!sql.empty()) sql += " AND ";
    sql += cond;
  };
  if (!f.include_negated) add(a + ".negated=0");
  if (!f.from.empty()) add(a + ".date>=" + param(f.from));
  if (!f.to.empty()) add(a + ".date<=" + param(f.to));
  if (!f.country.empty()) {
    const std::string p = param(f.country);
    add("(" + a + ".source_country=" + p + " OR " + a + ".target_country=" + p + " OR " + a +
        ".location_country=" + p + ")");
  }
  // Code prefixes: a range on the indexed column instead of LIKE, so '%' and '_' mean nothing.
  auto prefix = [&](const std::string& col, const std::string& code) {
    const std::string lo = param(code);
    const std::string hi = param(code + "\x7f");
    return "(" + a + "." + col + ">=" + lo + " AND " + a + "." + col + "<" + hi + ")";
  };
  if (!f.actor.empty())
    add("(" + prefix("source_code", f.actor) + " OR " + prefix("target_code", f.actor) + ")");
  if (!f.source.empty()) add(prefix("source_code", f.source));
  if (!f.target.empty()) add(prefix("target_code", f.target));
  if (!f.root.empty()) add(a + ".root=" + param(f.root));
  if (!f.cameo.empty()) add(prefix("cameo", f.cameo));
  if (f.quad_class > 0) add(a + ".quad_class=" + param(std::to_string(f.quad_class)));
  if (!f.plover.empty()) add(a + ".plover_event=" + param(f.plover));
  if (f.doc > 0) add(a + ".doc=" + param(std::to_string(f.doc)));
  if (!f.text.empty()) {
    add("(" + a + ".doc, " + a +
        ".sentence) IN (SELECT doc, idx FROM sentence_fts WHERE sentence_fts MATCH " +
        param(FtsQuery(f.text)) + ")");
  }
  if (sql.empty()) sql = "1";
  return c;
}

void BindParams(sqlite3_stmt* st, const std::vector<std::string>& params, int first) {
  for (size_t i = 0; i < params.size(); ++i)
    sqlite3_bind_text(st, first + static_cast<int>(i), params[i].data(),
                      static_cast<int>(params[i].size()), SQLITE_TRANSIENT);
}

std::string FtsQuery(std::string_view text) {
  std::string out;
  int words = 0;
  size_t i = 0;
  while (i < text.size() && words < 32) {
    auto word_char = [&](size_t k) {
      const auto c = static_cast<unsigned char>(text[k]);
      return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z');
    };
    if (!word_char(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && word_char(j)) ++j;
    if (!out.empty()) out += ' ';
    out += '"';
    out.append(text.substr(i, j - i));
    out += '"';
    if (j < text.size() && text[j] == '*') out += '*';
    ++words;
    i = j;
  }
  return out;
}

const char* const kStoredEventSelect =
    "SELECT e.id, coalesce(e.group_id,0), e.doc, d.doc_key, d.title, d.url, d.publisher, d.date,"
    " e.sentence, s.start, s.end, substr(d.text, s.start+1, s.end-s.start),"
    " e.date, e.date_source,"
    " e.source_code, e.source_text, e.source_start, e.source_end, e.source_country, ms.entry,"
    " e.target_code, e.target_text, e.target_start, e.target_end, e.target_country, mt.entry,"
    " e.verb_text, e.verb_start, e.verb_end, e.cameo, c.name, e.root, e.quad_class, e.goldstein,"
    " e.plover_event, e.plover_mode, e.plover_context, e.negated, e.confidence,"
    " e.attribution_text, e.attribution_code, e.location_name, e.location_country,"
    " e.location_lat, e.location_lon, e.location_geonameid, e.pattern, e.pattern_entry,"
    " e.place_idx, e.quote_idx, e.timex_idx, e.location_mention, coalesce(pl.text, "
    "e.location_name),"
    " tx.text, tx.value"
    " FROM events e JOIN documents d ON d.id=e.doc"
    " LEFT JOIN sentences s ON s.doc=e.doc AND s.idx=e.sentence"
    " LEFT JOIN mentions ms ON ms.doc=e.doc AND ms.idx=e.source_mention"
    " LEFT JOIN mentions mt ON mt.doc=e.doc AND mt.idx=e.target_mention"
    " LEFT JOIN places pl ON pl.doc=e.doc AND pl.idx=e.place_idx"
    " LEFT JOIN timexes tx ON tx.doc=e.doc AND tx.idx=e.timex_idx"
    " LEFT JOIN cameo_codes c ON c.code=e.cameo";

namespace {

void Text(sqlite3_stmt* st, int i, std::string* out) {
  const unsigned char* v = sqlite3_column_text(st, i);
  if (v)
    out->assign(reinterpret_cast<const char*>(v), sqlite3_column_bytes(st, i));
  else
    out->clear();
}

int IntOr(sqlite3_stmt* st, int i, int fallback) {
  return sqlite3_column_type(st, i) == SQLITE_NULL ? fallback : sqlite3_column_int(st, i);
}

}  // namespace

void ReadStoredEvent(sqlite3_stmt* st, StoredEvent* ev) {
  int k = 0;
  ev->id = sqlite3_column_int64(st, k++);
  ev->group_id = sqlite3_column_int64(st, k++);
  ev->doc = sqlite3_column_int64(st, k++);
  Text(st, k++, &ev->doc_key);
  Text(st, k++, &ev->title);
  Text(st, k++, &ev->url);
  Text(st, k++, &ev->publisher);
  Text(st, k++, &ev->doc_date);
  ev->sentence = sqlite3_column_int(st, k++);
  ev->sentence_start = sqlite3_column_int(st, k++);
  ev->sentence_end = sqlite3_column_int(st, k++);
  Text(st, k++, &ev->text);
  Text(st, k++, &ev->date);
  Text(st, k++, &ev->date_source);
  for (auto* a : {&ev->source, &ev->target}) {
    a->present = sqlite3_column_type(st, k + 2) != SQLITE_NULL;
    Text(st, k++, &a->code);
    Text(st, k++, &a->text);
    a->start = sqlite3_column_int(st, k++);
    a->end = sqlite3_column_int(st, k++);
    Text(st, k++, &a->country);
    Text(st, k++, &a->entry);
  }
  Text(st, k++, &ev->verb_text);
  ev->verb_start = sqlite3_column_int(st, k++);
  ev->verb_end = sqlite3_column_int(st, k++);
  Text(st, k++, &ev->cameo);
  Text(st, k++, &ev->cameo_name);
  Text(st, k++, &ev->root);
  ev->quad_class = sqlite3_column_int(st, k++);
  ev->goldstein = sqlite3_column_double(st, k++);
  Text(st, k++, &ev->plover_event);
  Text(st, k++, &ev->plover_mode);
  Text(st, k++, &ev->plover_context);
  if (ev->plover_context.empty()) ev->plover_context = "[]";
  ev->negated = sqlite3_column_int(st, k++) != 0;
  ev->confidence = sqlite3_column_double(st, k++);
  Text(st, k++, &ev->attribution_text);
  Text(st, k++, &ev->attribution_code);
  ev->has_location = sqlite3_column_type(st, k) != SQLITE_NULL;
  Text(st, k++, &ev->location_name);
  Text(st, k++, &ev->location_country);
  ev->has_coords = sqlite3_column_type(st, k) != SQLITE_NULL;
  ev->lat = sqlite3_column_double(st, k++);
  ev->lon = sqlite3_column_double(st, k++);
  ev->geonameid = sqlite3_column_int64(st, k++);
  Text(st, k++, &ev->pattern);
  Text(st, k++, &ev->pattern_entry);
  ev->place_idx = IntOr(st, k++, -1);
  ev->quote_idx = IntOr(st, k++, -1);
  ev->timex_idx = IntOr(st, k++, -1);
  ev->location_mention = IntOr(st, k++, -1);
  Text(st, k++, &ev->location_text);
  Text(st, k++, &ev->timex_text);
  Text(st, k++, &ev->timex_value);
}

namespace {

void ActorJson(JsonWriter& w, const StoredEvent::Actor& a, bool extended) {
  if (!a.present) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("text");
  w.String(a.text);
  w.Key("code");
  w.String(a.code);
  w.Key("start");
  w.Int(a.start);
  w.Key("end");
  w.Int(a.end);
  w.Key("entry");
  w.String(a.entry);
  if (extended) {
    w.Key("country");
    w.StringOrNull(a.country);
  }
  w.EndObject();
}

}  // namespace

const char* StoredEventCsvHeader(bool extended) {
  return extended
             ? "doc_id,sentence,date,source_code,source_text,verb,target_code,target_text,cameo,"
               "root,quad_class,goldstein,plover_event,plover_mode,negated,confidence,"
               "attribution_code,text,event_id,group_id,location_name,location_country,"
               "publisher,url\n"
             : "doc_id,sentence,date,source_code,source_text,verb,target_code,target_text,cameo,"
               "root,quad_class,goldstein,plover_event,plover_mode,negated,confidence,"
               "attribution_code,text\n";
}

void AppendStoredEventCsv(const StoredEvent& ev, bool extended, std::string* out) {
  auto field = [&](std::string_view v, bool last = false) {
    AppendCsvField(out, v);
    *out += last ? '\n' : ',';
  };
  field(ev.doc_key);
  field(std::to_string(ev.sentence));
  field(ev.date);
  field(ev.source.code);
  field(ev.source.text);
  field(ev.verb_text);
  field(ev.target.code);
  field(ev.target.text);
  field(ev.cameo);
  field(ev.root);
  field(std::to_string(ev.quad_class));
  field(fmt::format("{:.1f}", ev.goldstein));
  field(ev.plover_event);
  field(ev.plover_mode);
  field(ev.negated ? "true" : "false");
  field(fmt::format("{:.2f}", ev.confidence));
  field(ev.attribution_code);
  field(ev.text, !extended);
  if (!extended) return;
  field(std::to_string(ev.id));
  field(ev.group_id ? std::to_string(ev.group_id) : "");
  field(ev.location_name);
  field(ev.location_country);
  field(ev.publisher);
  field(ev.url, true);
}

void AppendStoredEventJson(const StoredEvent& ev, bool extended, std::string* out) {
  JsonWriter w(*out);
  w.BeginObject();
  if (extended) {
    w.Key("id");
    w.Int(ev.id);
    w.Key("group_id");
    if (ev.group_id)
      w.Int(ev.group_id);
    else
      w.Null();
    w.Key("doc");
    w.Int(ev.doc);
  }
  w.Key("doc_id");
  w.String(ev.doc_key);
  w.Key("sentence");
  w.Int(ev.sentence);
  w.Key("text");
  w.String(ev.text);
  w.Key("date");
  w.StringOrNull(ev.date);
  w.Key("date_source");
  w.StringOrNull(ev.date_source);
  // As `dyad code` prints it; the extended (API) form gives the timex index further on.
  if (!extended && ev.timex_idx >= 0) {
    w.Key("timex");
    w.BeginObject();
    w.Key("text");
    w.String(ev.timex_text);
    w.Key("value");
    w.String(ev.timex_value);
    w.EndObject();
  }
  w.Key("source");
  ActorJson(w, ev.source, extended);
  w.Key("target");
  ActorJson(w, ev.target, extended);
  w.Key("cameo");
  w.String(ev.cameo);
  w.Key("root");
  w.String(ev.root);
  w.Key("quad_class");
  w.Int(ev.quad_class);
  w.Key("goldstein");
  w.Double(ev.goldstein, 2);
  w.Key("plover");
  w.BeginObject();
  w.Key("event");
  w.String(ev.plover_event);
  w.Key("mode");
  w.String(ev.plover_mode);
  w.Key("context");
  w.Raw(ev.plover_context);
  w.EndObject();
  w.Key("verb");
  w.BeginObject();
  w.Key("text");
  w.String(ev.verb_text);
  w.Key("start");
  w.Int(ev.verb_start);
  w.Key("end");
  w.Int(ev.verb_end);
  w.EndObject();
  w.Key("location");
  if (ev.has_location) {
    w.BeginObject();
    w.Key("name");
    w.String(ev.location_name);
    w.Key("text");
    w.String(ev.location_text);
    w.Key("country");
    w.String(ev.location_country);
    w.Key("lat");
    if (ev.has_coords)
      w.Double(ev.lat, 4);
    else
      w.Null();
    w.Key("lon");
    if (ev.has_coords)
      w.Double(ev.lon, 4);
    else
      w.Null();
    w.Key("geonameid");
    if (ev.geonameid > 0)
      w.Int(ev.geonameid);
    else
      w.Null();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("attribution");
  if (!ev.attribution_text.empty()) {
    w.BeginObject();
    w.Key("speaker");
    w.String(ev.attribution_text);
    w.Key("code");
    w.String(ev.attribution_code);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("negated");
  w.Bool(ev.negated);
  w.Key("confidence");
  w.Double(ev.confidence, 2);
  w.Key("evidence");
  w.BeginObject();
  w.Key("pattern");
  w.String(ev.pattern);
  w.Key("entry");
  w.String(ev.pattern_entry);
  w.Key("sentence_start");
  w.Int(ev.sentence_start);
  w.Key("sentence_end");
  w.Int(ev.sentence_end);
  w.EndObject();
  if (extended) {
    w.Key("cameo_name");
    w.StringOrNull(ev.cameo_name);
    w.Key("title");
    w.StringOrNull(ev.title);
    w.Key("publisher");
    w.StringOrNull(ev.publisher);
    w.Key("url");
    w.StringOrNull(ev.url);
    w.Key("place");
    if (ev.place_idx >= 0)
      w.Int(ev.place_idx);
    else
      w.Null();
    w.Key("quote");
    if (ev.quote_idx >= 0)
      w.Int(ev.quote_idx);
    else
      w.Null();
    w.Key("timex");
    if (ev.timex_idx >= 0)
      w.Int(ev.timex_idx);
    else
      w.Null();
    w.Key("location_mention");
    if (ev.location_mention >= 0)
      w.Int(ev.location_mention);
    else
      w.Null();
  }
  w.EndObject();
}

}  // namespace dyad
