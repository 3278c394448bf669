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
MEASURES = plover_gold.MEASURES


phoenix_dir = dyadrun.phoenix_dir
available, score, main = dyadrun.with_phoenix(plover_gold)


if __name__ == "__main__":
    sys.exit(main())
