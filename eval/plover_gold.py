#!/usr/bin/python3
"""Scores dyad against the PLOVER gold-standard records (events/plover/PLOVER_GSR_CAMEO.txt).

All 322 sentences go to dyad in one JSONL run (id = the record's index in the JSON array,
date 2000-01-01). Then, per gold record:

  event accuracy (any)   the record is right when some non-negated event dyad coded for it
                         has the gold PLOVER event type;
  event accuracy (top)   ... when the first non-negated event dyad emitted for it (output
                         order) has the gold PLOVER event type;
  source+target accuracy among records with a gold source and a gold target: right when one
                         dyad event (negated or not) has a source matching one of the gold
                         sources and a target matching one of the gold targets;
  joint accuracy         among the same records: one non-negated event has the gold event type,
                         a matching source and a matching target.

Event names: the 2016 draft names in the gold file are mapped to the 2021 names, on both the
gold and the dyad side (EVENT_ALIASES). Actor codes are compared at the level the gold file
codes them, the primary (country) code; see actor_class() and eval/README.md.

Usage: eval/plover_gold.py [--shared PATH] [--dyad PATH] [--dict DIR] [--verbose] [--errors]
Importable: score(shared, dyad, dict_dir=None) -> dict of measures.
"""

import argparse
import collections
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "PLOVER gold"
DATA = ("events", "plover", "PLOVER_GSR_CAMEO.txt")
DATE = "2000-01-01"

# (key in score()'s dict, label, target, anchor, who holds the anchor)
MEASURES = [
    ("event_accuracy", "event accuracy (any event)", 0.80, None, None),
    ("event_accuracy_top", "event accuracy (top event)", None, None, None),
    ("source_target_accuracy", "source+target code accuracy", 0.65, None, None),
    ("joint_accuracy", "event+source+target in one event", None, None, None),
]

# The gold file uses the 2016 draft names in 76 records; PLOVER 2021 and CAMEO2PLOVER-2021
# name the same events as follows (CAMEO 10 -> REQUEST, 11 and 09 -> ACCUSE, 19 -> ASSAULT).
EVENT_ALIASES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# Primary codes that are not the ISO 3166 alpha-3 codes the gold file otherwise uses (gold
# JAP/ITL/VTN, older CAMEO ROM/TMP/ZAR, Yugoslavia coded as its ISO successor SRB as the gold
# file does). ISM ("Muslim hackers") is the gold file's own code for a Muslim non-state actor;
# CAMEO writes that MOS. Applied to gold and dyad codes alike.
CODE_ALIASES = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "TMP": "TLS", "ZAR": "COD",
    "YUG": "SRB", "SCG": "SRB", "ISM": "MOS",
}

# Organisation codes dyad may write without the IGO prefix (dyad's dictionaries allow `UNO`,
# `NATO` as codes). All of them count as the gold file's IGO/NGO.
ORG_CODES = ("UNO", "NATO", "EEC", "IAEA", "IMF", "WTO", "OPEC", "ASEAN", "APEC", "OSCE",
             "ICRC")

SECTOR_ALIASES = {"CIV": "CVL"}


def norm_event(name):
    name = (name or "").strip().upper()
    return EVENT_ALIASES.get(name, name)


def actor_class(code):
    """The primary-code class a full actor code is compared at.

    - first three letters, through CODE_ALIASES: 'RUSGOV' -> 'RUS', 'JAP' -> 'JPN';
    - IGO and NGO are one class 'ORG' (the gold file codes Amnesty and the Red Cross IGO and
      other groups NGO): gold 'IGO'/'NGO', dyad 'IGO...'/'NGO...' and dyad codes starting
      with an ORG_CODES entry ('UNO', 'NATOMIL') are all 'ORG';
    - 'IMG...' (international militarised group) is 'IMG';
    - '' (absent) and codes starting with '---' (unknown country) are '' and match nothing.
    """
    c = (code or "").strip().upper()
    if not c or c.startswith("---") or c.startswith("***"):
        return ""
    head = c[:3]
    if head in ("IGO", "NGO"):
        return "ORG"
    if head == "IMG":
        return "IMG"
    for org in ORG_CODES:
        if c.startswith(org):
            return "ORG"
    return CODE_ALIASES.get(head, head)


def dyad_sectors(code):
    """Three-letter chunks after the primary code: 'RUSGOVMIL' -> {'GOV', 'MIL'}."""
    c = (code or "").strip().upper()
    if c[:3] in ("IGO", "NGO", "IMG"):
        rest = c[3:]
    else:
        rest = c[3:]
        for org in ORG_CODES:
            if c.startswith(org):
                rest = c[len(org):]
                break
    chunks = {rest[i:i + 3] for i in range(0, len(rest) - 2, 3)}
    return {SECTOR_ALIASES.get(s, s) for s in chunks}


