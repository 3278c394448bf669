// Tests of the SlotMatcher: PETRARCH and TABARI patterns coded through the pipeline.
#include "events/slot_matcher.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

#include "core/test_util.h"
#include "pipeline/pipeline.h"

namespace dyad {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> Code(const Dictionary& dict, const std::string& text,
                      const std::string& date = "1995-01-01",
                      const PeerOptions* options = nullptr) {
  PipelineOptions po;
  if (options) po.coder.peer = *options;
  Pipeline pipeline(dict, po);
  Document doc;
  doc.id = "t";
  doc.raw = text;
  doc.date = date;
  pipeline.Process(&doc);
  std::set<Triple> out;
  for (const auto& e : doc.events)
    out.insert({e.source >= 0 ? doc.actors[e.source].code : "---",
                e.target >= 0 ? doc.actors[e.target].code : "---", e.cameo});
  return out;
}

class PetrarchSlots : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("T.verbs.txt",
               "&CURRENCY\n+DOLLARS\n+EUROS\n\n"
               "--- RESTORE [064] ---\nRESTORE\n- * THE FULL [099]\n\n"
               "--- CONTRIBUTE [070] ---\nCONTRIBUTE\n- * &CURRENCY [903]\n\n"
               "--- FREE [066] ---\nFREE\n- + * FROM $ [067]\n\n"
               "--- LEFT [032:033] ---\nLEFT\n\n"
               "--- SAY [---] ---\nSAY {SAID SAYS}\n- * ATTACK [190]\n\n"
               "--- OPPOSE [112] ---\nOPPOSE\n");
    dir_.Write("T.actors.txt",
               "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nITHILEN [ITH]\n"
               "SMEAGOL\n\t[HOB <950601]\n\t[HOBGOV >950602]\n");
    dir_.Write("T.agents.txt", "MINISTER [~GOV]\nSOLDIER [~MIL]\nRIGHTS_BODY [NGO~]\n");
    dir_.Write("T.discards.txt", "BASEBALL\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
    ASSERT_EQ(diag.warnings(), 0u) << diag.last();
  }
  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(PetrarchSlots, SourceBeforeTargetAfterTheVerb) {
  EXPECT_EQ(Code(*dict_, "Arnor is about to restore full diplomatic ties with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "064"}}));
  // Agents join the first actor of their noun phrase.
  EXPECT_EQ(Code(*dict_, "Arnor's foreign minister restored ties with Gondor soldiers."),
            (std::set<Triple>{{"ARNGOV", "GONMIL", "064"}}));
  EXPECT_EQ(Code(*dict_, "The rights body of Arnor restored ties with Gondor."),
            (std::set<Triple>{{"NGOARN", "GON", "064"}}));
  // Coordinated actors before one agent noun share it.
  EXPECT_EQ(Code(*dict_, "Arnor and Ithilen soldiers restored ties with Gondor."),
            (std::set<Triple>{{"ARNMIL", "GON", "064"}, {"ITHMIL", "GON", "064"}}));
}

TEST_F(PetrarchSlots, PatternsSynsetsAndSlots) {
  EXPECT_EQ(Code(*dict_, "Arnor will contribute a million euros to Gondor."),
            (std::set<Triple>{{"ARN", "GON", "903"}}));
  EXPECT_EQ(Code(*dict_, "Arnor will contribute a million rupees to Gondor."),
            (std::set<Triple>{{"ARN", "GON", "070"}}));
  // "+ * FROM $": the phrase before the verb is the target, the one after FROM the source.
  EXPECT_EQ(Code(*dict_, "Ithilen's militia was freed from Mordor."),
            (std::set<Triple>{{"MOR", "ITH", "067"}}));
  // A paired code gives an event each way; a compound gives one per member.
  EXPECT_EQ(Code(*dict_, "Arnor and Ithilen left for Gondor."),
            (std::set<Triple>{{"ARN", "GON", "032"},
                              {"ITH", "GON", "032"},
                              {"GON", "ARN", "033"},
                              {"GON", "ITH", "033"}}));
}

TEST_F(PetrarchSlots, PassivesDatesCommasAndDiscards) {
  EXPECT_EQ(Code(*dict_, "Arnor was opposed by Gondor."),
            (std::set<Triple>{{"GON", "ARN", "112"}}));
  // The agent of a passive is the phrase after "by", an agent alone too.
  EXPECT_EQ(Code(*dict_, "Gondor soldiers were opposed by ministers near Mordor."),
            (std::set<Triple>{{"GOV", "GONMIL", "112"}}));
  EXPECT_EQ(Code(*dict_, "Smeagol restored ties with Gondor.", "1994-01-01"),
            (std::set<Triple>{{"HOB", "GON", "064"}}));
  EXPECT_EQ(Code(*dict_, "Smeagol restored ties with Gondor.", "1999-01-01"),
            (std::set<Triple>{{"HOBGOV", "GON", "064"}}));
  // A short terminal clause is dropped: "said" codes nothing here.
  EXPECT_EQ(Code(*dict_, "Arnor restored ties with Gondor, a Mordor minister said on Monday."),
            (std::set<Triple>{{"ARN", "GON", "064"}}));
  // Without require_dyad an event may lack a coded target.
  EXPECT_TRUE(Code(*dict_, "Arnor restored full relations.").empty());
  PeerOptions loose;
  loose.require_dyad = false;
  EXPECT_EQ(Code(*dict_, "Arnor restored full relations.", "1995-01-01", &loose),
            (std::set<Triple>{{"ARN", "---", "064"}}));
  EXPECT_TRUE(Code(*dict_, "Arnor restored ties with Gondor after a baseball game.").empty());
}

TEST_F(PetrarchSlots, OnceAgainOpensNoClause) {
  // "once" opens a clause ("once Gondor agreed"), but not in "once again", an adverb.
  EXPECT_EQ(Code(*dict_, "Arnor has once again opposed Gondor."),
            (std::set<Triple>{{"ARN", "GON", "112"}}));
  EXPECT_EQ(Code(*dict_, "Arnor once more opposed Gondor."),
            (std::set<Triple>{{"ARN", "GON", "112"}}));
}

TEST_F(PetrarchSlots, APrepositionBeforeATimeOpensNoClause) {
  // "since May" is a time; "since Mordor attacked" would open a clause of its own.
  EXPECT_EQ(Code(*dict_, "Arnor since May has opposed Gondor."),
            (std::set<Triple>{{"ARN", "GON", "112"}}));
}

TEST(PetrarchDates, ASharedPhraseTakesTheActorWhoseDatedCodeHolds) {
  // Two actors share "King Elessar"; on a date only the second one's dated code covers,
  // the first one's undated fallback does not win by coming first.
  testing::TempDir dir;
  dir.Write("T.verbs.txt", "--- RESTORE [064] ---\nRESTORE\n");
  dir.Write("T.actors.txt",
            "ELESSAR_ELDER\n+KING_ELESSAR\n\t[ARNGOV 19400101-19451231]\n\t[ARNELI]\n"
            "ELESSAR_YOUNGER\n+KING_ELESSAR\n\t[GONGOV 19900101-19991231]\n\t[GONELI]\n"
            "MORDOR [MOR]\n");
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(Code(*dict, "King Elessar restored ties with Mordor.", "1995-06-01"),
            (std::set<Triple>{{"GONGOV", "MOR", "064"}}));
  EXPECT_EQ(Code(*dict, "King Elessar restored ties with Mordor.", "1942-06-01"),
            (std::set<Triple>{{"ARNGOV", "MOR", "064"}}));
  // No dated code holds: the first unrestricted one.
  EXPECT_EQ(Code(*dict, "King Elessar restored ties with Mordor.", "2010-06-01"),
            (std::set<Triple>{{"ARNELI", "MOR", "064"}}));
}

TEST(PetrarchActors, ThePluralOfAnActorNounNamesItsPeople) {
  testing::TempDir dir;
  dir.Write("T.verbs.txt", "--- ATTACK [190] ---\nATTACK\n\n--- USE [---] ---\nUSE\n");
  dir.Write("T.actors.txt", "ROHAN [ROH]\n+ROHIRRIC_\nGONDOR [GON]\n+GONDORIAN_\nUS [USA]\n");
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(Code(*dict, "Three Gondorians attacked Rohan."),
            (std::set<Triple>{{"GON", "ROH", "190"}}));
  // A word ending in "s" takes no plural: "uses" is no actor.
  EXPECT_EQ(Code(*dict, "Rohan attacked the uses of the ford."), std::set<Triple>{});
}

// A PETRARCH2 verb file (it has transformation rules): verbs that govern verbs combine.
class Petrarch2Slots : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("T.verbs.txt",
               "--- ASK [---] ---\nASK [020]\n\n"
               "--- PLEDGE [030] ---\nPLEDGE\nWANT\n\n"
               "--- EXPLAIN_VERBAL [010] ---\nSAY {SAYS SAID SAYING}\n\n"
               "--- AID [070] ---\nHELP\n\n"
               "--- COOPERATE [060] ---\nCOOPERATE\n\n"
               "--- WELCOME [051] ---\nWELCOME\n- * (TO) [043]\n\n"
               "--- CONSENT [030] ---\nCONSENT\n- * (TO TRUCE) [0356]\n\n"
               "--- RELEASE [084] ---\nFREE\n- * PRISONERS [0841]\n\n"
               "--- PATROL [150] ---\nPATROL\n\n"
               "--- EXPEL [174] ---\nEXPEL\n\n"
               "--- PHYSICAL_CONFLICT [190] ---\nATTACK\n\n"
               "--- SCHEDULE [---] ---\nSCHEDULE\n\n"
               "--- ATTEND [042] ---\nATTEND\n\n"
               "~ a (a b ATTACK) SAY = a b 015\n"
               "~ a (b . ATTACK) SAY = a b 112\n"
               "~ a (a b Q) SAY = a b Q\n"
               "~ a (b . ATTACK) WANT = a b 021\n");
    dir_.Write("T.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\nITHILEN [ITH]\n");
    dir_.Write("T.agents.txt", "MINISTER [~GOV]\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
    ASSERT_EQ(diag.warnings(), 0u) << diag.last();
    ASSERT_TRUE(dict_->petrarch2_verbs());
  }
  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(Petrarch2Slots, AnInfinitiveCombinesWithTheVerbGoverningIt) {
  // Intend + expel is the expelling; intend + aid is "intend to provide aid".
  EXPECT_EQ(Code(*dict_, "Arnor pledged to expel the envoys of Mordor."),
            (std::set<Triple>{{"ARN", "MOR", "174"}}));
  EXPECT_EQ(Code(*dict_, "Arnor wants to help Gondor."), (std::set<Triple>{{"ARN", "GON", "033"}}));
  // A verb without a code passes the governed one on.
  EXPECT_EQ(Code(*dict_, "Arnor is scheduled to attend a summit in Gondor."),
            (std::set<Triple>{{"ARN", "GON", "042"}}));
  // The object of the governing verb is the subject of the governed one.
  EXPECT_EQ(Code(*dict_, "Arnor asked Gondor to help Ithilen."),
            (std::set<Triple>{{"ARN", "GON", "023"}}));
  EXPECT_EQ(Code(*dict_, "Arnor wants Gondor to attack Mordor."),
            (std::set<Triple>{{"ARN", "GON", "021"}}));
  // A subject of agents alone governs too.
  EXPECT_EQ(Code(*dict_, "The ministers asked Gondor to help Ithilen."),
            (std::set<Triple>{{"GOV", "GON", "023"}}));
}

TEST_F(Petrarch2Slots, CompoundActorsWithoutATargetCooperateWithOneAnother) {
  EXPECT_EQ(Code(*dict_, "Arnor, Gondor and Ithilen cooperated yesterday."),
            (std::set<Triple>{{"ARN", "GON", "060"},
                              {"ARN", "ITH", "060"},
                              {"GON", "ARN", "060"},
                              {"GON", "ITH", "060"},
                              {"ITH", "ARN", "060"},
                              {"ITH", "GON", "060"}}));
  // Not for codes other than intent, consultation and cooperation.
  EXPECT_TRUE(Code(*dict_, "Arnor and Gondor attacked yesterday.").empty());
  // The codes under those roots pair too (PETRARCH2 tests the root, code[:2]).
  EXPECT_EQ(Code(*dict_, "Arnor and Gondor consented to a truce."),
            (std::set<Triple>{{"ARN", "GON", "0356"}, {"GON", "ARN", "0356"}}));
}

TEST_F(Petrarch2Slots, APrepositionalGroupIsNoInfinitive) {
  // "(TO)" is a prepositional phrase: "to Ithilen", not the "to" of "to reform".
  EXPECT_EQ(Code(*dict_, "Arnor welcomed the envoys of Gondor to Ithilen."),
            (std::set<Triple>{{"ARN", "GON", "043"}}));
  EXPECT_EQ(Code(*dict_, "Arnor welcomed the efforts of Gondor to reform its army."),
            (std::set<Triple>{{"ARN", "GON", "051"}}));
}

TEST_F(Petrarch2Slots, ClausesOfSayingVerbsGoThroughTheTransformations) {
  EXPECT_EQ(Code(*dict_, "Arnor said that Mordor attacked Gondor."),
            (std::set<Triple>{{"ARN", "MOR", "112"}}));
  EXPECT_EQ(Code(*dict_, "Arnor said it had attacked Gondor."),
            (std::set<Triple>{{"ARN", "GON", "015"}}));
  EXPECT_EQ(Code(*dict_, "Arnor says it will help Gondor."),
            (std::set<Triple>{{"ARN", "GON", "070"}}));
  // The reported code as the dictionary spells it (0841 and 082 share a value).
  EXPECT_EQ(Code(*dict_, "Arnor said it would free Gondor prisoners."),
            (std::set<Triple>{{"ARN", "GON", "0841"}}));
  // No rule and no combined code: the reported event is not coded; the saying is a
  // statement about the actor reported on, and about no one when that is the speaker.
  EXPECT_EQ(Code(*dict_, "Arnor said that Mordor helped Gondor."),
            (std::set<Triple>{{"ARN", "MOR", "010"}}));
  EXPECT_TRUE(Code(*dict_, "Arnor said it had evidence against Gondor.").empty());
  // "not" makes the governed verb its rejection: refusing material cooperation.
  EXPECT_EQ(Code(*dict_, "Arnor said it would not cooperate with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "121"}}));
  // A rejection without a code of its own is the general one.
  EXPECT_EQ(Code(*dict_, "Arnor said it would not attend talks with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "120"}}));
  // A predicate before the infinitive: "is ready to help".
  EXPECT_EQ(Code(*dict_, "Arnor says it is ready to help Gondor."),
            (std::set<Triple>{{"ARN", "GON", "070"}}));
  // A noun that is also a verb makes no clause of the object after a verb other than
  // one of saying.
  EXPECT_EQ(Code(*dict_, "Arnor helped Gondor patrols."),
            (std::set<Triple>{{"ARN", "GON", "070"}}));
}

TEST(TabariSlots, StemsChoicesAndPronouns) {
  testing::TempDir dir;
  dir.Write("D.options", "COMPLEX: VERBS[5] CONJ[4]\n");
  dir.Write("D.verbs",
            "CALL  [---]\n- * FOR { SANCTIONS | BOYCOTT | EMBARGO }  [172]\n"
            "URGE  [102]\n"
            "ASSIST [092]\n"
            "RESTOR  [064]\n");
  dir.Write("D.actors",
            "ERIADOR [ERI]\nOSGILIATH [OSG]\nCALENARDHON [CAL]\nBREE [BRE]\n"
            "ELROND [ELF]\nISILDUR [+++]\n");
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(Code(*dict, "Eriador has called for a boycott against Osgiliath."),
            (std::set<Triple>{{"ERI", "OSG", "172"}}));
  EXPECT_TRUE(Code(*dict, "Eriador has called for a war against Osgiliath.").empty());
  // A stem verb; "the restore" is a noun.
  EXPECT_EQ(Code(*dict, "Eriadorian crowds restored ties with Bree."),
            (std::set<Triple>{{"ERI", "BRE", "064"}}));
  EXPECT_TRUE(Code(*dict, "Eriador is about the restore of ties with Bree.").empty());
  // A pronoun stands for the first actor of the sentence; clauses code one event each.
  EXPECT_EQ(Code(*dict, "Calenardhon urged Bree to act and then it asked that Elrond assist."),
            (std::set<Triple>{{"CAL", "BRE", "102"}, {"CAL", "ELF", "092"}}));
  // "+++" marks a sentence too complex to code.
  EXPECT_TRUE(Code(*dict, "Isildur urged Bree to act.").empty());
}

}  // namespace
}  // namespace dyad
