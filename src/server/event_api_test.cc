// Tests of the JSON API: every endpoint answers valid JSON, filters select what they say,
// pages are bounded, errors are JSON with the right status, and hostile parameters neither
// break a query nor touch the database.
#include "server/event_api.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "core/test_util.h"
#include "store/event_store.h"

namespace dyad {
namespace {

// Three articles: Russia attacks Ukraine (twice, two publishers), France visits Germany.
Document Article(const std::string& id, const std::string& publisher, const std::string& date,
                 const std::string& a, const std::string& a_code, const std::string& verb,
                 const std::string& b, const std::string& b_code, const std::string& cameo,
                 int quad, double goldstein) {
  Document d;
  d.id = id;
  d.publisher = publisher;
  d.date = date;
  d.title = a + " and " + b;
  d.text = a + " " + verb + " " + b + " on Tuesday.";
  const uint32_t va = a.size() + 1, vb = va + verb.size(), ba = vb + 1,
                 bb = ba + static_cast<uint32_t>(b.size());
  d.sentences.push_back({{0, static_cast<uint32_t>(d.text.size())}, 0, 0});
  d.actors.push_back({0, 1, {0, static_cast<uint32_t>(a.size())}, a_code, "name", "t:1"});
  d.actors.push_back({2, 3, {ba, bb}, b_code, "name", "t:2"});
  d.timexes.push_back({{bb + 4, bb + 11}, "DATE", date, ""});
  Event e;
  e.source = 0;
  e.target = 1;
  e.verb = {va, vb};
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.quad_class = quad;
  e.goldstein = goldstein;
  e.plover_event = quad == 4 ? "ASSAULT" : "CONSULT";
  e.date = date;
  e.timex = 0;
  d.events.push_back(e);
  return d;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path() + "/api.db";
    std::string err;
    auto store = EventStore::Open(path_, false, &err);
    ASSERT_TRUE(store) << err;
    store->Begin();
    store->Add(Article("r1", "Wire", "2024-11-01", "Russia", "RUSMIL", "attacked", "Ukraine", "UKR",
                       "190", 4, -10));
    store->Add(Article("r2", "Paper", "2024-11-01", "Russia", "RUSMIL", "shelled", "Ukraine", "UKR",
                       "190", 4, -10));
    store->Add(Article("f1", "Wire", "2024-12-05", "France", "FRAGOV", "visited", "Germany", "DEU",
                       "042", 1, 1.9));
    store->Commit();
    api_ = EventApi::Open(path_, &err);
    ASSERT_TRUE(api_) << err;
  }

  // GET path?query; checks that the body is JSON and returns it parsed.
  simdjson::dom::element Get(const std::string& path, ApiParams params, int want_status = 200) {
    ApiResponse r = api_->Handle(path, params);
    EXPECT_EQ(r.status, want_status) << path << " -> " << r.body;
    bodies_.push_back(std::make_unique<simdjson::dom::parser>());
    simdjson::dom::element doc;
    auto err = bodies_.back()->parse(r.body).get(doc);
    EXPECT_FALSE(err) << "not JSON: " << r.body;
    if (want_status != 200 && !err) {
      std::string_view msg;
      EXPECT_FALSE(doc["error"].get(msg)) << r.body;
      EXPECT_FALSE(msg.empty());
    }
    return doc;
  }

