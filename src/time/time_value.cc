#include "time/time_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dyad {

namespace {

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

// Year written with `digits` leading digits ("1998" -> "199" for 3), X when unknown.
std::string YearDigits(int year, int digits) {
  if (year == TimePoint::kUnknown || year < 0) return std::string(digits, 'X');
  std::string y = Pad(year, 4);
  return y.substr(0, digits);
}

TimePoint AddMonths(const TimePoint& p, int months) {
  TimePoint q = p;
  const int total = p.year * 12 + (p.month - 1) + months;
  q.year = total >= 0 ? total / 12 : (total - 11) / 12;
  q.month = total - q.year * 12 + 1;
  if (q.day > 0) q.day = std::min(q.day, DaysInMonth(q.year, q.month));
  return q;
}

const char* PartCode(DayPart part) {
  switch (part) {
    case DayPart::kMorning:
      return "MO";
    case DayPart::kAfternoon:
      return "AF";
    case DayPart::kEvening:
      return "EV";
    case DayPart::kNight:
      return "NI";
    case DayPart::kNoon:
      return "12:00";
    case DayPart::kMidnight:
      return "24:00";
    case DayPart::kNone:
      break;
  }
  return "";
}

std::string DayValue(const TimePoint& p) {
  if (p.year == TimePoint::kUnknown && p.month == 0 && p.day == 0 && p.weekday > 0)
    return "XXXX-WXX-" + std::to_string(p.weekday);
  return YearDigits(p.year, 4) + "-" + (p.month > 0 ? Pad(p.month, 2) : "XX") + "-" +
         (p.day > 0 ? Pad(p.day, 2) : "XX");
}

std::string WeekValue(const TimePoint& p) {
  if (!p.HasDate()) return YearDigits(p.year, 4) + "-WXX";
  int iso_year = 0, week = 0;
  IsoWeekOf(p.year, p.month, p.day, &iso_year, &week);
  return Pad(iso_year, 4) + "-W" + Pad(week, 2);
}

}  // namespace

Grain GrainOf(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond:
    case TimeUnit::kMinute:
    case TimeUnit::kHour:
      return Grain::kMinute;
    case TimeUnit::kDay:
      return Grain::kDay;
    case TimeUnit::kWeekend:
      return Grain::kWeekend;
    case TimeUnit::kWeek:
      return Grain::kWeek;
    case TimeUnit::kMonth:
      return Grain::kMonth;
    case TimeUnit::kQuarter:
      return Grain::kQuarter;
    case TimeUnit::kHalf:
      return Grain::kHalf;
    case TimeUnit::kYear:
      return Grain::kYear;
    case TimeUnit::kDecade:
      return Grain::kDecade;
    case TimeUnit::kCentury:
      return Grain::kCentury;
    case TimeUnit::kMillennium:
      return Grain::kMillennium;
    case TimeUnit::kNone:
      break;
  }
  return Grain::kDay;
}

TimePoint TimePoint::Day(int year, int month, int day) {
  TimePoint p;
  p.grain = Grain::kDay;
  p.year = year;
  p.month = month;
  p.day = day;
  return p;
}

TimePoint Shift(const TimePoint& p, TimeUnit unit, int n) {
  if (p.year == TimePoint::kUnknown) return p;
  TimePoint q = p;
  const bool dated = p.HasDate();
  switch (unit) {
    case TimeUnit::kDay:
    case TimeUnit::kWeek:
    case TimeUnit::kWeekend: {
      if (!dated) return p;
      const int64_t days = unit == TimeUnit::kDay ? n : 7 * static_cast<int64_t>(n);
      const CivilDate c = CivilFromDays(DaysFromCivil(p.year, p.month, p.day) + days);
      q.year = c.year;
      q.month = c.month;
      q.day = c.day;
      return q;
    }
    case TimeUnit::kMonth:
    case TimeUnit::kQuarter:
    case TimeUnit::kHalf: {
      if (p.month == 0) return p;
      const int per = unit == TimeUnit::kMonth ? 1 : unit == TimeUnit::kQuarter ? 3 : 6;
      return AddMonths(p, per * n);
    }
    case TimeUnit::kYear:
    case TimeUnit::kDecade:
    case TimeUnit::kCentury:
    case TimeUnit::kMillennium: {
      const int per = unit == TimeUnit::kYear      ? 1
                      : unit == TimeUnit::kDecade  ? 10
                      : unit == TimeUnit::kCentury ? 100
                                                   : 1000;
      q.year = p.year + per * n;
      if (q.month > 0 && q.day > 0) q.day = std::min(q.day, DaysInMonth(q.year, q.month));
      return q;
    }
    case TimeUnit::kHour:
    case TimeUnit::kMinute:
    case TimeUnit::kSecond: {
      if (!dated || p.hour < 0) return p;
      int64_t minutes = static_cast<int64_t>(p.hour) * 60 + p.minute +
                        (unit == TimeUnit::kHour     ? 60LL * n
                         : unit == TimeUnit::kMinute ? n
                                                     : 0);
      int64_t day_shift = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
      minutes -= day_shift * 1440;
      const CivilDate c = CivilFromDays(DaysFromCivil(p.year, p.month, p.day) + day_shift);
      q.year = c.year;
      q.month = c.month;
      q.day = c.day;
      q.hour = static_cast<int>(minutes / 60);
      q.minute = static_cast<int>(minutes % 60);
      return q;
    }
    case TimeUnit::kNone:
      break;
  }
  return q;
}

