#!/usr/bin/python3
"""Scores dyad on CASE 2021 task 2 (fine-grained event classification of news snippets,
events/case2021/test_dataset/test_set_final_release_with_labels.tsv: id, EventSnippet,
SubType; 30 ACLED-style types).

All snippets go to dyad in one JSONL run (id = the snippet's id, date 2021-01-01). dyad's
events are mapped to ONE type per snippet by data/acled/acled.map (rules in file order, the
first rule matched by any non-negated event of the snippet, or by the snippet's text for a
text rule, gives the type; the last rule is the fallback). The mapping was written from the
ACLED / CASE definitions and CAMEO, not fitted to these records; see the file's header.

  macro accuracy   mean over the gold types of the share of that type's snippets given the
                   gold type (per-type recall, macro-averaged; the task's headline measure
                   is macro F1, this is its recall side);
  micro accuracy   share of all snippets given the gold type;
  coverage         share of snippets in which dyad coded any non-negated event;
  by events only   share of snippets whose type came from an event rule (not a text rule,
                   not the fallback).

Usage: eval/case2021.py [--shared PATH] [--dyad PATH] [--dict DIR] [--map FILE] [--verbose]
                        [--errors] [--confusion] [--json F]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import collections
import csv
import json
import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "CASE 2021 task 2"
DATA = ("events", "case2021", "test_dataset", "test_set_final_release_with_labels.tsv")
DATE = "2021-01-01"
MAP_FILE = os.path.join(dyadrun.REPO_ROOT, "data", "acled", "acled.map")

# (key in score()'s dict, label, target, anchor, who holds the anchor)
MEASURES = [
    ("macro_accuracy", "macro accuracy (mean per-type recall)", 0.60, None, None),
    ("micro_accuracy", "micro accuracy", None, None, None),
    ("coverage", "coverage (snippets with an event)", None, None, None),
    ("event_typed", "typed by a dyad event (not text/fallback)", None, None, None),
]

CONDITION_KEYS = ("cameo", "plover", "mode", "source", "target", "source!", "target!", "verb",
                  "with", "text")


class MapError(ValueError):
    pass


# ---------------------------------------------------------------- the mapping file

def _phrase_re(items):
    """One regex for a list of words/phrases: whole words, case-insensitive, a trailing *
    allows any word ending."""
    parts = []
    for it in items:
        it = it.strip().lower()
        if not it:
            continue
        star = it.endswith("*")
        words = it.rstrip("*").split()
        body = r"\s+".join(re.escape(w) for w in words)
        parts.append(r"(?<![\w-])" + body + (r"[\w-]*" if star else r"(?![\w-])"))
    if not parts:
        raise MapError("empty word list")
    return re.compile("|".join(parts), re.I)


def parse_rule(line, where=""):
    """'TYPE<TAB>cond<TAB>cond' -> {"type", "conds": {key: value}, "always", "line"}."""
    fields = [f.strip() for f in line.split("\t") if f.strip()]
    if len(fields) < 2:
        raise MapError("%s: a rule needs a type and at least one condition" % where)
    rule = {"type": fields[0], "conds": {}, "always": False, "where": where}
    if not re.match(r"^[A-Z][A-Z_]*$", rule["type"]):
        raise MapError("%s: bad type %r" % (where, rule["type"]))
    for f in fields[1:]:
        if f == "always":
            rule["always"] = True
            continue
        m = re.match(r"^(cameo|plover|mode|source!|target!|source|target|with)=(.+)$", f) or \
            re.match(r"^(verb|text)~(.+)$", f)
        if not m:
            raise MapError("%s: bad condition %r" % (where, f))
        key, val = m.group(1), [v.strip() for v in m.group(2).split(";") if v.strip()]
        if key in rule["conds"]:
            raise MapError("%s: condition %s given twice" % (where, key))
        if key in ("verb", "text"):
            rule["conds"][key] = _phrase_re(val)
        elif key in ("plover", "source", "target", "source!", "target!"):
            rule["conds"][key] = {v.upper() for v in val}
        elif key == "mode":
            rule["conds"][key] = {v.lower() for v in val}
        else:
            rule["conds"][key] = tuple(val)
    if rule["always"] and rule["conds"]:
        raise MapError("%s: 'always' takes no other condition" % where)
    return rule


def load_map(path=MAP_FILE):
    rules = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = re.sub(r"(^|\s)#.*$", "", line.rstrip("\n"))
            if not line.strip():
                continue
            rules.append(parse_rule(line, "%s:%d" % (os.path.basename(path), n)))
    return rules


def sectors(code):
    """The 3-letter chunks of an actor code: 'IRQMIL' -> {'IRQ', 'MIL'}, '---REB' -> {'REB'}."""
    c = (code or "").strip().upper().replace("-", "")
    return {c[i:i + 3] for i in range(0, len(c) - 2, 3)}


def _sector_ok(want, actor):
    code = dyadrun.actor_code(actor)
    if "NONE" in want and not code:
        return True
    return bool(sectors(code) & want)


def event_matches(rule, ev, snippet_events):
    c = rule["conds"]
    cameo = str(ev.get("cameo") or "")
    if "cameo" in c and not any(cameo.startswith(p) for p in c["cameo"]):
        return False
    if "plover" in c and dyadrun.plover_event(ev) not in c["plover"]:
        return False
    if "mode" in c:
        p = ev.get("plover")
        mode = (p.get("mode") or "").lower() if isinstance(p, dict) else ""
        if mode not in c["mode"]:
            return False
    if "source" in c and not _sector_ok(c["source"], ev.get("source")):
        return False
    if "target" in c and not _sector_ok(c["target"], ev.get("target")):
        return False
    if "source!" in c and _sector_ok(c["source!"], ev.get("source")):
        return False
    if "target!" in c and _sector_ok(c["target!"], ev.get("target")):
        return False
    if "verb" in c:
        verb = ev.get("verb") or {}
        evid = ev.get("evidence") or {}
        words = " ".join(str(x) for x in ((verb.get("text") if isinstance(verb, dict) else verb),
                                          evid.get("pattern") if isinstance(evid, dict) else None)
                         if x)
        if not c["verb"].search(words):
            return False
    if "with" in c:
        if not any(o is not ev and str(o.get("cameo") or "").startswith(p)
                   for o in snippet_events for p in c["with"]):
            return False
    return True


def classify(rules, text, events):
    """(type, how) for one snippet: how is 'event', 'text' or 'fallback' (None, None when no
    rule matches)."""
    asserted = [e for e in events if not e.get("negated")]
    for r in rules:
        if r["always"]:
            return r["type"], "fallback"
        c = r["conds"]
        event_keys = [k for k in c if k != "text"]
        if "text" in c and not c["text"].search(text or ""):
            continue
        if not event_keys:
            return r["type"], "text"
        if any(event_matches(r, e, asserted) for e in asserted):
            return r["type"], "event"
    return None, None


# ---------------------------------------------------------------- data and scoring

def load_gold(path):
    gold = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if not header or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError("%s: unexpected header %r" % (path, header))
        for row in rows:
            if len(row) < 3 or not row[1].strip():
                continue
            gold.append({"id": row[0].strip(), "text": row[1].strip(),
                         "type": row[2].strip().upper()})
    return gold


def documents(gold):
    return [{"id": g["id"], "date": DATE, "title": "", "text": g["text"]} for g in gold]


def score_records(gold, events_by_doc, rules):
    n = len(gold)
    per = collections.OrderedDict()
    confusion = collections.defaultdict(collections.Counter)
    ok = covered = by_event = 0
    errors = []
    for g in gold:
        evs = events_by_doc.get(g["id"], [])
        pred, how = classify(rules, g["text"], evs)
        hit = pred == g["type"]
        ok += hit
        covered += any(not e.get("negated") for e in evs)
        by_event += how == "event"
        p = per.setdefault(g["type"], {"n": 0, "ok": 0})
        p["n"] += 1
        p["ok"] += hit
        confusion[g["type"]][pred or "(none)"] += 1
        if not hit:
            errors.append({"id": g["id"], "text": g["text"], "gold": g["type"], "pred": pred,
                           "how": how,
                           "dyad": [(e.get("cameo"), dyadrun.plover_event(e),
                                     dyadrun.actor_code(e.get("source")),
                                     dyadrun.actor_code(e.get("target")),
                                     (e.get("verb") or {}).get("text")
                                     if isinstance(e.get("verb"), dict) else e.get("verb"),
                                     bool(e.get("negated"))) for e in evs]})
    recalls = [p["ok"] / p["n"] for p in per.values() if p["n"]]
    return {
        "snippets": n,
        "types": len(per),
        "macro_accuracy": (sum(recalls) / len(recalls)) if recalls else None,
        "micro_accuracy": dyadrun.ratio(ok, n),
        "coverage": dyadrun.ratio(covered, n),
        "event_typed": dyadrun.ratio(by_event, n),
        "correct": ok,
        "n": {"macro_accuracy": n, "micro_accuracy": n, "coverage": n, "event_typed": n},
        "per_type": per,
        "confusion": {k: dict(v) for k, v in confusion.items()},
        "errors": errors,
    }


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None, map_file=None):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    gold = load_gold(path)
    rules = load_map(map_file or MAP_FILE)
    events, info = dyadrun.run_dyad(documents(gold), dyad=dyad, dict_dir=dict_dir, date=DATE)
    result = score_records(gold, events, rules)
    result["dyad"] = {"returncode": info["returncode"], "stats": info["stats"]}
    return result


def print_report(r, verbose=False, errors=False, confusion=False, out=sys.stdout):
    f = dyadrun.fmt
    w = out.write
    w("CASE 2021 task 2: %d snippets, %d gold types\n" % (r["snippets"], r["types"]))
    w("  macro accuracy (mean per-type recall) %s\n" % f(r["macro_accuracy"]))
    w("  micro accuracy %s  (%d/%d)\n" % (f(r["micro_accuracy"]), r["correct"], r["snippets"]))
    w("  coverage (snippets with a dyad event) %s; typed by an event rule %s\n"
      % (f(r["coverage"]), f(r["event_typed"])))
    if verbose or confusion:
        w("\n  %-30s %4s %4s %7s  %s\n" % ("gold type", "n", "ok", "recall",
                                          "predicted instead (top 3)"))
        for t, p in sorted(r["per_type"].items()):
            wrong = {k: v for k, v in r["confusion"][t].items() if k != t}
            top = sorted(wrong.items(), key=lambda kv: -kv[1])[:3]
            w("  %-30s %4d %4d %7s  %s\n" % (t, p["n"], p["ok"], f(p["ok"] / p["n"]),
                                            ", ".join("%s %d" % kv for kv in top)))
    if errors:
        w("\nsnippets missed:\n")
        for e in r["errors"]:
            w("- [%s] gold %s, got %s (%s)\n  %s\n" % (e["id"], e["gold"], e["pred"], e["how"],
                                                    e["text"][:300]))
            for d in e["dyad"]:
                w("  dyad %s %s %s -> %s '%s'%s\n" % (d[0], d[1] or "-", d[2] or "-", d[3] or "-",
                                                    d[4] or "", " (negated)" if d[5] else ""))


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED,
                    help="shared/ folder (or its data/ folder); default ../shared")
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD, help="dyad binary")
    ap.add_argument("--dict", dest="dict_dir", help="dictionary folder passed to dyad")
    ap.add_argument("--map", dest="map_file", help="mapping file (default data/acled/acled.map)")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-type recall table")
    ap.add_argument("--confusion", action="store_true", help="same as --verbose")
    ap.add_argument("--errors", action="store_true", help="list every missed snippet")
    ap.add_argument("--json", help="also write the measures as JSON to this file")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data): %s not found" % path)
        return 0
    try:
        r = score(a.shared, a.dyad, a.dict_dir, a.map_file)
    except dyadrun.DyadError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    print_report(r, a.verbose, a.errors, a.confusion)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({k: v for k, v in r.items() if k != "errors"}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
