// The time grammar's pieces (numbers, names, clock times) and its calendar points (dates,
// years, decades, quarters, seasons, holidays, weekdays, "today", clock times).
#include "time/time_parser.h"

#include <algorithm>
#include <cstring>

#include "text/tokenizer.h"

namespace dyad {

namespace {

const std::string kNoWord;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ParseInt(std::string_view s) {
  if (!AllDigits(s) || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Splits "11/01/2024" into its numbers; false unless it is digits and `sep` only.
bool SplitNumbers(std::string_view s, char sep, std::vector<std::string_view>* parts) {
  parts->clear();
  size_t b = 0;
  for (size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == sep) {
      if (!AllDigits(s.substr(b, k - b))) return false;
      parts->push_back(s.substr(b, k - b));
      b = k + 1;
    }
  }
  return true;
}

// Words that count things: a number before one is a quantity, not a year ("2000 troops").
bool IsCountNoun(std::string_view w) {
  static const char* const kNouns[] = {
      "people",        "persons",    "troops",   "soldiers",  "men",      "women",
      "children",      "dollars",    "shares",   "cars",      "jobs",     "employees",
      "workers",       "units",      "tons",     "tonnes",    "miles",    "kilometers",
      "kilometres",    "meters",     "metres",   "feet",      "barrels",  "copies",
      "votes",         "residents",  "students", "deaths",    "cases",    "points",
      "acres",         "hectares",   "pounds",   "euros",     "yen",      "rubles",
      "civilians",     "refugees",   "police",   "officers",  "members",  "homes",
      "houses",        "vehicles",   "tanks",    "aircraft",  "planes",   "ships",
      "rockets",       "missiles",   "drones",   "prisoners", "hostages", "protesters",
      "demonstrators", "delegates",  "seats",    "words",     "pages",    "km",
      "mph",           "kg",         "stores",   "plants",    "patients", "visitors",
      "tourists",      "passengers", "fighters", "militants", "rebels",   "casualties",
      "inmates",       "%",          "percent",  "years",     "months",   "days",
      "weeks",         "hours",      "minutes"};
  for (const char* n : kNouns)
    if (w == n) return true;
  return false;
}

}  // namespace

bool IsPreposition(std::string_view w) {
  static const char* const kWords[] = {
      "in",    "since",  "of",         "by",    "until",  "till", "from",    "before",
      "after", "during", "through",    "circa", "around", "to",   "between", "for",
      "on",    "at",     "throughout", "into",  "as",     "than", "about"};
  for (const char* p : kWords)
    if (w == p) return true;
  return false;
}

namespace {

bool IsTimeZone(std::string_view w) {
  static const char* const kZones[] = {"est", "edt",  "cst", "cdt", "mst",  "mdt", "pst", "pdt",
                                       "gmt", "utc",  "bst", "cet", "cest", "et",  "pt",  "msk",
                                       "eet", "eest", "ist", "jst", "kst",  "hkt", "sgt", "aest"};
  for (const char* z : kZones)
    if (w == z) return true;
  return false;
}

// "a.m."/"am" -> 1, "p.m."/"pm" -> 2, else 0.
int Meridiem(std::string_view w) {
  if (w == "a.m." || w == "am" || w == "a.m") return 1;
  if (w == "p.m." || w == "pm" || w == "p.m") return 2;
  return 0;
}

}  // namespace

bool IsTimexDeterminer(std::string_view w) {
  return w == "the" || w == "this" || w == "that" || w == "its" || w == "their" || w == "his" ||
         w == "her" || w == "our";
}

std::vector<TimeWord> SplitTimeWords(const Document& doc, uint32_t first, uint32_t end,
                                     const TimeLexicon& lex) {
  std::vector<TimeWord> out;
  out.reserve(end - first);
  for (uint32_t t = first; t < end && t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    std::string_view raw = doc.slice(tok.span);
    // Pieces the tokenizer leaves on a word: opening backquotes ("``Today") and a comma
    // without a space after it ("week,demanding").
    size_t quotes = 0;
    while (quotes < raw.size() && raw[quotes] == '`') ++quotes;
    if (quotes > 0 && quotes < raw.size()) {
      TimeWord w;
      w.norm = std::string(raw.substr(0, quotes));
      w.span = {tok.span.start, static_cast<uint32_t>(tok.span.start + quotes)};
      w.token = t;
      out.push_back(std::move(w));
    } else {
      quotes = 0;
    }
    const size_t comma = raw.find(',', quotes);
    const bool inner_comma = comma != std::string_view::npos && comma > quotes &&
                             comma + 1 < raw.size() &&
                             std::isalpha(static_cast<unsigned char>(raw[comma - 1])) &&
                             std::isalpha(static_cast<unsigned char>(raw[comma + 1]));
    if (quotes > 0 || inner_comma) {
      // Re-read the token piece by piece: word, comma, word.
      const uint32_t base = tok.span.start;
      std::vector<std::pair<size_t, size_t>> pieces;
      if (inner_comma) {
        pieces = {{quotes, comma}, {comma, comma + 1}, {comma + 1, raw.size()}};
      } else {
        pieces = {{quotes, raw.size()}};
      }
      for (auto [b, e] : pieces) {
        TimeWord w;
        const std::string_view piece = raw.substr(b, e - b);
        w.norm = Tokenizer::Normalize(piece);
        w.span = {static_cast<uint32_t>(base + b), static_cast<uint32_t>(base + e)};
        w.token = t;
        w.cap = piece[0] >= 'A' && piece[0] <= 'Z';
        w.info = lex.Find(w.norm);
        out.push_back(std::move(w));
      }
      continue;
    }
    // Hyphenated words are read part by part ("third-quarter", "mid-1990s", "two-year"),
    // numeric dates ("2024-11-01") and dashes ("--") as they are.
    bool split = raw.find('-') != std::string_view::npos && !tok.is_punct;
    if (split) {
      std::vector<std::string_view> parts;
      if (SplitNumbers(raw, '-', &parts) && parts.size() == 3 && parts[0].size() == 4)
        split = false;
    }
    if (!split) {
      TimeWord w;
      w.norm = tok.norm;
      w.span = tok.span;
      w.token = t;
      w.cap = tok.capitalized;
      w.info = lex.Find(w.norm);
      out.push_back(std::move(w));
      continue;
    }
    size_t b = 0;
    bool first_part = true;
    for (size_t k = 0; k <= raw.size(); ++k) {
      if (k < raw.size() && raw[k] != '-') continue;
      if (k > b) {
        TimeWord w;
        const std::string_view piece = raw.substr(b, k - b);
        w.norm = Tokenizer::Normalize(piece);
        w.span = {static_cast<uint32_t>(tok.span.start + b),
                  static_cast<uint32_t>(tok.span.start + k)};
        w.token = t;
        w.cap = piece[0] >= 'A' && piece[0] <= 'Z';
        w.joined = !first_part;
        w.info = lex.Find(w.norm);
        out.push_back(std::move(w));
        first_part = false;
      }
      b = k + 1;
    }
  }
  // Tokenizers that split hyphenated words ("third" "-" "quarter") or the period of an
  // abbreviation ("Nov" ".") are read as if they had not: the grammar sees "third" and a
  // joined "quarter", and "nov.".
  std::vector<TimeWord> merged;
  merged.reserve(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    TimeWord& w = out[k];
    const bool glued_left = !merged.empty() && merged.back().span.end == w.span.start;
    const bool glued_right = k + 1 < out.size() && w.span.end == out[k + 1].span.start;
    auto alnum = [](const std::string& n) {
      return !n.empty() && (std::isalnum(static_cast<unsigned char>(n[0])) ||
                            static_cast<unsigned char>(n[0]) >= 0x80);
    };
    if (w.norm == "-" && glued_left && glued_right && alnum(merged.back().norm) &&
        alnum(out[k + 1].norm)) {
      out[k + 1].joined = true;
      continue;
    }
    if (w.norm == "." && glued_left && !merged.back().norm.empty() &&
        merged.back().norm.back() != '.') {
      const std::string with_period = merged.back().norm + ".";
      const TimeWordInfo* info = lex.Find(with_period);
      if ((info && info->abbreviation) || with_period == "a.m." || with_period == "p.m.") {
        merged.back().norm = with_period;
        merged.back().info = info;
        merged.back().span.end = w.span.end;
        continue;
      }
    }
    merged.push_back(std::move(w));
  }
  return merged;
}

// --- Word access -----------------------------------------------------------------------------

const std::string& TimeParser::Norm(size_t i) const {
  return i < w_.size() ? w_[i].norm : kNoWord;
}

bool TimeParser::IsAny(size_t i, std::initializer_list<std::string_view> any) const {
  if (i >= w_.size()) return false;
  for (std::string_view a : any)
    if (w_[i].norm == a) return true;
  return false;
}

bool TimeParser::IsDigits(size_t i) const {
  return i < w_.size() && AllDigits(w_[i].norm);
}

int TimeParser::IntAt(size_t i) const {
  return i < w_.size() ? ParseInt(w_[i].norm) : -1;
}

// --- Pieces ----------------------------------------------------------------------------------

size_t TimeParser::Number(size_t i, double* value, bool article) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  if (s == "several" || s == "many" || s == "few" || s == "numerous") {
    *value = -1;
    return i + 1;
  }
  if ((s == "dozens" || s == "hundreds" || s == "thousands" || s == "tens") && Is(i + 1, "of")) {
    *value = -1;
    return i + 2;
  }
  if (s == "couple" && Is(i + 1, "of")) {
    *value = 2;
    return i + 2;
  }
  if (s == "a" || s == "an") {
    if (Is(i + 1, "few")) return *value = -1, i + 2;
    if (Is(i + 1, "couple")) return *value = 2, Is(i + 2, "of") ? i + 3 : i + 2;
    if (Is(i + 1, "number") && Is(i + 2, "of")) return *value = -1, i + 3;
    if (IsAny(i + 1, {"dozen", "hundred", "thousand"})) {
      const size_t e = Number(i + 1, value, false);
      if (e) return e;
    }
    if (article) return *value = 1, i + 1;
    return 0;
  }
  // Digits: "12", "1,000", "2.5", and a fraction after them ("2 1/2").
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') {
    std::string digits;
    bool ok = true, dot = false;
    for (char c : s) {
      if (c >= '0' && c <= '9')
        digits += c;
      else if (c == ',')
        continue;
      else if (c == '.' && !dot)
        dot = true, digits += c;
      else
        ok = false;
    }
    if (!ok || digits.empty() || digits.back() == '.') {
      // "1/2" alone
      std::vector<std::string_view> parts;
      if (SplitNumbers(s, '/', &parts) && parts.size() == 2) {
        const int a = ParseInt(parts[0]), b = ParseInt(parts[1]);
        if (a > 0 && b > a && b <= 10) return *value = static_cast<double>(a) / b, i + 1;
      }
      return 0;
    }
    *value = std::stod(digits);
    std::vector<std::string_view> parts;
    if (i + 1 < size() && SplitNumbers(Norm(i + 1), '/', &parts) && parts.size() == 2) {
      const int a = ParseInt(parts[0]), b = ParseInt(parts[1]);
      if (a > 0 && b > a && b <= 10) {
        *value += static_cast<double>(a) / b;
        return i + 2;
      }
    }
    return i + 1;
  }
  // Number words: "twenty four", "twenty-four", "one hundred", "two thousand".
  double total = 0, cur = 0;
  bool any = false;
  size_t j = i;
  while (j < size()) {
    const TimeWordInfo* info = Info(j);
    if (!info || info->number < 0) {
      if (any && Is(j, "and") && cur >= 100 && Info(j + 1) && Info(j + 1)->number > 0 &&
          Info(j + 1)->number < 100) {
        ++j;
        continue;
      }
      break;
    }
    const int n = info->number;
    if (n == 100) {
      cur = (cur == 0 ? 1 : cur) * 100;
    } else if (n == 1000) {
      total += (cur == 0 ? 1 : cur) * 1000;
      cur = 0;
    } else if (Norm(j) == "dozen") {
      cur = (cur == 0 ? 1 : cur) * 12;
    } else {
      if (any) {
        const long last = static_cast<long>(cur) % 100;
        const bool after_tens = last >= 20 && last % 10 == 0 && n < 10 && n > 0;
        const bool after_hundred = last == 0 && (cur >= 100 || total >= 1000) && n < 100;
        if (!after_tens && !after_hundred) break;
      }
      cur += n;
    }
    any = true;
    ++j;
  }
  if (!any) return 0;
  *value = total + cur;
  return j;
}

