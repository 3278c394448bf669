// Tests of the TABARI dictionary readers (.verbs, .actors, .agents, .options, .project) on
// small inline files.
#include "dict/tabari_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/test_util.h"
#include "dict/dictionary.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

std::string ReadBack(FILE* f) {
  std::string out;
  std::rewind(f);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

Document Tokens(const std::string& text) {
  Document d;
  d.text = text;
  Tokenizer().Tokenize(&d);
  return d;
}

// The code of the TABARI verb read at the first token of `text`, "" when none.
std::string VerbCode(const Dictionary& dict, const std::string& text) {
  Document d = Tokens(text);
  auto all = dict.foreign_verb_index().All(d, 0, static_cast<uint32_t>(d.tokens.size()));
  if (all.empty()) return "";
  return dict.foreign_verbs()[all[0].ids->back()].code;
}

const char* kVerbs =
    "<SYNSETS>\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+KRONER_\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "&TIEPHRASE\n"
    "+&TIETYPES_MEMOS\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "LAST_WEEK [-7]\n"
    "KAN_WA_MA_KAN [###]\n"
    "</TIME>\n"
    "ABANDON  [345] ;pas 15 Jul 2003\n"
    "- * NEW_&TIETYPES_RELATIONS [903]\n"
    "ACT_ [100]\n"
    "{ ACTING_ ACTXD_ }\n"
    "BAN= [191]\n"
    "SAID  [023?] ;PAS\n"
    "- * WAS UNSATISFACTORY  [131]\n"
    "DEATH TOLL RISEN  [223]\n"
    "SHOULD  [101]\n"
    "- SUGGESTED + * REQUIRE_{ GENEVA | INTERNATIONAL } CONVENTIONS  [151]\n"
    "- IN_ *  [075A]\n"
    "- * NO STAR  [000\n"
    "- * &NOSUCH [001]\n"
    "NOCODE\n";

TEST(TabariReader, VerbsSynsetsFormsAndPatterns) {
  testing::TempDir dir;
  dir.Write("Demo.options", "COMPLEX: VERBS[5] CONJ[4] EXPLAIN\n");
  dir.Write("Demo.verbs", kVerbs);
  FILE* sink = std::tmpfile();
  Diagnostics diag(sink);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  const std::string warnings = ReadBack(sink);
  std::fclose(sink);
  EXPECT_EQ(diag.warnings(), 3u) << warnings;
  EXPECT_NE(warnings.find("Demo.verbs:25: warning: pattern has no [CODE]"), std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("Demo.verbs:26: warning: synset &NOSUCH is not defined"),
            std::string::npos);
  EXPECT_NE(warnings.find("Demo.verbs:27: warning: verb 'NOCODE' has no [CODE]"),
            std::string::npos);
  EXPECT_EQ(dict->foreign_format(), DictFormat::kTabari);
  EXPECT_EQ(dict->peer_options().complex_verbs, 5);
  EXPECT_EQ(dict->peer_options().complex_conjunctions, 4);

  // Stems, '_' with the regular endings, '=' exactly, other forms from "{ }".
  EXPECT_EQ(VerbCode(*dict, "abandoned"), "345");
  EXPECT_EQ(VerbCode(*dict, "acts"), "100");
  EXPECT_EQ(VerbCode(*dict, "actxd"), "100");
  EXPECT_EQ(VerbCode(*dict, "actor"), "");
  EXPECT_EQ(VerbCode(*dict, "ban"), "191");
  EXPECT_EQ(VerbCode(*dict, "banned"), "");
  // "[023?]": the verb codes only through its patterns.
  Document said = Tokens("said");
  auto all = dict->foreign_verb_index().All(said, 0, 1);
  ASSERT_FALSE(all.empty());
  EXPECT_TRUE(dict->foreign_verbs()[all[0].ids->back()].weak);
  // A multi-word verb keeps its further words (a space allows words between).
  Document death = Tokens("death");
  all = dict->foreign_verb_index().All(death, 0, 1);
  ASSERT_FALSE(all.empty());
  const ForeignVerb& toll = dict->foreign_verbs()[all[0].ids->back()];
  ASSERT_EQ(toll.post.size(), 2u);
  EXPECT_EQ(toll.post[1].text, "risen");
  EXPECT_FALSE(toll.post[1].adjacent);

  // Synsets: stems, "_" exact, nested synsets.
  const auto* tie = dict->Synset("&TIEPHRASE");
  ASSERT_NE(tie, nullptr);
  ASSERT_EQ((*tie)[0].size(), 2u);
  EXPECT_EQ((*tie)[0][0].kind, SlotToken::kSynset);
  EXPECT_TRUE((*tie)[0][1].adjacent);
  const auto* currency = dict->Synset("&CURRENCY");
  ASSERT_NE(currency, nullptr);
  EXPECT_TRUE((*currency)[0][0].stem);
  // A '{ | }' choice; "IN_ *": "in" exactly, then any words.
  const VerbBlock& should =
      dict->verb_blocks()[dict->foreign_verbs()[all[0].ids->back()].block + 1];
  ASSERT_EQ(should.patterns.size(), 2u);
  const VerbPattern& geneva = dict->patterns()[should.patterns[0]];
  ASSERT_EQ(geneva.after.size(), 3u);
  EXPECT_EQ(geneva.after[1].kind, SlotToken::kChoice);
  EXPECT_EQ(geneva.after[1].choices.size(), 2u);
  EXPECT_TRUE(geneva.after[1].adjacent);
  const VerbPattern& in = dict->patterns()[should.patterns[1]];
  ASSERT_EQ(in.before.size(), 1u);
  EXPECT_FALSE(in.before[0].stem);
  EXPECT_FALSE(in.before[0].adjacent);
  // A time phrase coded ### discards its sentence.
  ASSERT_EQ(dict->discards().size(), 1u);
  EXPECT_EQ(dict->discards()[0].words.size(), 4u);
}

TEST(TabariReader, ActorsAndAgents) {
  testing::TempDir dir;
  dir.Write("Demo.options", "SET: LABEL = TRUE\n");
  dir.Write("Demo.actors",
            "<NOUN>\nFORCES_\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n"
            "ARGENTIN  [ARG]\n"
            "LIBYA_  [LBY]\n"
            "MOUSE= [MUS]\n"
            "AXNOR  [AR1 <911226] [AR2]\n"
            "PRINCE DOL_AMROTH  [--- <950630] [DOL]\n"
            "ALBRIGHZ  [991201-010114] [---] ; bad code block\n");
  dir.Write("Demo.agents", "PRESIDENT_  [ ~GOVPRS] ;ns\nHUMAN_RIGHTS_BODY_   [  NGO~]\n");
  FILE* sink = std::tmpfile();
  Diagnostics diag(sink);
  auto dict = Dictionary::Load({dir.path()}, &diag);
  ASSERT_TRUE(dict);
  const std::string warnings = ReadBack(sink);
  std::fclose(sink);
  EXPECT_EQ(diag.warnings(), 1u) << warnings;
  EXPECT_NE(warnings.find("Demo.actors:12: warning: code block"), std::string::npos) << warnings;
  EXPECT_TRUE(dict->IsPeerNoun("forces"));
  EXPECT_TRUE(dict->IsPeerAdjective("evil"));
  auto code = [&](const std::string& text, const std::string& date) -> std::string {
    Document d = Tokens(text);
    auto m = dict->actor_index().Longest(d, 0, static_cast<uint32_t>(d.tokens.size()));
    if (!m.ids || m.length != d.tokens.size()) return "";
    for (uint32_t id : *m.ids)
      if (dict->actors()[id].HoldsOn(date)) return dict->actors()[id].code;
    return "";
  };
  EXPECT_EQ(code("Argentina", "2000-01-01"), "ARG");  // a stem
  EXPECT_EQ(code("Argentine", "2000-01-01"), "ARG");
  EXPECT_EQ(code("Libyas", "2000-01-01"), "LBY");  // '_': the word and its plural
  EXPECT_EQ(code("Libyan", "2000-01-01"), "");
  EXPECT_EQ(code("mouses", "2000-01-01"), "");  // '=': the word alone
  EXPECT_EQ(code("Axnor", "1990-01-01"), "AR1");
  EXPECT_EQ(code("Axnor", "1995-01-01"), "AR2");
  EXPECT_EQ(code("Prince of Dol Amroth", "1999-01-01"), "DOL");
  EXPECT_EQ(code("Prince of Dol Amroth", "1990-01-01"), "---");
  Document d = Tokens("presidents");
  auto m = dict->agent_index().Longest(d, 0, 1);
  ASSERT_TRUE(m.ids);
  EXPECT_EQ(dict->agents()[(*m.ids)[0]].sector, "GOVPRS");
  Document b = Tokens("human rights body");
  m = dict->agent_index().Longest(b, 0, 3);
  ASSERT_TRUE(m.ids);
  EXPECT_TRUE(dict->agents()[(*m.ids)[0]].prefix);
}

TEST(TabariReader, OptionsAndProject) {
  PeerOptions o;
  std::string error;
  EXPECT_TRUE(
      ApplyTabariOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", &o, &error));
  EXPECT_EQ(o.comma_min, 4);
  EXPECT_EQ(o.comma_bmax, 8);
  EXPECT_TRUE(ApplyTabariOption("COMMA: OFF", &o, &error));
  EXPECT_EQ(o.comma_max, 0);
  EXPECT_EQ(o.comma_emax, 0);
  EXPECT_TRUE(
      ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o, &error));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o, &error));
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_TRUE(ApplyTabariOption("SET: CODE ALL", &o, &error));
  EXPECT_EQ(o.code_by, PeerOptions::CodeBy::kAll);
  EXPECT_TRUE(ApplyTabariOption("SET: CONVERT AGENT = TRUE", &o, &error));
  EXPECT_TRUE(o.convert_agent);
  EXPECT_FALSE(ApplyTabariOption("COMMA: MIN = four", &o, &error));
  EXPECT_FALSE(ApplyTabariOption("FROBNICATE: 3", &o, &error));
  EXPECT_FALSE(ApplyTabariOption("no colon", &o, &error));

  testing::TempDir dir;
  dir.Write("My.verbs", "MEET [031]\n");
  dir.Write("My.actors", "ARNOR [ARN]\n");
  dir.Write("My.options", "COMMA: OFF\nBOGUS LINE\n");
  const std::string project = dir.Write(
      "My.project",
      "A project\n<actorsfile> My.actors\n<verbsfile>\tMy.verbs\n<optionsfile> My.options\n"
      "<textfile> My.text\n<session 1> <coder x>\n");
  Diagnostics diag(nullptr);
  TabariProject p;
  ASSERT_TRUE(ReadTabariProject(project, &p, &diag));
  EXPECT_EQ(p.actors, dir.path() + "/My.actors");
  EXPECT_EQ(p.text, dir.path() + "/My.text");
  EXPECT_TRUE(p.agents.empty());
  auto dict = Dictionary::Load({project}, &diag);
  ASSERT_TRUE(dict);
  EXPECT_EQ(diag.warnings(), 1u);  // the bogus options line
  EXPECT_NE(diag.last().find("My.options:2"), std::string::npos) << diag.last();
  EXPECT_EQ(dict->peer_options().comma_max, 0);
  EXPECT_EQ(dict->foreign_verbs().size(), 1u);
  EXPECT_EQ(dict->actors().size(), 1u);
}

}  // namespace
}  // namespace dyad
