#include "quotes/quote_finder.h"

#include <gtest/gtest.h>

#include "core/test_util.h"
#include "pipeline/pipeline.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

// A small dictionary written for these tests, so they do not move with data/dict.
class QuoteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("t.actors",
               "PRK\tname: North Korea\nPRK\tadj: North Korean\nPRK\tcapital: Pyongyang\n"
               "RUS\tname: Russia\nRUS\tadj: Russian\nRUS\tcapital: Moscow\n"
               "USA\tname: United States\nUSA\tcapital: Washington\n"
               "RUSGOV\tperson: Sergei Lavrov; Lavrov\n"
               "PRKGOV\tperson: Choe Son-hui; Choe\n");
    dir_.Write("t.agents", "GOV\tforeign minister; minister; counterpart; official; officials\n");
    dir_.Write("t.cameo", "04\tConsult\t1.0\t1\tCONSULT\t\n040\tConsult\t1.0\t1\tCONSULT\t\n");
    dir_.Write("t.verbs", "040\tmeet\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
  }

  Document Find(const std::string& text) {
    Pipeline p(*dict_, PipelineOptions{});
    Document d;
    d.id = "t";
    d.raw = text;
    d.date = "2024-11-01";
    p.Process(&d);
    QuoteFinder().Find(&d);
    return d;
  }

  static std::string Code(const Document& d, int actor) {
    return actor >= 0 ? d.actors[actor].code : "";
  }

  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(QuoteTest, DirectQuoteWithSpeakerAndAddressee) {
  auto d = Find(
      "“We repeat that we will always stand firmly by our Russian comrades until victory day,” "
      "North Korean Foreign Minister Choe Son-hui told Sergei Lavrov during the televised talks.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_TRUE(q.direct);
  EXPECT_EQ(d.slice(q.content),
            "We repeat that we will always stand firmly by our Russian comrades until victory day");
  EXPECT_EQ(d.slice(q.speaker_span), "North Korean Foreign Minister Choe Son-hui");
  EXPECT_EQ(q.speaker_name, "Choe Son-hui");
  EXPECT_EQ(Code(d, q.speaker), "PRKGOV");
  EXPECT_EQ(d.slice(q.cue), "told");
  EXPECT_EQ(d.slice(q.addressee_span), "Sergei Lavrov");
  EXPECT_EQ(Code(d, q.addressee), "RUSGOV");
}

TEST_F(QuoteTest, PronounSpeakerTakesTheFullestName) {
  auto d = Find(
      "“We repeat that we will always stand by our Russian comrades,” North Korean Foreign "
      "Minister Choe Son-hui told Sergei Lavrov.\n\n"
      "“We have no doubt whatsoever that the Russian army will surely achieve a great "
      "victory,” she added.");
  ASSERT_EQ(d.quotes.size(), 2u);
  const Quote& q = d.quotes[1];
  EXPECT_TRUE(q.direct);
  EXPECT_EQ(d.slice(q.speaker_span), "she");
  EXPECT_EQ(q.speaker_name, "Choe Son-hui");
  EXPECT_EQ(Code(d, q.speaker), "PRKGOV");
  EXPECT_EQ(d.slice(q.cue), "added");
  EXPECT_EQ(q.addressee_span.size(), 0u);
}

TEST_F(QuoteTest, SurnameTakesTheEarlierFullName) {
  auto d = Find(
      "Sergei Lavrov met the delegation on Friday.\n\n"
      "“This will make it possible to solve significant security aims,” Lavrov said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker_name, "Sergei Lavrov");
  EXPECT_EQ(Code(d, d.quotes[0].speaker), "RUSGOV");
}

TEST_F(QuoteTest, IndirectQuoteAfterTimeWord) {
  auto d = Find(
      "Washington said Thursday it received information indicating that there are around "
      "8,000 North Korean troops stationed in the Kursk region.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_FALSE(q.direct);
  EXPECT_EQ(q.speaker_name, "Washington");
  EXPECT_EQ(Code(d, q.speaker), "USA");
  EXPECT_EQ(d.slice(q.cue), "said");
  EXPECT_EQ(d.slice(q.content),
            "it received information indicating that there are around 8,000 North Korean "
            "troops stationed in the Kursk region");
}

TEST_F(QuoteTest, IndirectQuoteWithThatAndAddressee) {
  auto d = Find("Lavrov told reporters that Moscow was deeply grateful to its Korean friends.");
  ASSERT_EQ(d.quotes.size(), 1u);
  const Quote& q = d.quotes[0];
  EXPECT_FALSE(q.direct);
  EXPECT_EQ(d.slice(q.cue), "told");
  EXPECT_EQ(d.slice(q.addressee_span), "reporters");
  EXPECT_EQ(q.addressee, -1);  // an addressee, but no coded actor
  EXPECT_EQ(d.slice(q.content), "that Moscow was deeply grateful to its Korean friends");
}

TEST_F(QuoteTest, CueVerbsWithThat) {
  for (const char* verb : {"warned", "claimed", "announced", "insisted", "denied"}) {
    auto d = Find(std::string("The minister ") + verb + " that the troops would stay.");
    ASSERT_EQ(d.quotes.size(), 1u) << verb;
    EXPECT_EQ(d.slice(d.quotes[0].cue), verb);
    EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "The minister");
    EXPECT_EQ(d.slice(d.quotes[0].content), "that the troops would stay");
  }
}

TEST_F(QuoteTest, AccordingTo) {
  auto d = Find("According to Russian officials, the talks were productive.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].cue), "According to");
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Russian officials");
  EXPECT_EQ(Code(d, d.quotes[0].speaker), "RUSGOV");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the talks were productive");

  d = Find("The talks were productive, according to Sergei Lavrov.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The talks were productive");
  EXPECT_EQ(d.quotes[0].speaker_name, "Sergei Lavrov");
}

TEST_F(QuoteTest, QuoteOverSeveralSentencesWithCueInTheLast) {
  auto d = Find("“The talks went well. We agreed on many things,” Lavrov said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_TRUE(d.quotes[0].direct);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The talks went well. We agreed on many things");
}

TEST_F(QuoteTest, QuoteOverSeveralParagraphsWithCueInTheFirst) {
  auto d = Find(
      "Lavrov said: “The talks went well and we agreed on many things.\n\n"
      "“We will meet again in Pyongyang next year.”");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_TRUE(d.quotes[0].direct);
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "The talks went well and we agreed on many things.\n\n“We will meet again in "
            "Pyongyang next year.");
  EXPECT_EQ(d.quotes[0].speaker_name, "Lavrov");
}

TEST_F(QuoteTest, QuoteGoingOnWithoutCue) {
  auto d = Find(
      "“The talks went well,” Lavrov said. “We will meet again in Pyongyang next year.”\n\n"
      "“Our friendship is strong and it will grow stronger.”");
  ASSERT_EQ(d.quotes.size(), 3u);
  for (const Quote& q : d.quotes) {
    EXPECT_EQ(d.slice(q.cue), "said");
    EXPECT_EQ(q.speaker_name, "Lavrov");
    EXPECT_TRUE(q.direct);
  }
  EXPECT_EQ(d.slice(d.quotes[2].content), "Our friendship is strong and it will grow stronger.");
}

TEST_F(QuoteTest, SplitQuote) {
  auto d = Find("“The talks went well,” Lavrov said, “and we will meet again.”");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The talks went well");
  EXPECT_EQ(d.slice(d.quotes[1].content), "and we will meet again.");
  EXPECT_EQ(d.quotes[1].cue.start, d.quotes[0].cue.start);
}

TEST_F(QuoteTest, NestedQuoteIsPartOfTheOuterOne) {
  auto d = Find("“The minister told me ‘we will never give up’ and I believed him,” Lavrov said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "The minister told me ‘we will never give up’ and I believed him");
  EXPECT_EQ(d.quotes[0].speaker_name, "Lavrov");

  // Double quotation marks inside single ones, and the NYT's '' marks.
  d = Find("''He said \"no\" twice,'' Lavrov said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "He said \"no\" twice");
}

TEST_F(QuoteTest, ScareQuotesAreNoQuotes) {
  EXPECT_TRUE(Find("Russia has designated the newspaper as an \"undesirable\" organization, "
                   "criminalizing its work.")
                  .quotes.empty());
  EXPECT_TRUE(Find("Pyongyang would stand by Russia until it achieved “victory” in its war.")
                  .quotes.empty());
  EXPECT_TRUE(
      Find("The meeting comes amid Western reports that North Korea sent troops.").quotes.empty());
}

TEST_F(QuoteTest, ParentheticalCue) {
  auto d = Find("The talks were productive, Lavrov said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_FALSE(d.quotes[0].direct);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The talks were productive");

  d = Find("The talks, Lavrov said, were productive.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The talks");
  EXPECT_EQ(d.slice(d.quotes[1].content), "were productive");

  d = Find("The talks were productive, said Sergei Lavrov, the Russian foreign minister.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker_name, "Sergei Lavrov");
  EXPECT_EQ(Code(d, d.quotes[0].speaker), "RUSGOV");
}

TEST_F(QuoteTest, ParticipleTakesTheSpeakerOfItsClause) {
  auto d = Find(
      "“This will make it possible to solve security aims,” Lavrov said, adding that Moscow "
      "was grateful.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[1].cue), "adding");
  EXPECT_EQ(d.quotes[1].speaker_name, "Lavrov");
  EXPECT_EQ(d.slice(d.quotes[1].content), "that Moscow was grateful");

  // "praised the talks" is an attribution of its own (PolNeAR annotates stance verbs); the
  // participle's quote comes after it.
  d = Find("Lavrov praised the talks, saying they were productive.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[1].cue), "saying");
  EXPECT_EQ(d.quotes[1].speaker_name, "Lavrov");
  EXPECT_EQ(d.slice(d.quotes[1].content), "they were productive");
}

TEST_F(QuoteTest, ApposedSpeaker) {
  auto d = Find("Sergei Lavrov, the Russian foreign minister, said the talks were productive.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Sergei Lavrov, the Russian foreign minister");
  EXPECT_EQ(d.quotes[0].speaker_name, "Sergei Lavrov");
  EXPECT_EQ(Code(d, d.quotes[0].speaker), "RUSGOV");
}

TEST_F(QuoteTest, Transcript) {
  auto d = Find("LAVROV: We will meet again next year.\n\nCHOE: We agree.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "LAVROV");
  EXPECT_EQ(d.slice(d.quotes[0].content), "We will meet again next year");
  EXPECT_EQ(d.slice(d.quotes[1].cue), ":");
}

TEST_F(QuoteTest, TranscriptPastedAsBlockQuotation) {
  auto d = Find("\"WALLACE: Will she be there?\n\n\"PENCE: She will not be attending.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[1].speaker_span), "PENCE");
  EXPECT_EQ(d.slice(d.quotes[1].content), "She will not be attending");
}

TEST_F(QuoteTest, QuotationSignedAfterADash) {
  auto d = Find(
      "Some of the replies follow.\n\n\u201cI am truly afraid of what comes next for the country."
      "\u201d\u2015 Edwin G. Monroy\n\n\u201cWe can do better.\u201d \u2014 Ana Ruiz");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Edwin G. Monroy");
  EXPECT_EQ(d.slice(d.quotes[0].content), "I am truly afraid of what comes next for the country.");
  EXPECT_EQ(d.slice(d.quotes[1].speaker_span), "Ana Ruiz");
  // A dash inside running text is no signature.
  EXPECT_TRUE(Find("Readers wrote.\n\n\u201cWe can do better,\u201d she said \u2014 and left.")
                  .quotes.size() <= 1u);
}

TEST_F(QuoteTest, PassiveAndNounCuesAreNoQuotes) {
  EXPECT_TRUE(Find("He was told that the talks had failed.").quotes.empty());
  EXPECT_TRUE(Find("The claims that the talks failed were false.").quotes.empty());
}

TEST_F(QuoteTest, EmptyAndUnbalanced) {
  EXPECT_TRUE(Find(" ").quotes.empty());
  auto d = Find("“The talks went well, Lavrov said.\n\nThe weather was fine.");
  for (const Quote& q : d.quotes) EXPECT_LE(q.content.end, d.text.size());
}

// With a dependency parse the subject comes from the tree, not from word order.
TEST(QuoteFinderParse, SubjectFromTheParse) {
  Document d;
  d.text = "Officials familiar with the talks said they failed.";
  Tokenizer().Tokenize(&d);
  ASSERT_EQ(d.tokens.size(), 9u);
  // Officials familiar with the talks said they failed .
  const int heads[] = {5, 0, 4, 4, 1, -1, 7, 5, 5};
  const char* rels[] = {"nsubj", "amod", "case", "det", "obl", "root", "nsubj", "ccomp", "punct"};
  const char* upos[] = {"NOUN", "ADJ", "ADP", "DET", "NOUN", "VERB", "PRON", "VERB", "PUNCT"};
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    d.tokens[i].head = heads[i];
    d.tokens[i].deprel = rels[i];
    d.tokens[i].upos = upos[i];
  }
  QuoteFinder().Find(&d);
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Officials familiar with the talks");
  EXPECT_EQ(d.slice(d.quotes[0].content), "they failed");
}

TEST(QuoteFinderParse, NounTaggedCueIsNoCue) {
  Document d;
  d.text = "Officials say reports say nothing.";
  Tokenizer().Tokenize(&d);
  ASSERT_EQ(d.tokens.size(), 6u);
  const char* upos[] = {"NOUN", "VERB", "NOUN", "VERB", "PRON", "PUNCT"};
  const int heads[] = {1, -1, 3, 1, 3, 1};
  const char* rels[] = {"nsubj", "root", "nsubj", "ccomp", "obj", "punct"};
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    d.tokens[i].upos = upos[i];
    d.tokens[i].head = heads[i];
    d.tokens[i].deprel = rels[i];
  }
  QuoteFinder().Find(&d);
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].cue), "say");
  EXPECT_EQ(d.quotes[0].cue.start, 10u);
}

// `dyad quotes` end to end: one JSON line per quote, code-point offsets.
TEST(QuotesCommand, WritesJsonLines) {
  testing::TempDir tmp;
  const std::string in = tmp.Write(
      "a.txt", "Date: 2024-11-01\n\nÉté.\n\n“We will win,” Sergei Lavrov told reporters.\n");
  auto r = testing::Shell(testing::DyadBinary() + " quotes " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"direct\":true"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"cue\":{\"text\":\"told\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"content\":{\"text\":\"We will win\",\"start\":7,\"end\":18}"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"addressee\":{\"text\":\"reporters\""), std::string::npos) << r.out;

  // --input-offsets: offsets into the JSONL "text" field, leading blank lines included.
  const std::string jl = tmp.Write(
      "b.jsonl", "{\"id\":\"b\",\"text\":\"\\n\\n  Été.\\n\\n“We will win,” Lavrov said.\"}\n");
  r = testing::Shell(testing::DyadBinary() + " quotes --input-offsets " + jl);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"content\":{\"text\":\"We will win\",\"start\":11,\"end\":22}"),
            std::string::npos)
      << r.out;
}

