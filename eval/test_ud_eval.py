"""Tests of eval/ud_eval.py on made-up CoNLL-U (no shared data, no dyad binary needed)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ud_eval  # noqa: E402

GOLD = """# newdoc id = d1
# newpar id = p1
# text = She didn't go home.
1\tShe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
5\thome\thome\tADV\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = He left.
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_
1.1\tx\tx\tX\tX\t_\t_\t_\t2:dep\t_
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def lines(text):
    return text.splitlines(True)


class Measures(unittest.TestCase):
    def test_identical(self):
        s = ud_eval.evaluate(ud_eval.load_conllu(lines(GOLD)), ud_eval.load_conllu(lines(GOLD)))
        for m in ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS"):
            self.assertEqual(s[m].f1, 1.0, m)
        self.assertEqual(s["Tokens"].gold_total, 8)  # the multi-word token counts once
        self.assertEqual(s["Words"].gold_total, 9)   # the empty node not at all

    def test_errors_and_subtypes(self):
        system = (GOLD.replace("4\tgo\tgo\tVERB", "4\tgo\tgo\tNOUN")
                  .replace("5\thome\thome\tADV\tRB\t_\t4", "5\thome\thome\tADV\tRB\t_\t1")
                  .replace("nsubj:pass", "nsubj"))
        s = ud_eval.evaluate(ud_eval.load_conllu(lines(GOLD)), ud_eval.load_conllu(lines(system)))
        self.assertAlmostEqual(s["UPOS"].f1, 8 / 9)
        self.assertAlmostEqual(s["UAS"].f1, 8 / 9)
        # nsubj:pass vs nsubj: the universal part agrees, so LAS only loses "home".
        self.assertAlmostEqual(s["LAS"].f1, 8 / 9)
        # A gold lemma "_" matches any lemma.
        self.assertEqual(s["Lemmas"].f1, 1.0)

    def test_tokenization_differences(self):
        # The system splits differently (no multi-word token, "home." as one token) and puts
        # both sentences in one.
        system = """1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tdidn't\tdo\tAUX\tVBD\t_\t0\troot\t_\t_
3\tgo\tgo\tVERB\tVB\t_\t2\txcomp\t_\t_
4\thome.\thome\tADV\tRB\t_\t3\tadvmod\t_\t_
5\tHe\the\tPRON\tPRP\t_\t6\tnsubj\t_\t_
6\tleft\tleave\tVERB\tVBD\t_\t2\tparataxis\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

"""
        s = ud_eval.evaluate(ud_eval.load_conllu(lines(GOLD)), ud_eval.load_conllu(lines(system)))
        # Tokens: She didn't go [home.] He left . -> 6 of 8 gold, 6 of 7 system match.
        self.assertAlmostEqual(s["Tokens"].f1, 2 * 6 / (8 + 7))
        self.assertEqual(s["Sentences"].correct, 0)
        # Words: "did"/"n't" align with nothing (LCS on forms), "home."/"." neither.
        self.assertEqual(s["Words"].correct, 5)

    def test_mismatched_text_is_an_error(self):
        with self.assertRaises(ud_eval.UDError):
            ud_eval.evaluate(ud_eval.load_conllu(lines(GOLD)),
                             ud_eval.load_conllu(lines(GOLD.replace("home", "hime"))))

    def test_malformed(self):
        with self.assertRaises(ud_eval.UDError):
            ud_eval.load_conllu(lines("1\tonly\n\n"))
        with self.assertRaises(ud_eval.UDError):  # two roots
            ud_eval.load_conllu(lines("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"
                                      "2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n\n"))

    def test_raw_text(self):
        self.assertEqual(ud_eval.raw_text(lines(GOLD)), "She didn't go home. He left.\n")
        two = GOLD.replace("# text = He left.", "# newpar id = p2\n# text = He left.")
        self.assertEqual(ud_eval.raw_text(lines(two)), "She didn't go home.\n\nHe left.\n")


if __name__ == "__main__":
    unittest.main()
