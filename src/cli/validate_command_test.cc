// End-to-end tests of `dyad validate`: small inline PETRARCH and TABARI suites, and the peers'
// own suites from the shared data when it is there.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "core/test_util.h"

namespace dyad {
namespace {

using testing::Shell;
using testing::TempDir;

std::string Dyad() {
  return testing::DyadBinary();
}

// The integer after "key": in a JSON text (the first occurrence), -1 when absent.
long JsonInt(const std::string& json, const std::string& key) {
  std::smatch m;
  if (std::regex_search(json, m, std::regex("\"" + key + "\":(-?[0-9]+)")))
    return std::stol(m[1].str());
  return -1;
}

TEST(Validate, PetrarchSuiteOnInlineRecords) {
  TempDir dir;
  dir.Write("V.verbs.txt", "--- RESTORE [064] ---\nRESTORE\n\n--- MEET [031:032] ---\nMEET\n");
  dir.Write("V.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n");
  dir.Write("V.agents.txt", "MINISTER [~GOV]\n");
  const std::string xml = dir.Write(
      "suite.xml",
      "<Validation>\n<!-- a comment with <Sentence in it -->\n<Environment>\n"
      "<Verbfile>V.verbs.txt</Verbfile>\n<Actorfile>V.actors.txt</Actorfile>\n"
      "<Agentfile>V.agents.txt</Agentfile>\n<Include>valid DEMO</Include>\n</Environment>\n"
      "<Sentences>\n"
      "<Sentence date=\"19950101\" id=\"R-1\" category=\"DEMO\" sentence=\"true\">\n"
      "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
      "<Text>\nArnor is about to restore full ties with Gondor.\n</Text>\n"
      "<Parse>(ROOT)</Parse>\n</Sentence>\n"
      "<Sentence date=\"19950101\" id=\"R-2\" category=\"DEMO\" sentence=\"true\">\n"
      "<EventCoding sourcecode=\"ARNGOV\" targetcode=\"GON\" eventcode=\"031\"></EventCoding>\n"
      "<Text>The Arnor minister meets Gondor.</Text>\n</Sentence>\n"
      "<Sentence date=\"19950101\" id=\"R-3\" category=\"DEMO\" sentence=\"false\">\n"
      "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"></EventCoding>\n"
      "<Text>Nothing here.</Text>\n</Sentence>\n"
      "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
      "<Sentence date=\"19950101\" id=\"R-4\" category=\"DEMO\" sentence=\"true\">\n"
      "<EventCoding noevents=\"True\"></EventCoding>\n"
      "<Text>The weather was fine.</Text>\n</Sentence>\n"
      "<Sentence date=\"19950101\" id=\"R-5\" category=\"OTHER\" sentence=\"true\">\n"
      "<EventCoding noevents=\"True\"></EventCoding>\n"
      "<Text>Arnor restored ties with Gondor.</Text>\n</Sentence>\n"
      "</Sentences>\n</Validation>\n");
  auto r = Shell(Dyad() + " validate petrarch " + xml);
  EXPECT_EQ(r.status, 1) << r.err;  // R-2 fails
  EXPECT_NE(r.out.find("pass  R-1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAIL  R-2"), std::string::npos) << r.out;
  // The difference: expected and got triples.
  EXPECT_NE(r.out.find("expected: ARNGOV GON 031"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("got:      ARNGOV GON 031, GON ARNGOV 032"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("extra:    GON ARNGOV 032"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skip  R-3  (sentence=\"false\")"), std::string::npos);
  EXPECT_NE(r.out.find("pass  R-4"), std::string::npos);
  EXPECT_NE(r.out.find("skip  R-5  (category OTHER is not in <Include>)"), std::string::npos);
  EXPECT_NE(r.out.find("2 of 3 records pass"), std::string::npos) << r.out;

  auto j = Shell(Dyad() + " validate petrarch " + xml + " --json");
  EXPECT_EQ(JsonInt(j.out, "evaluated"), 3);
  EXPECT_EQ(JsonInt(j.out, "passed"), 2);
  EXPECT_EQ(JsonInt(j.out, "skipped"), 2);
  auto f = Shell(Dyad() + " validate petrarch " + xml + " --failures");
  EXPECT_EQ(f.out.find("pass  R-1"), std::string::npos);
  EXPECT_NE(f.out.find("FAIL  R-2"), std::string::npos);
}

TEST(Validate, TabariSuiteOnInlineRecords) {
  TempDir dir;
  dir.Write("D.verbs", "RESTOR  [064]\nPOSTPON  [---]\n- % HAVE *  [191]\n");
  dir.Write("D.actors", "ARNOR  [ARN]\nGONDOR  [GON]\nOSGILIATH  [OSG]\nVOLLEYBALL  [###]\n");
  dir.Write("D.options", "COMPLEX: VERBS[5] CONJ[4]\n");
  dir.Write("D.text",
            "##### header\n\n"
            "950101  DEMO-01\nArnor is about to restore full ties with Gondor, a senior official\n"
            "said on Saturday.\n/*\\n[Simple]\n\\n{ ARN / GON / 064 } */\n\n"
            "950101  PAT-01\nGondor and Osgiliath have postponed talks.\n/*\n"
            "\\n{ GON / OSG / 191 }\n\\n{ OSG / GON / 191 } */\n"
            "950101  DIS-01\nArnor restored ties with Gondor at a volleyball game.\n"
            "/*\\n{ --- } */\n\n"
            "950101  NEG-01\nArnor restored ties with Osgiliath.\n/*\\n-{ ARN / GON / 064 } */\n\n"
            "950101  OPT-01\nSwitch the options.\n/*\\n{ OPTION: COMMA: OFF } */\n\n"
            "950101  BAD-01\nArnor restored ties with Gondor.\n/*\\n{ GON / ARN / 064 } */\n\n"
            "990101  FINAL-01\nThe end.\n\n"
            "950101  AFTER-01\nArnor restored ties with Gondor.\n/*\\n{ ARN / GON / 064 } */\n");
  const std::string project = dir.Write("D.project",
                                        "<actorsfile> D.actors\n<verbsfile> D.verbs\n"
                                        "<optionsfile> D.options\n<textfile> D.text\n");
  auto r = Shell(Dyad() + " validate tabari " + project);
  EXPECT_EQ(r.status, 1) << r.err;
  for (const char* id : {"pass  DEMO-01", "pass  PAT-01", "pass  DIS-01", "pass  NEG-01",
                         "FAIL  BAD-01", "skip  OPT-01", "skip  FINAL-01", "skip  AFTER-01"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id << "\n" << r.out;
  EXPECT_NE(r.out.find("with expected codings 2 of 3"), std::string::npos) << r.out;
}

TEST(Validate, UsageErrors) {
  TempDir dir;
  const std::string f = dir.Write("x.xml", "<Validation></Validation>\n");
  EXPECT_EQ(Shell(Dyad() + " validate nosuch " + f).status, 2);
  EXPECT_EQ(Shell(Dyad() + " validate petrarch " + f).status, 2);  // no records
  EXPECT_EQ(Shell(Dyad() + " validate petrarch " + dir.path() + "/missing.xml").status, 2);
}

// The peers' own suites: the pass counts dyad reached when this was written are a floor.
TEST(Validate, PetrarchUnitTestSuite) {
  const std::string shared = testing::SharedData();
  if (shared.empty()) GTEST_SKIP() << "no shared data (../shared/data); set DYAD_SHARED";
  auto r = Shell(Dyad() + " validate petrarch " + shared +
                 "/events/petrarch-unittest/PETR.UnitTest.records.xml --json");
  ASSERT_LE(r.status, 1) << r.err;
  EXPECT_EQ(JsonInt(r.out, "evaluated"), 276);
  EXPECT_GE(JsonInt(r.out, "passed"), 252);  // PETRARCH-1: 212 of 277
}

TEST(Validate, TabariValidationSuite) {
  const std::string shared = testing::SharedData();
  if (shared.empty()) GTEST_SKIP() << "no shared data (../shared/data); set DYAD_SHARED";
  auto r = Shell(Dyad() + " validate tabari " + shared +
                 "/events/tabari-validation/Validate.project --json");
  ASSERT_LE(r.status, 1) << r.err;
  // with_codings comes first in the output: its "evaluated" and "passed".
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.out, m, std::regex("\"with_codings\":\\{\"evaluated\":([0-9]+),\"passed\":([0-9]+)")));
  const long evaluated = std::stol(m[1].str()), passed = std::stol(m[2].str());
  EXPECT_EQ(evaluated, 395);
  EXPECT_GE(passed, 345);  // 0.87 of the records carrying expected codings
}

}  // namespace
}  // namespace dyad
