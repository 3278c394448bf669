// End-to-end tests of the database with the real dyad binary: kill -9 in the middle of a
// 10,000-document run and a rerun leave every document stored exactly once and whole; exports
// are what `dyad code` printed and stream in flat memory; `dyad serve` answers and stops.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/test_util.h"
#include "store/event_store.h"

namespace dyad {
namespace {

using testing::Shell;
using testing::TempDir;

std::string Dyad() {
  return testing::DyadBinary();
}

// A small dictionary of our own, so these tests do not move when data/dict grows.
std::string MiniDict(const TempDir& dir) {
  dir.Write("dict/t.actors",
            "RUS\tname: Russia\nUKR\tname: Ukraine\nFRA\tname: France\nDEU\tname: Germany\n"
            "TUR\tname: Turkey\nEGY\tname: Egypt\nJPN\tname: Japan\nIDN\tname: Indonesia\n"
            "UKR\tcapital: Kyiv\n");
  dir.Write("dict/t.cameo",
            "04\tConsult\t1.0\t1\tCONSULT\n042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n"
            "16\tReduce relations\t-4.0\t3\tSANCTION\n163\tImpose embargo\t-8.0\t4\tSANCTION\n"
            "19\tFight\t-10.0\t4\tASSAULT\n190\tUse conventional military force\t-10.0\t4\t"
            "ASSAULT\n");
  dir.Write("dict/t.verbs", "042\tvisit\n163\tsanction\n190\tattack\n");
  return dir.path() + "/dict";
}

// Runs argv to completion with stdout and stderr to /dev/null; returns its exit status and
// peak resident memory (KiB).
struct RunResult {
  int status = -1;
  long max_rss_kb = 0;
};
RunResult RunToEnd(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  RunResult r;
  int st = 0;
  rusage ru{};
  wait4(pid, &st, 0, &ru);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.max_rss_kb = ru.ru_maxrss;
  return r;
}

pid_t Start(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

// One integer from a query on a read-only connection; -1 when the query fails.
long long Count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  long long n = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

// Documents whose stored sentences, search rows, mentions or events are not all there, and
// rows that belong to no document.
const char* kIncomplete =
    "SELECT count(*) FROM (SELECT doc, sum(s) AS s, sum(f) AS f, sum(m) AS m, sum(e) AS e FROM ("
    " SELECT doc, 1 AS s, 0 AS f, 0 AS m, 0 AS e FROM sentences"
    " UNION ALL SELECT doc, 0, 1, 0, 0 FROM sentence_fts"
    " UNION ALL SELECT doc, 0, 0, 1, 0 FROM mentions"
    " UNION ALL SELECT doc, 0, 0, 0, 1 FROM events"
    " UNION ALL SELECT id, 0, 0, 0, 0 FROM documents) GROUP BY doc) x"
    " LEFT JOIN documents d ON d.id=x.doc"
    " WHERE d.id IS NULL OR x.s <> d.n_sentences OR x.f <> d.n_sentences"
    " OR x.m <> d.n_mentions OR x.e <> d.n_events";

TEST(StoreCli, KillNineMidRunThenRerunStoresEveryDocumentOnceAndWhole) {
  TempDir dir;
  const std::string dict = MiniDict(dir);
  const int kDocs = 10000;
  {
    std::ofstream in(dir.path() + "/docs.jsonl");
    const char* pairs[][2] = {
        {"Russia", "Ukraine"}, {"France", "Germany"}, {"Turkey", "Egypt"}, {"Japan", "Indonesia"}};
    for (int i = 0; i < kDocs; ++i) {
      const auto& p = pairs[i % 4];
      in << "{\"id\":\"doc-" << i << "\",\"date\":\"2024-0" << 1 + i % 9 << "-1" << i % 10
         << "\",\"publisher\":\"Wire " << i % 7 << "\",\"text\":\"" << p[0] << " attacked " << p[1]
         << " on day " << i << ". " << p[1] << " visited " << p[0] << " later, report " << i
         << " said.\"}\n";
    }
  }
  const std::string db = dir.path() + "/run.db";
  const std::vector<std::string> code = {Dyad(),    "code",   dir.path() + "/docs.jsonl",
                                         "--dict",  dict,     "--db",
                                         db,        "--out",  "/dev/null",
                                         "--batch", "50",     "--threads",
                                         "1",       "--quiet"};
  // Run 1: killed with SIGKILL once a good share of the documents is in.
  pid_t pid = Start(code);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  long long seen = 0;
  int st = 0;
  bool exited = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &st, WNOHANG) == pid) {
      exited = true;
      break;
    }
    seen = Count(db, "SELECT count(*) FROM documents");
    if (seen >= kDocs / 5) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(exited) << "dyad finished before it could be killed; make the run longer";
  kill(pid, SIGKILL);
  waitpid(pid, &st, 0);
  ASSERT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  const long long after_kill = Count(db, "SELECT count(*) FROM documents");
  EXPECT_GT(after_kill, 0);
  EXPECT_LT(after_kill, kDocs) << "killed too late to test anything";
  EXPECT_EQ(Count(db, kIncomplete), 0) << "a document was half-written";
  std::printf("[ info     ] killed with %lld of %d documents stored\n", after_kill, kDocs);

