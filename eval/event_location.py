#!/usr/bin/python3
"""Scores where dyad places an event: the 496 relabelled gold sentences of the event_location
set (geo/labeled_text.jsonl.zip, records with "source": "RELABEL"; Halterman's event_location
data), each with one event verb and the span(s) of the place where that event happened, or no
place at all when the sentence does not say where.

Every sentence goes to `dyad geo` in one JSONL run with its verb span ({"id", "text", "verb":
{"start", "end"}}); dyad answers with its places and "event_place", the index of the place it
attaches to the event (or null).

Spans. The file's character offsets of the LOCATION spans are unreliable in this subset (in 215
of 372 the "start"/"end" fields hold token indices), while "token_start"/"token_end" always agree
with the span's text; so every gold span (verb and location) is taken from its tokens:
[tokens[token_start].start, tokens[token_end].end), in code points.

  event location accuracy  share of the sentences where dyad is right: the sentence has gold
                           locations and dyad's event place overlaps one of them (any shared
                           character), or it has none and dyad attaches no place.
  with a gold location     the same over the sentences that have one (the place found).
  without a gold location  the same over the sentences that have none (no place invented).

Records without a VERB span (2) are left out.

Usage: eval/event_location.py [--shared PATH] [--dyad PATH] [--errors]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import json
import os
import signal
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import georun  # noqa: E402

SET = "event_location relabelled"
DATA = ("geo", "labeled_text.jsonl.zip")

MEASURES = [
    ("accuracy", "event location accuracy", 0.75, None, None),
    ("accuracy_located", "accuracy, with a gold location", None, None, None),
    ("accuracy_unlocated", "accuracy, without a gold location", None, None, None),
]


def _token_span(rec, s):
    toks = rec["tokens"]
    return toks[s["token_start"]]["start"], toks[s["token_end"]]["end"]


def load_gold(path):
    """[{"id", "text", "verb": (start, end), "locations": [(start, end)]}] of the RELABEL set."""
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist()
                    if n.endswith("labeled_text.jsonl") and not n.startswith("__MACOSX"))
        records = json.loads(z.read(name).decode("utf-8"))
    out = []
    for i, rec in enumerate(records):
        if rec.get("source") != "RELABEL":
            continue
        spans = rec.get("spans") or []
        verbs = [_token_span(rec, s) for s in spans if s.get("label") == "VERB"]
        if not verbs:
            continue
        locs = [_token_span(rec, s) for s in spans if s.get("label") == "LOCATION"]
        out.append({"id": "%d" % i, "text": rec["text"], "verb": verbs[0], "locations": locs})
    return out


def score_records(gold, results):
    """Pure scoring: gold records and dyad geo output by id -> dict of measures."""
    right = right_loc = right_none = n_loc = n_none = 0
    rows = []
    for g in gold:
        r = results.get(g["id"]) or {}
        places = r.get("places") or []
        idx = r.get("event_place")
        place = places[idx] if isinstance(idx, int) and 0 <= idx < len(places) else None
        if g["locations"]:
            n_loc += 1
            ok = place is not None and any(
                georun.overlap(a, b, place["start"], place["end"]) for a, b in g["locations"])
            right_loc += ok
        else:
            n_none += 1
            ok = place is None
            right_none += ok
        right += ok
        rows.append({"id": g["id"], "ok": ok, "text": g["text"],
                     "verb": g["text"][g["verb"][0]:g["verb"][1]],
                     "gold": [g["text"][a:b] for a, b in g["locations"]],
                     "dyad": None if place is None else place.get("text")})
    n = len(gold)
    return {"accuracy": dyadrun.ratio(right, n),
            "accuracy_located": dyadrun.ratio(right_loc, n_loc),
            "accuracy_unlocated": dyadrun.ratio(right_none, n_none),
            "n": {"accuracy": n, "accuracy_located": n_loc, "accuracy_unlocated": n_none},
            "rows": rows}


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    gold = load_gold(path)
    docs = [{"id": g["id"], "text": g["text"],
             "verb": {"start": g["verb"][0], "end": g["verb"][1]}} for g in gold]
    results, _ = georun.run_geo(docs, dyad=dyad)
    return score_records(gold, results)


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--errors", action="store_true", help="print the sentences dyad got wrong")
    a = ap.parse_args(argv)
    r = score(a.shared, a.dyad)
    f = dyadrun.fmt
    print("event_location relabelled: accuracy %s (n %d); with a gold location %s (n %d), "
          "without %s (n %d)" % (f(r["accuracy"]), r["n"]["accuracy"], f(r["accuracy_located"]),
                                 r["n"]["accuracy_located"], f(r["accuracy_unlocated"]),
                                 r["n"]["accuracy_unlocated"]))
    if a.errors:
        for row in r["rows"]:
            if not row["ok"]:
                print("- [%s] gold %s dyad %s | %s" % (row["verb"], row["gold"], row["dyad"],
                                                      row["text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