def gold_actors(field):
    """[(class, sector or None)] of a gold source/target field (a list, '', or None)."""
    out = []
    if isinstance(field, list):
        for a in field:
            if not isinstance(a, dict):
                continue
            cls = actor_class(a.get("code"))
            if not cls:
                continue
            sec = (a.get("sector") or "").strip().upper()[:3]
            sec = None if (not sec or sec == "***") else SECTOR_ALIASES.get(sec, sec)
            out.append((cls, sec))
    return out


def clean_text(text):
    """The sentence as a news text: leftovers of the CAMEO manual's LaTeX removed (two records
    are wrapped in braces, one has an escaped dollar sign), outer whitespace dropped."""
    t = text.strip().replace("\\$", "$")
    if t.startswith("{") and t.endswith("}"):
        t = t[1:-1].strip()
    return t


def load_gold(path):
    """Gold records (the DOCUMENT record skipped), each with the fields the scorer needs."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    gold = []
    for index, rec in enumerate(data):
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        gold.append({
            "doc_id": str(index),
            "gold_id": rec.get("id"),
            "text": clean_text(rec["text"]),
            "event_raw": (rec.get("event") or "").strip().upper(),
            "event": norm_event(rec.get("event")),
            "sources": gold_actors(rec.get("source")),
            "targets": gold_actors(rec.get("target")),
        })
    return gold


def documents(gold):
    return [{"id": g["doc_id"], "date": DATE, "title": "", "text": g["text"]} for g in gold]


def _match(actors, ev_actor, with_sector=False):
    code = dyadrun.actor_code(ev_actor)
    cls = actor_class(code)
    if not cls:
        return False
    for gcls, gsec in actors:
        if gcls != cls:
            continue
        if not with_sector or gsec is None or gsec in dyad_sectors(code):
            return True
    return False


def score_records(gold, events_by_doc):
    """Pure scoring: gold records and dyad events grouped by doc id -> dict of measures."""
    n = len(gold)
    any_ok = top_ok = 0
    st_n = st_ok = src_ok = tar_ok = sec_ok = joint_ok = 0
    no_events = 0
    per = collections.OrderedDict()
    errors = []
    for g in gold:
        evs = events_by_doc.get(g["doc_id"], [])
        asserted = [e for e in evs if not e.get("negated")]
        if not evs:
            no_events += 1
        types = [norm_event(dyadrun.plover_event(e)) for e in asserted]
        hit_any = g["event"] in types
        hit_top = bool(types) and types[0] == g["event"]
        any_ok += hit_any
        top_ok += hit_top
        p = per.setdefault(g["event_raw"], {"event": g["event"], "n": 0, "any": 0, "top": 0,
                                            "st_n": 0, "st": 0, "joint": 0,
                                            "predicted": collections.Counter()})
        p["n"] += 1
        p["any"] += hit_any
        p["top"] += hit_top
        if not hit_any:
            p["predicted"][(types[0] or "(no PLOVER)") if types else "(no event)"] += 1
        rec_err = {"gold_id": g["gold_id"], "doc_id": g["doc_id"], "text": g["text"],
                   "gold_event": g["event"],
                   "gold_source": [a for a, _ in g["sources"]],
                   "gold_target": [a for a, _ in g["targets"]],
                   "dyad": [(dyadrun.plover_event(e), e.get("cameo"),
                             dyadrun.actor_code(e.get("source")),
                             dyadrun.actor_code(e.get("target")), bool(e.get("negated")))
                            for e in evs],
                   "event_ok": hit_any, "actors_ok": None}
        if g["sources"] and g["targets"]:
            st_n += 1
            p["st_n"] += 1
            s_hit = any(_match(g["sources"], e.get("source")) for e in evs)
            t_hit = any(_match(g["targets"], e.get("target")) for e in evs)
            st_hit = any(_match(g["sources"], e.get("source")) and
                         _match(g["targets"], e.get("target")) for e in evs)
            sec_hit = any(_match(g["sources"], e.get("source"), True) and
                          _match(g["targets"], e.get("target"), True) for e in evs)
            j_hit = any(_match(g["sources"], e.get("source")) and
                        _match(g["targets"], e.get("target")) and
                        norm_event(dyadrun.plover_event(e)) == g["event"]
                        for e in asserted)
            src_ok += s_hit
            tar_ok += t_hit
            st_ok += st_hit
            sec_ok += sec_hit
            joint_ok += j_hit
            p["st"] += st_hit
            p["joint"] += j_hit
            rec_err["actors_ok"] = st_hit
        if not rec_err["event_ok"] or rec_err["actors_ok"] is False:
            errors.append(rec_err)
    for p in per.values():
        p["predicted"] = dict(p["predicted"].most_common(3))
    return {
        "records": n,
        "event_accuracy": dyadrun.ratio(any_ok, n),
        "event_accuracy_top": dyadrun.ratio(top_ok, n),
        "event_correct": any_ok,
        "event_correct_top": top_ok,
        "records_without_events": no_events,
        "actor_records": st_n,
        "source_target_accuracy": dyadrun.ratio(st_ok, st_n),
        "source_accuracy": dyadrun.ratio(src_ok, st_n),
        "target_accuracy": dyadrun.ratio(tar_ok, st_n),
        "source_target_sector_accuracy": dyadrun.ratio(sec_ok, st_n),
        "joint_accuracy": dyadrun.ratio(joint_ok, st_n),
        "n": {"event_accuracy": n, "event_accuracy_top": n, "source_target_accuracy": st_n,
              "joint_accuracy": st_n},
        "per_event": per,
        "errors": errors,
    }


def available(shared):
    path = dyadrun.shared_file(shared, *DATA)
    return path is not None, path or os.path.join(dyadrun.data_dir(shared), *DATA)


def score(shared=None, dyad=None, dict_dir=None):
    ok, path = available(shared)
    if not ok:
        raise FileNotFoundError(path)
    gold = load_gold(path)
    events, info = dyadrun.run_dyad(documents(gold), dyad=dyad, dict_dir=dict_dir, date=DATE)
    result = score_records(gold, events)
    result["dyad"] = {"returncode": info["returncode"], "stats": info["stats"]}
    return result


def print_report(r, verbose=False, errors=False, out=sys.stdout):
    f = dyadrun.fmt
    w = out.write
    w("PLOVER gold: %d records, %d with gold source and target, %d without any dyad event\n"
      % (r["records"], r["actor_records"], r["records_without_events"]))
    w("  event accuracy (any non-negated event) %s  (%d/%d)\n"
      % (f(r["event_accuracy"]), r["event_correct"], r["records"]))
    w("  event accuracy (first non-negated event) %s  (%d/%d)\n"
      % (f(r["event_accuracy_top"]), r["event_correct_top"], r["records"]))
    w("  source+target code accuracy %s   (source %s, target %s, with sector %s)\n"
      % (f(r["source_target_accuracy"]), f(r["source_accuracy"]), f(r["target_accuracy"]),
         f(r["source_target_sector_accuracy"])))
    w("  event+source+target in one event %s\n" % f(r["joint_accuracy"]))
    if verbose:
        w("\n  %-12s %-9s %4s %6s %6s %5s %6s %6s  %s\n"
          % ("gold event", "as 2021", "n", "any", "top", "st n", "st", "joint",
             "dyad's first type when missed"))
        for name, p in sorted(r["per_event"].items()):
            w("  %-12s %-9s %4d %6s %6s %5d %6s %6s  %s\n"
              % (name, p["event"] if p["event"] != name else "", p["n"],
                 f(dyadrun.ratio(p["any"], p["n"])), f(dyadrun.ratio(p["top"], p["n"])),
                 p["st_n"], f(dyadrun.ratio(p["st"], p["st_n"])),
                 f(dyadrun.ratio(p["joint"], p["st_n"])),
                 ", ".join("%s %d" % kv for kv in p["predicted"].items())))
    if errors:
        w("\nrecords missed (event type, or source+target):\n")
        for e in r["errors"]:
            w("- [%s] %s\n  gold %s %s -> %s%s%s\n" % (
                e["gold_id"], e["text"], e["gold_event"], "/".join(e["gold_source"]) or "-",
                "/".join(e["gold_target"]) or "-",
                "" if e["event_ok"] else "  EVENT MISSED",
                "  ACTORS MISSED" if e["actors_ok"] is False else ""))
            for pe, cameo, s, t, neg in e["dyad"]:
                w("  dyad %s %s %s -> %s%s\n" % (pe or "-", cameo or "-", s or "-", t or "-",
                                                 " (negated)" if neg else ""))


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=dyadrun.DEFAULT_SHARED,
                    help="shared/ folder (or its data/ folder); default ../shared")
    ap.add_argument("--dyad", default=dyadrun.DEFAULT_DYAD, help="dyad binary")
    ap.add_argument("--dict", dest="dict_dir", help="dictionary folder passed to dyad")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-event-type breakdown")
    ap.add_argument("--errors", action="store_true", help="list every missed record")
    ap.add_argument("--json", help="also write the measures as JSON to this file")
    a = ap.parse_args(argv)
    ok, path = available(a.shared)
    if not ok:
        print("skipped (no SHARED data): %s not found" % path)
        return 0
    try:
        r = score(a.shared, a.dyad, a.dict_dir)
    except dyadrun.DyadError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    print_report(r, a.verbose, a.errors)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({k: v for k, v in r.items() if k != "errors"}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
