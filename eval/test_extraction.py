#!/usr/bin/python3
"""Tests of the extraction scorers on made-up pages (no shared data, no dyad binary).

Run: /usr/bin/python3 -m unittest discover -s eval -p 'test_*.py'
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import extraction_common as xc  # noqa: E402
import extraction_readability as er  # noqa: E402
import extraction_wcxb as ew  # noqa: E402


class WordBags(unittest.TestCase):
    def test_prf(self):
        p, r, f = xc.prf(xc.words("The cat sat"), xc.words("the cat sat on the mat"))
        self.assertAlmostEqual(p, 1.0)
        self.assertAlmostEqual(r, 0.5)
        self.assertAlmostEqual(f, 2 / 3)
        self.assertEqual(xc.prf(xc.words(""), xc.words("")), (1.0, 1.0, 1.0))
        self.assertEqual(xc.prf(xc.words(""), xc.words("x")), (0.0, 0.0, 0.0))

    def test_snippets(self):
        norm = xc.norm_snippet("Sign  up\nfor our NEWSLETTER")
        self.assertTrue(xc.contains(norm, "sign up for"))
        self.assertFalse(xc.contains(norm, ""))

    def test_titles(self):
        # Typographic quotes and compatibility forms are one character; case and words count.
        self.assertEqual(xc.norm_title("A Beginner\u2019s  Guide\uff1f"), "A Beginner's Guide?")
        self.assertEqual(xc.norm_title("\u201cI Do\u201d\u2026"), '"I Do"...')
        self.assertNotEqual(xc.norm_title("History of coffee"), xc.norm_title("history of coffee"))
        self.assertNotEqual(xc.norm_title("A \u2014 B"), xc.norm_title("A -- B"))


class Wcxb(unittest.TestCase):
    def test_score_pages(self):
        gold = {"main_content": "alpha beta gamma", "title": "T", "publish_date": "2024-01-02",
                "author": "Ann Lee", "with": ["beta gamma"], "without": ["Home", "Login"]}
        items = [("0001", "/p/0001.html.gz", gold)]
        pages = {"/p/0001.html.gz": {"text": "alpha beta gamma Home", "title": "T",
                                     "date": "2024-01-02", "authors": ["Ann Lee"]}}
        res, rows = ew.score_pages(items, pages)
        self.assertAlmostEqual(res["recall"], 1.0)
        self.assertAlmostEqual(res["precision"], 0.75)
        self.assertAlmostEqual(res["without_dropped"], 0.5)
        self.assertEqual((res["title"], res["date"], res["author"], res["with_kept"]),
                         (1.0, 1.0, 1.0, 1.0))
        res, _ = ew.score_pages(items, {})
        self.assertEqual(res["f1"], 0.0)
        self.assertEqual(res["title"], 0.0)


class Readability(unittest.TestCase):
    def test_html_text_and_metadata(self):
        self.assertEqual(er.html_text("<div><p>One <b>two</b></p><script>x</script><p>3</p>"),
                         "One two 3")
        self.assertEqual(er.day("2015-07-24T05:36:09+01:00"), "2015-07-24")
        self.assertIsNone(er.day("July 24"))
        self.assertTrue(er.byline_ok(["Brenda Goodman"], "By Brenda  Goodman, MA\nWebMD"))
        self.assertFalse(er.byline_ok([], "Ben Silverman"))
        self.assertFalse(er.byline_ok(["Laurie Oakes"], "JOE HILDEBRAND"))


if __name__ == "__main__":
    unittest.main()
