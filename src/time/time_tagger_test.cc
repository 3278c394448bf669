#include "time/time_tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/test_util.h"
#include "text/tokenizer.h"
#include "time/calendar.h"
#include "time/time_value.h"

namespace dyad {
namespace {

// "text|TYPE|value|mod" for each timex of `text` published on `date` (2024-11-01 is a Friday).
std::vector<std::string> Tag(const std::string& text, const std::string& date = "2024-11-01") {
  static const TimeTagger tagger;
  Document doc;
  doc.text = text;
  doc.date = date;
  Tokenizer().Tokenize(&doc);
  tagger.Tag(&doc);
  std::vector<std::string> out;
  for (const Timex& t : doc.timexes)
    out.push_back(std::string(doc.slice(t.span)) + "|" + t.type + "|" + t.value + "|" + t.mod);
  return out;
}

using V = std::vector<std::string>;

TEST(TimeTagger, SeedCases) {
  EXPECT_EQ(Tag("The ministers met on Friday."), V{"Friday|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("Thursday they talked."), V{"Thursday|DATE|2024-10-31|"});
  EXPECT_EQ(Tag("Troops moved in early August."), V{"early August|DATE|2024-08|START"});
  EXPECT_EQ(Tag("The alliance was founded in 1949."), V{"1949|DATE|1949|"});
  EXPECT_EQ(Tag("He is busy this week."), V{"this week|DATE|2024-W44|"});
}

TEST(TimeTagger, Weekdays) {
  EXPECT_EQ(Tag("They will meet next Friday."), V{"next Friday|DATE|2024-11-08|"});
  EXPECT_EQ(Tag("They met last Friday."), V{"last Friday|DATE|2024-10-25|"});
  EXPECT_EQ(Tag("The summit opened Monday."), V{"Monday|DATE|2024-10-28|"});
  // A clause that speaks ahead takes the coming one.
  EXPECT_EQ(Tag("The president will travel to Kyiv on Monday."), V{"Monday|DATE|2024-11-04|"});
  EXPECT_EQ(Tag("The talks are scheduled to resume Tuesday."), V{"Tuesday|DATE|2024-11-05|"});
  EXPECT_EQ(Tag("The meeting was held on Friday morning."),
            V{"Friday morning|TIME|2024-11-01TMO|"});
  EXPECT_EQ(Tag("Guards patrol on Mondays."), V{"Mondays|SET|XXXX-WXX-1|"});
}

TEST(TimeTagger, DeicticWords) {
  EXPECT_EQ(
      Tag("She arrived yesterday and leaves today; the vote is tonight."),
      (V{"yesterday|DATE|2024-10-31|", "today|DATE|2024-11-01|", "tonight|TIME|2024-11-01TNI|"}));
  EXPECT_EQ(Tag("He will fly tomorrow."), V{"tomorrow|DATE|2024-11-02|"});
  EXPECT_EQ(Tag("Shelling went on last night."), V{"last night|TIME|2024-10-31TNI|"});
  EXPECT_EQ(Tag("The minister spoke this morning."), V{"this morning|TIME|2024-11-01TMO|"});
  EXPECT_EQ(Tag("He is now in Moscow."), V{"now|DATE|PRESENT_REF|"});
  EXPECT_EQ(Tag("Prices rose recently."), V{"recently|DATE|PAST_REF|"});
}

TEST(TimeTagger, RelativeUnits) {
  EXPECT_EQ(Tag("Prices rose last month and will rise next month."),
            (V{"last month|DATE|2024-10|", "next month|DATE|2024-12|"}));
  EXPECT_EQ(Tag("Sales fell last year and this year."),
            (V{"last year|DATE|2023|", "this year|DATE|2024|"}));
  EXPECT_EQ(Tag("The trial will start next week."), V{"next week|DATE|2024-W45|"});
  EXPECT_EQ(Tag("He resigned last week."), V{"last week|DATE|2024-W43|"});
  EXPECT_EQ(Tag("Fighting flared earlier this month."), V{"earlier this month|DATE|2024-11|START"});
  EXPECT_EQ(Tag("The talks collapsed at the end of the year."),
            V{"the end of the year|DATE|2024|END"});
  EXPECT_EQ(Tag("Rebels attacked over the weekend."), V{"the weekend|DATE|2024-W44-WE|"});
}

TEST(TimeTagger, ExplicitDates) {
  EXPECT_EQ(Tag("The treaty of Nov. 1, 2024 was signed."), V{"Nov. 1, 2024|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on 1 November 2024."), V{"1 November 2024|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on November 1."), V{"November 1|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on 2024-11-01."), V{"2024-11-01|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on 11/01/2024."), V{"11/01/2024|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on Friday, Nov. 1."), V{"Friday, Nov. 1|DATE|2024-11-01|"});
  EXPECT_EQ(Tag("It was signed on the 3rd of March 2022."),
            V{"the 3rd of March 2022|DATE|2022-03-03|"});
  EXPECT_EQ(Tag("The report covers November 2023."), V{"November 2023|DATE|2023-11|"});
}

TEST(TimeTagger, MonthsWithoutYear) {
  // The year comes from the publication date: the last ten months, or the next two.
  EXPECT_EQ(Tag("Talks resumed in March."), V{"March|DATE|2024-03|"});
  EXPECT_EQ(Tag("Elections are due in December."), V{"December|DATE|2024-12|"});
  EXPECT_EQ(Tag("The offensive began in January.", "2025-02-10"), V{"January|DATE|2025-01|"});
  EXPECT_EQ(Tag("The offensive began in December.", "2025-02-10"), V{"December|DATE|2024-12|"});
  EXPECT_EQ(Tag("It happened last April."), V{"last April|DATE|2024-04|"});
  EXPECT_EQ(Tag("Payment is due Dec. 15."), V{"Dec. 15|DATE|2024-12-15|"});
}

TEST(TimeTagger, YearsDecadesCenturies) {
  EXPECT_EQ(Tag("The deal was signed in mid-2023."), V{"mid-2023|DATE|2023|MID"});
  EXPECT_EQ(Tag("The talks in late 2023 failed."), V{"late 2023|DATE|2023|END"});
  EXPECT_EQ(Tag("Unemployment was high in the 1990s."), V{"the 1990s|DATE|199|"});
  EXPECT_EQ(Tag("It was a hit in the '80s."), V{"the '80s|DATE|198|"});
  EXPECT_EQ(Tag("Prices fell in the early 1980s."), V{"the early 1980s|DATE|198|START"});
  EXPECT_EQ(Tag("The crisis of the 20th century ended."), V{"the 20th century|DATE|19|"});
  EXPECT_EQ(Tag("Earnings fell in fiscal 1989."), V{"fiscal 1989|DATE|1989|"});
}

TEST(TimeTagger, QuartersAndSeasons) {
  EXPECT_EQ(Tag("Profit rose in the third quarter."), V{"the third quarter|DATE|2024-Q3|"});
  EXPECT_EQ(Tag("It posted a third-quarter loss."), V{"third-quarter|DATE|2024-Q3|"});
  EXPECT_EQ(Tag("Output fell in the first half of 2023."),
            V{"the first half of 2023|DATE|2023-H1|"});
  EXPECT_EQ(Tag("The offensive began this summer."), V{"this summer|DATE|2024-SU|"});
  EXPECT_EQ(Tag("In the spring of 2022 the fighting stopped."),
            V{"the spring of 2022|DATE|2022-SP|"});
  EXPECT_EQ(Tag("The army retreated last winter."), V{"last winter|DATE|2023-WI|"});
}

TEST(TimeTagger, TimesOfDay) {
  EXPECT_EQ(Tag("Officials met at 3 p.m. and again at noon."),
            (V{"3 p.m.|TIME|2024-11-01T15:00|", "noon|TIME|2024-11-01T12:00|"}));
  EXPECT_EQ(Tag("The blast came at 10:35 a.m. Thursday."),
            V{"10:35 a.m. Thursday|TIME|2024-10-31T10:35|"});
  EXPECT_EQ(Tag("The curfew starts at 22:00 GMT."), V{"22:00 GMT|TIME|2024-11-01T22:00|"});
}

TEST(TimeTagger, Durations) {
  EXPECT_EQ(Tag("The siege lasted three days."), V{"three days|DURATION|P3D|"});
  EXPECT_EQ(Tag("The war lasted two years."), V{"two years|DURATION|P2Y|"});
  EXPECT_EQ(Tag("He signed a two-year contract."), V{"two-year|DURATION|P2Y|"});
  EXPECT_EQ(Tag("The ceasefire held for about six months."),
            V{"about six months|DURATION|P6M|APPROX"});
  EXPECT_EQ(Tag("Prices rose over the past two months."), V{"the past two months|DURATION|P2M|"});
  EXPECT_EQ(Tag("The talks took 2 1/2 hours."), V{"2 1/2 hours|DURATION|PT2H30M|"});
  EXPECT_EQ(Tag("The dispute has gone on for years."), V{"years|DURATION|PXY|"});
}

TEST(TimeTagger, AgoAndLater) {
  EXPECT_EQ(Tag("The attack happened a week ago."), V{"a week ago|DATE|2024-W43|"});
  EXPECT_EQ(Tag("The city fell two years ago."), V{"two years ago|DATE|2022|"});
  EXPECT_EQ(Tag("Talks began on Oct. 20. Two days later, the troops withdrew."),
            (V{"Oct. 20|DATE|2024-10-20|", "Two days later|DATE|2024-10-22|"}));
  EXPECT_EQ(Tag("Troops arrived in May 2022. That day the city fell."),
            (V{"May 2022|DATE|2022-05|", "That day|DATE|2022-05-XX|"}));
  EXPECT_EQ(Tag("Net rose in the third quarter, up from $5 million a year earlier."),
            (V{"the third quarter|DATE|2024-Q3|", "a year earlier|DATE|2023-Q3|"}));
}

TEST(TimeTagger, Sets) {
  EXPECT_EQ(Tag("Patrols run every week."), V{"every week|SET|P1W|"});
  EXPECT_EQ(Tag("The paper is published weekly."), V{"weekly|SET|P1W|"});
  EXPECT_EQ(Tag("They meet twice a week."), V{"twice a week|SET|P1W|"});
  EXPECT_EQ(Tag("Rallies are held each Thursday."), V{"each Thursday|SET|XXXX-WXX-4|"});
  EXPECT_EQ(Tag("The company declared a quarterly dividend."), V{});
}

TEST(TimeTagger, Holidays) {
  EXPECT_EQ(Tag("Elections are due on Christmas Day."), V{"Christmas Day|DATE|2024-12-25|"});
  EXPECT_EQ(Tag("They met at Thanksgiving 2023."), V{"Thanksgiving 2023|DATE|2023-11-23|"});
  EXPECT_EQ(Tag("He returned at Easter 2024."), V{"Easter 2024|DATE|2024-03-31|"});
}

TEST(TimeTagger, UnknownDocumentDate) {
  EXPECT_EQ(Tag("The ministers met on Friday.", ""), V{"Friday|DATE|XXXX-WXX-5|"});
  EXPECT_EQ(Tag("She arrived yesterday.", ""), V{"yesterday|DATE|XXXX-XX-XX|"});
  EXPECT_EQ(Tag("He is busy this week.", ""), V{"this week|DATE|XXXX-WXX|"});
  EXPECT_EQ(Tag("It was signed on November 1.", ""), V{"November 1|DATE|XXXX-11-01|"});
  EXPECT_EQ(Tag("Sales fell last year.", ""), V{"last year|DATE|XXXX|"});
  EXPECT_EQ(Tag("The alliance was founded in 1949.", ""), V{"1949|DATE|1949|"});
  EXPECT_EQ(Tag("It was signed on 11/01/2024.", ""), V{"11/01/2024|DATE|2024-11-01|"});
}

TEST(TimeTagger, NoFalsePositives) {
  EXPECT_EQ(Tag("They may leave the city."), V{});
  EXPECT_EQ(Tag("May I ask a question?"), V{});
  EXPECT_EQ(Tag("Protesters march through the city."), V{});
  EXPECT_EQ(Tag("March on, the crowd shouted."), V{});
  EXPECT_EQ(Tag("The Sunday Times reported the story."), V{});
  EXPECT_EQ(Tag("He met Theresa May in London."), V{});
  EXPECT_EQ(Tag("Some 8,000 troops were sent."), V{});
  EXPECT_EQ(Tag("About 2000 troops were sent."), V{});
  EXPECT_EQ(Tag("A 6-year-old boy was rescued."), V{});
  EXPECT_EQ(Tag("Prices could fall in the spring of discontent."), V{});
  EXPECT_EQ(Tag("Water levels fall when rivers dry."), V{});
  EXPECT_EQ(Tag("The report said so, according to USA Today."), V{});
}

TEST(TimeTagger, YearInsideAName) {
  // TimeML tags a year inside a name as a date; so does dyad (the event coder decides whether
  // an event takes its date from it).
  EXPECT_EQ(Tag("They invoked the 1949 Geneva Conventions."), V{"1949|DATE|1949|"});
}

TEST(TimeTagger, OffsetsAreByteSpansIntoTheText) {
  static const TimeTagger tagger;
  Document doc;
  doc.text = "\xE2\x80\x9CWe met on Friday,\xE2\x80\x9D he said.";
  doc.date = "2024-11-01";
  Tokenizer().Tokenize(&doc);
  tagger.Tag(&doc);
  ASSERT_EQ(doc.timexes.size(), 1u);
  EXPECT_EQ(doc.slice(doc.timexes[0].span), "Friday");
  EXPECT_EQ(doc.timexes[0].span.start, 13u);
}

TEST(TimeTagger, EventDate) {
  Timex t;
  t.type = "DATE";
  t.value = "2024-11-01";
  EXPECT_EQ(EventDate(t), "2024-11-01");
  t.value = "2024-08";
  EXPECT_EQ(EventDate(t), "2024-08");
  t.value = "2024-08-XX";
  EXPECT_EQ(EventDate(t), "2024-08");
  t.type = "TIME";
  t.value = "2024-11-01T15:00";
  EXPECT_EQ(EventDate(t), "2024-11-01");
  t.type = "DATE";
  for (const char* v : {"2024", "2024-W44", "XXXX-11-01", "PRESENT_REF", "2024-Q3", "199"}) {
    t.value = v;
    EXPECT_FALSE(EventDate(t).has_value()) << v;
  }
  t.type = "DURATION";
  t.value = "P3D";
  EXPECT_FALSE(EventDate(t).has_value());
}

TEST(TimexCommand, PrintsOneLinePerDocumentWithCodepointOffsets) {
  testing::TempDir tmp;
  const std::string in = tmp.Write(
      "in.jsonl",
      "{\"id\":\"a\",\"date\":\"2024-11-01\",\"text\":\"Lavrov \u00e9tait l\u00e0 on Friday.\"}\n"
      "{\"id\":\"b\",\"text\":\"They met yesterday.\"}\n");
  const auto r = testing::Shell(testing::DyadBinary() + " timex " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("{\"id\":\"a\",\"date\":\"2024-11-01\",\"timexes\":[{\"text\":\"Friday\","
                       "\"start\":19,\"end\":25,\"type\":\"DATE\",\"value\":\"2024-11-01\","
                       "\"mod\":null}]}"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"value\":\"XXXX-XX-XX\""), std::string::npos) << r.out;
  // --date fills in a missing date.
  const auto d = testing::Shell(testing::DyadBinary() + " timex " + in + " --date 2024-11-03");
  EXPECT_NE(d.out.find("\"value\":\"2024-11-02\""), std::string::npos) << d.out;
  const auto bad = testing::Shell(testing::DyadBinary() + " timex " + in + " --date soon");
  EXPECT_EQ(bad.status, 2);
}

TEST(TimeValue, FormatsAndShifts) {
  TimePoint d = TimePoint::Day(2024, 11, 1);
  EXPECT_EQ(FormatValue(d), "2024-11-01");
  EXPECT_EQ(FormatValue(Coarsen(d, Grain::kWeek)), "2024-W44");
  EXPECT_EQ(FormatValue(Coarsen(d, Grain::kQuarter)), "2024-Q4");
  EXPECT_EQ(FormatValue(Coarsen(d, Grain::kDecade)), "202");
  EXPECT_EQ(FormatValue(Coarsen(Shift(d, TimeUnit::kMonth, -3), Grain::kMonth)), "2024-08");
  EXPECT_EQ(FormatValue(Shift(TimePoint::Day(2024, 3, 31), TimeUnit::kMonth, -1)), "2024-02-29");
  EXPECT_EQ(FormatValue(Coarsen(Shift(d, TimeUnit::kWeek, -1), Grain::kWeek)), "2024-W43");
  EXPECT_EQ(DurationValue(TimeUnit::kDay, 3), "P3D");
  EXPECT_EQ(DurationValue(TimeUnit::kHour, 5), "PT5H");
  EXPECT_EQ(DurationValue(TimeUnit::kYear, 2.5), "P2Y6M");
  EXPECT_EQ(DurationValue(TimeUnit::kDecade, 2), "P20Y");
  EXPECT_EQ(DurationValue(TimeUnit::kMonth, -1), "PXM");
}

TEST(Calendar, WeeksAndMovableDates) {
  int y = 0, w = 0;
  IsoWeekOf(2024, 11, 1, &y, &w);
  EXPECT_EQ(y, 2024);
  EXPECT_EQ(w, 44);
  IsoWeekOf(2021, 1, 1, &y, &w);  // belongs to the last week of 2020
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  EXPECT_EQ(Weekday(2024, 11, 1), 5);
  const CivilDate easter = EasterSunday(2024);
  EXPECT_EQ(easter.month, 3);
  EXPECT_EQ(easter.day, 31);
  const CivilDate thanksgiving = NthWeekdayOfMonth(2023, 11, 4, 4);
  EXPECT_EQ(thanksgiving.day, 23);
}

}  // namespace
}  // namespace dyad
