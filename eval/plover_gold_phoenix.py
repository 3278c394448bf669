#!/usr/bin/python3
"""The PLOVER gold-standard records (plover_gold.py) coded with the Phoenix dictionaries
(events/phoenix, read by dyad's PETRARCH readers) instead of dyad's own. Same records and
matching rules as plover_gold.py; the PLOVER event of each dyad event comes from dyad's CAMEO
table (the Phoenix verbs carry CAMEO codes only).

Usage: eval/plover_gold_phoenix.py [--shared PATH] [--dyad PATH] [--verbose] [--errors]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import plover_gold  # noqa: E402

SET = "PLOVER gold (Phoenix dict)"
PHOENIX = ("events", "phoenix")
MEASURES = plover_gold.MEASURES


def phoenix_dir(shared):
    return os.path.join(dyadrun.data_dir(shared), *PHOENIX)


def available(shared):
    ok, path = plover_gold.available(shared)
    if not ok:
        return ok, path
    d = phoenix_dir(shared)
    return os.path.isdir(d), path if os.path.isdir(d) else d


def score(shared=None, dyad=None, dict_dir=None):
    return plover_gold.score(shared, dyad, dict_dir or phoenix_dir(shared))


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    shared = dyadrun.DEFAULT_SHARED
    if "--shared" in argv:
        shared = argv[argv.index("--shared") + 1]
    if "--dict" not in argv:
        argv += ["--dict", phoenix_dir(shared)]
    return plover_gold.main(argv)


if __name__ == "__main__":
    sys.exit(main())