size_t TimeParser::Ordinal(size_t i, int* value) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  if (const TimeWordInfo* info = Info(i); info && info->ordinal > 0) {
    *value = info->ordinal;
    return i + 1;
  }
  // "twenty-first", "twenty first"
  if (const TimeWordInfo* info = Info(i);
      info && info->number >= 20 && info->number % 10 == 0 && info->number < 100) {
    const TimeWordInfo* next = Info(i + 1);
    if (next && next->ordinal > 0 && next->ordinal < 10) {
      *value = info->number + next->ordinal;
      return i + 2;
    }
  }
  // "21st", "3rd", "4th"
  if (s.size() >= 3 && s[0] >= '0' && s[0] <= '9') {
    const std::string_view suffix = std::string_view(s).substr(s.size() - 2);
    const int n = ParseInt(std::string_view(s).substr(0, s.size() - 2));
    if (n > 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
      *value = n;
      return i + 1;
    }
  }
  return 0;
}

size_t TimeParser::DayOfMonth(size_t i, int* day) const {
  if (i >= size()) return 0;
  if (IsDigits(i) && Norm(i).size() <= 2) {
    const int d = IntAt(i);
    if (d >= 1 && d <= 31) return *day = d, i + 1;
    return 0;
  }
  int d = 0;
  const size_t e = Ordinal(i, &d);
  if (e && d >= 1 && d <= 31) return *day = d, e;
  return 0;
}

