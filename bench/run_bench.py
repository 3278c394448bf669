#!/usr/bin/python3
"""Throughput and memory benchmark behind `make bench`.

Converts, untimed and into a temporary folder, the shared news corpora to dyad's JSONL input
(one document a line: id, date, title, text):
  bbc      corpora/bbc/{train,val,test}.csv   (columns text,category; 2,225 articles, 2004-05;
           no title or date in the data: title is empty, date null, and dyad gets
           --date 2005-01-01)
  reuters  corpora/reuters21578/reut2-*.sgm.gz (SGML, latin-1; <DATE> "26-FEB-1987 15:01:01.79"
           -> 1987-02-26; <TITLE>, <DATELINE> and <BODY> inside <TEXT>; HTML entities decoded,
           control characters dropped; stories without <BODY> skipped)
then times, for each corpus,
  dyad code FILE.jsonl --input-format jsonl --out /dev/null --threads 1 --stats S
  dyad code FILE.jsonl --input-format jsonl --out /dev/null --threads 0 --stats S
each in a fresh child process, and prints corpus, threads, documents, sentences, MB, seconds,
documents/s, sentences/s, MB/s and peak RSS.

  seconds    wall-clock time of the whole dyad process (start-up and dictionary loading
             included); dyad's own --stats "seconds" is kept in the JSON as dyad_seconds
  MB         UTF-8 bytes of title + text of the converted documents, 10^6 bytes to a MB
             (dyad's own --stats "bytes" is kept in the JSON as dyad_bytes)
  documents  from dyad's --stats (documents coded); sentences likewise
  sents/CPU-s sentences per CPU-second (user + system time of the child, from os.wait4): the
             one-core figure, steady when other work shares the machine (target >= 5,000 on
             Reuters with --threads 1, parsing included)
  peak RSS   ru_maxrss of that one child, from os.wait4

Then, when the Python module is built (build/python beside the binary) and Dask is installed,
the cluster path against the plain CLI on the Reuters corpus, split untimed into --dask-partitions
JSONL files (in order), each run in a fresh child:
  dyad code PARTS/ --input-format jsonl --threads 2 --out R.jsonl --db R.db --stats S
  python3 -m dyad.dask PARTS/ --input-format jsonl --workers 2 --out DIR --db D.db --stats S
and prints both wall-clock times (cluster start-up, dictionary loading in each worker, the
partition shards and the merge into one database included) and their ratio, dask / CLI.
--dask off skips it; --dask on fails when it cannot run.

Last, bench/store_bench.py times the database: `dyad export` of 1,000,000 events (peak RSS flat
against 100,000) and wrk with 50 connections for 10 s against `dyad serve`'s /api/events
(requests/s, p99); --store off skips it.

And bench/extract_bench.py times `dyad extract` on the WCXB pages (793 pages once and 13
times over: pages/s, pages per CPU-second, peak RSS flat); --extract off skips it.

And bench/nlp_bench.py times `dyad parse --bench` on the BBC corpus: tokenization alone,
tagging + parsing (target >= 150,000 tokens/s on one core) and the models' peak RSS (target
<= 300 MB); --nlp off skips it.

Usage: bench/run_bench.py [--shared PATH] [--dyad PATH] [--corpus bbc|reuters|all]
                          [--limit N] [--threads 1,0] [--json bench/results.json]
                          [--dask auto|on|off] [--dask-workers 2] [--dask-partitions 8]
                          [--store on|off]
"""

import argparse
import csv
import datetime
import glob
import gzip
import html
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO_ROOT), "shared")
DEFAULT_DYAD = os.path.join(REPO_ROOT, "build", "dyad")

BBC_DATE = "2005-01-01"
MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def data_dir(shared):
    shared = shared or DEFAULT_SHARED
    if os.path.isdir(os.path.join(shared, "data")):
        return os.path.join(shared, "data")
    return shared


# ---------------------------------------------------------------- corpus readers

def bbc_docs(shared, limit=None):
    """Yields BBC documents; None when the corpus is not there."""
    folder = os.path.join(data_dir(shared), "corpora", "bbc")
    files = [os.path.join(folder, n + ".csv") for n in ("train", "val", "test")]
    files = [f for f in files if os.path.exists(f)]
    if not files:
        return None

    def gen():
        n = 0
        csv.field_size_limit(1 << 30)
        for path in files:
            split = os.path.splitext(os.path.basename(path))[0]
            with open(path, encoding="utf-8", newline="") as f:
                for i, row in enumerate(csv.DictReader(f)):
                    text = (row.get("text") or "").strip()
                    if not text:
                        continue
                    yield {"id": "bbc-%s-%d" % (split, i), "date": None, "title": "",
                           "text": text, "category": row.get("category")}
                    n += 1
                    if limit and n >= limit:
                        return
    return gen()


