"""Helpers of the place scorers (lgl_geo.py, event_location.py): one `dyad geo` run over a list
of documents, and great-circle distances.

Standard library only; runs under /usr/bin/python3 (3.11).
"""

import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle (haversine) distance in kilometres on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def run_geo(docs, dyad=None, timeout=1800):
    """Feeds `docs` (dicts with id, text and optionally verb {start, end}) to `dyad geo --jsonl`.

    Returns (results_by_id, info): results_by_id maps str(id) to dyad's output object
    ({"id", "places": [...], "event_place": index or null}); info holds the command, exit code
    and stderr tail. A non-zero exit with output is a warning; no output at all is an error.
    """
    exe = dyadrun.dyad_path(dyad)
    if not dyadrun.dyad_available(exe):
        raise dyadrun.DyadError("no dyad binary at %s (build it, or pass --dyad PATH)" % exe)
    with tempfile.TemporaryDirectory(prefix="dyad-geo-") as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        cmd = [exe, "geo", inp, "--jsonl"]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            raise dyadrun.DyadError("dyad timed out after %ss: %s" % (timeout, " ".join(cmd)))
        except OSError as e:
            raise dyadrun.DyadError("cannot run %s: %s" % (exe, e))
    stderr = proc.stderr.decode("utf-8", "replace")
    out = {}
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            out[str(obj.get("id"))] = obj
    if not out and docs:
        raise dyadrun.DyadError("dyad geo exited %d and wrote nothing\n  cmd: %s\n  stderr: %s"
                                % (proc.returncode, " ".join(cmd), stderr[-2000:]))
    if proc.returncode != 0:
        print("warning: dyad geo exited %d (output kept); stderr tail:\n%s"
              % (proc.returncode, stderr[-800:]), file=sys.stderr)
    return out, {"cmd": cmd, "returncode": proc.returncode, "stderr": stderr[-2000:]}


def overlap(a_start, a_end, b_start, b_end):
    """Characters shared by [a_start, a_end) and [b_start, b_end)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))
