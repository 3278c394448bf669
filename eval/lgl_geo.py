#!/usr/bin/python3
"""Scores dyad's toponym resolution on LGL (geo/lgl.xml: 588 local-news articles, 5,088 gold
toponyms, 4,462 of them with GeoNames coordinates).

Every article goes to `dyad geo` in one JSONL run (id = docid, text = <text>). A gold toponym
is matched by the dyad place whose [start, end) overlaps its span the most (offsets are code
points; any overlap counts, so "Kursk region" meets a gold "Kursk").

  accuracy@161km   share of gold toponyms with coordinates for which the matched dyad place
                   lies within 161 km (100 miles) of the gold point. A toponym dyad missed, or
                   matched with a place it could not locate, counts as wrong. (End to end:
                   detection and resolution together.)
  median error km  median distance over the gold toponyms dyad matched with a located place.
  detection recall share of all gold toponyms (with or without coordinates) overlapped by a
                   dyad place.
  detection precision share of dyad places overlapping some gold toponym. LGL does not mark
                   every place name of a text, so this is a lower bound.

Usage: eval/lgl_geo.py [--shared PATH] [--dyad PATH] [--errors N] [--file OTHER.xml]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import os
import signal
import statistics
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import georun  # noqa: E402

SET = "LGL toponyms"
DATA = ("geo", "lgl.xml")
KM = 161.0

MEASURES = [
    ("accuracy_161", "accuracy@161km (end to end)", 0.80, None, None),
    ("median_error_km", "median error km (matched)", None, None, None),
    ("detection_recall", "detection recall", None, None, None),
    ("detection_precision", "detection precision", None, None, None),
]


def load_gold(path):
    """[{"id", "text", "toponyms": [{"start", "end", "phrase", "lat", "lon"}]}]; lat/lon None
    for toponyms LGL left without a gazetteer entry."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for tp in art.iter("toponym"):
            g = tp.find("gaztag")
            lat = lon = None
            if g is not None and g.findtext("lat") and g.findtext("lon"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
            tops.append({"start": int(tp.findtext("start")), "end": int(tp.findtext("end")),
                         "phrase": tp.findtext("phrase"), "lat": lat, "lon": lon})
        docs.append({"id": art.get("docid"), "text": text, "toponyms": tops})
    return docs


def best_place(places, start, end):
    best, best_ov = None, 0
    for p in places:
        ov = georun.overlap(start, end, p.get("start", 0), p.get("end", 0))
        if ov > best_ov:
            best, best_ov = p, ov
    return best


def score_docs(gold, results):
    """Pure scoring: gold documents and dyad geo output by id -> dict of measures."""
    located = correct = 0
    errors_km = []
    gold_all = detected = 0
    pred_all = pred_hit = 0
    rows = []
    for d in gold:
        places = (results.get(str(d["id"])) or {}).get("places") or []
        for t in d["toponyms"]:
            gold_all += 1
            p = best_place(places, t["start"], t["end"])
            if p is not None:
                detected += 1
            if t["lat"] is None:
                continue
            located += 1
            err = None
            if p is not None and p.get("lat") is not None and p.get("lon") is not None:
                err = georun.distance_km(t["lat"], t["lon"], p["lat"], p["lon"])
                errors_km.append(err)
                if err <= KM:
                    correct += 1
            rows.append({"doc": d["id"], "phrase": t["phrase"], "err": err,
                         "dyad": None if p is None else "%s (%s, %s)" % (
                             p.get("name"), p.get("feature"), p.get("country"))})
        for p in places:
            pred_all += 1
            if any(georun.overlap(t["start"], t["end"], p["start"], p["end"])
                   for t in d["toponyms"]):
                pred_hit += 1
    return {
        "accuracy_161": dyadrun.ratio(correct, located),
        "median_error_km": statistics.median(errors_km) if errors_km else None,
        "detection_recall": dyadrun.ratio(detected, gold_all),
        "detection_precision": dyadrun.ratio(pred_hit, pred_all),
        "n": {"accuracy_161": located, "median_error_km": len(errors_km),
              "detection_recall": gold_all, "detection_precision": pred_all},
        "rows": rows,
    }


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None, path=None):
    if path is None:
        ok, path = available(shared)
        if not ok:
            raise FileNotFoundError(path)
    gold = load_gold(path)
    results, _ = georun.run_geo([{"id": d["id"], "text": d["text"]} for d in gold], dyad=dyad)
    return score_docs(gold, results)


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    ap.add_argument("--file", help="another set in LGL's XML form (e.g. geo/TR-News.xml)")
    a = ap.parse_args(argv)
    r = score(a.shared, a.dyad, path=a.file)
    f = dyadrun.fmt
    print("%s: accuracy@161km %s (n %d)  median error %s km  detection R %s P %s"
          % (os.path.basename(a.file) if a.file else "LGL", f(r["accuracy_161"]), r["n"]["accuracy_161"], f(r["median_error_km"], 1),
             f(r["detection_recall"]), f(r["detection_precision"])))
    if a.errors:
        from collections import Counter
        c = Counter((row["phrase"], row["dyad"]) for row in r["rows"]
                    if row["err"] is None or row["err"] > KM)
        for (phrase, dy), n in c.most_common(a.errors):
            print("%4d  %-30s -> %s" % (n, phrase, dy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
