// Tests of the v2 store: events grouped across articles (GDELT counting), quotes/places/time,
// the migration of v1 databases, filters, and the streaming exports.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

#include "core/test_util.h"
#include "store/event_export.h"
#include "store/event_format.h"
#include "store/event_query.h"
#include "store/event_store.h"
#include "store/reports.h"

namespace dyad {
namespace {

// "Russia attacked Ukraine in Kyiv." with one event; `publisher` and `tail` vary the article.
Document Article(const std::string& id, const std::string& publisher, const std::string& date,
                 const std::string& tail = "") {
  Document d;
  d.id = id;
  d.publisher = publisher;
  d.date = date;
  d.url = "https://news.example.org/" + id;
  d.text = "Russia attacked Ukraine in Kyiv." + tail;
  for (auto [b, e] :
       {std::pair{0u, 6u}, {7u, 15u}, {16u, 23u}, {24u, 26u}, {27u, 31u}, {31u, 32u}}) {
    Token t;
    t.span = {b, e};
    t.norm = d.text.substr(b, e - b);
    d.tokens.push_back(t);
  }
  d.sentences.push_back({{0, 32}, 0, 6});
  if (!tail.empty()) d.sentences.push_back({{32, static_cast<uint32_t>(d.text.size())}, 6, 6});
  d.actors.push_back({0, 1, {0, 6}, "RUS", "name", "t.actors:1"});
  d.actors.push_back({2, 3, {16, 23}, "UKR", "name", "t.actors:2"});
  d.actors.push_back({4, 5, {27, 31}, "UKR", "capital", "t.actors:3"});
  Event e;
  e.source = 0;
  e.target = 1;
  e.location = 2;
  e.verb = {7, 15};
  e.cameo = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.plover_event = "ASSAULT";
  e.date = date;
  e.date_source = "document";
  e.pattern = "attack";
  d.events.push_back(e);
  return d;
}

std::string One(sqlite3* db, const std::string& sql) {
  Table t;
  std::string err;
  EXPECT_TRUE(RunQuery(db, sql, {}, &t, &err)) << sql << ": " << err;
  return t.rows.empty() || t.rows[0].empty() ? "" : t.rows[0][0];
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<EventStore> store;
  Fixture() {
    std::string err;
    store = EventStore::Open(dir.path() + "/t.db", false, &err);
    EXPECT_TRUE(store) << err;
  }
  sqlite3* db() { return store->handle(); }
};

TEST(EventGroups, CountMentionsSourcesAndArticlesAsGdeltDoes) {
  Fixture f;
  f.store->Begin();
  f.store->Add(Article("a", "Wire One", "2024-11-01"));
  f.store->Add(Article("b", "Wire One", "2024-11-01", " More."));      // same publisher
  f.store->Add(Article("c", "Other Paper", "2024-11-01", " Again."));  // another publisher
  Document twice = Article("d", "Third", "2024-11-01", " Later.");     // one article, 2 mentions
  twice.events.push_back(twice.events[0]);
  twice.events.back().sentence = 1;
  f.store->Add(twice);
  f.store->Add(Article("e", "Wire One", "2024-11-02", " Next day."));  // another day
  f.store->Commit();
  EXPECT_EQ(One(f.db(), "SELECT count(*) FROM event_groups"), "2");
  EXPECT_EQ(One(f.db(),
                "SELECT num_mentions || '/' || num_sources || '/' || num_articles || '/' "
                "|| is_root FROM event_groups WHERE day='2024-11-01'"),
            "5/3/4/1");
  EXPECT_EQ(One(f.db(),
                "SELECT first_seen || ' ' || last_seen || ' ' || place FROM event_groups "
                "WHERE day='2024-11-01'"),
            "2024-11-01 2024-11-01 UKR:kyiv");
  EXPECT_EQ(One(f.db(), "SELECT count(*) FROM events WHERE group_id IS NULL"), "0");
  EXPECT_EQ(One(f.db(), "SELECT source_country || target_country FROM events LIMIT 1"), "RUSUKR");
}

TEST(EventGroups, NegatedEventsJoinNoGroup) {
  Fixture f;
  Document d = Article("a", "P", "2024-11-01");
  d.events[0].negated = true;
  f.store->Add(d);
  EXPECT_EQ(One(f.db(), "SELECT count(*) FROM event_groups"), "0");
  EXPECT_EQ(One(f.db(), "SELECT count(*) FROM events WHERE group_id IS NULL"), "1");
}

TEST(EventStoreV2, KeepsQuotesPlacesTimexesAndSearchIndex) {
  Fixture f;
  Document d = Article("a", "P", "2024-11-01");
  d.timexes.push_back({{0, 6}, "DATE", "2024-11-01", ""});
  Place p;
  p.span = {27, 31};
  p.name = "Kyiv";
  p.country = "UKR";
  p.lat = 50.45;
  p.lon = 30.52;
  p.geonameid = 703448;
  d.places.push_back(p);
  Quote q;
  q.direct = true;
  q.speaker = 0;
  q.content = {7, 31};
  d.quotes.push_back(q);
  d.events[0].place = 0;
  d.events[0].timex = 0;
  d.events[0].quote = 0;
  ASSERT_TRUE(f.store->Add(d));
  EXPECT_EQ(One(f.db(), "SELECT name || country || geonameid FROM places"), "KyivUKR703448");
  EXPECT_EQ(One(f.db(), "SELECT value FROM timexes"), "2024-11-01");
  EXPECT_EQ(One(f.db(), "SELECT speaker_code || content_start || content_end FROM quotes"),
            "RUS731");
  EXPECT_EQ(One(f.db(),
                "SELECT place_idx || timex_idx || quote_idx || location_geonameid FROM "
                "events"),
            "000703448");
  EXPECT_EQ(One(f.db(), "SELECT place FROM event_groups"), "geonames:703448");
  EXPECT_EQ(One(f.db(), "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'attacked'"),
            "1");
}

TEST(EventStoreV2, MigratesVersionOneDatabases) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/v1.db";
  std::string err;
  ASSERT_TRUE(EventStore::CreateAtVersion(path, 1, &err)) << err;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const char* rows =
        "INSERT INTO documents VALUES(1,'a','h1','https://www.example.org/x',NULL,NULL,"
        "'2024-11-01','Russia attacked Ukraine in Kyiv.',NULL,1,'2024-11-02T00:00:00Z');"
        "INSERT INTO documents VALUES(2,'b','h2',NULL,NULL,'Other','2024-11-01',"
        "'Russia attacked Ukraine in Kyiv. Yes.',NULL,2,'2024-11-02T00:00:00Z');"
        "INSERT INTO sentences VALUES(1,0,0,32),(2,0,0,32),(2,1,33,37);"
        "INSERT INTO mentions VALUES(1,0,0,6,'Russia','RUS','name',''),"
        "(1,1,16,23,'Ukraine','UKR','name',''),(2,0,0,6,'Russia','RUS','name',''),"
        "(2,1,16,23,'Ukraine','UKR','name','');"
        "INSERT INTO events(doc,sentence,date,source_code,source_text,source_start,source_end,"
        "target_code,target_text,target_start,target_end,verb_text,verb_start,verb_end,cameo,"
        "root,quad_class,goldstein,location_name,location_country) VALUES"
        "(1,0,'2024-11-01','RUSMIL','Russia',0,6,'UKR','Ukraine',16,23,'attacked',7,15,'190',"
        "'19',4,-10,'Kyiv','UKR'),"
        "(2,0,'2024-11-01','RUSMIL','Russia',0,6,'UKR','Ukraine',16,23,'attacked',7,15,'190',"
        "'19',4,-10,'Kyiv','UKR');";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto store = EventStore::Open(path, false, &err);
  ASSERT_TRUE(store) << err;
  sqlite3* db = store->handle();
  EXPECT_EQ(One(db, "PRAGMA user_version"), std::to_string(EventStore::schema_version()));
  EXPECT_EQ(One(db, "SELECT group_concat(source_key, '|') FROM documents"), "example.org|other");
  EXPECT_EQ(One(db,
                "SELECT num_mentions || '/' || num_sources || '/' || num_articles || ' ' || "
                "place FROM event_groups"),
            "2/2/2 UKR:kyiv");
  EXPECT_EQ(One(db, "SELECT count(*) FROM events WHERE group_id IS NULL"), "0");
  EXPECT_EQ(One(db,
                "SELECT source_country || target_country || source_mention || target_mention "
                "FROM events WHERE doc=1"),
            "RUSUKR01");
  EXPECT_EQ(One(db, "SELECT group_concat(text, '|') FROM sentence_fts WHERE doc=2"),
            "Russia attacked Ukraine in Kyiv.|Yes.");
  // And it goes on storing new articles into the same groups.
  EXPECT_TRUE(store->Add(Article("c", "Third", "2024-11-01")));
  EXPECT_EQ(One(db, "SELECT count(*) FROM event_groups"), "2");  // RUS (not RUSMIL): its own
}

TEST(EventFilter, NormalizesAndRefusesHostileValues) {
  EventFilter f;
  f.country = "rus";
  f.root = "4";
  f.plover = "assault";
  f.from = "20240101";
  EXPECT_EQ(NormalizeFilter(&f), "");
  EXPECT_EQ(f.country, "RUS");
  EXPECT_EQ(f.root, "04");
  EXPECT_EQ(f.plover, "ASSAULT");
  EXPECT_EQ(f.from, "2024-01-01");
  auto refused = [](auto set) {
    EventFilter bad;
    set(bad);
    return !NormalizeFilter(&bad).empty();
  };
  EXPECT_TRUE(refused([](EventFilter& b) { b.country = "RU' OR 1=1 --"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.country = "RUSS"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.actor = "RUS%"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.source = "a b"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.root = "21"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.root = "1; DROP TABLE events"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.cameo = "19%"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.quad_class = 5; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.plover = "X') OR ('1"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.from = "yesterday"; }));
  EXPECT_TRUE(refused([](EventFilter& b) { b.to = "2024-13-45"; }));
}

TEST(EventFilter, FtsQueryQuotesEveryWord) {
  EXPECT_EQ(FtsQuery("Russia attack*"), "\"Russia\" \"attack\"*");
  EXPECT_EQ(FtsQuery("\" OR NEAR(a b) AND -x:y ^z"),
            "\"OR\" \"NEAR\" \"a\" \"b\" \"AND\" \"x\" \"y\" \"z\"");
  EXPECT_EQ(FtsQuery("'; --"), "");
  EXPECT_EQ(FtsQuery("Kyjiw Київ"), "\"Kyjiw\" \"Київ\"");
}

TEST(EventExport, JsonlIsWhatDyadCodePrints) {
  Fixture f;
  Document d = Article("a", "P", "2024-11-01");
  f.store->Add(d);
  // The stored event reads back exactly as the coder wrote it.
  std::string coded;
  EventFormatter(OutputFormat::kJsonl).Append(d, &coded);
  std::FILE* tmp = std::tmpfile();
  std::string err;
  EXPECT_EQ(EventExporter(f.db(), ExportFormat::kJsonl).Write({}, tmp, &err), 1) << err;
  std::rewind(tmp);
  char buf[8192];
  std::string exported(buf, std::fread(buf, 1, sizeof buf, tmp));
  std::fclose(tmp);
  EXPECT_EQ(exported, coded);
}

std::string Export(sqlite3* db, ExportFormat format, EventFilter filter = {}) {
  std::FILE* tmp = std::tmpfile();
  std::string err;
  EXPECT_GE(EventExporter(db, format).Write(filter, tmp, &err), 0) << err;
  std::rewind(tmp);
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0) out.append(buf, n);
  std::fclose(tmp);
  return out;
}

