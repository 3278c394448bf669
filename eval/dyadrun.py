"""Helpers shared by the scorers: where the repo and the shared data are, and one call that
feeds a list of documents to `dyad code` as JSONL and returns its events grouped by document.

Standard library only; runs under /usr/bin/python3 (3.11).
"""

import json
import os
import subprocess
import sys
import tempfile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.join(os.path.dirname(REPO_ROOT), "shared")
DEFAULT_DYAD = os.path.join(REPO_ROOT, "build", "dyad")


class DyadError(RuntimeError):
    """dyad could not be run, or produced no usable output."""


def data_dir(shared):
    """The shared data folder. `shared` may be the shared/ root (holding data/) or data/ itself."""
    shared = shared or DEFAULT_SHARED
    if os.path.isdir(os.path.join(shared, "data")):
        return os.path.join(shared, "data")
    return shared


def shared_file(shared, *parts):
    """Path of a file under the shared data folder, or None when it does not exist."""
    path = os.path.join(data_dir(shared), *parts)
    return path if os.path.exists(path) else None


def phoenix_dir(shared):
    """The Phoenix dictionaries (events/phoenix) that the "(Phoenix dict)" rows code with."""
    return os.path.join(data_dir(shared), "events", "phoenix")


def with_phoenix(base):
    """available(), score() and main() of scorer module `base`, coding with the Phoenix
    dictionaries instead of dyad's own (an explicit --dict / dict_dir still wins)."""
    def available(shared):
        ok, path = base.available(shared)
        if not ok:
            return ok, path
        d = phoenix_dir(shared)
        return os.path.isdir(d), path if os.path.isdir(d) else d

    def score(shared=None, dyad=None, dict_dir=None):
        return base.score(shared, dyad, dict_dir or phoenix_dir(shared))

    def main(argv=None):
        argv = list(sys.argv[1:] if argv is None else argv)
        shared = DEFAULT_SHARED
        if "--shared" in argv:
            shared = argv[argv.index("--shared") + 1]
        if "--dict" not in argv:
            argv += ["--dict", phoenix_dir(shared)]
        return base.main(argv)

    return available, score, main


def dyad_path(dyad):
    return dyad or DEFAULT_DYAD


def dyad_available(dyad):
    path = dyad_path(dyad)
    return os.path.isfile(path) and os.access(path, os.X_OK)


def run_dyad(docs, dyad=None, dict_dir=None, date=None, threads=0, extra_args=None,
             timeout=1800, keep_negated=True):
    """Codes `docs` (dicts with id, date, title, text) in one `dyad code` run.

    Returns (events_by_doc, info): events_by_doc maps str(doc_id) to the list of event dicts in
    output order; info holds the command, exit code, stderr tail, the number of unreadable
    output lines and dyad's --stats object (or None).

    A non-zero exit code is not fatal when dyad wrote output (dyad reports bad documents and goes
    on; its exit code then says some were rejected); it is fatal when there is no output at all.
    """
    exe = dyad_path(dyad)
    if not dyad_available(exe):
        raise DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    with tempfile.TemporaryDirectory(prefix="dyad-eval-") as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        out = os.path.join(tmp, "events.jsonl")
        stats = os.path.join(tmp, "stats.json")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        cmd = [exe, "code", inp, "--input-format", "jsonl", "--format", "jsonl",
               "--out", out, "--threads", str(threads), "--stats", stats]
        if dict_dir:
            cmd += ["--dict", dict_dir]
        if date:
            cmd += ["--date", date]
        if extra_args:
            cmd += list(extra_args)
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            raise DyadError("dyad timed out after %ss: %s" % (timeout, " ".join(cmd)))
        except OSError as e:
            raise DyadError("cannot run %s: %s" % (exe, e))
        stderr = proc.stderr.decode("utf-8", "replace")
        if not os.path.exists(out):
            raise DyadError("dyad exited %d and wrote no output\n  cmd: %s\n  stderr: %s"
                            % (proc.returncode, " ".join(cmd), stderr[-2000:]))
        events_by_doc = {}
        bad_lines = 0
        with open(out, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    ev = json.loads(line)
                except ValueError:
                    bad_lines += 1
                    continue
                if not isinstance(ev, dict):
                    bad_lines += 1
                    continue
                if not keep_negated and ev.get("negated"):
                    continue
                events_by_doc.setdefault(str(ev.get("doc_id")), []).append(ev)
        stats_obj = None
        if os.path.exists(stats):
            try:
                with open(stats, encoding="utf-8") as f:
                    stats_obj = json.load(f)
            except ValueError:
                stats_obj = None
    info = {"cmd": cmd, "returncode": proc.returncode, "stderr": stderr[-2000:],
            "bad_lines": bad_lines, "stats": stats_obj}
    if proc.returncode != 0:
        print("warning: dyad exited %d (output kept); stderr tail:\n%s"
              % (proc.returncode, stderr[-800:]), file=sys.stderr)
    if bad_lines:
        print("warning: %d unreadable output lines from dyad" % bad_lines, file=sys.stderr)
    return events_by_doc, info


def plover_event(ev):
    """The PLOVER event name of a dyad event ('' when none)."""
    p = ev.get("plover")
    if isinstance(p, dict):
        return (p.get("event") or "").strip().upper()
    if isinstance(p, str):
        return p.strip().upper()
    return ""


def actor_code(actor):
    """The actor code of a dyad event's source/target ('' when absent)."""
    if isinstance(actor, dict):
        return (actor.get("code") or "").strip().upper()
    if isinstance(actor, str):
        return actor.strip().upper()
    return ""


def ratio(num, den):
    return (num / den) if den else None


def fmt(x, digits=3):
    if x is None:
        return "-"
    if isinstance(x, float):
        return "%.*f" % (digits, x)
    return str(x)
