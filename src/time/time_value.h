// TimePoint: a day, week, month, quarter ... of the calendar, possibly with unknown parts, the
// arithmetic that normalisation needs ("a year before the third quarter") and TimeML values.
#pragma once

#include <climits>
#include <cstdint>
#include <string>

#include "time/calendar.h"
#include "time/time_lexicon.h"

namespace dyad {

// The precision of a point in time, from the coarsest to the finest.
enum class Grain : int8_t {
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kHalf,
  kQuarter,
  kSeason,
  kMonth,
  kWeek,
  kWeekend,
  kDay,
  kDayPart,  // a day and a part of it: "2024-11-01TEV"
  kMinute,   // a day and a clock time: "2024-11-01T15:00"
};

// The grain a calendar unit counts in ("last week" is a week).
Grain GrainOf(TimeUnit unit);

// A point or period of the calendar at some precision. A known point holds its first day
// (year, month, day); parts that are unknown (relative to an unknown document date) are
// kUnknown / 0 and written as X in the value ("XXXX-11-01", "XXXX-WXX-5").
struct TimePoint {
  static constexpr int kUnknown = INT_MIN;

  Grain grain = Grain::kDay;
  int year = kUnknown;  // for seasons, the year the season begins in
  int month = 0;        // 1..12, 0 when unknown
  int day = 0;          // 1..31, 0 when unknown
  int weekday = 0;      // 1..7 when the weekday is known but not the date
  int season = 0;       // 1..4 for Grain::kSeason
  int quarter = 0;      // 1..4 for Grain::kQuarter when the year is unknown
  int hour = -1;        // 0..24 for Grain::kMinute
  int minute = 0;
  DayPart part = DayPart::kNone;  // for Grain::kDayPart

  bool HasDate() const { return year != kUnknown && month > 0 && day > 0; }
  // A day of the calendar.
  static TimePoint Day(int year, int month, int day);
  static TimePoint Day(const CivilDate& d) { return Day(d.year, d.month, d.day); }
};

// The point `n` units after `p` (before it when n < 0), at p's grain; a point without a known
// date stays unknown.
TimePoint Shift(const TimePoint& p, TimeUnit unit, int n);
// `p` at a coarser (or equal) grain, its first day moved to the start of the period.
TimePoint Coarsen(const TimePoint& p, Grain grain);
// The TimeML value of a point: "2024-11-01", "2024-W44", "2024-Q3", "199", "XXXX-11".
std::string FormatValue(const TimePoint& p);

// A TimeML duration value: `amount` units ("P3D", "PT5H", "P2Y6M" for 2.5 years), or "PXY"
// when the amount is unknown (amount < 0).
std::string DurationValue(TimeUnit unit, double amount);

}  // namespace dyad
