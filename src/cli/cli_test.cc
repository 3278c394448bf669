// End-to-end tests of the dyad binary: inputs, outputs, bad input, the database, the seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "core/test_util.h"

namespace dyad {
namespace {

using testing::Shell;
using testing::TempDir;

std::string Dyad() {
  return testing::DyadBinary();
}

const char* kArticle =
    "Date: 2024-03-05\n"
    "Ministers meet in Ankara\n"
    "Turkey's foreign minister met his Egyptian counterpart in Ankara on Tuesday.\n";

size_t Lines(const std::string& s) {
  return std::count(s.begin(), s.end(), '\n');
}

TEST(Cli, HelpDescribesEveryCommand) {
  auto r = Shell(Dyad() + " --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("code"), std::string::npos);
  EXPECT_NE(r.out.find("query"), std::string::npos);
  auto c = Shell(Dyad() + " code --help");
  EXPECT_EQ(c.status, 0);
  for (const char* opt :
       {"--date", "--format", "--out", "--db", "--dict", "--input-format", "--threads", "--stats"})
    EXPECT_NE(c.out.find(opt), std::string::npos) << opt;
}

TEST(Cli, CodesTextWithDateLine) {
  TempDir dir;
  auto f = dir.Write("a.txt", kArticle);
  auto r = Shell(Dyad() + " code " + f);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"source\":{\"text\":\"Turkey's foreign minister\",\"code\":\"TURGOV\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"date\":\"2024-03-05\""), std::string::npos);
  EXPECT_EQ(r.err, "");  // nothing but results when not on a terminal
}

TEST(Cli, DateFlagAppliesOnlyWhereInputHasNone) {
  TempDir dir;
  auto f = dir.Write("a.txt", "Turkey's foreign minister met his Egyptian counterpart.\n");
  auto r = Shell(Dyad() + " code " + f + " --date 2023-01-02");
  EXPECT_NE(r.out.find("\"date\":\"2023-01-02\""), std::string::npos) << r.out;
  auto g = dir.Write("b.txt", kArticle);
  auto r2 = Shell(Dyad() + " code " + g + " --date 2023-01-02");
  EXPECT_NE(r2.out.find("\"date\":\"2024-03-05\""), std::string::npos) << r2.out;
}

TEST(Cli, ReadsJsonlStdinAndKeepsIds) {
  TempDir dir;
  auto f = dir.Write("in.jsonl",
                     "{\"id\":\"x1\",\"date\":\"2024-01-02\",\"text\":\"Turkey's foreign minister "
                     "met his Egyptian counterpart.\",\"lang\":\"en\"}\n"
                     "{\"id\":7,\"html\":\"<p>Egypt's president hosted the Turkish foreign "
                     "minister.</p>\"}\n");
  auto r = Shell(Dyad() + " code - < " + f);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"x1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"doc_id\":\"7\""), std::string::npos) << r.out;
}

TEST(Cli, CsvAndGdeltOutputs) {
  TempDir dir;
  auto f = dir.Write("a.txt", kArticle);
  auto csv = Shell(Dyad() + " code --format csv " + f);
  EXPECT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("doc_id,sentence,date,source_code", 0), 0u);
  EXPECT_GE(Lines(csv.out), 2u);
  auto gd = Shell(Dyad() + " code --format gdelt " + f + " --out " + dir.path() + "/g.tsv");
  EXPECT_EQ(gd.status, 0);
  std::string tsv = testing::ReadFile(dir.path() + "/g.tsv");
  ASSERT_FALSE(tsv.empty());
  std::string first = tsv.substr(0, tsv.find('\n'));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\t'), 60);
}

TEST(Cli, UnknownFormatIsAUsageError) {
  auto r = Shell(Dyad() + " code --format xml /dev/null");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown --format 'xml'"), std::string::npos) << r.err;
  EXPECT_EQ(Shell(Dyad() + " code --no-such-flag").status, 2);
  EXPECT_EQ(Shell(Dyad() + " code --date yesterday /dev/null").status, 2);
}