TEST(EventExport, GdeltRowsAreGroupsWith61Columns) {
  Fixture f;
  f.store->Add(Article("a", "Wire One", "2024-11-01"));
  f.store->Add(Article("b", "Other", "2024-11-01", " More."));
  f.store->Add(Article("c", "Other", "2024-12-05", " Else."));
  const std::string tsv = Export(f.db(), ExportFormat::kGdelt);
  ASSERT_EQ(std::count(tsv.begin(), tsv.end(), '\n'), 2);
  const std::string first = tsv.substr(0, tsv.find('\n'));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\t'), 60) << first;
  EXPECT_EQ(first.rfind("1\t20241101\t202411\t2024\t", 0), 0u) << first;
  EXPECT_NE(first.find("\tRUS\tRussia\tRUS\t"), std::string::npos);
  EXPECT_NE(first.find("\t1\t190\t190\t19\t4\t-10.0\t2\t2\t2\t\t"), std::string::npos) << first;
  EXPECT_NE(first.find("\tKyiv\t"), std::string::npos);
  EXPECT_TRUE(first.ends_with("\thttps://news.example.org/a")) << first;
  EventFilter dec;
  dec.from = "2024-12-01";
  const std::string december = Export(f.db(), ExportFormat::kGdelt, dec);
  EXPECT_EQ(std::count(december.begin(), december.end(), '\n'), 1);
}

