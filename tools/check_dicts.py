#!/usr/bin/python3
"""Check dyad dictionaries against data/dict/FORMAT.md.

Usage:
    /usr/bin/python3 tools/check_dicts.py [DIR_OR_FILE ...]      (default: data/dict)

For every .actors, .agents, .verbs, .cameo and .forms file it reports
  - malformed lines, as FILE:LINE: error: reason;
  - phrases mapped to different codes (warning), within one file or across the files of
    one kind; for .actors, entries whose date ranges do not overlap are not a conflict
    (a person who held two offices, a group whose role changed);
  - the same phrase listed twice for the same code with overlapping dates (note), and
    actor entries whose date ranges share only a boundary day (note);
and prints the number of entries (lines) and phrases per file.

Exit status: 0 if there are no errors (warnings and notes allowed), 1 otherwise.
Standard library only.
"""

import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("actors", "agents", "verbs", "cameo", "forms")
ACTOR_KINDS = ("name", "adj", "capital", "city", "org", "person")

ACTOR_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{2,14}$")
SECTOR_RE = re.compile(r"^(?:[A-Z]{3})+$")
RANGE_RE = re.compile(r"^\[(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\]$")
CAMEO_EVENT_RE = re.compile(r"^\d{2,4}$")
KIND_PREFIX_RE = re.compile(r"^([A-Za-z]+):\s*(.*)$")