TEST(Cli, MissingFileIsReportedAndOthersStillCoded) {
  TempDir dir;
  auto f = dir.Write("a.txt", kArticle);
  auto r = Shell(Dyad() + " code " + dir.path() + "/missing.txt " + f);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.txt: error: no such file or directory"), std::string::npos)
      << r.err;
  EXPECT_GE(Lines(r.out), 1u);
}

TEST(Cli, DirectoryOfMixedFiles) {
  TempDir dir;
  dir.Write("news/a.txt", kArticle);
  dir.Write("news/sub/b.jsonl",
            "{\"id\":\"b\",\"text\":\"Egypt's president hosted the Turkish foreign minister.\"}\n");
  dir.Write("news/empty.txt", "");
  dir.Write("news/garbage.bin", std::string("\x00\x01\x02\xff\xfe binary", 14));
  dir.Write("news/.hidden", "ignored");
  auto r = Shell(Dyad() + " code " + dir.path() + "/news");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("empty.txt: error: empty document"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("garbage.bin: error: binary data"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".hidden"), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"b\""), std::string::npos);
  EXPECT_NE(r.out.find("a.txt"), std::string::npos);
}

TEST(Cli, InvalidUtf8IsRepairedWithAWarning) {
  TempDir dir;
  auto f = dir.Write("bad.txt", std::string("Turkey's foreign minister met his Egyptian "
                                            "counterpart \xC3\x28 in Cairo.\n"));
  auto r = Shell(Dyad() + " code " + f);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("bad.txt: warning: invalid UTF-8 (1 bytes replaced"), std::string::npos)
      << r.err;
  EXPECT_GE(Lines(r.out), 1u);
}

TEST(Cli, MalformedJsonlLineAmongGoodOnes) {
  TempDir dir;
  auto f = dir.Write("in.jsonl",
                     "{\"id\":\"1\",\"text\":\"Turkey's foreign minister met his Egyptian "
                     "counterpart.\"}\n"
                     "{\"id\":\"2\",\"text\": unquoted}\n"
                     "[1,2,3]\n"
                     "{\"id\":\"4\",\"title\":\"no text\"}\n"
                     "{\"id\":\"5\",\"text\":\"Egypt's president hosted the Turkish foreign "
                     "minister.\"}\n");
  TempDir dbdir;
  auto r = Shell(Dyad() + " code " + f + " --db " + dbdir.path() + "/x.db");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("in.jsonl:2: error: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:3: error: JSON record is not an object"), std::string::npos);
  EXPECT_NE(r.err.find("in.jsonl:4: error: record has no \"text\" or \"html\" field"),
            std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"5\""), std::string::npos);
  auto q = Shell(Dyad() + " query --db " + dbdir.path() +
                 "/x.db --sql 'SELECT count(*) AS n FROM "
                 "documents' --format csv");
  EXPECT_EQ(q.out, "n\n2\n");
}

TEST(Cli, FiftyMegabyteLineIsRejectedAndTheRestGoesOn) {
  TempDir dir;
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(50u << 20, 'a') + "\"}\n";
  std::string good =
      "{\"id\":\"ok\",\"text\":\"Egypt's president hosted the Turkish foreign minister.\"}\n";
  auto f = dir.Write("big.jsonl", good + big + good);
  auto r = Shell(Dyad() + " code " + f);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("big.jsonl:2: error: record too large"), std::string::npos) << r.err;
  EXPECT_EQ(Lines(r.out), 2u);
}

TEST(Cli, DatabaseIsIdempotentAndQueryable) {
  TempDir dir;
  auto f = dir.Write("a.txt", kArticle);
  std::string db = dir.path() + "/d.db";
  ASSERT_EQ(Shell(Dyad() + " code " + f + " --db " + db + " --out /dev/null").status, 0);
  ASSERT_EQ(Shell(Dyad() + " code " + f + " --db " + db + " --out /dev/null").status, 0);
  auto q = Shell(Dyad() + " query --db " + db + " summary --format csv");
  EXPECT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(q.out.substr(0, q.out.find('\n')), "documents,sentences,events,first_day,last_day");
  EXPECT_EQ(q.out.substr(q.out.find('\n') + 1, 2), "1,");
  for (const char* rep : {"events", "days", "dyads", "roots", "quad"})
    EXPECT_EQ(Shell(Dyad() + " query --db " + db + " " + rep).status, 0) << rep;
  auto w = Shell(Dyad() + " query --db " + db + " --sql 'DELETE FROM events'");
  EXPECT_EQ(w.status, 2);
  EXPECT_NE(w.err.find("read-only"), std::string::npos) << w.err;
}

