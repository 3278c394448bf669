#include "dict/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/test_util.h"

namespace dyad {
namespace {

TEST(Inflector, RegularAndIrregularVerbs) {
  Inflector inf;
  inf.AddIrregular({"meet", "met", "met"});
  auto meet = inf.VerbForms("meet");
  EXPECT_NE(std::find(meet.begin(), meet.end(), "met"), meet.end());
  EXPECT_NE(std::find(meet.begin(), meet.end(), "meets"), meet.end());
  EXPECT_NE(std::find(meet.begin(), meet.end(), "meeting"), meet.end());
  auto deny = inf.VerbForms("deny");
  EXPECT_NE(std::find(deny.begin(), deny.end(), "denied"), deny.end());
  EXPECT_NE(std::find(deny.begin(), deny.end(), "denies"), deny.end());
  auto urge = inf.VerbForms("urge");
  EXPECT_NE(std::find(urge.begin(), urge.end(), "urged"), urge.end());
  EXPECT_NE(std::find(urge.begin(), urge.end(), "urging"), urge.end());
}

TEST(Inflector, NounPlurals) {
  Inflector inf;
  EXPECT_EQ(inf.NounForms("minister")[1], "ministers");
  EXPECT_EQ(inf.NounForms("militia")[1], "militias");
  EXPECT_EQ(inf.NounForms("policeman")[1], "policemen");
  EXPECT_EQ(inf.NounForms("party")[1], "parties");
  EXPECT_EQ(inf.NounForms("talks").size(), 1u);
}

TEST(Dictionary, LoadsEachKindAndReportsBadLines) {
  testing::TempDir dir;
  dir.Write("a.actors",
            "# comment\nRUS\tname: Russia; Russian Federation\nRUS\tadj: Russian\n"
            "bad line without tab\nRUSGOV\tperson: Vladimir Putin\t[2000-05-07..2008-05-07]\n"
            "XXX\tperson: Someone\t[2000-99-01..]\n");
  dir.Write("a.agents", "GOV\tminister; foreign minister\nMIL\ttroops\n");
  dir.Write("a.cameo", "04\tConsult\t1.0\t1\tCONSULT\t\n040\tConsult\t1.0\t1\tCONSULT\t\n");
  dir.Write("a.forms", "meet\tmet\tmet\n");
  dir.Write("a.verbs", "040\tmeet with\n040\tn: talks with\n9999x\tbroken\n");
  dir.Write("README", "not a dictionary");
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(dict->actors().size(), 3u);
  EXPECT_EQ(dict->agents().size(), 2u);
  EXPECT_EQ(dict->patterns().size(), 2u);
  EXPECT_EQ(diag.warnings(), 3u);  // the bad actor line, the bad date, the bad verb code
  EXPECT_NE(diag.last().find("a.verbs:3"), std::string::npos);
  ASSERT_NE(dict->Cameo("0401"), nullptr);  // falls back to the parent code
  EXPECT_EQ(dict->Cameo("0401")->code, "040");
  EXPECT_TRUE(dict->actors()[2].HoldsOn("2005-01-01"));
  EXPECT_FALSE(dict->actors()[2].HoldsOn("2010-01-01"));
}

// Every line of a persons file carries a bracketed date range; that must not make it look
// like a TABARI file (`WORD [CODE]`), which would drop every person.
TEST(Dictionary, DatedActorsFileIsOurFormat) {
  testing::TempDir dir;
  dir.Write("p.actors",
            "RUSGOV\tperson: Vladimir Putin; Putin\t[2000-05-07..2008-05-07]\n"
            "USAGOV\tperson: Barack Obama; Obama\t[2009-01-20..2017-01-20]\n");
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(diag.warnings(), 0u) << diag.last();
  ASSERT_EQ(dict->actors().size(), 2u);
  EXPECT_EQ(dict->actors()[0].code, "RUSGOV");
  EXPECT_EQ(dict->actors()[0].kind, "person");
  EXPECT_EQ(dict->actors()[1].to, "2017-01-20");
}

TEST(Dictionary, MissingDirectoryIsAnError) {
  Diagnostics diag(nullptr);
  EXPECT_EQ(Dictionary::Load({"/nonexistent/dyad"}, &diag), nullptr);
  EXPECT_EQ(diag.rejected(), 1u);
}

TEST(Dictionary, DefaultDictionaryLoadsCleanly) {
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({Dictionary::DefaultDir()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(diag.warnings(), 0u) << diag.last();
  EXPECT_GT(dict->actors().size(), 250u);
  size_t persons = 0;
  for (const auto& a : dict->actors()) persons += a.kind == "person";
  // persons.actors (2000 on) and persons-1975-1999.actors: one line per person per office
  EXPECT_GE(persons, 1500u);
  EXPECT_GE(dict->agents().size(), 100u);
  EXPECT_GT(dict->cameo_size(), 280u);
  // Every CAMEO root 01..20 has at least one pattern.
  std::set<std::string> roots;
  for (const auto& p : dict->patterns()) roots.insert(p.code.substr(0, 2));
  for (int r = 1; r <= 20; ++r) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", r);
    EXPECT_TRUE(roots.count(buf)) << "no pattern for root " << buf;
  }
}

}  // namespace
}  // namespace dyad
