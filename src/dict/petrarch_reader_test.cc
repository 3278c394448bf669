// Tests of the PETRARCH/Phoenix dictionary readers on small inline dictionaries.
#include "dict/petrarch_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/test_util.h"
#include "dict/dictionary.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

// Diagnostics whose messages can be read back.
class CapturedDiagnostics {
 public:
  CapturedDiagnostics() : file_(std::tmpfile()), diag_(file_) {}
  ~CapturedDiagnostics() {
    if (file_) std::fclose(file_);
  }
  Diagnostics* get() { return &diag_; }
  std::string text() {
    std::string out;
    std::rewind(file_);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
    return out;
  }

 private:
  FILE* file_;
  Diagnostics diag_;
};

Document Tokens(const std::string& text) {
  Document d;
  d.text = text;
  Tokenizer().Tokenize(&d);
  return d;
}

// The codes of the actor phrase starting at the first token of `text`, in priority order.
std::vector<std::string> ActorCodes(const Dictionary& dict, const std::string& text,
                                    uint32_t* length = nullptr) {
  Document d = Tokens(text);
  auto m = dict.actor_index().Longest(d, 0, static_cast<uint32_t>(d.tokens.size()));
  if (length) *length = m.length;
  std::vector<std::string> out;
  if (m.ids)
    for (uint32_t id : *m.ids) out.push_back(dict.actors()[id].code);
  return out;
}

const ActorEntry* CodeOn(const Dictionary& dict, const std::string& text, const std::string& date) {
  Document d = Tokens(text);
  auto m = dict.actor_index().Longest(d, 0, static_cast<uint32_t>(d.tokens.size()));
  if (!m.ids) return nullptr;
  for (uint32_t id : *m.ids)
    if (dict.actors()[id].HoldsOn(date)) return &dict.actors()[id];
  return nullptr;
}

TEST(PetrarchReader, VerbsSynsetsBlocksAndPatterns) {
  testing::TempDir dir;
  const std::string path = dir.Write("Test.verbs.txt",
                                     "<!-- header -->\n"
                                     "&CURRENCY\n"
                                     "+DOLLARS\n"
                                     "+SWISS FRANCS\n"
                                     "+GOLDEN_GOBLIN_GALLEONS_\n"
                                     "\n"
                                     "--- CONTRIBUTE [070] ---\n"
                                     "CONTRIBUTE   # a comment\n"
                                     "GIVE {GAVE GIVEN GIVING} [071]\n"
                                     "WIRE_+TAP {WIRE_+TAPPED}\n"
                                     "- * &CURRENCY [903]\n"
                                     "- SAID + * FROM_$ [032:033]\n"
                                     "- PLANES_* ^ TO % [222]\n"
                                     "- * EFFORT\n"
                                     "- NO VERB HERE [111]\n"
                                     "- * &UNDEFINED [112]\n"
                                     "~ a (a b ATTACK) SAY = a b 015\n");
  CapturedDiagnostics diag;
  Dictionary* dict = nullptr;
  auto owned = Dictionary::Load({path}, diag.get());
  ASSERT_TRUE(owned);
  dict = owned.get();
  const std::string warnings = diag.text();
  EXPECT_EQ(diag.get()->warnings(), 4u) << warnings;
  EXPECT_NE(warnings.find("Test.verbs.txt:14: warning: pattern has no [CODE]"), std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("Test.verbs.txt:15: warning: pattern has no '*'"), std::string::npos);
  EXPECT_NE(warnings.find("Test.verbs.txt:16: warning: synset &UNDEFINED is not defined"),
            std::string::npos);
  // A transformation whose verbs the file does not define is skipped.
  EXPECT_NE(warnings.find("transformation verb SAY is not a verb of the file"), std::string::npos)
      << warnings;
  EXPECT_FALSE(dict->petrarch2_verbs());

  // The synset: phrases with their plurals, none for the '_'-ended one.
  const auto* currency = dict->Synset("&CURRENCY");
  ASSERT_NE(currency, nullptr);
  EXPECT_EQ(currency->size(), 3u);  // plurals of plurals and of '_'-ended phrases: none

  ASSERT_EQ(dict->verb_blocks().size(), 1u);
  const VerbBlock& block = dict->verb_blocks()[0];
  EXPECT_EQ(block.code, "070");
  ASSERT_EQ(block.patterns.size(), 3u);
  const VerbPattern& paired = dict->patterns()[block.patterns[1]];
  EXPECT_EQ(paired.code, "032");
  EXPECT_EQ(paired.code2, "033");
  ASSERT_EQ(paired.before.size(), 2u);  // nearest to the verb first: +, SAID
  EXPECT_EQ(paired.before[0].kind, SlotToken::kTarget);
  EXPECT_EQ(paired.before[1].text, "said");
  ASSERT_EQ(paired.after.size(), 2u);
  EXPECT_EQ(paired.after[0].text, "from");
  EXPECT_EQ(paired.after[1].kind, SlotToken::kSource);
  EXPECT_TRUE(paired.after[1].adjacent);  // FROM_$
  const VerbPattern& planes = dict->patterns()[block.patterns[2]];
  ASSERT_EQ(planes.before.size(), 1u);
  EXPECT_TRUE(planes.before[0].adjacent);  // PLANES_*
  ASSERT_EQ(planes.after.size(), 3u);
  EXPECT_EQ(planes.after[0].kind, SlotToken::kSkip);
  EXPECT_EQ(planes.after[2].kind, SlotToken::kCompound);

  // Verb forms: generated for CONTRIBUTE, listed for GIVE, the head of WIRE_+TAP.
  auto verb_code = [&](const std::string& text) -> std::string {
    Document d = Tokens(text);
    auto m = dict->foreign_verb_index().Longest(d, 0, static_cast<uint32_t>(d.tokens.size()));
    return m.ids ? dict->foreign_verbs()[m.ids->back()].code : "";
  };
  EXPECT_EQ(verb_code("contributed"), "070");
  EXPECT_EQ(verb_code("contributing"), "070");
  EXPECT_EQ(verb_code("gave"), "071");
  EXPECT_EQ(verb_code("gives"), "");  // listed forms are all the forms
  Document tap = Tokens("tapped");
  auto m = dict->foreign_verb_index().Longest(tap, 0, 1);
  ASSERT_TRUE(m.ids);
  const ForeignVerb& wire = dict->foreign_verbs()[m.ids->back()];
  ASSERT_EQ(wire.pre.size(), 1u);
  EXPECT_EQ(wire.pre[0].text, "wire");
}