def _sgml_field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), block, re.S | re.I)
    return m.group(1) if m else None


def _clean(s):
    s = html.unescape(s)
    s = _CTRL.sub("", s)
    return s.strip()


def reuters_date(s):
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26' (None when unreadable)."""
    m = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", s or "")
    if not m or m.group(2).upper() not in MONTHS:
        return None
    return "%04d-%02d-%02d" % (int(m.group(3)), MONTHS[m.group(2).upper()], int(m.group(1)))


def parse_reuters(sgml):
    """Documents of one Reuters-21578 SGML file's text (stories without <BODY> skipped)."""
    for m in re.finditer(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", sgml, re.S):
        attrs, block = m.group(1), m.group(2)
        text_block = _sgml_field(block, "TEXT")
        if text_block is None:
            continue
        body = _sgml_field(text_block, "BODY")
        if body is None:
            continue
        body = _clean(body)
        if not body:
            continue
        nid = re.search(r'NEWID="(\d+)"', attrs)
        title = _clean(_sgml_field(text_block, "TITLE") or "")
        dateline = " ".join(_clean(_sgml_field(text_block, "DATELINE") or "").split())
        doc = {"id": "reuters-%s" % (nid.group(1) if nid else m.start()),
               "date": reuters_date(_sgml_field(block, "DATE") or ""),
               "title": title, "text": body}
        if dateline:
            doc["dateline"] = dateline.rstrip(" -")
        yield doc


def reuters_docs(shared, limit=None):
    files = sorted(glob.glob(os.path.join(data_dir(shared), "corpora", "reuters21578",
                                          "reut2-*.sgm*")))
    if not files:
        return None

    def gen():
        n = 0
        for path in files:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                sgml = f.read().decode("latin-1")
            for doc in parse_reuters(sgml):
                yield doc
                n += 1
                if limit and n >= limit:
                    return
    return gen()


CORPORA = {
    "bbc": (bbc_docs, BBC_DATE),
    "reuters": (reuters_docs, None),
}


def convert(name, shared, limit, folder):
    """Writes the corpus to folder/name.jsonl; returns (path, documents, text bytes) or None."""
    reader, _ = CORPORA[name]
    docs = reader(shared, limit)
    if docs is None:
        return None
    path = os.path.join(folder, name + ".jsonl")
    n = nbytes = 0
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            out = {"id": d["id"], "date": d["date"], "title": d["title"], "text": d["text"]}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
            n += 1
            nbytes += len(d["title"].encode("utf-8")) + len(d["text"].encode("utf-8"))
    return path, n, nbytes


# ---------------------------------------------------------------- timing

def run_once(dyad, path, threads, date, folder, timeout):
    """Runs dyad on path in a fresh child; returns a result dict."""
    stats_path = os.path.join(folder, "stats-%d.json" % threads)
    if os.path.exists(stats_path):
        os.remove(stats_path)
    err_path = os.path.join(folder, "stderr.txt")
    cmd = [dyad, "code", path, "--input-format", "jsonl", "--out", os.devnull,
           "--threads", str(threads), "--stats", stats_path]
    if date:
        cmd += ["--date", date]
    with open(err_path, "wb") as err, open(os.devnull, "wb") as devnull:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=devnull, stderr=err)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stats = None
    if os.path.exists(stats_path):
        try:
            with open(stats_path, encoding="utf-8") as f:
                stats = json.load(f)
        except ValueError:
            stats = None
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    return {"returncode": proc.returncode, "seconds": seconds,
            "cpu_seconds": ru.ru_utime + ru.ru_stime,
            "peak_rss_mb": ru.ru_maxrss / 1024.0,  # Linux: kilobytes
            "stats": stats, "stderr": stderr[-1500:], "timed_out": seconds > timeout,
            "cmd": cmd}


def per_s(x, s):
    return (x / s) if (x is not None and s) else None


def fmt(x, digits):
    if x is None:
        return "-"
    return "{:,.{d}f}".format(x, d=digits)


