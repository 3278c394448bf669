#include "time/time_lexicon.h"

#include <initializer_list>
#include <utility>

namespace dyad {

TimeLexicon::TimeLexicon() {
  auto add = [this](std::string_view w) -> TimeWordInfo& { return words_[std::string(w)]; };

  static const char* const kMonths[12][4] = {
      {"january", "jan", "jan.", nullptr},    {"february", "feb", "feb.", nullptr},
      {"march", "mar", "mar.", nullptr},      {"april", "apr", "apr.", nullptr},
      {"may", nullptr, nullptr, nullptr},     {"june", "jun", "jun.", nullptr},
      {"july", "jul", "jul.", nullptr},       {"august", "aug", "aug.", nullptr},
      {"september", "sept", "sept.", "sep."}, {"october", "oct", "oct.", nullptr},
      {"november", "nov", "nov.", nullptr},   {"december", "dec", "dec.", nullptr}};
  for (int m = 0; m < 12; ++m)
    for (int k = 0; k < 4 && kMonths[m][k]; ++k) {
      TimeWordInfo& w = add(kMonths[m][k]);
      w.month = static_cast<int8_t>(m + 1);
      w.abbreviation = k > 0;
    }

  static const char* const kWeekdays[7][5] = {{"monday", "mon.", "mon", nullptr, nullptr},
                                              {"tuesday", "tues.", "tue.", "tues", nullptr},
                                              {"wednesday", "wed.", nullptr, nullptr, nullptr},
                                              {"thursday", "thurs.", "thu.", "thur.", "thurs"},
                                              {"friday", "fri.", "fri", nullptr, nullptr},
                                              {"saturday", "sat.", nullptr, nullptr, nullptr},
                                              {"sunday", "sun.", nullptr, nullptr, nullptr}};
  for (int d = 0; d < 7; ++d)
    for (int k = 0; k < 5 && kWeekdays[d][k]; ++k) {
      TimeWordInfo& w = add(kWeekdays[d][k]);
      w.weekday = static_cast<int8_t>(d + 1);
      w.abbreviation = k > 0;
    }

  struct UnitWord {
    const char* singular;
    const char* plural;
    TimeUnit unit;
  };
  static const UnitWord kUnits[] = {
      {"second", "seconds", TimeUnit::kSecond},
      {"sec", "secs", TimeUnit::kSecond},
      {"minute", "minutes", TimeUnit::kMinute},
      {"min", "mins", TimeUnit::kMinute},
      {"hour", "hours", TimeUnit::kHour},
      {"hr", "hrs", TimeUnit::kHour},
      {"day", "days", TimeUnit::kDay},
      {"weekend", "weekends", TimeUnit::kWeekend},
      {"week", "weeks", TimeUnit::kWeek},
      {"month", "months", TimeUnit::kMonth},
      {"quarter", "quarters", TimeUnit::kQuarter},
      {"year", "years", TimeUnit::kYear},
      {"yr", "yrs", TimeUnit::kYear},
      {"decade", "decades", TimeUnit::kDecade},
      {"century", "centuries", TimeUnit::kCentury},
      {"millennium", "millennia", TimeUnit::kMillennium},
      {"half", "halves", TimeUnit::kHalf},
  };
  for (const UnitWord& u : kUnits) {
    add(u.singular).unit = u.unit;
    TimeWordInfo& p = add(u.plural);
    p.unit = u.unit;
    p.plural = true;
  }
  add("night").unit = TimeUnit::kDay;  // "three nights"
  add("nights").unit = TimeUnit::kDay;
  add("nights").plural = true;

  struct AdverbWord {
    const char* word;
    TimeUnit unit;
  };
  static const AdverbWord kAdverbs[] = {
      {"hourly", TimeUnit::kHour},      {"daily", TimeUnit::kDay},
      {"nightly", TimeUnit::kDay},      {"weekly", TimeUnit::kWeek},
      {"monthly", TimeUnit::kMonth},    {"quarterly", TimeUnit::kQuarter},
      {"yearly", TimeUnit::kYear},      {"annually", TimeUnit::kYear},
      {"biweekly", TimeUnit::kWeek},    {"bimonthly", TimeUnit::kMonth},
      {"semiannually", TimeUnit::kHalf}};
  for (const AdverbWord& a : kAdverbs) {
    TimeWordInfo& w = add(a.word);
    w.unit = a.unit;
    w.unit_adverb = true;
  }

  static const char* const kCardinals[] = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int n = 0; n < 20; ++n) add(kCardinals[n]).number = n;
  static const char* const kTens[] = {"twenty", "thirty",  "forty",  "fifty",
                                      "sixty",  "seventy", "eighty", "ninety"};
  for (int n = 0; n < 8; ++n) add(kTens[n]).number = 20 + 10 * n;
  add("hundred").number = 100;
  add("thousand").number = 1000;
  add("dozen").number = 12;

  static const char* const kOrdinals[] = {"first",       "second",     "third",      "fourth",
                                          "fifth",       "sixth",      "seventh",    "eighth",
                                          "ninth",       "tenth",      "eleventh",   "twelfth",
                                          "thirteenth",  "fourteenth", "fifteenth",  "sixteenth",
                                          "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  for (int n = 0; n < 20; ++n) add(kOrdinals[n]).ordinal = static_cast<int8_t>(n + 1);
  add("thirtieth").ordinal = 30;

  static const std::pair<const char*, int> kSeasons[] = {
      {"spring", 1}, {"summer", 2}, {"fall", 3}, {"autumn", 3}, {"winter", 4}};
  for (auto [w, s] : kSeasons) add(w).season = static_cast<int8_t>(s);

  static const std::pair<const char*, DayPart> kParts[] = {
      {"morning", DayPart::kMorning},     {"mornings", DayPart::kMorning},
      {"afternoon", DayPart::kAfternoon}, {"afternoons", DayPart::kAfternoon},
      {"evening", DayPart::kEvening},     {"evenings", DayPart::kEvening},
      {"night", DayPart::kNight},         {"nights", DayPart::kNight},
      {"noon", DayPart::kNoon},           {"midday", DayPart::kNoon},
      {"midnight", DayPart::kMidnight}};
  for (auto [w, p] : kParts) add(w).part = p;
}

const TimeWordInfo* TimeLexicon::Find(std::string_view norm) const {
  auto it = words_.find(norm);
  return it == words_.end() ? nullptr : &it->second;
}

const char* SeasonCode(int season) {
  static const char* const kCodes[] = {"", "SP", "SU", "FA", "WI"};
  return season >= 1 && season <= 4 ? kCodes[season] : "";
}

}  // namespace dyad
