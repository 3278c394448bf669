#include "events/event_coder.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "core/test_util.h"
#include "events/parsed_roles.h"
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
               "051\tPraise\t3.4\t1\tSUPPORT\t\n05\tCooperate\t3.5\t1\tSUPPORT\t\n"
               "12\tReject\t-4\t3\tREJECT\t\n125\tRefuse to meet\t-5\t3\tREJECT\t\n"
               "10\tDemand\t-5\t3\tREQUEST\t\n");
    dir_.Write("t.verbs",
               "040\tmeet\n040\tmeet with\n190\tattack\n190\tn: attack on\n051\thail\n"
               "042\tvisit\n10\tdemand\n125\treject invitation\n190\tfire on\n190\tshell\n"
               "12\toppose\n10\tcall for removal\n040\tinsist to\n190\tsend troops\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
    ASSERT_EQ(diag.warnings(), 0u) << diag.last();
  }

  Document Code(const std::string& text, bool keep_negated = false,
                const std::string& date = "2024-11-01") {
    PipelineOptions opts;
    opts.coder.keep_negated = keep_negated;
    Pipeline p(*dict_, opts);
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

TEST_F(CoderTest, IntentionsAreCodedAsIntentions) {
  EXPECT_EQ(Triples(Code("Russia will attack Ukraine.")), std::vector<std::string>{"RUS 138 UKR"});
  EXPECT_EQ(Triples(Code("Russia is willing to meet Ukraine.")),
            std::vector<std::string>{"RUS 036 UKR"});
  EXPECT_EQ(Triples(Code("Russia met Ukraine.")), std::vector<std::string>{"RUS 040 UKR"});
}

TEST_F(CoderTest, RefusalsAreRejections) {
  EXPECT_EQ(Triples(Code("Russia refused to meet Ukraine.")),
            std::vector<std::string>{"RUS 125 UKR"});
  EXPECT_EQ(Triples(Code("Russia will not meet Ukraine.")),
            std::vector<std::string>{"RUS 125 UKR"});
  // A plain negation is no event, and a refused attack is no attack.
  EXPECT_TRUE(Code("Russia did not meet Ukraine.").events.empty());
  EXPECT_TRUE(Code("Russia refused to attack Ukraine.").events.empty());
}

TEST_F(CoderTest, ViolenceWithoutANamedPerpetrator) {
  auto d = Code("Ukrainian troops were attacked on Friday.");
  ASSERT_EQ(Triples(d), std::vector<std::string>{"- 190 UKRMIL"});
  EXPECT_LE(d.events[0].confidence, 0.5);  // below a sourced one (0.65)
  // Other acts need a source.
  EXPECT_TRUE(Code("Ukrainian troops were hailed on Friday.").events.empty());
}

TEST_F(CoderTest, GroupsActOnEachOther) {
  EXPECT_EQ(Triples(Code("Russia and Ukraine met on Friday.")),
            (std::vector<std::string>{"RUS 040 UKR", "UKR 040 RUS"}));
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

TEST_F(CoderTest, PlacesAreTargetsOnlyOfMaterialActs) {
  // Praise said in Ukraine is not praise of Ukraine (it has no target); an attack in Ukraine
  // acts on it.
  EXPECT_EQ(Triples(Code("Lavrov hailed the deal in Ukraine.")),
            std::vector<std::string>{"RUSGOV 051 -"});
  EXPECT_EQ(Triples(Code("Russian troops attacked in Ukraine.")),
            std::vector<std::string>{"RUSMIL 190 UKR"});
}

TEST_F(CoderTest, DatedRoles) {
  EXPECT_EQ(Triples(Code("Lavrov hailed Choe.")), std::vector<std::string>{"RUSGOV 051 PRKGOV"});
  // Before Choe became foreign minister the name codes to her country only.
  EXPECT_EQ(Triples(Code("Lavrov hailed Choe.", false, "2019-01-01")),
            std::vector<std::string>{"RUSGOV 051 PRK"});
}

TEST_F(CoderTest, ReportedSpeechCarriesAttribution) {
  auto d = Code("Russia said Ukrainian troops attacked North Korea.");
  ASSERT_EQ(Triples(d), std::vector<std::string>{"UKRMIL 190 PRK"});
  ASSERT_GE(d.events[0].attribution, 0);
  EXPECT_EQ(d.actors[d.events[0].attribution].code, "RUS");
}

// Codes `text` after giving its tokens the parse in `conll`: one "UPOS HEAD DEPREL" per token
// (HEAD 1-based within the sentence, 0 for the root), as the nlp stage would.
Document CodeParsed(const Dictionary& dict, const std::string& text,
                    const std::vector<std::string>& conll) {
  Document d;
  d.raw = text;
  d.date = "2024-11-01";
  ArticleExtractor().Extract(&d);
  Tokenizer().Tokenize(&d);
  EXPECT_EQ(d.tokens.size(), conll.size());
  for (size_t i = 0; i < conll.size() && i < d.tokens.size(); ++i) {
    char upos[16], rel[32];
    int head = 0;
    std::sscanf(conll[i].c_str(), "%15s %d %31s", upos, &head, rel);
    d.tokens[i].upos = upos;
    d.tokens[i].head = head - 1;
    d.tokens[i].deprel = rel;
    d.tokens[i].lemma = d.tokens[i].norm;
  }
  ActorRecognizer(dict).Recognize(&d);
  CoreferenceResolver().Resolve(&d);
  EventCoder(dict, CoderOptions{}).Code(&d);
  return d;
}

TEST_F(CoderTest, RolesFromTheParse) {
  // North Korea 's foreign minister met with her Russian counterpart in Moscow .
  auto d = CodeParsed(*dict_,
                      "North Korea's foreign minister met with her Russian counterpart in Moscow.",
                      {"PROPN 2 compound", "PROPN 5 nmod:poss", "PART 2 case", "ADJ 5 amod",
                       "NOUN 6 nsubj", "VERB 0 root", "ADP 10 case", "PRON 10 nmod:poss",
                       "ADJ 10 amod", "NOUN 6 obl", "ADP 12 case", "PROPN 6 obl", "PUNCT 6 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"PRKGOV 040 RUSGOV"});
}

TEST_F(CoderTest, ParseGivesPassiveAgentAndRelativeClauses) {
  // Ukraine was attacked by Russian troops .
  auto d = CodeParsed(*dict_, "Ukraine was attacked by Russian troops.",
                      {"PROPN 3 nsubj:pass", "AUX 3 aux:pass", "VERB 0 root", "ADP 6 case",
                       "ADJ 6 amod", "NOUN 3 obl:agent", "PUNCT 3 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUSMIL 190 UKR"});
  // Russia , which Ukrainian forces attacked , hailed North Korea .
  auto r = CodeParsed(*dict_, "Russia, which Ukrainian forces attacked, hailed North Korea.",
                      {"PROPN 8 nsubj", "PUNCT 1 punct", "PRON 6 obj", "ADJ 5 amod", "NOUN 6 nsubj",
                       "VERB 1 acl:relcl", "PUNCT 1 punct", "VERB 0 root", "PROPN 10 compound",
                       "PROPN 8 obj", "PUNCT 8 punct"});
  EXPECT_EQ(Triples(r), (std::vector<std::string>{"UKRMIL 190 RUS", "RUS 051 PRK"}));
}

TEST_F(CoderTest, ParseNegationAndPosFilter) {
  // Russia did not attack Ukraine .
  auto d = CodeParsed(*dict_, "Russia did not attack Ukraine.",
                      {"PROPN 4 nsubj", "AUX 4 aux", "PART 4 advmod", "VERB 0 root", "PROPN 4 obj",
                       "PUNCT 4 punct"});
  EXPECT_TRUE(d.events.empty());
  // The attack on Ukraine ... tagged as a noun, a verb-only pattern does not fire on it.
  auto n = CodeParsed(*dict_, "Russia's attack on Ukraine.",
                      {"PROPN 3 nmod:poss", "PART 1 case", "NOUN 0 root", "ADP 5 case",
                       "PROPN 3 nmod", "PUNCT 3 punct"});
  EXPECT_EQ(Triples(n), std::vector<std::string>{"RUS 190 UKR"});
}

TEST_F(CoderTest, ParseTargetsFromClauseSubjectAndPossessor) {
  // Russia demanded that Ukraine withdraw .
  auto d = CodeParsed(*dict_, "Russia demanded that Ukraine withdraw.",
                      {"PROPN 2 nsubj", "VERB 0 root", "SCONJ 5 mark", "PROPN 5 nsubj",
                       "VERB 2 ccomp", "PUNCT 2 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUS 10 UKR"});
  // Russia rejected Ukraine 's invitation .   ("invitation" is the pattern's own word; its
  // possessor is the target)
  auto r = CodeParsed(*dict_, "Russia rejected Ukraine's invitation.",
                      {"PROPN 2 nsubj", "VERB 0 root", "PROPN 5 nmod:poss", "PART 3 case",
                       "NOUN 2 obj", "PUNCT 2 punct"});
  EXPECT_EQ(Triples(r), std::vector<std::string>{"RUS 125 UKR"});
  // Russia rejected its invitation .   (the source's own possessive is no target)
  auto o = CodeParsed(
      *dict_, "Russia rejected its invitation.",
      {"PROPN 2 nsubj", "VERB 0 root", "PRON 4 nmod:poss", "NOUN 2 obj", "PUNCT 2 punct"});
  ASSERT_EQ(o.events.size(), 1u);
  EXPECT_NE(Triples(o)[0], "RUS 125 RUS");
}

TEST_F(CoderTest, PassiveAgentInTheAttackNoun) {
  // Ukrainian troops were attacked in a Russian raid .
  auto d = CodeParsed(*dict_, "Ukrainian troops were attacked in a Russian raid.",
                      {"ADJ 2 amod", "NOUN 4 nsubj:pass", "AUX 4 aux:pass", "VERB 0 root",
                       "ADP 8 case", "DET 8 det", "ADJ 8 amod", "NOUN 4 obl", "PUNCT 4 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUS 190 UKRMIL"});
}

TEST_F(CoderTest, TheTopicWordsMentionIsTheTargetWhenNoOneElseIs) {
  // Russia called for the removal of Choe .   ("removal" follows the pattern's own "for":
  // set aside as the topic, but with no other object its "of" mention is the target)
  auto d = CodeParsed(*dict_, "Russia called for the removal of Choe.",
                      {"PROPN 2 nsubj", "VERB 0 root", "ADP 5 case", "DET 5 det", "NOUN 2 obl",
                       "ADP 7 case", "PROPN 5 nmod", "PUNCT 2 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUS 10 PRKGOV"});
}

TEST_F(CoderTest, APatternDoesNotReachPastAModal) {
  // "insist to" (a test pattern) must not take the "to" of the clause "Ukraine would send
  // troops to Hungary": the sending is the event.
  auto d = Code("Russia insisted Ukraine would send troops to Hungary.");
  ASSERT_FALSE(d.events.empty());
  for (const auto& e : d.events) EXPECT_EQ(e.pattern, "send troops");
}

TEST_F(CoderTest, APlaceInTheSourcesOwnCountryIsNoTarget) {
  // Moscow is Russia's: the shelling is Russia's event with no target, not dropped as an
  // actor acting on itself.
  EXPECT_EQ(Triples(Code("Russia shelled a village near Moscow.")),
            std::vector<std::string>{"RUS 190 -"});
  EXPECT_EQ(Triples(Code("Ukrainian troops shelled a village near Moscow.")),
            std::vector<std::string>{"UKRMIL 190 RUS"});
}

TEST_F(CoderTest, StativeParticipleIsNoPassive) {
  EXPECT_TRUE(IsStativeParticiple("opposed", "to"));
  EXPECT_TRUE(IsStativeParticiple("engaged", "in"));
  EXPECT_FALSE(IsStativeParticiple("opposed", "by"));
  EXPECT_FALSE(IsStativeParticiple("attacked", "in"));
  // Word order: "is opposed to" is the subject's stance; "was opposed by" stays a passive.
  EXPECT_EQ(Triples(Code("Russia is opposed to Ukrainian forces.")),
            std::vector<std::string>{"RUS 12 UKRMIL"});
  EXPECT_EQ(Triples(Code("Russia was opposed by Ukrainian forces.")),
            std::vector<std::string>{"UKRMIL 12 RUS"});
  // The parse labels it a passive all the same: Russia is opposed to Ukraine .
  auto d = CodeParsed(*dict_, "Russia is opposed to Ukraine.",
                      {"PROPN 3 nsubj:pass", "AUX 3 aux:pass", "VERB 0 root", "ADP 5 case",
                       "PROPN 3 obl", "PUNCT 3 punct"});
  EXPECT_EQ(Triples(d), std::vector<std::string>{"RUS 12 UKR"});
}

TEST_F(CoderTest, NoVerbPatternAfterAnArticleOrBeforeADate) {
  EXPECT_EQ(Triples(Code("Russia fired on Ukraine.")), std::vector<std::string>{"RUS 190 UKR"});
  // "on 1 November" is the date, not the target's preposition.
  EXPECT_TRUE(Code("Russia fired on 1 November two officials of Ukraine.").events.empty());
  EXPECT_EQ(Triples(Code("Russia shelled Ukraine.")), std::vector<std::string>{"RUS 190 UKR"});
  // After an article the word is a noun: no shelling here.
  EXPECT_TRUE(Code("Russia registered a shell company in Ukraine.").events.empty());
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
