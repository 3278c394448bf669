#!/usr/bin/python3
"""Tests of the CASE 2021 scorer on made-up snippets and a stand-in dyad (no shared data).

Run: /usr/bin/python3 -m unittest discover -s eval -p 'test_*.py'
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import case2021  # noqa: E402

MAP = """# made-up rules
ATTRIB\tcameo=015
AIR_STRIKE\tcameo=195
GRENADE\tcameo=18;19\ttext~grenade*
PROTEST_WITH_INTER\tcameo=173\ttarget=OPP\twith=14
AGREEMENT\tcameo=0871\ttext!~violat*;broke down
PEACE_PROTEST\tcameo=141
NATURAL_DISASTER\ttext~flood*
DISR_WEAP\ttext~seiz*;defus*\ttext~weapon*;bomb*
ARREST\tcameo=173
ARMED_CLASH\tcameo=19\tsource!=CVL
OTHER\talways
"""


def ev(cameo, src=None, tgt=None, verb="x", negated=False):
    return {"cameo": cameo, "source": {"code": src} if src else None,
            "target": {"code": tgt} if tgt else None, "verb": {"text": verb},
            "evidence": {"pattern": verb}, "negated": negated,
            "plover": {"event": "", "mode": ""}}


class Mapping(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        path = os.path.join(self.tmp.name, "m.map")
        with open(path, "w") as f:
            f.write(MAP)
        self.rules = case2021.load_map(path)

    def tearDown(self):
        self.tmp.cleanup()

    def test_precedence_and_conditions(self):
        c = lambda text, evs: case2021.classify(self.rules, text, evs)  # noqa: E731
        self.assertEqual(c("a", [ev("190", "IRQMIL"), ev("195", "USAMIL")]),
                         ("AIR_STRIKE", "event"))
        self.assertEqual(c("Grenades hit", [ev("190", "REB")]), ("GRENADE", "event"))
        self.assertEqual(c("a", [ev("173", "COP", "OPP"), ev("141", "OPP")]),
                         ("PROTEST_WITH_INTER", "event"))
        self.assertEqual(c("a", [ev("173", "COP", "OPP")]), ("ARREST", "event"))
        self.assertEqual(c("Floods hit", [ev("173", "COP")]), ("NATURAL_DISASTER", "text"))
        self.assertEqual(c("a", [ev("190", "CVL")]), ("OTHER", "fallback"))
        # Two text~ lists: each must match.
        self.assertEqual(c("Police seized weapons", []), ("DISR_WEAP", "text"))
        self.assertEqual(c("Police seized a truck", []), ("OTHER", "fallback"))
        self.assertEqual(c("Weapons were shown", []), ("OTHER", "fallback"))
        self.assertEqual(c("a", [ev("195", "USA", negated=True)]), ("OTHER", "fallback"))
        self.assertEqual(case2021.sectors("---REB"), {"REB"})
        # text!~: none of the words may occur.
        self.assertEqual(c("A truce was agreed", [ev("0871", "SDN")]), ("AGREEMENT", "event"))
        self.assertEqual(c("The truce broke down", [ev("0871", "SDN")]), ("OTHER", "fallback"))

    def test_bad_rules(self):
        for line in ("ARREST", "ARREST\tcameo", "arrest\tcameo=173", "X\tfoo=1",
                     "X\talways\tcameo=1"):
            with self.assertRaises(case2021.MapError):
                case2021.parse_rule(line)

    def test_shipped_map_loads(self):
        rules = case2021.load_map()
        self.assertEqual(rules[-1]["type"], "OTHER")
        self.assertTrue(rules[-1]["always"])

    def test_pattern_events(self):
        forms = {"throw": {"threw", "thrown"}}
        self.assertIn("threw", case2021.inflect("throw", forms))
        self.assertIn("stopped", case2021.inflect("stop", {}))
        self.assertIn("rioting", case2021.inflect("riot", {}))
        index = {"threw": [(("grenade",), "180", "throw grenade")],
                 "airstrike": [((), "195", "n: airstrike")]}
        evs = case2021.pattern_events(index, "Someone threw a grenade after an airstrike.")
        self.assertEqual([e["cameo"] for e in evs], ["180", "195"])

    def test_scores(self):
        gold = [{"id": "1", "text": "a", "type": "AIR_STRIKE"},
                {"id": "2", "text": "b", "type": "AIR_STRIKE"},
                {"id": "3", "text": "Floods", "type": "NATURAL_DISASTER"},
                {"id": "4", "text": "c", "type": "ARREST"}]
        events = {"1": [ev("195", "USAMIL")], "4": [ev("173", "COP")]}
        r = case2021.score_records(gold, events, self.rules)
        self.assertAlmostEqual(r["macro_accuracy"], (0.5 + 1 + 1) / 3)
        self.assertAlmostEqual(r["micro_accuracy"], 0.75)
        self.assertAlmostEqual(r["coverage"], 0.5)
        self.assertEqual(r["n"]["macro_accuracy"], 4)


FAKE_DYAD = r'''#!/usr/bin/python3
import json, sys
a = sys.argv[1:]
opts = {a[i]: a[i + 1] for i in range(len(a)) if a[i].startswith("--")}
out = open(opts["--out"], "w")
for line in open(a[1], encoding="utf-8"):
    d = json.loads(line)
    if "jets" in d["text"]:
        out.write(json.dumps({"doc_id": d["id"], "cameo": "195", "negated": False,
            "source": {"code": "USAMIL"}, "target": None, "verb": {"text": "bombed"},
            "plover": {"event": "ASSAULT", "mode": ""}}) + "\n")
'''


class EndToEnd(unittest.TestCase):
    def test_score(self):
        with tempfile.TemporaryDirectory() as tmp:
            dyad = os.path.join(tmp, "dyad")
            with open(dyad, "w") as f:
                f.write(FAKE_DYAD)
            os.chmod(dyad, 0o755)
            ddir = os.path.join(tmp, "data", *case2021.DATA[:-1])
            os.makedirs(ddir)
            with open(os.path.join(ddir, case2021.DATA[-1]), "w") as f:
                f.write("id\tEventSnippet\tSubType\n1\tUS jets bombed a town\tAIR_STRIKE\n"
                        "2\tNothing here\tDIPLO\n")
            self.assertTrue(case2021.available(tmp)[0])
            r = case2021.score(tmp, dyad)
            self.assertAlmostEqual(r["macro_accuracy"], 0.5)
            self.assertAlmostEqual(r["coverage"], 0.5)
            proc = subprocess.run([sys.executable, os.path.join(HERE, "case2021.py"),
                                   "--shared", os.path.join(tmp, "none"), "--dyad", dyad],
                                  stdout=subprocess.PIPE, text=True)
            self.assertIn("skipped (no SHARED data)", proc.stdout)


if __name__ == "__main__":
    unittest.main()
