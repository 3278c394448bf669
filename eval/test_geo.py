"""Tests of the place scorers (lgl_geo.py, event_location.py) on made-up inputs; no shared data
or dyad binary needed."""

import json
import os
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import event_location  # noqa: E402
import georun  # noqa: E402
import lgl_geo  # noqa: E402


class DistanceTest(unittest.TestCase):
    def test_known_distance(self):
        # Paris to London is about 344 km.
        self.assertAlmostEqual(georun.distance_km(48.8566, 2.3522, 51.5074, -0.1278), 344, delta=5)
        self.assertEqual(georun.overlap(0, 5, 5, 9), 0)
        self.assertEqual(georun.overlap(0, 6, 5, 9), 1)


class LglTest(unittest.TestCase):
    XML = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Paris, Texas and Kursk region.]]></text>
<toponyms count="3">
 <toponym><start>0</start><end>5</end><phrase>Paris</phrase>
  <gaztag geonameid="4717560"><lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
 <toponym><start>7</start><end>12</end><phrase>Texas</phrase>
  <gaztag geonameid="4736286"><lat>31.25</lat><lon>-99.25</lon></gaztag></toponym>
 <toponym><start>17</start><end>22</end><phrase>Kursk</phrase></toponym>
</toponyms></article></articles>"""

    def test_scoring(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "lgl.xml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.XML)
            gold = lgl_geo.load_gold(path)
        self.assertEqual(len(gold[0]["toponyms"]), 3)
        results = {"1": {"places": [
            {"start": 0, "end": 5, "lat": 48.85, "lon": 2.35, "name": "Paris"},       # wrong Paris
            {"start": 7, "end": 12, "lat": 31.4, "lon": -99.0, "name": "Texas"},      # right
            {"start": 17, "end": 29, "lat": 51.7, "lon": 36.2, "name": "Kursk Oblast"},
            {"start": 24, "end": 28, "lat": None, "lon": None, "name": "x"}]}}        # not gold
        r = lgl_geo.score_docs(gold, results)
        self.assertAlmostEqual(r["accuracy_161"], 0.5)       # 1 of 2 with coordinates
        self.assertAlmostEqual(r["detection_recall"], 1.0)   # all 3 overlapped
        self.assertAlmostEqual(r["detection_precision"], 0.75)
        self.assertEqual(r["n"]["accuracy_161"], 2)


class EventLocationTest(unittest.TestCase):
    def records(self):
        def toks(text):
            out, pos = [], 0
            for i, w in enumerate(text.split()):
                pos = text.index(w, pos)
                out.append({"text": w, "start": pos, "end": pos + len(w), "id": i})
                pos += len(w)
            return out
        a = "Troops patrolled in Moscow today"
        b = "Rebels captured a man"
        return [
            {"text": a, "tokens": toks(a), "source": "RELABEL", "spans": [
                {"start": 7, "end": 16, "token_start": 1, "token_end": 1, "label": "VERB"},
                # start/end hold token indices here, as in the real file
                {"start": 3, "end": 3, "token_start": 3, "token_end": 3, "label": "LOCATION"}]},
            {"text": b, "tokens": toks(b), "source": "RELABEL", "spans": [
                {"start": 7, "end": 15, "token_start": 1, "token_end": 1, "label": "VERB"}]},
            {"text": "other", "tokens": [], "source": "AP", "spans": []},
            {"text": "no verb", "tokens": toks("no verb"), "source": "RELABEL", "spans": []},
        ]

    def test_load_and_score(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "labeled_text.jsonl.zip")
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("labeled_text.jsonl", json.dumps(self.records()))
            gold = event_location.load_gold(path)
        self.assertEqual([g["id"] for g in gold], ["0", "1"])
        self.assertEqual(gold[0]["verb"], (7, 16))
        self.assertEqual(gold[0]["locations"], [(20, 26)])
        right = {"0": {"places": [{"start": 20, "end": 26, "text": "Moscow"}], "event_place": 0},
                 "1": {"places": [], "event_place": None}}
        r = event_location.score_records(gold, right)
        self.assertEqual(r["accuracy"], 1.0)
        wrong = {"0": {"places": [{"start": 20, "end": 26}], "event_place": None},
                 "1": {"places": [{"start": 0, "end": 6}], "event_place": 0}}
        r = event_location.score_records(gold, wrong)
        self.assertEqual(r["accuracy"], 0.0)
        self.assertEqual(r["accuracy_located"], 0.0)
        self.assertEqual(r["accuracy_unlocated"], 0.0)


if __name__ == "__main__":
    unittest.main()
