#include "time/calendar.h"

namespace dyad {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

bool IsLeapYear(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int Weekday(int y, int m, int d) {
  const int64_t z = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void IsoWeekOf(int y, int m, int d, int* iso_year, int* week) {
  const int64_t z = DaysFromCivil(y, m, d);
  const int64_t thursday = z - Weekday(y, m, d) + 4;  // the Thursday of the same ISO week
  const CivilDate t = CivilFromDays(thursday);
  *iso_year = t.year;
  *week = static_cast<int>((thursday - DaysFromCivil(t.year, 1, 1)) / 7 + 1);
}

CivilDate MondayOfIsoWeek(int iso_year, int week) {
  // January 4th is always in week 1.
  const int64_t jan4 = DaysFromCivil(iso_year, 1, 4);
  const int64_t monday = jan4 - (Weekday(iso_year, 1, 4) - 1);
  return CivilFromDays(monday + 7 * static_cast<int64_t>(week - 1));
}

int IsoWeeksInYear(int iso_year) {
  int y = 0, w = 0;
  IsoWeekOf(iso_year, 12, 28, &y, &w);  // December 28th is always in the last week
  return w;
}

CivilDate EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

CivilDate NthWeekdayOfMonth(int year, int month, int weekday, int n) {
  if (n > 0) {
    const int first = Weekday(year, month, 1);
    const int day = 1 + (weekday - first + 7) % 7 + 7 * (n - 1);
    return {year, month, day};
  }
  const int last_day = DaysInMonth(year, month);
  const int last = Weekday(year, month, last_day);
  return {year, month, last_day - (last - weekday + 7) % 7};
}

}  // namespace dyad
