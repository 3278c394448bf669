"""The Dask runner: a partitioned corpus coded on a LocalCluster (2 worker processes on
127.0.0.1) must give what `dyad code` gives for the same inputs: the same JSONL lines, and a
merged database with the same documents and the same events."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

import dyad
from dyad import cluster
from conftest import SEED

distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")


def make_corpus(root, examples):
    """Four partitions in two folders: JSONL files (one with a bad line and a document that
    also appears in another partition), a plain-text article and a gzipped JSONL file."""
    import gzip
    texts = list(examples.values())
    docs = []
    for i, t in enumerate(texts * 3):
        header, body = t.split("\n", 1)
        docs.append({"id": "doc-%d" % i, "date": header[6:] if i % 4 else None,
                     "title": "Article %d" % i, "text": body + "\n\nFiled as report %d." % i,
                     "publisher": "Wire %d" % (i % 3), "section": ["world", i]})
    a, b = root / "a", root / "b"
    a.mkdir(parents=True)
    b.mkdir()
    with open(a / "part1.jsonl", "w", encoding="utf-8") as f:
        for d in docs[:6]:
            f.write(json.dumps(d) + "\n")
        f.write("{broken json\n")
    with open(a / "part2.jsonl", "w", encoding="utf-8") as f:
        for d in docs[6:]:
            f.write(json.dumps(d) + "\n")
        f.write(json.dumps(dict(docs[0], id="copy-of-doc-0")) + "\n")  # same content: deduped
    (b / "seed.txt").write_text("Date: 2024-11-01\n" + SEED + "\n", encoding="utf-8")
    with gzip.open(b / "wire.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "gz-1", "text": SEED, "date": "2024-11-02"}) + "\n")
    return [str(a), str(b)]


def table_rows(db, only=None):
    """Every row of every table but the full-text index's internals, without the columns that
    hold the time of storing (or only the column `only`)."""
    con = sqlite3.connect(db)
    out = {}
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    virtual = [n for n in names if con.execute(
        "SELECT sql FROM sqlite_master WHERE name=?", (n,)).fetchone()[0].upper()
        .startswith("CREATE VIRTUAL")]
    for name in names:
        if any(name.startswith(v + "_") for v in virtual):
            continue
        cols = [r[1] for r in con.execute("PRAGMA table_info(%s)" % name)]
        keep = [c for c in cols if c not in ("added_at",) and (only is None or c == only)]
        if not keep:
            continue
        rows = con.execute("SELECT %s FROM %s" % (",".join('"%s"' % c for c in keep),
                                                  name)).fetchall()
        out[name] = sorted(rows, key=repr)
    con.close()
    return out


def test_cluster_merge_equals_cli(tmp_path, examples, dyad_binary):
    make_corpus(tmp_path / "corpus", examples)
    inputs = ["corpus/a", "corpus/b"]  # relative: documents are named as the user named them
    out = tmp_path / "out"
    stats_path = tmp_path / "stats.json"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [os.path.dirname(os.path.dirname(dyad.__file__))]
        + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    run = subprocess.run([sys.executable, "-m", "dyad.dask", *inputs, "--out", str(out),
                          "--workers", "2", "--stats", str(stats_path), "--batch", "4"],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # the broken line is rejected, as by the CLI
    assert "dyad: corpus/a/part1.jsonl:7: error: malformed JSON" in run.stderr
    stats = json.loads(stats_path.read_text())
    assert stats["workers"] == 2 and stats["partitions"] == 4 and not stats["failed"]
    assert stats["rejected"] == 1 and stats["duplicates"] == 1

    cli_db, cli_jsonl = tmp_path / "cli.db", tmp_path / "cli.jsonl"
    cli = subprocess.run([dyad_binary, "code", *inputs, "--db", str(cli_db), "--out",
                          str(cli_jsonl), "--quiet"], cwd=tmp_path, capture_output=True,
                         text=True)
    assert cli.returncode == run.returncode, cli.stderr

    # The events, line for line: the partitions' JSONL in input order is the CLI's output.
    parts = "".join((out / ("part-%05d.jsonl" % i)).read_text(encoding="utf-8")
                    for i in range(4))
    assert parts == cli_jsonl.read_text(encoding="utf-8")
    assert stats["events"] == len(parts.splitlines()) > 0

    # The merged database: the same documents and events (and groups, mentions, ...).
    merged = table_rows(out / "dyad.db")
    expected = table_rows(cli_db)
    assert set(merged) == set(expected)
    for name in expected:
        assert merged[name] == expected[name], "table %s differs" % name
    assert len(expected["documents"]) == stats["documents"] - 1  # one duplicate
    assert ("corpus/b/seed.txt",) in [r[:1] for r in table_rows(cli_db, "doc_key")["documents"]]
    assert len(expected["events"]) > 0

    # Each partition's shard is a database of its own, and merging again stores nothing twice.
    con = sqlite3.connect(out / "part-00003.db")
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()
    added, dups = cluster.merge_partitions(str(out), range(4), str(out / "dyad.db"))
    assert added == 0 and dups == stats["documents"]


def test_partition_task_without_a_cluster(tmp_path, examples):
    """code_partition is a plain function: what a worker runs, callable here too."""
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(examples.values()):
            f.write(json.dumps({"id": str(i), "text": t, "date": "2024-11-01"}) + "\n")
    opts = cluster.CodingOptions()
    res = cluster.code_partition(7, str(path), str(tmp_path), opts)
    assert res["documents"] == len(examples) and res["rejected"] == 0
    files = cluster.partition_paths(str(tmp_path), 7)
    assert all(os.path.exists(p) for p in files.values())
    assert not [n for n in os.listdir(tmp_path) if ".tmp-" in n]
    coder = cluster.worker_coder(opts)
    assert coder is cluster.worker_coder(cluster.CodingOptions())  # one per process
    added, dups = cluster.merge_partitions(str(tmp_path), [7, 7], str(tmp_path / "m.db"))
    assert added == len(examples) and dups == len(examples)


def test_runner_usage_errors(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(dyad.__file__)))
    r = subprocess.run([sys.executable, "-m", "dyad.dask", str(tmp_path), "--out",
                        str(tmp_path / "o"), "--date", "soon"], env=env, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "--date" in r.stderr
    r = subprocess.run([sys.executable, "-m", "dyad.dask", str(tmp_path)], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--out" in r.stderr


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_external_scheduler(tmp_path, examples):
    """--scheduler: a scheduler and a worker started on their own, as on a real cluster."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(dyad.__file__)))
    sched_file = tmp_path / "scheduler.json"
    procs = []
    try:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", "0", "--no-dashboard", "--scheduler-file", str(sched_file)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file",
             str(sched_file), "--nworkers", "1", "--nthreads", "2", "--no-dashboard"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client
        client = Client(scheduler_file=str(sched_file), timeout="60s")
        client.wait_for_workers(1, timeout=60)
        address = client.scheduler.address
        client.close()
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, text in examples.items():
            (corpus / name).write_text(text, encoding="utf-8")
        r = subprocess.run([sys.executable, "-m", "dyad.dask", str(corpus), "--out",
                            str(tmp_path / "out"), "--scheduler", address, "--quiet", "--stats",
                            str(tmp_path / "stats.json")], env=env, capture_output=True,
                           text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        stats = json.loads((tmp_path / "stats.json").read_text())
        assert stats["documents"] == stats["stored"] == len(examples)
        assert stats["workers"] == 1
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
