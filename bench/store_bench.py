#!/usr/bin/python3
"""Database benchmarks behind `make bench` (called by bench/run_bench.py; runs alone too).

export  Writes event databases of 100,000 and 1,000,000 events straight into dyad's schema
        (a database made by `dyad code`, filled with SQL: 10 events per document, one group
        per document), then times `dyad export --format F --out /dev/null` on each, F in jsonl,
        gdelt, plover, and reports events/s and the child's peak RSS (ru_maxrss from os.wait4).
        Streaming export means the peak RSS is flat: the same for 10x the events.
serve   Codes 3,000 documents made from examples/ (each with its own date and report number,
        so none is a duplicate) into a database, starts `dyad serve` on a free loopback port
        and runs wrk for 10 seconds with 50 connections (2 threads) against
        /api/events?page_size=50 and /api/events?country=XXX&page_size=50 (the commonest
        country), and reports requests/s, p50 and p99 latency, and errors (any non-2xx reply
        or socket error, a reply slower than 10 s included, fails the bench). Needs Debian's wrk;
        loopback only.

Usage: bench/store_bench.py [--dyad build/dyad] [--only export|serve] [--events 1000000]
                            [--seconds 10] [--connections 50] [--json FILE]
"""

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DYAD = os.path.join(REPO_ROOT, "build", "dyad")