size_t TimeParser::Year(size_t i, int* year, bool loose) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  if (s.size() == 4 && AllDigits(s)) {
    const int y = ParseInt(s);
    if (y < 1000 || y > 2199) return 0;
    if (i > 0 && IsAny(i - 1, {"$", "#", "no.", "number", "nos.", "us$", "c$", "a$", "\xC2\xA3",
                               "\xE2\x82\xAC", "flight", "route", "room", "article", "resolution",
                               "section", "rule", "paragraph"}))
      return 0;
    if (i + 1 < size() && (IsCountNoun(Norm(i + 1)) || IsTimeZone(Norm(i + 1)))) return 0;
    if (Joined(i + 1) && Info(i + 1) && Info(i + 1)->unit != TimeUnit::kNone) return 0;
    const bool after_prep =
        i > 0 && (IsPreposition(Norm(i - 1)) || Norm(i - 1) == "year" || Info(i - 1) != nullptr);
    if (y < 1700 && !(loose || after_prep)) return 0;
    *year = y;
    return i + 1;
  }
  // Spoken years: "nineteen ninety-six", "nineteen seventy-nine".
  const TimeWordInfo* a = Info(i);
  if (a && a->number >= 11 && a->number <= 20 && s != "dozen") {
    const TimeWordInfo* b = Info(i + 1);
    if (b && b->number >= 10 && b->number < 100 && b->number % 10 == 0 && b->number != 100) {
      int y = a->number * 100 + b->number;
      size_t e = i + 2;
      if (b->number >= 20 && Info(e) && Info(e)->number > 0 && Info(e)->number < 10) {
        y += Info(e)->number;
        ++e;
      }
      *year = y;
      return e;
    }
    if (b && b->number >= 11 && b->number < 20) {
      *year = a->number * 100 + b->number;
      return i + 2;
    }
  }
  return 0;
}

size_t TimeParser::MonthName(size_t i, int* month, bool bare) const {
  const TimeWordInfo* info = Info(i);
  if (!info || info->month == 0 || !Cap(i)) return 0;
  const std::string& s = Norm(i);
  if (bare) {
    // A month standing alone: not the modal "May", the verb "March" at the start of a
    // sentence, nor a name ("Theresa May", "April Smith").
    const bool sentence_start =
        i == 0 || (w_[i - 1].info == nullptr && !Cap(i - 1) &&
                   !std::isalnum(static_cast<unsigned char>(Norm(i - 1)[0])));
    if (info->abbreviation) return 0;
    if (sentence_start && (s == "may" || s == "march")) return 0;
    if (i > 0 && Cap(i - 1) && !Info(i - 1) && !IsPreposition(Norm(i - 1)) &&
        !IsTimexDeterminer(Norm(i - 1)) && !(i == 1))
      return 0;
    const bool given_name = s == "may" || s == "june" || s == "april" || s == "august";
    if (given_name && Cap(i + 1) && !Info(i + 1) &&
        !(i > 0 && (IsPreposition(Norm(i - 1)) || Info(i - 1))))
      return 0;
  }
  *month = info->month;
  return i + 1;
}

size_t TimeParser::WeekdayName(size_t i, int* weekday, bool* plural) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  const TimeWordInfo* info = Info(i);
  *plural = false;
  if (!info || info->weekday == 0) {
    // "Mondays"
    if (s.size() > 6 && s.back() == 's') {
      const TimeWordInfo* sing = lex_.Find(std::string_view(s).substr(0, s.size() - 1));
      if (sing && sing->weekday > 0 && !sing->abbreviation) {
        *weekday = sing->weekday;
        *plural = true;
        return i + 1;
      }
    }
    return 0;
  }
  if (info->abbreviation && !Cap(i)) return 0;
  // A name: "the Sunday Times", "Britain's Sunday Telegraph".
  if (i > 0 && IsAny(i - 1, {"the", "'s", "a"}) && Cap(i) && Cap(i + 1) && !Info(i + 1) &&
      !IsDigits(i + 1))
    return 0;
  *weekday = info->weekday;
  return i + 1;
}

size_t TimeParser::Unit(size_t i, TimeUnit* unit, bool* plural) const {
  const TimeWordInfo* info = Info(i);
  if (!info || info->unit == TimeUnit::kNone || info->unit_adverb) return 0;
  if (info->unit == TimeUnit::kHalf) return 0;  // read by the quarter rule only
  *unit = info->unit;
  *plural = info->plural;
  return i + 1;
}

size_t TimeParser::DayPartWord(size_t i, DayPart* part) const {
  const TimeWordInfo* info = Info(i);
  if (!info || info->part == DayPart::kNone || info->part == DayPart::kNoon ||
      info->part == DayPart::kMidnight)
    return 0;
  if (Norm(i).back() == 's') return 0;  // "mornings": a set
  *part = info->part;
  return i + 1;
}

