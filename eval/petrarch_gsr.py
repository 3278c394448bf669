#!/usr/bin/python3
"""Scores dyad against the PETRARCH-2 gold standard records
(events/petrarch-gsr/PETR2_GSR_validation.xml: 78 news sentences, hand-corrected codings).

Every <Sentence> goes to dyad in one JSONL run (id = the sentence's position in the file,
date = its date attribute YYYYMMDD as YYYY-MM-DD, text = its <Text> with line breaks joined).
Per sentence, gold and dyad each give a set of (source, target, CAMEO code) triples; precision,
recall and F1 are micro-averaged over all sentences (sentences coded noevents="True" have an
empty gold set, so anything dyad codes there is a false positive).

  strict   full codes as given: 'USAGOV' != 'USA', '0352' != '035'. The only normalisation
           is upper case, and a leading '---' (CAMEO's unknown country) is dropped on both
           sides so '---REB' equals a sector-only 'REB' and '---' equals an absent actor.
  lenient  first three characters of each normalised actor code ('USAGOV' -> 'USA',
           'IGOEUREEC' -> 'IGO', '---REB' -> 'REB') and the CAMEO root ('0352' -> '03').

Negated dyad events are left out (a negated event says the event did not happen; gold codes
such sentences with the opposite CAMEO code, e.g. 121 for "refused support").

The set assumes the Phoenix dictionaries; pass them with --dict DIR when dyad can read them.
PETRARCH2 scores P 0.77 R 0.69 F1 0.73 on 73 of these sentences (shared/data/README.md).

Usage: eval/petrarch_gsr.py [--shared PATH] [--dyad PATH] [--dict DIR] [--verbose] [--errors]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import html
import json
import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "PETRARCH GSR"
DATA = ("events", "petrarch-gsr", "PETR2_GSR_validation.xml")

MEASURES = [
    ("precision", "P (strict codes)", None, 0.77, "PETRARCH2"),
    ("recall", "R (strict codes)", None, 0.69, "PETRARCH2"),
    ("f1", "F1 (strict codes)", 0.80, 0.73, "PETRARCH2"),
    ("lenient_precision", "P (country + root)", None, None, None),
    ("lenient_recall", "R (country + root)", None, None, None),
    ("lenient_f1", "F1 (country + root)", None, None, None),
]

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HASH_LINE = re.compile(r"^[ \t]*#.*$", re.M)
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_ATTR = re.compile(r"([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*')")


def _attrs(s):
    return {k: html.unescape(v[1:-1]) for k, v in _ATTR.findall(s)}


def parse_gsr(text):
    """Sentences of a PETRARCH validation XML, read robustly (the file has '#' comment lines
    outside elements and commented-out parses, so it is not parsed as XML).

    Returns [{"index", "id", "date", "text", "codings": [(src, tgt, code)], "noevents",
    "evaluate", "category"}]. A sentence runs from its <Sentence ...> tag (self-closed or not)
    to the next one."""
    text = _COMMENT.sub("", text)
    starts = [m for m in _SENTENCE.finditer(text)]
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        body = text[m.end():end]
        body = body.split("</Sentences>")[0]
        attrs = _attrs(m.group(1))
        tm = _TEXT.search(body)
        # '#' lines are comments only outside <Text>; take the text before stripping them.
        sent_text = " ".join(html.unescape(tm.group(1)).split()) if tm else ""
        from_parse = False
        if not sent_text:
            pm = _PARSE.search(body)
            sent_text = text_from_conllu(pm.group(1)) if pm else ""
            from_parse = bool(sent_text)
        body_wo_text = _HASH_LINE.sub("", _TEXT.sub("", body))
        codings = []
        noevents = False
        for cm in _CODING.finditer(body_wo_text):
            ca = _attrs(cm.group(1))
            if ca.get("noevents", "").strip().lower() == "true":
                noevents = True
            if "eventcode" in ca:
                codings.append((ca.get("sourcecode", ""), ca.get("targetcode", ""),
                                ca.get("eventcode", "")))
        date = attrs.get("date", "")
        if re.fullmatch(r"\d{8}", date):
            date = "%s-%s-%s" % (date[:4], date[4:6], date[6:])
        elif re.fullmatch(r"\d{6}", date):  # YYMMDD, 00-30 = 20YY as in peer::PeerDate
            date = "%s%s-%s-%s" % ("20" if date[:2] <= "30" else "19", date[:2], date[2:4], date[4:])
        out.append({"index": i, "id": attrs.get("id", str(i)), "date": date,
                    "category": attrs.get("category", ""),
                    "evaluate": attrs.get("evaluate", "true").lower() != "false",
                    "text": sent_text, "text_from_parse": from_parse,
                    "codings": codings, "noevents": noevents})
    return out


def text_from_conllu(block):
    """Sentence text rebuilt from CoNLL-U token lines (FORM, honouring SpaceAfter=No); used for
    the one record whose <Text> is empty but whose <Parse> holds the sentence."""
    parts = []
    for line in block.splitlines():
        cols = line.strip().split("\t")
        if len(cols) < 2 or not cols[0].isdigit():
            continue  # comments, multi-word token ranges (1-2), empty nodes (1.1)
        parts.append(cols[1])
        if not (len(cols) >= 10 and "SpaceAfter=No" in cols[9]):
            parts.append(" ")
    return html.unescape("".join(parts)).strip()


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return [s for s in parse_gsr(f.read()) if s["evaluate"] and s["text"]]


def documents(gold):
    return [{"id": str(s["index"]), "date": s["date"] or None, "title": "", "text": s["text"]}
            for s in gold]


def norm_code(code):
    """Upper case, no spaces, a leading '---' (unknown country) dropped."""
    c = "".join((code or "").split()).upper()
    while c.startswith("---"):
        c = c[3:]
    return c


def strict_triple(src, tgt, cameo):
    return (norm_code(src), norm_code(tgt), (cameo or "").strip())


def lenient_triple(src, tgt, cameo):
    return (norm_code(src)[:3], norm_code(tgt)[:3], (cameo or "").strip()[:2])


def dyad_triples(events, include_negated=False):
    out = []
    for e in events:
        if e.get("negated") and not include_negated:
            continue
        # The gold set is dyadic by construction (PETRARCH codes an event only with both
        # actors), so dyad's one-actor events (target null) are not compared.
        if not e.get("target"):
            continue
        cameo = (e.get("cameo") or "").strip() or (e.get("root") or "").strip()
        out.append((dyadrun.actor_code(e.get("source")), dyadrun.actor_code(e.get("target")),
                    cameo))
    return out


def _prf(tp, npred, ngold):
    p = dyadrun.ratio(tp, npred)
    r = dyadrun.ratio(tp, ngold)
    f = (2 * p * r / (p + r)) if (p is not None and r is not None and p + r > 0) else (
        0.0 if (p is not None and r is not None) else None)
    return p, r, f


def score_sentences(gold, events_by_doc, include_negated=False):
    """Pure scoring: parsed gold sentences and dyad events by doc id -> dict of measures."""
    tot = {"strict": [0, 0, 0], "lenient": [0, 0, 0]}  # tp, predicted, gold
    exact = 0
    per_sentence = []
    for s in gold:
        pred_raw = dyad_triples(events_by_doc.get(str(s["index"]), []), include_negated)
        row = {"id": s["id"], "text": s["text"], "gold": s["codings"], "dyad": pred_raw}
        for name, fn in (("strict", strict_triple), ("lenient", lenient_triple)):
            g = {fn(*t) for t in s["codings"]}
            p = {fn(*t) for t in pred_raw}
            tp = len(g & p)
            tot[name][0] += tp
            tot[name][1] += len(p)
            tot[name][2] += len(g)
            row[name] = {"tp": tp, "fp": len(p - g), "fn": len(g - p)}
            if name == "strict" and g == p:
                exact += 1
        per_sentence.append(row)
    p, r, f = _prf(*tot["strict"])
    lp, lr, lf = _prf(*tot["lenient"])
    n = len(gold)
    return {
        "sentences": n,
        "sentences_noevents": sum(1 for s in gold if not s["codings"]),
        "gold_triples": tot["strict"][2], "dyad_triples": tot["strict"][1],
        "true_positives": tot["strict"][0],
        "precision": p, "recall": r, "f1": f,
        "lenient_gold_triples": tot["lenient"][2], "lenient_dyad_triples": tot["lenient"][1],
        "lenient_true_positives": tot["lenient"][0],
        "lenient_precision": lp, "lenient_recall": lr, "lenient_f1": lf,
        "sentences_exact": dyadrun.ratio(exact, n),
        "n": {k: n for k, *_ in MEASURES},
        "per_sentence": per_sentence,
    }


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None, include_negated=False):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    gold = load_gold(path)
    events, info = dyadrun.run_dyad(documents(gold), dyad=dyad, dict_dir=dict_dir)
    result = score_sentences(gold, events, include_negated)
    result["dyad"] = {"returncode": info["returncode"], "stats": info["stats"],
                      "dict": dict_dir}
    return result


def print_report(r, verbose=False, errors=False, out=sys.stdout):
    f = dyadrun.fmt
    w = out.write
    w("PETRARCH GSR: %d sentences (%d coded noevents), %d gold triples, %d dyad triples\n"
      % (r["sentences"], r["sentences_noevents"], r["gold_triples"], r["dyad_triples"]))
    w("  strict  (full codes, CAMEO code)   P %s  R %s  F1 %s   (tp %d)\n"
      % (f(r["precision"]), f(r["recall"]), f(r["f1"]), r["true_positives"]))
    w("  lenient (3-letter codes, root)     P %s  R %s  F1 %s   (tp %d of %d gold, %d dyad)\n"
      % (f(r["lenient_precision"]), f(r["lenient_recall"]), f(r["lenient_f1"]),
         r["lenient_true_positives"], r["lenient_gold_triples"], r["lenient_dyad_triples"]))
    w("  sentences coded exactly right (strict) %s\n" % f(r["sentences_exact"]))
    w("  anchor PETRARCH2 (73 sentences): P 0.77  R 0.69  F1 0.73\n")
    if verbose or errors:
        w("\n")
        for row in r["per_sentence"]:
            st = row["strict"]
            if errors and not verbose and not (st["fp"] or st["fn"]):
                continue
            w("- %s tp %d fp %d fn %d (lenient tp %d fp %d fn %d)\n"
              % (row["id"], st["tp"], st["fp"], st["fn"], row["lenient"]["tp"],
                 row["lenient"]["fp"], row["lenient"]["fn"]))
            if errors:
                w("  %s\n" % row["text"])
                w("  gold %s\n" % (", ".join("%s %s %s" % t for t in row["gold"]) or "none"))
                w("  dyad %s\n" % (", ".join("%s %s %s" % (s or "-", t or "-", c or "-")
                                              for s, t, c in row["dyad"]) or "none"))


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED,
                    help="shared/ folder (or its data/ folder); default ../shared")
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD, help="dyad binary")
    ap.add_argument("--dict", dest="dict_dir",
                    help="dictionary folder passed to dyad (e.g. the Phoenix dictionaries)")
    ap.add_argument("--include-negated", action="store_true",
                    help="count dyad's negated events as predictions too")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-sentence counts")
    ap.add_argument("--errors", action="store_true",
                    help="show text, gold and dyad triples of every sentence with an error")
    ap.add_argument("--json", help="also write the measures as JSON to this file")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data): %s not found" % path)
        return 0
    try:
        r = score(a.shared, a.dyad, a.dict_dir, a.include_negated)
    except dyadrun.DyadError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    print_report(r, a.verbose, a.errors)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(r, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
