#include "server/event_api.h"

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "core/json_writer.h"
#include "core/utf8.h"
#include "store/event_query.h"
#include "store/event_store.h"

namespace dyad {

// Read-only connections, opened on demand and reused (one per concurrent request), and a cache
// of counts and aggregate answers that holds while the database has not grown.
struct EventApi::Pool {
  std::string path;
  std::mutex mu;
  std::vector<sqlite3*> idle;

  std::mutex cache_mu;
  std::string cache_version;  // newest event and document ids when the entries were made
  std::unordered_map<std::string, std::string> cache;
  size_t cache_bytes = 0;
  static constexpr size_t kCacheBytes = 64 << 20;

  ~Pool() {
    for (auto* db : idle) sqlite3_close(db);
  }
  sqlite3* Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        sqlite3* db = idle.back();
        idle.pop_back();
        return db;
      }
    }
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : "cannot open database";
      sqlite3_close(db);
      throw std::runtime_error(msg);
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA query_only=1; PRAGMA mmap_size=268435456;", nullptr, nullptr, nullptr);
    return db;
  }
  void Release(sqlite3* db) {
    std::lock_guard<std::mutex> lock(mu);
    if (idle.size() < 128)
      idle.push_back(db);
    else
      sqlite3_close(db);
  }
};

namespace {

// A request that cannot be answered: its status and a message for the user.
struct ApiError {
  int status;
  std::string message;
};

// A prepared statement that finalizes itself; Step() throws on database errors.
class Query {
 public:
  Query(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK)
      throw ApiError{500, std::string("database error: ") + sqlite3_errmsg(db)};
  }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  sqlite3_stmt* get() const { return st_; }
  void Bind(const std::vector<std::string>& params, int first = 1) {
    BindParams(st_, params, first);
  }
  void BindInt(int i, long long v) { sqlite3_bind_int64(st_, i, v); }
  bool Step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw ApiError{500, std::string("database error: ") + sqlite3_errmsg(db_)};
  }
  long long Int(int i) const { return sqlite3_column_int64(st_, i); }
  double Double(int i) const { return sqlite3_column_double(st_, i); }
  bool IsNull(int i) const { return sqlite3_column_type(st_, i) == SQLITE_NULL; }
  std::string_view Text(int i) const {
    const unsigned char* v = sqlite3_column_text(st_, i);
    return v ? std::string_view(reinterpret_cast<const char*>(v),
                                static_cast<size_t>(sqlite3_column_bytes(st_, i)))
             : std::string_view();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

std::string_view Param(const ApiParams& p, std::string_view name) {
  auto it = p.find(name);
  return it == p.end() ? std::string_view() : std::string_view(it->second);
}

// A non-negative integer parameter within [lo, hi]; `fallback` when absent. Values above
// `hi` are clamped to it when `clamp`, else refused.
long long IntParam(const ApiParams& p, std::string_view name, long long fallback, long long lo,
                   long long hi, bool clamp = false) {
  std::string_view v = Param(p, name);
  if (v.empty()) return fallback;
  if (v.size() > 12 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw ApiError{400, std::string(name) + " must be a whole number"};
  long long n = std::stoll(std::string(v));
  if (n > hi && clamp) n = hi;
  if (n < lo || n > hi)
    throw ApiError{400, std::string(name) + " must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi)};
  return n;
}

EventFilter FilterFrom(const ApiParams& p) {
  EventFilter f;
  f.from = Param(p, "from");
  f.to = Param(p, "to");
  f.country = Param(p, "country");
  f.actor = Param(p, "actor");
  f.source = Param(p, "source");
  f.target = Param(p, "target");
  f.root = Param(p, "root");
  f.cameo = Param(p, "cameo");
  f.quad_class = static_cast<int>(IntParam(p, "quad", 0, 0, 4));
  f.plover = Param(p, "plover");
  f.text = Param(p, "q");
  f.doc = IntParam(p, "doc", 0, 0, 1LL << 53);
  if (std::string why = NormalizeFilter(&f); !why.empty()) throw ApiError{400, why};
  return f;
}

struct Page {
  long long page, size;
  long long offset() const { return (page - 1) * size; }
};

Page PageFrom(const ApiParams& p) {
  Page pg;
  pg.page = IntParam(p, "page", 1, 1, 100000);
  pg.size = IntParam(p, "page_size", EventApi::kDefaultPageSize, 1, EventApi::kMaxPageSize,
                     /*clamp=*/true);
  return pg;
}

void PageJson(JsonWriter& w, const Page& pg, long long total) {
  w.Key("total");
  w.Int(total);
  w.Key("page");
  w.Int(pg.page);
  w.Key("page_size");
  w.Int(pg.size);
  w.Key("pages");
  w.Int((total + pg.size - 1) / pg.size);
}

long long Count(sqlite3* db, const std::string& sql, const std::vector<std::string>& params) {
  Query q(db, sql);
  q.Bind(params);
  return q.Step() ? q.Int(0) : 0;
}

const char* QuadName(int q) {
  switch (q) {
    case 1:
      return "verbal cooperation";
    case 2:
      return "material cooperation";
    case 3:
      return "verbal conflict";
    case 4:
      return "material conflict";
    default:
      return "";
  }
}

void NullOrDouble(JsonWriter& w, const Query& q, int i, int precision) {
  if (q.IsNull(i))
    w.Null();
  else
    w.Double(q.Double(i), precision);
}

// What a request works with: its connection, and the shared cache.
struct Context {
  sqlite3* db;
  EventApi::Pool& pool;
  std::string version;  // of the data this request sees (see Pool::cache_version)
};

// The value cached under `key` for the data the request sees, else compute() (and cache it).
// Events and documents are only ever added, so the newest ids tell whether data changed.
std::string Cached(Context& cx, const std::string& key,
                   const std::function<std::string()>& compute) {
  auto& pool = cx.pool;
  {
    std::lock_guard<std::mutex> lock(pool.cache_mu);
    if (pool.cache_version == cx.version) {
      auto it = pool.cache.find(key);
      if (it != pool.cache.end()) return it->second;
    }
  }
  std::string value = compute();
  std::lock_guard<std::mutex> lock(pool.cache_mu);
  if (pool.cache_version != cx.version || pool.cache_bytes + value.size() > pool.kCacheBytes) {
    pool.cache.clear();
    pool.cache_bytes = 0;
    pool.cache_version = cx.version;
  }
  if (value.size() < pool.kCacheBytes / 16 && pool.cache.emplace(key, value).second)
    pool.cache_bytes += key.size() + value.size();
  return value;
}

std::string KeyOf(std::string_view head, const std::string& sql,
                  const std::vector<std::string>& params) {
  std::string key(head);
  key += '\x1e';
  key += sql;
  for (const auto& p : params) {
    key += '\x1f';
    key += p;
  }
  return key;
}

long long CachedCount(Context& cx, const std::string& sql, const std::vector<std::string>& params) {
  return std::stoll(Cached(cx, KeyOf("count", sql, params),
                           [&] { return std::to_string(Count(cx.db, sql, params)); }));
}

// ---- endpoints ----

std::string Summary(sqlite3* db) {
  Query q(db,
          "SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(n_sentences),0) FROM "
          "documents), (SELECT count(*) FROM events WHERE negated=0), (SELECT count(*) FROM "
          "event_groups), (SELECT min(date) FROM events WHERE negated=0), (SELECT max(date) "
          "FROM events WHERE negated=0), (SELECT count(*) FROM quotes), (SELECT count(*) FROM "
          "places)");
  q.Step();
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("documents");
  w.Int(q.Int(0));
  w.Key("sentences");
  w.Int(q.Int(1));
  w.Key("events");
  w.Int(q.Int(2));
  w.Key("groups");
  w.Int(q.Int(3));
  w.Key("first_day");
  w.StringOrNull(q.Text(4));
  w.Key("last_day");
  w.StringOrNull(q.Text(5));
  w.Key("quotes");
  w.Int(q.Int(6));
  w.Key("places");
  w.Int(q.Int(7));
  w.Key("schema");
  w.Int(EventStore::schema_version());
  w.Key("version");
  w.String(DYAD_VERSION);
  w.EndObject();
  return out;
}

// Every row of `q` (built on kStoredEventSelect) as the API's event object, into an array
// already begun.
void StoredEventsJson(JsonWriter& w, Query& q) {
  StoredEvent ev;
  std::string one;
  while (q.Step()) {
    ReadStoredEvent(q.get(), &ev);
    one.clear();
    AppendStoredEventJson(ev, /*extended=*/true, &one);
    w.Raw(one);
  }
}

std::string Events(Context& cx, const ApiParams& p) {
  sqlite3* db = cx.db;
  const EventFilter f = FilterFrom(p);
  const Page pg = PageFrom(p);
  std::string_view sort = Param(p, "sort");
  std::string order, dir;
  if (sort.empty() || sort == "-date")
    dir = "DESC";
  else if (sort == "date")
    dir = "ASC";
  else if (sort == "goldstein")
    order = "e.goldstein ASC, e.id DESC";
  else if (sort == "-goldstein")
    order = "e.goldstein DESC, e.id DESC";
  else
    throw ApiError{400, "sort must be date, -date, goldstein or -goldstein"};
  if (!dir.empty()) order = "e.date " + dir + ", e.id " + dir;
  const SqlClause where = EventWhere(f);
  const long long total =
      CachedCount(cx, "SELECT count(*) FROM events e WHERE " + where.sql, where.params);

  // The page's ids first, from the narrow events table and its indexes; then their details.
  std::string ids;
  std::vector<std::string> params;
  auto num = [&](std::string v) {
    params.push_back(std::move(v));
    return "?" + std::to_string(params.size());
  };
  if (!f.country.empty() && !dir.empty()) {
    // By country and date: the page is among the first (offset + size) events of each of
    // the three country indexes, so read only those.
    EventFilter rest = f;
    rest.country.clear();
    const SqlClause r = EventWhere(rest);
    params = r.params;
    const std::string country = num(f.country);
    const std::string k = num(std::to_string(pg.offset() + pg.size));
    std::string branches;
    for (const char* col : {"source_country", "target_country", "location_country"}) {
      if (!branches.empty()) branches += " UNION ";
      // INDEXED BY: the (country, negated, date) index yields them in order, whatever the
      // planner guesses about how common the country is.
      branches += "SELECT * FROM (SELECT e.id, e.date FROM events e INDEXED BY events_" +
                  std::string(col) + " WHERE e." + col + "=" + country + " AND " + r.sql +
                  " ORDER BY e.date " + dir + ", e.id " + dir + " LIMIT " + k + ")";
    }
    ids = "SELECT id FROM (" + branches + ") ORDER BY date " + dir + ", id " + dir;
  } else {
    params = where.params;
    ids = "SELECT e.id FROM events e WHERE " + where.sql + " ORDER BY " + order;
  }
  ids += " LIMIT " + num(std::to_string(pg.size));
  ids += " OFFSET " + num(std::to_string(pg.offset()));
  Query q(db, std::string(kStoredEventSelect) + " WHERE e.id IN (" + ids + ") ORDER BY " + order);
  q.Bind(params);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  PageJson(w, pg, total);
  w.Key("events");
  w.BeginArray();
  StoredEventsJson(w, q);
  w.EndArray();
  w.EndObject();
  return out;
}

void GroupJson(JsonWriter& w, const Query& q) {
  // Columns as selected by kGroupSelect.
  w.BeginObject();
  w.Key("id");
  w.Int(q.Int(0));
  w.Key("date");
  w.StringOrNull(q.Text(1));
  for (int side = 0; side < 2; ++side) {
    const int k = 2 + side * 3;
    w.Key(side == 0 ? "source" : "target");
    if (q.Text(k).empty()) {
      w.Null();
      continue;
    }
    w.BeginObject();
    w.Key("code");
    w.String(q.Text(k));
    w.Key("country");
    w.StringOrNull(q.Text(k + 1));
    w.Key("text");
    w.StringOrNull(q.Text(k + 2));
    w.EndObject();
  }
  w.Key("cameo");
  w.String(q.Text(8));
  w.Key("cameo_name");
  w.StringOrNull(q.Text(9));
  w.Key("root");
  w.String(q.Text(10));
  w.Key("quad_class");
  w.Int(q.Int(11));
  w.Key("goldstein");
  w.Double(q.Double(12), 2);
  w.Key("num_mentions");
  w.Int(q.Int(13));
  w.Key("num_sources");
  w.Int(q.Int(14));
  w.Key("num_articles");
  w.Int(q.Int(15));
  w.Key("first_seen");
  w.StringOrNull(q.Text(16));
  w.Key("last_seen");
  w.StringOrNull(q.Text(17));
  w.Key("location");
  if (q.IsNull(18)) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("name");
    w.String(q.Text(18));
    w.Key("country");
    w.StringOrNull(q.Text(19));
    w.Key("lat");
    NullOrDouble(w, q, 20, 5);
    w.Key("lon");
    NullOrDouble(w, q, 21, 5);
    w.EndObject();
  }
  w.Key("is_root");
  w.Bool(q.Int(22) != 0);
  w.EndObject();
}

const char* const kGroupSelect =
    "SELECT g.id, g.day, g.source_code, g.source_country, e.source_text, g.target_code,"
    " g.target_country, e.target_text, g.cameo, c.name, g.root, g.quad_class, g.goldstein,"
    " g.num_mentions, g.num_sources, g.num_articles, g.first_seen, g.last_seen,"
    " g.location_name, g.location_country, g.location_lat, g.location_lon, g.is_root"
    " FROM event_groups g"
    " LEFT JOIN events e ON e.id=(SELECT min(id) FROM events WHERE group_id=g.id)"
    " LEFT JOIN cameo_codes c ON c.code=g.cameo";

std::string Groups(Context& cx, const ApiParams& p) {
  sqlite3* db = cx.db;
  const EventFilter f = FilterFrom(p);
  const Page pg = PageFrom(p);
  const SqlClause where = EventWhere(f, "f");
  const std::string cond =
      " WHERE g.id IN (SELECT f.group_id FROM events f WHERE " + where.sql + ")";
  const long long total =
      CachedCount(cx, "SELECT count(*) FROM event_groups g" + cond, where.params);
  const int n = static_cast<int>(where.params.size());
  Query q(db, std::string(kGroupSelect) + cond +
                  " ORDER BY g.num_mentions DESC, g.day DESC, g.id LIMIT ?" +
                  std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2));
  q.Bind(where.params);
  q.BindInt(n + 1, pg.size);
  q.BindInt(n + 2, pg.offset());
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  PageJson(w, pg, total);
  w.Key("groups");
  w.BeginArray();
  while (q.Step()) GroupJson(w, q);
  w.EndArray();
  w.EndObject();
  return out;
}

std::string OneGroup(sqlite3* db, long long id) {
  Query q(db, std::string(kGroupSelect) + " WHERE g.id=?1");
  q.BindInt(1, id);
  if (!q.Step()) throw ApiError{404, "no such event group"};
  std::string group;
  {
    JsonWriter gw(group);
    GroupJson(gw, q);
  }
  Query m(db, std::string(kStoredEventSelect) + " WHERE e.group_id=?1 ORDER BY e.id LIMIT 1000");
  m.BindInt(1, id);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("group");
  w.Raw(group);
  w.Key("mentions");
  w.BeginArray();
  StoredEventsJson(w, m);
  w.EndArray();
  w.EndObject();
  return out;
}

std::string OneEvent(sqlite3* db, long long id) {
  Query q(db, std::string(kStoredEventSelect) + " WHERE e.id=?1");
  q.BindInt(1, id);
  if (!q.Step()) throw ApiError{404, "no such event"};
  StoredEvent ev;
  ReadStoredEvent(q.get(), &ev);
  std::string out;
  AppendStoredEventJson(ev, true, &out);
  return out;
}

std::string TimeSeries(sqlite3* db, const ApiParams& p) {
  const EventFilter f = FilterFrom(p);
  std::string_view interval = Param(p, "interval");
  std::string bucket;
  if (interval.empty() || interval == "day")
    bucket = "e.date";
  else if (interval == "month")
    bucket = "substr(e.date,1,7)";
  else if (interval == "year")
    bucket = "substr(e.date,1,4)";
  else
    throw ApiError{400, "interval must be day, month or year"};
  const SqlClause where = EventWhere(f);
  Query q(db, "SELECT " + bucket +
                  " AS t, count(*), sum(e.quad_class=1), sum(e.quad_class=2), "
                  "sum(e.quad_class=3), sum(e.quad_class=4), avg(e.goldstein), sum(e.goldstein) "
                  "FROM events e WHERE " +
                  where.sql + " AND e.date IS NOT NULL GROUP BY t ORDER BY t LIMIT 20000");
  q.Bind(where.params);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("interval");
  w.String(interval.empty() ? "day" : interval);
  w.Key("series");
  w.BeginArray();
  while (q.Step()) {
    w.BeginObject();
    w.Key("date");
    w.String(q.Text(0));
    w.Key("events");
    w.Int(q.Int(1));
    for (int k = 1; k <= 4; ++k) {
      w.Key("q" + std::to_string(k));
      w.Int(q.Int(1 + k));
    }
    w.Key("goldstein_mean");
    w.Double(q.Double(6), 3);
    w.Key("goldstein_sum");
    w.Double(q.Double(7), 2);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string Counts(sqlite3* db, const ApiParams& p) {
  const EventFilter f = FilterFrom(p);
  const long long limit = IntParam(p, "limit", 100, 1, 500, true);
  std::string_view by = Param(p, "by");
  const SqlClause where = EventWhere(f);
  const std::string lim = " LIMIT " + std::to_string(limit);
  std::string sql;
  if (by == "root") {
    sql =
        "SELECT e.root, c.name, count(*), avg(e.goldstein) FROM events e LEFT JOIN "
        "cameo_codes c ON c.code=e.root WHERE " +
        where.sql + " GROUP BY e.root ORDER BY e.root" + lim;
  } else if (by == "quad") {
    sql = "SELECT e.quad_class, NULL, count(*), avg(e.goldstein) FROM events e WHERE " + where.sql +
          " GROUP BY e.quad_class ORDER BY e.quad_class" + lim;
  } else if (by == "cameo") {
    sql =
        "SELECT e.cameo, c.name, count(*), avg(e.goldstein) FROM events e LEFT JOIN "
        "cameo_codes c ON c.code=e.cameo WHERE " +
        where.sql + " GROUP BY e.cameo ORDER BY 3 DESC, 1" + lim;
  } else if (by == "plover") {
    sql = "SELECT e.plover_event, NULL, count(*), avg(e.goldstein) FROM events e WHERE " +
          where.sql + " AND e.plover_event IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1" + lim;
  } else if (by == "source" || by == "target") {
    const std::string col = by == "source" ? "e.source_code" : "e.target_code";
    sql = "SELECT " + col + ", NULL, count(*), avg(e.goldstein) FROM events e WHERE " + where.sql +
          " AND " + col + " IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1" + lim;
  } else if (by == "country") {
    // Each event counts once for every country it involves (as source, target or place).
    const std::string sub = " FROM events e WHERE " + where.sql;
    sql =
        "SELECT c, NULL, count(*), avg(g) FROM (SELECT e.id, e.source_country AS c, "
        "e.goldstein AS g" +
        sub + " UNION SELECT e.id, e.target_country, e.goldstein" + sub +
        " UNION SELECT e.id, e.location_country, e.goldstein" + sub +
        ") WHERE c IS NOT NULL GROUP BY c ORDER BY 3 DESC, 1" + lim;
  } else {
    throw ApiError{400, "by must be root, quad, cameo, plover, source, target or country"};
  }
  Query q(db, sql);
  q.Bind(where.params);
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("by");
  w.String(by);
  w.Key("counts");
  w.BeginArray();
  while (q.Step()) {
    w.BeginObject();
    w.Key("key");
    if (by == "quad")
      w.Int(q.Int(0));
    else
      w.String(q.Text(0));
    w.Key("name");
    if (by == "quad")
      w.String(QuadName(static_cast<int>(q.Int(0))));
    else
      w.StringOrNull(q.Text(1));
    w.Key("count");
    w.Int(q.Int(2));
    w.Key("goldstein_mean");
    w.Double(q.Double(3), 3);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string Network(sqlite3* db, const ApiParams& p) {
  const EventFilter f = FilterFrom(p);
  const long long limit = IntParam(p, "limit", 60, 1, 300, true);
  std::string_view level = Param(p, "level");
  std::string s_key, t_key;
  if (level.empty() || level == "country") {
    // Countries, and organisations (IGO..., NGO...); sector-only codes ("GOV") are left out.
    auto key = [](const std::string& side) {
      return "coalesce(e." + side + "_country, CASE WHEN substr(e." + side +
             "_code,1,3) IN ('IGO','NGO') THEN e." + side + "_code END)";
    };
    s_key = key("source");
    t_key = key("target");
  } else if (level == "actor") {
    s_key = "e.source_code";
    t_key = "e.target_code";
  } else {
    throw ApiError{400, "level must be country or actor"};
  }
  const SqlClause where = EventWhere(f);
  Query q(db, "SELECT " + s_key + " AS s, " + t_key +
                  " AS t, count(*), avg(e.goldstein), sum(e.quad_class IN (1,2)), "
                  "sum(e.quad_class IN (3,4)) FROM events e WHERE " +
                  where.sql +
                  " AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY s, t "
                  "HAVING s IS NOT NULL AND t IS NOT NULL AND s<>t ORDER BY 3 DESC, 1, 2 LIMIT " +
                  std::to_string(limit));
  q.Bind(where.params);
  std::map<std::string, long long, std::less<>> nodes;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("level");
  w.String(level.empty() ? "country" : level);
  w.Key("links");
  w.BeginArray();
  while (q.Step()) {
    w.BeginObject();
    w.Key("source");
    w.String(q.Text(0));
    w.Key("target");
    w.String(q.Text(1));
    w.Key("events");
    w.Int(q.Int(2));
    w.Key("goldstein_mean");
    w.Double(q.Double(3), 3);
    w.Key("cooperation");
    w.Int(q.Int(4));
    w.Key("conflict");
    w.Int(q.Int(5));
    w.EndObject();
    nodes[std::string(q.Text(0))] += q.Int(2);
    nodes[std::string(q.Text(1))] += q.Int(2);
  }
  w.EndArray();
  w.Key("nodes");
  w.BeginArray();
  for (const auto& [id, n] : nodes) {
    w.BeginObject();
    w.Key("id");
    w.String(id);
    w.Key("events");
    w.Int(n);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

// Splits FTS5 highlight() output (matches between \x02 and \x03) into segments.
void SnippetJson(JsonWriter& w, std::string_view s) {
  w.BeginArray();
  bool match = false;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find_first_of("\x02\x03", i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) {
      w.BeginObject();
      w.Key("text");
      w.String(s.substr(i, j - i));
      w.Key("match");
      w.Bool(match);
      w.EndObject();
    }
    if (j >= s.size()) break;
    match = s[j] == '\x02';
    i = j + 1;
  }
  w.EndArray();
}

std::string Search(sqlite3* db, const ApiParams& p) {
  std::string_view text = Param(p, "q");
  if (text.size() > 500) throw ApiError{400, "q is longer than 500 bytes"};
  const std::string fts = FtsQuery(text);
  if (fts.empty()) throw ApiError{400, "q needs at least one word"};
  const Page pg = PageFrom(p);
  const long long total =
      Count(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?1", {fts});
  Query q(db,
          "SELECT sentence_fts.doc, sentence_fts.idx, highlight(sentence_fts, 0, char(2), "
          "char(3)), d.doc_key, d.title, d.date, d.publisher, (SELECT count(*) FROM events e "
          "WHERE e.doc=sentence_fts.doc AND e.sentence=sentence_fts.idx AND e.negated=0) "
          "FROM sentence_fts JOIN documents d ON d.id=sentence_fts.doc "
          "WHERE sentence_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3");
  q.Bind({fts});
  q.BindInt(2, pg.size);
  q.BindInt(3, pg.offset());
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  PageJson(w, pg, total);
  w.Key("results");
  w.BeginArray();
  while (q.Step()) {
    w.BeginObject();
    w.Key("doc");
    w.Int(q.Int(0));
    w.Key("sentence");
    w.Int(q.Int(1));
    w.Key("snippet");
    SnippetJson(w, q.Text(2));
    w.Key("doc_id");
    w.String(q.Text(3));
    w.Key("title");
    w.StringOrNull(q.Text(4));
    w.Key("date");
    w.StringOrNull(q.Text(5));
    w.Key("publisher");
    w.StringOrNull(q.Text(6));
    w.Key("events");
    w.Int(q.Int(7));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

void SpanJson(JsonWriter& w, const Query& q, int start_col) {
  w.Key("start");
  w.Int(q.Int(start_col));
  w.Key("end");
  w.Int(q.Int(start_col + 1));
}

// How a column of a result row is written as a JSON field.
enum class As { kText, kTextOrNull, kInt, kIntOrNull, kCoord, kSpan };
struct Field {
  const char* key;  // unused for kSpan, which writes "start" and "end" from col, col + 1
  As as;
  int col;
};

// Every row of `sql` (its ?1 bound to the document id) as one object of `fields`, under `key`.
void RowsJson(JsonWriter& w, sqlite3* db, const char* key, const char* sql, long long doc,
              std::initializer_list<Field> fields) {
  w.Key(key);
  w.BeginArray();
  Query q(db, sql);
  q.BindInt(1, doc);
  while (q.Step()) {
    w.BeginObject();
    for (const Field& f : fields) {
      if (f.as == As::kSpan) {
        SpanJson(w, q, f.col);
        continue;
      }
      w.Key(f.key);
      switch (f.as) {
        case As::kText:
          w.String(q.Text(f.col));
          break;
        case As::kTextOrNull:
          w.StringOrNull(q.Text(f.col));
          break;
        case As::kInt:
          w.Int(q.Int(f.col));
          break;
        case As::kIntOrNull:
          if (q.IsNull(f.col))
            w.Null();
          else
            w.Int(q.Int(f.col));
          break;
        case As::kCoord:
          NullOrDouble(w, q, f.col, 5);
          break;
        case As::kSpan:
          break;
      }
    }
    w.EndObject();
  }
  w.EndArray();
}

std::string OneDocument(sqlite3* db, long long id) {
  Query d(db,
          "SELECT id, doc_key, url, title, publisher, date, text, n_sentences, added_at, meta "
          "FROM documents WHERE id=?1");
  d.BindInt(1, id);
  if (!d.Step()) throw ApiError{404, "no such document"};
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.Int(d.Int(0));
  w.Key("doc_id");
  w.String(d.Text(1));
  w.Key("url");
  w.StringOrNull(d.Text(2));
  w.Key("title");
  w.StringOrNull(d.Text(3));
  w.Key("publisher");
  w.StringOrNull(d.Text(4));
  w.Key("date");
  w.StringOrNull(d.Text(5));
  w.Key("added_at");
  w.StringOrNull(d.Text(8));
  w.Key("text");
  w.String(d.Text(6));

  RowsJson(w, db, "sentences", "SELECT start, end FROM sentences WHERE doc=?1 ORDER BY idx", id,
           {{"", As::kSpan, 0}});
  RowsJson(w, db, "mentions",
           "SELECT idx, start, end, text, code, kind FROM mentions WHERE doc=?1 ORDER BY idx", id,
           {{"idx", As::kInt, 0},
            {"", As::kSpan, 1},
            {"text", As::kText, 3},
            {"code", As::kTextOrNull, 4},
            {"kind", As::kTextOrNull, 5}});

  w.Key("quotes");
  w.BeginArray();
  {
    Query q(db,
            "SELECT idx, direct, speaker_start, speaker_end, speaker_text, speaker_code, "
            "speaker_name, cue_start, cue_end, cue_text, addressee_text, addressee_code, "
            "content_start, content_end FROM quotes WHERE doc=?1 ORDER BY idx");
    q.BindInt(1, id);
    while (q.Step()) {
      w.BeginObject();
      w.Key("idx");
      w.Int(q.Int(0));
      w.Key("direct");
      w.Bool(q.Int(1) != 0);
      w.Key("speaker");
      if (q.IsNull(2)) {
        w.Null();
      } else {
        w.BeginObject();
        w.Key("text");
        w.String(q.Text(4));
        w.Key("code");
        w.StringOrNull(q.Text(5));
        w.Key("name");
        w.StringOrNull(q.Text(6));
        SpanJson(w, q, 2);
        w.EndObject();
      }
      w.Key("cue");
      if (q.IsNull(7)) {
        w.Null();
      } else {
        w.BeginObject();
        w.Key("text");
        w.String(q.Text(9));
        SpanJson(w, q, 7);
        w.EndObject();
      }
      w.Key("addressee");
      if (q.IsNull(10)) {
        w.Null();
      } else {
        w.BeginObject();
        w.Key("text");
        w.String(q.Text(10));
        w.Key("code");
        w.StringOrNull(q.Text(11));
        w.EndObject();
      }
      w.Key("content");
      w.BeginObject();
      SpanJson(w, q, 12);
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndArray();

  RowsJson(w, db, "places",
           "SELECT idx, start, end, text, name, country, admin1, feature, lat, lon, geonameid "
           "FROM places WHERE doc=?1 ORDER BY idx",
           id,
           {{"idx", As::kInt, 0},
            {"", As::kSpan, 1},
            {"text", As::kText, 3},
            {"name", As::kTextOrNull, 4},
            {"country", As::kTextOrNull, 5},
            {"admin1", As::kTextOrNull, 6},
            {"feature", As::kTextOrNull, 7},
            {"lat", As::kCoord, 8},
            {"lon", As::kCoord, 9},
            {"geonameid", As::kIntOrNull, 10}});
  RowsJson(w, db, "timexes",
           "SELECT idx, start, end, text, type, value, mod FROM timexes WHERE doc=?1 ORDER BY idx",
           id,
           {{"idx", As::kInt, 0},
            {"", As::kSpan, 1},
            {"text", As::kText, 3},
            {"type", As::kTextOrNull, 4},
            {"value", As::kTextOrNull, 5},
            {"mod", As::kTextOrNull, 6}});

  w.Key("events");
  w.BeginArray();
  {
    Query q(db, std::string(kStoredEventSelect) +
                    " WHERE e.doc=?1 ORDER BY e.sentence, e.verb_start, e.id LIMIT 5000");
    q.BindInt(1, id);
    StoredEventsJson(w, q);
  }
  w.EndArray();
  w.EndObject();
  return out;
}

// "/api/documents/12" with prefix "/api/documents/" -> 12; throws 404 when not a number.
long long IdAfter(std::string_view path, std::string_view prefix) {
  std::string_view rest = path.substr(prefix.size());
  if (rest.empty() || rest.size() > 15 ||
      !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw ApiError{404, "no such resource"};
  return std::stoll(std::string(rest));
}

std::string Route(Context& cx, std::string_view path, const ApiParams& p) {
  sqlite3* db = cx.db;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  // Aggregates are cached whole while the data stays the same.
  auto cached = [&](auto compute) {
    std::string key(path);
    for (const auto& [k, v] : p) key += '\x1f' + k + '=' + v;
    return Cached(cx, key, [&] { return compute(db, p); });
  };
  if (path == "/api/health") return "{\"ok\":true}";
  if (path == "/api/summary")
    return cached([](sqlite3* d, const ApiParams&) { return Summary(d); });
  if (path == "/api/events") return Events(cx, p);
  if (path.starts_with("/api/events/")) return OneEvent(db, IdAfter(path, "/api/events/"));
  if (path == "/api/groups") return Groups(cx, p);
  if (path.starts_with("/api/groups/")) return OneGroup(db, IdAfter(path, "/api/groups/"));
  if (path == "/api/timeseries") return cached(TimeSeries);
  if (path == "/api/counts") return cached(Counts);
  if (path == "/api/network") return cached(Network);
  if (path == "/api/search") return Search(db, p);
  if (path.starts_with("/api/documents/")) return OneDocument(db, IdAfter(path, "/api/documents/"));
  throw ApiError{404,
                 "no such endpoint (see /api/health, /api/summary, /api/events, "
                 "/api/groups, /api/timeseries, /api/counts, /api/network, /api/search, "
                 "/api/documents/ID)"};
}

// The newest event and document ids: they change whenever data is added.
std::string DataVersion(sqlite3* db) {
  Query q(db,
          "SELECT (SELECT coalesce(max(id),0) FROM events) || ':' || "
          "(SELECT coalesce(max(id),0) FROM documents)");
  return q.Step() ? std::string(q.Text(0)) : "";
}

}  // namespace

std::unique_ptr<EventApi> EventApi::Open(const std::string& path, std::string* error) {
  // Many threads read at once: SQLite's allocation statistics would serialise them on one
  // mutex. (This only works before SQLite's first use in the process, and is harmless after.)
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // Migrates an older database once, and checks that it is one of ours.
  if (!EventStore::OpenExisting(path, error)) return nullptr;
  auto api = std::unique_ptr<EventApi>(new EventApi());
  api->pool_ = std::make_unique<Pool>();
  api->pool_->path = path;
  try {
    api->pool_->Release(api->pool_->Acquire());
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
  return api;
}

EventApi::~EventApi() = default;

ApiResponse EventApi::Error(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  // Messages may quote what the client sent: keep them short and valid UTF-8.
  std::string text(message.substr(0, 300));
  if (message.size() > 300) text += "...";
  RepairUtf8(text);
  JsonWriter w(r.body);
  w.BeginObject();
  w.Key("error");
  w.String(text);
  w.Key("status");
  w.Int(status);
  w.EndObject();
  return r;
}

ApiResponse EventApi::Handle(std::string_view path, const ApiParams& params) const {
  sqlite3* db = nullptr;
  try {
    db = pool_->Acquire();
    ApiResponse r;
    Context cx{db, *pool_, ""};
    if (path != "/api/health") cx.version = DataVersion(db);
    r.body = Route(cx, path, params);
    pool_->Release(db);
    return r;
  } catch (const ApiError& e) {
    if (db) pool_->Release(db);
    return Error(e.status, e.message);
  } catch (const std::exception& e) {
    if (db) pool_->Release(db);
    return Error(500, std::string("internal error: ") + e.what());
  }
}

}  // namespace dyad