size_t TimeParser::Clock(size_t i, TimePoint* p) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  TimePoint t;
  t.grain = Grain::kMinute;
  t.minute = 0;
  size_t e = 0;
  int meridiem = 0;
  if (const TimeWordInfo* info = Info(i);
      info && (info->part == DayPart::kNoon || info->part == DayPart::kMidnight)) {
    t.hour = info->part == DayPart::kNoon ? 12 : 24;
    *p = t;
    return i + 1;
  }
  // "15:30", "3:30pm", "3pm", "3p.m."
  size_t k = 0;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  if (k == 0 || k > 2) {
    // 24-hour "1430 GMT"
    if (k == 4 && s.size() == 4 && IsTimeZone(Norm(i + 1))) {
      const int v = ParseInt(s);
      if (v / 100 <= 24 && v % 100 < 60) {
        t.hour = v / 100;
        t.minute = v % 100;
        *p = t;
        return i + 2;
      }
    }
    return 0;
  }
  t.hour = ParseInt(std::string_view(s).substr(0, k));
  std::string_view rest = std::string_view(s).substr(k);
  bool has_minutes = false;
  if (!rest.empty() && rest[0] == ':') {
    size_t m = 1;
    while (m < rest.size() && rest[m] >= '0' && rest[m] <= '9') ++m;
    if (m != 3) return 0;
    t.minute = ParseInt(rest.substr(1, 2));
    rest = rest.substr(3);
    has_minutes = true;
  }
  if (!rest.empty()) {
    meridiem = Meridiem(rest);
    if (meridiem == 0) return 0;
    e = i + 1;
  } else {
    e = i + 1;
    meridiem = Meridiem(Norm(i + 1));
    if (meridiem)
      ++e;
    else if (Is(i + 1, "o'clock"))
      ++e;
    else if (!has_minutes)
      return 0;
  }
  if (t.hour > 24 || t.minute > 59 || (meridiem && (t.hour < 1 || t.hour > 12))) return 0;
  if (meridiem == 2 && t.hour < 12) t.hour += 12;
  if (meridiem == 1 && t.hour == 12) t.hour = 0;
  if (has_minutes && !meridiem && e == i + 1) {
    // "15:30" alone is a clock time only when the hour is one; "3:2" style ratios are not.
    if (t.hour > 24) return 0;
  }
  if (e < size() && IsTimeZone(Norm(e)) && Cap(e)) ++e;
  // "4 in the morning", "10 at night"
  if (!meridiem && Is(e, "in") && Is(e + 1, "the") &&
      IsAny(e + 2, {"morning", "afternoon", "evening"})) {
    if (!Is(e + 2, "morning") && t.hour < 12) t.hour += 12;
    e += 3;
  } else if (!meridiem && Is(e, "at") && Is(e + 1, "night")) {
    if (t.hour < 12 && t.hour >= 6) t.hour += 12;
    e += 2;
  }
  *p = t;
  return e;
}

// --- Points ----------------------------------------------------------------------------------

size_t TimeParser::NumericDate(size_t i, TimeExpr* e) const {
  if (i >= size()) return 0;
  const std::string& s = Norm(i);
  std::vector<std::string_view> parts;
  int y = 0, m = 0, d = 0;
  if (SplitNumbers(s, '-', &parts) && parts.size() == 3 && parts[0].size() == 4) {
    y = ParseInt(parts[0]), m = ParseInt(parts[1]), d = ParseInt(parts[2]);
  } else if (SplitNumbers(s, '/', &parts) && parts.size() == 3) {
    if (parts[0].size() == 4) {
      y = ParseInt(parts[0]), m = ParseInt(parts[1]), d = ParseInt(parts[2]);
    } else {
      m = ParseInt(parts[0]), d = ParseInt(parts[1]), y = ParseInt(parts[2]);
      if (m > 12 && d <= 12) std::swap(m, d);  // day/month/year
      if (parts[2].size() == 2)
        y += y < 50 ? 2000 : 1900;
      else if (parts[2].size() != 4)
        return 0;
    }
  } else if (SplitNumbers(s, '.', &parts) && parts.size() == 3 && parts[2].size() == 4 &&
             parts[0].size() <= 2 && parts[1].size() <= 2) {
    d = ParseInt(parts[0]), m = ParseInt(parts[1]), y = ParseInt(parts[2]);  // 01.11.2024
  } else {
    return 0;
  }
  if (y < 1000 || !IsValidDate(y, m, d)) return 0;
  e->point = TimePoint::Day(y, m, d);
  return i + 1;
}

size_t TimeParser::MonthDate(size_t i, TimeExpr* e) const {
  size_t j = i;
  int weekday = 0;
  bool plural = false;
  // "Friday, Oct. 23": the weekday is dropped from the value.
  if (size_t k = WeekdayName(j, &weekday, &plural); k && !plural) {
    j = k;
    if (Is(j, ",")) ++j;
  }
  int month = 0, day = 0, year = 0;
  size_t end = 0;
  if (size_t k = MonthName(j, &month, false)) {
    // Month Day[,] [Year]
    if (size_t k2 = DayOfMonth(k, &day); k2 && !(IsDigits(k) && Joined(k))) {
      // not "May 5 people": a count noun after the number
      if (!(IsDigits(k) && k2 < size() && IsCountNoun(Norm(k2)))) {
        end = k2;
        size_t k3 = Is(end, ",") ? end + 1 : end;
        if (size_t k4 = Year(k3, &year, true); k4 && IsDigits(k3))
          end = k4;
        else
          year = 0;
      }
    }
    if (!end) {
      // Month [of|,] Year
      size_t k3 = IsAny(k, {"of", ","}) ? k + 1 : k;
      if (size_t k4 = Year(k3, &year, true); k4 && IsDigits(k3)) {
        end = k4;
      } else if (Year(k3, &year, true) && !IsDigits(k3)) {
        end = Year(k3, &year, true);  // "January nineteen ninety-seven"
      } else {
        year = 0;
      }
    }
    if (!end) {
      // A month alone; a weekday before it makes it no date ("Friday March" is odd).
      if (j != i) return 0;
      if (!MonthName(j, &month, true)) return 0;
      end = k;
    }
  } else {
    // [the] Day [of] Month [Year]: "1 November 2024", "the 1st of November"
    size_t d0 = j;
    if (Is(d0, "the") && j == i) ++d0;
    size_t k2 = DayOfMonth(d0, &day);
    if (!k2) return 0;
    if (Is(k2, "of"))
      ++k2;
    else if (d0 != j)
      return 0;  // "the 1st November" is rare; "the 1st" alone is no date
    size_t k3 = MonthName(k2, &month, false);
    if (!k3) return 0;
    end = k3;
    size_t k4 = Is(end, ",") ? end + 1 : end;
    if (size_t k5 = Year(k4, &year, true))
      end = k5;
    else
      year = 0;
  }
  TimePoint p;
  p.year = year ? year : TimePoint::kUnknown;
  p.month = month;
  p.day = day;
  p.grain = day ? Grain::kDay : Grain::kMonth;
  if (day && year && !IsValidDate(year, month, day)) return 0;
  if (day && day > DaysInMonth(2000, month)) return 0;
  e->point = p;
  // "July last year", "January this year"
  if (!year && IsAny(end, {"last", "this", "next"}) && Is(end + 1, "year")) {
    e->anchor = TimeExpr::Anchor::kDocument;
    e->shift_unit = TimeUnit::kYear;
    e->shift = Is(end, "last") ? -1 : Is(end, "next") ? 1 : 0;
    end += 2;
  } else if (!year && Is(end, "of") && IsAny(end + 1, {"last", "this", "next"}) &&
             Is(end + 2, "year")) {
    e->anchor = TimeExpr::Anchor::kDocument;
    e->shift_unit = TimeUnit::kYear;
    e->shift = Is(end + 1, "last") ? -1 : Is(end + 1, "next") ? 1 : 0;
    end += 3;
  }
  return end;
}

