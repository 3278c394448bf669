// The time grammar's relative expressions ("last week", "that day", "the year-earlier
// quarter"), durations, "ago" expressions, sets and references, and the top-level rule.
#include <cmath>

#include "time/time_parser.h"

namespace dyad {

namespace {

bool IsPunctWord(const std::string& s) {
  return s.empty() || !(std::isalnum(static_cast<unsigned char>(s[0])) ||
                        static_cast<unsigned char>(s[0]) >= 0x80);
}

// Units a relative word counts in ("last week", "this quarter").
bool IsCalendarUnit(TimeUnit u) {
  return u == TimeUnit::kWeek || u == TimeUnit::kWeekend || u == TimeUnit::kMonth ||
         u == TimeUnit::kQuarter || u == TimeUnit::kYear || u == TimeUnit::kDecade ||
         u == TimeUnit::kCentury || u == TimeUnit::kDay;
}

}  // namespace

size_t TimeParser::RelativeExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  const bool the = Is(j, "the");
  if (the) ++j;
  TimeExpr::Anchor anchor = TimeExpr::Anchor::kDocument;
  int shift = 0;
  bool rel = true;
  const std::string& r = Norm(j);
  if (!the && r == "this" && Is(j + 1, "past"))
    shift = -1, j += 2;
  else if (!the && r == "this" && Is(j + 1, "coming"))
    shift = 1, j += 2;
  else if (!the && r == "this")
    shift = 0, ++j;
  else if (r == "current" || r == "present")
    shift = 0, ++j;
  else if (r == "last" || r == "past")
    shift = -1, ++j;
  else if (!the && (r == "next" || r == "coming"))
    shift = 1, ++j;
  else if (the && (r == "next" || r == "following" || r == "ensuing" || r == "subsequent"))
    anchor = TimeExpr::Anchor::kPrevious, shift = 1, ++j;
  else if (the && r == "coming")
    shift = 1, ++j;
  else if (r == "previous" || r == "preceding" || r == "prior")
    anchor = TimeExpr::Anchor::kPrevious, shift = -1, ++j;
  else if (!the && r == "that")
    anchor = TimeExpr::Anchor::kPrevious, ++j;
  else if (the && r == "same")
    anchor = TimeExpr::Anchor::kPrevious, ++j;
  else
    rel = false;
  if (Is(j, "same") && Is(j - 1, "that")) ++j;  // "that same day"
  // Parts of the day: "this morning", "last night", "that evening", "the next morning".
  DayPart part = DayPart::kNone;
  if (rel && DayPartWord(j, &part)) {
    if (Norm(j - 1) == "past" || Norm(j - 1) == "current" || Norm(j - 1) == "coming") return 0;
    e->anchor = anchor;
    e->shift_unit = TimeUnit::kDay;
    // "last night" is the night before; "this morning" today's.
    e->shift = (Norm(j - 1) == "last" && !the) ? -1 : shift;
    if (anchor == TimeExpr::Anchor::kDocument && Norm(j - 1) == "next") e->shift = 1;
    e->point.grain = Grain::kDayPart;
    e->point.part = part;
    e->time = true;
    return j + 1;
  }
  const size_t before_unit = j;
  if (IsAny(j, {"fiscal", "full", "entire", "whole"}) && Is(j + 1, "year")) ++j;
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;
  size_t end = Unit(j, &unit, &plural);
  if (!end || plural || !IsCalendarUnit(unit)) return 0;
  if (Joined(end)) return 0;  // "the year-ago quarter", "last year-end"
  if (!rel) {
    // "the weekend", "the year", "the fiscal year", "the quarter", "the week of March 6".
    if (!the || before_unit != i + 1) return 0;
    if (unit == TimeUnit::kWeek && Is(end, "of")) {
      TimeExpr d;
      if (size_t k = MonthDate(end + 1, &d); k && d.point.grain == Grain::kDay) {
        *e = d;
        e->point.grain = Grain::kWeek;
        return k;
      }
    }
    if (unit == TimeUnit::kWeekend) {
      e->anchor = TimeExpr::Anchor::kDocument;
      e->shift_unit = TimeUnit::kWeekend;
      e->point.grain = Grain::kWeekend;
      e->pick = TimeExpr::Pick::kGuess;
      return end;
    }
    if (unit == TimeUnit::kDecade || unit == TimeUnit::kCentury || Norm(j) == "night") return 0;
    // "the year ended June 30": a period, not a date ("the quarter ended Sept. 30" is one
    // quarter, a date).
    if (unit == TimeUnit::kYear && IsAny(end, {"ended", "ending", "ends"})) {
      e->kind = TimeExpr::Kind::kDuration;
      e->value = DurationValue(unit, 1);
      return end;
    }
    // "the day before", "the day after" closing a clause.
    if (unit == TimeUnit::kDay && IsAny(end, {"before", "after"}) &&
        (end + 1 >= size() || IsPunctWord(Norm(end + 1)) || IsAny(end + 1, {"and", "but"}))) {
      e->anchor = TimeExpr::Anchor::kPrevious;
      e->shift_unit = TimeUnit::kDay;
      e->shift = Is(end, "before") ? -1 : 1;
      e->point.grain = Grain::kDay;
      return end + 1;
    }
    e->anchor = TimeExpr::Anchor::kPrevious;
    e->shift_unit = unit;
    e->point.grain = GrainOf(unit);
    return end;
  }
  if (unit == TimeUnit::kDay && anchor != TimeExpr::Anchor::kPrevious) return 0;  // "this day"
  if ((unit == TimeUnit::kDecade || unit == TimeUnit::kCentury) && shift < 0 && the)
    return 0;  // "the last decade" is a duration
  e->anchor = anchor;
  e->shift_unit = unit;
  e->shift = shift;
  e->point.grain = GrainOf(unit);
  if (unit == TimeUnit::kWeekend) e->pick = TimeExpr::Pick::kSame;
  // "last year's", "Friday last week" stay as they are; "the next day" counts a day on.
  return end;
}

