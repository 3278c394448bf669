#!/usr/bin/python3
"""The PETRARCH-2 gold standard (petrarch_gsr.py) coded with the Phoenix dictionaries the set
was made with (events/phoenix: CAMEO.2.0 verbs, Phoenix actors, agents, discards, issues),
read by dyad's PETRARCH readers. Same records and matching rules as petrarch_gsr.py; the only
difference is `dyad code --dict <shared>/data/events/phoenix`.

PETRARCH2 scores P 0.77 R 0.69 F1 0.73 on 73 of these sentences (shared/data/README.md).

Usage: eval/petrarch_gsr_phoenix.py [--shared PATH] [--dyad PATH] [--verbose] [--errors]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402
import petrarch_gsr  # noqa: E402

SET = "PETRARCH GSR (Phoenix dict)"
PHOENIX = ("events", "phoenix")

MEASURES = [
    ("precision", "P (strict codes)", None, 0.77, "PETRARCH2"),
    ("recall", "R (strict codes)", None, 0.69, "PETRARCH2"),
    ("f1", "F1 (strict codes)", 0.80, 0.73, "PETRARCH2"),
    ("lenient_f1", "F1 (country + root)", None, None, None),
]


def phoenix_dir(shared):
    return os.path.join(dyadrun.data_dir(shared), *PHOENIX)


def available(shared):
    ok, path = petrarch_gsr.available(shared)
    if not ok:
        return ok, path
    d = phoenix_dir(shared)
    return os.path.isdir(d), path if os.path.isdir(d) else d


def score(shared=None, dyad=None, dict_dir=None):
    return petrarch_gsr.score(shared, dyad, dict_dir or phoenix_dir(shared))


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    shared = dyadrun.DEFAULT_SHARED
    if "--shared" in argv:
        shared = argv[argv.index("--shared") + 1]
    if "--dict" not in argv:
        argv += ["--dict", phoenix_dir(shared)]
    return petrarch_gsr.main(argv)


if __name__ == "__main__":
    sys.exit(main())
