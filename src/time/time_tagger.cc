#include "time/time_tagger.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "time/calendar.h"
#include "time/time_grammar.h"
#include "time/time_lexicon.h"
#include "time/time_value.h"

namespace dyad {

namespace {

// What resolution knows while it walks a document.
struct Context {
  bool has_date = false;
  TimePoint date;                 // the publication date
  std::optional<TimePoint> last;  // the last point the text gave (for "that day")
  size_t last_sentence = 0;
  std::optional<TimePoint> last_quarter;  // the last quarter or period it spoke of
  size_t last_quarter_sentence = 0;
  size_t sentence = 0;
  bool future = false;  // the current sentence speaks ahead
};

// True when the clause around token `t` speaks of what is ahead ("will meet Friday", "is due
// Monday", "until 9 a.m. Tuesday"): a cue a few words before it, or just after it, with no
// clause break in between.
bool SpeaksAhead(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  auto norm = [&](uint32_t t) -> const std::string& { return doc.tokens[t].norm; };
  auto is_break = [&](uint32_t t) {
    const std::string& w = norm(t);
    return w == "," || w == ";" || w == ":" || w == "--" || w == "(" || w == ")" || w == "\"";
  };
  auto cue = [&](uint32_t t) {
    const std::string& w = norm(t);
    const bool next_to = t + 1 < s.end_token && norm(t + 1) == "to";
    // "had been due to expire Friday" looks back.
    if (t > s.first_token &&
        (norm(t - 1) == "had" || (t > s.first_token + 1 && norm(t - 2) == "had")))
      return false;
    if (w == "will" || w == "'ll" || w == "shall" || w == "wo" || w == "scheduled" ||
        w == "slated" || w == "upcoming")
      return true;
    if ((w == "plans" || w == "plan" || w == "planning" || w == "planned" || w == "expected" ||
         w == "expects" || w == "set" || w == "due" || w == "going" || w == "intends" ||
         w == "aims") &&
        next_to)
      return true;
    if ((w == "is" || w == "are") && next_to) return true;  // "is to resume Tuesday"
    return false;
  };
  // Directly before: "until Tuesday" (unless what follows looks back: "until Thursday, they
  // had not"), "as soon as Tuesday", "as early as next week".
  if (first > s.first_token) {
    const std::string& w = norm(first - 1);
    if (w == "until" || w == "till") {
      bool back = false;
      for (uint32_t t = last + 1; t < s.end_token && t <= last + 6; ++t)
        if (norm(t) == "had") back = true;
      if (!back) return true;
    }
    if (w == "as" && first >= s.first_token + 3 && norm(first - 3) == "as") return true;
  }
  for (uint32_t k = 1; k <= 10 && first >= s.first_token + k; ++k) {
    const uint32_t t = first - k;
    if (is_break(t)) break;
    if (cue(t)) return true;
  }
  // Just after, in the same clause: "Friday will see", not "said Friday that he will".
  for (uint32_t t = last + 1; t < s.end_token && t <= last + 4; ++t) {
    const std::string& w = norm(t);
    if (is_break(t) || w == "that" || w == "when" || w == "and" || w == "but" || w == "if" ||
        w == "which" || w == "who" || w == "because" || w == "while" || w == "after" ||
        w == "before")
      break;
    if (cue(t)) return true;
  }
  return false;
}

int64_t DayNumber(const TimePoint& p) {
  return DaysFromCivil(p.year, p.month, p.day);
}

TimePoint FromDayNumber(int64_t z) {
  return TimePoint::Day(CivilFromDays(z));
}

// The weekday `wd` near day `a` as `pick` says.
TimePoint PickWeekday(const TimePoint& a, int wd, TimeExpr::Pick pick, bool future) {
  const int64_t z = DayNumber(a);
  const int wa = Weekday(a.year, a.month, a.day);
  const int back = (wa - wd + 7) % 7, ahead = (wd - wa + 7) % 7;
  if (pick == TimeExpr::Pick::kGuess)
    pick = future ? TimeExpr::Pick::kOnOrAfter : TimeExpr::Pick::kOnOrBefore;
  switch (pick) {
    case TimeExpr::Pick::kOnOrBefore:
      return FromDayNumber(z - back);
    case TimeExpr::Pick::kBefore:
      return FromDayNumber(z - (back == 0 ? 7 : back));
    case TimeExpr::Pick::kOnOrAfter:
      return FromDayNumber(z + ahead);
    case TimeExpr::Pick::kAfter:
      return FromDayNumber(z + (ahead == 0 ? 7 : ahead));
    case TimeExpr::Pick::kSame:
      return FromDayNumber(z - (wa - wd));
    case TimeExpr::Pick::kGuess:
      break;
  }
  return a;
}

// The year of a month (and day) given without one, as `pick` says, counted from day `a`.
int PickYear(const TimePoint& a, int month, int day, TimeExpr::Pick pick, bool future) {
  const int y = a.year;
  const int cur = a.month * 100 + a.day;
  const int want = month * 100 + (day > 0 ? day : 0);
  const int want_end = month * 100 + (day > 0 ? day : 99);
  switch (pick) {
    case TimeExpr::Pick::kSame:
      return y;
    case TimeExpr::Pick::kBefore:
      return (day > 0 ? want < cur : month < a.month) ? y : y - 1;
    case TimeExpr::Pick::kOnOrBefore:
      return want <= cur ? y : y - 1;
    case TimeExpr::Pick::kAfter:
      return (day > 0 ? want > cur : month > a.month) ? y : y + 1;
    case TimeExpr::Pick::kOnOrAfter:
      return want_end >= cur ? y : y + 1;
    case TimeExpr::Pick::kGuess:
      break;
  }
  if (future) return want_end >= cur ? y : y + 1;
  // News looks back: the last ten months, and the next two.
  const int ahead = (month - a.month + 12) % 12;  // months from the anchor's month onward
  if (ahead == 0) return y;
  return ahead <= 2 ? (month > a.month ? y : y + 1) : (month < a.month ? y : y - 1);
}

// The season-year of season `s` near day `a` (winter belongs to the year it begins in).
int PickSeasonYear(const TimePoint& a, int s, TimeExpr::Pick pick, bool future) {
  const int cur_season = a.month >= 3 && a.month <= 5    ? 1
                         : a.month >= 6 && a.month <= 8  ? 2
                         : a.month >= 9 && a.month <= 11 ? 3
                                                         : 4;
  const int cur_year = a.month <= 2 ? a.year - 1 : a.year;
  const int cur = cur_year * 4 + cur_season - 1;
  auto index = [&](int y) { return y * 4 + s - 1; };
  switch (pick) {
    case TimeExpr::Pick::kSame:
      return s == 4 && a.month <= 2 ? a.year - 1 : a.year;
    case TimeExpr::Pick::kBefore:
    case TimeExpr::Pick::kOnOrBefore: {
      int y = cur_year + 1;
      while (index(y) > cur || (pick == TimeExpr::Pick::kBefore && index(y) == cur)) --y;
      return y;
    }
    case TimeExpr::Pick::kAfter:
    case TimeExpr::Pick::kOnOrAfter: {
      int y = cur_year - 1;
      while (index(y) < cur || (pick == TimeExpr::Pick::kAfter && index(y) == cur)) ++y;
      return y;
    }
    case TimeExpr::Pick::kGuess:
      break;
  }
  // The season of this year, or the coming one when the text speaks ahead.
  if (future) {
    int y = cur_year - 1;
    while (index(y) < cur) ++y;
    return y;
  }
  int best = cur_year;
  for (int y : {cur_year - 1, cur_year + 1}) {
    const int d = index(y) - cur, db = index(best) - cur;
    if ((d <= 0 ? -d : 2 * d) < (db <= 0 ? -db : 2 * db)) best = y;
  }
  return best;
}

// Puts the text's own parts (a month, a quarter, a time of day) onto a resolved base.
TimePoint Apply(TimePoint base, const TimePoint& given) {
  if (given.grain == Grain::kQuarter && given.month > 0) base.month = given.month, base.day = 1;
  if ((given.grain == Grain::kMonth || given.grain == Grain::kDay) && given.month > 0) {
    base.month = given.month;
    base.day = given.day > 0 ? given.day : 1;
  }
  TimePoint out = Coarsen(base, given.grain);
  if (given.grain == Grain::kSeason) out.season = given.season;
  if (given.grain == Grain::kDayPart) out.part = given.part;
  if (given.grain == Grain::kMinute) out.hour = given.hour, out.minute = given.minute;
  return out;
}

// A point of the text, resolved as far as the anchors allow.
struct Resolved {
  TimePoint point;
  bool known = false;  // the value is anchored (no X in the year)
};

Resolved ResolvePoint(const TimeExpr& e, Context& ctx, const std::optional<TimePoint>& day_hint) {
  Resolved r;
  TimePoint p = e.point;
  const bool future = ctx.future;
  switch (e.anchor) {
    case TimeExpr::Anchor::kNone: {
      if (e.holiday) {
        int year = p.year;
        if (year == TimePoint::kUnknown && ctx.has_date) {
          const CivilDate d = HolidayDate(e.holiday, ctx.date.year);
          year = PickYear(ctx.date, d.month, d.day, e.pick, future);
        }
        if (year == TimePoint::kUnknown) {
          const CivilDate d = HolidayDate(e.holiday, 2001);
          p.month = d.month;
          p.day = d.day;  // fixed-date holidays keep their day; movable ones are approximate
          r.point = p;
          return r;
        }
        r.point = TimePoint::Day(HolidayDate(e.holiday, year));
        r.known = true;
        return r;
      }
      if (p.grain == Grain::kDecade && e.two_digit_decade) {
        if (!ctx.has_date) {
          r.point = p;
          r.point.year = TimePoint::kUnknown;
          return r;
        }
        int y = ctx.date.year / 100 * 100 + p.year;
        if (y > ctx.date.year) y -= 100;
        p.year = y;
        r.point = p;
        r.known = true;
        return r;
      }
      if ((p.grain == Grain::kMinute || p.grain == Grain::kDayPart) && p.day == 0) {
        // A clock time alone: on the day the sentence speaks of, or the publication date.
        std::optional<TimePoint> day = day_hint;
        if (!day && ctx.has_date) day = ctx.date;
        if (!day) {
          r.point = p;
          return r;
        }
        TimePoint t = *day;
        t.grain = p.grain;
        t.hour = p.hour;
        t.minute = p.minute;
        t.part = p.part;
        r.point = t;
        r.known = true;
        return r;
      }
      if (p.year == TimePoint::kUnknown) {
        if (!ctx.has_date) {
          r.point = p;
          return r;
        }
        if (p.grain == Grain::kSeason)
          p.year = PickSeasonYear(ctx.date, p.season, e.pick, future);
        else if (p.grain == Grain::kQuarter || p.grain == Grain::kHalf)
          p.year = ctx.date.year;
        else if (p.month > 0)
          p.year = PickYear(ctx.date, p.month, p.day, e.pick, future);
        else
          p.year = ctx.date.year;
        if (p.day == 0 && p.grain != Grain::kSeason) p.day = 1;
      }
      r.point = p;
      r.known = true;
      return r;
    }
    case TimeExpr::Anchor::kDocument: {
      if (!ctx.has_date) {
        TimePoint u = p;
        u.year = TimePoint::kUnknown;
        if (!(p.grain == Grain::kMonth || p.grain == Grain::kDay) || e.shift_unit == TimeUnit::kDay)
          u.month = u.day = 0;
        if (p.grain == Grain::kQuarter && p.month > 0) u.quarter = (p.month - 1) / 3 + 1;
        if (p.weekday > 0) u.month = u.day = 0;
        r.point = u;
        return r;
      }
      TimePoint base = ctx.date;
      if (e.ago && e.shift_unit == TimeUnit::kYear && ctx.last_quarter &&
          ctx.sentence - ctx.last_quarter_sentence <= 3) {
        // "third-quarter profit ... compared with $X a year ago": the quarter a year before.
        r.point = Shift(*ctx.last_quarter, TimeUnit::kYear, e.shift);
        r.known = true;
        return r;
      }
      if (p.weekday > 0) {
        TimePoint a = base;
        if (e.shift_unit != TimeUnit::kNone) a = Shift(a, e.shift_unit, e.shift);
        TimePoint d = PickWeekday(a, p.weekday, e.pick, future);
        d.grain = p.grain;
        d.part = p.part;
        d.hour = p.hour;
        d.minute = p.minute;
        r.point = d;
        r.known = true;
        return r;
      }
      if (p.grain == Grain::kWeekend) {
        int weeks = e.shift;
        if (e.pick == TimeExpr::Pick::kGuess) {
          const int wd = Weekday(base.year, base.month, base.day);
          weeks = wd <= 4 ? -1 : 0;  // Monday..Thursday: the one just past
        }
        r.point = Coarsen(Shift(base, TimeUnit::kWeek, weeks), Grain::kWeekend);
        r.known = true;
        return r;
      }
      if (e.shift_unit != TimeUnit::kNone) base = Shift(base, e.shift_unit, e.shift);
      r.point = Apply(base, p);
      r.known = true;
      return r;
    }
    case TimeExpr::Anchor::kPrevious: {
      // "that day", "the year": the last point the text gave, when it is near; else the
      // publication date.
      std::optional<TimePoint> ref;
      if (ctx.last && ctx.sentence - ctx.last_sentence <= 2) ref = ctx.last;
      // "the quarter", "the year-ago period": the quarter (or half) the text last spoke of.
      const bool quarterly = p.grain == Grain::kQuarter;
      if (quarterly) ref = ctx.last_quarter;
      // "a year earlier" next to a quarter's figures: that quarter a year before.
      if (e.grain_from_anchor && e.shift_unit == TimeUnit::kYear && ctx.last_quarter &&
          ctx.sentence - ctx.last_quarter_sentence <= 3)
        ref = ctx.last_quarter;
      if (!ref) {
        if (!ctx.has_date) {
          TimePoint u = p;
          u.year = TimePoint::kUnknown;
          u.month = u.day = 0;
          r.point = u;
          return r;
        }
        ref = ctx.date;
        // Reports speak of the quarter just ended.
        if (p.grain == Grain::kQuarter) {
          ref = Coarsen(Shift(ctx.date, TimeUnit::kQuarter, -1), Grain::kQuarter);
        }
      }
      TimePoint base = *ref;
      if (p.weekday > 0 && base.HasDate()) {
        // "the previous Friday", "the following Monday"
        TimePoint d = PickWeekday(base, p.weekday, e.pick, false);
        d.grain = p.grain;
        r.point = d;
        r.known = true;
        return r;
      }
      Grain grain = p.grain;
      if (e.grain_from_anchor) {
        grain = std::min(base.grain, Grain::kDay);
        if (grain < GrainOf(e.shift_unit) && e.shift_unit != TimeUnit::kYear) grain = base.grain;
      }
      if (p.year != TimePoint::kUnknown) base.year = p.year;
      if (!base.HasDate()) {
        if (base.month == 0) base.month = 1;
        if (base.day == 0) base.day = 1;
      }
      if (e.shift_unit != TimeUnit::kNone && e.shift != 0)
        base = Shift(base, e.shift_unit, e.shift);
      TimePoint given = p;
      given.grain = grain;
      if (grain == Grain::kSeason) given.season = base.season;
      r.point = Apply(base, given);
      if (grain == Grain::kSeason) r.point.season = base.season;
      // "that day" after "in May 2022": the day is not known ("2022-05-XX").
      if (!e.grain_from_anchor && grain >= Grain::kWeek && ref->grain < grain) {
        if (ref->grain < Grain::kDay) r.point.day = 0;
        if (ref->grain < Grain::kMonth) r.point.month = 0;
      }
      r.known = base.year != TimePoint::kUnknown;
      return r;
    }
  }
  return r;
}

}  // namespace

TimeTagger::TimeTagger()
    : lex_(std::make_unique<TimeLexicon>()), grammar_(std::make_unique<TimeGrammar>(*lex_)) {}

TimeTagger::~TimeTagger() = default;

void TimeTagger::Tag(Document* doc) const {
  doc->timexes.clear();
  Context ctx;
  if (doc->date.size() >= 10) {
    const int y = std::atoi(doc->date.substr(0, 4).c_str());
    const int m = std::atoi(doc->date.substr(5, 2).c_str());
    const int d = std::atoi(doc->date.substr(8, 2).c_str());
    if (IsValidDate(y, m, d)) {
      ctx.has_date = true;
      ctx.date = TimePoint::Day(y, m, d);
    }
  }
  std::optional<TimePoint> last_day;  // the last day the text named, and where
  size_t last_day_sentence = 0;
  for (size_t si = 0; si < doc->sentences.size(); ++si) {
    const Sentence& s = doc->sentences[si];
    ctx.sentence = si;
    const std::vector<TimeWord> words = SplitTimeWords(*doc, s.first_token, s.end_token, *lex_);
    const std::vector<TimeMatch> matches = grammar_->Match(words);
    // A day the sentence names, for clock times standing alone ("at 3 p.m. on Friday"); else
    // the day the previous sentence named.
    std::vector<std::optional<Resolved>> resolved(matches.size());
    std::optional<TimePoint> day_hint;
    for (size_t k = 0; k < matches.size(); ++k) {
      const TimeExpr& e = matches[k].expr;
      if (e.kind != TimeExpr::Kind::kPoint) continue;
      if ((e.point.grain == Grain::kMinute || e.point.grain == Grain::kDayPart) &&
          e.anchor == TimeExpr::Anchor::kNone && e.point.day == 0)
        continue;
      ctx.future =
          SpeaksAhead(*doc, s, words[matches[k].begin].token, words[matches[k].end - 1].token);
      Resolved r = ResolvePoint(e, ctx, std::nullopt);
      if (r.known && r.point.grain >= Grain::kDay && !day_hint)
        day_hint = Coarsen(r.point, Grain::kDay);
      resolved[k] = r;
      // Later expressions count from the points the text gives itself.
      if (r.known && e.anchor != TimeExpr::Anchor::kPrevious && !e.ago) {
        ctx.last = r.point;
        ctx.last_sentence = si;
      }
      // Quarters that have begun are what reports compare with ("the year-ago period").
      const bool begun = !ctx.has_date || r.point.year < ctx.date.year ||
                         (r.point.year == ctx.date.year && r.point.month <= ctx.date.month);
      if (r.known && (r.point.grain == Grain::kQuarter || r.point.grain == Grain::kHalf) && begun &&
          !e.ago &&
          !(e.anchor == TimeExpr::Anchor::kPrevious &&
            (e.shift != 0 || e.point.year != TimePoint::kUnknown))) {
        ctx.last_quarter = r.point;
        ctx.last_quarter_sentence = si;
      }
    }
    if (day_hint) {
      last_day = day_hint;
      last_day_sentence = si;
    } else if (last_day && si - last_day_sentence <= 2) {
      day_hint = last_day;
    }
    for (size_t k = 0; k < matches.size(); ++k) {
      const TimeMatch& m = matches[k];
      const TimeExpr& e = m.expr;
      Timex t;
      // The words matched, widened to whole hyphenated words ("mid-1990s", "two-year-old").
      size_t b = m.begin, l = m.end - 1;
      while (b > 0 && words[b].joined) --b;
      while (l + 1 < words.size() && words[l + 1].joined) ++l;
      t.span = {words[b].span.start, words[l].span.end};
      const uint32_t last_token = words[l].token;
      // "at 10 p.m." closing a sentence: its period ends the sentence, not the timex.
      if (last_token + 1 == s.end_token && words[l].span.end == doc->tokens[last_token].span.end) {
        const std::string& norm = doc->tokens[last_token].norm;
        if (norm.size() > 1 && norm.back() == '.' && t.span.end > t.span.start + 1) --t.span.end;
      }
      if (!doc->timexes.empty() && doc->timexes.back().span.end > t.span.start) continue;
      t.mod = e.mod;
      switch (e.kind) {
        case TimeExpr::Kind::kDuration:
          t.type = "DURATION";
          t.value = e.value;
          break;
        case TimeExpr::Kind::kRef:
          t.type = "DATE";
          t.value = e.value;
          break;
        case TimeExpr::Kind::kSet: {
          t.type = "SET";
          if (!e.value.empty()) {
            t.value = e.value;
          } else {
            TimePoint p = e.point;
            p.year = TimePoint::kUnknown;
            t.value = FormatValue(p);
          }
          break;
        }
        case TimeExpr::Kind::kPoint: {
          ctx.future = SpeaksAhead(*doc, s, words[m.begin].token, words[m.end - 1].token);
          Resolved r = resolved[k] ? *resolved[k] : ResolvePoint(e, ctx, day_hint);
          t.type = e.time || r.point.grain >= Grain::kDayPart ? "TIME" : "DATE";
          t.value = FormatValue(r.point);
          break;
        }
      }
      doc->timexes.push_back(std::move(t));
    }
  }
}

std::optional<std::string> EventDate(const Timex& timex) {
  if (timex.type != "DATE" && timex.type != "TIME") return std::nullopt;
  const std::string& v = timex.value;
  auto digits = [&](size_t from, size_t n) {
    if (v.size() < from + n) return false;
    for (size_t k = from; k < from + n; ++k)
      if (v[k] < '0' || v[k] > '9') return false;
    return true;
  };
  if (!digits(0, 4) || v.size() < 7 || v[4] != '-' || !digits(5, 2)) return std::nullopt;
  if (v.size() >= 10 && v[7] == '-' && digits(8, 2) && (v.size() == 10 || v[10] == 'T'))
    return v.substr(0, 10);
  if (v.size() == 7 || v.compare(7, std::string::npos, "-XX") == 0) return v.substr(0, 7);
  return std::nullopt;
}

}  // namespace dyad