TimePoint Coarsen(const TimePoint& p, Grain grain) {
  TimePoint q = p;
  q.grain = grain;
  if (grain < Grain::kDayPart) {
    q.hour = -1;
    q.minute = 0;
    q.part = DayPart::kNone;
  }
  if (grain >= Grain::kWeek) return q;
  q.weekday = 0;
  if (grain == Grain::kSeason) return q;  // the caller sets season
  q.day = q.month > 0 ? 1 : 0;
  if (grain == Grain::kMonth) return q;
  if (grain == Grain::kQuarter) {
    if (q.month > 0) q.month = (q.month - 1) / 3 * 3 + 1;
    return q;
  }
  if (grain == Grain::kHalf) {
    if (q.month > 0) q.month = q.month <= 6 ? 1 : 7;
    return q;
  }
  q.month = q.month > 0 ? 1 : 0;
  if (q.year != TimePoint::kUnknown) {
    if (grain == Grain::kDecade) q.year -= q.year % 10;
    if (grain == Grain::kCentury) q.year -= q.year % 100;
    if (grain == Grain::kMillennium) q.year -= q.year % 1000;
  }
  return q;
}

std::string FormatValue(const TimePoint& p) {
  switch (p.grain) {
    case Grain::kMillennium:
      return YearDigits(p.year, 1);
    case Grain::kCentury:
      return YearDigits(p.year, 2);
    case Grain::kDecade:
      return YearDigits(p.year, 3);
    case Grain::kYear:
      return YearDigits(p.year, 4);
    case Grain::kHalf:
      return YearDigits(p.year, 4) + "-H" + (p.month > 0 ? (p.month <= 6 ? "1" : "2") : "X");
    case Grain::kQuarter: {
      const int q = p.month > 0 ? (p.month - 1) / 3 + 1 : p.quarter;
      return YearDigits(p.year, 4) + "-Q" + (q > 0 ? std::to_string(q) : "X");
    }
    case Grain::kSeason:
      return YearDigits(p.year, 4) + "-" + SeasonCode(p.season);
    case Grain::kMonth:
      return YearDigits(p.year, 4) + "-" + (p.month > 0 ? Pad(p.month, 2) : "XX");
    case Grain::kWeek:
      return WeekValue(p);
    case Grain::kWeekend:
      return WeekValue(p) + "-WE";
    case Grain::kDay:
      return DayValue(p);
    case Grain::kDayPart:
      return DayValue(p) + "T" + PartCode(p.part);
    case Grain::kMinute:
      return DayValue(p) + "T" + Pad(std::max(p.hour, 0), 2) + ":" + Pad(p.minute, 2);
  }
  return "";
}

std::string DurationValue(TimeUnit unit, double amount) {
  // Units TimeML has no letter for are counted in the next smaller one.
  int factor = 1;
  switch (unit) {
    case TimeUnit::kQuarter:
      unit = TimeUnit::kMonth, factor = 3;
      break;
    case TimeUnit::kHalf:
      unit = TimeUnit::kMonth, factor = 6;
      break;
    case TimeUnit::kDecade:
      unit = TimeUnit::kYear, factor = 10;
      break;
    case TimeUnit::kCentury:
      unit = TimeUnit::kYear, factor = 100;
      break;
    case TimeUnit::kMillennium:
      unit = TimeUnit::kYear, factor = 1000;
      break;
    case TimeUnit::kWeekend:
      unit = TimeUnit::kDay, factor = 2;
      break;
    default:
      break;
  }
  const bool clock =
      unit == TimeUnit::kHour || unit == TimeUnit::kMinute || unit == TimeUnit::kSecond;
  auto letter = [](TimeUnit u) -> const char* {
    switch (u) {
      case TimeUnit::kSecond:
        return "S";
      case TimeUnit::kMinute:
        return "M";
      case TimeUnit::kHour:
        return "H";
      case TimeUnit::kDay:
        return "D";
      case TimeUnit::kWeek:
        return "W";
      case TimeUnit::kMonth:
        return "M";
      default:
        return "Y";
    }
  };
  std::string v = clock ? "PT" : "P";
  if (amount < 0) return v + "X" + letter(unit);
  amount *= factor;
  const double whole = std::floor(amount + 1e-9);
  const double frac = amount - whole;
  if (frac < 1e-6) return v + std::to_string(static_cast<long long>(whole)) + letter(unit);
  // A fraction goes to the next smaller unit where that is exact enough ("2 1/2 years").
  TimeUnit smaller = TimeUnit::kNone;
  int per = 0;
  switch (unit) {
    case TimeUnit::kYear:
      smaller = TimeUnit::kMonth, per = 12;
      break;
    case TimeUnit::kMonth:
      smaller = TimeUnit::kDay, per = 30;
      break;
    case TimeUnit::kWeek:
      smaller = TimeUnit::kDay, per = 7;
      break;
    case TimeUnit::kDay:
      smaller = TimeUnit::kHour, per = 24;
      break;
    case TimeUnit::kHour:
      smaller = TimeUnit::kMinute, per = 60;
      break;
    case TimeUnit::kMinute:
      smaller = TimeUnit::kSecond, per = 60;
      break;
    default:
      break;
  }
  const long long rest = std::llround(frac * per);
  if (smaller == TimeUnit::kNone || rest == 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", amount);
    return v + buf + letter(unit);
  }
  std::string out = v;
  if (whole > 0) out += std::to_string(static_cast<long long>(whole)) + letter(unit);
  if (!clock && smaller == TimeUnit::kHour) out += "T";
  return out + std::to_string(rest) + letter(smaller);
}

}  // namespace dyad
