#!/usr/bin/python3
"""Tests of the scorers and the benchmark's corpus readers on small made-up inputs (no shared
data, no real dyad: a stand-in dyad script is written to a temporary folder).

Run: /usr/bin/python3 -m unittest discover -s eval -p 'test_*.py'
"""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bench"))

import petrarch_gsr  # noqa: E402
import plover_gold  # noqa: E402
import run_bench  # noqa: E402
import scoreboard  # noqa: E402


def ev(doc, plover="", cameo="", src=None, tgt=None, negated=False):
    return {"doc_id": doc, "plover": {"event": plover, "mode": "", "context": []},
            "cameo": cameo, "source": {"code": src} if src else None,
            "target": {"code": tgt} if tgt else None, "negated": negated}


class PloverNormalisation(unittest.TestCase):
    def test_event_aliases(self):
        self.assertEqual(plover_gold.norm_event("DEMAND"), "REQUEST")
        self.assertEqual(plover_gold.norm_event("disapprove"), "ACCUSE")
        self.assertEqual(plover_gold.norm_event("INVESTIGATE"), "ACCUSE")
        self.assertEqual(plover_gold.norm_event("FIGHT"), "ASSAULT")
        self.assertEqual(plover_gold.norm_event("ASSAULT"), "ASSAULT")

    def test_actor_class(self):
        c = plover_gold.actor_class
        self.assertEqual(c("RUSGOV"), "RUS")
        self.assertEqual(c("JAP"), "JPN")
        self.assertEqual(c("JPNGOV"), "JPN")
        self.assertEqual(c("IGO"), "ORG")
        self.assertEqual(c("NGO"), "ORG")
        self.assertEqual(c("IGOUNO"), "ORG")
        self.assertEqual(c("NGOAMN"), "ORG")
        self.assertEqual(c("NATO"), "ORG")
        self.assertEqual(c("UNOMIL"), "ORG")
        self.assertEqual(c("IMGMUSALQ"), "IMG")
        self.assertEqual(c("---GOV"), "")
        self.assertEqual(c(None), "")
        self.assertEqual(plover_gold.dyad_sectors("RUSGOVMIL"), {"GOV", "MIL"})
        self.assertEqual(plover_gold.dyad_sectors("IGOUNOMIL"), {"UNO", "MIL"})

    def test_clean_text(self):
        self.assertEqual(plover_gold.clean_text(" {A b.} "), "A b.")
        self.assertEqual(plover_gold.clean_text("cost \\$5."), "cost $5.")


class PloverScoring(unittest.TestCase):
    GOLD = [
        {"doc_id": "1", "gold_id": "a", "text": "x", "event_raw": "DEMAND", "event": "REQUEST",
         "sources": [("USA", "GOV")], "targets": [("ISR", None), ("PSE", None)]},
        {"doc_id": "2", "gold_id": "b", "text": "y", "event_raw": "AGREE", "event": "AGREE",
         "sources": [("ORG", None)], "targets": []},
        {"doc_id": "3", "gold_id": "c", "text": "z", "event_raw": "FIGHT", "event": "ASSAULT",
         "sources": [("RUS", "MIL")], "targets": [("UKR", None)]},
    ]

    def test_scores(self):
        events = {
            # right type second; actors match (USAGOV vs USA+GOV, target PSE one of two)
            "1": [ev("1", "CONSULT", "040", "USAGOV", "PSE"), ev("1", "REQUEST", "100", "USA")],
            # right type but negated: does not count
            "2": [ev("2", "AGREE", "030", "IGOUNO", negated=True)],
            # 2016 name on dyad's side is accepted too; actors wrong way round
            "3": [ev("3", "FIGHT", "190", "UKRMIL", "RUSMIL")],
        }
        r = plover_gold.score_records(self.GOLD, events)
        self.assertEqual(r["records"], 3)
        self.assertAlmostEqual(r["event_accuracy"], 2 / 3)
        self.assertAlmostEqual(r["event_accuracy_top"], 1 / 3)
        self.assertEqual(r["actor_records"], 2)
        self.assertAlmostEqual(r["source_target_accuracy"], 1 / 2)
        self.assertAlmostEqual(r["source_target_sector_accuracy"], 1 / 2)
        self.assertAlmostEqual(r["joint_accuracy"], 0.0)
        self.assertEqual(r["per_event"]["DEMAND"]["any"], 1)

    def test_no_events(self):
        r = plover_gold.score_records(self.GOLD, {})
        self.assertEqual(r["event_accuracy"], 0.0)
        self.assertEqual(r["records_without_events"], 3)


