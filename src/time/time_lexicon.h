// TimeLexicon: the words temporal expressions are made of (month and weekday names, units,
// number and ordinal words, seasons, parts of the day), each with what it contributes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dyad {

// Calendar units, from the finest to the coarsest.
enum class TimeUnit : int8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeekend,
  kWeek,
  kMonth,
  kQuarter,
  kHalf,
  kYear,
  kDecade,
  kCentury,
  kMillennium,
};

// Parts of the day, as TimeML writes them after "T" (MO, AF, EV, NI) or as a clock time.
enum class DayPart : int8_t { kNone, kMorning, kAfternoon, kEvening, kNight, kNoon, kMidnight };

// What one word can mean in a temporal expression; a field is 0 (or kNone) when it does not
// apply. A word may have several readings ("second": ordinal and unit; "may": month).
struct TimeWordInfo {
  int8_t month = 0;    // 1..12 ("november", "nov.", "nov")
  int8_t weekday = 0;  // 1 = Monday .. 7 = Sunday
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;       // "days"
  bool unit_adverb = false;  // "daily", "weekly": a unit's set adverb
  int32_t number = -1;       // "seven" 7, "twenty" 20, "hundred" 100, "dozen" 12
  int8_t ordinal = 0;        // "third" 3, "31st" 31, "last" is not an ordinal here
  int8_t season = 0;         // 1 spring, 2 summer, 3 fall, 4 winter
  DayPart part = DayPart::kNone;
  bool abbreviation = false;  // a short form ("nov.", "thurs"): needs a capital or a number
};

// The words of temporal expressions. Built once; lookups are const and thread-safe.
class TimeLexicon {
 public:
  TimeLexicon();
  // The readings of a normalised (lower-cased) word, or nullptr.
  const TimeWordInfo* Find(std::string_view norm) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, TimeWordInfo, Hash, std::equal_to<>> words_;
};

// Season codes "SP", "SU", "FA", "WI" (1..4).
const char* SeasonCode(int season);

}  // namespace dyad
