#include "nlp/tagger.h"

#include <gtest/gtest.h>

#include "core/test_util.h"
#include "nlp/test_treebank.h"

namespace dyad::nlp {
namespace {

TaggerOptions TinyOptions() {
  TaggerOptions o;
  o.epochs = 8;
  o.unknown_word_rate = 0;
  o.jackknife = 2;
  o.min_weight = 0;
  return o;
}

TEST(Tagger, LearnsATinyTreebank) {
  const auto train = testing::TinyTreebank();
  auto t = Tagger::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(t);
  double upos = 0, xpos = 0;
  t->Evaluate(train, &upos, &xpos);
  EXPECT_GE(upos, 0.95);  // 24 words: at most one wrong
  EXPECT_GE(xpos, 0.95);
  std::vector<int> tags;
  t->Tag(testing::Forms(train[0]), &tags);
  ASSERT_EQ(tags.size(), 8u);
  EXPECT_EQ(t->upos(tags[2]), "VERB");
  EXPECT_EQ(t->xpos(tags[2]), "VBD");
}

TEST(Tagger, SaveLoadRoundTripAndDeterminism) {
  const auto train = testing::TinyTreebank();
  auto a = Tagger::Train(train, {}, TinyOptions(), nullptr);
  auto b = Tagger::Train(train, {}, TinyOptions(), nullptr);
  dyad::testing::TempDir dir;
  std::string error;
  ASSERT_TRUE(a->Save(dir.path() + "/t.bin", &error)) << error;
  ASSERT_TRUE(b->Save(dir.path() + "/u.bin", &error)) << error;
  // Same data, same seed: the same model, byte for byte.
  EXPECT_EQ(dyad::testing::ReadFile(dir.path() + "/t.bin"),
            dyad::testing::ReadFile(dir.path() + "/u.bin"));
  auto c = Tagger::Load(dir.path() + "/t.bin", &error);
  ASSERT_TRUE(c) << error;
  const std::vector<std::string_view> forms = {"The", "troops", "met", "in", "Kursk", "."};
  std::vector<int> ta, tc;
  a->Tag(forms, &ta);
  c->Tag(forms, &tc);
  EXPECT_EQ(ta, tc);
  EXPECT_FALSE(Tagger::Load(dir.path() + "/missing.bin", &error));
  dir.Write("bad.bin", "not a model");
  EXPECT_FALSE(Tagger::Load(dir.path() + "/bad.bin", &error));
}

TEST(Tagger, HandlesEmptyAndOddInput) {
  auto t = Tagger::Train(testing::TinyTreebank(), {}, TinyOptions(), nullptr);
  std::vector<int> tags = {1, 2};
  t->Tag({}, &tags);
  EXPECT_TRUE(tags.empty());
  const std::vector<std::string_view> odd = {"", "\xFF\xFE", "\xE2\x80\x99s", "1,200"};
  t->Tag(odd, &tags);
  EXPECT_EQ(tags.size(), 4u);
}

}  // namespace
}  // namespace dyad::nlp