def render(rows, out=sys.stdout):
    head = ("corpus", "threads", "documents", "sentences", "MB", "seconds", "docs/s",
            "sents/s", "sents/CPU-s", "MB/s", "peak RSS MB")
    table = []
    for r in rows:
        if r.get("skipped"):
            table.append((r["corpus"], "-", "-", "-", "-", "-", "-", "-", "-", "-",
                          r["skipped"]))
            continue
        table.append((r["corpus"], str(r["threads"]) + (" (all)" if r["threads"] == 0 else ""),
                      fmt(r["documents"], 0), fmt(r["sentences"], 0), fmt(r["mb"], 2),
                      fmt(r["seconds"], 2), fmt(r["documents_per_s"], 1),
                      fmt(r["sentences_per_s"], 0),
                      fmt(per_s(r["sentences"], r.get("cpu_seconds")), 0), fmt(r["mb_per_s"], 3),
                      fmt(r["peak_rss_mb"], 1) + ("  (exit %d)" % r["returncode"]
                                                  if r["returncode"] else "")))
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h)
              for i, h in enumerate(head)]
    out.write("  ".join("%*s" % (w, h) if i > 0 else "%-*s" % (w, h)
                        for i, (w, h) in enumerate(zip(widths, head))) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for t in table:
        out.write("  ".join("%*s" % (w, c) if i > 0 else "%-*s" % (w, c)
                            for i, (w, c) in enumerate(zip(widths, t))).rstrip() + "\n")


# ---------------------------------------------------------------- the Dask cluster path

def python_module_dir(dyad):
    """build/python beside the dyad binary, when the Python module was built there."""
    d = os.path.join(os.path.dirname(os.path.abspath(dyad)), "python")
    return d if os.path.isdir(os.path.join(d, "dyad")) else None


def dask_unavailable(dyad):
    """Why the Dask comparison cannot run, or None when it can."""
    pydir = python_module_dir(dyad)
    if pydir is None:
        return "no Python module beside %s (pybind11 or python3-dev missing at build time)" % dyad
    probe = subprocess.run([sys.executable, "-c", "import dyad, distributed"],
                           env=dict(os.environ, PYTHONPATH=pydir), capture_output=True,
                           text=True)
    if probe.returncode != 0:
        return "cannot import dyad and distributed: " + probe.stderr.strip().splitlines()[-1]
    return None


def split_jsonl(path, parts, folder):
    """Splits a JSONL file into `parts` files of consecutive lines (input order kept)."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    os.makedirs(folder, exist_ok=True)
    per = max(1, -(-len(lines) // parts))
    n = 0
    for i in range(0, len(lines), per):
        with open(os.path.join(folder, "part-%03d.jsonl" % n), "w", encoding="utf-8") as f:
            f.writelines(lines[i:i + per])
        n += 1
    return n


def time_child(cmd, folder, timeout, env=None):
    """Runs cmd in a fresh child; returns (exit status, wall seconds, stderr tail)."""
    err_path = os.path.join(folder, "stderr-child.txt")
    with open(err_path, "wb") as err, open(os.devnull, "wb") as devnull:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=devnull, stderr=err,
                                env=env)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        seconds = time.perf_counter() - t0
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    return proc.returncode, seconds, stderr[-1500:]


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def bench_dask(dyad, corpus_path, name, workers, partitions, folder, timeout, date=None):
    """The corpus coded by `dyad code --threads W` and by the Dask runner with W workers, both
    writing JSONL and a database; returns a result row."""
    parts = os.path.join(folder, name + "-parts")
    n_parts = split_jsonl(corpus_path, partitions, parts)
    extra = ["--date", date] if date else []
    cli_stats = os.path.join(folder, "cli-stats.json")
    cli_cmd = [dyad, "code", parts, "--input-format", "jsonl", "--threads", str(workers),
               "--out", os.path.join(folder, "cli.jsonl"), "--db", os.path.join(folder, "cli.db"),
               "--stats", cli_stats, "--quiet"] + extra
    rc_cli, s_cli, err_cli = time_child(cli_cmd, folder, timeout)
    dask_stats = os.path.join(folder, "dask-stats.json")
    env = dict(os.environ, PYTHONPATH=python_module_dir(dyad))
    dask_cmd = [sys.executable, "-m", "dyad.dask", parts, "--input-format", "jsonl",
                "--workers", str(workers), "--out", os.path.join(folder, "dask-out"),
                "--db", os.path.join(folder, "dask.db"), "--stats", dask_stats,
                "--quiet"] + extra
    rc_dask, s_dask, err_dask = time_child(dask_cmd, folder, timeout, env)
    cs, ds = read_json(cli_stats) or {}, read_json(dask_stats) or {}
    row = {"corpus": name, "workers": workers, "partitions": n_parts,
           "documents": ds.get("documents"), "events": ds.get("events"),
           "cli_documents": cs.get("documents"), "cli_events": cs.get("events"),
           "cli_seconds": s_cli, "dask_seconds": s_dask,
           "ratio": (s_dask / s_cli) if s_cli else None,
           "dask_startup_seconds": ds.get("seconds_startup"),
           "dask_coding_seconds": ds.get("seconds_coding"),
           "dask_merge_seconds": ds.get("seconds_merge"),
           "cli_returncode": rc_cli, "dask_returncode": rc_dask,
           "cli_cmd": cli_cmd, "dask_cmd": dask_cmd}
    # Exit status 1 means some input was rejected and the rest coded (a warning); no stats
    # or anything else is a failed run.
    row["failed"] = not cs or not ds or rc_cli not in (0, 1) or rc_dask not in (0, 1)
    if row["failed"] or cs.get("documents") != ds.get("documents") \
            or cs.get("events") != ds.get("events"):
        print("warning: dask bench: CLI exit %s (%s documents, %s events), dask exit %s (%s "
              "documents, %s events)\nCLI stderr: %s\ndask stderr: %s"
              % (rc_cli, cs.get("documents"), cs.get("events"), rc_dask, ds.get("documents"),
                 ds.get("events"), err_cli[-600:], err_dask[-600:]), file=sys.stderr)
    return row


def render_dask(rows, out=sys.stdout):
    out.write("\ncluster path (Dask LocalCluster, processes) against the plain CLI, both writing "
              "JSONL and one database:\n")
    for r in rows:
        if r.get("skipped"):
            out.write("  %s: %s\n" % (r["corpus"], r["skipped"]))
            continue
        out.write("  %s, %d partitions: dyad code --threads %d %s s; dyad.dask --workers %d "
                  "%s s (start-up %s, coding %s, of which merging %s) -> ratio %s%s\n"
                  % (r["corpus"], r["partitions"], r["workers"], fmt(r["cli_seconds"], 2),
                     r["workers"], fmt(r["dask_seconds"], 2), fmt(r["dask_startup_seconds"], 2),
                     fmt(r["dask_coding_seconds"], 2), fmt(r["dask_merge_seconds"], 2),
                     fmt(r["ratio"], 2), "  (FAILED)" if r["failed"] else ""))


def main(argv=None):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED,
                    help="shared/ folder (or its data/ folder); default ../shared")
    ap.add_argument("--dyad", default=DEFAULT_DYAD, help="dyad binary (build/dyad)")
    ap.add_argument("--corpus", choices=["bbc", "reuters", "all"], default="all")
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per corpus")
    ap.add_argument("--threads", default="1,0",
                    help="comma-separated --threads values to time (0 = all cores)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per dyad run")
    ap.add_argument("--json", help="write the rows as JSON here (e.g. bench/results.json)")
    ap.add_argument("--keep", help="keep the converted JSONL in this folder")
    ap.add_argument("--dask", choices=["auto", "on", "off"], default="auto",
                    help="time the Dask cluster path on Reuters against the CLI (auto: when "
                         "the Python module and Dask are there)")
    ap.add_argument("--dask-workers", type=int, default=2,
                    help="Dask workers, and the CLI's --threads to compare with (default 2)")
    ap.add_argument("--store", choices=["on", "off"], default="on",
                    help="also run bench/store_bench.py: export of 1,000,000 events (peak RSS) "
                         "and wrk against dyad serve's /api/events")
    ap.add_argument("--extract", choices=["on", "off"], default="on",
                    help="also run bench/extract_bench.py: dyad extract on the WCXB pages")
    ap.add_argument("--nlp", choices=["on", "off"], default="on",
                    help="also run bench/nlp_bench.py: tokenizer, tagger and parser speed")
    ap.add_argument("--dask-partitions", type=int, default=8,
                    help="JSONL files the corpus is split into for Dask (default 8)")
    a = ap.parse_args(argv)
    if not (os.path.isfile(a.dyad) and os.access(a.dyad, os.X_OK)):
        print("error: no dyad binary at %s (build it, or pass --dyad PATH)" % a.dyad,
              file=sys.stderr)
        return 2
    threads = [int(t) for t in a.threads.split(",") if t.strip()]
    names = ["bbc", "reuters"] if a.corpus == "all" else [a.corpus]
    rows, failed = [], False
    converted = {}
    dask_rows = []
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        folder = a.keep or tmp
        os.makedirs(folder, exist_ok=True)
        for name in names:
            t0 = time.perf_counter()
            conv = convert(name, a.shared, a.limit, folder)
            if conv is None:
                rows.append({"corpus": name, "skipped": "skipped (no SHARED data)"})
                continue
            path, ndocs, nbytes = conv
            converted[name] = conv
            print("converted %s: %d documents, %.2f MB in %.1fs (untimed)"
                  % (name, ndocs, nbytes / 1e6, time.perf_counter() - t0), file=sys.stderr)
            for t in threads:
                r = run_once(a.dyad, path, t, CORPORA[name][1], folder, a.timeout)
                st = r["stats"] or {}
                docs = st.get("documents", ndocs if r["returncode"] == 0 else None)
                sents = st.get("sentences")
                mb = nbytes / 1e6
                row = {"corpus": name, "threads": t, "documents": docs,
                       "input_documents": ndocs, "sentences": sents,
                       "events": st.get("events"), "rejected": st.get("rejected"),
                       "mb": mb, "seconds": r["seconds"], "cpu_seconds": r["cpu_seconds"],
                       "documents_per_s": per_s(docs, r["seconds"]),
                       "sentences_per_s": per_s(sents, r["seconds"]),
                       "mb_per_s": per_s(mb, r["seconds"]) if r["stats"] else None,
                       "peak_rss_mb": r["peak_rss_mb"], "returncode": r["returncode"],
                       "dyad_seconds": st.get("seconds"), "dyad_bytes": st.get("bytes")}
                rows.append(row)
                if r["returncode"] != 0 or r["stats"] is None:
                    # dyad exits non-zero when it rejected bad documents and went on: a
                    # warning; no --stats, a signal or a timeout is a failed run.
                    if r["stats"] is None or r["returncode"] < 0 or r["timed_out"]:
                        failed = True
                    print("warning: %s --threads %d exited %d%s; stderr tail:\n%s"
                          % (name, t, r["returncode"],
                             " (timed out)" if r["timed_out"] else "",
                             r["stderr"][-600:]), file=sys.stderr)
        if a.dask != "off" and "reuters" in names:
            why = dask_unavailable(a.dyad)
            if "reuters" not in converted:
                why = why or "skipped (no SHARED data)"
            if why:
                dask_rows.append({"corpus": "reuters", "skipped": why})
                if a.dask == "on":
                    failed = True
            else:
                sub = os.path.join(folder, "dask")
                os.makedirs(sub, exist_ok=True)
                row = bench_dask(a.dyad, converted["reuters"][0], "reuters", a.dask_workers,
                                 a.dask_partitions, sub, a.timeout, CORPORA["reuters"][1])
                dask_rows.append(row)
                failed = failed or row["failed"]
    render(rows)
    if dask_rows:
        render_dask(dask_rows)
    if a.json:
        doc = {"generated": datetime.datetime.now(datetime.timezone.utc)
               .isoformat(timespec="seconds"),
               "machine": {"cpus": os.cpu_count(), "platform": sys.platform},
               "limit": a.limit or None, "rows": rows}
        if dask_rows:
            doc["dask"] = dask_rows
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    if a.store == "on":
        store_json = None
        if a.json:
            store_json = os.path.join(os.path.dirname(os.path.abspath(a.json)),
                                      "store_results.json")
        cmd = [sys.executable, os.path.join(REPO_ROOT, "bench", "store_bench.py"),
               "--dyad", a.dyad] + (["--json", store_json] if store_json else [])
        sys.stdout.flush()
        if subprocess.run(cmd).returncode != 0:
            print("error: bench/store_bench.py failed", file=sys.stderr)
            failed = True
    if a.extract == "on":
        cmd = [sys.executable, os.path.join(REPO_ROOT, "bench", "extract_bench.py"),
               "--shared", a.shared, "--dyad", a.dyad]
        if a.json:
            cmd += ["--json", os.path.join(os.path.dirname(os.path.abspath(a.json)),
                                           "extract_results.json")]
        sys.stdout.flush()
        if subprocess.run(cmd).returncode != 0:
            print("error: bench/extract_bench.py failed", file=sys.stderr)
            failed = True
    if a.nlp == "on":
        cmd = [sys.executable, os.path.join(REPO_ROOT, "bench", "nlp_bench.py"),
               "--shared", a.shared, "--dyad", a.dyad]
        if a.json:
            cmd += ["--json", os.path.join(os.path.dirname(os.path.abspath(a.json)),
                                           "nlp_results.json")]
        sys.stdout.flush()
        if subprocess.run(cmd).returncode != 0:
            print("error: bench/nlp_bench.py failed", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
