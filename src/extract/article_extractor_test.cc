#include "extract/article_extractor.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Boilerplate, DropsAnAppealSectionAtTheEnd) {
  Document d;
  d.raw =
      "The defence ministers of two neighbouring states met on Monday to discuss border "
      "security.\n"
      "Both sides agreed to set up a joint patrol, officials said.\n"
      "A note to readers:\n"
      "Our newsroom depends on you. Independent reporting costs money, and we cannot do it "
      "alone.\n"
      "If you value our work, please consider a monthly contribution.\n"
      "Remind me later.\n";
  ArticleExtractor().Extract(&d);
  EXPECT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.text.find("newsroom"), std::string::npos);
  EXPECT_NE(d.text.find("joint patrol"), std::string::npos);
}

TEST(Boilerplate, KeepsNewsThatQuotesPeopleSayingWe) {
  Document d;
  d.raw =
      "\"We will defend our country,\" the president told lawmakers on Tuesday.\n"
      "Opposition leaders said they would vote against the budget.\n";
  ArticleExtractor().Extract(&d);
  EXPECT_EQ(d.blocks.size(), 2u);
}

TEST(Boilerplate, StandaloneFurnitureAnywhere) {
  BoilerplateFilter f;
  EXPECT_GE(f.Score("Sign up for our newsletter to get the best stories in your inbox."), 1.0);
  EXPECT_GE(f.Score("This website uses cookies to improve your experience."), 1.0);
  EXPECT_LT(f.Score("Rebels attacked a police station in the north, killing four."), 1.0);
}

TEST(Paragraphs, BlankLinesOrLineBreaks) {
  auto a = SplitParagraphs("one\ntwo\nthree");
  EXPECT_EQ(a.size(), 3u);
  auto b = SplitParagraphs("one\nstill one\n\ntwo");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], "one\nstill one");
}

TEST(Html, BlocksTitleAndEntities) {
  std::string title;
  auto blocks = HtmlToBlocks(
      "<html><head><title>Talks &amp; more</title><script>var x='<p>';</script></head>"
      "<body><nav><a href=/>Home</a></nav><h1>Ministers meet</h1><p>Ministers met &#8220;in "
      "good faith&#8221;.</p><footer>(c) 2024</footer></body></html>",
      &title);
  EXPECT_EQ(title, "Talks & more");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].type, "h");
  EXPECT_EQ(blocks[1].text, "Ministers met \xE2\x80\x9Cin good faith\xE2\x80\x9D.");
}

TEST(Html, SurvivesBrokenMarkup) {
  std::string title;
  auto blocks = HtmlToBlocks("<p>unclosed <b>bold <script>never ends", &title);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "unclosed bold");
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += "deep text";
  EXPECT_EQ(HtmlToBlocks(deep, &title).size(), 1u);
}

}  // namespace
}  // namespace dyad