GSR = textwrap.dedent("""\
    <?xml version='1.0' encoding='utf-8'?>
    <Validation>
    ####################
    # comment <EventCoding eventcode="999" sourcecode="XXX" targetcode="YYY" />
    ####################
    <Sentences>
    <Sentence category="AFP" date="20080804" id="s1" evaluate="true"/>
    <EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
    <Text>
    The US leader
    visited China.
    </Text>
    <Parse>
    1	The	the	DET	DT	_	2	det	_	_
    </Parse>
    </Sentence>

    <Sentence category="AFP" date="20080806" id="s2" evaluate="true">
    <!-- <EventCoding eventcode="111" sourcecode="AAA" targetcode="BBB" /> -->
    <EventCoding eventcode="190" sourcecode="---REB" targetcode="SYRGOV" />
    <EventCoding eventcode="0352" sourcecode="ISR" targetcode="PSE" />
    <Text>
    Rebels attacked &amp; Israel eased.
    </Text>
    </Sentence>
    <Sentence category="X" date="20080807" id="s3" evaluate="true"/>
    <EventCoding noevents="True" />
    <Text>
    Nothing happened.
    </Text>
    </Sentence>
    <Sentence category="X" date="20150101" id="s4" evaluate="true"/>
    <EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
    <Text>
    </Text>
    <Parse>
    1	Boko	Boko	PROPN	NNP	_	2	name	_	_
    2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	_
    3	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
    4	.	.	PUNCT	.	_	3	punct	_	_
    </Parse>
    </Sentence>
    </Sentences>
    </Validation>
    """)