size_t TimeParser::YearExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  bool prefixed = false;
  if (IsAny(j, {"fiscal", "calendar", "model"})) ++j, prefixed = true;
  if (Is(j, "the") && Is(j + 1, "year"))
    j += 2, prefixed = true;
  else if (Is(j, "year") && prefixed)
    ++j;
  int year = 0;
  size_t end = Year(j, &year, prefixed || (i > 0 && IsPreposition(Norm(i - 1))));
  if (!end) {
    // "the year two thousand"
    double v = 0;
    if (prefixed && (end = Number(j, &v, false)) && v >= 1000 && v < 2200)
      year = static_cast<int>(v);
    else
      return 0;
  }
  if (!prefixed && !IsDigits(j)) {
    // Spoken years ("nineteen ninety-six") stand alone where a year is expected, or when they
    // read as nothing else (fifteen- to nineteen-hundreds).
    const int century = Info(j) ? Info(j)->number : 0;
    if (!(i > 0 && IsAny(i - 1, {"in", "since", "of", "by", "until", "from", "year", "before",
                                 "after", "during"})) &&
        !(century >= 15 && century <= 19))
      return 0;
  }
  e->point.year = year;
  e->point.grain = Grain::kYear;
  e->point.month = 1;
  e->point.day = 1;
  return end;
}

size_t TimeParser::DecadeExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  const bool the = Is(j, "the");
  if (the) ++j;
  const std::string& s = Norm(j);
  int decade = -1;
  bool two_digit = false;
  size_t end = 0;
  // "1990s", "1990's", "mid-1990s"
  if (s.size() == 5 && s.back() == 's' && AllDigits(std::string_view(s).substr(0, 4)) &&
      s[3] == '0') {
    decade = ParseInt(std::string_view(s).substr(0, 3));
    end = j + 1;
  } else if (s.size() == 4 && AllDigits(s) && s[3] == '0' && Is(j + 1, "'s") &&
             (the || (i > 0 && IsAny(i - 1, {"early", "mid", "late", "the", "in"})))) {
    decade = ParseInt(std::string_view(s).substr(0, 3));
    end = j + 2;
  } else if (s == "'" && Norm(j + 1).size() == 3 && Norm(j + 1)[2] == 's' &&
             AllDigits(std::string_view(Norm(j + 1)).substr(0, 2)) && Norm(j + 1)[1] == '0') {
    decade = ParseInt(std::string_view(Norm(j + 1)).substr(0, 1));  // "'80s"
    two_digit = true;
    end = j + 2;
  } else if (s.size() == 4 && s[0] == '\'' && s[3] == 's' &&
             AllDigits(std::string_view(s).substr(1, 2)) && s[2] == '0') {
    decade = s[1] - '0';
    two_digit = true;
    end = j + 1;
  } else if (s.size() == 3 && s[2] == 's' && AllDigits(std::string_view(s).substr(0, 2)) &&
             s[1] == '0' && s[0] >= '2' && (the || Joined(j))) {
    decade = s[0] - '0';  // "the 80s"
    two_digit = true;
    end = j + 1;
  } else if (the) {
    static const char* const kWords[] = {"twenties", "thirties",  "forties",  "fifties",
                                         "sixties",  "seventies", "eighties", "nineties"};
    for (int k = 0; k < 8; ++k)
      if (s == kWords[k]) {
        decade = k + 2;
        two_digit = true;
        end = j + 1;
      }
  }
  if (decade < 0) return 0;
  e->point.grain = Grain::kDecade;
  e->point.year = decade * 10;  // "the '80s": 80, the century comes with the anchor
  e->point.month = 1;
  e->point.day = 1;
  e->two_digit_decade = two_digit;
  return end;
}

size_t TimeParser::CenturyExpr(size_t i, TimeExpr* e) const {
  size_t j = Is(i, "the") ? i + 1 : i;
  int ord = 0;
  size_t k = Ordinal(j, &ord);
  if (!k || ord < 1 || ord > 30 || !IsAny(k, {"century", "centuries"})) return 0;
  if (Norm(k) == "centuries") return 0;
  e->point.grain = Grain::kCentury;
  e->point.year = (ord - 1) * 100;
  e->point.month = 1;
  e->point.day = 1;
  return k + 1;
}