TEST(EventExport, PloverCsvAndFilters) {
  Fixture f;
  f.store->Add(Article("a", "Wire One", "2024-11-01"));
  Document other = Article("b", "P", "2024-11-03", " More.");
  other.actors[0].code = "FRAGOV";
  f.store->Add(other);
  const std::string plover = Export(f.db(), ExportFormat::kPlover);
  for (const char* key :
       {"\"event_type\":\"ASSAULT\"", "\"mode\":null", "\"context\":[]", "\"actor_code\":\"RUS\"",
        "\"actor_country\":\"RUS\"", "\"recipient_code\":\"UKR\"", "\"placename\":\"Kyiv\"",
        "\"country\":\"UKR\"", "\"story_id\":\"a\"", "\"source\":\"Wire One\"",
        "\"quad_code\":\"MATERIAL CONFLICT\"",
        "\"event_text\":\"Russia attacked Ukraine in Kyiv.\""})
    EXPECT_NE(plover.find(key), std::string::npos) << key << " in " << plover;
  const std::string csv = Export(f.db(), ExportFormat::kCsv);
  EXPECT_EQ(csv.rfind(EventExporter::CsvHeader(), 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
  EventFilter fra;
  fra.country = "FRA";
  const std::string only = Export(f.db(), ExportFormat::kCsv, fra);
  EXPECT_EQ(std::count(only.begin(), only.end(), '\n'), 2);
  EXPECT_NE(only.find(",FRAGOV,"), std::string::npos);
  EventFilter rus;
  rus.actor = "RUS";
  rus.root = "19";
  rus.text = "attacked";
  const std::string r = Export(f.db(), ExportFormat::kJsonl, rus);
  EXPECT_EQ(std::count(r.begin(), r.end(), '\n'), 1);
}

}  // namespace
}  // namespace dyad
