// TimeParser: the rules of the time grammar over one sentence's words (internal to src/time;
// TimeGrammar is the interface). Each rule reads from word i and returns the end of what it
// matched (0 when nothing), filling a TimeExpr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "time/time_grammar.h"

namespace dyad {

class TimeParser {
 public:
  TimeParser(const std::vector<TimeWord>& words, const TimeLexicon& lex) : w_(words), lex_(lex) {}

  // The longest expression starting at word i; 0 when none.
  size_t Expression(size_t i, TimeExpr* e) const;

  // --- Word access (time_parser.cc).
  size_t size() const { return w_.size(); }
  const std::string& Norm(size_t i) const;
  bool Is(size_t i, std::string_view s) const { return i < w_.size() && w_[i].norm == s; }
  bool IsAny(size_t i, std::initializer_list<std::string_view> any) const;
  bool Cap(size_t i) const { return i < w_.size() && w_[i].cap; }
  bool Joined(size_t i) const { return i < w_.size() && w_[i].joined; }
  const TimeWordInfo* Info(size_t i) const { return i < w_.size() ? w_[i].info : nullptr; }
  bool IsDigits(size_t i) const;
  int IntAt(size_t i) const;  // the value of an all-digit word, -1 otherwise

  // --- Pieces (time_parser.cc).
  // A cardinal: digits ("12", "1,000", "2 1/2") or words ("twenty-four", "a hundred"); *value
  // < 0 for a vague amount ("several", "a few", "a couple of" is 2). `article`: "a"/"an" = 1.
  size_t Number(size_t i, double* value, bool article) const;
  size_t Ordinal(size_t i, int* value) const;               // "third", "3rd", "twenty-first"
  size_t DayOfMonth(size_t i, int* day) const;              // "1", "01", "1st", "first"
  size_t Year(size_t i, int* year, bool loose) const;       // "1949", "nineteen forty-nine"
  size_t MonthName(size_t i, int* month, bool bare) const;  // "November", "Nov." (bare: alone)
  size_t WeekdayName(size_t i, int* weekday, bool* plural) const;
  size_t Unit(size_t i, TimeUnit* unit, bool* plural) const;
  size_t DayPartWord(size_t i, DayPart* part) const;  // "morning", "night", "tonight" no
  size_t Clock(size_t i, TimePoint* p) const;         // "3 p.m.", "15:30 GMT", "noon"

  // --- Points (time_parser.cc).
  size_t NumericDate(size_t i, TimeExpr* e) const;  // "2024-11-01", "11/01/2024"
  size_t MonthDate(size_t i, TimeExpr* e) const;    // "Nov. 1, 2024", "1 November", "May 2023"
  size_t YearExpr(size_t i, TimeExpr* e) const;     // "1949", "fiscal 1989", "the year 2000"
  size_t DecadeExpr(size_t i, TimeExpr* e) const;   // "the 1990s", "the '80s", "the nineties"
  size_t CenturyExpr(size_t i, TimeExpr* e) const;  // "the 20th century"
  size_t QuarterExpr(size_t i, TimeExpr* e) const;  // "the third quarter", "the first half"
  size_t SeasonExpr(size_t i, TimeExpr* e) const;   // "last fall", "the winter of 1994"
  size_t HolidayExpr(size_t i, TimeExpr* e) const;  // "Christmas", "Thanksgiving Day"
  size_t WeekdayExpr(size_t i, TimeExpr* e) const;  // "Friday", "next Friday"
  size_t DeicticExpr(size_t i, TimeExpr* e) const;  // "today", "yesterday", "tonight"
  size_t ClockExpr(size_t i, TimeExpr* e) const;    // "3 p.m.", "noon"
  // A point, with a part of the day or a clock time attached ("Friday morning").
  size_t PointCore(size_t i, TimeExpr* e) const;
  size_t Point(size_t i, TimeExpr* e) const;  // with "early", "the end of", ...

  // --- Relative, durations, sets, references (time_rules.cc).
  size_t RelativeExpr(size_t i, TimeExpr* e) const;   // "last week", "this year", "that day"
  size_t FinancialExpr(size_t i, TimeExpr* e) const;  // "the year-earlier quarter"
  size_t DurationExpr(size_t i, TimeExpr* e, TimeUnit* unit, double* amount) const;
  size_t AgoExpr(size_t i, TimeExpr* e) const;  // "two years ago", "a day later"
  size_t SetExpr(size_t i, TimeExpr* e) const;  // "every week", "weekly", "$5 a year"
  size_t RefExpr(size_t i, TimeExpr* e) const;  // "now", "recently", "the future"

 private:
  const std::vector<TimeWord>& w_;
  const TimeLexicon& lex_;
};

// True when the word reads as a determiner a timex may begin with ("the", "this", "its").
bool IsTimexDeterminer(std::string_view norm);
// True for prepositions a date may follow ("in 1949", "since March").
bool IsPreposition(std::string_view norm);

}  // namespace dyad
