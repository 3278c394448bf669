#include "actors/coreference.h"

#include <gtest/gtest.h>

#include "actors/actor_recognizer.h"
#include "core/test_util.h"
#include "extract/article_extractor.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

class CorefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("t.actors", "PSE\tadj: Palestinian\nISR\tcity: Tel Aviv\nJOR\tname: Jordan\n");
    dir_.Write("t.agents", "REB\tbomber; militant\nCVL\tperson\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
  }

  // "text:code" of every pronoun mention.
  std::vector<std::string> Pronouns(const std::string& text) {
    Document d;
    d.raw = text;
    d.date = "2024-11-01";
    ArticleExtractor().Extract(&d);
    Tokenizer().Tokenize(&d);
    ActorRecognizer(*dict_).Recognize(&d);
    CoreferenceResolver().Resolve(&d);
    std::vector<std::string> out;
    for (const auto& m : d.actors)
      if (m.kind == "pronoun") out.push_back(std::string(d.slice(m.span)) + ":" + m.code);
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(CorefTest, TheyIsAPluralMentionWithItsCountry) {
  EXPECT_EQ(Pronouns("Two Palestinian bombers died when they blew up a bus."),
            std::vector<std::string>{"they:PSEREB"});
  // A single person is no antecedent of "they".
  EXPECT_TRUE(Pronouns("A Palestinian bomber said they blew up a bus.").empty());
}

}  // namespace
}  // namespace dyad