def strip_comment(line):
    """Remove a '#' comment: '#' at the start of the line or after whitespace."""
    for i, ch in enumerate(line):
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def split_fields(line):
    return [f for f in re.split(r"\t+", line.strip("\t ").rstrip()) if f != ""]


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0
        self.notes = 0

    def error(self, where, msg):
        self.errors += 1
        print("%s: error: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings += 1
        print("%s: warning: %s" % (where, msg))

    def note(self, where, msg):
        self.notes += 1
        print("%s: note: %s" % (where, msg))


def parse_phrases(field, where, rep, allow_case_marker=True):
    """Split a ';' list. Returns the phrases or None after reporting an error."""
    items = field.split(";")
    phrases = []
    for i, raw in enumerate(items):
        p = raw.strip()
        if not p:
            if i == len(items) - 1 and len(items) > 1:
                rep.error(where, "trailing ';' (empty phrase at the end of the list)")
            else:
                rep.error(where, "empty phrase in the list (';;' or leading ';')")
            return None
        if p != raw.strip(" ") or "  " in p:
            rep.error(where, "phrase %r has stray whitespace" % p)
            return None
        if p.startswith("="):
            if not allow_case_marker:
                rep.error(where, "'=' (case-sensitive) is not allowed here: %r" % p)
                return None
            if len(p) == 1 or p[1] == " ":
                rep.error(where, "'=' must be followed directly by the phrase: %r" % p)
                return None
        phrases.append(p)
    return phrases


def phrase_key(p):
    """Case-sensitive phrases keep their case; others are compared lower-cased."""
    return ("cs", p[1:]) if p.startswith("=") else ("ci", p.lower())


def parse_date(s, where, rep):
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        rep.error(where, "invalid date %r" % s)
        return False


def parse_range(field, where, rep):
    m = RANGE_RE.match(field)
    if not m:
        rep.error(where, "bad date range %r (expected [YYYY-MM-DD..YYYY-MM-DD], "
                         "either end may be empty)" % field)
        return None
    lo = hi = None
    if m.group(1):
        lo = parse_date(m.group(1), where, rep)
    if m.group(2):
        hi = parse_date(m.group(2), where, rep)
    if lo is False or hi is False:
        return None
    if lo and hi and lo > hi:
        rep.error(where, "date range ends before it starts: %s" % field)
        return None
    return (lo or datetime.date.min, hi or datetime.date.max)


def ranges_overlap(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def regular_plural(word):
    """The loader's regular plural of the last word, as FORMAT.md describes it."""
    head, _, last = word.rpartition(" ")
    low = last.lower()
    if re.search(r"(s|x|z|ch|sh)$", low):
        plural = last + "es"
    elif re.search(r"[^aeiou]y$", low):
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return (head + " " + plural) if head else plural


# ---- per-kind line checkers: return (code, phrases, extra) or None ----

def check_actor_line(fields, where, rep):
    if len(fields) not in (2, 3):
        rep.error(where, "expected CODE <TAB> [kind:] phrases [<TAB> [FROM..TO]], got %d field(s)"
                  % len(fields))
        return None
    code = fields[0]
    if not ACTOR_CODE_RE.match(code):
        rep.error(where, "bad actor code %r (upper-case letters/digits, 3-15 characters)" % code)
        return None
    body = fields[1]
    kind = "name"
    m = KIND_PREFIX_RE.match(body)
    if m:
        kind, body = m.group(1), m.group(2)
        if kind not in ACTOR_KINDS:
            rep.error(where, "unknown kind %r (expected one of %s)"
                      % (kind, ", ".join(ACTOR_KINDS)))
            return None
    elif re.match(r"^\s*\w+\s*:", body) and not re.match(r"^[^:]*\w:\w", body):
        rep.error(where, "malformed kind prefix in %r" % body[:30])
        return None
    phrases = parse_phrases(body, where, rep)
    if phrases is None:
        return None
    rng = (datetime.date.min, datetime.date.max)
    if len(fields) == 3:
        rng = parse_range(fields[2], where, rep)
        if rng is None:
            return None
    return code, phrases, {"kind": kind, "range": rng}


def check_agent_line(fields, where, rep):
    if len(fields) != 2:
        rep.error(where, "expected SECTOR <TAB> phrases, got %d field(s)" % len(fields))
        return None
    sector = fields[0]
    if not SECTOR_RE.match(sector):
        rep.error(where, "bad sector code %r (three upper-case letters, or blocks of three)"
                  % sector)
        return None
    if KIND_PREFIX_RE.match(fields[1]) and fields[1].split(":")[0] in ACTOR_KINDS:
        rep.error(where, "kind prefixes (%s:) belong in .actors, not .agents"
                  % fields[1].split(":")[0])
        return None
    phrases = parse_phrases(fields[1], where, rep)
    if phrases is None:
        return None
    return sector, phrases, {}


def check_verb_line(fields, where, rep):
    if len(fields) < 2:
        rep.error(where, "expected CODE <TAB> pattern [<TAB> key=value ...]")
        return None
    code, pattern = fields[0], fields[1]
    if not CAMEO_EVENT_RE.match(code):
        rep.error(where, "bad CAMEO event code %r" % code)
        return None
    words = pattern.split()
    if not words:
        rep.error(where, "empty pattern")
        return None
    if words[0] == "n:" and len(words) < 2:
        rep.error(where, "'n:' without an event noun")
        return None
    if words[0] == "*" or (words[0] == "n:" and words[1] == "*"):
        rep.error(where, "a pattern cannot start with '*'")
        return None
    for attr in fields[2:]:
        for kv in attr.split():
            if not re.match(r"^(plover|mode|target)=\S+$", kv):
                rep.error(where, "bad attribute %r (plover=, mode=, target=)" % kv)
                return None
    return code, [pattern], {}


def check_cameo_line(fields, where, rep):
    # Empty trailing columns (no PLOVER event, no PLOVER mode) can only be left off, since
    # fields are separated by one or more TABs: 4 to 6 fields.
    if not 4 <= len(fields) <= 6:
        rep.error(where, "expected CODE, name, goldstein, quadclass [, plover event "
                         "[, plover mode]], got %d field(s)" % len(fields))
        return None
    code, name, gold, quad = fields[0], fields[1], fields[2], fields[3]
    if not CAMEO_EVENT_RE.match(code) or not 1 <= int(code[:2]) <= 20:
        rep.error(where, "bad CAMEO event code %r" % code)
        return None
    try:
        g = float(gold)
        if not -10.0 <= g <= 10.0:
            raise ValueError
    except ValueError:
        rep.error(where, "Goldstein value %r is not a number in [-10, 10]" % gold)
        return None
    root = int(code[:2])
    expected = "1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"
    if quad != expected:
        rep.error(where, "QuadClass %r does not match root %02d (expected %s)"
                  % (quad, root, expected))
        return None
    for f in fields[4:]:
        if not re.match(r"^[A-Za-z_-]+$", f):
            rep.error(where, "bad PLOVER event/mode %r" % f)
            return None
    return code, [code], {}


def check_forms_line(fields, where, rep):
    if not 3 <= len(fields) <= 5:
        rep.error(where, "expected base, past, past participle [, third person, gerund]; "
                         "got %d field(s)" % len(fields))
        return None
    for f in fields:
        # a field may list variants separated by ';' (burned;burnt), FORMAT.md common rules
        for form in f.split(";"):
            if not re.match(r"^[A-Za-z][A-Za-z'-]*$", form.strip()):
                rep.error(where, "bad word form %r" % form)
                return None
    if ";" in fields[0]:
        rep.error(where, "the base form must be a single word: %r" % fields[0])
        return None
    return fields[0], [fields[0]], {}


CHECKERS = {
    "actors": check_actor_line,
    "agents": check_agent_line,
    "verbs": check_verb_line,
    "cameo": check_cameo_line,
    "forms": check_forms_line,
}


def check_file(path, rep):
    """Returns (kind, entries) where entries are (where, code, phrases, extra)."""
    kind = os.path.splitext(path)[1][1:]
    checker = CHECKERS[kind]
    entries = []
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        rep.error(path, "cannot read: %s" % e)
        return kind, entries
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.error(path, "not UTF-8: %s" % e)
        return kind, entries
    if text.startswith("\ufeff"):
        rep.error(path + ":1", "byte-order mark at start of file")
        text = text[1:]
    if text and not text.endswith("\n"):
        rep.note(path, "no newline at end of file")
    rel = os.path.relpath(path)
    for lineno, line in enumerate(text.split("\n"), 1):
        where = "%s:%d" % (rel, lineno)
        if line.endswith("\r"):
            rep.error(where, "CRLF line ending")
            line = line[:-1]
        content = strip_comment(line)
        if not content.strip():
            continue
        if content != content.rstrip():
            # trailing blanks before a comment are fine; elsewhere they are untidy
            if "#" not in line:
                rep.note(where, "trailing whitespace")
        if "\t" not in content.strip() and kind in ("actors", "agents", "verbs", "cameo",
                                                    "forms"):
            if re.match(r"^\S+ +\S", content.strip()):
                rep.error(where, "fields must be separated by TAB, found spaces only")
                continue
        result = checker(split_fields(content), where, rep)
        if result is not None:
            code, phrases, extra = result
            entries.append((where, code, phrases, extra))
    return kind, entries


def overlap_note(a, b):
    """Describe how two inclusive date ranges overlap: None (disjoint), 'boundary' (they
    share only their end/start day: an office handed over that day), or 'overlap'."""
    if not ranges_overlap(a, b):
        return None
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return "boundary" if lo == hi else "overlap"


def cross_check(kind, entries_by_file, rep):
    """Duplicate phrases within one kind (all files of that kind together)."""
    if kind not in ("actors", "agents"):
        return
    always = (datetime.date.min, datetime.date.max)
    seen = {}       # key -> list of (where, code, range, phrase, generated)
    by_lower = {}   # lower-cased text -> keys seen with it (for case-sensitive overlaps)
    for path, entries in entries_by_file:
        for where, code, phrases, extra in entries:
            rng = extra.get("range", always)
            forms = [(p, False) for p in phrases]
            if kind == "agents":
                # the loader adds regular plurals: they can collide too
                forms += [(("=" + regular_plural(p[1:])) if p.startswith("=")
                           else regular_plural(p), True) for p in phrases]
            for p, generated in forms:
                k = phrase_key(p)
                others = list(seen.get(k, []))
                # a case-insensitive phrase also matches the text of a case-sensitive one
                for k2 in by_lower.get(k[1].lower(), ()):
                    if k2 != k and "cs" in (k[0], k2[0]):
                        others += seen.get(k2, [])
                for o_where, o_code, o_rng, o_p, o_gen in others:
                    if generated and o_gen:
                        continue
                    how = overlap_note(rng, o_rng) if kind == "actors" else "overlap"
                    if how is None:
                        continue  # disjoint date ranges: not a conflict
                    label = "%r%s" % (p, " (regular plural)" if generated else "")
                    o_label = "%r%s" % (o_p, " (regular plural)" if o_gen else "")
                    if o_code != code:
                        if how == "boundary":
                            rep.note(where, "%s is %s here and %s at %s; the date ranges "
                                     "share one day" % (label, code, o_code, o_where))
                        else:
                            rep.warn(where, "%s is %s here but %s is %s at %s"
                                     % (label, code, o_label, o_code, o_where))
                    elif not generated and not o_gen and how == "overlap":
                        if o_where == where:
                            rep.note(where, "phrase %r listed twice on this line" % p)
                        else:
                            rep.note(where, "phrase %r for %s already listed at %s"
                                     % (p, code, o_where))
                seen.setdefault(k, []).append((where, code, rng, p, generated))
                by_lower.setdefault(k[1].lower(), set()).add(k)


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if os.path.isfile(full) and os.path.splitext(name)[1][1:] in KINDS:
                    files.append(full)
        elif os.path.isfile(p):
            files.append(p)
        else:
            print("%s: error: no such file or directory" % p)
            return None
    return files


def main(argv):
    paths = argv[1:] or [os.path.join(ROOT, "data", "dict")]
    files = collect(paths)
    if files is None:
        return 1
    rep = Report()
    by_kind = {}
    counts = []
    for path in files:
        kind = os.path.splitext(path)[1][1:]
        if kind not in CHECKERS:
            continue
        kind, entries = check_file(path, rep)
        by_kind.setdefault(kind, []).append((path, entries))
        counts.append((os.path.relpath(path), kind, len(entries),
                       sum(len(e[2]) for e in entries)))
    for kind in KINDS:
        cross_check(kind, by_kind.get(kind, []), rep)

    print()
    print("%-40s %-7s %8s %8s" % ("file", "kind", "entries", "phrases"))
    for path, kind, n, nphr in counts:
        print("%-40s %-7s %8d %8d" % (path, kind, n, nphr))
    print("%-40s %-7s %8d %8d" % ("total", "", sum(c[2] for c in counts),
                                  sum(c[3] for c in counts)))
    print("%d error(s), %d warning(s), %d note(s)" % (rep.errors, rep.warnings, rep.notes))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
