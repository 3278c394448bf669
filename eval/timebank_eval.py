#!/usr/bin/python3
"""Scores dyad's time tagger against TimeBank + AQUAINT (time/TBAQ-cleaned, TimeML TIMEX3).

Each .tml file is one document: id = the file name without .tml, date = the first ten
characters of the value of the TIMEX3 with functionInDocument="CREATION_TIME" (the DCT), text
= the content of <TEXT> with every tag removed and entities decoded. Gold TIMEX3 offsets are
mapped onto that text (code points). All documents go to `dyad timex` in one JSONL run.

  detection strict    P/R/F1 of timexes whose span equals a gold span exactly;
  detection relaxed   P/R/F1 where a prediction overlapping a gold timex matches it (each
                      gold and each prediction used once, the largest overlap first);
  value accuracy      over gold DATE and TIME timexes that were detected (relaxed match, as
                      TempEval-3 scores attributes): share whose value equals the gold value;
  value F1            TempEval-3's attribute F1 for value: relaxed matches (all types) whose
                      value is right, over predictions (P) and over gold timexes (R);
  type accuracy       over all detected gold timexes: share whose type equals the gold type.

Usage: eval/timebank_eval.py [--shared PATH] [--dyad PATH] [--errors] [--verbose] [--json F]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import collections
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "TimeBank+AQUAINT"
DATA = ("time", "TBAQ-cleaned")

# The anchors come from TempEval-3 (its platinum test set, newer news than this set, so a
# guide and not a like-for-like comparison): HeidelTime strict F1 0.81, relaxed F1 0.90, value
# F1 0.78; SUTime value F1 0.67.
MEASURES = [
    ("strict_f1", "TIMEX3 detection strict F1", 0.85, 0.81, "HeidelTime (TE3)"),
    ("strict_p", "TIMEX3 detection strict P", None, None, None),
    ("strict_r", "TIMEX3 detection strict R", None, None, None),
    ("relaxed_f1", "TIMEX3 detection relaxed F1", None, 0.90, "HeidelTime (TE3)"),
    ("value_accuracy", "DATE/TIME value accuracy (detected)", 0.85, None, None),
    ("value_f1", "value F1 (TempEval-3 style)", None, 0.78, "HeidelTime (TE3)"),
    ("type_accuracy", "TIMEX3 type accuracy (detected)", None, None, None),
]

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>")
ATTR_RE = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path


def attrs_of(s):
    return {k: html.unescape(v) for k, v in ATTR_RE.findall(s or "")}


def parse_tml(content, doc_id=""):
    """One TimeML file -> {"id", "date", "text", "gold": [{start, end, text, type, value,
    mod}]}; offsets are code points into text."""
    date = ""
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", content):
        a = attrs_of(m.group(1))
        if a.get("functionInDocument") == "CREATION_TIME":
            date = a.get("value", "")[:10]
            break
    m = re.search(r"<TEXT>(.*?)</TEXT>", content, re.S)
    body = m.group(1) if m else ""
    text_parts, length, gold, stack = [], 0, [], []
    pos = 0
    for t in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, rest, selfclose = t.group(1), t.group(2), t.group(3), t.group(4)
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            stack.append((length, attrs_of(rest)))
        elif stack:
            start, a = stack.pop()
            gold.append({"start": start, "end": length, "type": a.get("type", ""),
                         "value": a.get("value", ""), "mod": a.get("mod", "")})
    chunk = html.unescape(body[pos:])
    text_parts.append(chunk)
    text = "".join(text_parts)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    gold.sort(key=lambda g: (g["start"], g["end"]))
    return {"id": doc_id, "date": date, "text": text, "gold": gold}


def load(path):
    docs = []
    for sub in sorted(os.listdir(path)):
        d = os.path.join(path, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".tml"):
                continue
            with open(os.path.join(d, name), encoding="utf-8") as f:
                docs.append(parse_tml(f.read(), name[:-4]))
    return docs


def run_timex(docs, dyad=None, timeout=1800):
    """Runs `dyad timex` once over docs; returns {id: [timex dicts]}."""
    exe = dyadrun.dyad_path(dyad)
    if not dyadrun.dyad_available(exe):
        raise dyadrun.DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    with tempfile.TemporaryDirectory(prefix="dyad-eval-") as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "date": d["date"], "text": d["text"]},
                                   ensure_ascii=False) + "\n")
        cmd = [exe, "timex", inp]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            raise dyadrun.DyadError("dyad timed out after %ss: %s" % (timeout, " ".join(cmd)))
        except OSError as e:
            raise dyadrun.DyadError("cannot run %s: %s" % (exe, e))
    out = {}
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            out[str(obj.get("id"))] = obj.get("timexes") or []
    if not out and docs:
        raise dyadrun.DyadError("dyad timex exited %d with no output\n  stderr: %s"
                                % (proc.returncode, proc.stderr.decode("utf-8", "replace")[-800:]))
    return out


def match_relaxed(gold, pred):
    """One-to-one overlap matching: [(gold index, pred index)], the largest overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def prf(tp, n_pred, n_gold):
    p = dyadrun.ratio(tp, n_pred)
    r = dyadrun.ratio(tp, n_gold)
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def score_docs(docs, predicted, errors=None):
    """Measures from gold docs and {id: [timex]} predictions. `errors`, when a list, receives
    (kind, doc id, gold or None, prediction or None, context) tuples."""
    n_gold = n_pred = strict_tp = relaxed_tp = 0
    val_n = val_ok = type_n = type_ok = value_tp = 0
    for d in docs:
        gold = d["gold"]
        pred = [p for p in predicted.get(d["id"], []) if isinstance(p, dict)]
        pred = [{"start": int(p.get("start", 0)), "end": int(p.get("end", 0)),
                 "type": p.get("type") or "", "value": p.get("value") or "",
                 "mod": p.get("mod") or "", "text": p.get("text") or ""} for p in pred]
        n_gold += len(gold)
        n_pred += len(pred)
        spans = {(p["start"], p["end"]) for p in pred}
        strict_tp += sum(1 for g in gold if (g["start"], g["end"]) in spans)
        pairs = match_relaxed(gold, pred)
        relaxed_tp += len(pairs)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            type_n += 1
            type_ok += g["type"] == p["type"]
            value_tp += g["value"] == p["value"]
            if g["type"] in ("DATE", "TIME"):
                val_n += 1
                ok = g["value"] == p["value"]
                val_ok += ok
                if errors is not None and not ok:
                    errors.append(("value", d, g, p))
            if errors is not None and (g["start"], g["end"]) != (p["start"], p["end"]):
                errors.append(("span", d, g, p))
        if errors is not None:
            mg = {i for i, _ in pairs}
            mp = {j for _, j in pairs}
            errors += [("missed", d, g, None) for i, g in enumerate(gold) if i not in mg]
            errors += [("spurious", d, None, p) for j, p in enumerate(pred) if j not in mp]
    sp, sr, sf = prf(strict_tp, n_pred, n_gold)
    rp, rr, rf = prf(relaxed_tp, n_pred, n_gold)
    _, _, vf = prf(value_tp, n_pred, n_gold)
    return {
        "strict_f1": sf, "strict_p": sp, "strict_r": sr,
        "relaxed_f1": rf, "relaxed_p": rp, "relaxed_r": rr,
        "value_accuracy": dyadrun.ratio(val_ok, val_n),
        "value_f1": vf,
        "type_accuracy": dyadrun.ratio(type_ok, type_n),
        "n": {"strict_f1": n_gold, "strict_p": n_pred, "strict_r": n_gold,
              "relaxed_f1": n_gold, "value_accuracy": val_n, "value_f1": n_gold,
              "type_accuracy": type_n},
    }


