"""Codes a partitioned corpus on a Dask distributed cluster (``python3 -m dyad.dask``).

Every input file (a directory gives its files, walked as `dyad code` walks it) is a partition.
Each partition is coded by one task on a worker, with one dyad.Coder per worker process
(loaded once, by a worker plugin), and leaves three files in the output folder:

    part-00000.jsonl    the events, the lines `dyad code` prints for that file
    part-00000.db       a SQLite event store of that file alone (`dyad query --db` reads it)
    part-00000.docs.gz  the coded documents, every layer, for the merge step

The merge step then adds the documents of every partition, in input order, to one database
through the event store's own Add (documents deduplicated by content hash, events grouped
across articles), so the merged database holds what `dyad code INPUT... --db` would store.

On a real cluster the output folder must be one that the client and every worker see at the
same path (a shared file system), as must the inputs and the dictionaries (or pass --dict).
"""

import argparse
import json
import os
import socket
import sys
import threading
import time
import uuid

import dyad
from dyad import _dyad

PART_FORMAT = "part-%05d"
MANIFEST = "partitions.json"


# ---------------------------------------------------------------- on the workers

class CodingOptions:
    """What every partition task needs to know; small and picklable."""

    def __init__(self, dict_dirs=None, keep_negated=False, input_format="auto", date=None,
                 batch=256, coder_threads=1):
        self.dict_dirs = list(dict_dirs) if dict_dirs else None
        self.keep_negated = bool(keep_negated)
        self.input_format = input_format
        self.date = date
        self.batch = int(batch)
        self.coder_threads = int(coder_threads)

    def coder_key(self):
        return (tuple(self.dict_dirs) if self.dict_dirs else None, self.keep_negated)


def worker_coder(options):
    """The Coder of this process for these options: loaded on first use, then shared by every
    task the process runs (a Coder is thread-safe)."""
    return dyad.shared_coder(options.dict_dirs, options.keep_negated)


try:
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # the module works without Dask; only the runner needs it
    _WorkerPlugin = object


class CoderPlugin(_WorkerPlugin):
    """Loads the worker's Coder when the worker starts (and on workers that join later), so
    the first partition does not pay for it and every worker loads at the same time."""

    name = "dyad-coder"

    def __init__(self, options):
        self.options = options

    def setup(self, worker=None):
        worker_coder(self.options)


def _remove(path):
    for p in (path, path + "-wal", path + "-shm", path + "-journal"):
        try:
            os.remove(p)
        except FileNotFoundError:
            pass


def partition_paths(out_dir, index):
    stem = os.path.join(out_dir, PART_FORMAT % index)
    return {"jsonl": stem + ".jsonl", "db": stem + ".db", "docs": stem + ".docs.gz"}


def code_partition(index, path, out_dir, options, name=None):
    """Codes one input file into its partition files; returns its counts and messages.

    Runs on a worker. `path` is opened; `name` (default `path`) is what document ids and
    messages call the file, as `dyad code` would (the path the user gave). The files are
    written under temporary names and renamed when complete, so a partition is either all
    there or not at all.
    """
    t0 = time.perf_counter()
    coder = worker_coder(options)
    final = partition_paths(out_dir, index)
    tmp = {k: "%s.tmp-%s-%d" % (v, socket.gethostname(), os.getpid()) for k, v in final.items()}
    for p in tmp.values():
        _remove(p)
    reader = dyad.Reader(path, options.input_format, options.date, collect_messages=True,
                         name=name)
    counts = {"documents": 0, "sentences": 0, "events": 0, "duplicates": 0}
    store = dyad.Store(tmp["db"])
    archive = _dyad._ArchiveWriter(tmp["docs"])
    try:
        store.add_code_names(coder.dictionary)
        with open(tmp["jsonl"], "w", encoding="utf-8", newline="") as out:
            while True:
                batch = reader.read_batch(options.batch)
                if not batch:
                    break
                docs = coder.process_batch(batch, None, options.coder_threads)
                counts["duplicates"] += len(docs) - store.add_many(docs)
                out.write("".join(d.events_jsonl() for d in docs))
                archive.write_many(docs)
                counts["documents"] += len(docs)
                counts["sentences"] += sum(d.n_sentences for d in docs)
                counts["events"] += sum(d.n_events for d in docs)
        store.close()
        archive.close()
        for k in final:
            _remove(final[k])
            os.replace(tmp[k], final[k])
    except BaseException:
        store.close()
        try:
            archive.close()
        except ValueError:
            pass
        for p in tmp.values():
            _remove(p)
        raise
    counts.update({
        "partition": index, "path": name or path, "files": final,
        "rejected": reader.rejected, "warnings": reader.warnings,
        "messages": reader.messages(), "seconds": time.perf_counter() - t0,
        "worker": "%s:%d" % (socket.gethostname(), os.getpid()),
    })
    return counts