  // Run 2: the same command again completes the database.
  ASSERT_EQ(RunToEnd(code).status, 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM documents"), kDocs);
  EXPECT_EQ(Count(db, "SELECT count(DISTINCT doc_key) FROM documents"), kDocs);
  EXPECT_EQ(Count(db, "SELECT count(DISTINCT hash) FROM documents"), kDocs);
  EXPECT_EQ(Count(db, kIncomplete), 0);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e "
                  "WHERE e.doc=d.id) OR NOT EXISTS (SELECT 1 FROM sentences s WHERE "
                  "s.doc=d.id)"),
            0)
      << "a document lacks its events or sentences";
  EXPECT_EQ(Count(db, "SELECT sum(num_mentions) FROM event_groups"),
            Count(db, "SELECT count(*) FROM events WHERE group_id IS NOT NULL"));
  EXPECT_EQ(Count(db, "SELECT sum(num_articles) FROM event_groups"),
            Count(db, "SELECT count(*) FROM event_group_articles"));

  // The same as a run that was never interrupted.
  const std::string clean = dir.path() + "/clean.db";
  std::vector<std::string> fresh = code;
  fresh[6] = clean;
  ASSERT_EQ(RunToEnd(fresh).status, 0);
  for (const char* q : {"SELECT count(*) FROM events", "SELECT count(*) FROM sentences",
                        "SELECT count(*) FROM mentions", "SELECT count(*) FROM event_groups",
                        "SELECT sum(num_mentions * 7 + num_sources * 3 + num_articles) FROM "
                        "event_groups"})
    EXPECT_EQ(Count(db, q), Count(clean, q)) << q;
}

TEST(StoreCli, ExportIsWhatCodePrintedAndEveryFormatWorks) {
  TempDir dir;
  const std::string dict = MiniDict(dir);
  auto a = dir.Write("a.txt",
                     "Date: 2024-03-05\nRussia attacked Ukraine in Kyiv. France visited "
                     "Germany on Monday.\n");
  auto b = dir.Write("b.jsonl",
                     "{\"id\":\"w1\",\"date\":\"2024-03-05\",\"publisher\":\"Other\",\"url\":"
                     "\"https://example.org/w1\",\"text\":\"Russia attacked Ukraine in Kyiv "
                     "again.\"}\n");
  const std::string db = dir.path() + "/e.db";
  auto coded = Shell(Dyad() + " code " + a + " " + b + " --dict " + dict + " --db " + db);
  ASSERT_EQ(coded.status, 0) << coded.err;
  auto exported = Shell(Dyad() + " export --db " + db);
  ASSERT_EQ(exported.status, 0) << exported.err;
  EXPECT_EQ(exported.out, coded.out);
  // The event's own date expression comes back too, not only the document's date.
  EXPECT_NE(coded.out.find("\"timex\":{\"text\":\"Monday\",\"value\":\"2024-03-04\"}"),
            std::string::npos)
      << coded.out;
  EXPECT_EQ(std::count(coded.out.begin(), coded.out.end(), '\n'), 3);

  auto gdelt = Shell(Dyad() + " export --db " + db + " --format gdelt");
  ASSERT_EQ(gdelt.status, 0) << gdelt.err;
  std::vector<std::string> rows;
  for (size_t i = 0, j; (j = gdelt.out.find('\n', i)) != std::string::npos; i = j + 1)
    rows.push_back(gdelt.out.substr(i, j - i));
  ASSERT_EQ(rows.size(), 2u);  // the two attacks on Kyiv are one event
  for (const auto& r : rows) EXPECT_EQ(std::count(r.begin(), r.end(), '\t'), 60) << r;
  EXPECT_NE(rows[0].find("\t190\t190\t19\t4\t-10.0\t2\t2\t2\t"), std::string::npos) << rows[0];

  auto plover = Shell(Dyad() + " export --db " + db + " --format plover --country UKR");
  EXPECT_EQ(plover.status, 0);
  EXPECT_EQ(std::count(plover.out.begin(), plover.out.end(), '\n'), 2);
  EXPECT_NE(plover.out.find("\"event_type\":\"ASSAULT\""), std::string::npos);
  auto csv = Shell(Dyad() + " export --db " + db +
                   " --format csv --root 04 --from 2024-03-01 "
                   "--to 2024-03-31 --out " +
                   dir.path() + "/x.csv");
  EXPECT_EQ(csv.status, 0) << csv.err;
  std::string x = testing::ReadFile(dir.path() + "/x.csv");
  EXPECT_EQ(std::count(x.begin(), x.end(), '\n'), 2) << x;
  EXPECT_NE(x.find(",FRA,France,"), std::string::npos) << x;

  EXPECT_EQ(Shell(Dyad() + " export --db " + db + " --format xml").status, 2);
  EXPECT_EQ(Shell(Dyad() + " export --db " + db + " --country 'X; DROP'").status, 2);
  EXPECT_EQ(Shell(Dyad() + " export --db " + dir.path() + "/none.db").status, 2);
}

