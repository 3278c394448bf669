#!/usr/bin/python3
"""PolNeAR attribution scorer: `dyad quotes` against the PolNeAR dev articles' brat
annotations (Source, Cue, Content and the attribution relations joining them).

Matching (see eval/README.md, "PolNeAR"): texts are split into word tokens (`\\w+`, Unicode),
so punctuation and quotation marks never count. dyad's quotes that share one cue span are one
predicted attribution (a quote split by its cue, or running on over paragraphs, is several
lines with the same cue). Predicted and gold attributions are aligned one-to-one, greedily by
the number of shared content+cue tokens (at least one). For each role (content, source, cue):
precision = tokens shared with the aligned gold attribution / all predicted tokens of that role,
recall = shared / all gold tokens of that role, F1 their harmonic mean (micro-averaged over the
whole set).

Usage: eval/polnear_eval.py [--shared P] [--dyad B] [--dict DIR] [--split dev|train]
                            [--limit N] [--errors N] [--json F]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "PolNeAR dev"
MEASURES = [
    ("content_f1", "content token F1", 0.75, None, None),
    ("source_f1", "source token F1", 0.70, None, None),
    ("cue_f1", "cue token F1", 0.80, None, None),
    ("content_p", "content token precision", None, None, None),
    ("content_r", "content token recall", None, None, None),
    ("attr_r", "attributions found (recall)", None, None, None),
    ("attr_p", "quotes matching an attribution (precision)", None, None, None),
    ("direct_content_r", "content recall, quoted-speech attributions", None, None, None),
]

ROLES = ("content", "source", "cue")
WORD = re.compile(r"\w+")


def polnear_dir(shared, split="dev"):
    base = dyadrun.shared_file(shared, "quotes", "polnear")
    if not base:
        return None
    d = os.path.join(base, split)
    return d if os.path.isdir(os.path.join(d, "text")) else None


def available(shared):
    d = polnear_dir(shared)
    return (d is not None, d)


def read_metadata(base):
    """filename -> (publication date, [annotators]) from metadata.tsv."""
    meta = {}
    path = os.path.join(base, "metadata.tsv")
    if not os.path.exists(path):
        return meta
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            name = row.get("filename")
            if name and name not in meta:
                meta[name] = (row.get("publication_date", ""),
                              [a for a in row.get("annotators", "").split("|") if a])
    return meta


def parse_ann(path):
    """Attributions of one brat file: [{"source": [(s, e)], "cue": [...], "content": [...]}].
    Text-bound lines may wrap (a span's text holds a newline); only lines that begin with a
    T or E id are read."""
    spans, events = {}, []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            m = re.match(r"^(T\d+)\t(\S+) ([\d ;]+)(\t|$)", line)
            if m:
                spans[m.group(1)] = [tuple(int(x) for x in part.split())
                                     for part in m.group(3).split(";") if part.strip()]
                continue
            m = re.match(r"^(E\d+)\t(.*)$", line)
            if m:
                events.append([x.split(":", 1) for x in m.group(2).split() if ":" in x])
    out = []
    for ev in events:
        att = {}
        # brat numbers a role's further arguments ("Content2:T22", a second content span of
        # the same attribution); they belong to the role.
        for key, tid in ev:
            role = {"Source": "source", "Cue": "cue", "Content": "content"}.get(
                key.rstrip("0123456789"))
            if role and tid in spans:
                att.setdefault(role, []).extend(spans[tid])
        if att:
            out.append(att)
    return out


def load_split(shared, split="dev", limit=None):
    """[(doc_id, date, text, gold attributions)] in file-name order. An article annotated by
    several annotators (the agreement articles) is scored against the first annotator that
    metadata.tsv lists."""
    d = polnear_dir(shared, split)
    if not d:
        return []
    meta = read_metadata(os.path.dirname(d))
    ann_dir = os.path.join(d, "attributions")
    by_doc = {}
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            stem, _, annotator = name[:-4].rpartition("_")
            by_doc.setdefault(stem, {})[annotator] = os.path.join(ann_dir, name)
    docs = []
    for stem in sorted(by_doc):
        txt = os.path.join(d, "text", stem + ".txt")
        if not os.path.exists(txt):
            continue
        date, annotators = meta.get(stem, ("", []))
        files = by_doc[stem]
        chosen = next((files[a] for a in annotators if a in files), files[sorted(files)[0]])
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        docs.append((stem, date, text, parse_ann(chosen)))
        if limit and len(docs) >= limit:
            break
    return docs


def run_quotes(docs, dyad=None, dict_dir=None, timeout=1800):
    """Runs `dyad quotes --input-offsets` once over all documents; returns doc id -> quotes."""
    exe = dyadrun.dyad_path(dyad)
    if not dyadrun.dyad_available(exe):
        raise dyadrun.DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    with tempfile.TemporaryDirectory(prefix="dyad-polnear-") as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        out = os.path.join(tmp, "quotes.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for doc_id, date, text, _ in docs:
                f.write(json.dumps({"id": doc_id, "date": date, "text": text},
                                   ensure_ascii=False) + "\n")
        cmd = [exe, "quotes", inp, "--input-format", "jsonl", "--input-offsets", "--out", out,
               "--threads", "0"]
        if dict_dir:
            cmd += ["--dict", dict_dir]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            raise dyadrun.DyadError("dyad timed out after %ss: %s" % (timeout, " ".join(cmd)))
        stderr = proc.stderr.decode("utf-8", "replace")
        if not os.path.exists(out):
            raise dyadrun.DyadError("dyad exited %d and wrote no output\n  cmd: %s\n  stderr: %s"
                                    % (proc.returncode, " ".join(cmd), stderr[-2000:]))
        if proc.returncode != 0:
            print("warning: dyad exited %d (output kept); stderr tail:\n%s"
                  % (proc.returncode, stderr[-800:]), file=sys.stderr)
        quotes = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    q = json.loads(line)
                except ValueError:
                    continue
                quotes.setdefault(str(q.get("doc_id")), []).append(q)
    return quotes


class Words:
    """Word tokens of a text; maps character spans to sets of token indices."""

    def __init__(self, text):
        self.starts = [m.start() for m in WORD.finditer(text)]
        self.ends = [m.end() for m in WORD.finditer(text)]

    def of(self, spans):
        out = set()
        for s, e in spans:
            if s is None or e is None or e <= s:
                continue
            # Tokens overlapping [s, e).
            lo, hi = 0, len(self.starts)
            while lo < hi:
                mid = (lo + hi) // 2
                if self.ends[mid] <= s:
                    lo = mid + 1
                else:
                    hi = mid
            i = lo
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return out


def predicted_attributions(quotes):
    """dyad's quotes grouped by cue span: [{"source", "cue", "content": token spans}]."""
    groups = {}
    for q in quotes:
        cue = q.get("cue") or {}
        key = (cue.get("start"), cue.get("end"))
        g = groups.setdefault(key, {"source": [], "cue": [], "content": [], "quotes": []})
        sp = q.get("speaker") or {}
        if not g["source"] and sp.get("start") is not None:
            g["source"].append((sp.get("start"), sp.get("end")))
        if not g["cue"] and cue.get("start") is not None:
            g["cue"].append((cue.get("start"), cue.get("end")))
        ct = q.get("content") or {}
        if ct.get("start") is not None:
            g["content"].append((ct.get("start"), ct.get("end")))
        g["quotes"].append(q)
    return list(groups.values())


def is_quoted_speech(text, att):
    """A gold attribution whose content begins with a quotation mark."""
    spans = att.get("content") or []
    if not spans:
        return False
    s = text[spans[0][0]:spans[0][1]].lstrip()
    return s[:1] in "\"\u201c\u201e" or s.startswith("''") or s.startswith("``")


def align(gold, pred):
    """One-to-one alignment by shared content+cue tokens: [(gold index, pred index)]."""
    pairs = []
    for gi, g in enumerate(gold):
        gk = g["content"] | g["cue"]
        for pi, p in enumerate(pred):
            n = len(gk & (p["content"] | p["cue"]))
            if n:
                pairs.append((n, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def score_docs(docs, quotes, errors=0, out=sys.stdout):
    tp = {r: 0 for r in ROLES}
    n_pred = {r: 0 for r in ROLES}
    n_gold = {r: 0 for r in ROLES}
    n_gold_att = n_pred_att = n_aligned = 0
    direct_tp = direct_gold = 0
    shown = 0
    for doc_id, _, text, gold_atts in docs:
        words = Words(text)
        gold = [{r: words.of(a.get(r, [])) for r in ROLES} for a in gold_atts]
        preds_raw = predicted_attributions(quotes.get(doc_id, []))
        pred = [{r: words.of(p[r]) for r in ROLES} for p in preds_raw]
        for g in gold:
            for r in ROLES:
                n_gold[r] += len(g[r])
        for p in pred:
            for r in ROLES:
                n_pred[r] += len(p[r])
        pairs = align(gold, pred)
        matched_g = {gi for gi, _ in pairs}
        for gi, pi in pairs:
            for r in ROLES:
                tp[r] += len(gold[gi][r] & pred[pi][r])
        n_gold_att += len(gold)
        n_pred_att += len(pred)
        n_aligned += len(pairs)
        for gi, a in enumerate(gold_atts):
            if is_quoted_speech(text, a):
                direct_gold += len(gold[gi]["content"])
                for g2, p2 in pairs:
                    if g2 == gi:
                        direct_tp += len(gold[gi]["content"] & pred[p2]["content"])
        if errors and shown < errors:
            matched_p = {pi for _, pi in pairs}
            for pi, p in enumerate(preds_raw):
                if pi not in matched_p and shown < errors:
                    q = p["quotes"][0]
                    out.write("FP %s: [%s] %s | %s\n" % (doc_id, q["speaker"]["mention"],
                                                         q["cue"]["text"],
                                                         q["content"]["text"][:120]))
                    shown += 1
            for gi, a in enumerate(gold_atts):
                if gi not in matched_g and shown < errors:
                    def t(role):
                        return " | ".join(text[s:e] for s, e in a.get(role, []))
                    out.write("FN %s: [%s] %s | %s\n" % (doc_id, t("source"), t("cue"),
                                                         t("content")[:120].replace("\n", " ")))
                    shown += 1
    res = {"n": {}}
    for r in ROLES:
        p, rc, f = prf(tp[r], n_pred[r], n_gold[r])
        res["%s_f1" % r] = f
        if r == "content":
            res["content_p"], res["content_r"] = p, rc
        res["n"]["%s_f1" % r] = n_gold[r]
    res["content_p"] = res.get("content_p")
    res["attr_r"] = n_aligned / n_gold_att if n_gold_att else None
    res["attr_p"] = n_aligned / n_pred_att if n_pred_att else None
    res["direct_content_r"] = direct_tp / direct_gold if direct_gold else None
    res["n"].update({"content_p": n_pred["content"], "content_r": n_gold["content"],
                     "attr_r": n_gold_att, "attr_p": n_pred_att, "direct_content_r": direct_gold})
    return res


def score(shared, dyad, dict_dir=None, split="dev", limit=None, errors=0):
    docs = load_split(shared, split, limit)
    if not docs:
        raise dyadrun.DyadError("no PolNeAR %s articles under %s" % (split, shared))
    quotes = run_quotes(docs, dyad, dict_dir)
    return score_docs(docs, quotes, errors)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--dict", default=None)
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses and false hits")
    ap.add_argument("--json", default=None, help="write the figures to this file")
    a = ap.parse_args(argv)
    res = score(a.shared, a.dyad, a.dict, a.split, a.limit, a.errors)
    for key, label, target, _, _ in MEASURES:
        v = res.get(key)
        n = res["n"].get(key)
        print("%-45s %s%s%s" % (label, dyadrun.fmt(v), "" if target is None else
                                "  (target %.2f)" % target, "" if n is None else "  n=%d" % n))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