size_t TimeParser::QuarterExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  bool det = false;
  if (IsAny(j, {"the", "this", "that"})) ++j, det = true;
  int year = 0;
  int rel = 0;  // "last year's third quarter": -1
  bool relative = false;
  // "the 1988 third quarter", "this year's third quarter", "1990 first half"
  if (size_t k = Year(j, &year, true); k && IsDigits(j)) {
    j = k;
    if (Is(j, "'s")) ++j;
  } else if (IsAny(j, {"last", "this", "next"}) && Is(j + 1, "year") && Is(j + 2, "'s")) {
    rel = Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
    relative = true;
    j += 3;
    year = 0;
  } else {
    year = 0;
  }
  if (Is(j, "fiscal")) ++j;
  int ord = 0;
  size_t k = Ordinal(j, &ord);
  if (!k) {
    if (IsAny(j, {"last", "latter"}) && Is(j + 1, "half"))
      k = j + 1, ord = 2;
    else
      return 0;
  }
  if (Is(k, "fiscal")) ++k;
  // "a third-quarter loss": a compound before a noun takes no determiner.
  if (det && Joined(k) && k == j + 1) return 0;
  TimeUnit unit = TimeUnit::kNone;
  if (IsAny(k, {"quarter", "qtr", "qtr."}) && ord >= 1 && ord <= 4)
    unit = TimeUnit::kQuarter;
  else if (Is(k, "half") && ord >= 1 && ord <= 2)
    unit = TimeUnit::kHalf;
  else
    return 0;
  size_t end = k + 1;
  // "of 1990", "1990", "of last year", "of the year"
  if (!year && !relative) {
    size_t m = Is(end, "of") ? end + 1 : end;
    if (Is(m, "fiscal")) ++m;
    if (size_t y = Year(m, &year, true); y && IsDigits(m)) {
      end = y;
    } else if (Is(end, "of") && IsAny(m, {"last", "this", "next"}) && Is(m + 1, "year")) {
      rel = Is(m, "last") ? -1 : Is(m, "next") ? 1 : 0;
      relative = true;
      end = m + 2;
      year = 0;
    } else {
      year = 0;
    }
  }
  e->point.grain = unit == TimeUnit::kQuarter ? Grain::kQuarter : Grain::kHalf;
  e->point.month = unit == TimeUnit::kQuarter ? 3 * (ord - 1) + 1 : 6 * (ord - 1) + 1;
  e->point.day = 1;
  e->point.year = year ? year : TimePoint::kUnknown;
  e->point.quarter = unit == TimeUnit::kQuarter ? ord : 0;
  if (relative) {
    e->anchor = TimeExpr::Anchor::kDocument;
    e->shift_unit = TimeUnit::kYear;
    e->shift = rel;
  }
  return end;
}

size_t TimeParser::SeasonExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  TimeExpr::Pick pick = TimeExpr::Pick::kGuess;
  bool cue = false;
  if (Is(j, "this") && Is(j + 1, "past"))
    j += 2, pick = TimeExpr::Pick::kBefore, cue = true;
  else if (Is(j, "this") && Is(j + 1, "coming"))
    j += 2, pick = TimeExpr::Pick::kAfter, cue = true;
  else if (Is(j, "last") || Is(j, "past"))
    ++j, pick = TimeExpr::Pick::kBefore, cue = true;
  else if (Is(j, "next") || Is(j, "coming"))
    ++j, pick = TimeExpr::Pick::kAfter, cue = true;
  else if (Is(j, "this"))
    ++j, pick = TimeExpr::Pick::kSame, cue = true;
  else if (Is(j, "the"))
    ++j, cue = true;
  const TimeWordInfo* info = Info(j);
  if (!info || info->season == 0) return 0;
  const std::string& s = Norm(j);
  size_t end = j + 1;
  int year = 0;
  size_t m = Is(end, "of") ? end + 1 : end;
  if (size_t y = Year(m, &year, true))
    end = y;
  else
    year = 0;
  // "fall" and "spring" are verbs and nouns too: they need a determiner, a year or "in".
  if ((s == "fall" || s == "spring") && !cue && !year &&
      !(i > 0 && IsAny(i - 1, {"in", "during", "early", "late", "by", "until", "since", "this"})))
    return 0;
  if (Is(i, "the") && !year && IsAny(end, {"of"})) return 0;  // "the spring of discontent"
  e->point.grain = Grain::kSeason;
  e->point.season = info->season;
  e->point.year = year ? year : TimePoint::kUnknown;
  e->pick = pick;
  return end;
}

namespace {

struct Holiday {
  const char* words[4];
  int month, day;     // a fixed date, or
  int weekday, nth;   // the nth weekday of the month (-1: the last), or
  int easter_offset;  // days from Easter Sunday (kNoEaster when not)
};
constexpr int kNoEaster = 1000;
const Holiday kHolidays[] = {
    {{"christmas", "eve"}, 12, 24, 0, 0, kNoEaster},
    {{"christmas", "day"}, 12, 25, 0, 0, kNoEaster},
    {{"christmas"}, 12, 25, 0, 0, kNoEaster},
    {{"new", "year", "'s", "eve"}, 12, 31, 0, 0, kNoEaster},
    {{"new", "year", "'s", "day"}, 1, 1, 0, 0, kNoEaster},
    {{"boxing", "day"}, 12, 26, 0, 0, kNoEaster},
    {{"thanksgiving", "day"}, 11, 0, 4, 4, kNoEaster},
    {{"thanksgiving"}, 11, 0, 4, 4, kNoEaster},
    {{"easter", "sunday"}, 0, 0, 0, 0, 0},
    {{"easter", "monday"}, 0, 0, 0, 0, 1},
    {{"easter"}, 0, 0, 0, 0, 0},
    {{"good", "friday"}, 0, 0, 0, 0, -2},
    {{"halloween"}, 10, 31, 0, 0, kNoEaster},
    {{"independence", "day"}, 7, 4, 0, 0, kNoEaster},
    {{"labor", "day"}, 9, 0, 1, 1, kNoEaster},
    {{"memorial", "day"}, 5, 0, 1, -1, kNoEaster},
    {{"veterans", "day"}, 11, 11, 0, 0, kNoEaster},
    {{"armistice", "day"}, 11, 11, 0, 0, kNoEaster},
    {{"valentine", "'s", "day"}, 2, 14, 0, 0, kNoEaster},
    {{"election", "day"}, 11, 0, 0, 0, kNoEaster},  // computed below
    {{"bastille", "day"}, 7, 14, 0, 0, kNoEaster},
    {{"may", "day"}, 5, 1, 0, 0, kNoEaster},
};
constexpr int kElectionDay = 20;  // 1-based index of Election Day in kHolidays

}  // namespace

CivilDate HolidayDate(int holiday, int year) {
  constexpr int n = sizeof(kHolidays) / sizeof(kHolidays[0]);
  if (holiday < 1 || holiday > n) return {0, 0, 0};
  const Holiday& h = kHolidays[holiday - 1];
  if (holiday == kElectionDay) {  // the Tuesday after the first Monday of November
    const CivilDate monday = NthWeekdayOfMonth(year, 11, 1, 1);
    return {year, 11, monday.day + 1};
  }
  if (h.easter_offset != kNoEaster) {
    const CivilDate easter = EasterSunday(year);
    return CivilFromDays(DaysFromCivil(easter.year, easter.month, easter.day) + h.easter_offset);
  }
  if (h.weekday) return NthWeekdayOfMonth(year, h.month, h.weekday, h.nth);
  return {year, h.month, h.day};
}