TEST(PetrarchReader, ActorsWithDateRestrictions) {
  testing::TempDir dir;
  const std::string path = dir.Write("Test.actors.txt",
                                     "GOLLUM  # comment\n"
                                     "+SMEAGOL\n"
                                     "\t[HOB < 950601]\n"
                                     "\t[HOBGOV 19950601 - 19990815]\n"
                                     "\t[HOBREB > 990816]\n"
                                     "GONDOR [GON]\n"
                                     "+MINAS_TIRITH\n"
                                     "BOROMIR [---]\n"
                                     "ITHILEN TELEVISION [ITHTV]\n"
                                     "BADDATE\n"
                                     "\t[XYZ 950601-940101]\n"
                                     "\t[AAA950601-990815]\n"
                                     "+ORPHAN_SYNONYM_AFTER_GOOD_LINE\n"
                                     "U.N._\n"
                                     "UN_SECRETARY_GENERAL\n"
                                     "\t[IGOUNO]\n");
  CapturedDiagnostics diag;
  auto dict = Dictionary::Load({path}, diag.get());
  ASSERT_TRUE(dict);
  const std::string warnings = diag.text();
  EXPECT_EQ(diag.get()->warnings(), 2u) << warnings;
  EXPECT_NE(warnings.find("Test.actors.txt:11: warning: the date range"), std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("Test.actors.txt:12: warning: code block"), std::string::npos);

  ASSERT_NE(CodeOn(*dict, "Gollum", "1995-01-01"), nullptr);
  EXPECT_EQ(CodeOn(*dict, "Gollum", "1995-01-01")->code, "HOB");
  EXPECT_EQ(CodeOn(*dict, "Smeagol", "1997-01-01")->code, "HOBGOV");
  EXPECT_EQ(CodeOn(*dict, "Smeagol", "2001-01-01")->code, "HOBREB");
  EXPECT_EQ(ActorCodes(*dict, "Minas Tirith"), std::vector<std::string>{"GON"});
  EXPECT_EQ(ActorCodes(*dict, "Boromir"), std::vector<std::string>{"---"});
  // A space lets other words come between ("Ithilen state-run television").
  uint32_t length = 0;
  EXPECT_EQ(ActorCodes(*dict, "Ithilen state television", &length),
            std::vector<std::string>{"ITHTV"});
  EXPECT_EQ(length, 3u);
  // Two primary phrases without codes share the code lines after them.
  EXPECT_EQ(ActorCodes(*dict, "U.N."), std::vector<std::string>{"IGOUNO"});
  EXPECT_EQ(ActorCodes(*dict, "UN Secretary General"), std::vector<std::string>{"IGOUNO"});
}

