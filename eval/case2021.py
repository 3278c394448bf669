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
            re.match(r"^(verb|text!|text)~(.+)$", f)
        if not m:
            raise MapError("%s: bad condition %r" % (where, f))
        key, val = m.group(1), [v.strip() for v in m.group(2).split(";") if v.strip()]
        if key == "text":  # may be given more than once: each list must match
            rule["conds"].setdefault("text", []).append(_phrase_re(val))
            continue
        if key == "text!":  # none of these may occur in the snippet
            rule["conds"].setdefault("text!", []).append(_phrase_re(val))
            continue
        if key in rule["conds"]:
            raise MapError("%s: condition %s given twice" % (where, key))
        if key == "verb":
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
        event_keys = [k for k in c if k not in ("text", "text!")]
        if "text" in c and not all(r.search(text or "") for r in c["text"]):
            continue
        if "text!" in c and any(r.search(text or "") for r in c["text!"]):
            continue
        if not event_keys:
            return r["type"], "text"
        if any(event_matches(r, e, asserted) for e in asserted):
            return r["type"], "event"
    return None, None


# ---------------------------------------------------------------- pattern-only fallback
# dyad codes an event only when it finds who acted; many snippets name no actor ("a grenade
# attack killed three"). For a snippet where no real event matched a rule, the scorer looks
# for dyad's own verb and event-noun patterns (the .verbs files of the dictionary folder) in
# the text and runs the same rules over these actor-less "pattern events".

DICT_DIR = os.path.join(dyadrun.REPO_ROOT, "data", "dict")
TOKEN_RE = re.compile(r"[\w][\w'-]*", re.UNICODE)
MAX_GAP = 3


def _forms_table(dict_dir):
    forms = {}
    for name in sorted(os.listdir(dict_dir)):
        if not name.endswith(".forms"):
            continue
        with open(os.path.join(dict_dir, name), encoding="utf-8") as f:
            for line in f:
                line = re.sub(r"(^|\s)#.*$", "", line).strip()
                if not line:
                    continue
                cols = [c for c in line.split("\t") if c.strip()]
                out = set()
                for c in cols[1:]:
                    out.update(x.strip().lower() for x in c.split(";") if x.strip())
                forms.setdefault(cols[0].strip().lower(), set()).update(out)
    return forms


def inflect(base, forms):
    """Regular English forms of a verb plus the .forms table's irregular ones."""
    b = base.lower()
    out = {b} | forms.get(b, set())
    if re.search(r"(s|sh|ch|x|z|o)$", b):
        out.add(b + "es")
    elif re.search(r"[^aeiou]y$", b):
        out.add(b[:-1] + "ies")
    else:
        out.add(b + "s")
    if b not in forms or len(forms[b]) < 2:
        if b.endswith("e"):
            out.add(b + "d")
        elif re.search(r"[^aeiou]y$", b):
            out.add(b[:-1] + "ied")
        else:
            out.add(b + "ed")
            if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", b):
                out.add(b + b[-1] + "ed")
    if b.endswith("ie"):
        out.add(b[:-2] + "ying")
    elif b.endswith("e") and not b.endswith("ee"):
        out.add(b[:-1] + "ing")
    else:
        out.add(b + "ing")
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", b):
            out.add(b + b[-1] + "ing")
    return out


def load_patterns(dict_dir=None):
    """{first word form: [(rest words, cameo, pattern text)]} from the .verbs files."""
    dict_dir = dict_dir or DICT_DIR
    forms = _forms_table(dict_dir)
    index = collections.defaultdict(list)
    for name in sorted(os.listdir(dict_dir)):
        if not name.endswith(".verbs"):
            continue
        with open(os.path.join(dict_dir, name), encoding="utf-8") as f:
            for line in f:
                line = re.sub(r"(^|\s)#.*$", "", line).strip()
                cols = [c.strip() for c in line.split("\t") if c.strip()]
                if len(cols) < 2 or not re.match(r"^\d{2,4}$", cols[0]):
                    continue
                pat = cols[1]
                noun = pat.startswith("n:")
                words = pat[2:].split() if noun else pat.split()
                if not words or "*" in words:
                    words = [w for w in words if w != "*"]
                    if not words:
                        continue
                words = [w.lower() for w in words]
                heads = {words[0]} if noun else inflect(words[0], forms)
                for h in heads:
                    index[h].append((tuple(words[1:]), cols[0], pat))
    return index


def pattern_events(index, text):
    """Actor-less events for every longest pattern match in the text."""
    toks = [t.lower() for t in TOKEN_RE.findall(text or "")]
    events = []
    for i, t in enumerate(toks):
        best = None
        for rest, cameo, pat in index.get(t, ()):
            j, ok = i, True
            for w in rest:
                k = next((k for k in range(j + 1, min(len(toks), j + 2 + MAX_GAP))
                          if toks[k] == w), None)
                if k is None:
                    ok = False
                    break
                j = k
            if ok and (best is None or len(rest) > len(best[0])):
                best = (rest, cameo, pat)
        if best:
            events.append({"cameo": best[1], "verb": {"text": t}, "source": None,
                           "target": None, "evidence": {"pattern": best[2]},
                           "negated": False, "pattern_only": True})
    return events


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


def score_records(gold, events_by_doc, rules, patterns=None):
    n = len(gold)
    per = collections.OrderedDict()
    confusion = collections.defaultdict(collections.Counter)
    ok = covered = by_event = by_pattern = 0
    errors = []
    for g in gold:
        evs = events_by_doc.get(g["id"], [])
        pred, how = classify(rules, g["text"], evs)
        if how in (None, "fallback") and patterns:
            p_pred, p_how = classify(rules, g["text"], pattern_events(patterns, g["text"]))
            if p_how == "event":
                pred, how = p_pred, "pattern"
        hit = pred == g["type"]
        ok += hit
        covered += any(not e.get("negated") for e in evs)
        by_event += how == "event"
        by_pattern += how == "pattern"
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
        "pattern_typed": dyadrun.ratio(by_pattern, n),
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
    result = score_records(gold, events, rules, load_patterns(dict_dir))
    result["dyad"] = {"returncode": info["returncode"], "stats": info["stats"]}
    return result


def print_report(r, verbose=False, errors=False, confusion=False, out=sys.stdout):
    f = dyadrun.fmt
    w = out.write
    w("CASE 2021 task 2: %d snippets, %d gold types\n" % (r["snippets"], r["types"]))
    w("  macro accuracy (mean per-type recall) %s\n" % f(r["macro_accuracy"]))
    w("  micro accuracy %s  (%d/%d)\n" % (f(r["micro_accuracy"]), r["correct"], r["snippets"]))
    w("  coverage (snippets with a dyad event) %s; typed by a dyad event %s, by a pattern"
      " event %s\n" % (f(r["coverage"]), f(r["event_typed"]), f(r.get("pattern_typed"))))
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
