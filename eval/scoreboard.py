#!/usr/bin/python3
"""The scoreboard behind `make eval`: runs every registered scorer against dyad and prints one
table (set, measure, figure, target, anchor, status), and writes it to eval/results.json.

Adding a data set: write eval/<name>.py with
    SET       the set's name as shown in the table
    MEASURES  [(key, label, target or None, anchor or None, who holds the anchor or None)]
    available(shared) -> (bool, path)      is the set's data there?
    score(shared, dyad, dict_dir=None) -> dict holding each MEASURES key (a float or None),
                                          and optionally "n": {key: items scored}
and add <name> to SCORERS below. Rows of a set whose data is missing print
"skipped (no SHARED data)"; a row's status is pass (figure >= target), below, info (no
target: a diagnostic figure) or skipped.

Usage: eval/scoreboard.py [--shared PATH] [--dyad PATH] [--out eval/results.json]
                          [--only NAME ...] [--dict-for NAME=DIR ...] [--fail-below]
Exit status: 0, or 2 when a scorer failed (dyad missing or crashed), or 1 with --fail-below
when a row with a target is below it.
"""

import argparse
import datetime
import importlib
import json
import os
import signal
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

# The registry: one module per data set, in table order.
SCORERS = [
    "plover_gold",
    "plover_gold_phoenix",
    "case2021",
    "petrarch_gsr",
    "petrarch_gsr_phoenix",
    "petrarch_unittest",
    "tabari_validation",
    "lgl_geo",
    "event_location",
    "timebank_eval",
    "polnear_eval",
    "extraction_wcxb",
    "extraction_readability",
    "ud_eval",
]


def status_of(value, target):
    if value is None:
        return "skipped"
    if target is None:
        return "info"
    return "pass" if value >= target - 1e-12 else "below"


def run_scorer(name, shared, dyad, dict_dir=None):
    """Rows of one scorer: [{"set", "measure", "value", "target", "anchor", "anchor_by",
    "status", "n", "note"}]; and an error string or None."""
    mod = importlib.import_module(name)
    base = [{"set": mod.SET, "measure": label, "key": key, "value": None, "target": target,
             "anchor": anchor, "anchor_by": anchor_by, "status": "skipped", "n": None,
             "note": None, "scorer": name}
            for key, label, target, anchor, anchor_by in mod.MEASURES]
    ok, path = mod.available(shared)
    if not ok:
        for r in base:
            r["note"] = "skipped (no SHARED data)"
        return base, None
    if not dyadrun.dyad_available(dyad):
        for r in base:
            r["note"] = "skipped (no dyad binary at %s)" % dyadrun.dyad_path(dyad)
        return base, "no dyad binary at %s" % dyadrun.dyad_path(dyad)
    t0 = time.time()
    try:
        kwargs = {"dict_dir": dict_dir} if dict_dir else {}
        result = mod.score(shared, dyad, **kwargs)
    except Exception as e:  # a scorer failing must not hide the other rows
        msg = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, dyadrun.DyadError):
            traceback.print_exc()
        for r in base:
            r["note"] = "error: %s" % msg.splitlines()[0]
        return base, msg
    seconds = time.time() - t0
    counts = result.get("n") or {}
    for r in base:
        v = result.get(r["key"])
        r["value"] = round(v, 4) if isinstance(v, float) else v
        r["status"] = status_of(r["value"], r["target"])
        r["n"] = counts.get(r["key"])
        r["seconds"] = round(seconds, 2)
        if dict_dir:
            r["note"] = "dict %s" % dict_dir
    return base, None


def render(rows, out=sys.stdout):
    f = dyadrun.fmt
    head = ("set", "measure", "figure", "target", "anchor", "n", "status")
    table = []
    for r in rows:
        anchor = "-" if r["anchor"] is None else (
            "%s %s" % (r["anchor_by"], f(r["anchor"], 2)) if r["anchor_by"] else f(r["anchor"]))
        status = r["status"]
        if status == "skipped" and r.get("note"):
            status = r["note"]
        table.append((r["set"], r["measure"], f(r["value"]),
                      "-" if r["target"] is None else f(r["target"], 2), anchor,
                      "-" if r["n"] is None else str(r["n"]), status))
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h)
              for i, h in enumerate(head)]
    line = "  ".join("%-*s" % (w, h) for w, h in zip(widths, head))
    out.write(line.rstrip() + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for t in table:
        out.write("  ".join("%-*s" % (w, c) for w, c in zip(widths, t)).rstrip() + "\n")


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED,
                    help="shared/ folder (or its data/ folder); default ../shared")
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD, help="dyad binary (build/dyad)")
    ap.add_argument("--out", default=os.path.join(dyadrun.REPO_ROOT, "eval", "results.json"),
                    help="where to write the machine-readable rows ('' or '-' for nowhere)")
    ap.add_argument("--only", nargs="*", metavar="NAME", help="run only these scorers")
    ap.add_argument("--dict-for", action="append", default=[], metavar="NAME=DIR",
                    help="pass --dict DIR to dyad for scorer NAME (e.g. petrarch_gsr=...phoenix)")
    ap.add_argument("--fail-below", action="store_true",
                    help="exit 1 when a row with a target is below it")
    a = ap.parse_args(argv)
    dicts = {}
    for spec in a.dict_for:
        name, _, path = spec.partition("=")
        if not path:
            ap.error("--dict-for wants NAME=DIR, got %r" % spec)
        dicts[name] = path
    names = a.only or SCORERS
    unknown = [n for n in names if n not in SCORERS]
    if unknown:
        ap.error("unknown scorer(s): %s (known: %s)" % (", ".join(unknown), ", ".join(SCORERS)))
    rows, errors = [], []
    for name in names:
        r, err = run_scorer(name, a.shared, a.dyad, dicts.get(name))
        rows += r
        if err:
            errors.append("%s: %s" % (name, err))
    render(rows)
    for e in errors:
        print("error: %s" % e, file=sys.stderr)
    if a.out and a.out != "-":
        doc = {"generated": datetime.datetime.now(datetime.timezone.utc)
               .isoformat(timespec="seconds"),
               "rows": [{k: r.get(k) for k in ("set", "measure", "value", "target", "anchor",
                                               "anchor_by", "status", "n", "note", "scorer",
                                               "key")} for r in rows]}
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        with open(a.out, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    if errors:
        return 2
    if a.fail_below and any(r["status"] == "below" for r in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
