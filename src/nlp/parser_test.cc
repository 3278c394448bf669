#include "nlp/parser.h"

#include <gtest/gtest.h>

#include "core/test_util.h"
#include "nlp/test_treebank.h"

namespace dyad::nlp {
namespace {

ParserOptions TinyOptions(int beam = 1) {
  ParserOptions o;
  o.beam = beam;
  o.epochs = 10;
  o.jackknife = 0;   // gold tags
  o.min_weight = 0;  // keep every weight of so small a model
  return o;
}

std::vector<int> GoldTags(const Parser& p, const ConlluSentence& s) {
  std::vector<int> tags;
  for (const auto& w : s.words) tags.push_back(p.TagId(w.upos, w.xpos));
  return tags;
}

// Greedy (beam 1, dynamic oracle) and beam search (global training) alike.
class ParserTest : public ::testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Beam, ParserTest, ::testing::Values(1, 4));

TEST_P(ParserTest, LearnsATinyTreebank) {
  const auto train = testing::TinyTreebank();
  auto p = Parser::Train(train, {}, nullptr, TaggerOptions(), TinyOptions(GetParam()), nullptr);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->beam(), GetParam());
  size_t words = 0, heads_ok = 0, labels_ok = 0;
  for (const auto& s : train) {
    std::vector<int> heads, labels;
    p->Parse(testing::Forms(s), GoldTags(*p, s), &heads, &labels);
    ASSERT_EQ(heads.size(), s.words.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++words;
      heads_ok += heads[i] == s.words[i].head;
      labels_ok += heads[i] == s.words[i].head && p->label(labels[i]) == s.words[i].deprel;
    }
  }
  EXPECT_GE(heads_ok, words - 2);  // 24 words; the perceptron explores, a slip is allowed
  EXPECT_GE(labels_ok, words - 3);
  std::vector<int> heads, labels;
  p->Parse(testing::Forms(train[0]), GoldTags(*p, train[0]), &heads, &labels);
  EXPECT_EQ(heads[2], 0);  // "met" is the root
  EXPECT_EQ(p->label(labels[2]), "root");
}

TEST_P(ParserTest, AlwaysMakesOneTree) {
  auto p = Parser::Train(testing::TinyTreebank(), {}, nullptr, TaggerOptions(),
                         TinyOptions(GetParam()), nullptr);
  // Unseen words and tags, long and short sentences: one root, every head in range, no cycle.
  for (size_t n : {1, 2, 7, 60}) {
    std::vector<std::string_view> forms(n, "blorf");
    std::vector<int> tags(n, p->TagId("X", "GW"));
    std::vector<int> heads, labels;
    p->Parse(forms, tags, &heads, &labels);
    ASSERT_EQ(heads.size(), n);
    int roots = 0;
    for (size_t i = 0; i < n; ++i) {
      ASSERT_GE(heads[i], 0);
      ASSERT_LE(heads[i], static_cast<int>(n));
      ASSERT_NE(heads[i], static_cast<int>(i + 1));
      roots += heads[i] == 0;
      EXPECT_EQ(p->label(labels[i]) == "root", heads[i] == 0);
      int x = static_cast<int>(i + 1), steps = 0;
      while (x != 0 && steps++ <= static_cast<int>(n)) x = heads[x - 1];
      EXPECT_EQ(x, 0) << "cycle at word " << i + 1;
    }
    EXPECT_EQ(roots, 1);
  }
  std::vector<int> heads = {1}, labels = {1};
  p->Parse({}, {}, &heads, &labels);
  EXPECT_TRUE(heads.empty());
}

TEST_P(ParserTest, SaveLoadRoundTripAndDeterminism) {
  const auto train = testing::TinyTreebank();
  auto a = Parser::Train(train, {}, nullptr, TaggerOptions(), TinyOptions(GetParam()), nullptr);
  auto b = Parser::Train(train, {}, nullptr, TaggerOptions(), TinyOptions(GetParam()), nullptr);
  dyad::testing::TempDir dir;
  std::string error;
  ASSERT_TRUE(a->Save(dir.path() + "/p.bin", &error)) << error;
  ASSERT_TRUE(b->Save(dir.path() + "/q.bin", &error)) << error;
  EXPECT_EQ(dyad::testing::ReadFile(dir.path() + "/p.bin"),
            dyad::testing::ReadFile(dir.path() + "/q.bin"));
  auto c = Parser::Load(dir.path() + "/p.bin", &error);
  ASSERT_TRUE(c) << error;
  std::vector<int> ha, la, hc, lc;
  a->Parse(testing::Forms(train[1]), GoldTags(*a, train[1]), &ha, &la);
  c->Parse(testing::Forms(train[1]), GoldTags(*c, train[1]), &hc, &lc);
  EXPECT_EQ(ha, hc);
  EXPECT_EQ(la, lc);
  EXPECT_EQ(c->beam(), GetParam());  // the model keeps its beam width
  dir.Write("bad.bin", "dyad parser model v1\ntruncated");
  EXPECT_FALSE(Parser::Load(dir.path() + "/bad.bin", &error));
}

TEST(Parser, JackknifedTagsCacheGivesTheSameModel) {
  const auto train = testing::TinyTreebank();
  dyad::testing::TempDir dir;
  ParserOptions o = TinyOptions();
  o.jackknife = 2;
  auto a = Parser::Train(train, {}, nullptr, TaggerOptions(), o, nullptr);
  o.tags_cache = dir.path() + "/tags.bin";
  auto b = Parser::Train(train, {}, nullptr, TaggerOptions(), o, nullptr);  // writes the cache
  const std::string cache = dyad::testing::ReadFile(o.tags_cache);
  ASSERT_FALSE(cache.empty());
  auto c = Parser::Train(train, {}, nullptr, TaggerOptions(), o, nullptr);  // reads it
  std::string error;
  ASSERT_TRUE(a->Save(dir.path() + "/a.bin", &error)) << error;  // tagged without a cache
  ASSERT_TRUE(b->Save(dir.path() + "/b.bin", &error)) << error;
  ASSERT_TRUE(c->Save(dir.path() + "/c.bin", &error)) << error;
  EXPECT_EQ(dyad::testing::ReadFile(dir.path() + "/a.bin"),
            dyad::testing::ReadFile(dir.path() + "/b.bin"));
  EXPECT_EQ(dyad::testing::ReadFile(dir.path() + "/a.bin"),
            dyad::testing::ReadFile(dir.path() + "/c.bin"));
  // Another training set (or other tagger options) does not read a stale cache: it is rewritten.
  auto shorter = train;
  shorter.pop_back();
  Parser::Train(shorter, {}, nullptr, TaggerOptions(), o, nullptr);
  EXPECT_NE(dyad::testing::ReadFile(o.tags_cache), cache);
}

TEST(Parser, ProjectivizeLiftsCrossingArcs) {
  // 1 <- 3, 2 <- 4 crosses 3's arc; lifting 2 to 4's head makes the tree projective.
  std::vector<int> heads = {3, 4, 0, 3};
  Projectivize(&heads);
  EXPECT_EQ(heads, (std::vector<int>{3, 3, 0, 3}));
  std::vector<int> proj = {2, 0, 2};
  Projectivize(&proj);
  EXPECT_EQ(proj, (std::vector<int>{2, 0, 2}));
}

}  // namespace
}  // namespace dyad::nlp
