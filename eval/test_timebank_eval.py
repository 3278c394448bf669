#!/usr/bin/python3
"""Tests of the TimeBank scorer on made-up TimeML (no shared data, no real dyad).

Run: /usr/bin/python3 -m unittest discover -s eval -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import timebank_eval  # noqa: E402

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08T10:00" functionInDocument="CREATION_TIME">1998</TIMEX3></DCT>
<TEXT>
Bombs hit <EVENT eid="e1">embassies</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; killed
dozens over <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX">about two days</TIMEX3>.
</TEXT>
</TimeML>
"""


class Parsing(unittest.TestCase):
    def test_parse(self):
        d = timebank_eval.parse_tml(TML, "X1")
        self.assertEqual(d["date"], "1998-08-08")
        self.assertEqual([g["text"] for g in d["gold"]], ["Friday", "about two days"])
        g = d["gold"][0]
        self.assertEqual(d["text"][g["start"]:g["end"]], "Friday")
        self.assertIn("& killed", d["text"])  # entities decoded, tags gone
        self.assertNotIn("<", d["text"])
        self.assertEqual(d["gold"][1]["mod"], "APPROX")


class Scoring(unittest.TestCase):
    def test_scores(self):
        d = timebank_eval.parse_tml(TML, "X1")
        f, t = d["gold"]
        pred = {"X1": [
            {"start": f["start"], "end": f["end"], "type": "DATE", "value": "1998-08-07"},
            # relaxed only: "two days" inside "about two days"
            {"start": t["start"] + 6, "end": t["end"], "type": "DURATION", "value": "P2D"},
            {"start": 0, "end": 5, "type": "DATE", "value": "PAST_REF"},  # spurious
        ]}
        errors = []
        r = timebank_eval.score_docs([d], pred, errors)
        self.assertAlmostEqual(r["strict_p"], 1 / 3)
        self.assertAlmostEqual(r["strict_r"], 1 / 2)
        self.assertAlmostEqual(r["relaxed_r"], 1.0)
        self.assertAlmostEqual(r["relaxed_p"], 2 / 3)
        self.assertAlmostEqual(r["value_accuracy"], 1.0)  # the one DATE is right
        self.assertAlmostEqual(r["type_accuracy"], 1.0)
        self.assertEqual(r["n"]["value_accuracy"], 1)
        kinds = sorted(e[0] for e in errors)
        self.assertEqual(kinds, ["span", "spurious"])

    def test_nothing_predicted(self):
        d = timebank_eval.parse_tml(TML, "X1")
        r = timebank_eval.score_docs([d], {})
        self.assertEqual(r["strict_r"], 0.0)
        self.assertIsNone(r["strict_p"])
        self.assertIsNone(r["value_accuracy"])


if __name__ == "__main__":
    unittest.main()
