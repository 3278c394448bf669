#include "store/event_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "core/test_util.h"
#include "store/event_format.h"
#include "store/reports.h"

namespace dyad {
namespace {

Document SampleDocument() {
  Document d;
  d.id = "doc-1";
  d.date = "2024-11-01";
  d.text = "Russia attacked Ukraine.";
  for (auto [b, e] : {std::pair{0u, 6u}, {7u, 15u}, {16u, 23u}, {23u, 24u}}) {
    Token t;
    t.span = {b, e};
    t.norm = d.text.substr(b, e - b);
    d.tokens.push_back(t);
  }
  d.sentences = {{{0, 24}, 0, 4}};
  d.actors.push_back({0, 1, {0, 6}, "RUS", "name", "t.actors:1"});
  d.actors.push_back({2, 3, {16, 23}, "UKR", "name", "t.actors:2"});
  Event e;
  e.source = 0;
  e.target = 1;
  e.verb = {7, 15};
  e.cameo = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.date = d.date;
  d.events.push_back(e);
  return d;
}

TEST(EventStore, AddIsIdempotentByContent) {
  testing::TempDir dir;
  std::string err;
  auto store = EventStore::Open(dir.path() + "/t.db", false, &err);
  ASSERT_TRUE(store) << err;
  Document d = SampleDocument();
  store->Begin();
  EXPECT_TRUE(store->Add(d));
  EXPECT_FALSE(store->Add(d));
  store->Commit();
  Table t;
  ASSERT_TRUE(RunQuery(store->handle(), "SELECT count(*) FROM events", {}, &t, &err)) << err;
  EXPECT_EQ(t.rows[0][0], "1");
  // Reopening migrates nothing and keeps the data.
  store.reset();
  store = EventStore::Open(dir.path() + "/t.db", false, &err);
  ASSERT_TRUE(store);
  EXPECT_FALSE(store->Add(d));
}

TEST(EventStore, ReadOnlyRefusesWrites) {
  testing::TempDir dir;
  std::string err;
  { ASSERT_TRUE(EventStore::Open(dir.path() + "/t.db", false, &err)); }
  auto ro = EventStore::Open(dir.path() + "/t.db", true, &err);
  ASSERT_TRUE(ro) << err;
  Table t;
  EXPECT_FALSE(RunQuery(ro->handle(), "DELETE FROM events", {}, &t, &err));
  EXPECT_FALSE(RunQuery(ro->handle(), "SELECT 1; DROP TABLE events", {}, &t, &err) &&
               RunQuery(ro->handle(), "DROP TABLE events", {}, &t, &err));
  EXPECT_TRUE(RunQuery(ro->handle(), "SELECT count(*) FROM documents", {}, &t, &err));
}

TEST(EventStore, ReadOnlyOpenOfMissingFileFails) {
  std::string err;
  EXPECT_EQ(EventStore::Open("/nonexistent/dir/x.db", true, &err), nullptr);
  EXPECT_FALSE(err.empty());
}

TEST(Reports, EveryNamedReportRuns) {
  testing::TempDir dir;
  std::string err;
  auto store = EventStore::Open(dir.path() + "/t.db", false, &err);
  ASSERT_TRUE(store);
  store->Add(SampleDocument());
  for (const auto& [name, what] : ReportNames()) {
    Table t;
    EXPECT_TRUE(RunReport(store->handle(), name, "doc-1", 10, &t, &err)) << name << ": " << err;
    EXPECT_FALSE(t.rows.empty()) << name;
  }
  Table t;
  EXPECT_FALSE(RunReport(store->handle(), "nope", "", 10, &t, &err));
}

TEST(EventFormat, GdeltRowHas61Columns) {
  Document d = SampleDocument();
  std::string out;
  EventFormatter(OutputFormat::kGdelt).Append(d, &out);
  size_t tabs = std::count(out.begin(), out.end(), '\t');
  EXPECT_EQ(tabs, 60u);
  EXPECT_NE(out.find("\t20241101\t202411\t2024\t"), std::string::npos);
  EXPECT_NE(out.find("\tRUS\tRussia\tRUS\t"), std::string::npos);
  EXPECT_NE(out.find("\t190\t190\t19\t4\t-10.0\t"), std::string::npos);
}

TEST(EventFormat, CsvQuotesAndJsonShape) {
  Document d = SampleDocument();
  std::string csv = EventFormatter(OutputFormat::kCsv).Header();
  EventFormatter(OutputFormat::kCsv).Append(d, &csv);
  EXPECT_NE(csv.find("doc-1,0,2024-11-01,RUS,Russia,attacked,UKR,Ukraine,190,19,4"),
            std::string::npos);
  std::string js;
  EventFormatter(OutputFormat::kJsonl).Append(d, &js);
  for (const char* key :
       {"\"doc_id\":\"doc-1\"", "\"source\":{\"text\":\"Russia\",\"code\":\"RUS\"",
        "\"cameo\":\"190\"", "\"root\":\"19\"", "\"quad_class\":4", "\"goldstein\":-10",
        "\"plover\":{", "\"verb\":{\"text\":\"attacked\"", "\"negated\":false",
        "\"location\":null"})
    EXPECT_NE(js.find(key), std::string::npos) << key << " in " << js;
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(GdeltDate, FillsTheColumnsItsPrecisionAllows) {
  auto cols = [](const char* date) {
    std::string out;
    AppendGdeltDate(date, &out);
    return out;
  };
  EXPECT_EQ(cols("2024-11-01"), "20241101\t202411\t2024\t2024.8356\t");
  EXPECT_EQ(cols("2024-08"), "\t202408\t2024\t2024.6250\t");
  EXPECT_EQ(cols("1949"), "\t\t1949\t1949.5000\t");
  EXPECT_EQ(cols(""), "\t\t\t\t");
  EXPECT_EQ(cols("2024-13"), "\t\t\t\t");
}

}  // namespace
}  // namespace dyad
