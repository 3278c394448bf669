#include "events/event_coder.h"

#include <gtest/gtest.h>

#include "core/test_util.h"
#include "pipeline/pipeline.h"

namespace dyad {
namespace {

// A small dictionary written for these tests, so they do not move with data/dict.
class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("t.actors",
               "PRK\tname: North Korea\nPRK\tadj: North Korean\nPRK\tcapital: Pyongyang\n"
               "RUS\tname: Russia\nRUS\tadj: Russian\nRUS\tcapital: Moscow\n"
               "UKR\tname: Ukraine\nUKR\tadj: Ukrainian\nHUN\tadj: Hungarian\n"
               "ROU\tadj: Romanian\nRUSGOV\tperson: Sergei Lavrov; Lavrov\t[2004-03-09..]\n"
               "PRKGOV\tperson: Choe Son-hui; Choe\t[2022-06-11..]\n");
    dir_.Write("t.agents",
               "GOV\tforeign minister; minister; counterpart; official\nMIL\ttroops; forces\n");
    dir_.Write("t.forms", "meet\tmet\tmet\n");
    dir_.Write("t.cameo",
               "04\tConsult\t1.0\t1\tCONSULT\t\n040\tConsult\t1.0\t1\tCONSULT\t\n"
               "042\tVisit\t1.9\t1\tCONSULT\tvisit\n19\tFight\t-10\t4\tASSAULT\t\n"
               "190\tUse force\t-10\t4\tASSAULT\t\n03\tIntend\t4\t1\tAGREE\t\n"
               "051\tPraise\t3.4\t1\tSUPPORT\t\n05\tCooperate\t3.5\t1\tSUPPORT\t\n");
    dir_.Write("t.verbs",
               "040\tmeet\n040\tmeet with\n190\tattack\n190\tn: attack on\n051\thail\n"
               "042\tvisit\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
    ASSERT_EQ(diag.warnings(), 0u) << diag.last();
  }

  Document Code(const std::string& text, bool keep_negated = false,
                const std::string& date = "2024-11-01") {
    Pipeline p(*dict_, PipelineOptions{CoderOptions{keep_negated}});
    Document d;
    d.id = "t";
    d.raw = text;
    d.date = date;
    p.Process(&d);
    return d;
  }

  static std::string Triple(const Document& d, const Event& e) {
    return (e.source >= 0 ? d.actors[e.source].code : "-") + " " + e.cameo + " " +
           (e.target >= 0 ? d.actors[e.target].code : "-");
  }
  static std::vector<std::string> Triples(const Document& d) {
    std::vector<std::string> out;
    for (const auto& e : d.events) out.push_back(Triple(d, e));
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(CoderTest, PossessiveAndAdjectiveActors) {
  auto d = Code("North Korea's foreign minister met with her Russian counterpart in Moscow.");
  ASSERT_EQ(Triples(d), std::vector<std::string>{"PRKGOV 040 RUSGOV"});
  const Event& e = d.events[0];
  EXPECT_EQ(d.slice(d.actors[e.source].span), "North Korea's foreign minister");
  EXPECT_EQ(d.slice(d.actors[e.target].span), "Russian counterpart");
  EXPECT_EQ(d.slice(e.verb), "met with");
  EXPECT_EQ(e.pattern, "meet with");
  EXPECT_NE(e.pattern_entry.find("t.verbs:2"), std::string::npos);
  ASSERT_GE(e.location, 0);
  EXPECT_EQ(d.slice(d.actors[e.location].span), "Moscow");
  EXPECT_EQ(e.plover_event, "CONSULT");
  EXPECT_EQ(e.quad_class, 1);
}

TEST_F(CoderTest, CoordinatedActorsGiveAnEventEach) {
  auto d = Code("Lavrov and Choe visited Ukraine.");
  EXPECT_EQ(Triples(d), (std::vector<std::string>{"RUSGOV 042 UKR", "PRKGOV 042 UKR"}));
  auto d2 = Code("Hungarian and Romanian officials met Russian officials.");
  EXPECT_EQ(Triples(d2), (std::vector<std::string>{"HUNGOV 040 RUSGOV", "ROUGOV 040 RUSGOV"}));
}

TEST_F(CoderTest, PassiveVoice) {
  auto d = Code("Ukrainian forces were attacked by Russian troops.");
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUSMIL 190 UKRMIL"});
}

TEST_F(CoderTest, NegationDropsOrFlags) {
  EXPECT_TRUE(Code("Russia did not attack Ukraine.").events.empty());
  auto d = Code("Russia did not attack Ukraine.", /*keep_negated=*/true);
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_TRUE(d.events[0].negated);
}

TEST_F(CoderTest, EventNounWithPossessiveSource) {
  auto d = Code("Russia's attack on Ukraine continued.");
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUS 190 UKR"});
}

TEST_F(CoderTest, PlacesAreNotTargets) {
  auto d = Code("Russian troops attacked in Ukraine.");
  EXPECT_TRUE(d.events.empty());
}

TEST_F(CoderTest, DatedRoles) {
  EXPECT_EQ(Triples(Code("Lavrov hailed Choe.")),
            std::vector<std::string>{"RUSGOV 051 PRKGOV"});
  // Before Choe became foreign minister the name codes to nothing.
  EXPECT_TRUE(Code("Lavrov hailed Choe.", false, "2019-01-01").events.empty());
}

TEST_F(CoderTest, ReportedSpeechCarriesAttribution) {
  auto d = Code("Russia said Ukrainian troops attacked North Korea.");
  ASSERT_EQ(Triples(d), std::vector<std::string>{"UKRMIL 190 PRK"});
  ASSERT_GE(d.events[0].attribution, 0);
  EXPECT_EQ(d.actors[d.events[0].attribution].code, "RUS");
}

TEST_F(CoderTest, OffsetsAreEvidence) {
  auto d = Code("Headline\n\nRussia attacked Ukraine.");
  ASSERT_EQ(d.events.size(), 1u);
  const Event& e = d.events[0];
  EXPECT_EQ(d.slice(d.sentences[e.sentence].span), "Russia attacked Ukraine.");
  EXPECT_EQ(d.slice(d.actors[e.source].span), "Russia");
  EXPECT_EQ(d.slice(e.verb), "attacked");
}

}  // namespace
}  // namespace dyad
