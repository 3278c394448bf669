#!/usr/bin/python3
"""Article extraction on the WCXB dev split (extraction/wcxb-dev: 793 pages, html.gz + ground
truth): `dyad extract` on every page in one run, compared with the gold.

- word-bag F1 (macro): lower-cased \\w+ tokens of dyad's "text" against `main_content`,
  precision/recall/F1 per page, averaged over pages (the page without `main_content` is
  skipped). Anchors: trafilatura 0.934, Readability.js 0.923.
- `without` snippets dropped: share of the gold's boilerplate snippets NOT found in dyad's text
  (NFKC, lower-cased, white space collapsed, substring test); 1 - the "kept" share
  (target kept <= 3%, i.e. dropped >= 0.97; trafilatura keeps 4.9%).
- `with` snippets kept (info): share of the gold's content snippets found in dyad's text.
- title exact: dyad's title equals the gold title (white space collapsed, NFKC, typographic
  quotes as ASCII: the gold writes a page's U+2019 as "'" in 27 titles and keeps it in 16).
- published day: dyad's date equals the gold `publish_date` (first 10 characters), over the
  pages whose gold has a date.
- author (info): one of dyad's authors equals the gold author (case-insensitive), over pages
  whose gold has an author.

Usage: eval/extraction_wcxb.py [--shared P] [--dyad B] [--errors N]
"""

import argparse
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import extraction_common as xc  # noqa: E402

SET = "WCXB dev (extraction)"
MEASURES = [
    ("f1", "word-bag F1 (macro)", 0.94, 0.934, "trafilatura"),
    ("precision", "word-bag precision (macro)", None, None, None),
    ("recall", "word-bag recall (macro)", None, None, None),
    ("without_dropped", "`without` snippets dropped", 0.97, 0.951, "trafilatura"),
    ("with_kept", "`with` snippets kept", None, None, None),
    ("title", "title exact", 0.90, None, None),
    ("date", "published day", 0.85, None, None),
    ("author", "author", None, None, None),
]


def folder(shared):
    return os.path.join(dyadrun.data_dir(shared), "extraction", "wcxb-dev")


def available(shared):
    f = folder(shared)
    ok = os.path.isdir(os.path.join(f, "html")) and os.path.isdir(os.path.join(f, "ground-truth"))
    return ok, f


def load(shared):
    """[(page id, html path, ground truth dict)] in id order."""
    f = folder(shared)
    out = []
    for gt_path in sorted(glob.glob(os.path.join(f, "ground-truth", "*.json"))):
        pid = os.path.splitext(os.path.basename(gt_path))[0]
        html = os.path.join(f, "html", pid + ".html.gz")
        if not os.path.exists(html):
            continue
        with open(gt_path, encoding="utf-8") as fh:
            g = json.load(fh)
        out.append((pid, html, g.get("ground_truth") or {}))
    return out


def score_pages(items, pages):
    """Measures from [(id, path, gold)] and {path: dyad page}; also per-page rows."""
    f1s, ps, rs, rows = [], [], [], []
    without_total = without_kept = with_total = with_kept = 0
    titles = dates = authors = 0
    n_title = n_date = n_author = 0
    for pid, path, gt in items:
        page = pages.get(path) or {}
        text = page.get("text") or ""
        norm = xc.norm_snippet(text)
        row = {"id": pid}
        if gt.get("main_content") is not None:
            p, r, f = xc.prf(xc.words(text), xc.words(gt["main_content"]))
            ps.append(p)
            rs.append(r)
            f1s.append(f)
            row.update(p=p, r=r, f1=f)
        for s in gt.get("without") or []:
            without_total += 1
            if xc.contains(norm, s):
                without_kept += 1
                row.setdefault("kept_without", []).append(s)
        for s in gt.get("with") or []:
            with_total += 1
            with_kept += xc.contains(norm, s)
        if gt.get("title"):
            n_title += 1
            ok = xc.norm_title(page.get("title")) == xc.norm_title(gt["title"])
            titles += ok
            if not ok:
                row["title"] = (page.get("title"), gt["title"])
        if gt.get("publish_date"):
            n_date += 1
            ok = (page.get("date") or "")[:10] == str(gt["publish_date"])[:10]
            dates += ok
            if not ok:
                row["date"] = (page.get("date"), page.get("date_source"), gt["publish_date"])
        if gt.get("author"):
            n_author += 1
            gold = gt["author"].strip().lower()
            authors += any((a or "").strip().lower() == gold for a in page.get("authors") or [])
        rows.append(row)
    res = {
        "f1": xc.mean(f1s), "precision": xc.mean(ps), "recall": xc.mean(rs),
        "without_dropped": (1 - without_kept / without_total) if without_total else None,
        "with_kept": dyadrun.ratio(with_kept, with_total),
        "title": dyadrun.ratio(titles, n_title), "date": dyadrun.ratio(dates, n_date),
        "author": dyadrun.ratio(authors, n_author),
        "n": {"f1": len(f1s), "precision": len(f1s), "recall": len(f1s),
              "without_dropped": without_total, "with_kept": with_total, "title": n_title,
              "date": n_date, "author": n_author},
    }
    return res, rows


def score(shared, dyad, dict_dir=None):
    items = load(shared)
    pages = xc.run_extract([p for _, p, _ in items], dyad)
    res, _ = score_pages(items, pages)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--errors", type=int, default=0, help="print the N worst pages")
    ap.add_argument("--json", help="write per-page rows here")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data at %s)" % path)
        return 0
    items = load(a.shared)
    pages = xc.run_extract([p for _, p, _ in items], a.dyad)
    res, rows = score_pages(items, pages)
    for key, label, target, _, _ in MEASURES:
        print("%-32s %s%s" % (label, dyadrun.fmt(res.get(key)),
                              "" if target is None else "  (target %.2f)" % target))
    if a.errors:
        for row in sorted((r for r in rows if "f1" in r), key=lambda r: r["f1"])[:a.errors]:
            print("%s  F1 %.3f  P %.3f  R %.3f" % (row["id"], row["f1"], row["p"], row["r"]))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
