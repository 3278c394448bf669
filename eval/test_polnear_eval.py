"""Tests of the PolNeAR scorer on made-up annotations (no shared data, no dyad needed)."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear_eval as pe  # noqa: E402

TEXT = "“We will win,” Lavrov said. Choe told reporters that talks went well."


def span(sub, after=0):
    s = TEXT.index(sub, after)
    return (s, s + len(sub))


class ParseTest(unittest.TestCase):
    def test_brat_relations_and_wrapped_lines(self):
        ann = ("T1\tSource 16 22\tLavrov\nT2\tCue 23 27\tsaid\n"
               "T3\tContent 0 15\t“We will win,”\nT4\tAttribution 23 27\tsaid\n"
               "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
               "T5\tContent 0 5;7 9\ttwo\nparts\nT6\tCue 23 27\tsaid\n"
               "E2\tAttribution-no-source:T6 Content:T5 Cue:T6\n"
               "T7\tContent 28 32\tChoe\nT8\tCue 33 37\ttold\nT9\tContent 48 52\tthat\n"
               "E3\tAttribution:T8 Content:T7 Cue:T8 Content2:T9\n")
        with tempfile.NamedTemporaryFile("w", suffix=".ann", delete=False,
                                         encoding="utf-8") as f:
            f.write(ann)
        try:
            atts = pe.parse_ann(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(len(atts), 3)
        self.assertEqual(atts[0]["source"], [(16, 22)])
        self.assertEqual(atts[1]["content"], [(0, 5), (7, 9)])
        self.assertNotIn("source", atts[1])
        # A numbered second argument of a role ("Content2") is part of that role.
        self.assertEqual(atts[2]["content"], [(28, 32), (48, 52)])


class ScoreTest(unittest.TestCase):
    def gold(self):
        return [{"source": [span("Lavrov")], "cue": [span("said")],
                 "content": [span("“We will win,”")]},
                {"source": [span("Choe")], "cue": [span("told reporters")],
                 "content": [span("that talks went well")]}]

    def quote(self, speaker, cue, content):
        def obj(sub):
            s, e = span(sub)
            return {"text": sub, "mention": sub, "start": s, "end": e}
        return {"doc_id": "d", "speaker": obj(speaker), "cue": obj(cue), "content": obj(content)}

    def test_perfect_up_to_punctuation(self):
        quotes = {"d": [self.quote("Lavrov", "said", "We will win"),
                        self.quote("Choe", "told reporters", "that talks went well")]}
        res = pe.score_docs([("d", "", TEXT, self.gold())], quotes)
        for key in ("content_f1", "source_f1", "cue_f1", "attr_r", "attr_p"):
            self.assertAlmostEqual(res[key], 1.0, msg=key)
        self.assertAlmostEqual(res["direct_content_r"], 1.0)

    def test_partial_cue_and_missed_attribution(self):
        quotes = {"d": [self.quote("Choe", "told", "that talks went well")]}
        res = pe.score_docs([("d", "", TEXT, self.gold())], quotes)
        self.assertAlmostEqual(res["attr_r"], 0.5)
        self.assertAlmostEqual(res["attr_p"], 1.0)
        # cue: 1 predicted token, all right; gold has 3 tokens (said, told, reporters).
        self.assertAlmostEqual(res["cue_f1"], 2 * 1.0 * (1 / 3) / (1.0 + 1 / 3))
        self.assertAlmostEqual(res["direct_content_r"], 0.0)

    def test_quotes_sharing_a_cue_are_one_attribution(self):
        quotes = {"d": [self.quote("Lavrov", "said", "We will"),
                        self.quote("Lavrov", "said", "win")]}
        preds = pe.predicted_attributions(quotes["d"])
        self.assertEqual(len(preds), 1)
        res = pe.score_docs([("d", "", TEXT, self.gold()[:1])], quotes)
        self.assertAlmostEqual(res["content_f1"], 1.0)


if __name__ == "__main__":
    unittest.main()