TEST(Cli, StatsFile) {
  TempDir dir;
  auto f = dir.Write("a.txt", kArticle);
  Shell(Dyad() + " code " + f + " --stats " + dir.path() + "/s.json --out /dev/null");
  std::string s = testing::ReadFile(dir.path() + "/s.json");
  EXPECT_NE(s.find("\"documents\":1"), std::string::npos) << s;
  EXPECT_NE(s.find("\"sentences\":2"), std::string::npos) << s;
}

TEST(Cli, ThreadsGiveTheSameOutput) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 300; ++i)
    lines += "{\"id\":\"" + std::to_string(i) +
             "\",\"text\":\"Turkey's foreign minister met his Egyptian counterpart. Egypt's "
             "president hosted the Turkish foreign minister.\"}\n";
  auto f = dir.Write("many.jsonl", lines);
  auto one = Shell(Dyad() + " code " + f + " --threads 1");
  auto many = Shell(Dyad() + " code " + f + " --threads 0 --batch 7");
  EXPECT_EQ(one.out, many.out);
  EXPECT_GE(Lines(one.out), 300u);
}

TEST(Cli, SeedArticle) {
  const std::string data = testing::SharedData();
  if (data.empty()) GTEST_SKIP() << "shared data not found (set DYAD_SHARED or SHARED=...)";
  auto r = Shell(Dyad() + " code " + data + "/seed/seed-article.txt --date 2024-11-01");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"code\":\"PRKGOV\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"cameo\":\"040\""), std::string::npos) << r.out;
  // Persons from the dated-roles dictionary, in office on the document date.
  EXPECT_NE(r.out.find("\"text\":\"Sergei Lavrov\",\"code\":\"RUSGOV\""), std::string::npos);
  EXPECT_NE(r.out.find("\"text\":\"Ukrainian President Volodymyr Zelensky\",\"code\":\"UKRGOV\""),
            std::string::npos);
  // Kim Il-Sung's visit to the USSR is dated by its own "in 1949"; the unveiling is not.
  EXPECT_NE(r.out.find("\"date\":\"1949\""), std::string::npos);
  // "Washington said ... there are around 8,000 North Korean troops stationed in the Kursk
  // region": a deployment claimed by the USA, not a plain fact.
  bool claimed_deployment = false;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"text\":\"unveiled") != std::string::npos) {
      EXPECT_EQ(line.find("\"date\":\"1949\""), std::string::npos) << line;
    }
    if (line.find("\"verb\":{\"text\":\"stationed\"") != std::string::npos &&
        line.find("\"code\":\"PRKMIL\"") != std::string::npos &&
        line.find("\"attribution\":{\"speaker\":\"Washington\",\"code\":\"USA\"}") !=
            std::string::npos)
      claimed_deployment = true;
  }
  EXPECT_TRUE(claimed_deployment) << r.out;
  // Inside Choe's quote ("'... to defend the sovereign rights ...,' she added") events are
  // hers to answer for.
  const auto defend = r.out.find("\"verb\":{\"text\":\"defend\"");
  ASSERT_NE(defend, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"attribution\":{\"speaker\":\"North Korean Foreign Minister Choe "
                       "Son-hui\",\"code\":\"PRKGOV\"}",
                       defend),
            std::string::npos)
      << r.out;
  // "what he called inaction by his Western allies on the issue" is no appeal (CAMEO 020).
  EXPECT_EQ(r.out.find("\"cameo\":\"020\""), std::string::npos);
  // The donation appeal that closes the article yields nothing.
  for (const char* appeal :
       {"undesirable", "foreign agent", "support us", "journalism", "Prosecutor General"})
    EXPECT_EQ(r.out.find(appeal), std::string::npos) << appeal;
}

}  // namespace
}  // namespace dyad
