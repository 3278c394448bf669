#!/usr/bin/python3
"""Tokenizer, tagger and parser throughput and memory: `dyad parse --bench` over the BBC News
corpus (corpora/bbc, 2,225 articles, one paragraph per line, untimed conversion), on one core.

dyad parse --bench loads the models (data/models), then in one process times, by CPU time:
  tokenize    sentence splitting and tokenization alone (the floor)
  tag+parse   UPOS/XPOS tagging and labeled dependency parsing of every sentence
  annotate    tagging, parsing and lemmas (what Annotator::Annotate does)
and prints tokens per CPU-second of each; this script adds the child's peak RSS (os.wait4:
models, the corpus text and its tokens). A second child does the same with `--accurate` (the
beam-search parser) on the first fifth of the articles. Targets: tag+parse >= 150,000 tokens/s on one core,
peak RSS <= 300 MB. Anchors: spaCy en_core_web_sm ~10,000 words/s per core (CPU), UDPipe 1
~1,500-5,000 words/s for tagging+parsing.

Usage: bench/nlp_bench.py [--shared PATH] [--dyad PATH] [--models DIR] [--repeat N] [--json F]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO_ROOT), "shared")
DEFAULT_DYAD = os.path.join(REPO_ROOT, "build", "dyad")
TARGET_TAG_PARSE = 150000
TARGET_RSS_MB = 300


def bbc_text(shared):
    """The BBC articles as plain text (paragraphs separated by blank lines), or None."""
    for base in (os.path.join(shared, "data"), shared):
        folder = os.path.join(base, "corpora", "bbc")
        if os.path.isdir(folder):
            break
    else:
        return None
    csv.field_size_limit(1 << 30)
    parts = []
    for name in ("train", "val", "test"):
        path = os.path.join(folder, name + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                text = " ".join((row.get("text") or "").split())
                if text:
                    parts.append(text)
    return "\n\n".join(parts) + "\n" if parts else None


def run(dyad, path, models, timeout, accurate=False):
    """dyad parse --bench in a fresh child: (status, stats dict or None, peak MB, stderr)."""
    cmd = [dyad, "parse", "--bench", path]
    if models:
        cmd += ["--models", models]
    if accurate:
        cmd.append("--accurate")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = time.perf_counter() + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    try:
        stats = json.loads(text) if code == 0 else None
    except ValueError:
        stats = None
    return code, stats, ru.ru_maxrss / 1024.0, stderr[-800:]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--dyad", default=DEFAULT_DYAD)
    ap.add_argument("--models", help="model directory (default: dyad's data/models)")
    ap.add_argument("--repeat", type=int, default=1, help="the corpus this many times over")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--json", help="write the row here")
    a = ap.parse_args(argv)
    text = bbc_text(a.shared)
    if text is None:
        print("nlp: skipped (no SHARED data)")
        return 0
    with tempfile.TemporaryDirectory(prefix="dyad-nlp-bench-") as tmp:
        path = os.path.join(tmp, "bbc.txt")
        with open(path, "w", encoding="utf-8") as f:
            for _ in range(max(1, a.repeat)):
                f.write(text)
        code, st, rss, stderr = run(a.dyad, path, a.models, a.timeout)
        if code != 0 or st is None:
            print("error: dyad parse --bench exited %d:\n%s" % (code, stderr), file=sys.stderr)
            return 1
        paragraphs = text.split("\n\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n\n".join(paragraphs[:len(paragraphs) // 5]) + "\n")
        code, acc, acc_rss, stderr = run(a.dyad, path, a.models, a.timeout, accurate=True)
        if code != 0 or acc is None:
            print("error: dyad parse --bench --accurate exited %d:\n%s" % (code, stderr),
                  file=sys.stderr)
            return 1
    row = dict(st)
    row["peak_rss_mb"] = rss
    row["tag_parse_target"] = TARGET_TAG_PARSE
    row["rss_target_mb"] = TARGET_RSS_MB
    row["pass"] = (st["tag_parse_tokens_per_s"] >= TARGET_TAG_PARSE and rss <= TARGET_RSS_MB)
    row["accurate"] = dict(acc, peak_rss_mb=acc_rss)
    print("nlp (BBC, %s tokens, %s sentences, one core, tokens per CPU-second):"
          % ("{:,}".format(st["tokens"]), "{:,}".format(st["sentences"])))
    print("  %-10s %12s  %s" % ("stage", "tokens/s", "note"))
    print("  %-10s %12s  %s" % ("tokenize", "{:,.0f}".format(st["tokenize_tokens_per_s"]),
                                "the floor"))
    print("  %-10s %12s  %s" % ("tag+parse", "{:,.0f}".format(st["tag_parse_tokens_per_s"]),
                                "target >= {:,}".format(TARGET_TAG_PARSE)))
    print("  %-10s %12s  %s" % ("annotate", "{:,.0f}".format(st["annotate_tokens_per_s"]),
                                "tag+parse+lemmas"))
    print("  %-10s %12s  %s" % ("tag+parse", "{:,.0f}".format(acc["tag_parse_tokens_per_s"]),
                                "--accurate (beam search; %s tokens, tokenize %s/s in the same "
                                "run; peak RSS %.1f MB)"
                                % ("{:,}".format(acc["tokens"]),
                                   "{:,.0f}".format(acc["tokenize_tokens_per_s"]), acc_rss)))
    print("  models %.1f MB on disk (limit 40), %.1f MB in memory, loaded in %.2f s (limit 1); "
          "peak RSS %.1f MB (target <= %d)"
          % (st.get("model_files_mb", 0.0), st["model_mb"], st["load_seconds"], rss,
             TARGET_RSS_MB))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(row, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