TEST_F(QuoteTest, HeadlineWithColon) {
  auto d = Find("Kasich: ‘We Are Going All The Way.’\n\nThe governor spoke in Ohio on Monday.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker_name, "Kasich");
  EXPECT_EQ(d.slice(d.quotes[0].cue), ":");
  // Single marks open no quotation outside a double one: the headline's words with them.
  EXPECT_EQ(d.slice(d.quotes[0].content), "‘We Are Going All The Way.’");
}

TEST_F(QuoteTest, StanceVerbWithParse) {
  auto d = Find("House Speaker Paul Ryan criticized the trade deal on Tuesday.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "House Speaker Paul Ryan");
  EXPECT_EQ(d.slice(d.quotes[0].cue), "criticized");
  EXPECT_EQ(d.slice(d.quotes[0].content), "the trade deal");

  d = Find("The senator called for a ban on assault weapons.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].cue), "called for");
  EXPECT_EQ(d.slice(d.quotes[0].content), "a ban on assault weapons");
}

TEST_F(QuoteTest, DatelineIsNoPartOfTheSpeaker) {
  auto d = Find("WASHINGTON (AP) — Donald Trump said on Monday that he would win.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Donald Trump");
}

TEST_F(QuoteTest, TitleCaseHeadline) {
  auto d = Find("Clinton Says Russians Hacked DNC Emails\n\nThe candidate spoke on Sunday.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Clinton");
  EXPECT_EQ(d.slice(d.quotes[0].cue), "Says");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Russians Hacked DNC Emails");
  // Base and noun-like forms are nouns there.
  d = Find("Senate Budget Report Is Out Today\n\nThe story ran on Sunday.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST_F(QuoteTest, ParticipleAfterAQuotationClosedByAComma) {
  auto d = Find(
      "Graham said \"I think Kasich would be the best nominee,\" adding \"his problem is "
      "that he is an insider.\"");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_EQ(d.slice(d.quotes[0].cue), "said");
  EXPECT_EQ(d.slice(d.quotes[1].cue), "adding");
  EXPECT_EQ(d.quotes[1].speaker_name, "Graham");
}

TEST_F(QuoteTest, LongAppositionAfterAnInvertedCue) {
  auto d = Find(
      "\"The scale of the transition is enormous,\" said Matt Baker, a former commissioner "
      "with the Colorado Public Utilities Commission who is now a program officer for "
      "energy and climate at the William and Flora Hewlett Foundation.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker_name, "Matt Baker");
}

TEST_F(QuoteTest, TitleSplitOffByTheParserBelongsToTheSpeaker) {
  auto d = Find("Republican front-runner Donald Trump said he would win.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Republican front-runner Donald Trump");
}

TEST_F(QuoteTest, AccordingToAPhraseOpeningWithATimeWord) {
  auto d =
      Find("According to early results of the exit polls, nearly half of the voters were black.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "early results of the exit polls");
  EXPECT_EQ(d.slice(d.quotes[0].content), "nearly half of the voters were black");
}

TEST_F(QuoteTest, SentenceOpeningConjunctionsAndDatelinesLeaveTheSpeaker) {
  auto d = Find("Even the senator's closest allies said the plan would fail.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "the senator's closest allies");
  d = Find("Last May, a federal judge said the State Department must release the emails.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "a federal judge");
  d = Find("PARIS, Aug 31 (Reuters) - The party leader said on Wednesday that she would run.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "The party leader");
}

TEST_F(QuoteTest, ParticiplePhraseAfterAnInvertedSpeaker) {
  auto d = Find(
      "\"It is a way to take part without backing Trump,\" says a source involved in the "
      "group's creation.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "a source involved in the group's creation");
  d = Find("The talks were productive, said a person familiar with the talks.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "a person familiar with the talks");
}

TEST_F(QuoteTest, ParentheticalCueWithALongSubjectOrATrailingPhrase) {
  auto d = Find(
      "The couple were also among the passengers, Algerian foreign affairs ministry spokesman "
      "Benali Cherif Abdelaziz said Thursday.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].content), "The couple were also among the passengers");
  d = Find(
      "Democrats had put the biggest crack yet in the glass ceiling, she said in a video "
      "message to the convention.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].cue), "said in a video message");
  EXPECT_EQ(d.slice(d.quotes[0].content),
            "Democrats had put the biggest crack yet in the glass ceiling");
}

TEST_F(QuoteTest, ParentheticalCueTakesTheStanceVerbBeforeIt) {
  auto d =
      Find("Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Carly Fiorina");
  EXPECT_EQ(d.slice(d.quotes[0].cue), "said");
  EXPECT_EQ(d.slice(d.quotes[0].content), "Donald Trump is on solid ground attacking Bill Clinton");
}

TEST_F(QuoteTest, InvertedSpeakerKeepsPartyTagAndAge) {
  auto d = Find("\"It is a big deal,\" said Rep. Bobby Scott (D-Va.).");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Rep. Bobby Scott (D-Va.)");
  d = Find("\"It is a big deal,\" said Rahm Emanuel, his chief of staff.");
  ASSERT_EQ(d.quotes.size(), 1u);
  if (!d.tokens[0].deprel.empty()) {
    EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Rahm Emanuel, his chief of staff");
  }
  d = Find("\"It is a big deal,\" said Rachel Woolard, 20, of Jacksonville, Fla.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Rachel Woolard, 20, of Jacksonville, Fla.");
}

TEST_F(QuoteTest, CapitalisedWordTaggedAsAuxiliaryIsTheSubject) {
  auto d = Find("DeSantis said he has supported legislation that would limit the agencies.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_GE(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "DeSantis");
  EXPECT_EQ(d.slice(d.quotes[0].cue), "said");
}

TEST_F(QuoteTest, ParticipleAfterADash) {
  auto d =
      Find("Marco Rubio flipped his choice on the spot \u2013 saying he was rooting for Denver.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.slice(d.quotes[0].speaker_span), "Marco Rubio");
  EXPECT_EQ(d.slice(d.quotes[0].content), "he was rooting for Denver");
}

TEST_F(QuoteTest, SubjectAfterAPrepositionIsPartOfALongerPhrase) {
  auto d = Find("Brian Fallon, a spokesman for Mrs. Clinton, said the campaign would win.");
  if (d.tokens.empty() || d.tokens[0].deprel.empty()) GTEST_SKIP() << "no parser models";
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker_name, "Brian Fallon");
}

}  // namespace
}  // namespace dyad
