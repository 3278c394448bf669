// End-to-end tests of `dyad train` and `dyad parse` on a tiny made-up treebank.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/test_util.h"
#include "nlp/test_treebank.h"

namespace dyad {
namespace {

using testing::Shell;
using testing::TempDir;

std::string Dyad() {
  return testing::DyadBinary();
}

TEST(NlpCommands, HelpListsOptions) {
  auto p = Shell(Dyad() + " parse --help");
  EXPECT_EQ(p.status, 0);
  for (const char* opt : {"--tokenized", "--models", "--bench", "--out", "--accurate", "--beam"})
    EXPECT_NE(p.out.find(opt), std::string::npos) << opt;
  auto t = Shell(Dyad() + " train --help");
  EXPECT_EQ(t.status, 0);
  for (const char* opt : {"--train", "--dev", "--out", "--text", "--jackknife", "--beam"})
    EXPECT_NE(t.out.find(opt), std::string::npos) << opt;
}

TEST(NlpCommands, TrainsAndParses) {
  TempDir dir;
  const std::string tb = dir.Write("tiny.conllu", nlp::testing::kTinyTreebank);
  const std::string models = dir.path() + "/models";
  auto t = Shell(Dyad() + " train all --quiet --train " + tb + " --out " + models +
                 " --wordnet '' --epochs 8");
  ASSERT_EQ(t.status, 0) << t.err;

  // Gold tokenization: words, comments and multi-word tokens kept; columns filled in (what
  // the values are is the unit tests' business: four sentences make no model).
  auto g = Shell(Dyad() + " parse --tokenized --models " + models + " " + tb);
  ASSERT_EQ(g.status, 0) << g.err;
  EXPECT_NE(g.out.find("# text = She didn't leave."), std::string::npos) << g.out;
  EXPECT_NE(g.out.find("2-3\tdidn't\t_"), std::string::npos) << g.out;
  EXPECT_NE(g.out.find("3\tmet\tmeet\t"), std::string::npos) << g.out;
  size_t words = 0;
  for (size_t at = 0; (at = g.out.find('\n', at)) != std::string::npos; ++at) {
    const size_t next = g.out.find('\n', at + 1);
    const std::string line = g.out.substr(at + 1, next == std::string::npos ? 0 : next - at - 1);
    if (line.empty() || line[0] == '#' || line.find('-') < line.find('\t')) continue;
    ++words;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 9) << line;
    EXPECT_EQ(line.find("\t_\t_\t_\t"), std::string::npos) << line;  // tags, head filled
  }
  EXPECT_EQ(words, 24u);

  // Raw text: tokenized, sentences split, clitics written as multi-word tokens.
  const std::string txt = dir.Write("in.txt",
                                    "She didn't leave. The minister met her.\n\n"
                                    "Troops attacked the village.\n");
  auto r = Shell(Dyad() + " parse --models " + models + " " + txt);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("# text = She didn't leave."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2-3\tdidn't\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3\tn't\tnot\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# sent_id = 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# text = Troops attacked the village."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tSpaceAfter=No\n5\t.\t"), std::string::npos) << r.out;

  auto b = Shell(Dyad() + " parse --bench --models " + models + " " + txt);
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_NE(b.out.find("\"tag_parse_tokens_per_s\""), std::string::npos) << b.out;

  // `train all` also trains the beam-search parser, which --accurate parses with (at the
  // width it was trained with, or --beam's); the jackknifed tags it shares are not left behind.
  EXPECT_TRUE(std::filesystem::exists(models + "/parser-beam.bin"));
  EXPECT_FALSE(std::filesystem::exists(models + "/.jackknifed-tags.tmp"));
  for (const std::string beam : {"", " --beam 2"}) {
    auto a =
        Shell(Dyad() + " parse --tokenized --accurate" + beam + " --models " + models + " " + tb);
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_NE(a.out.find("3\tmet\tmeet\t"), std::string::npos) << a.out;
  }
  auto nb = Shell(Dyad() + " parse --beam 4 --models " + models + " " + txt);
  EXPECT_EQ(nb.status, 2);
  EXPECT_NE(nb.err.find("--accurate"), std::string::npos) << nb.err;
  std::filesystem::remove(models + "/parser-beam.bin");
  auto missing = Shell(Dyad() + " parse --accurate --models " + models + " " + txt);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("parser-beam.bin"), std::string::npos) << missing.err;
}

TEST(NlpCommands, ReportsBadInput) {
  TempDir dir;
  const std::string bad = dir.Write("bad.conllu", "1\tonly two\n\n");
  auto t =
      Shell(Dyad() + " train tagger --quiet --train " + bad + " --out " + dir.path() + "/t.bin");
  EXPECT_NE(t.status, 0);
  EXPECT_NE(t.err.find("bad.conllu"), std::string::npos) << t.err;
  auto p = Shell(Dyad() + " parse --models " + dir.path() + "/none " + bad);
  EXPECT_EQ(p.status, 2);
  EXPECT_NE(p.err.find("cannot open"), std::string::npos) << p.err;
}

}  // namespace
}  // namespace dyad