TEST(StoreCli, ExportStreamsInFlatMemory) {
  TempDir dir;
  // Databases of 20,000 and 200,000 events, written directly (coding them would take long).
  auto make = [&](const std::string& path, int docs) {
    std::string err;
    auto store = EventStore::Open(path, false, &err);
    ASSERT_TRUE(store) << err;
    const std::string sql =
        "BEGIN;"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<" +
        std::to_string(docs) +
        ") INSERT INTO documents(doc_key,hash,date,text,n_sentences,added_at,source_key,"
        "n_events,n_mentions) SELECT 'doc-'||i,'h'||i,'2024-01-01','Russia attacked Ukraine in "
        "Kyiv on day '||i||'.',1,'2024-01-01T00:00:00Z','wire',10,0 FROM n;"
        "INSERT INTO sentences SELECT id,0,0,length(text) FROM documents;"
        "INSERT INTO event_groups(id,day,source_code,target_code,cameo,place,root,quad_class,"
        "goldstein,num_mentions,num_sources,num_articles,added_at) SELECT id,'2024-01-01','RUS',"
        "'UKR','190','x'||id,'19',4,-10,10,1,1,'2024-01-01T00:00:00Z' FROM documents;"
        "WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j+1 FROM k WHERE j<10) "
        "INSERT INTO events(doc,sentence,date,source_code,source_text,source_start,source_end,"
        "target_code,target_text,target_start,target_end,verb_text,verb_start,verb_end,cameo,"
        "root,quad_class,goldstein,plover_event,confidence,group_id,source_country,"
        "target_country) SELECT d.id,0,'2024-01-01','RUS','Russia',0,6,'UKR','Ukraine',16,23,"
        "'attacked',7,15,'190','19',4,-10,'ASSAULT',0.9,d.id,'RUS','UKR' FROM documents d, k;"
        "COMMIT;";
    char* msg = nullptr;
    ASSERT_EQ(sqlite3_exec(store->handle(), sql.c_str(), nullptr, nullptr, &msg), SQLITE_OK)
        << (msg ? msg : "");
  };
  make(dir.path() + "/small.db", 2000);
  make(dir.path() + "/big.db", 20000);
  for (const char* format : {"jsonl", "gdelt", "plover"}) {
    auto small = RunToEnd({Dyad(), "export", "--db", dir.path() + "/small.db", "--format", format,
                           "--out", "/dev/null"});
    auto big = RunToEnd({Dyad(), "export", "--db", dir.path() + "/big.db", "--format", format,
                         "--out", "/dev/null"});
    ASSERT_EQ(small.status, 0);
    ASSERT_EQ(big.status, 0);
    std::printf(
        "[ info     ] export --format %s: peak RSS %ld KiB for 20,000 events, %ld KiB "
        "for 200,000\n",
        format, small.max_rss_kb, big.max_rss_kb);
    EXPECT_LT(big.max_rss_kb - small.max_rss_kb, 16 * 1024) << format;
  }
}

TEST(StoreCli, ServeAnswersOnLoopbackAndStopsOnSigterm) {
  TempDir dir;
  const std::string dict = MiniDict(dir);
  auto a = dir.Write("a.txt", "Date: 2024-03-05\nRussia attacked Ukraine in Kyiv.\n");
  const std::string db = dir.path() + "/s.db";
  ASSERT_EQ(Shell(Dyad() + " code " + a + " --dict " + dict + " --db " + db).status, 0);
  EXPECT_EQ(Shell(Dyad() + " serve --db " + dir.path() + "/missing.db --port 0").status, 2);
  const std::string port_file = dir.path() + "/port";
  pid_t pid = Start({Dyad(), "serve", "--db", db, "--port", "0", "--port-file", port_file});
  int port = 0;
  for (int i = 0; i < 400 && port == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    port = std::atoi(testing::ReadFile(port_file).c_str());
  }
  ASSERT_GT(port, 0) << "dyad serve did not start";
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string req =
      "GET /api/events?country=UKR HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(write(fd, req.data(), req.size()), static_cast<ssize_t>(req.size()));
  std::string reply;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
  close(fd);
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"total\":1"), std::string::npos) << reply;
  kill(pid, SIGTERM);
  int st = 0;
  waitpid(pid, &st, 0);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

}  // namespace
}  // namespace dyad