size_t TimeParser::HolidayExpr(size_t i, TimeExpr* e) const {
  if (!Cap(i)) return 0;
  constexpr int n = sizeof(kHolidays) / sizeof(kHolidays[0]);
  for (int h = 0; h < n; ++h) {
    size_t j = i;
    bool ok = true;
    for (int k = 0; k < 4 && kHolidays[h].words[k]; ++k, ++j)
      if (!Is(j, kHolidays[h].words[k])) ok = false;
    if (!ok) continue;
    int year = 0;
    size_t end = j;
    if (size_t y = Year(Is(end, ",") ? end + 1 : end, &year, true))
      end = y;
    else
      year = 0;
    e->holiday = h + 1;
    e->point.grain = Grain::kDay;
    e->point.year = year ? year : TimePoint::kUnknown;
    return end;
  }
  return 0;
}

size_t TimeParser::WeekdayExpr(size_t i, TimeExpr* e) const {
  size_t j = i;
  TimeExpr::Pick pick = TimeExpr::Pick::kGuess;
  TimeExpr::Anchor anchor = TimeExpr::Anchor::kDocument;
  if (Is(j, "the") && IsAny(j + 1, {"previous", "preceding"})) {
    j += 2, pick = TimeExpr::Pick::kBefore, anchor = TimeExpr::Anchor::kPrevious;
  } else if (Is(j, "the") && IsAny(j + 1, {"following", "next"})) {
    j += 2, pick = TimeExpr::Pick::kAfter, anchor = TimeExpr::Anchor::kPrevious;
  } else if (Is(j, "this") && Is(j + 1, "past")) {
    j += 2, pick = TimeExpr::Pick::kBefore;
  } else if (Is(j, "this") && Is(j + 1, "coming")) {
    j += 2, pick = TimeExpr::Pick::kOnOrAfter;
  } else if (IsAny(j, {"last", "past", "previous"}))
    ++j, pick = TimeExpr::Pick::kBefore;
  else if (IsAny(j, {"next", "coming"}))
    ++j, pick = TimeExpr::Pick::kAfter;
  else if (Is(j, "this"))
    ++j, pick = TimeExpr::Pick::kOnOrAfter;
  int wd = 0;
  bool plural = false;
  size_t end = WeekdayName(j, &wd, &plural);
  if (!end) return 0;
  if (plural) {
    if (j != i) return 0;
    e->kind = TimeExpr::Kind::kSet;
    e->point.grain = Grain::kDay;
    e->point.weekday = wd;
    DayPart part = DayPart::kNone;
    if (size_t k = DayPartWord(end, &part)) {
      e->point.grain = Grain::kDayPart, e->point.part = part, end = k;
    } else if (IsAny(end, {"nights", "mornings", "evenings", "afternoons"})) {
      const TimeWordInfo* info = Info(end);
      e->point.grain = Grain::kDayPart, e->point.part = info->part, ++end;
    }
    return end;
  }
  e->point.grain = Grain::kDay;
  e->point.weekday = wd;
  e->pick = pick;
  e->anchor = anchor;
  // "Monday and Tuesday nights" is read word by word; "nights" here would be a set.
  return end;
}

size_t TimeParser::DeicticExpr(size_t i, TimeExpr* e) const {
  const std::string& s = Norm(i);
  // A capitalised "Today" inside a name: "USA Today".
  if (Cap(i) && i > 0 && Cap(i - 1) && !Info(i - 1) && !IsPreposition(Norm(i - 1)) &&
      (s == "today" || s == "tonight"))
    return 0;
  size_t end = i + 1;
  int shift = 0;
  if (s == "today")
    shift = 0;
  else if (s == "yesterday")
    shift = -1;
  else if (s == "tomorrow")
    shift = 1;
  else if (s == "tonight") {
    shift = 0;
    e->point.part = DayPart::kNight;
  } else if (s == "the" && Is(i + 1, "day") && Is(i + 2, "before") && Is(i + 3, "yesterday")) {
    shift = -2, end = i + 4;
  } else if (s == "the" && Is(i + 1, "day") && Is(i + 2, "after") && Is(i + 3, "tomorrow")) {
    shift = 2, end = i + 4;
  } else {
    return 0;
  }
  e->anchor = TimeExpr::Anchor::kDocument;
  e->shift_unit = TimeUnit::kDay;
  e->shift = shift;
  e->point.grain = e->point.part != DayPart::kNone ? Grain::kDayPart : Grain::kDay;
  if (e->point.part != DayPart::kNone) e->time = true;
  return end;
}

size_t TimeParser::ClockExpr(size_t i, TimeExpr* e) const {
  TimePoint t;
  const size_t end = Clock(i, &t);
  if (!end) return 0;
  e->point.grain = Grain::kMinute;
  e->point.hour = t.hour;
  e->point.minute = t.minute;
  e->time = true;
  return end;
}

namespace {

// True for what a part of the day or a clock time can attach to: one day.
bool IsDayLike(const TimeExpr& e) {
  return e.kind == TimeExpr::Kind::kPoint && e.point.grain == Grain::kDay && !e.time;
}

}  // namespace

