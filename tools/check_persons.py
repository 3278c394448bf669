#!/usr/bin/env python3
"""Validate dyad `.actors` files of persons with dated roles (data/dict/persons*.actors).

Checks, following data/dict/FORMAT.md:
  * syntax: TAB-separated fields `CODE <TAB> [kind:] phrase; ... [<TAB> [FROM..TO]]`,
    comments (`#` at line start or after whitespace), a CAMEO-style code, a known kind
    (and `person:` for every line of a persons file), no empty phrases;
  * dates: ISO YYYY-MM-DD that exist, either end open, FROM <= TO;
  * conflicts: the same phrase (case-insensitive) must not be active under two different
    codes at the same time. Ranges that only touch (one's TO == the other's FROM, the
    handover day) do not count as overlapping;
  * warnings: duplicate phrases within a line, a phrase shared by two different persons
    over overlapping time, risky one-word phrases (given names, common words), person
    lines without a date range, bare three-letter codes without a sector.
Prints counts of lines, distinct persons and codes.

Usage:  python3 tools/check_persons.py [--strict] [--quiet] [FILE ...]
Default FILE: every data/dict/persons*.actors next to this tools/ directory (persons.actors,
persons-1975-1999.actors), checked together so that conflicts across files are found.
Exit status: 0 if no errors (and, with --strict, no warnings), 1 otherwise, 2 on bad usage.
Python 3 standard library only.
"""

import argparse
import datetime
import os
import re
import signal
import sys
from collections import Counter, defaultdict

KINDS = {"name", "adj", "capital", "city", "org", "person"}
CODE_RE = re.compile(r"^[A-Z0-9]{3,}$")
RANGE_RE = re.compile(r"^\[(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\]$")
KIND_RE = re.compile(r"^([A-Za-z]+):\s*(.*)$")

# One-word phrases that are given names, very common surnames or ordinary English words:
# as a person phrase on their own they would code far too much text.
RISKY_SINGLE = {
    "kim", "lee", "park", "moon", "may", "brown", "rice", "gates", "hunt", "fox", "straw",
    "cook", "king", "prince", "sultan", "john", "david", "michael", "ali", "mohammed",
    "mohammad", "muhammad", "ahmed", "ahmad", "abdullah", "khan", "singh", "sharif", "wang",
    "li", "zhang", "chen", "liu", "yang", "han", "choi", "chung", "jung", "cohen", "smith",
    "jones", "hill", "young", "white", "green", "black", "ban", "power", "martin", "paul",
    "jonathan", "wong", "carter", "harris", "johnson", "howard", "nelson", "reid", "andrews",
    "bishop", "payne", "pace", "struck", "downer", "cleverly", "gallant", "shalom", "hussein",
    "mustafa", "ismail", "vieira", "cardoso", "katz", "bennett",
}
# Short phrases that are nevertheless unambiguous in news text.
SHORT_OK = {"xi", "mbs", "sby", "amlo"}


class Entry:
    __slots__ = ("path", "lineno", "code", "kind", "phrases", "start", "end", "raw")

    def __init__(self, path, lineno, code, kind, phrases, start, end, raw):
        self.path, self.lineno, self.code, self.kind = path, lineno, code, kind
        self.phrases, self.start, self.end, self.raw = phrases, start, end, raw

    @property
    def person(self):
        return norm(self.phrases[0])

    def where(self):
        return "%s:%d" % (self.path, self.lineno)

    def span(self):
        return "[%s..%s]" % (self.start or "", self.end or "")


def norm(phrase):
    return " ".join(phrase.casefold().split())


def strip_comment(line):
    """Cut a `#` comment that starts the line or follows whitespace."""
    for i, ch in enumerate(line):
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def overlaps(a, b):
    """Strict overlap of two date ranges; None is an open end; touching ends do not count."""
    a0 = a.start or datetime.date.min
    a1 = a.end or datetime.date.max
    b0 = b.start or datetime.date.min
    b1 = b.end or datetime.date.max
    return a0 < b1 and b0 < a1


