#include "nlp/linear_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/test_util.h"

namespace dyad::nlp {
namespace {

// A separable toy problem: feature i votes for class i % 3.
TEST(LinearModel, PerceptronLearnsAndFreezes) {
  Perceptron p(3);
  std::vector<std::vector<uint64_t>> xs;
  std::vector<int> ys;
  for (int i = 0; i < 30; ++i) {
    xs.push_back({Feature(1, i), Feature(2, i % 3), Feature(3, 0)});
    ys.push_back(i % 3);
  }
  float s[3];
  for (int epoch = 0; epoch < 5; ++epoch)
    for (size_t k = 0; k < xs.size(); ++k) {
      p.Score(xs[k], s);
      const int best = static_cast<int>(std::max_element(s, s + 3) - s);
      if (best != ys[k]) {
        p.Update(xs[k], ys[k], 1);
        p.Update(xs[k], best, -1);
      }
      p.Tick();
    }
  const LinearModel m = p.Freeze(0);
  for (size_t k = 0; k < xs.size(); ++k) {
    int32_t q[3] = {0, 0, 0};
    m.Score(xs[k], q);
    EXPECT_EQ(std::max_element(q, q + 3) - q, ys[k]) << k;
  }
  // Unknown features score nothing.
  int32_t q[3] = {0, 0, 0};
  const uint64_t unknown[] = {Feature(99, 1)};
  m.Score(unknown, q);
  EXPECT_EQ(q[0] | q[1] | q[2], 0);
}

TEST(LinearModel, SavesAndLoads) {
  Perceptron p(200);  // wide enough for dense rows
  std::vector<uint64_t> f = {Feature(1, 1), Feature(2, 2)};
  for (int c = 0; c < 200; ++c) {
    p.Update(f, c, static_cast<float>(c % 7) - 3);
    p.Tick();
  }
  p.Update(std::span<const uint64_t>(f).subspan(1), 5, 2);
  const LinearModel m = p.Freeze(0);
  ModelWriter w;
  m.Save(&w);
  ModelReader r(w.data());
  LinearModel m2;
  ASSERT_TRUE(m2.Load(&r));
  EXPECT_TRUE(r.at_end());
  std::vector<int32_t> a(200, 0), b(200, 0);
  m.Score(f, a.data());
  m2.Score(f, b.data());
  EXPECT_EQ(a, b);
  EXPECT_EQ(m2.num_classes(), 200);
  // A truncated model is refused.
  ModelReader cut(w.data().substr(0, w.data().size() - 3));
  LinearModel m3;
  EXPECT_FALSE(m3.Load(&cut));
}

TEST(LinearModel, DenseRowsAddEveryClass) {
  const int nc = 203;  // not a multiple of the vector width, so the tail is added too
  Perceptron p(nc);
  const std::vector<uint64_t> f = {Feature(3, 1)};
  for (int c = 0; c < nc; ++c) p.Update(f, c, static_cast<float>(c % 7 - 3));
  p.Tick();  // every weight averages to half its value; the largest (1.5) is 32000
  const LinearModel m = p.Freeze(0);
  std::vector<int32_t> one(nc, 5), two(2 * nc, 0);
  m.Score(f, one.data());
  const std::vector<uint64_t> both = {f[0], f[0], f[0]};
  const std::vector<uint32_t> owner = {0, 1, 1};
  m.ScoreMany(both, owner, two.data());
  for (int c = 0; c < nc; ++c) {
    const long want = std::lround((c % 7 - 3) * 32000.0 / 3);
    EXPECT_EQ(one[c], 5 + want) << c;
    EXPECT_EQ(two[c], want) << c;
    EXPECT_EQ(two[nc + c], 2 * want) << c;
  }
}

TEST(LinearModel, KeyMap) {
  KeyMap m({{1, 10}, {2, 20}, {1ULL << 40, 5}});
  EXPECT_EQ(m.Get(1, 0), 10u);
  EXPECT_EQ(m.Get(2, 0), 20u);
  EXPECT_EQ(m.Get(1ULL << 40, 0), 5u);
  EXPECT_EQ(m.Get(3, 99), 99u);
  EXPECT_EQ(m.size(), 3u);
  EXPECT_EQ(KeyMap().Get(1, 7), 7u);
}

TEST(ModelIo, WritesAndChecksMagic) {
  dyad::testing::TempDir dir;
  ModelWriter w;
  w.U32(7);
  w.Str("hello");
  w.StrList({"a", "bc"});
  std::string error;
  const std::string path = dir.path() + "/m.bin";
  ASSERT_TRUE(w.WriteFile(path, "magic v1\n", &error)) << error;
  ModelReader r;
  ASSERT_TRUE(r.Open(path, "magic v1\n", &error)) << error;
  EXPECT_EQ(r.U32(), 7u);
  EXPECT_EQ(r.Str(), "hello");
  EXPECT_EQ(r.StrList(), (std::vector<std::string>{"a", "bc"}));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
  r.U32();
  EXPECT_FALSE(r.ok());
  ModelReader other;
  EXPECT_FALSE(other.Open(path, "other v1\n", &error));
}

}  // namespace
}  // namespace dyad::nlp
