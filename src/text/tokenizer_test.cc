#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::vector<std::string> Tokens(const std::string& text, Document* d) {
  d->text = text;
  Tokenizer().Tokenize(d);
  std::vector<std::string> out;
  for (const auto& t : d->tokens) out.emplace_back(d->slice(t.span));
  return out;
}

TEST(Tokenizer, SplitsCliticsAndPunctuation) {
  Document d;
  auto t = Tokens("North Korea's minister didn't say \"no,\" she said.", &d);
  std::vector<std::string> want = {"North", "Korea", "'s", "minister", "did", "n't",  "say",
                                   "\"",    "no",    ",",  "\"",       "she", "said", "."};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, CurlyApostropheIsNormalised) {
  Document d;
  auto t = Tokens("North Korea\xE2\x80\x99s troops", &d);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[2], "\xE2\x80\x99s");
  EXPECT_EQ(d.tokens[2].norm, "'s");
}

TEST(Tokenizer, KeepsAbbreviationsNumbersAndHyphens) {
  Document d;
  auto t = Tokens("The U.S. sent 8,000 troops, Mr. Kim Il-Sung said 3.5 times.", &d);
  std::vector<std::string> want = {"The", "U.S.",    "sent", "8,000", "troops", ",", "Mr.",
                                   "Kim", "Il-Sung", "said", "3.5",   "times",  "."};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, OffsetsPointIntoText) {
  Document d;
  Tokens("  Lavrov met Choe.", &d);
  for (const auto& tok : d.tokens) EXPECT_EQ(Tokenizer::Normalize(d.slice(tok.span)), tok.norm);
  EXPECT_EQ(d.tokens[0].span.start, 2u);
}

TEST(Tokenizer, SentencesSplitAtFinalPunctuation) {
  Document d;
  Tokens("Lavrov met Choe in Moscow. They signed a deal! Did Mr. Kim attend? Yes.", &d);
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_EQ(d.slice(d.sentences[0].span), "Lavrov met Choe in Moscow.");
  EXPECT_EQ(d.slice(d.sentences[2].span), "Did Mr. Kim attend?");
}

TEST(Tokenizer, QuoteClosesSentence) {
  Document d;
  Tokens("\"We will win.\" The minister left.", &d);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.slice(d.sentences[0].span), "\"We will win.\"");
}

TEST(Tokenizer, AbbreviationAtSentenceEnd) {
  Document d;
  Tokens("Troops arrived in the U.S. The talks began.", &d);
  ASSERT_EQ(d.sentences.size(), 2u);
  Tokens("U.S. officials met. They left.", &d);
  ASSERT_EQ(d.sentences.size(), 2u);
}

TEST(Tokenizer, BracketedAbbreviationEndsNoSentence) {
  Document d;
  Tokens("Sen. Ben Cardin (D-Md.) said the bill would pass. He left (finally.) Then he spoke.", &d);
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.slice(d.sentences[0].span), "Sen. Ben Cardin (D-Md.) said the bill would pass.");
  EXPECT_EQ(d.slice(d.sentences[1].span), "He left (finally.)");
}

TEST(Tokenizer, SentencesNeverCrossBlocks) {
  Document d;
  d.text = "Headline without a period\n\nFirst sentence here.";
  d.blocks = {{{0, 25}, "h"}, {{27, static_cast<uint32_t>(d.text.size())}, "p"}};
  Tokenizer().Tokenize(&d);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.slice(d.sentences[0].span), "Headline without a period");
}

TEST(Tokenizer, UdEnglishClitics) {
  Document d;
  auto t = Tokens("I can't say they won't, but we cannot and I'm gonna try. Parents' day.", &d);
  std::vector<std::string> want = {"I",   "ca",  "n't", "say",     "they", "wo",  "n't", ",",
                                   "but", "we",  "can", "not",     "and",  "I",   "'m",  "gon",
                                   "na",  "try", ".",   "Parents", "'",    "day", "."};
  EXPECT_EQ(t, want);
  // Pieces of one orthographic word are multi-word tokens in CoNLL-U.
  EXPECT_TRUE(Tokenizer::SameWord(d.tokens[1], d.tokens[2]));    // ca n't
  EXPECT_TRUE(Tokenizer::SameWord(d.tokens[10], d.tokens[11]));  // can not
  EXPECT_TRUE(Tokenizer::SameWord(d.tokens[19], d.tokens[20]));  // Parents '
  EXPECT_FALSE(Tokenizer::SameWord(d.tokens[0], d.tokens[1]));
  EXPECT_FALSE(Tokenizer::SameWord(d.tokens[6], d.tokens[7]));  // n't ,
}

TEST(Tokenizer, UdEnglishHyphensSlashesAndSymbols) {
  Document d;
  auto t = Tokens("A long-term e-mail at 713-853-5678, and/or $200 (5%) on 01-Feb-02 :) ok...", &d);
  std::vector<std::string> want = {
      "A", "long", "-", "term", "e-mail", "at", "713-853-5678", ",",         "and", "/",  "or",
      "$", "200",  "(", "5",    "%",      ")",  "on",           "01-Feb-02", ":)",  "ok", "..."};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, KeepsUrlsEmailsAndYears) {
  Document d;
  auto t = Tokens(
      "See http://www.example.com/a?b=1, mail jo.doe@example.org or www.x.org. In '68 it "
      "rained.",
      &d);
  std::vector<std::string> want = {"See",
                                   "http://www.example.com/a?b=1",
                                   ",",
                                   "mail",
                                   "jo.doe@example.org",
                                   "or",
                                   "www.x.org",
                                   ".",
                                   "In",
                                   "'68",
                                   "it",
                                   "rained",
                                   "."};
  EXPECT_EQ(t, want);
}

TEST(Tokenizer, SentencesInWebText) {
  Document d;
  // A lower-case start after a full stop, an opening quote after one, an ellipsis that goes on.
  Tokens("i came. i saw... and left. \"Good,\" he said. \"Bye.\" Done!! :) Next", &d);
  std::vector<std::string> got;
  for (const auto& s : d.sentences) got.emplace_back(d.slice(s.span));
  std::vector<std::string> want = {"i came.",  "i saw... and left.", "\"Good,\" he said.",
                                   "\"Bye.\"", "Done!! :)",          "Next"};
  EXPECT_EQ(got, want);
}

TEST(Tokenizer, AbbreviationEndingASentenceGivesUpItsPeriod) {
  Document d;
  auto t = Tokens("They sell pens, paper etc. The shop is closed.", &d);
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(t[5], "etc");
  EXPECT_EQ(t[6], ".");
}

}  // namespace
}  // namespace dyad