class Report:
    def __init__(self, quiet):
        self.errors, self.warnings, self.quiet = [], [], quiet

    def error(self, where, msg):
        self.errors.append("%s: error: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings.append("%s: warning: %s" % (where, msg))


def parse_file(path, rep, persons_only):
    entries = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        rep.error(path, "cannot open: %s" % e)
        return entries
    with fh:
        for lineno, raw in enumerate(fh, 1):
            raw = raw.rstrip("\n").rstrip("\r")
            where = "%s:%d" % (path, lineno)
            body = strip_comment(raw).rstrip()
            if not body.strip():
                continue
            if body[0] in " \t":
                rep.warn(where, "line starts with whitespace")
                body = body.lstrip()
            fields = re.split(r"\t+", body)
            if len(fields) < 2:
                rep.error(where, "expected CODE <TAB> phrases [<TAB> [FROM..TO]] "
                                 "(fields must be separated by TAB characters)")
                continue
            if len(fields) > 3:
                rep.error(where, "too many TAB-separated fields (%d)" % len(fields))
                continue
            code = fields[0].strip()
            if len(code.split()) > 1:
                rep.error(where, "%r: fields must be separated by TAB characters, not "
                                 "spaces" % code[:40])
                continue
            if not CODE_RE.match(code):
                rep.error(where, "bad actor code %r (upper-case letters/digits)" % code)
                continue
            if len(code) % 3:
                rep.error(where, "actor code %r is not made of three-letter parts" % code)
            if len(code) == 3 and persons_only:
                rep.warn(where, "bare code %r: a person line should carry a sector "
                                "(e.g. %sGOV)" % (code, code))
            pfield = fields[1].strip()
            kind = "name"
            m = KIND_RE.match(pfield)
            if m and " " not in m.group(1):
                kind = m.group(1).lower()
                pfield = m.group(2)
                if kind not in KINDS:
                    rep.error(where, "unknown kind %r (expected one of %s)"
                              % (kind, ", ".join(sorted(KINDS))))
                    continue
            if persons_only and kind != "person":
                rep.error(where, "kind is %r; every line of a persons file must be "
                                 "`person:`" % kind)
            phrases = [p.strip() for p in pfield.split(";")]
            if any(not p for p in phrases):
                rep.error(where, "empty phrase (stray ';'?)")
                phrases = [p for p in phrases if p]
                if not phrases:
                    continue
            seen = set()
            for p in phrases:
                n = norm(p)
                if n in seen:
                    rep.warn(where, "phrase %r listed twice on this line" % p)
                seen.add(n)
                if " " not in n:
                    if n in RISKY_SINGLE:
                        rep.warn(where, "one-word phrase %r is a common name or word" % p)
                    elif len(n) <= 2 and n not in SHORT_OK:
                        rep.warn(where, "very short phrase %r" % p)
            start = end = None
            if len(fields) == 3:
                rtext = fields[2].strip()
                m = RANGE_RE.match(rtext)
                if not m:
                    rep.error(where, "bad date range %r (expected [YYYY-MM-DD..YYYY-MM-DD], "
                                     "either end may be empty)" % rtext)
                    continue
                bad = False
                if m.group(1):
                    start = parse_date(m.group(1))
                    if start is None:
                        rep.error(where, "FROM %r is not a valid date" % m.group(1))
                        bad = True
                if m.group(2):
                    end = parse_date(m.group(2))
                    if end is None:
                        rep.error(where, "TO %r is not a valid date" % m.group(2))
                        bad = True
                if bad:
                    continue
                if start and end and start > end:
                    rep.error(where, "FROM %s is after TO %s" % (start, end))
                    continue
            elif persons_only:
                rep.warn(where, "person line without a [FROM..TO] range holds for all dates")
            entries.append(Entry(path, lineno, code, kind, phrases, start, end, raw))
    return entries


def check_conflicts(entries, rep):
    by_phrase = defaultdict(list)
    for e in entries:
        for p in {norm(p) for p in e.phrases}:
            by_phrase[p].append(e)
    reported_people = set()
    for phrase, es in sorted(by_phrase.items()):
        for i in range(len(es)):
            for j in range(i + 1, len(es)):
                a, b = es[i], es[j]
                if not overlaps(a, b):
                    continue
                if a.code != b.code:
                    rep.error(b.where(), "phrase %r is %s %s here but %s %s at line %d "
                              "(overlapping dates, different codes)"
                              % (phrase, b.code, b.span(), a.code, a.span(), a.lineno))
                elif a.person != b.person:
                    key = (phrase, a.person, b.person)
                    if key not in reported_people:
                        reported_people.add(key)
                        rep.warn(b.where(), "phrase %r is shared with a different person "
                                 "(%r, line %d) over overlapping dates"
                                 % (phrase, a.phrases[0], a.lineno))


def summary(entries):
    persons = {e.person for e in entries}
    codes = Counter(e.code for e in entries)
    countries = Counter(e.code[:3] for e in entries)
    open_end = sum(1 for e in entries if e.end is None)
    not_known = sum(1 for e in entries if "later end not known" in e.raw)
    phrases = {norm(p) for e in entries for p in e.phrases}
    lines = [
        "person-office lines: %d" % len(entries),
        "distinct persons:    %d (keyed by each line's first phrase)" % len(persons),
        "distinct phrases:    %d" % len(phrases),
        "codes:               %d (%d country/IGO prefixes)" % (len(codes), len(countries)),
        "open-ended ranges:   %d" % open_end,
        "'later end not known' ranges (extend when verified): %d" % not_known,
        "lines per code: " + ", ".join("%s %d" % kv for kv in sorted(
            codes.items(), key=lambda kv: (-kv[1], kv[0]))),
    ]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help="`.actors` files (default: data/dict/persons*.actors)")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--quiet", action="store_true", help="print only problems and the verdict")
    ap.add_argument("--any-kind", action="store_true",
                    help="do not require `person:` on every line (for other .actors files)")
    args = ap.parse_args(argv)
    files = args.files
    if not files:
        ddir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             os.pardir, "data", "dict"))
        files = sorted(os.path.relpath(os.path.join(ddir, f)) for f in os.listdir(ddir)
                       if f.startswith("persons") and f.endswith(".actors"))
    rep = Report(args.quiet)
    entries = []
    for f in files:
        entries.extend(parse_file(f, rep, persons_only=not args.any_kind))
    check_conflicts(entries, rep)
    for msg in rep.errors + rep.warnings:
        print(msg)
    if not args.quiet:
        print(summary(entries))
    failed = bool(rep.errors) or (args.strict and bool(rep.warnings))
    print("%s: %d error(s), %d warning(s)" % ("FAIL" if failed else "OK",
                                             len(rep.errors), len(rep.warnings)))
    return 1 if failed else 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    sys.exit(main())