def run_measured(cmd, timeout=600):
    """Runs cmd with output to /dev/null; returns (returncode, seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
    deadline = t0 + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.01)
    secs = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    return rc, secs, ru.ru_maxrss / 1024.0


def make_event_db(dyad, path, events, folder):
    """A database in dyad's schema holding `events` events (10 per document)."""
    seed = os.path.join(folder, "seed.txt")
    with open(seed, "w") as f:
        f.write("Date: 2024-01-01\nSchema seed.\n")
    subprocess.run([dyad, "code", seed, "--db", path, "--out", os.devnull, "--quiet"],
                   check=True)
    docs = max(1, events // 10)
    db = sqlite3.connect(path)
    # Bulk loads are faster with the indexes built afterwards.
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND "
                         "tbl_name='events' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        db.execute("DROP INDEX %s" % name)
    db.executescript("""
      DELETE FROM sentence_fts; DELETE FROM sentences; DELETE FROM mentions; DELETE FROM events;
      DELETE FROM event_group_articles; DELETE FROM event_group_sources;
      DELETE FROM event_groups; DELETE FROM documents;
      BEGIN;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<%d)
      INSERT INTO documents(id,doc_key,hash,url,publisher,date,text,n_sentences,added_at,
                            source_key,n_events,n_mentions)
        SELECT i,'doc-'||i,'h'||i,'https://news.example.org/'||i,'Wire '||(i%%7),
          date('2024-01-01', '+'||(i%%365)||' days'),
          'Russia attacked Ukraine near Kharkiv on the '||i||'th day, officials said.',1,
          '2024-01-01T00:00:00Z','wire '||(i%%7),10,2 FROM n;
      INSERT INTO sentences SELECT id,0,0,length(text) FROM documents;
      INSERT INTO mentions SELECT id,0,0,6,'Russia','RUSMIL','name','' FROM documents;
      INSERT INTO mentions SELECT id,1,16,23,'Ukraine','UKR','name','' FROM documents;
      INSERT INTO event_groups(id,day,source_code,target_code,cameo,place,root,quad_class,
          goldstein,source_country,target_country,location_name,location_country,num_mentions,
          num_sources,num_articles,is_root,first_seen,last_seen,added_at)
        SELECT id,date,'RUSMIL','UKR','190','UKR:kharkiv:'||id,'19',4,-10,'RUS','UKR','Kharkiv','UKR',
          10,1,1,1,date,date,added_at FROM documents;
      WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j+1 FROM k WHERE j<10)
      INSERT INTO events(doc,sentence,date,date_source,source_code,source_text,source_start,
          source_end,target_code,target_text,target_start,target_end,verb_text,verb_start,
          verb_end,cameo,root,quad_class,goldstein,plover_event,plover_mode,negated,confidence,
          location_name,location_country,pattern,group_id,source_country,target_country,
          source_mention,target_mention,plover_context)
        SELECT d.id,0,d.date,'document','RUSMIL','Russia',0,6,'UKR','Ukraine',16,23,'attacked',7,
          15,'190','19',4,-10,'ASSAULT','',0,0.9,'Kharkiv','UKR','attack',d.id,'RUS','UKR',0,1,'[]'
        FROM documents d, k;
      COMMIT;
    """ % docs)
    for _, sql in indexes:
        db.execute(sql)
    db.commit()
    db.close()


def bench_export(dyad, events, folder):
    rows = []
    sizes = [events // 10, events]
    for n in sizes:
        path = os.path.join(folder, "export-%d.db" % n)
        t0 = time.perf_counter()
        make_event_db(dyad, path, n, folder)
        print("built a database of %d events in %.1fs (untimed)" % (n, time.perf_counter() - t0),
              file=sys.stderr)
        for fmt in ("jsonl", "gdelt", "plover"):
            rc, secs, rss = run_measured([dyad, "export", "--db", path, "--format", fmt,
                                          "--out", os.devnull])
            records = n if fmt != "gdelt" else n // 10
            rows.append({"format": fmt, "events": n, "records": records, "seconds": secs,
                         "records_per_s": records / secs if secs > 0 else None,
                         "peak_rss_mb": rss, "returncode": rc})
        os.remove(path)
    ok = all(r["returncode"] == 0 for r in rows)
    flat = True
    for fmt in ("jsonl", "gdelt", "plover"):
        small, big = [r for r in rows if r["format"] == fmt]
        if big["peak_rss_mb"] - small["peak_rss_mb"] > 16:
            flat = False
    print("\nexport (streaming; peak RSS should not grow with the number of events)")
    print("%-7s %10s %10s %9s %12s %12s" % ("format", "events", "records", "seconds",
                                              "records/s", "peak RSS MB"))
    for r in rows:
        print("%-7s %10d %10d %9.2f %12.0f %12.1f%s" % (
            r["format"], r["events"], r["records"], r["seconds"], r["records_per_s"] or 0,
            r["peak_rss_mb"], "" if r["returncode"] == 0 else "  (FAILED)"))
    print("peak RSS flat from %d to %d events: %s" % (sizes[0], sizes[1], "yes" if flat else "NO"))
    return {"rows": rows, "flat": flat}, ok and flat


def parse_wrk(out):
    """Requests/s, p50 and p99 (ms), and errors from wrk --latency output."""
    def ms(v):
        m = re.match(r"([\d.]+)(us|ms|s|m)", v)
        if not m:
            return None
        x = float(m.group(1))
        return {"us": x / 1000, "ms": x, "s": x * 1000, "m": x * 60000}[m.group(2)]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    if sock:
        errors += sum(int(x) for x in sock.groups())
    return {"requests": int(total.group(1)) if total else None,
            "requests_per_s": float(rps.group(1)) if rps else None,
            "p50_ms": ms(p50.group(1)) if p50 else None,
            "p99_ms": ms(p99.group(1)) if p99 else None,
            "errors": errors}


def serve_db(dyad, folder, docs=3000):
    examples = os.path.join(REPO_ROOT, "examples")
    texts = []
    for name in sorted(os.listdir(examples)):
        p = os.path.join(examples, name)
        if name.endswith(".txt"):
            with open(p, encoding="utf-8") as f:
                lines = f.read().split("\n")
            texts.append(("\n".join(l for l in lines if not l.startswith("Date:")), None))
        elif name.endswith(".jsonl"):
            with open(p, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        d = json.loads(line)
                        texts.append((d.get("text", ""), d.get("publisher")))
    path = os.path.join(folder, "docs.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(docs):
            text, publisher = texts[i % len(texts)]
            day = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + 86400 * (i % 540)))
            f.write(json.dumps({"id": "bench-%d" % i, "date": day,
                                "publisher": publisher or "Wire %d" % (i % 9),
                                "text": text + "\nReport %d." % i}) + "\n")
    db = os.path.join(folder, "serve.db")
    subprocess.run([dyad, "code", path, "--db", db, "--out", os.devnull, "--quiet",
                    "--threads", "0"], check=True)
    return db


def bench_serve(dyad, seconds, connections, folder):
    wrk = shutil.which("wrk")
    if not wrk:
        print("\nserve: skipped (no wrk; scripts/install-deps.sh installs it)")
        return {"skipped": "no wrk"}, True
    t0 = time.perf_counter()
    db = serve_db(dyad, folder)
    con = sqlite3.connect(db)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    top = con.execute("SELECT c, count(*) FROM (SELECT source_country c FROM events UNION ALL "
                      "SELECT target_country FROM events) WHERE c IS NOT NULL GROUP BY c "
                      "ORDER BY 2 DESC LIMIT 1").fetchone()
    con.close()
    print("built the serve database: %d events in %.1fs (untimed)"
          % (n_events, time.perf_counter() - t0), file=sys.stderr)
    port_file = os.path.join(folder, "port")
    server = subprocess.Popen([dyad, "serve", "--db", db, "--port", "0", "--port-file",
                               port_file], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    results, ok = [], True
    try:
        for _ in range(400):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.025)
        port = int(open(port_file).read().strip())
        targets = ["/api/events?page_size=50"]
        if top:
            targets.append("/api/events?country=%s&page_size=50" % top[0])
        for target in targets:
            url = "http://127.0.0.1:%d%s" % (port, target)
            p = subprocess.run([wrk, "-t2", "-c%d" % connections, "-d%ds" % seconds,
                                "--timeout", "10s", "--latency", url],
                               capture_output=True, text=True, timeout=seconds + 60)
            r = parse_wrk(p.stdout)
            r.update({"target": target, "connections": connections, "seconds": seconds,
                      "events_in_db": n_events, "returncode": p.returncode})
            if p.returncode != 0 or r["errors"] or not r["requests_per_s"]:
                ok = False
                print(p.stdout + p.stderr, file=sys.stderr)
            results.append(r)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print("\nserve (wrk, %d connections, %d s, loopback; database of %d events)"
          % (connections, seconds, n_events))
    print("%-44s %10s %10s %9s %9s %7s" % ("GET", "requests", "req/s", "p50 ms", "p99 ms",
                                            "errors"))
    for r in results:
        print("%-44s %10s %10.0f %9.2f %9.2f %7d" % (
            r["target"], r["requests"], r["requests_per_s"] or 0, r["p50_ms"] or 0,
            r["p99_ms"] or 0, r["errors"]))
    return {"rows": results}, ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad", default=DEFAULT_DYAD)
    ap.add_argument("--only", choices=["export", "serve"])
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--json", help="write the results as JSON here")
    a = ap.parse_args(argv)
    if not os.access(a.dyad, os.X_OK):
        print("error: no dyad binary at %s" % a.dyad, file=sys.stderr)
        return 2
    doc, ok = {}, True
    with tempfile.TemporaryDirectory(prefix="dyad-store-bench-") as folder:
        if a.only in (None, "export"):
            doc["export"], good = bench_export(a.dyad, a.events, folder)
            ok = ok and good
        if a.only in (None, "serve"):
            doc["serve"], good = bench_serve(a.dyad, a.seconds, a.connections, folder)
            ok = ok and good
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
