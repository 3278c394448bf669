#!/usr/bin/python3
"""Article extraction on Mozilla Readability's test pages (extraction/readability-pages: 43
pages, each source.html + expected.html + expected-metadata.json): `dyad extract` on every
source.html in one run.

- text F1 (macro): lower-cased \\w+ word bags of dyad's "text" against the text of
  expected.html (its character data, tags dropped), per page, averaged. Target 0.95.
- published day: dyad's date equals the first 10 characters of `publishedTime` (ISO, or a
  date-time whose day is read from its leading YYYY-MM-DD), over pages that give one.
- byline: over pages whose `byline` is given, dyad gives at least one author and every word
  of its authors is a word of the byline (lower-cased \\w+; "By", dates and affiliations in
  the expected byline are allowed).

Usage: eval/extraction_readability.py [--shared P] [--dyad B] [--errors]
"""

import argparse
import glob
import html.parser
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import extraction_common as xc  # noqa: E402

SET = "Readability pages (extraction)"
MEASURES = [
    ("f1", "text F1 (macro)", 0.95, None, None),
    ("date", "published day", None, None, None),
    ("byline", "byline", None, None, None),
]


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(s):
    p = _Text()
    p.feed(s)
    p.close()
    return " ".join("".join(p.parts).split())


def folder(shared):
    return os.path.join(dyadrun.data_dir(shared), "extraction", "readability-pages")


def available(shared):
    f = folder(shared)
    return bool(glob.glob(os.path.join(f, "*", "source.html"))), f


def load(shared):
    items = []
    for src in sorted(glob.glob(os.path.join(folder(shared), "*", "source.html"))):
        d = os.path.dirname(src)
        with open(os.path.join(d, "expected.html"), encoding="utf-8", errors="replace") as f:
            gold = html_text(f.read())
        meta = {}
        mp = os.path.join(d, "expected-metadata.json")
        if os.path.exists(mp):
            with open(mp, encoding="utf-8") as f:
                meta = json.load(f)
        items.append((os.path.basename(d), src, gold, meta))
    return items


def day(s):
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", s or "")
    return m.group(1) if m else None


def byline_ok(authors, byline):
    want = set(re.findall(r"\w+", byline.lower()))
    got = re.findall(r"\w+", " ".join(authors or []).lower())
    return bool(got) and all(w in want for w in got)


def score_pages(items, pages):
    f1s, rows = [], []
    dates = n_date = bylines = n_byline = 0
    for name, src, gold, meta in items:
        page = pages.get(src) or {}
        p, r, f = xc.prf(xc.words(page.get("text")), xc.words(gold))
        f1s.append(f)
        row = {"id": name, "p": p, "r": r, "f1": f}
        if day(meta.get("publishedTime")):
            n_date += 1
            ok = (page.get("date") or "") == day(meta["publishedTime"])
            dates += ok
            if not ok:
                row["date"] = (page.get("date"), meta["publishedTime"])
        if meta.get("byline"):
            n_byline += 1
            ok = byline_ok(page.get("authors"), meta["byline"])
            bylines += ok
            if not ok:
                row["byline"] = (page.get("authors"), meta["byline"])
        rows.append(row)
    return {"f1": xc.mean(f1s), "date": dyadrun.ratio(dates, n_date),
            "byline": dyadrun.ratio(bylines, n_byline),
            "n": {"f1": len(f1s), "date": n_date, "byline": n_byline}}, rows


def score(shared, dyad, dict_dir=None):
    items = load(shared)
    pages = xc.run_extract([src for _, src, _, _ in items], dyad)
    res, _ = score_pages(items, pages)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--errors", action="store_true", help="print each page's figures")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data at %s)" % path)
        return 0
    items = load(a.shared)
    pages = xc.run_extract([src for _, src, _, _ in items], a.dyad)
    res, rows = score_pages(items, pages)
    for key, label, target, _, _ in MEASURES:
        print("%-20s %s%s" % (label, dyadrun.fmt(res.get(key)),
                              "" if target is None else "  (target %.2f)" % target))
    if a.errors:
        for row in sorted(rows, key=lambda r: r["f1"]):
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