# ---------------------------------------------------------------- merging

class Merger:
    """Adds coded partitions, in input order, to one database through the event store
    (dyad.Store.add_many): a document whose content hash is already there is skipped, so
    merging twice stores nothing twice, and the result is what `dyad code --db` stores for the
    same inputs. The runner feeds it partitions as they finish, so merging overlaps coding."""

    def __init__(self, out_dir, db_path, dict_dirs=None, batch=512, log=None):
        self.out_dir, self.batch = out_dir, batch
        self.added = self.duplicates = 0
        self.seconds = 0.0
        t0 = time.perf_counter()
        self.store = dyad.Store(db_path)
        try:
            self.store.add_code_names(dyad.Dictionary(dict_dirs))
        except ValueError as e:  # the dictionaries are not where the client runs
            if log:
                log("dyad-dask: warning: CAMEO code names not stored (%s)" % e)
        self.seconds += time.perf_counter() - t0

    def add_partition(self, index):
        t0 = time.perf_counter()
        reader = _dyad._ArchiveReader(partition_paths(self.out_dir, index)["docs"])
        while True:
            docs = reader.read_batch(self.batch)
            if not docs:
                break
            n = self.store.add_many(docs)
            self.added += n
            self.duplicates += len(docs) - n
        self.seconds += time.perf_counter() - t0

    def close(self):
        self.store.close()


def merge_partitions(out_dir, indexes, db_path, dict_dirs=None, batch=512, log=None):
    """Adds the coded documents of the partitions `indexes` (in that order) to the database at
    db_path (see Merger). Returns (added, duplicates)."""
    merger = Merger(out_dir, db_path, dict_dirs, batch, log)
    try:
        for i in indexes:
            merger.add_partition(i)
    finally:
        merger.close()
    return merger.added, merger.duplicates


# ---------------------------------------------------------------- the client

class Progress:
    """A one-line counter on stderr: partitions, documents, events, documents/s, ETA (by
    input bytes). Redrawn in place on a terminal; one line per finished partition otherwise."""

    def __init__(self, partitions, total_bytes, enabled=True, stream=sys.stderr):
        self.partitions, self.total_bytes = partitions, max(total_bytes, 1)
        self.enabled, self.stream = enabled, stream
        self.tty = enabled and stream.isatty()
        self.done = self.docs = self.events = self.bytes = self.failed = 0
        self.t0 = time.perf_counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        if self.tty:
            threading.Thread(target=self._tick, daemon=True).start()

    def line(self):
        secs = time.perf_counter() - self.t0
        rate = self.docs / secs if secs > 0 else 0.0
        eta = ""
        if 0 < self.bytes < self.total_bytes:
            eta = ", ETA %ds" % (secs * (self.total_bytes - self.bytes) / self.bytes)
        failed = ", %d failed" % self.failed if self.failed else ""
        return ("dyad-dask: %d/%d partitions%s, %d documents, %d events, %.0f docs/s, %.0fs%s"
                % (self.done, self.partitions, failed, self.docs, self.events, rate, secs, eta))

    def _draw(self, final=False):
        with self._lock:
            if self.tty:
                self.stream.write("\r\033[K" + self.line() + ("\n" if final else ""))
            elif self.enabled:
                self.stream.write(self.line() + "\n")
            self.stream.flush()

    def _tick(self):
        while not self._stop.wait(1.0):
            self._draw()

    def message(self, text):
        with self._lock:
            if self.tty:
                self.stream.write("\r\033[K")
            self.stream.write(text if text.endswith("\n") else text + "\n")
            self.stream.flush()

    def update(self, result=None, size=0):
        self.done += 1
        self.bytes += size
        if result is None:
            self.failed += 1
        else:
            self.docs += result["documents"]
            self.events += result["events"]
        self._draw()

    def finish(self):
        self._stop.set()
        if self.tty:
            self._draw(final=True)


