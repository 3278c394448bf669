"""Tests of the peer-suite scorers (petrarch_unittest, tabari_validation) and the Phoenix
variants of the gold-standard scorers, on made-up inputs (no shared data, no dyad needed)."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import petrarch_gsr_phoenix  # noqa: E402
import petrarch_unittest  # noqa: E402
import plover_gold_phoenix  # noqa: E402
import tabari_validation  # noqa: E402

RESULT = {
    "suite": "petrarch", "file": "x.xml", "evaluated": 4, "passed": 3,
    "with_codings": {"evaluated": 3, "passed": 2},
    "expecting_none": {"evaluated": 1, "passed": 1},
    "skipped": 2,
    "records": [
        {"id": "A", "status": "pass"}, {"id": "B", "status": "fail"},
        {"id": "C", "status": "pass"}, {"id": "D", "status": "pass"},
        {"id": "E", "status": "skip"}, {"id": "F", "status": "skip"},
    ],
}


class PeerSuiteTest(unittest.TestCase):
    def test_measures(self):
        m = petrarch_unittest.measures(RESULT)
        self.assertEqual(m["records_exact"], 3)
        self.assertAlmostEqual(m["records_exact_share"], 0.75)
        self.assertAlmostEqual(m["with_codings_share"], 2 / 3)
        self.assertAlmostEqual(m["expecting_none_share"], 1.0)
        self.assertEqual(m["n"]["with_codings_share"], 3)
        self.assertEqual(m["failures"], ["B"])
        self.assertEqual(m["skipped"], 2)
        keys = {k for k, *_ in petrarch_unittest.MEASURES} | {
            k for k, *_ in tabari_validation.MEASURES}
        self.assertTrue(keys <= set(m))

    def test_availability_needs_the_data(self):
        with tempfile.TemporaryDirectory() as d:
            for mod in (petrarch_unittest, tabari_validation, petrarch_gsr_phoenix,
                        plover_gold_phoenix):
                ok, _ = mod.available(d)
                self.assertFalse(ok, mod.__name__)

    def test_phoenix_rows_use_the_phoenix_folder(self):
        with tempfile.TemporaryDirectory() as d:
            data = os.path.join(d, "data")
            os.makedirs(os.path.join(data, "events", "phoenix"))
            self.assertEqual(petrarch_gsr_phoenix.phoenix_dir(d),
                             os.path.join(data, "events", "phoenix"))
            self.assertEqual(plover_gold_phoenix.phoenix_dir(d),
                             os.path.join(data, "events", "phoenix"))


if __name__ == "__main__":
    unittest.main()
