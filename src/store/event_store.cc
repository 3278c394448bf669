#include "store/event_store.h"

#include <sqlite3.h>

#include <ctime>
#include <filesystem>
#include <stdexcept>

#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "dict/dictionary.h"
#include "store/event_format.h"

namespace dyad {

namespace {

// Each entry migrates the schema from version i to i+1. Append, never edit.
const char* kMigrations[] = {
    R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,          -- the input's id (or file name / file:line)
  hash TEXT NOT NULL UNIQUE,      -- content hash: text + date; makes ingest idempotent
  url TEXT, title TEXT, publisher TEXT,
  date TEXT,                      -- publication date, YYYY-MM-DD
  text TEXT NOT NULL,             -- extracted text; all offsets are code points into it
  meta TEXT,                      -- other input fields, as a JSON object
  n_sentences INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX documents_key ON documents(doc_key);
CREATE TABLE sentences (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE mentions (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, code TEXT, kind TEXT, entry TEXT,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  date TEXT, date_source TEXT,
  source_code TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,
  target_code TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER,
  verb_text TEXT, verb_start INTEGER, verb_end INTEGER,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL,
  plover_event TEXT, plover_mode TEXT,
  negated INTEGER NOT NULL DEFAULT 0, confidence REAL,
  attribution_text TEXT, attribution_code TEXT,
  location_name TEXT, location_country TEXT,
  pattern TEXT, pattern_entry TEXT
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(source_code, target_code);
CREATE INDEX events_root ON events(root);
CREATE TABLE cameo_codes (code TEXT PRIMARY KEY, name TEXT, goldstein REAL, quad_class INTEGER)
  WITHOUT ROWID;
)sql",
    // v2: events grouped across articles as GDELT counts them, quotes, places and time
    // expressions, derived actor countries, and full-text search over sentences. Rows stored
    // by v1 are carried over (groups, countries and the search index are rebuilt from them).
    R"sql(
ALTER TABLE documents ADD COLUMN source_key TEXT;    -- publisher or site, for NumSources
ALTER TABLE documents ADD COLUMN n_events INTEGER;   -- events stored with it (integrity)
ALTER TABLE documents ADD COLUMN n_mentions INTEGER;
UPDATE documents SET
  source_key = CASE
    WHEN coalesce(publisher, '') <> '' THEN lower(publisher)
    WHEN instr(url, '://') > 0 THEN lower(substr(substr(url, instr(url, '://') + 3), 1,
      CASE WHEN instr(substr(url, instr(url, '://') + 3), '/') > 0
           THEN instr(substr(url, instr(url, '://') + 3), '/') - 1 ELSE length(url) END))
    ELSE '' END,
  n_events = (SELECT count(*) FROM events e WHERE e.doc = documents.id),
  n_mentions = (SELECT count(*) FROM mentions m WHERE m.doc = documents.id);
UPDATE documents SET source_key = substr(source_key, 5) WHERE source_key LIKE 'www.%';

CREATE TABLE event_groups (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,              -- the events' date, '' when unknown
  source_code TEXT NOT NULL,      -- '' when absent
  target_code TEXT NOT NULL,      -- '' when absent
  cameo TEXT NOT NULL,
  place TEXT NOT NULL,            -- where: geonameid, else country:name, '' when unknown
  root TEXT, quad_class INTEGER, goldstein REAL,
  source_country TEXT, target_country TEXT,
  location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
  location_geonameid INTEGER,
  num_mentions INTEGER NOT NULL DEFAULT 0,  -- events (mentions) in the group
  num_sources INTEGER NOT NULL DEFAULT 0,   -- distinct publishers / sites
  num_articles INTEGER NOT NULL DEFAULT 0,  -- distinct documents
  is_root INTEGER NOT NULL DEFAULT 0,       -- some mention is in an article's first sentence
  first_seen TEXT, last_seen TEXT,          -- earliest and latest article date
  added_at TEXT,                            -- when the group was first stored
  UNIQUE (day, source_code, target_code, cameo, place)
);
CREATE INDEX event_groups_day ON event_groups(day);
CREATE TABLE event_group_articles (
  group_id INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (group_id, doc)) WITHOUT ROWID;
CREATE TABLE event_group_sources (
  group_id INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (group_id, source)) WITHOUT ROWID;

ALTER TABLE events ADD COLUMN group_id INTEGER;       -- event_groups.id; NULL when negated
ALTER TABLE events ADD COLUMN source_country TEXT;    -- country part of source_code
ALTER TABLE events ADD COLUMN target_country TEXT;
ALTER TABLE events ADD COLUMN source_mention INTEGER; -- mentions.idx of source and target
ALTER TABLE events ADD COLUMN target_mention INTEGER;
ALTER TABLE events ADD COLUMN location_mention INTEGER;
ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_geonameid INTEGER;
ALTER TABLE events ADD COLUMN plover_context TEXT;    -- JSON array
ALTER TABLE events ADD COLUMN place_idx INTEGER;      -- places.idx, quotes.idx, timexes.idx
ALTER TABLE events ADD COLUMN quote_idx INTEGER;
ALTER TABLE events ADD COLUMN timex_idx INTEGER;

UPDATE events SET
  source_country = CASE WHEN source_code GLOB '[A-Z][A-Z][A-Z]*' AND substr(source_code, 1, 3)
    NOT IN ('GOV','MIL','REB','OPP','POL','JUD','MED','BUS','CVL','EDU','REL','COP','LEG','ELI',
            'LAB','HLH','REF','CRM','SPY','AGR','ENV','HRI','INS','MOD','RAD','UAF','SEP','NGO',
            'IGO','PTY','SET','IMG','MNC','NGM','UIS','CHR','MUS','JEW','BUD','HIN','DEV')
    THEN substr(source_code, 1, 3) END,
  target_country = CASE WHEN target_code GLOB '[A-Z][A-Z][A-Z]*' AND substr(target_code, 1, 3)
    NOT IN ('GOV','MIL','REB','OPP','POL','JUD','MED','BUS','CVL','EDU','REL','COP','LEG','ELI',
            'LAB','HLH','REF','CRM','SPY','AGR','ENV','HRI','INS','MOD','RAD','UAF','SEP','NGO',
            'IGO','PTY','SET','IMG','MNC','NGM','UIS','CHR','MUS','JEW','BUD','HIN','DEV')
    THEN substr(target_code, 1, 3) END,
  source_mention = (SELECT min(m.idx) FROM mentions m WHERE m.doc = events.doc
                    AND m.start = events.source_start AND m.end = events.source_end),
  target_mention = (SELECT min(m.idx) FROM mentions m WHERE m.doc = events.doc
                    AND m.start = events.target_start AND m.end = events.target_end);

INSERT INTO event_groups(day, source_code, target_code, cameo, place, root, quad_class,
    goldstein, source_country, target_country, location_name, location_country, num_mentions,
    is_root, first_seen, last_seen, added_at)
  SELECT coalesce(e.date, ''), coalesce(e.source_code, ''), coalesce(e.target_code, ''), e.cameo,
    CASE WHEN e.location_name IS NULL THEN ''
         ELSE coalesce(e.location_country, '') || ':' || lower(e.location_name) END,
    min(e.root), min(e.quad_class), min(e.goldstein), min(e.source_country),
    min(e.target_country), min(e.location_name), min(e.location_country), count(*),
    max(e.sentence = 0), min(coalesce(d.date, substr(d.added_at, 1, 10))),
    max(coalesce(d.date, substr(d.added_at, 1, 10))), min(d.added_at)
  FROM events e JOIN documents d ON d.id = e.doc
  WHERE e.negated = 0
  GROUP BY 1, 2, 3, 4, 5 ORDER BY min(e.id);
UPDATE events SET group_id = (SELECT g.id FROM event_groups g WHERE
    g.day = coalesce(events.date, '') AND g.source_code = coalesce(events.source_code, '') AND
    g.target_code = coalesce(events.target_code, '') AND g.cameo = events.cameo AND
    g.place = CASE WHEN events.location_name IS NULL THEN '' ELSE
      coalesce(events.location_country, '') || ':' || lower(events.location_name) END)
  WHERE negated = 0;
INSERT OR IGNORE INTO event_group_articles SELECT group_id, doc FROM events
  WHERE group_id IS NOT NULL;
INSERT OR IGNORE INTO event_group_sources SELECT e.group_id, d.source_key FROM events e
  JOIN documents d ON d.id = e.doc WHERE e.group_id IS NOT NULL;
UPDATE event_groups SET
  num_articles = (SELECT count(*) FROM event_group_articles a WHERE a.group_id = event_groups.id),
  num_sources = (SELECT count(*) FROM event_group_sources s WHERE s.group_id = event_groups.id);

CREATE INDEX events_group ON events(group_id);
CREATE INDEX events_source_country ON events(source_country, negated, date);
CREATE INDEX events_target_country ON events(target_country, negated, date);
CREATE INDEX events_location_country ON events(location_country, negated, date);
CREATE INDEX events_plover ON events(plover_event);
CREATE INDEX events_live ON events(negated, date);   -- newest events first, and their count
CREATE INDEX events_doc_sentence ON events(doc, sentence);

CREATE TABLE quotes (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  direct INTEGER NOT NULL,
  speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_code TEXT,
  speaker_name TEXT,
  cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
  addressee_text TEXT, addressee_code TEXT,
  content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE places (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT, country TEXT, admin1 TEXT, feature TEXT, lat REAL, lon REAL, geonameid INTEGER,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE timexes (
  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  type TEXT, value TEXT, mod TEXT,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- Full-text search over sentences (rowid is not used; doc and idx locate the sentence).
CREATE VIRTUAL TABLE sentence_fts USING fts5(
  text, doc UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO sentence_fts(text, doc, idx)
  SELECT substr(d.text, s.start + 1, s.end - s.start), s.doc, s.idx
  FROM sentences s JOIN documents d ON d.id = s.doc;
)sql",
};

void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(msg);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db));
  return st;
}

void BindText(sqlite3_stmt* st, int i, std::string_view v) {
  if (v.empty())
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void Step(sqlite3* db, sqlite3_stmt* st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
}

}  // namespace

struct EventStore::Statements {
  sqlite3_stmt* find = nullptr;
  sqlite3_stmt* doc = nullptr;
  sqlite3_stmt* sentence = nullptr;
  sqlite3_stmt* fts = nullptr;
  sqlite3_stmt* mention = nullptr;
  sqlite3_stmt* quote = nullptr;
  sqlite3_stmt* place = nullptr;
  sqlite3_stmt* timex = nullptr;
  sqlite3_stmt* group = nullptr;
  sqlite3_stmt* group_article = nullptr;
  sqlite3_stmt* group_source = nullptr;
  sqlite3_stmt* group_counts = nullptr;
  sqlite3_stmt* event = nullptr;
  ~Statements() {
    for (auto* s : {find, doc, sentence, fts, mention, quote, place, timex, group, group_article,
                    group_source, group_counts, event})
      sqlite3_finalize(s);
  }
};

int EventStore::schema_version() {
  return static_cast<int>(std::size(kMigrations));
}

std::unique_ptr<EventStore> EventStore::Open(const std::string& path, bool read_only,
                                             std::string* error) {
  auto store = std::unique_ptr<EventStore>(new EventStore());
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &store->db_, flags, nullptr) != SQLITE_OK) {
    *error = store->db_ ? sqlite3_errmsg(store->db_) : "cannot open database";
    return nullptr;
  }
  sqlite3_busy_timeout(store->db_, 10000);
  try {
    if (read_only) {
      Exec(store->db_, "PRAGMA query_only=1;");
      int version = 0;
      sqlite3_stmt* st = Prepare(store->db_, "PRAGMA user_version");
      if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
      sqlite3_finalize(st);
      if (version == 0) {
        *error = "not a dyad database (no schema)";
        return nullptr;
      }
    } else {
      Exec(store->db_,
           "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
      store->Migrate();
      store->st_ = std::make_unique<Statements>();
      auto& s = *store->st_;
      s.find = Prepare(store->db_, "SELECT id FROM documents WHERE hash=?");
      s.doc = Prepare(store->db_,
                      "INSERT INTO documents(doc_key,hash,url,title,publisher,date,text,meta,"
                      "n_sentences,added_at,source_key,n_events,n_mentions) "
                      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
      s.sentence = Prepare(store->db_, "INSERT INTO sentences VALUES(?,?,?,?)");
      s.fts = Prepare(store->db_, "INSERT INTO sentence_fts(text,doc,idx) VALUES(?,?,?)");
      s.mention = Prepare(store->db_, "INSERT INTO mentions VALUES(?,?,?,?,?,?,?,?)");
      s.quote = Prepare(store->db_, "INSERT INTO quotes VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      s.place = Prepare(store->db_, "INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
      s.timex = Prepare(store->db_, "INSERT INTO timexes VALUES(?,?,?,?,?,?,?,?)");
      s.group = Prepare(
          store->db_,
          "INSERT INTO event_groups(day,source_code,target_code,cameo,place,root,quad_class,"
          "goldstein,source_country,target_country,location_name,location_country,location_lat,"
          "location_lon,location_geonameid,is_root,first_seen,last_seen,added_at,num_mentions) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?17,?18,1) "
          "ON CONFLICT(day,source_code,target_code,cameo,place) DO UPDATE SET "
          "num_mentions=num_mentions+1, is_root=max(is_root,excluded.is_root), "
          "first_seen=min(first_seen,excluded.first_seen), "
          "last_seen=max(last_seen,excluded.last_seen) RETURNING id");
      s.group_article =
          Prepare(store->db_, "INSERT OR IGNORE INTO event_group_articles VALUES(?,?)");
      s.group_source = Prepare(store->db_, "INSERT OR IGNORE INTO event_group_sources VALUES(?,?)");
      s.group_counts = Prepare(store->db_,
                               "UPDATE event_groups SET num_articles=num_articles+?2,"
                               "num_sources=num_sources+?3 WHERE id=?1");
      s.event = Prepare(
          store->db_,
          "INSERT INTO events(doc,sentence,date,date_source,source_code,source_text,source_start,"
          "source_end,target_code,target_text,target_start,target_end,verb_text,verb_start,"
          "verb_end,cameo,root,quad_class,goldstein,plover_event,plover_mode,negated,confidence,"
          "attribution_text,attribution_code,location_name,location_country,pattern,pattern_entry,"
          "group_id,source_country,target_country,source_mention,target_mention,"
          "location_mention,location_lat,location_lon,location_geonameid,plover_context,"
          "place_idx,quote_idx,timex_idx) "
          "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
          "?,?)");
    }
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
  return store;
}

std::unique_ptr<EventStore> EventStore::OpenExisting(const std::string& path, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    *error = "no such database";
    return nullptr;
  }
  auto store = Open(path, /*read_only=*/true, error);
  if (!store) return nullptr;
  int version = 0;
  sqlite3_stmt* st = Prepare(store->db_, "PRAGMA user_version");
  if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (version < schema_version()) {
    store.reset();
    if (!Open(path, /*read_only=*/false, error)) return nullptr;
    store = Open(path, /*read_only=*/true, error);
  } else if (version > schema_version()) {
    *error = "database schema v" + std::to_string(version) + " is newer than this dyad (v" +
             std::to_string(schema_version()) + ")";
    return nullptr;
  }
  return store;
}

EventStore::~EventStore() {
  st_.reset();
  if (db_) sqlite3_close(db_);
}

bool EventStore::CreateAtVersion(const std::string& path, int version, std::string* error) {
  EventStore store;
  if (sqlite3_open_v2(path.c_str(), &store.db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    *error = sqlite3_errmsg(store.db_);
    return false;
  }
  try {
    Exec(store.db_, "PRAGMA journal_mode=WAL;");
    store.Migrate(version);
  } catch (const std::exception& e) {
    *error = e.what();
    return false;
  }
  return true;
}

void EventStore::Migrate(int target) {
  if (target < 0 || target > schema_version()) target = schema_version();
  int version = 0;
  sqlite3_stmt* st = Prepare(db_, "PRAGMA user_version");
  if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (version > schema_version())
    throw std::runtime_error("database schema v" + std::to_string(version) +
                             " is newer than this dyad (v" + std::to_string(schema_version()) +
                             ")");
  for (int v = version; v < target; ++v) {
    Exec(db_, "BEGIN IMMEDIATE");
    Exec(db_, kMigrations[v]);
    Exec(db_, ("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    Exec(db_, "COMMIT");
  }
}

void EventStore::Begin() {
  Exec(db_, "BEGIN IMMEDIATE");
}
void EventStore::Commit() {
  Exec(db_, "COMMIT");
}

std::string EventStore::DocumentHash(const Document& doc) {
  return ContentHash(doc.text + '\x1f' + doc.date);
}

void EventStore::AddCodeNames(const Dictionary& dict) {
  sqlite3_stmt* st = Prepare(db_,
                             "INSERT OR REPLACE INTO cameo_codes(code,name,goldstein,quad_class) "
                             "VALUES(?,?,?,?)");
  Exec(db_, "BEGIN IMMEDIATE");
  for (const auto& [code, row] : dict.cameo_table()) {
    BindText(st, 1, code);
    BindText(st, 2, row.name);
    sqlite3_bind_double(st, 3, row.goldstein);
    sqlite3_bind_int(st, 4, row.quad_class);
    Step(db_, st);
  }
  Exec(db_, "COMMIT");
  sqlite3_finalize(st);
}

std::string EventStore::SourceKey(const Document& doc) {
  std::string key;
  if (!doc.publisher.empty()) {
    key = AsciiLower(doc.publisher);
  } else if (size_t p = doc.url.find("://"); p != std::string::npos) {
    std::string_view rest = std::string_view(doc.url).substr(p + 3);
    key = AsciiLower(rest.substr(0, rest.find('/')));
  }
  if (StartsWith(key, "www.")) key.erase(0, 4);
  return key;
}

namespace {

void BindIndex(sqlite3_stmt* st, int i, int idx) {
  if (idx >= 0)
    sqlite3_bind_int(st, i, idx);
  else
    sqlite3_bind_null(st, i);
}

}  // namespace

bool EventStore::Add(const Document& doc) {
  auto& s = *st_;
  const std::string hash = DocumentHash(doc);
  BindText(s.find, 1, hash);
  bool exists = sqlite3_step(s.find) == SQLITE_ROW;
  sqlite3_reset(s.find);
  sqlite3_clear_bindings(s.find);
  if (exists) return false;

  std::string meta = "{";
  for (size_t i = 0; i < doc.meta.size(); ++i) {
    if (i) meta += ',';
    meta += '"' + doc.meta[i].first + "\":" + doc.meta[i].second;
  }
  meta += '}';
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char added[32];
  std::strftime(added, sizeof added, "%Y-%m-%dT%H:%M:%SZ", &tm);
  const std::string source_key = SourceKey(doc);
  const std::string seen = doc.date.empty() ? std::string(added, 10) : doc.date;

  BindText(s.doc, 1, doc.id);
  BindText(s.doc, 2, hash);
  BindText(s.doc, 3, doc.url);
  BindText(s.doc, 4, doc.title);
  BindText(s.doc, 5, doc.publisher);
  BindText(s.doc, 6, doc.date);
  sqlite3_bind_text(s.doc, 7, doc.text.data(), static_cast<int>(doc.text.size()), SQLITE_STATIC);
  BindText(s.doc, 8, meta);
  sqlite3_bind_int(s.doc, 9, static_cast<int>(doc.sentences.size()));
  BindText(s.doc, 10, added);
  sqlite3_bind_text(s.doc, 11, source_key.data(), static_cast<int>(source_key.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int(s.doc, 12, static_cast<int>(doc.events.size()));
  sqlite3_bind_int(s.doc, 13, static_cast<int>(doc.actors.size()));
  Step(db_, s.doc);
  const sqlite3_int64 id = sqlite3_last_insert_rowid(db_);

  CodepointIndex cp(doc.text);
  auto bind_span = [&](sqlite3_stmt* st, int i, Span span) {
    sqlite3_bind_int(st, i, static_cast<int>(cp(span.start)));
    sqlite3_bind_int(st, i + 1, static_cast<int>(cp(span.end)));
  };
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    sqlite3_bind_int64(s.sentence, 1, id);
    sqlite3_bind_int(s.sentence, 2, static_cast<int>(i));
    bind_span(s.sentence, 3, doc.sentences[i].span);
    Step(db_, s.sentence);
    BindText(s.fts, 1, doc.slice(doc.sentences[i].span));
    sqlite3_bind_int64(s.fts, 2, id);
    sqlite3_bind_int(s.fts, 3, static_cast<int>(i));
    Step(db_, s.fts);
  }
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const auto& a = doc.actors[i];
    sqlite3_bind_int64(s.mention, 1, id);
    sqlite3_bind_int(s.mention, 2, static_cast<int>(i));
    bind_span(s.mention, 3, a.span);
    BindText(s.mention, 5, doc.slice(a.span));
    BindText(s.mention, 6, a.code);
    BindText(s.mention, 7, a.kind);
    BindText(s.mention, 8, a.entry);
    Step(db_, s.mention);
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    auto* st = s.quote;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, static_cast<int>(i));
    sqlite3_bind_int(st, 3, q.direct ? 1 : 0);
    Span speaker = q.speaker_span;
    if (speaker.empty() && q.speaker >= 0) speaker = doc.actors[q.speaker].span;
    if (!speaker.empty()) {
      bind_span(st, 4, speaker);
      BindText(st, 6, doc.slice(speaker));
    }
    if (q.speaker >= 0) BindText(st, 7, doc.actors[q.speaker].code);
    BindText(st, 8, q.speaker_name);
    if (!q.cue.empty()) {
      bind_span(st, 9, q.cue);
      BindText(st, 11, doc.slice(q.cue));
    }
    if (q.addressee >= 0) {
      BindText(st, 12, doc.slice(doc.actors[q.addressee].span));
      BindText(st, 13, doc.actors[q.addressee].code);
    }
    bind_span(st, 14, q.content);
    Step(db_, st);
  }
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const Place& p = doc.places[i];
    auto* st = s.place;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, static_cast<int>(i));
    bind_span(st, 3, p.span);
    BindText(st, 5, doc.slice(p.span));
    BindText(st, 6, p.name);
    BindText(st, 7, p.country);
    BindText(st, 8, p.admin1);
    BindText(st, 9, p.feature);
    if (p.lat != 0.0 || p.lon != 0.0) {
      sqlite3_bind_double(st, 10, p.lat);
      sqlite3_bind_double(st, 11, p.lon);
    }
    if (p.geonameid > 0) sqlite3_bind_int64(st, 12, p.geonameid);
    Step(db_, st);
  }
  for (size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    auto* st = s.timex;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, static_cast<int>(i));
    bind_span(st, 3, t.span);
    BindText(st, 5, doc.slice(t.span));
    BindText(st, 6, t.type);
    BindText(st, 7, t.value);
    BindText(st, 8, t.mod);
    Step(db_, st);
  }
  for (const Event& e : doc.events) {
    const std::string source_code = e.source >= 0 ? doc.actors[e.source].code : "";
    const std::string target_code = e.target >= 0 ? doc.actors[e.target].code : "";
    const std::string source_country = ActorCountry(source_code);
    const std::string target_country = ActorCountry(target_code);
    const EventPlace place = PlaceOf(doc, e);

    // The group this mention belongs to (same day, dyad, code and place), counted as GDELT
    // counts mentions, sources and articles. Negated events belong to no group.
    sqlite3_int64 group = 0;
    if (!e.negated) {
      auto* st = s.group;
      sqlite3_bind_text(st, 1, e.date.data(), static_cast<int>(e.date.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, source_code.data(), static_cast<int>(source_code.size()),
                        SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 3, target_code.data(), static_cast<int>(target_code.size()),
                        SQLITE_TRANSIENT);
      BindText(st, 4, e.cameo);
      sqlite3_bind_text(st, 5, place.key.data(), static_cast<int>(place.key.size()),
                        SQLITE_TRANSIENT);
      BindText(st, 6, e.root);
      sqlite3_bind_int(st, 7, e.quad_class);
      sqlite3_bind_double(st, 8, e.goldstein);
      BindText(st, 9, source_country);
      BindText(st, 10, target_country);
      BindText(st, 11, place.name);
      BindText(st, 12, place.country);
      if (place.has_coords) {
        sqlite3_bind_double(st, 13, place.lat);
        sqlite3_bind_double(st, 14, place.lon);
      }
      if (place.geonameid > 0) sqlite3_bind_int64(st, 15, place.geonameid);
      sqlite3_bind_int(st, 16, e.sentence == 0 ? 1 : 0);
      BindText(st, 17, seen);
      BindText(st, 18, added);
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) group = sqlite3_column_int64(st, 0);
      while (rc == SQLITE_ROW) rc = sqlite3_step(st);
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
      if (rc != SQLITE_DONE || group == 0) throw std::runtime_error(sqlite3_errmsg(db_));
      sqlite3_bind_int64(s.group_article, 1, group);
      sqlite3_bind_int64(s.group_article, 2, id);
      Step(db_, s.group_article);
      const int new_article = sqlite3_changes(db_);
      sqlite3_bind_int64(s.group_source, 1, group);
      sqlite3_bind_text(s.group_source, 2, source_key.data(), static_cast<int>(source_key.size()),
                        SQLITE_TRANSIENT);
      Step(db_, s.group_source);
      const int new_source = sqlite3_changes(db_);
      if (new_article || new_source) {
        sqlite3_bind_int64(s.group_counts, 1, group);
        sqlite3_bind_int(s.group_counts, 2, new_article);
        sqlite3_bind_int(s.group_counts, 3, new_source);
        Step(db_, s.group_counts);
      }
    }

    auto* st = s.event;
    int k = 1;
    sqlite3_bind_int64(st, k++, id);
    sqlite3_bind_int(st, k++, static_cast<int>(e.sentence));
    BindText(st, k++, e.date);
    BindText(st, k++, e.date_source);
    for (int m : {e.source, e.target}) {
      if (m >= 0) {
        const auto& a = doc.actors[m];
        BindText(st, k++, a.code);
        BindText(st, k++, doc.slice(a.span));
        bind_span(st, k, a.span);
        k += 2;
      } else {
        k += 4;
      }
    }
    BindText(st, k++, doc.slice(e.verb));
    bind_span(st, k, e.verb);
    k += 2;
    BindText(st, k++, e.cameo);
    BindText(st, k++, e.root);
    sqlite3_bind_int(st, k++, e.quad_class);
    sqlite3_bind_double(st, k++, e.goldstein);
    BindText(st, k++, e.plover_event);
    BindText(st, k++, e.plover_mode);
    sqlite3_bind_int(st, k++, e.negated ? 1 : 0);
    sqlite3_bind_double(st, k++, e.confidence);
    if (e.attribution >= 0) {
      BindText(st, k++, doc.slice(doc.actors[e.attribution].span));
      BindText(st, k++, doc.actors[e.attribution].code);
    } else {
      k += 2;
    }
    BindText(st, k++, place.name);
    BindText(st, k++, place.country);
    BindText(st, k++, e.pattern);
    BindText(st, k++, e.pattern_entry);
    if (group) sqlite3_bind_int64(st, k, group);
    ++k;
    BindText(st, k++, source_country);
    BindText(st, k++, target_country);
    BindIndex(st, k++, e.source);
    BindIndex(st, k++, e.target);
    BindIndex(st, k++, e.location);
    if (place.has_coords) {
      sqlite3_bind_double(st, k, place.lat);
      sqlite3_bind_double(st, k + 1, place.lon);
    }
    k += 2;
    if (place.geonameid > 0) sqlite3_bind_int64(st, k, place.geonameid);
    ++k;
    std::string context;
    {
      JsonWriter w(context);
      w.BeginArray();
      for (const auto& c : e.plover_context) w.String(c);
      w.EndArray();
    }
    BindText(st, k++, context);
    BindIndex(st, k++, e.place);
    BindIndex(st, k++, e.quote);
    BindIndex(st, k++, e.timex);
    Step(db_, st);
  }
  return true;
}

}  // namespace dyad