class PetrarchParsing(unittest.TestCase):
    def test_parse(self):
        s = petrarch_gsr.parse_gsr(GSR)
        self.assertEqual([x["id"] for x in s], ["s1", "s2", "s3", "s4"])
        self.assertEqual(s[0]["date"], "2008-08-04")
        self.assertEqual(s[0]["text"], "The US leader visited China.")
        self.assertEqual(s[0]["codings"], [("USA", "CHN", "042")])
        self.assertEqual(s[1]["text"], "Rebels attacked & Israel eased.")
        self.assertEqual(s[1]["codings"], [("---REB", "SYRGOV", "190"), ("ISR", "PSE", "0352")])
        self.assertTrue(s[2]["noevents"])
        self.assertEqual(s[2]["codings"], [])
        self.assertEqual(s[3]["text"], "Boko Haram attacked.")
        self.assertTrue(s[3]["text_from_parse"])

    def test_normalisation(self):
        self.assertEqual(petrarch_gsr.strict_triple("---REB", "---", "190"), ("REB", "", "190"))
        self.assertEqual(petrarch_gsr.lenient_triple("IGOEUREEC", "USAGOV", "0352"),
                         ("IGO", "USA", "03"))

    def test_scores(self):
        gold = petrarch_gsr.parse_gsr(GSR)
        events = {
            "0": [ev("0", cameo="042", src="USAGOV", tgt="CHN")],          # lenient only
            "1": [ev("1", cameo="190", src="REB", tgt="SYRGOV"),           # strict hit
                  ev("1", cameo="0352", src="ISR", tgt="PSE", negated=True)],  # dropped
            "2": [ev("2", cameo="010", src="USA", tgt="CHN"),               # false positive
                  ev("2", cameo="190", src="USA")],   # one actor: not compared (dyadic gold)
        }
        r = petrarch_gsr.score_sentences(gold, events)
        self.assertEqual(r["gold_triples"], 4)
        self.assertEqual(r["dyad_triples"], 3)
        self.assertEqual(r["true_positives"], 1)
        self.assertAlmostEqual(r["precision"], 1 / 3)
        self.assertAlmostEqual(r["recall"], 1 / 4)
        self.assertAlmostEqual(r["f1"], 2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
        self.assertEqual(r["lenient_true_positives"], 2)
        r2 = petrarch_gsr.score_sentences(gold, events, include_negated=True)
        self.assertEqual(r2["true_positives"], 2)


REUTERS = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT>&#2;
<TITLE>BAHIA &lt;COCOA&gt; REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued &amp; more.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="2">
<DATE> 1-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
&#3;</TEXT>
</REUTERS>
"""


class BenchReaders(unittest.TestCase):
    def test_reuters(self):
        docs = list(run_bench.parse_reuters(REUTERS))
        self.assertEqual(len(docs), 1)
        d = docs[0]
        self.assertEqual(d["id"], "reuters-1")
        self.assertEqual(d["date"], "1987-02-26")
        self.assertEqual(d["title"], "BAHIA <COCOA> REVIEW")
        self.assertEqual(d["text"], "Showers continued & more.\n Reuter")
        self.assertEqual(d["dateline"], "SALVADOR, Feb 26")
        self.assertEqual(run_bench.reuters_date(" 1-MAR-1987 09:00"), "1987-03-01")
        self.assertIsNone(run_bench.reuters_date("garbage"))

    def test_bbc_and_convert(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "data", "corpora", "bbc")
            os.makedirs(folder)
            with open(os.path.join(folder, "train.csv"), "w", encoding="utf-8") as f:
                f.write('text,category\n"A ""quoted"" story,\nover lines",politics\n'
                        '"Second story.",sport\n')
            path, n, nbytes = run_bench.convert("bbc", tmp, 0, tmp)
            self.assertEqual(n, 2)
            with open(path, encoding="utf-8") as f:
                first = json.loads(f.readline())
            self.assertEqual(first["text"], 'A "quoted" story,\nover lines')
            self.assertEqual(first["id"], "bbc-train-0")
            self.assertIsNone(run_bench.convert("reuters", tmp, 0, tmp))


FAKE_DYAD = r'''#!/usr/bin/python3
import json, sys
a = sys.argv[1:]
opts = {a[i]: a[i + 1] for i in range(len(a)) if a[i].startswith("--")}
inputs = [x for i, x in enumerate(a[1:], 1) if not x.startswith("--") and not a[i - 1].startswith("--")]
out = open(opts["--out"], "w")
n = 0
for line in open(inputs[0], encoding="utf-8"):
    d = json.loads(line)
    n += 1
    if "Serbia" in d["text"]:
        out.write(json.dumps({"doc_id": d["id"], "sentence": 0, "text": d["text"], "date": d["date"],
            "source": {"text": "Hungary", "code": "HUNGOV", "start": 0, "end": 7},
            "target": {"text": "Serbia", "code": "SRB", "start": 0, "end": 6},
            "cameo": "100", "root": "10", "quad_class": 3, "goldstein": -5.0,
            "plover": {"event": "REQUEST", "mode": "", "context": []},
            "verb": {"text": "demanded", "start": 8, "end": 16}, "negated": False,
            "confidence": 0.9}) + "\n")
if "--stats" in opts:
    json.dump({"documents": n, "sentences": n, "events": 1, "bytes": 0, "seconds": 0.1,
               "rejected": 0}, open(opts["--stats"], "w"))
'''


class ScoreboardEndToEnd(unittest.TestCase):
    def test_run(self):
        with tempfile.TemporaryDirectory() as tmp:
            dyad = os.path.join(tmp, "dyad")
            with open(dyad, "w") as f:
                f.write(FAKE_DYAD)
            os.chmod(dyad, 0o755)
            pdir = os.path.join(tmp, "data", "events", "plover")
            os.makedirs(pdir)
            recs = [{"id": "DOC", "event": "DOCUMENT"},
                    {"id": "r1", "event": "DEMAND", "text": "Hungary demanded Serbia stop.",
                     "source": [{"actorText": "Hungary", "code": "HUN", "sector": "GOV"}],
                     "target": [{"actorText": "Serbia", "code": "SRB"}]},
                    {"id": "r2", "event": "AGREE", "text": "Japan agreed.",
                     "source": [{"actorText": "Japan", "code": "JAP"}], "target": ""}]
            with open(os.path.join(pdir, "PLOVER_GSR_CAMEO.txt"), "w") as f:
                json.dump(recs, f)
            out = os.path.join(tmp, "results.json")
            proc = subprocess.run(
                [sys.executable, os.path.join(HERE, "scoreboard.py"), "--shared", tmp,
                 "--dyad", dyad, "--out", out], stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertIn("skipped (no SHARED data)", proc.stdout)
            with open(out) as f:
                res = json.load(f)
            rows = {(r["set"], r["key"]): r for r in res["rows"]}
            self.assertIn("generated", res)
            r = rows[("PLOVER gold", "event_accuracy")]
            self.assertEqual((r["value"], r["status"]), (0.5, "below"))
            r = rows[("PLOVER gold", "source_target_accuracy")]
            self.assertEqual((r["value"], r["status"], r["n"]), (1.0, "pass", 1))
            r = rows[("PETRARCH GSR", "f1")]
            self.assertEqual((r["value"], r["status"], r["anchor"]), (None, "skipped", 0.73))

    def test_status(self):
        self.assertEqual(scoreboard.status_of(0.8, 0.8), "pass")
        self.assertEqual(scoreboard.status_of(0.79, 0.8), "below")
        self.assertEqual(scoreboard.status_of(0.5, None), "info")
        self.assertEqual(scoreboard.status_of(None, 0.8), "skipped")


if __name__ == "__main__":
    unittest.main()
