#!/usr/bin/python3
"""Writes the unlabeled text that `dyad train` learns word clusters from: one paragraph per
line, from the shared news corpora and the training half of UD English EWT.

    tools/nlp_corpus.py [--shared ../shared] > /tmp/dyad-corpus.txt

Sources (each skipped, with a note on stderr, when absent): BBC News (corpora/bbc), Reuters-21578
(corpora/reuters21578), Guardian sample (corpora/guardian), PolNeAR article texts
(quotes/polnear/{train,dev}/text), LGL and TR-News articles (geo/), WCXB main contents
(extraction/wcxb-dev/ground-truth), and the `# text` lines of ud/ewt/en_ewt-ud-train.conllu.
Left out on purpose: EWT dev/test (evaluation), GUM and GeoVirus (Wikinews, the source of the
GUM news documents used for evaluation). Only the clusters derived from it are kept in the
models; no text is.

Standard library only.
"""

import argparse
import csv
import glob
import gzip
import html
import json
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO_ROOT, "bench"))
import run_bench  # noqa: E402  (the Reuters reader)


def data_dir(shared):
    return os.path.join(shared, "data") if os.path.isdir(os.path.join(shared, "data")) else shared


def paragraphs(text):
    for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        p = " ".join(p.split())
        if p:
            yield p


def bbc(d):
    csv.field_size_limit(1 << 30)
    for name in ("train", "val", "test"):
        path = os.path.join(d, "corpora", "bbc", name + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield from paragraphs(row.get("text") or "")


def reuters(d):
    for path in sorted(glob.glob(os.path.join(d, "corpora", "reuters21578", "reut2-*.sgm*"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            sgml = f.read().decode("latin-1")
        for doc in run_bench.parse_reuters(sgml):
            if doc["title"]:
                yield " ".join(doc["title"].split())
            yield from paragraphs(doc["text"])


def guardian(d):
    csv.field_size_limit(1 << 30)
    for path in glob.glob(os.path.join(d, "corpora", "guardian", "*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield from paragraphs(row.get("text") or "")


def polnear(d):
    for path in sorted(glob.glob(os.path.join(d, "quotes", "polnear", "*", "text", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            yield from paragraphs(f.read())


def geo(d):
    for name in ("lgl.xml", "TR-News.xml"):
        path = os.path.join(d, "geo", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            xml = f.read()
        for m in re.finditer(r"<text>(.*?)</text>", xml, re.S):
            t = m.group(1)
            t = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", t)
            yield from paragraphs(html.unescape(t))


def wcxb(d):
    for path in sorted(glob.glob(os.path.join(d, "extraction", "wcxb-dev", "ground-truth",
                                              "*.json"))):
        with open(path, encoding="utf-8") as f:
            g = (json.load(f).get("ground_truth") or {})
        yield from paragraphs(g.get("main_content") or "")


def ewt_train(d):
    path = os.path.join(d, "ud", "ewt", "en_ewt-ud-train.conllu")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = "):].strip()


SOURCES = [("bbc", bbc), ("reuters", reuters), ("guardian", guardian), ("polnear", polnear),
           ("geo", geo), ("wcxb", wcxb), ("ewt-train", ewt_train)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO_ROOT), "shared"))
    a = ap.parse_args(argv)
    d = data_dir(a.shared)
    out = sys.stdout
    for name, source in SOURCES:
        n = words = 0
        for p in source(d):
            out.write(p + "\n")
            n += 1
            words += p.count(" ") + 1
        print("nlp_corpus: %s: %d paragraphs, %d words" % (name, n, words), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
