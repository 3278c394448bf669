#!/usr/bin/python3
"""Scores dyad on TABARI's validation suite with its demo dictionaries
(events/tabari-validation/Validate.project: Validate.text records, TABARI.Demo.verbs and
.actors, Validate.agents and .options), through `dyad validate tabari FILE --json`.

The headline is the share of records carrying expected codings ("{ SRC / TGT / CODE }")
whose set of (source, target, code) triples dyad matches exactly. Records expecting no events
({---}, {+++}, {###}) are scored apart. Records after FINAL-01 (the suite's end: they need
other settings or crashed TABARI) and records holding only OPTION settings are not
evaluated; OPTION settings apply to the records after them as in TABARI.

TABARI itself passes every record.

Usage: eval/tabari_validation.py [--shared PATH] [--dyad PATH] [--failures] [--json F]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import petrarch_unittest  # noqa: E402

SET = "TABARI validation"
DATA = ("events", "tabari-validation", "Validate.project")

MEASURES = [
    ("with_codings_share", "share exact, records with codings", 0.85, 1.0, "TABARI"),
    ("expecting_none_share", "share right, records expecting none", None, 1.0, "TABARI"),
    ("records_exact_share", "share exact, all records", None, 1.0, "TABARI"),
]


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    result = petrarch_unittest.run_validate("tabari", path, dyad, dict_dir)
    return petrarch_unittest.measures(result)


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--failures", action="store_true", help="list the failing record ids")
    ap.add_argument("--json", help="also write the measures as JSON to this file")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data): %s not found" % path)
        return 0
    try:
        r = score(a.shared, a.dyad)
    except dyadrun.DyadError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    f = dyadrun.fmt
    print("%s: records with codings exact %s (of %d); expecting none %s (of %d); "
          "all %d of %d; %d not evaluated"
          % (SET, f(r["with_codings_share"]), r["n"]["with_codings_share"],
             f(r["expecting_none_share"]), r["n"]["expecting_none_share"],
             r["records_exact"], r["n"]["records_exact"], r["skipped"]))
    if a.failures:
        print("  failing: %s" % " ".join(r["failures"]))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as out:
            json.dump(r, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