size_t TimeParser::FinancialExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  const bool the = IsAny(j, {"the", "its", "their"});
  if (the) ++j;
  bool year_before = false, compared = false, latest = false;
  int year = 0;
  auto year_ago_word = [&](size_t k) {
    return (Is(k, "year") && Joined(k + 1) && IsAny(k + 1, {"earlier", "ago", "before"})) ||
           (Is(k, "prior") && Joined(k + 1) && Is(k + 1, "year"));
  };
  for (int round = 0; round < 3; ++round) {
    if (year_ago_word(j))
      year_before = true, j += 2;
    else if (the && IsAny(j, {"comparable", "corresponding", "same", "year-earlier", "prior"}))
      compared = true, ++j;
    else if (the && (IsAny(j, {"latest", "recent"}) || (Is(j, "most") && Is(j + 1, "recent"))))
      latest = true, j += Is(j, "most") ? 2 : 1;
    else if (the && IsDigits(j) && Year(j, &year, true))
      ++j;
    else
      break;
  }
  if (!year_before && !compared && !latest && !year) return 0;
  if (Is(j, "fiscal")) ++j;
  int ord = 0;
  size_t k = Ordinal(j, &ord);
  if (k && ord >= 1 && ord <= 4 && Is(k, "quarter"))
    j = k;
  else
    ord = 0;
  // the unit
  double amount = 0;
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;
  size_t end = 0;
  bool period = false;
  if (IsAny(j, {"period", "periods"})) {
    period = true;
    end = j + 1;
  } else if (size_t n = Number(j, &amount, false); n && Unit(n, &unit, &plural) && plural) {
    // "the year-earlier nine months", "the latest nine months": a duration.
    end = n + 1;
    if (year && !year_before && !compared && !latest) return 0;
    e->kind = TimeExpr::Kind::kDuration;
    e->value = DurationValue(unit, amount);
    return end;
  } else if ((end = Unit(j, &unit, &plural)) && !plural &&
             (unit == TimeUnit::kQuarter || unit == TimeUnit::kYear || unit == TimeUnit::kMonth ||
              unit == TimeUnit::kWeek)) {
  } else {
    end = 0;
  }
  if (!end) {
    // "year-earlier" alone, as an adjective ("year-earlier results")
    if (year_before && !the && !compared && !latest) {
      end = j;
    } else {
      return 0;
    }
    period = true;
  }
  if (year && !the) return 0;
  if (year && !period && unit != TimeUnit::kQuarter) return 0;
  // "the same period last year", "the comparable quarter a year ago"
  if (compared || latest) {
    if (IsAny(end, {"last", "a"}) && Is(end + 1, "year") &&
        (Is(end, "last") || IsAny(end + 2, {"ago", "earlier"}))) {
      year_before = true;
      end += Is(end, "last") ? 2 : 3;
    } else if (Is(end, "of") && Is(end + 1, "last") && Is(end + 2, "year")) {
      year_before = true;
      end += 3;
    }
  }
  e->anchor = TimeExpr::Anchor::kPrevious;
  e->shift_unit = TimeUnit::kYear;
  e->shift = year_before ? -1 : 0;
  if (period) {
    e->grain_from_anchor = true;
    e->point.grain = Grain::kQuarter;  // when there is nothing to count from
  } else {
    e->point.grain = GrainOf(unit);
  }
  if (ord) e->point.month = 3 * (ord - 1) + 1, e->point.quarter = ord;
  if (year) e->point.year = year;
  return end;
}

