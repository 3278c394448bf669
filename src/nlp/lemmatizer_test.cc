#include "nlp/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/test_util.h"
#include "nlp/test_treebank.h"

namespace dyad::nlp {
namespace {

std::unique_ptr<Lemmatizer> TrainTiny(const std::string& wordnet) {
  LemmatizerOptions o;
  o.wordnet_dir = wordnet;
  std::string error;
  auto l = Lemmatizer::Train(testing::TinyTreebank(), o, nullptr, &error);
  EXPECT_TRUE(l) << error;
  return l;
}

TEST(Lemmatizer, LearnsFromTheTreebank) {
  auto l = TrainTiny("");
  EXPECT_EQ(l->Evaluate(testing::TinyTreebank()), 1.0);
  EXPECT_EQ(l->Lemma("met", "VERB", "VBD"), "meet");
  EXPECT_EQ(l->Lemma("The", "DET", "DT"), "the");
  EXPECT_EQ(l->Lemma("Moscow", "PROPN", "NNP"), "Moscow");
  // Unseen words: proper nouns keep their case, others are lower-cased; suffix rules from
  // the treebank ("attacked" -> "attack") generalise to words ending alike.
  EXPECT_EQ(l->Lemma("Kursk", "PROPN", "NNP"), "Kursk");
  EXPECT_EQ(l->Lemma("Region", "NOUN", "NN"), "region");
  EXPECT_EQ(l->Lemma("hacked", "VERB", "VBD"), "hack");
  EXPECT_EQ(l->Lemma("1,200", "NUM", "CD"), "1200");
  EXPECT_EQ(l->Lemma("", "X", "X"), "");
}

TEST(Lemmatizer, UsesWordNetWhenInstalled) {
  const std::string wn = "/usr/share/wordnet";
  if (!std::filesystem::exists(wn + "/index.noun"))
    GTEST_SKIP() << "WordNet not installed (Debian wordnet-base)";
  auto l = TrainTiny(wn);
  EXPECT_EQ(l->Lemma("children", "NOUN", "NNS"), "child");  // exception list
  EXPECT_EQ(l->Lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(l->Lemma("stopped", "VERB", "VBD"), "stop");  // doubled consonant
  EXPECT_EQ(l->Lemma("ministries", "NOUN", "NNS"), "ministry");
  EXPECT_EQ(l->Lemma("bigger", "ADJ", "JJR"), "big");
  EXPECT_EQ(l->Lemma("Americans", "PROPN", "NNPS"), "American");
}

TEST(Lemmatizer, SaveLoadRoundTrip) {
  auto l = TrainTiny("");
  dyad::testing::TempDir dir;
  std::string error;
  ASSERT_TRUE(l->Save(dir.path() + "/l.bin", &error)) << error;
  auto m = Lemmatizer::Load(dir.path() + "/l.bin", &error);
  ASSERT_TRUE(m) << error;
  for (const char* w : {"met", "troops", "hacked", "Kursk"})
    EXPECT_EQ(l->Lemma(w, "VERB", "VBD"), m->Lemma(w, "VERB", "VBD")) << w;
}

}  // namespace
}  // namespace dyad::nlp