def score(shared, dyad, dict_dir=None, errors=None):
    ok, path = available(shared)
    if not ok:
        raise dyadrun.DyadError("no TBAQ-cleaned under %s" % dyadrun.data_dir(shared))
    docs = load(path)
    return score_docs(docs, run_timex(docs, dyad), errors)


def context(d, start, end, width=40):
    t = d["text"]
    return ("%s[%s]%s" % (t[max(0, start - width):start], t[start:end], t[end:end + width])
            ).replace("\n", " ")


def print_errors(errors, out=sys.stdout):
    def show(x):
        if x is None:
            return "-"
        return "%r %s %s%s" % (x["text"], x["type"], x["value"],
                               (" " + x["mod"]) if x.get("mod") else "")
    for kind, d, g, p in errors:
        x = g or p
        out.write("%-8s %s %s | gold %s | dyad %s\n    %s\n" % (
            kind, d["id"], d["date"], show(g), show(p), context(d, x["start"], x["end"])))


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED)
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD)
    ap.add_argument("--errors", nargs="*", metavar="KIND",
                    help="list errors (all, or only KIND: missed spurious span value)")
    ap.add_argument("--verbose", action="store_true", help="per-type detection counts")
    ap.add_argument("--json", metavar="F", help="write the measures to F")
    a = ap.parse_args(argv)
    errors = [] if a.errors is not None else None
    res = score(a.shared, a.dyad, errors=errors)
    if errors is not None:
        kinds = set(a.errors or ["missed", "spurious", "span", "value"])
        print_errors([e for e in errors if e[0] in kinds])
    if a.verbose and errors is not None:
        c = collections.Counter((e[0], (e[2] or e[3])["type"]) for e in errors)
        for k, v in sorted(c.items()):
            print("%-8s %-8s %d" % (k[0], k[1], v))
    for key in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
                "value_accuracy", "value_f1", "type_accuracy"):
        print("%-16s %s" % (key, dyadrun.fmt(res[key])))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