  int64_t Total(const ApiParams& params) {
    auto doc = Get("/api/events", params);
    int64_t n = -1;
    EXPECT_FALSE(doc["total"].get(n));
    return n;
  }

  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<EventApi> api_;
  std::vector<std::unique_ptr<simdjson::dom::parser>> bodies_;
};

TEST_F(ApiTest, EveryEndpointAnswersJson) {
  auto s = Get("/api/summary", {});
  EXPECT_EQ(int64_t(s["documents"]), 3);
  EXPECT_EQ(int64_t(s["events"]), 3);
  EXPECT_EQ(int64_t(s["groups"]), 2);
  Get("/api/health", {});
  auto ev = Get("/api/events", {});
  EXPECT_EQ(int64_t(ev["total"]), 3);
  const int64_t id = ev["events"].at(0)["id"];
  Get("/api/events/" + std::to_string(id), {});
  auto groups = Get("/api/groups", {});
  EXPECT_EQ(int64_t(groups["groups"].at(0)["num_mentions"]), 2);
  EXPECT_EQ(int64_t(groups["groups"].at(0)["num_sources"]), 2);
  Get("/api/groups/" + std::to_string(int64_t(groups["groups"].at(0)["id"])), {});
  auto ts = Get("/api/timeseries", {{"country", "UKR"}});
  EXPECT_EQ(ts["series"].get_array().size(), 1u);
  EXPECT_EQ(int64_t(ts["series"].at(0)["q4"]), 2);
  EXPECT_EQ(Get("/api/timeseries", {{"interval", "month"}})["series"].get_array().size(), 2u);
  for (const char* by : {"root", "quad", "cameo", "plover", "source", "target", "country"})
    Get("/api/counts", {{"by", by}});
  auto countries = Get("/api/counts", {{"by", "country"}});
  EXPECT_EQ(std::string_view(countries["counts"].at(0)["key"]), "RUS");  // ties go by code
  auto net = Get("/api/network", {});
  EXPECT_EQ(net["links"].get_array().size(), 2u);
  auto search = Get("/api/search", {{"q", "attacked ukraine"}});
  EXPECT_EQ(int64_t(search["total"]), 1);
  EXPECT_TRUE(bool(search["results"].at(0)["snippet"].at(1)["match"]));
  auto doc = Get("/api/documents/1", {});
  EXPECT_EQ(std::string_view(doc["text"]), "Russia attacked Ukraine on Tuesday.");
  EXPECT_EQ(doc["events"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(doc["timexes"].at(0)["text"]), "Tuesday");
  EXPECT_EQ(int64_t(doc["timexes"].at(0)["start"]), 27);
  EXPECT_EQ(doc["sentences"].get_array().size(), 1u);
  EXPECT_EQ(int64_t(doc["sentences"].at(0)["end"]), 35);
  EXPECT_EQ(std::string_view(doc["mentions"].at(0)["code"]), "RUSMIL");
  EXPECT_EQ(int64_t(doc["mentions"].at(1)["start"]), 16);
  EXPECT_EQ(int64_t(doc["events"].at(0)["timex"]), 0);
  EXPECT_EQ(int64_t(doc["events"].at(0)["verb"]["start"]), 7);
}

TEST_F(ApiTest, FiltersSelectWhatTheySay) {
  EXPECT_EQ(Total({{"country", "UKR"}}), 2);
  EXPECT_EQ(Total({{"country", "deu"}}), 1);
  EXPECT_EQ(Total({{"actor", "RUS"}}), 2);
  EXPECT_EQ(Total({{"source", "FRA"}, {"target", "DEU"}}), 1);
  EXPECT_EQ(Total({{"source", "DEU"}, {"target", "FRA"}}), 0);
  EXPECT_EQ(Total({{"root", "19"}}), 2);
  EXPECT_EQ(Total({{"quad", "1"}}), 1);
  EXPECT_EQ(Total({{"plover", "assault"}}), 2);
  EXPECT_EQ(Total({{"from", "2024-11-02"}}), 1);
  EXPECT_EQ(Total({{"to", "2024-11-01"}}), 2);
  EXPECT_EQ(Total({{"q", "shelled"}}), 1);
  EXPECT_EQ(Total({{"cameo", "04"}}), 1);
}

TEST_F(ApiTest, CountryPagesAreTheSameAsOnePage) {
  auto all = Get("/api/events", {{"country", "UKR"}, {"page_size", "50"}});
  std::vector<int64_t> want, got;
  for (auto e : all["events"].get_array()) want.push_back(int64_t(e["id"]));
  ASSERT_EQ(want.size(), 2u);
  for (const char* page : {"1", "2"}) {
    auto one = Get("/api/events", {{"country", "UKR"}, {"page_size", "1"}, {"page", page}});
    for (auto e : one["events"].get_array()) got.push_back(int64_t(e["id"]));
  }
  EXPECT_EQ(got, want);
  auto oldest = Get("/api/events", {{"country", "UKR"}, {"sort", "date"}, {"page_size", "1"}});
  EXPECT_EQ(int64_t(oldest["events"].at(0)["id"]),
            want.back() < want.front() ? want.back() : want.front());
}

TEST_F(ApiTest, PagesAreBounded) {
  auto big = Get("/api/events", {{"page_size", "100000000"}});
  EXPECT_EQ(int64_t(big["page_size"]), EventApi::kMaxPageSize);
  auto one = Get("/api/events", {{"page_size", "1"}, {"page", "2"}});
  EXPECT_EQ(one["events"].get_array().size(), 1u);
  EXPECT_EQ(int64_t(one["pages"]), 3);
  Get("/api/events", {{"page_size", "0"}}, 400);
  Get("/api/events", {{"page", "0"}}, 400);
  Get("/api/events", {{"page", "99999999999999999999"}}, 400);
  Get("/api/events", {{"page", "-1"}}, 400);
  Get("/api/search", {{"q", "Ukraine"}, {"page_size", "9999"}});
}

TEST_F(ApiTest, ErrorsAreJsonWithTheRightStatus) {
  Get("/api/nothing", {}, 404);
  Get("/api/documents/999", {}, 404);
  Get("/api/documents/abc", {}, 404);
  Get("/api/events/1x", {}, 404);
  Get("/api/counts", {{"by", "nonsense"}}, 400);
  Get("/api/events", {{"sort", "id; DROP TABLE events"}}, 400);
  Get("/api/timeseries", {{"interval", "week'"}}, 400);
  Get("/api/network", {{"level", "x"}}, 400);
  Get("/api/search", {{"q", ""}}, 400);
  Get("/api/events", {{"from", "last week"}}, 400);
}

TEST_F(ApiTest, HostileParametersNeitherBreakQueriesNorTouchTheDatabase) {
  const std::vector<std::string> hostile = {
      "'",
      "\"",
      "' OR '1'='1",
      "1; DROP TABLE events; --",
      "RUS' UNION SELECT sql FROM sqlite_master --",
      "%",
      "_",
      "\\",
      "*",
      "NEAR(",
      "\"unterminated",
      "a OR b NOT c",
      "col:value",
      "^x",
      "() {} [] ;",
      std::string("nul\0byte", 8),
      std::string(600, 'A'),
      "\xff\xfe invalid utf8",
      "Київ",
      "<script>alert(1)</script>",
      "-1",
      "1e9",
      "0x10",
  };
  const std::vector<std::string> names = {
      "q",    "country", "actor", "source",    "target", "root", "cameo",    "quad",  "plover",
      "from", "to",      "page",  "page_size", "sort",   "by",   "interval", "level", "doc"};
  const std::vector<std::string> paths = {"/api/events", "/api/groups",  "/api/timeseries",
                                          "/api/counts", "/api/network", "/api/search"};
  for (const auto& path : paths) {
    for (const auto& name : names) {
      for (const auto& value : hostile) {
        ApiParams p{{name, value}};
        if (path == "/api/counts" && name != "by") p["by"] = "country";
        if (path == "/api/search" && name != "q") p["q"] = "Ukraine";
        ApiResponse r = api_->Handle(path, p);
        EXPECT_TRUE(r.status == 200 || r.status == 400)
            << path << "?" << name << "=" << value << " -> " << r.status << " " << r.body;
        simdjson::dom::parser parser;
        simdjson::dom::element e;
        EXPECT_FALSE(parser.parse(r.body).get(e)) << path << "?" << name << ": " << r.body;
      }
    }
  }
  // Nothing changed.
  EXPECT_EQ(Total({}), 3);
  auto s = Get("/api/summary", {});
  EXPECT_EQ(int64_t(s["documents"]), 3);
  EXPECT_EQ(int64_t(s["groups"]), 2);
}

TEST(EventApiOpen, RefusesMissingDatabases) {
  std::string err;
  EXPECT_EQ(EventApi::Open("/nonexistent/dir/x.db", &err), nullptr);
  EXPECT_FALSE(err.empty());
}

}  // namespace
}  // namespace dyad