def connect(scheduler=None, workers=None, threads_per_worker=1, dashboard=False):
    """A distributed.Client: to the scheduler at `scheduler` (tcp://host:port), else to a new
    LocalCluster of `workers` processes on 127.0.0.1. Returns (client, cluster or None)."""
    import logging
    from distributed import Client, LocalCluster
    if scheduler:
        return Client(scheduler, timeout="60s"), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                           threads_per_worker=threads_per_worker, processes=True,
                           host="127.0.0.1", scheduler_port=0,
                           dashboard_address=":0" if dashboard else None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run(inputs, out_dir, db=None, scheduler=None, workers=None, threads_per_worker=1,
        options=None, merge=True, progress=True, dashboard=False, log=None):
    """Codes `inputs` on a cluster into partitions under out_dir and merges them into `db`
    (default out_dir/dyad.db). Returns a stats dict; "exit" is the exit status `dyad code`
    would give (0 all input used, 1 some rejected or a partition failed)."""
    options = options or CodingOptions()
    log = log or (lambda m: print(m, file=sys.stderr))
    t_start = time.perf_counter()
    rejected = 0
    sources = []
    for p in inputs:
        try:
            sources.extend(dyad.expand_inputs([p]))
        except FileNotFoundError:
            log("dyad: %s: error: no such file or directory" % p)
            rejected += 1
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    db = os.path.abspath(db or os.path.join(out_dir, "dyad.db"))
    stats = {"partitions": len(sources), "documents": 0, "sentences": 0, "events": 0,
             "duplicates_in_partitions": 0, "rejected": rejected, "warnings": 0,
             "failed": [], "db": db if merge else None, "out": out_dir}

    merger = Merger(out_dir, db, options.dict_dirs, log=log) if merge else None
    results, failed = {}, set()
    next_merge = 0  # partitions merge in input order, each as soon as those before it are in

    def merge_ready():
        nonlocal next_merge
        while next_merge < len(sources) and (next_merge in results or next_merge in failed):
            if merger is not None and next_merge in results:
                merger.add_partition(next_merge)
            next_merge += 1

    client, cluster = connect(scheduler, workers, threads_per_worker, dashboard)
    try:
        t_ready = time.perf_counter()
        client.register_worker_plugin(CoderPlugin(options), name=CoderPlugin.name)
        stats["workers"] = len(client.scheduler_info().get("workers", {}))
        stats["seconds_startup"] = t_ready - t_start
        if dashboard and client.dashboard_link:
            log("dyad-dask: dashboard at %s" % client.dashboard_link)
        run_id = uuid.uuid4().hex[:8]
        futures = {}
        for i, (path, size) in enumerate(sources):
            # Earlier partitions first, so the merge can follow close behind.
            fut = client.submit(code_partition, i, os.path.abspath(path), out_dir, options, path,
                                key="dyad-partition-%05d-%s" % (i, run_id), pure=False,
                                priority=-i)
            futures[fut] = (i, path, size)
        bar = Progress(len(sources), sum(s for _, s in sources), progress)
        from distributed import as_completed
        for fut in as_completed(list(futures)):
            i, path, size = futures[fut]
            try:
                res = fut.result()
            except Exception as e:  # a partition that failed does not stop the others
                bar.message("dyad: %s: error: partition %d failed: %s: %s"
                            % (path, i, type(e).__name__, e))
                failed.add(i)
                bar.update(None, size)
            else:
                if res["messages"]:
                    bar.message(res["messages"].rstrip("\n"))
                results[i] = res
                bar.update(res, size)
            merge_ready()
        bar.finish()
        stats["seconds_coding"] = time.perf_counter() - t_ready
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if merger is not None:
            merger.close()

    done = sorted(results)
    for i in done:
        r = results[i]
        for k in ("documents", "sentences", "events", "rejected", "warnings"):
            stats[k] += r[k]
        stats["duplicates_in_partitions"] += r["duplicates"]
    stats["failed"] = sorted(failed)
    stats["partition_results"] = [
        {k: results[i][k] for k in ("partition", "path", "documents", "sentences", "events",
                                    "rejected", "warnings", "seconds", "worker")}
        for i in done]
    with open(os.path.join(out_dir, MANIFEST), "w", encoding="utf-8") as f:
        json.dump({"partitions": [{"partition": i, "path": p, "coded": i in results}
                                  for i, (p, _) in enumerate(sources)]}, f, indent=1)
        f.write("\n")
    if merger is not None:
        stats["stored"], stats["duplicates"] = merger.added, merger.duplicates
        stats["seconds_merge"] = merger.seconds  # overlapped with coding, mostly
    stats["seconds"] = time.perf_counter() - t_start
    stats["exit"] = 1 if (stats["rejected"] or stats["failed"]) else 0
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="dyad-dask",
        description="Code a partitioned corpus on a Dask cluster: one partition per input file "
                    "(JSONL, text, HTML, gzipped or not, or anything `dyad code` reads), one "
                    "JSONL and one SQLite shard per partition, merged into one database.")
    ap.add_argument("inputs", nargs="+", help="files or directories (read recursively)")
    ap.add_argument("--out", required=True,
                    help="folder for the partition files (part-NNNNN.jsonl, .db, .docs.gz); "
                         "on a real cluster one that every worker and this client see")
    ap.add_argument("--db", help="the merged SQLite database (default OUT/dyad.db; a document "
                                 "already there is not stored twice)")
    ap.add_argument("--no-merge", action="store_true", help="leave the partitions unmerged")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler, tcp://host:port")
    where.add_argument("--workers", type=int,
                       help="worker processes of a LocalCluster on this machine "
                            "(default: one per core)")
    ap.add_argument("--threads-per-worker", type=int, default=1,
                    help="Dask threads (partitions at once) per LocalCluster worker (default 1)")
    ap.add_argument("--coder-threads", type=int, default=1,
                    help="C++ threads per partition task (default 1; 0 = all cores)")
    ap.add_argument("--dict", action="append", dest="dicts", metavar="DIR",
                    help="dictionary directory (repeatable); default: the bundled data/dict")
    ap.add_argument("--date", help="publication date (YYYY-MM-DD) for documents that give none")
    ap.add_argument("--input-format", default="auto",
                    help="force the input format (auto, text, jsonl, html, ...)")
    ap.add_argument("--keep-negated", action="store_true",
                    help="emit negated events flagged negated:true instead of dropping them")
    ap.add_argument("--batch", type=int, default=256, help="documents coded per batch")
    ap.add_argument("--dashboard", action="store_true",
                    help="start the LocalCluster's dashboard (needs bokeh) and print its link")
    ap.add_argument("--stats", metavar="FILE", help="write run statistics as JSON to FILE")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress counter")
    a = ap.parse_args(argv)
    if a.workers is not None and a.workers < 1:
        ap.error("--workers must be at least 1")
    if a.batch < 1:
        ap.error("--batch must be at least 1")
    if a.date and not _dyad.normalize_date(a.date):
        print("dyad-dask: --date must be YYYY-MM-DD, got '%s'" % a.date, file=sys.stderr)
        return 2
    options = CodingOptions(a.dicts, a.keep_negated, a.input_format, a.date, a.batch,
                            a.coder_threads)
    if a.dicts:
        for d in a.dicts:
            if not os.path.isdir(d):
                print("dyad-dask: dictionary directory not found: %s" % d, file=sys.stderr)
                return 2
    stats = run(a.inputs, a.out, db=a.db, scheduler=a.scheduler, workers=a.workers,
                threads_per_worker=a.threads_per_worker, options=options,
                merge=not a.no_merge, progress=not a.quiet)
    summary = ("%d documents, %d sentences, %d events in %.2f s (%d partitions on %d workers"
               % (stats["documents"], stats["sentences"], stats["events"], stats["seconds"],
                  stats["partitions"], stats.get("workers", 0)))
    if stats.get("db"):
        summary += "; %d stored in %s, %d already there" % (stats["stored"], stats["db"],
                                                            stats["duplicates"])
    summary += ")"
    if stats["rejected"]:
        summary += "; %d inputs rejected" % stats["rejected"]
    if stats["failed"]:
        summary += "; %d partitions failed" % len(stats["failed"])
    if not a.quiet:
        print("dyad-dask: " + summary, file=sys.stderr)
    if a.stats:
        with open(a.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1)
            f.write("\n")
    return stats["exit"]
