#include "actors/coreference.h"

#include <gtest/gtest.h>

#include <cstdio>

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

  // "text:code" of every pronoun mention. `parse` optionally gives each token "HEAD DEPREL"
  // (HEAD 0-based within the text, -1 for the root), as the nlp stage would.
  std::vector<std::string> Pronouns(const std::string& text,
                                    const std::vector<std::string>& parse = {}) {
    Document d;
    d.raw = text;
    d.date = "2024-11-01";
    ArticleExtractor().Extract(&d);
    Tokenizer().Tokenize(&d);
    if (!parse.empty()) {
      EXPECT_EQ(d.tokens.size(), parse.size());
      for (size_t i = 0; i < parse.size() && i < d.tokens.size(); ++i) {
        char rel[32];
        int head = 0;
        std::sscanf(parse[i].c_str(), "%d %31s", &head, rel);
        d.tokens[i].head = head;
        d.tokens[i].deprel = rel;
      }
    }
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

TEST_F(CorefTest, AfterASayingVerbThePronounIsItsSubject) {
  // Jordan , which criticised Tel Aviv , said it would act .   ("said" parsed as a conjunct
  // of "criticised": its subject is the one of the verb it is coordinated with)
  const std::vector<std::string> parse = {"3 nsubj",  "3 punct", "3 nsubj", "-1 root",
                                          "3 obj",    "4 flat",  "7 punct", "3 conj",
                                          "10 nsubj", "10 aux",  "7 ccomp", "3 punct"};
  EXPECT_EQ(Pronouns("Jordan, which criticised Tel Aviv, said it would act.", parse),
            std::vector<std::string>{"it:JOR"});
  // Unparsed, the nearest name is taken.
  EXPECT_EQ(Pronouns("Jordan, which criticised Tel Aviv, said it would act."),
            std::vector<std::string>{"it:ISR"});
}

}  // namespace
}  // namespace dyad
