#include "store/event_store.h"

#include <sqlite3.h>

#include <ctime>
#include <stdexcept>

#include "core/strings.h"
#include "core/utf8.h"
#include "dict/dictionary.h"

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
  if (v.empty()) sqlite3_bind_null(st, i);
  else sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
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
  sqlite3_stmt* mention = nullptr;
  sqlite3_stmt* event = nullptr;
  ~Statements() {
    for (auto* s : {find, doc, sentence, mention, event}) sqlite3_finalize(s);
  }
};

int EventStore::schema_version() { return static_cast<int>(std::size(kMigrations)); }

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
      Exec(store->db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
      store->Migrate();
      store->st_ = std::make_unique<Statements>();
      auto& s = *store->st_;
      s.find = Prepare(store->db_, "SELECT id FROM documents WHERE hash=?");
      s.doc = Prepare(store->db_,
                      "INSERT INTO documents(doc_key,hash,url,title,publisher,date,text,meta,"
                      "n_sentences,added_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
      s.sentence = Prepare(store->db_, "INSERT INTO sentences VALUES(?,?,?,?)");
      s.mention = Prepare(store->db_, "INSERT INTO mentions VALUES(?,?,?,?,?,?,?,?)");
      s.event = Prepare(
          store->db_,
          "INSERT INTO events(doc,sentence,date,date_source,source_code,source_text,source_start,"
          "source_end,target_code,target_text,target_start,target_end,verb_text,verb_start,"
          "verb_end,cameo,root,quad_class,goldstein,plover_event,plover_mode,negated,confidence,"
          "attribution_text,attribution_code,location_name,location_country,pattern,pattern_entry) "
          "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
  return store;
}

EventStore::~EventStore() {
  st_.reset();
  if (db_) sqlite3_close(db_);
}

void EventStore::Migrate() {
  int version = 0;
  sqlite3_stmt* st = Prepare(db_, "PRAGMA user_version");
  if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (version > schema_version())
    throw std::runtime_error("database schema v" + std::to_string(version) +
                             " is newer than this dyad (v" + std::to_string(schema_version()) +
                             ")");
  for (int v = version; v < schema_version(); ++v) {
    Exec(db_, "BEGIN IMMEDIATE");
    Exec(db_, kMigrations[v]);
    Exec(db_, ("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    Exec(db_, "COMMIT");
  }
}

void EventStore::Begin() { Exec(db_, "BEGIN IMMEDIATE"); }
void EventStore::Commit() { Exec(db_, "COMMIT"); }

std::string EventStore::DocumentHash(const Document& doc) {
  return ContentHash(doc.text + '\x1f' + doc.date);
}

void EventStore::AddCodeNames(const Dictionary& dict) {
  sqlite3_stmt* st =
      Prepare(db_, "INSERT OR REPLACE INTO cameo_codes(code,name,goldstein,quad_class) "
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
  Step(db_, s.doc);
  const sqlite3_int64 id = sqlite3_last_insert_rowid(db_);

  CodepointIndex cp(doc.text);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    sqlite3_bind_int64(s.sentence, 1, id);
    sqlite3_bind_int(s.sentence, 2, static_cast<int>(i));
    sqlite3_bind_int(s.sentence, 3, static_cast<int>(cp(doc.sentences[i].span.start)));
    sqlite3_bind_int(s.sentence, 4, static_cast<int>(cp(doc.sentences[i].span.end)));
    Step(db_, s.sentence);
  }
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const auto& a = doc.actors[i];
    sqlite3_bind_int64(s.mention, 1, id);
    sqlite3_bind_int(s.mention, 2, static_cast<int>(i));
    sqlite3_bind_int(s.mention, 3, static_cast<int>(cp(a.span.start)));
    sqlite3_bind_int(s.mention, 4, static_cast<int>(cp(a.span.end)));
    BindText(s.mention, 5, doc.slice(a.span));
    BindText(s.mention, 6, a.code);
    BindText(s.mention, 7, a.kind);
    BindText(s.mention, 8, a.entry);
    Step(db_, s.mention);
  }
  for (const Event& e : doc.events) {
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
        sqlite3_bind_int(st, k++, static_cast<int>(cp(a.span.start)));
        sqlite3_bind_int(st, k++, static_cast<int>(cp(a.span.end)));
      } else {
        k += 4;
      }
    }
    BindText(st, k++, doc.slice(e.verb));
    sqlite3_bind_int(st, k++, static_cast<int>(cp(e.verb.start)));
    sqlite3_bind_int(st, k++, static_cast<int>(cp(e.verb.end)));
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
    if (e.location >= 0) {
      BindText(st, k++, doc.slice(doc.actors[e.location].span));
      BindText(st, k++, doc.actors[e.location].code.substr(0, 3));
    } else {
      k += 2;
    }
    BindText(st, k++, e.pattern);
    BindText(st, k++, e.pattern_entry);
    Step(db_, st);
  }
  return true;
}

}  // namespace dyad
