#!/usr/bin/python3
"""Article extraction throughput and memory: `dyad extract` over the WCXB dev pages
(extraction/wcxb-dev/html, 793 gzipped pages, parsing and gunzip included), on one core.

Two runs, each in a fresh child process, output to /dev/null:
  1x   dyad extract --files-from LIST --out /dev/null      (the 793 pages once)
  13x  the same list 13 times over (10,309 pages)           (peak RSS must stay flat)
and prints pages, seconds (wall), CPU seconds (user + system of the child, from os.wait4),
pages/s by wall clock and by CPU time, and the child's peak RSS. dyad extract is
single-threaded, so pages per CPU-second is the one-core rate; on a busy machine the wall
rate is lower. Anchors: trafilatura 42-86 pages/s, a bare lxml parse ~600 pages/s.

Usage: bench/extract_bench.py [--shared PATH] [--dyad PATH] [--repeat 13] [--json FILE]
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO_ROOT), "shared")
DEFAULT_DYAD = os.path.join(REPO_ROOT, "build", "dyad")
TARGET_PAGES_PER_S = 400


def pages_dir(shared):
    for base in (os.path.join(shared, "data"), shared):
        d = os.path.join(base, "extraction", "wcxb-dev", "html")
        if os.path.isdir(d):
            return d
    return None


def run(dyad, list_path, timeout):
    """Runs dyad extract on the list in a fresh child: (status, wall s, cpu s, peak MB)."""
    cmd = [dyad, "extract", "--files-from", list_path, "--out", os.devnull]
    with open(os.devnull, "wb") as devnull:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=devnull,
                                stderr=subprocess.PIPE)
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
        wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return (os.waitstatus_to_exitcode(status), wall, ru.ru_utime + ru.ru_stime,
            ru.ru_maxrss / 1024.0, err)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--dyad", default=DEFAULT_DYAD)
    ap.add_argument("--repeat", type=int, default=13, help="passes over the pages (default 13)")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--json", help="write the rows here")
    a = ap.parse_args(argv)
    d = pages_dir(a.shared)
    head = "%-14s %7s %8s %8s %8s %9s %11s" % ("extract", "pages", "seconds", "CPU s",
                                              "pages/s", "pages/CPUs", "peak RSS MB")
    print(head)
    print("-" * len(head))
    if d is None:
        print("%-14s skipped (no SHARED data)" % "wcxb")
        return 0
    if not os.access(a.dyad, os.X_OK):
        print("error: no dyad binary at %s" % a.dyad, file=sys.stderr)
        return 2
    pages = sorted(glob.glob(os.path.join(d, "*.html.gz")))
    rows, failed = [], False
    with tempfile.TemporaryDirectory(prefix="dyad-extract-bench-") as tmp:
        for reps in (1, a.repeat):
            lst = os.path.join(tmp, "list-%d.txt" % reps)
            with open(lst, "w", encoding="utf-8") as f:
                for _ in range(reps):
                    f.write("\n".join(pages) + "\n")
            status, wall, cpu, rss, err = run(a.dyad, lst, a.timeout)
            n = len(pages) * reps
            row = {"set": "wcxb-dev", "repeat": reps, "pages": n, "seconds": wall,
                   "cpu_seconds": cpu, "pages_per_s": n / wall if wall else None,
                   "pages_per_cpu_s": n / cpu if cpu else None, "peak_rss_mb": rss,
                   "returncode": status, "target_pages_per_s": TARGET_PAGES_PER_S}
            rows.append(row)
            print("%-14s %7d %8.2f %8.2f %8.0f %9.0f %11.1f%s" % (
                "wcxb %dx" % reps, n, wall, cpu, row["pages_per_s"] or 0,
                row["pages_per_cpu_s"] or 0, rss, "  (exit %d)" % status if status else ""))
            if status != 0:
                failed = True
                print("warning: dyad extract exited %d: %s" % (status, err[-600:]),
                      file=sys.stderr)
    if len(rows) == 2 and rows[0]["peak_rss_mb"]:
        growth = rows[1]["peak_rss_mb"] / rows[0]["peak_rss_mb"]
        print("peak RSS %dx / 1x: %.2f (flat is ~1.0); one-core rate %.0f pages/CPU-s "
              "(target %d)" % (a.repeat, growth, rows[1]["pages_per_cpu_s"] or 0,
                               TARGET_PAGES_PER_S))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"rows": rows}, f, indent=1)
            f.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
