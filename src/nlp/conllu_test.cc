#include "nlp/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

#include "nlp/test_treebank.h"

namespace dyad::nlp {
namespace {

TEST(Conllu, ReadsWordsTokensAndComments) {
  auto s = testing::TinyTreebank();
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].Comment("text"), "The minister met her counterpart in Moscow.");
  EXPECT_EQ(s[0].words.size(), 8u);
  EXPECT_EQ(s[0].words[2].lemma, "meet");
  EXPECT_EQ(s[0].words[2].head, 0);
  EXPECT_EQ(s[0].words[1].deprel, "nsubj");
  ASSERT_EQ(s[2].multiword.size(), 1u);
  EXPECT_EQ(s[2].multiword[0].form, "didn't");
  EXPECT_EQ(s[2].multiword[0].first, 2);
  EXPECT_EQ(s[2].multiword[0].last, 3);
}

TEST(Conllu, RoundTrips) {
  std::string text = testing::kTinyTreebank;
  // An empty node is kept where it was.
  text.insert(text.find("2\tattacked"), "1.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n");
  std::istringstream in(text);
  std::vector<ConlluSentence> s;
  std::string error;
  ASSERT_TRUE(ReadConllu(in, &s, &error)) << error;
  std::string out;
  for (const auto& x : s) WriteConllu(x, &out);
  EXPECT_EQ(out, text);
}

TEST(Conllu, RejectsMalformedLines) {
  std::vector<ConlluSentence> s;
  std::string error;
  std::istringstream bad_columns("1\tword\n\n");
  EXPECT_FALSE(ReadConllu(bad_columns, &s, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  std::istringstream bad_id("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n");
  EXPECT_FALSE(ReadConllu(bad_id, &s, &error));
  std::istringstream bad_head("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n\n");
  EXPECT_FALSE(ReadConllu(bad_head, &s, &error));
}

}  // namespace
}  // namespace dyad::nlp
