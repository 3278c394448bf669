// Tests of the committed models (data/models); they skip, saying so, when the models are not
// there, and the accuracy check skips without the shared UD data.
#include "nlp/annotator.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "core/test_util.h"
#include "text/tokenizer.h"

namespace dyad::nlp {
namespace {

const Annotator* Committed() {
  static const std::unique_ptr<Annotator> a = [] {
    std::string error;
    return Annotator::Load(dyad::testing::SourceDir() + "/data/models", &error);
  }();
  return a.get();
}

#define REQUIRE_MODELS() \
  if (!Committed()) GTEST_SKIP() << "no models in data/models (train them: see docs/nlp.md)"

TEST(Annotator, ParsesASimpleSentence) {
  REQUIRE_MODELS();
  Document doc;
  doc.text = "North Korea's foreign minister met with her Russian counterpart in Moscow.";
  Tokenizer().Tokenize(&doc);
  Committed()->Annotate(&doc);
  auto find = [&](std::string_view w) -> const Token& {
    for (const auto& t : doc.tokens)
      if (doc.slice(t.span) == w) return t;
    ADD_FAILURE() << "no token " << w;
    return doc.tokens[0];
  };
  const Token& met = find("met");
  EXPECT_EQ(met.deprel, "root");
  EXPECT_EQ(met.head, -1);
  EXPECT_EQ(met.lemma, "meet");
  EXPECT_EQ(met.upos, "VERB");
  EXPECT_EQ(met.xpos, "VBD");
  const int32_t met_index = static_cast<int32_t>(&met - doc.tokens.data());
  const Token& minister = find("minister");
  EXPECT_EQ(minister.deprel, "nsubj");
  EXPECT_EQ(minister.head, met_index);
  const Token& counterpart = find("counterpart");
  EXPECT_EQ(counterpart.deprel, "obl");
  EXPECT_EQ(counterpart.head, met_index);
  EXPECT_EQ(find("Moscow").upos, "PROPN");
  EXPECT_EQ(find("'s").deprel, "case");
}

// News' commonest event clause, subject and past-tense verb, read as a clause and not as a noun
// with a reduced relative ("the police arrested ..." as in "the men arrested yesterday were
// released", which keeps its participle).
TEST(Annotator, ReadsANewsClauseAsSubjectAndPastTense) {
  REQUIRE_MODELS();
  struct Case {
    const char* text;
    const char* verb;
    const char* xpos;
    const char* deprel;
  };
  const Case cases[] = {
      {"Police arrested two men near the border.", "arrested", "VBD", "root"},
      {"The rebels attacked a convoy on Sunday.", "attacked", "VBD", "root"},
      {"The senator called for a ban on assault weapons.", "called", "VBD", "root"},
      {"The ministry welcomed the decision.", "welcomed", "VBD", "root"},
      {"The man arrested on Sunday was released on bail.", "arrested", "VBN", "acl"},
      {"Please see the attached agreement.", "attached", "VBN", "amod"},
  };
  for (const Case& c : cases) {
    Document doc;
    doc.text = c.text;
    Tokenizer().Tokenize(&doc);
    Committed()->Annotate(&doc);
    const Token* verb = nullptr;
    for (const auto& t : doc.tokens)
      if (doc.slice(t.span) == c.verb) verb = &t;
    ASSERT_NE(verb, nullptr) << c.text;
    EXPECT_EQ(verb->xpos, c.xpos) << c.text;
    EXPECT_EQ(verb->deprel, c.deprel) << c.text;
  }
}

// A dateline is parsed apart and hung on the clause's root: the clause keeps its subject.
TEST(Annotator, ParsesADatelineApart) {
  REQUIRE_MODELS();
  Document doc;
  doc.text = "JAKARTA, Dec 9 — Japan's prime minister arrived in Jakarta on Monday.";
  Tokenizer().Tokenize(&doc);
  Committed()->Annotate(&doc);
  auto at = [&](std::string_view w) -> int32_t {
    for (size_t i = 0; i < doc.tokens.size(); ++i)
      if (doc.slice(doc.tokens[i].span) == w) return static_cast<int32_t>(i);
    ADD_FAILURE() << "no token " << w;
    return 0;
  };
  const int32_t arrived = at("arrived");
  EXPECT_EQ(doc.tokens[arrived].head, -1);
  EXPECT_EQ(doc.tokens[at("minister")].head, arrived);
  EXPECT_EQ(doc.tokens[at("minister")].deprel, "nsubj");
  EXPECT_EQ(doc.tokens[at("JAKARTA")].head, arrived);
  EXPECT_EQ(doc.tokens[at("JAKARTA")].deprel, "parataxis");
}

TEST(Annotator, FillsEveryTokenAndIsDeterministic) {
  REQUIRE_MODELS();
  Document doc;
  doc.text =
      "Troops attacked the village on Friday. \"We will not leave,\" she said.\n\n"
      "A second paragraph without a final stop";
  doc.blocks = {{{0, 70}, "p"}, {{72, static_cast<uint32_t>(doc.text.size())}, "p"}};
  Tokenizer().Tokenize(&doc);
  Committed()->Annotate(&doc);
  Document again = doc;
  Committed()->Annotate(&again);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    EXPECT_FALSE(t.upos.empty());
    EXPECT_FALSE(t.xpos.empty());
    EXPECT_FALSE(t.lemma.empty());
    EXPECT_FALSE(t.deprel.empty());
    EXPECT_EQ(t.head, again.tokens[i].head);
    EXPECT_EQ(t.deprel, again.tokens[i].deprel);
  }
  for (const Sentence& s : doc.sentences) {
    int roots = 0;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const int32_t h = doc.tokens[t].head;
      roots += h < 0;
      if (h >= 0) {
        EXPECT_GE(h, static_cast<int32_t>(s.first_token));
        EXPECT_LT(h, static_cast<int32_t>(s.end_token));
      }
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(Annotator, LoadsQuicklyAndFailsClearly) {
  REQUIRE_MODELS();
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  auto a = Annotator::Load(dyad::testing::SourceDir() + "/data/models", &error);
  ASSERT_TRUE(a) << error;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(secs, 5.0);  // 1 s on an idle machine; generous for loaded test runners
  EXPECT_LT(a->bytes(), 60u << 20);
  EXPECT_FALSE(Annotator::Load("/nonexistent", &error));
  EXPECT_NE(error.find("/nonexistent"), std::string::npos);
}

TEST(Annotator, AccuracyOnEwtDev) {
  REQUIRE_MODELS();
  const std::string data = dyad::testing::SharedData();
  if (data.empty()) GTEST_SKIP() << "no shared data (set DYAD_SHARED)";
  std::vector<ConlluSentence> dev;
  std::string error;
  ASSERT_TRUE(ReadConlluFile(data + "/ud/ewt/en_ewt-ud-dev.conllu", &dev, &error)) << error;
  double upos, xpos, uas, las, ulas;
  Committed()->tagger().Evaluate(dev, &upos, &xpos);
  Committed()->parser().Evaluate(dev, Committed()->tagger(), &uas, &las, &ulas);
  // Well below the figures docs/nlp.md reports: a broken model, not a small regression.
  EXPECT_GT(upos, 0.93);
  EXPECT_GT(uas, 0.82);
  EXPECT_GT(ulas, 0.78);
}

}  // namespace
}  // namespace dyad::nlp
