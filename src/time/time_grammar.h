// TimeGrammar: finds the temporal expressions among the words of one sentence and says what
// each one means before it is anchored to a date ("last Friday": the Friday before the anchor).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "time/time_lexicon.h"
#include "time/time_value.h"

namespace dyad {

// A word as the grammar reads it: a token, or the part of a hyphenated token between hyphens
// ("third-quarter" is "third" and "quarter", the second one `joined`).
struct TimeWord {
  std::string norm;                    // lower-cased, straight quotes
  Span span;                           // bytes into Document::text
  uint32_t token = 0;                  // index into Document::tokens
  bool cap = false;                    // begins with an upper-case letter
  bool joined = false;                 // glued to the previous word by a hyphen
  const TimeWordInfo* info = nullptr;  // its temporal readings, nullptr when none
};

// The words of the tokens [first, end) of `doc`.
std::vector<TimeWord> SplitTimeWords(const Document& doc, uint32_t first, uint32_t end,
                                     const TimeLexicon& lex);

// What an expression says, before it is anchored to the document date or an earlier mention.
struct TimeExpr {
  enum class Kind : int8_t {
    kPoint,     // a date or a time, maybe relative ("Friday", "last week", "3 p.m.")
    kDuration,  // value holds it ("P3D")
    kSet,       // value holds it ("P1W"), or `point` does ("every Friday": XXXX-WXX-5)
    kRef,       // value holds PRESENT_REF, PAST_REF or FUTURE_REF
  };
  // What a kPoint counts from.
  enum class Anchor : int8_t {
    kNone,      // nothing: the text gives the point (a missing year comes from the anchor)
    kDocument,  // the publication date ("yesterday", "two years ago", "next week")
    kPrevious,  // the last date the text mentioned ("two days later", "that year")
  };
  // Which occurrence of a weekday, a month or a season without a year is meant.
  enum class Pick : int8_t {
    kGuess,  // from the sentence's tense: on or before the anchor unless it speaks ahead
    kOnOrBefore,
    kBefore,  // "last Friday"
    kOnOrAfter,
    kAfter,  // "next Friday"
    kSame,   // "this Friday", "this summer": the one of the anchor's week or year
  };

  Kind kind = Kind::kPoint;
  std::string value;  // kDuration, kSet, kRef
  std::string mod;    // TimeML mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...
  bool time = false;  // a time of day: type TIME

  // kPoint (and a kSet with calendar parts).
  Anchor anchor = Anchor::kNone;
  TimePoint point;                        // what the text gives; grain = the result's
  TimeUnit shift_unit = TimeUnit::kNone;  // relative shift from the anchor ...
  int shift = 0;                          // ... "last week": kWeek, -1
  Pick pick = Pick::kGuess;
  int holiday = 0;                 // a holiday (index into the holiday table), 0 none
  bool two_digit_decade = false;   // "the '90s": the century comes from the anchor
  bool ago = false;                // "N units ago" (may count from the last quarter)
  bool grain_from_anchor = false;  // "a year earlier", "the same period": the grain
                                   // of the mention it counts from
};

// One expression: words [begin, end) of the sentence.
struct TimeMatch {
  size_t begin = 0;
  size_t end = 0;
  TimeExpr expr;
};

// The date of a holiday in a year (index from TimeExpr::holiday); nullopt-like {0,0,0} when
// the index is unknown.
CivilDate HolidayDate(int holiday, int year);

// The grammar. Constructed once over a lexicon; Match is const and thread-safe.
class TimeGrammar {
 public:
  explicit TimeGrammar(const TimeLexicon& lex) : lex_(lex) {}
  // The expressions of one sentence's words, in order and not overlapping (longest first).
  std::vector<TimeMatch> Match(const std::vector<TimeWord>& words) const;

 private:
  const TimeLexicon& lex_;
};

}  // namespace dyad
