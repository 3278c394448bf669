// Calendar arithmetic for temporal normalisation: proleptic Gregorian days, weekdays, ISO
// weeks, month lengths and the movable dates news mentions (Easter, "fourth Thursday").
#pragma once

#include <cstdint>

namespace dyad {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 (negative before it).
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// ISO weekday: 1 = Monday ... 7 = Sunday.
int Weekday(int year, int month, int day);

// The ISO 8601 week of a day: its week-numbering year and week (1..53).
void IsoWeekOf(int year, int month, int day, int* iso_year, int* week);
// The Monday of ISO week `week` of ISO year `iso_year`.
CivilDate MondayOfIsoWeek(int iso_year, int week);
int IsoWeeksInYear(int iso_year);

// Easter Sunday (Gregorian computus).
CivilDate EasterSunday(int year);
// The n-th `weekday` (1 = Monday) of a month; n = -1 for the last one.
CivilDate NthWeekdayOfMonth(int year, int month, int weekday, int n);

}  // namespace dyad