TEST(PetrarchReader, AgentsPluralsPrefixesAndMarkers) {
  testing::TempDir dir;
  const std::string path = dir.Write("Test.agents.txt",
                                     "!PERSON! = MAN, WOMAN\n"
                                     "MINISTER [~GOV]\n"
                                     "POLICE {} [~COP]\n"
                                     "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
                                     "HUMAN_RIGHTS_BODY [NGO~]\n"
                                     "CONGRESS!PERSON! [~LEG]\n"
                                     "NO CODE HERE\n"
                                     "BAD!MARK! [~XXX]\n"
                                     "WRONG [GOV]\n");
  CapturedDiagnostics diag;
  auto dict = Dictionary::Load({path}, diag.get());
  ASSERT_TRUE(dict);
  const std::string warnings = diag.text();
  EXPECT_EQ(diag.get()->warnings(), 3u) << warnings;
  EXPECT_NE(warnings.find("Test.agents.txt:7: warning: agent line has no [CODE]"),
            std::string::npos);
  EXPECT_NE(warnings.find("Test.agents.txt:8: warning: substitution set !MARK!"),
            std::string::npos);
  EXPECT_NE(warnings.find("Test.agents.txt:9: warning: agent code 'GOV'"), std::string::npos);
  auto sector = [&](const std::string& text) -> std::string {
    Document d = Tokens(text);
    auto m = dict->agent_index().Longest(d, 0, static_cast<uint32_t>(d.tokens.size()));
    if (!m.ids || m.length != d.tokens.size()) return "";
    const auto& a = dict->agents()[(*m.ids)[0]];
    return a.prefix ? a.sector + "~" : "~" + a.sector;
  };
  EXPECT_EQ(sector("ministers"), "~GOV");
  EXPECT_EQ(sector("police"), "~COP");
  EXPECT_EQ(sector("polices"), "");  // "{}": no plural
  EXPECT_EQ(sector("golden geese"), "~GGS");
  EXPECT_EQ(sector("human rights body"), "NGO~");
  EXPECT_EQ(sector("congresswoman"), "~LEG");
}

TEST(PetrarchReader, DiscardsAndIssues) {
  testing::TempDir dir;
  dir.Write("Test.discards.txt", "# comment\nBASEBALL\n+WORLD GOLF CHAMPIONSHIPS\nYEARS_LATER_\n");
  dir.Write("Test.IssueCoding.txt",
            "<ISSUE CATEGORY=\"X\">\nn:massacre [ATROCITY]\nethnic v:purge [ATROCITY]\n"
            "pre+n:school [EDU]\n~a head start\nno code at all\n</ISSUE>\n");
  CapturedDiagnostics diag;
  auto dict = Dictionary::Load({dir.path()}, diag.get());
  ASSERT_TRUE(dict);
  EXPECT_EQ(diag.get()->warnings(), 1u) << diag.text();
  EXPECT_NE(diag.text().find("Test.IssueCoding.txt:6: warning: issue line has no [CODE]"),
            std::string::npos);
  ASSERT_EQ(dict->discards().size(), 3u);
  EXPECT_FALSE(dict->discards()[0].story);
  EXPECT_TRUE(dict->discards()[1].story);
  EXPECT_FALSE(dict->discards()[2].stem_last);
  // n: gives singular and plural, v: the verb forms, '+' a space and a hyphen.
  int massacre = 0, purge = 0, school = 0, ignore = 0;
  for (const auto& i : dict->issues()) {
    if (i.ignore)
      ++ignore;
    else if (i.words.back().rfind("massacre", 0) == 0)
      ++massacre;
    else if (i.words.size() == 2 && i.words[0] == "ethnic")
      ++purge;
    else if (i.code == "EDU")
      ++school;
  }
  EXPECT_EQ(massacre, 2);
  EXPECT_GE(purge, 4);
  EXPECT_GE(school, 2);
  EXPECT_EQ(ignore, 1);
}

TEST(PetrarchReader, TabSeparatedDataNamedDiscardsIsSkipped) {
  testing::TempDir dir;
  dir.Write("discards.txt", "\t2\t1995\tAGO\n\t3\t1996\tBDI\n");
  CapturedDiagnostics diag;
  auto dict = Dictionary::Load({dir.path()}, diag.get());
  ASSERT_TRUE(dict);
  EXPECT_TRUE(dict->discards().empty());
  EXPECT_NE(diag.text().find("not a discard list; file skipped"), std::string::npos);
}

TEST(PetrarchReader, PhoenixDictionariesLoad) {
  const std::string shared = testing::SharedData();
  if (shared.empty()) GTEST_SKIP() << "no shared data (../shared/data); set DYAD_SHARED";
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({shared + "/events/phoenix"}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_GT(dict->verb_blocks().size(), 300u);
  EXPECT_GT(dict->patterns().size(), 4000u);
  EXPECT_GT(dict->actors().size(), 15000u);
  EXPECT_GT(dict->agents().size(), 1500u);
  EXPECT_GT(dict->discards().size(), 100u);
  EXPECT_GT(dict->issues().size(), 500u);
  EXPECT_GT(dict->cameo_size(), 200u);  // dyad's CAMEO table comes along
  // The few malformed lines of the Phoenix files are reported, not fatal.
  EXPECT_LT(diag.warnings(), 200u);
}

}  // namespace
}  // namespace dyad