size_t TimeParser::PointCore(size_t i, TimeExpr* e) const {
  size_t best = 0;
  TimeExpr best_expr;
  auto consider = [&](size_t (TimeParser::*rule)(size_t, TimeExpr*) const) {
    TimeExpr x;
    const size_t end = (this->*rule)(i, &x);
    if (end > best) best = end, best_expr = x;
  };
  consider(&TimeParser::NumericDate);
  consider(&TimeParser::MonthDate);
  consider(&TimeParser::YearExpr);
  consider(&TimeParser::DecadeExpr);
  consider(&TimeParser::CenturyExpr);
  consider(&TimeParser::QuarterExpr);
  consider(&TimeParser::SeasonExpr);
  consider(&TimeParser::HolidayExpr);
  consider(&TimeParser::WeekdayExpr);
  consider(&TimeParser::DeicticExpr);
  consider(&TimeParser::RelativeExpr);
  consider(&TimeParser::FinancialExpr);
  consider(&TimeParser::ClockExpr);
  // "last November", "this September", "next Christmas", "this past spring" (seasons have
  // their own rule).
  {
    size_t k = i;
    TimeExpr::Pick pick = TimeExpr::Pick::kGuess;
    if (Is(k, "this") && Is(k + 1, "past"))
      k += 2, pick = TimeExpr::Pick::kBefore;
    else if (Is(k, "this") && Is(k + 1, "coming"))
      k += 2, pick = TimeExpr::Pick::kAfter;
    else if (IsAny(k, {"last", "past"}))
      ++k, pick = TimeExpr::Pick::kBefore;
    else if (IsAny(k, {"next", "coming"}))
      ++k, pick = TimeExpr::Pick::kAfter;
    else if (Is(k, "this"))
      ++k, pick = TimeExpr::Pick::kSame;
    if (k != i) {
      for (auto rule : {&TimeParser::MonthDate, &TimeParser::HolidayExpr}) {
        TimeExpr x;
        const size_t end = (this->*rule)(k, &x);
        if (end > best && x.anchor == TimeExpr::Anchor::kNone &&
            x.point.year == TimePoint::kUnknown && x.point.weekday == 0) {
          x.pick = pick;
          best = end;
          best_expr = x;
        }
      }
    }
  }
  if (!best) return 0;
  size_t end = best;
  TimeExpr x = best_expr;
  // A clock time before a day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon Saturday".
  if (x.kind == TimeExpr::Kind::kPoint && x.point.grain == Grain::kMinute &&
      x.anchor == TimeExpr::Anchor::kNone && x.point.year == TimePoint::kUnknown) {
    size_t k = Is(end, ",") ? end + 1 : end;
    if (Is(k, "on")) ++k;
    TimeExpr day;
    size_t k2 = 0;
    for (auto rule : {&TimeParser::WeekdayExpr, &TimeParser::MonthDate, &TimeParser::DeicticExpr}) {
      TimeExpr d;
      const size_t e2 = (this->*rule)(k, &d);
      if (e2 > k2 && IsDayLike(d)) k2 = e2, day = d;
    }
    if (k2) {
      const TimePoint clock = x.point;
      x = day;
      x.point.grain = Grain::kMinute;
      x.point.hour = clock.hour;
      x.point.minute = clock.minute;
      x.time = true;
      end = k2;
    }
  } else if (IsDayLike(x) && x.kind == TimeExpr::Kind::kPoint) {
    // A day with a part of it or a clock time: "Friday morning", "Wednesday 10 p.m.".
    DayPart part = DayPart::kNone;
    TimePoint clock;
    if (size_t k = DayPartWord(end, &part)) {
      x.point.grain = Grain::kDayPart;
      x.point.part = part;
      x.time = true;
      end = k;
    } else if (size_t k2 = Clock(Is(end, ",") ? end + 1 : end, &clock)) {
      x.point.grain = Grain::kMinute;
      x.point.hour = clock.hour;
      x.point.minute = clock.minute;
      x.time = true;
      end = k2;
    }
  }
  *e = x;
  return end;
}

size_t TimeParser::Point(size_t i, TimeExpr* e) const {
  size_t best = PointCore(i, e);
  // Position in a period: "early August", "mid-2023", "the late 1970s", "late yesterday",
  // "the end of 1990", "the beginning of October", "earlier this year", "early in 1990".
  size_t j = i;
  const bool the = Is(j, "the");
  if (the) ++j;
  std::string mod;
  size_t k = 0;
  if (IsAny(j, {"early", "earlier"}))
    mod = "START", k = j + 1;
  else if (IsAny(j, {"late", "later"}))
    mod = "END", k = j + 1;
  else if (IsAny(j, {"mid", "middle"}) && (Joined(j + 1) || Norm(j) == "mid"))
    mod = "MID", k = j + 1;
  else if (the && IsAny(j, {"beginning", "start", "dawn", "outset"}) && Is(j + 1, "of"))
    mod = "START", k = j + 2;
  else if (the && IsAny(j, {"end", "close"}) && Is(j + 1, "of"))
    mod = "END", k = j + 2;
  else if (the && IsAny(j, {"middle", "midst"}) && Is(j + 1, "of"))
    mod = "MID", k = j + 2;
  if (k) {
    const bool of_form = Is(k - 1, "of");
    size_t k2 = k;
    if (!of_form && Is(k2, "in")) ++k2;  // "early in 1990", "earlier in the day"
    TimeExpr x;
    size_t end = 0;
    if (DayPart part; !of_form && (end = DayPartWord(k2, &part)) &&
                      (Norm(j) == "mid" || Norm(j) == "late" || Norm(j) == "early")) {
      // "mid-afternoon", "late morning": a part of today or of the day the text is at
      x.point.grain = Grain::kDayPart;
      x.point.part = part;
      x.time = true;
    } else {
      end = PointCore(k2, &x);
      if (end && x.kind != TimeExpr::Kind::kPoint) end = 0;
      // "the early 1980s": "the" goes before the modifier only for decades and the like.
      if (end && the && !of_form && x.point.grain != Grain::kDecade &&
          x.point.grain != Grain::kCentury && x.point.grain != Grain::kSeason &&
          x.point.grain != Grain::kYear)
        end = 0;
      // "earlier"/"later" before a name of a day is no position in it ("earlier Sunday").
      if (end && (Norm(j) == "earlier" || Norm(j) == "later") && x.point.grain <= Grain::kDay &&
          x.anchor != TimeExpr::Anchor::kDocument && x.anchor != TimeExpr::Anchor::kPrevious &&
          x.point.weekday == 0)
        end = 0;
      if (end && (Norm(j) == "earlier" || Norm(j) == "later") && x.point.weekday > 0) mod.clear();
      if (end && (Norm(j) == "earlier" || Norm(j) == "later") && x.point.grain == Grain::kDay &&
          x.shift_unit == TimeUnit::kDay)
        mod.clear();  // "earlier today", "later yesterday"
    }
    if (end > best) {
      best = end;
      *e = x;
      e->mod = mod;
    }
  }
  // "year-end", "year end", "year's end"
  if (Is(i, "year") && (Is(i + 1, "end") || (Is(i + 1, "'s") && Is(i + 2, "end")))) {
    const size_t end = Is(i + 1, "end") ? i + 2 : i + 3;
    if (end > best) {
      TimeExpr x;
      x.anchor = TimeExpr::Anchor::kDocument;
      x.shift_unit = TimeUnit::kYear;
      x.point.grain = Grain::kYear;
      x.mod = "END";
      *e = x;
      best = end;
    }
  }
  return best;
}

}  // namespace dyad
