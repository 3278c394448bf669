"""Helpers shared by the extraction scorers: one `dyad extract` run over a list of pages, and
the word-bag measures (lower-cased `\\w+` tokens, multiset overlap), as WCXB scores them.

Standard library only; runs under /usr/bin/python3 (3.11).
"""

import collections
import json
import os
import re
import subprocess
import tempfile
import unicodedata

import dyadrun

_WORD = re.compile(r"\w+")


def words(text):
    """Bag of lower-cased \\w+ tokens."""
    return collections.Counter(_WORD.findall((text or "").lower()))


def prf(pred, gold):
    """(precision, recall, F1) of two word bags; an empty side scores 0 unless both are."""
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    if not pred or not gold:
        return 0.0, 0.0, 0.0
    overlap = sum((pred & gold).values())
    p = overlap / sum(pred.values())
    r = overlap / sum(gold.values())
    return p, r, (2 * p * r / (p + r)) if p + r else 0.0


def norm_snippet(s):
    """Snippet text for containment: NFKC, lower-cased, white space collapsed."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    return " ".join(s.split())


def contains(text_norm, snippet):
    sn = norm_snippet(snippet)
    return bool(sn) and sn in text_norm


# Typographic quote marks and their ASCII forms. The WCXB gold titles treat them as one
# character: where the page writes an apostrophe as U+2019, the gold has "'" in 27 titles and
# U+2019 in 16, so no extractor can tell which.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u02bc": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"', "\u201f": '"', "\u2033": '"'})


def norm_title(s):
    """Title for the exact comparison: NFKC (as snippets; "\u2026" is "...", "\uff1f" is "?"),
    typographic quotes as ASCII, white space collapsed. Case, dashes and words count."""
    return " ".join(unicodedata.normalize("NFKC", s or "").translate(_QUOTES).split())


def run_extract(paths, dyad=None, timeout=1800):
    """Runs `dyad extract --files-from LIST`; returns {input path: page object}."""
    exe = dyadrun.dyad_path(dyad)
    if not dyadrun.dyad_available(exe):
        raise dyadrun.DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    with tempfile.TemporaryDirectory(prefix="dyad-extract-") as tmp:
        lst = os.path.join(tmp, "files.txt")
        out = os.path.join(tmp, "pages.jsonl")
        with open(lst, "w", encoding="utf-8") as f:
            for p in paths:
                f.write(p + "\n")
        cmd = [exe, "extract", "--files-from", lst, "--out", out]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            raise dyadrun.DyadError("dyad extract timed out after %ss" % timeout)
        if proc.returncode < 0 or not os.path.exists(out):
            raise dyadrun.DyadError("dyad extract exited %d\n  stderr: %s" % (
                proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
        pages = {}
        with open(out, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                pages.setdefault(obj.get("file"), obj)
    return pages


def mean(xs):
    xs = list(xs)
    return (sum(xs) / len(xs)) if xs else None
