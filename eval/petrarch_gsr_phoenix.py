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

MEASURES = [
    ("precision", "P (strict codes)", None, 0.77, "PETRARCH2"),
    ("recall", "R (strict codes)", None, 0.69, "PETRARCH2"),
    ("f1", "F1 (strict codes)", 0.80, 0.73, "PETRARCH2"),
    ("lenient_f1", "F1 (country + root)", None, None, None),
]


phoenix_dir = dyadrun.phoenix_dir
available, score, main = dyadrun.with_phoenix(petrarch_gsr)


if __name__ == "__main__":
    sys.exit(main())
