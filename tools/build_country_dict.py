#!/usr/bin/python3
"""Build data/dict/countries.actors from ISO 3166-1 and our own country table.

Inputs:
  - Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (package iso-codes):
    alpha-3 codes, short names, official names, common names.
  - data/dict/src/countries.tsv: our hand-written table (CAMEO code overrides, extra
    names, adjectives/demonyms, capitals and metonyms, major cities, and extra lines).
    Its header comment describes the columns.

Output: data/dict/countries.actors in the dyad .actors format (data/dict/FORMAT.md).

Usage (from the repository root or anywhere):
    /usr/bin/python3 tools/build_country_dict.py [--iso FILE] [--table FILE] [--out FILE]

Standard library only. Exits non-zero if the table has errors.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_TABLE = os.path.join(ROOT, "data", "dict", "src", "countries.tsv")
DEFAULT_OUT = os.path.join(ROOT, "data", "dict", "countries.actors")

KINDS = ("name", "adj", "capital", "city", "org", "person")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{2,14}$")
RANGE_RE = re.compile(r"^\[(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\]$")


def fold(text):
    """Strip diacritics: 'Côte d'Ivoire' -> 'Cote d'Ivoire'. Letters without an ASCII
    decomposition (ø, ł, ı) are left as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def iso_names(entry):
    """Usable running-text names from one ISO 3166-1 record.

    - 'Korea, Republic of' style names are turned around ('Republic of Korea');
    - names with a trailing qualifier after a comma ('Virgin Islands, British',
      'Taiwan, Province of China') are dropped -- the table gives the usual forms;
    - parenthesised parts are removed ('Holy See (Vatican City State)' -> 'Holy See');
    - a leading 'the' is dropped ('the State of Eritrea' -> 'State of Eritrea').
    """
    out = []
    for key in ("common_name", "name", "official_name"):
        raw = entry.get(key)
        if not raw:
            continue
        name = re.sub(r"\s*\([^)]*\)\s*", " ", raw).strip()
        name = re.sub(r"\s+", " ", name)
        if "," in name:
            head, _, tail = name.partition(",")
            tail = tail.strip()
            if re.search(r"\bof( the)?$", tail):
                name = tail + " " + head.strip()
            elif " and " in tail or " and " in head:
                pass  # a real list: 'Bonaire, Sint Eustatius and Saba'
            else:
                continue  # a qualifier: 'Virgin Islands, British'
        name = re.sub(r"^(the|The) ", "", name)
        out.append(name)
    return out


def split_list(field):
    if field.strip() in ("", "-"):
        return []
    return [p.strip() for p in field.split(";") if p.strip()]


def key_of(phrase):
    """Identity of a phrase for de-duplication: case-sensitive phrases keep their case."""
    if phrase.startswith("="):
        return phrase
    return phrase.lower()


class Table:
    def __init__(self):
        self.rows = {}      # alpha3 -> dict
        self.order = []
        self.extras = []    # (code, kind, phrases, range, comment lines before it)
        self.errors = []


def read_table(path):
    table = Table()
    pending_comments = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            where = "%s:%d" % (path, lineno)
            if not line.strip():
                continue
            if line.lstrip().startswith("#"):
                pending_comments.append(line)
                continue
            fields = [x.strip() for x in re.split(r"\t+", line)]
            if fields[0].startswith("+"):
                code = fields[0][1:]
                if len(fields) not in (3, 4):
                    table.errors.append("%s: extra line needs +CODE, kind, phrases [, range]" % where)
                    continue
                kind = fields[1]
                rng = fields[3] if len(fields) == 4 else ""
                if not CODE_RE.match(code):
                    table.errors.append("%s: bad code %r" % (where, code))
                elif kind not in KINDS:
                    table.errors.append("%s: bad kind %r" % (where, kind))
                elif rng and not RANGE_RE.match(rng):
                    table.errors.append("%s: bad date range %r" % (where, rng))
                elif not split_list(fields[2]):
                    table.errors.append("%s: no phrases" % where)
                else:
                    # keep only the comment block directly before a group of extras
                    table.extras.append((code, kind, split_list(fields[2]), rng,
                                         [c for c in pending_comments
                                          if c.strip() != "#" and "----" not in c]))
                pending_comments = []
                continue
            pending_comments = []
            if len(fields) != 6:
                table.errors.append("%s: expected 6 TAB-separated columns, got %d"
                                    % (where, len(fields)))
                continue
            alpha3, code, names, adj, capital, cities = fields
            if not re.match(r"^[A-Z]{3}$", alpha3):
                table.errors.append("%s: bad alpha-3 code %r" % (where, alpha3))
                continue
            if alpha3 in table.rows:
                table.errors.append("%s: %s listed twice" % (where, alpha3))
                continue
            if code != "-" and not CODE_RE.match(code):
                table.errors.append("%s: bad CAMEO code %r" % (where, code))
                continue
            table.rows[alpha3] = {
                "code": alpha3 if code == "-" else code,
                "names": split_list(names),
                "adj": split_list(adj),
                "capital": split_list(capital),
                "city": split_list(cities),
                "where": where,
            }
            table.order.append(alpha3)
    return table


