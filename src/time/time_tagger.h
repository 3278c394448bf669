// TimeTagger: finds the temporal expressions of a tokenized document ("Friday", "early
// August", "three days", "every week") and normalises them to TimeML TIMEX3 type, value and
// mod against the document's publication date.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/document.h"

namespace dyad {

class TimeLexicon;
class TimeGrammar;

// Rule-based (the rules are this project's own). Constructed once; const and thread-safe.
//
// Values follow TimeML: "2024-11-01", "2024-11", "2024", "2024-W44", "2024-Q3", "2024-SU",
// "199" (the 1990s), "19" (the 20th century), "2024-11-01T15:00", "2024-11-01TNI",
// "P3D", "PT5H", "PXY", "PRESENT_REF", "PAST_REF", "FUTURE_REF". Expressions relative to
// an unknown publication date keep their unknown parts as X ("XXXX-XX-XX", "XXXX-WXX",
// "XXXX-11-01", "XXXX-WXX-5" for a weekday).
//
// Conventions (news usage; docs/time.md has them all): a bare weekday is the last one on or
// before the publication date, unless its clause speaks ahead ("will meet Friday", "is due
// Monday") — then the next one on or after it; "next Friday" is the first Friday after the
// date, "last Friday" the last one before. A month or a day of a month without a year falls in
// the ten months before the date or the two after it. "Two days later", "a year earlier",
// "that day" count from the last date the text mentioned, and from the publication date when
// there is none near.
class TimeTagger {
 public:
  TimeTagger();
  ~TimeTagger();
  TimeTagger(const TimeTagger&) = delete;
  TimeTagger& operator=(const TimeTagger&) = delete;

  // Fills doc->timexes (in text order, non-overlapping) from doc->tokens and
  // doc->sentences (the tokenizer must have run), normalised against doc->date.
  void Tag(Document* doc) const;

 private:
  std::unique_ptr<const TimeLexicon> lex_;
  std::unique_ptr<const TimeGrammar> grammar_;
};

// The date an event can take from a time expression: the ISO day ("2024-11-01") or month
// ("2024-08") of a DATE or TIME timex whose value is resolved to that precision; nullopt
// for durations, sets, coarser or unresolved values ("2024", "XXXX-11-01", "PAST_REF").
std::optional<std::string> EventDate(const Timex& timex);

}  // namespace dyad