size_t TimeParser::DurationExpr(size_t i, TimeExpr* e, TimeUnit* unit_out,
                                double* amount_out) const {
  size_t j = i;
  const bool the = Is(j, "the");
  if (the) ++j;
  bool adjective = false;
  if (IsAny(j, {"past",       "last",    "next",      "first",     "coming",     "previous",
                "final",      "latest",  "remaining", "following", "additional", "initial",
                "preceding",  "ensuing", "same",      "entire",    "whole",      "full",
                "subsequent", "second",  "better"})) {
    adjective = true;
    ++j;
  }
  double amount = 0;
  size_t k = Number(j, &amount, !the && !adjective);
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;
  if (k) {
    // ranges: "two to three weeks", "12 to 18 months"
    double other = 0;
    if (IsAny(k, {"to", "or"}) && Number(k + 1, &other, false)) {
      const size_t k2 = Number(k + 1, &other, false);
      TimeUnit u2;
      bool p2;
      if (Unit(k2, &u2, &p2)) amount = -1, k = k2;
    } else if (Joined(k) && Number(k, &other, false) && IsDigits(k - 1) && IsDigits(k)) {
      // "12-18 months" read as words "12", "18"
      const size_t k2 = Number(k, &other, false);
      TimeUnit u2;
      bool p2;
      if (Unit(k2, &u2, &p2)) amount = -1, k = k2;
    }
    while (IsAny(k, {"more", "additional", "full", "straight", "consecutive", "trading", "business",
                     "calendar", "long", "whole", "solid", "extra", "other", "working", "school",
                     "fiscal", "successive", "separate", "short"}))
      ++k;
    size_t m = Unit(k, &unit, &plural);
    if (!m) return 0;
    // A year number is no count: "1990 years" does not happen, "the 1990 year" is a date.
    if (amount >= 1000 && IsDigits(j) && !Norm(j).empty() && Norm(j).find(',') == std::string::npos)
      return 0;
    if (amount == 1 && plural && IsDigits(j)) return 0;
    size_t end = m;
    // "and a half"
    if (Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half") && amount > 0)
      amount += 0.5, end += 3;
    // "a 6-year-old", "52 years old": an age, not a duration; "three-quarters" a fraction.
    if (Is(end, "old")) return 0;
    if (unit == TimeUnit::kQuarter && plural && Joined(m - 1)) return 0;
    // "day-long", "two-year-plus": the rest of the hyphenated word.
    while (Joined(end) && IsAny(end, {"long", "plus"})) ++end;
    // A compound before a noun ("a two-year contract", "the five year low") takes no
    // determiner: the timex is the compound alone.
    if (the && (Joined(m - 1) || (!plural && amount != 1)) && !adjective) return 0;
    e->kind = TimeExpr::Kind::kDuration;
    e->value = DurationValue(unit, amount);
    *unit_out = unit;
    *amount_out = amount;
    return end;
  }
  // "the past few weeks" is read above ("few"); here units without a number.
  size_t m = Unit(j, &unit, &plural);
  if (!m) return 0;
  // "day-long", "decades-long", "years-old"
  if (Joined(m) && Is(m, "long") && j == i) {
    e->kind = TimeExpr::Kind::kDuration;
    e->value = DurationValue(unit, plural ? -1 : 1);
    *unit_out = unit;
    *amount_out = plural ? -1 : 1;
    return m + 1;
  }
  if (!plural) return 0;
  // Bare plurals: "for years", "within weeks", "over the years", "the past decades".
  const bool after_prep = j == i && i > 0 &&
                          IsAny(i - 1, {"for", "within", "over", "after", "took", "spent", "lasted",
                                        "take", "takes", "spend", "last"});
  // "in the weeks before the shooting", "in the years that followed": the plural alone.
  const bool the_years = j == i && i >= 2 && Is(i - 1, "the") &&
                         IsAny(i - 2, {"in", "over", "through", "during", "for"}) &&
                         IsAny(m, {"that", "since", "before", "after", "following", ","});
  if (!(after_prep || (adjective && the) || the_years)) return 0;
  if (adjective && IsAny(j - 1, {"first", "second", "same", "better", "whole", "entire", "full"}))
    return 0;
  if (unit == TimeUnit::kWeekend) return 0;
  size_t end = m;
  if (Is(end, "ahead") && the) ++end;
  e->kind = TimeExpr::Kind::kDuration;
  e->value = DurationValue(unit, -1);
  *unit_out = unit;
  *amount_out = -1;
  return end;
}

size_t TimeParser::AgoExpr(size_t i, TimeExpr* e) const {
  double amount = 0;
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;
  size_t k = Number(i, &amount, true);
  size_t m = 0;
  if (k) {
    m = Unit(k, &unit, &plural);
  } else if ((m = Unit(i, &unit, &plural)) && plural) {
    amount = -1;  // "years ago"
  } else {
    return 0;
  }
  if (!m) return 0;
  bool approx = false;
  if (Is(m, "or") && Is(m + 1, "so")) m += 2, approx = true;
  TimeExpr x;
  size_t end = 0;
  int sign = 0;
  const bool closes = m + 1 >= size() || IsPunctWord(Norm(m + 1)) ||
                      IsAny(m + 1, {"and", "but", "when", "as", "that", "than"});
  if (Is(m, "ago") || (Is(m, "back") && closes)) {
    x.anchor = TimeExpr::Anchor::kDocument, sign = -1, end = m + 1;
    x.ago = true;
  } else if (Is(m, "earlier") || (Is(m, "before") && closes)) {
    x.anchor = TimeExpr::Anchor::kPrevious, sign = -1, end = m + 1;
  } else if (Is(m, "later") || (Is(m, "after") && closes)) {
    x.anchor = TimeExpr::Anchor::kPrevious, sign = 1, end = m + 1;
  } else if (Is(m, "from") && Is(m + 1, "now")) {
    x.anchor = TimeExpr::Anchor::kDocument, sign = 1, end = m + 2;
  } else if (Is(m, "hence")) {
    x.anchor = TimeExpr::Anchor::kDocument, sign = 1, end = m + 1;
  } else {
    return 0;
  }
  if (amount < 0) {
    x = TimeExpr();
    x.kind = TimeExpr::Kind::kRef;
    x.value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
    *e = x;
    return end;
  }
  if (unit == TimeUnit::kWeekend) unit = TimeUnit::kWeek;
  x.shift_unit = unit;
  x.shift = sign * static_cast<int>(std::lround(amount < 1 ? 1 : amount));
  x.point.grain = GrainOf(unit);
  if (x.point.grain == Grain::kMinute) x.time = true;
  if (x.anchor == TimeExpr::Anchor::kPrevious) x.grain_from_anchor = true;
  if (approx) x.mod = "APPROX";
  *e = x;
  return end;
}

size_t TimeParser::SetExpr(size_t i, TimeExpr* e) const {
  const std::string& s = Norm(i);
  // "every week", "each Thursday", "every other month", "every two years"
  if (s == "every" || s == "each") {
    size_t j = i + 1;
    double n = 1;
    if (Is(j, "other"))
      n = 2, ++j;
    else if (Is(j, "single"))
      ++j;
    else if (size_t k = Number(j, &n, false); k && n > 1)
      j = k;
    else
      n = 1;
    TimeUnit unit = TimeUnit::kNone;
    bool plural = false;
    int wd = 0, month = 0;
    DayPart part = DayPart::kNone;
    e->kind = TimeExpr::Kind::kSet;
    if (size_t k = Unit(j, &unit, &plural); k && (plural == (n > 1))) {
      e->value = unit == TimeUnit::kWeekend ? "XXXX-WXX-WE" : DurationValue(unit, n);
      return k;
    }
    bool wd_plural = false;
    if (size_t k = WeekdayName(j, &wd, &wd_plural); k && !wd_plural) {
      e->point.grain = Grain::kDay;
      e->point.weekday = wd;
      if (size_t k2 = DayPartWord(k, &part))
        e->point.grain = Grain::kDayPart, e->point.part = part, k = k2;
      return k;
    }
    if (size_t k = MonthName(j, &month, false)) {
      e->point.grain = Grain::kMonth;
      e->point.month = month;
      return k;
    }
    if (size_t k = DayPartWord(j, &part)) {
      e->point.grain = Grain::kDayPart;
      e->point.part = part;
      return k;
    }
    if (const TimeWordInfo* info = Info(j); info && info->season) {
      e->point.grain = Grain::kSeason;
      e->point.season = info->season;
      return j + 1;
    }
    return 0;
  }
  // "daily", "weekly", "annually" as adverbs (not "a weekly magazine").
  if (const TimeWordInfo* info = Info(i); info && info->unit_adverb) {
    if (Joined(i)) return 0;
    // "daily" and "weekly" are sets wherever they stand ("a daily rally", "meets weekly");
    // the others only as adverbs, not before a noun ("a quarterly dividend").
    if (s != "daily" && s != "weekly" && s != "nightly" && s != "hourly") {
      if (i > 0 && (IsTimexDeterminer(Norm(i - 1)) || IsAny(i - 1, {"a", "an", "'s", "your"})))
        return 0;
      const std::string& next = Norm(i + 1);
      if (i + 1 < size() && !IsPunctWord(next) && !Cap(i + 1) &&
          !IsAny(i + 1, {"and",     "or",      "but",        "in",       "on",       "at",
                         "for",     "to",      "by",         "from",     "with",     "since",
                         "until",   "through", "as",         "than",     "over",     "from",
                         "after",   "before",  "during",     "if",       "when",     "while",
                         "because", "so",      "thereafter", "starting", "beginning"}))
        return 0;
    }
    e->kind = TimeExpr::Kind::kSet;
    e->value = DurationValue(info->unit, s == "biweekly" || s == "bimonthly" ? 2 : 1);
    return i + 1;
  }
  // "twice a week", "three times a year", "$5 a year", "10% a year", "per day"
  size_t j = i;
  bool counted = false;
  if (IsAny(j, {"once", "twice", "thrice"}))
    ++j, counted = true;
  else if (double n; size_t k = Number(j, &n, false)) {
    if (Is(k, "times")) j = k + 1, counted = true;
  }
  if (!IsAny(j, {"a", "an", "per", "each"})) return 0;
  TimeUnit unit = TimeUnit::kNone;
  bool plural = false;
  size_t k = Unit(j + 1, &unit, &plural);
  if (!k || plural) return 0;
  if (!counted) {
    // After an amount: "$5 a year", "10% a year", "hundreds of interviews a day", "2 million
    // barrels a day".
    if (i == 0) return 0;
    const std::string& prev = Norm(i - 1);
    const bool amount =
        (!prev.empty() && std::isdigit(static_cast<unsigned char>(prev[0]))) ||
        IsAny(i - 1, {"%", "percent", "million", "billion", "trillion", "cents", "dollars", "euros",
                      "pounds", "yen", "interviews", "barrels", "calls", "times"});
    if (!amount && !Is(j, "per")) return 0;
  }
  e->kind = TimeExpr::Kind::kSet;
  e->value = DurationValue(unit, 1);
  return k;
}

size_t TimeParser::RefExpr(size_t i, TimeExpr* e) const {
  const std::string& s = Norm(i);
  const char* value = nullptr;
  size_t end = i + 1;
  if (s == "now" || s == "currently" || s == "presently" || s == "nowadays") {
    if (Cap(i) && i > 0 && Cap(i - 1) && !Info(i - 1) && !IsPreposition(Norm(i - 1))) return 0;
    value = "PRESENT_REF";
  } else if (s == "right" && Is(i + 1, "now")) {
    value = "PRESENT_REF", end = i + 2;
  } else if (s == "these" && Is(i + 1, "days")) {
    value = "PRESENT_REF", end = i + 2;
  } else if ((s == "the" || (i > 0 && Norm(i - 1) == "at")) &&
             Is(s == "the" ? i + 1 : i, "present") && !(Info(s == "the" ? i + 2 : i + 1))) {
    if (s == "the")
      end = i + 2;
    else if (s != "present")
      return 0;
    value = "PRESENT_REF";
  } else if (s == "recently" || s == "lately") {
    value = "PAST_REF";
  } else if (s == "recent") {
    // "recent years", "in recent weeks"; the adjective alone ("the recent sale") is no timex.
    TimeUnit unit;
    bool plural = false;
    size_t m = Unit(i + 1, &unit, &plural);
    if (!m || !plural) return 0;
    value = "PAST_REF", end = m;
  } else if (s == "the" && Is(i + 1, "past") && !Info(i + 2) && !IsDigits(i + 2)) {
    value = "PAST_REF", end = i + 2;
  } else if (s == "the" && IsAny(i + 1, {"near", "distant", "foreseeable", "immediate"}) &&
             Is(i + 2, "future")) {
    value = "FUTURE_REF", end = i + 3;
  } else if (s == "the" && Is(i + 1, "future")) {
    value = "FUTURE_REF", end = i + 2;
  } else if (s == "the" && IsAny(i + 1, {"near", "short", "long"}) && Is(i + 2, "term") &&
             !Joined(i + 2)) {
    value = "FUTURE_REF", end = i + 3;
  } else if (s == "coming" || s == "upcoming") {
    TimeUnit unit;
    bool plural = false;
    size_t m = Unit(i + 1, &unit, &plural);
    if (!m || !plural) return 0;
    value = "FUTURE_REF", end = m;
  } else if (s == "the" && IsAny(i + 1, {"coming", "upcoming"})) {
    TimeUnit unit;
    bool plural = false;
    size_t m = Unit(i + 2, &unit, &plural);
    if (!m || !plural) return 0;
    value = "FUTURE_REF", end = m;
  } else {
    return 0;
  }
  e->kind = TimeExpr::Kind::kRef;
  e->value = value;
  return end;
}

size_t TimeParser::Expression(size_t i, TimeExpr* e) const {
  // A quantity before it: "about three weeks", "more than a year", "at least 30 days".
  size_t j = i;
  std::string mod;
  const std::string& s = Norm(i);
  auto number_follows = [&](size_t k) {
    double v;
    return Number(k, &v, true) > 0 || Is(k, "the");
  };
  if (IsAny(i, {"about", "around", "approximately", "roughly", "nearly", "almost", "some"}) &&
      number_follows(i + 1) && !(s == "some" && Is(i + 1, "the"))) {
    mod = s == "nearly" || s == "almost" ? "LESS_THAN" : "APPROX";
    j = i + 1;
  } else if (IsAny(i, {"more", "less", "fewer"}) && Is(i + 1, "than")) {
    mod = s == "more" ? "MORE_THAN" : "LESS_THAN";
    j = i + 2;
  } else if (IsAny(i, {"over", "under"}) && number_follows(i + 1) && !Is(i + 1, "the")) {
    mod = s == "over" ? "MORE_THAN" : "LESS_THAN";
    j = i + 1;
  } else if (s == "at" && IsAny(i + 1, {"least", "most"})) {
    mod = Is(i + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
    j = i + 2;
  } else if (s == "up" && Is(i + 1, "to") && number_follows(i + 2)) {
    mod = "EQUAL_OR_LESS";
    j = i + 2;
  } else if (s == "no" && IsAny(i + 1, {"more", "less"}) && Is(i + 2, "than")) {
    mod = Is(i + 1, "more") ? "EQUAL_OR_LESS" : "EQUAL_OR_MORE";
    j = i + 3;
  }
  auto longest = [this](size_t at, TimeExpr* out) -> size_t {
    size_t best = 0;
    TimeExpr x;
    auto take = [&](size_t end) {
      if (end > best) best = end, *out = x;
      x = TimeExpr();
    };
    take(AgoExpr(at, &x));
    TimeUnit unit;
    double amount;
    take(DurationExpr(at, &x, &unit, &amount));
    take(Point(at, &x));
    take(SetExpr(at, &x));
    take(RefExpr(at, &x));
    return best;
  };
  size_t best = 0;
  TimeExpr best_expr;
  if (j != i) {
    TimeExpr x;
    const size_t end = longest(j, &x);
    // "about now" is no quantity.
    if (end && x.kind != TimeExpr::Kind::kRef && x.kind != TimeExpr::Kind::kSet) {
      if (x.mod.empty()) x.mod = mod;
      best = end;
      best_expr = x;
    }
  }
  if (!best) best = longest(i, &best_expr);
  if (!best) return 0;
  // "or so", "or more", "or less"
  if (Is(best, "or") && Is(best + 1, "so") && best_expr.kind != TimeExpr::Kind::kRef) {
    best += 2;
    if (best_expr.mod.empty()) best_expr.mod = "APPROX";
  }
  *e = best_expr;
  return best;
}

std::vector<TimeMatch> TimeGrammar::Match(const std::vector<TimeWord>& words) const {
  std::vector<TimeMatch> out;
  TimeParser p(words, lex_);
  for (size_t i = 0; i < words.size();) {
    TimeMatch m;
    const size_t end = p.Expression(i, &m.expr);
    if (!end) {
      ++i;
      continue;
    }
    m.begin = i;
    m.end = end;
    out.push_back(std::move(m));
    i = end;
  }
  return out;
}

}  // namespace dyad