def build(iso_path, table_path, out_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    table = read_table(table_path)
    errors = list(table.errors)
    warnings = []

    iso_by_code = {e["alpha_3"]: e for e in iso}
    for a3 in table.order:
        if a3 not in iso_by_code:
            errors.append("%s: %s is not an ISO 3166-1 alpha-3 code (use a +CODE line)"
                          % (table.rows[a3]["where"], a3))
    for a3 in sorted(iso_by_code):
        if a3 not in table.rows:
            warnings.append("%s (%s) has no row in %s; ISO names only"
                            % (a3, iso_by_code[a3]["name"], table_path))

    lines = []
    rel_table = os.path.relpath(table_path, ROOT)
    lines.append("# GENERATED FILE -- do not edit by hand.")
    lines.append("# Built by: /usr/bin/python3 tools/build_country_dict.py")
    lines.append("# from %s (ISO 3166-1 names, Debian iso-codes)" % iso_path)
    lines.append("# and %s (our names, demonyms, capitals, cities, extra lines)." % rel_table)
    lines.append("# Edit the table and rerun the command. Format: data/dict/FORMAT.md (.actors).")
    lines.append("")

    n_entries = 0
    for entry in sorted(iso, key=lambda e: e["alpha_3"]):
        a3 = entry["alpha_3"]
        row = table.rows.get(a3, {"code": a3, "names": [], "adj": [], "capital": [],
                                  "city": []})
        code = row["code"]
        removed = {key_of(n[1:]) for n in row["names"] if n.startswith("-")}
        names = []
        for n in iso_names(entry):
            names.append(n)
            folded = fold(n)
            if folded != n:
                names.append(folded)
        names += [n for n in row["names"] if not n.startswith("-")]

        seen = set()
        groups = []
        for kind, phrases in (("name", names), ("adj", row["adj"]),
                              ("capital", row["capital"]), ("city", row["city"])):
            kept = []
            for p in phrases:
                k = key_of(p)
                if k in removed or k in seen:
                    continue
                seen.add(k)
                kept.append(p)
            if kept:
                groups.append((kind, kept))
        title = entry.get("common_name") or entry["name"]
        if code != a3:
            lines.append("# %s (ISO %s; CAMEO code %s)" % (title, a3, code))
        else:
            lines.append("# %s" % title)
        for kind, kept in groups:
            lines.append("%s\t%s: %s" % (code, kind, "; ".join(kept)))
            n_entries += 1

    if table.extras:
        lines.append("")
        lines.append("# ---- Extra lines from %s ----" % rel_table)
        for code, kind, phrases, rng, comments in table.extras:
            if comments:
                lines.append("")
                lines.extend(comments)
            line = "%s\t%s: %s" % (code, kind, "; ".join(phrases))
            if rng:
                line += "\t" + rng
            lines.append(line)
            n_entries += 1

    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    if errors:
        for e in errors:
            print("error: " + e, file=sys.stderr)
        print("not written: %d error(s)" % len(errors), file=sys.stderr)
        return 1
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d lines of entries for %d ISO countries/territories and %d extra lines"
          % (os.path.relpath(out_path, ROOT), n_entries, len(iso), len(table.extras)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO, help="iso_3166-1.json (default %(default)s)")
    ap.add_argument("--table", default=DEFAULT_TABLE, help="our table (default %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output file (default %(default)s)")
    args = ap.parse_args()
    if not os.path.exists(args.iso):
        print("error: %s not found (install Debian's iso-codes package)" % args.iso,
              file=sys.stderr)
        return 2
    return build(args.iso, args.table, args.out)


if __name__ == "__main__":
    sys.exit(main())
