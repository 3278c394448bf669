#!/usr/bin/python3
"""Scores dyad on PETRARCH's own validation suite (events/petrarch-unittest/
PETR.UnitTest.records.xml with its PETR.Validate.* dictionaries), through
`dyad validate petrarch FILE --json`.

A record passes when dyad's set of (source, target, event code) triples equals the expected
set (codes upper-cased, a leading '---' dropped on both sides); a record expecting no events
passes when dyad codes none. Not evaluated: sentence="false" records, categories outside the
suite's <Include> list, and the two parse-error tests (EventCoding error="bad_input_parse"),
which feed a malformed parse tree dyad does not read. docs/dictionaries.md has the details.

Anchors from shared/data/README.md: PETRARCH-1 passes 212 of 277 records, PETRARCH2 85.

Usage: eval/petrarch_unittest.py [--shared PATH] [--dyad PATH] [--failures] [--json F]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import json
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "PETRARCH unit tests"
DATA = ("events", "petrarch-unittest", "PETR.UnitTest.records.xml")

MEASURES = [
    ("records_exact", "records coded exactly", 240, 212, "PETRARCH-1"),
    ("records_exact_share", "share coded exactly", 240 / 277, 85 / 277, "PETRARCH2"),
    ("with_codings_share", "share exact, records with codings", None, None, None),
    ("expecting_none_share", "share right, records expecting none", None, None, None),
]


def run_validate(kind, path, dyad=None, dict_dir=None, timeout=900):
    """Runs `dyad validate KIND PATH --json` and returns its JSON object."""
    exe = dyadrun.dyad_path(dyad)
    if not dyadrun.dyad_available(exe):
        raise dyadrun.DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    cmd = [exe, "validate", kind, path, "--json"]
    if dict_dir:
        cmd += ["--dict", dict_dir]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise dyadrun.DyadError("dyad timed out after %ss: %s" % (timeout, " ".join(cmd)))
    except OSError as e:
        raise dyadrun.DyadError("cannot run %s: %s" % (exe, e))
    # 0: every record passed, 1: some failed; anything else means it did not run.
    if proc.returncode not in (0, 1):
        raise dyadrun.DyadError("dyad validate exited %d\n  cmd: %s\n  stderr: %s"
                                % (proc.returncode, " ".join(cmd),
                                   proc.stderr.decode("utf-8", "replace")[-2000:]))
    try:
        return json.loads(proc.stdout.decode("utf-8", "replace"))
    except ValueError:
        raise dyadrun.DyadError("dyad validate wrote no JSON: %s" % " ".join(cmd))


def measures(result):
    """dyad validate's JSON -> the measures of this set."""
    n = result["evaluated"]
    coded = result["with_codings"]
    none = result["expecting_none"]
    return {
        "records_exact": result["passed"],
        "records_exact_share": dyadrun.ratio(result["passed"], n),
        "with_codings_share": dyadrun.ratio(coded["passed"], coded["evaluated"]),
        "expecting_none_share": dyadrun.ratio(none["passed"], none["evaluated"]),
        "n": {"records_exact": n, "records_exact_share": n,
              "with_codings_share": coded["evaluated"],
              "expecting_none_share": none["evaluated"]},
        "skipped": result["skipped"],
        "failures": [r["id"] for r in result["records"] if r["status"] == "fail"],
    }


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    return measures(run_validate("petrarch", path, dyad, dict_dir))


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
    print("%s: %d of %d records coded exactly (%s); with codings %s, expecting none %s; "
          "%d not evaluated" % (SET, r["records_exact"], r["n"]["records_exact"],
                                f(r["records_exact_share"]), f(r["with_codings_share"]),
                                f(r["expecting_none_share"]), r["skipped"]))
    print("  anchors: PETRARCH-1 212 of 277, PETRARCH2 85 of 277")
    if a.failures:
        print("  failing: %s" % " ".join(r["failures"]))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as out:
            json.dump(r, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
