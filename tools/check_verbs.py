#!/usr/bin/env python3
"""Check dyad's verb-side dictionaries: .verbs, .cameo and .forms files (data/dict/FORMAT.md).

Reports, each as FILE:LINE: reason,
  - malformed lines (field counts, bad codes, bad tokens, bad attributes, bad numbers),
  - codes used in .verbs that the .cameo table lacks,
  - duplicate patterns (an error when the codes conflict, a warning when they agree),
  - suspicious entries (an inflected or adverb first word, redundant attributes, ...),
then CAMEO roots without any pattern and the pattern counts per root.

Usage:  tools/check_verbs.py [PATH ...] [--codes] [--quiet] [--strict]
PATH is a dictionary directory or single files; default: data/dict next to this script's
repository root. Exit status 1 when errors were found (with --strict, warnings count too).
Python 3 standard library only.
"""
import argparse
import os
import re
import sys
from collections import defaultdict

KINDS = ('.verbs', '.cameo', '.forms')
ROOTS = ['%02d' % i for i in range(1, 21)]
PLOVER_EVENTS = {
    'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
    'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
}
ATTR_KEYS = ('plover', 'mode', 'target')
CODE_RE = re.compile(r'^(0[1-9]|1[0-9]|20)(\d{1,2})?$')
MODE_RE = re.compile(r'^[a-z][a-z_-]*$')
WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'.-]*$", re.I)
FORM_RE = re.compile(r"^[a-z][a-z'-]*$")
COMMENT_RE = re.compile(r'(^|\s)#.*$')
# first words ending in -ed/-ing that are base forms all the same
BASE_LOOKALIKES = {
    'need', 'proceed', 'succeed', 'exceed', 'embed', 'shed', 'speed', 'feed', 'bleed', 'breed',
    'heed', 'seed', 'weed', 'wed', 'shred', 'bed', 'bring', 'sing', 'ring', 'sting', 'string',
    'swing', 'cling', 'fling', 'sling', 'spring', 'wring', 'ding', 'wing', 'ping', 'king',
}

# verbs ending in -ly (the adverb check looks at words of 7+ letters only)
ADVERB_LOOKALIKES = {'multiply', 'underlie', 'outfly', 'overfly'}


def expected_quadclass(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


class Report:
    def __init__(self, quiet=False):
        self.errors = 0
        self.warnings = 0
        self.quiet = quiet

    def error(self, where, msg):
        self.errors += 1
        print('%s: error: %s' % (where, msg))

    def warn(self, where, msg):
        self.warnings += 1
        if not self.quiet:
            print('%s: warning: %s' % (where, msg))


def read_lines(path, rep):
    """Yield (where, fields) for every non-blank, non-comment line."""
    try:
        with open(path, 'rb') as fh:
            raw = fh.read()
    except OSError as exc:
        rep.error(path, 'cannot read: %s' % exc)
        return
    for n, bline in enumerate(raw.split(b'\n'), 1):
        where = '%s:%d' % (path, n)
        try:
            line = bline.decode('utf-8')
        except UnicodeDecodeError:
            rep.error(where, 'not valid UTF-8')
            continue
        line = line.rstrip('\r')
        line = COMMENT_RE.sub('', line)
        if not line.strip():
            continue
        if line[0] in ' \t':
            rep.error(where, 'line starts with whitespace (first field empty)')
            continue
        if '\t' not in line and re.search(r'\S\s+\S', line):
            rep.error(where, 'no TAB separator (fields must be separated by TABs)')
            continue
        fields = [f.strip(' ') for f in re.split(r'\t+', line.strip('\t'))]
        if any(f == '' for f in fields):
            rep.error(where, 'empty field (spaces between TABs)')
            continue
        yield where, fields


# ---------------------------------------------------------------- .cameo
def check_cameo(path, rep, table):
    for where, f in read_lines(path, rep):
        if not 4 <= len(f) <= 6:
            rep.error(where, 'expected 4 to 6 fields (CODE, name, goldstein, quadclass'
                             '[, plover_event[, plover_mode]]), got %d' % len(f))
            continue
        code, name, gold, quad = f[:4]
        event = f[4] if len(f) > 4 else ''
        mode = f[5] if len(f) > 5 else ''
        if not CODE_RE.match(code):
            rep.error(where, 'bad CAMEO code %r (2-4 digits, root 01-20)' % code)
            continue
        if code in table:
            rep.error(where, 'duplicate code %s (first at %s)' % (code, table[code]['where']))
            continue
        ok = True
        try:
            g = float(gold)
            if not -10.0 <= g <= 10.0:
                rep.error(where, 'goldstein %s outside -10..10' % gold)
                ok = False
        except ValueError:
            rep.error(where, 'goldstein %r is not a number' % gold)
            ok = False
        if quad not in ('1', '2', '3', '4'):
            rep.error(where, 'quadclass %r is not 1-4' % quad)
            ok = False
        elif int(quad) != expected_quadclass(code[:2]):
            rep.error(where, 'quadclass %s does not match root %s (expected %d)'
                      % (quad, code[:2], expected_quadclass(code[:2])))
            ok = False
        if event and not re.match(r'^[A-Z][A-Z_]*$', event):
            rep.error(where, 'plover_event %r is not an upper-case event name' % event)
            ok = False
        elif event and event not in PLOVER_EVENTS:
            rep.warn(where, 'plover_event %r is not a PLOVER 2021 event' % event)
        if mode and not MODE_RE.match(mode):
            rep.error(where, 'plover_mode %r malformed (lower-case word)' % mode)
            ok = False
        if ok:
            table[code] = {'where': where, 'name': name, 'event': event, 'mode': mode}
    return table


def check_cameo_tree(table, rep, label='cameo'):
    for code, row in table.items():
        if len(code) >= 3 and code[:2] not in table:
            rep.warn(row['where'], 'root %s of %s is missing' % (code[:2], code))
        if len(code) == 4 and code[:3] not in table:
            rep.warn(row['where'], 'parent %s of %s is missing' % (code[:3], code))
    for root in ROOTS:
        if table and root not in table:
            rep.error(label, 'root %s has no row' % root)


# ---------------------------------------------------------------- .forms
def check_forms(path, rep, forms):
    for where, f in read_lines(path, rep):
        if not 3 <= len(f) <= 5:
            rep.error(where, 'expected 3 fields (base, past, past participle) or 5 '
                             '(+ 3rd person, gerund), got %d' % len(f))
            continue
        if len(f) == 4:
            rep.warn(where, '4 fields: 3rd person given without gerund')
        base = f[0]
        bad = False
        if ';' in base or not FORM_RE.match(base):
            rep.error(where, 'base %r must be one lower-case word' % base)
            bad = True
        for i, field in enumerate(f[1:], 1):
            for item in field.split(';'):
                if not FORM_RE.match(item.strip()):
                    rep.error(where, 'column %d: %r is not a lower-case word' % (i + 1, item))
                    bad = True
        if bad:
            continue
        if base in forms:
            prev_where, prev = forms[base]
            if prev != f:
                rep.error(where, 'base %r listed again with different forms (first at %s)'
                          % (base, prev_where))
            else:
                rep.warn(where, 'base %r listed twice (first at %s)' % (base, prev_where))
            continue
        forms[base] = (where, f)
    return forms


# ---------------------------------------------------------------- .verbs
def parse_pattern(pat):
    """Return (is_noun, tokens) or raise ValueError."""
    is_noun = False
    p = pat.strip()
    if p.lower().startswith('n:'):
        is_noun = True
        p = p[2:].strip()
    toks = p.lower().split()
    if not toks:
        raise ValueError('empty pattern')
    if toks[0] == '*':
        raise ValueError('pattern starts with "*" (the first word is the event word)')
    if toks[-1] == '*':
        raise ValueError('pattern ends with "*"')
    for t in toks:
        if t == '*':
            continue
        if t.endswith(':'):
            raise ValueError('unknown marker %r (only "n:" is defined)' % t)
        if not WORD_RE.match(t):
            raise ValueError('bad word %r' % t)
    return is_noun, tuple(toks)


def check_verbs(path, rep, patterns, inflected):
    for where, f in read_lines(path, rep):
        if len(f) < 2:
            rep.error(where, 'expected CODE <TAB> pattern [<TAB> key=value ...]')
            continue
        code, pat = f[0], f[1]
        if not CODE_RE.match(code):
            rep.error(where, 'bad CAMEO code %r' % code)
            continue
        if '=' in pat:
            rep.error(where, 'pattern %r contains "=" (attributes go in their own TAB field)' % pat)
            continue
        try:
            is_noun, toks = parse_pattern(pat)
        except ValueError as exc:
            rep.error(where, str(exc))
            continue
        attrs = {}
        bad = False
        for field in f[2:]:
            for item in field.split():
                if '=' not in item:
                    rep.error(where, 'attribute %r is not key=value' % item)
                    bad = True
                    continue
                k, v = item.split('=', 1)
                if k not in ATTR_KEYS:
                    rep.error(where, 'unknown attribute %r (known: %s)' % (k, ', '.join(ATTR_KEYS)))
                    bad = True
                elif k in attrs:
                    rep.error(where, 'attribute %r given twice' % k)
                    bad = True
                elif k == 'plover' and not re.match(r'^[A-Z][A-Z_]*$', v):
                    rep.error(where, 'plover=%r is not an upper-case event name' % v)
                    bad = True
                elif k == 'mode' and not MODE_RE.match(v):
                    rep.error(where, 'mode=%r malformed' % v)
                    bad = True
                elif k == 'target' and v not in ('none', 'optional'):
                    rep.error(where, 'target=%r: only target=none and target=optional are '
                                     'defined' % v)
                    bad = True
                else:
                    attrs[k] = v
                    if k == 'plover' and v not in PLOVER_EVENTS:
                        rep.warn(where, 'plover=%s is not a PLOVER 2021 event' % v)
        if bad:
            continue
        head = toks[0]
        if not is_noun:
            if head in inflected:
                rep.warn(where, 'first word %r looks like an inflected form of %r; '
                                'write the base form' % (head, inflected[head]))
            elif (head.endswith('ing') or head.endswith('ed')) and len(head) > 4 \
                    and head not in BASE_LOOKALIKES and head not in inflected.get('__bases__', ()):
                rep.warn(where, 'first word %r may not be a base form' % head)
            elif head.endswith('ly') and len(head) >= 7 and head not in ADVERB_LOOKALIKES:
                rep.warn(where, 'first word %r looks like an adverb, not a verb' % head)
        patterns.append({'where': where, 'code': code, 'noun': is_noun, 'toks': toks,
                         'attrs': attrs})
    return patterns


def inflection_index(forms):
    idx = {'__bases__': set(forms)}
    for base, (_, f) in forms.items():
        for field in f[1:]:
            for item in field.split(';'):
                item = item.strip()
                if item != base and item not in forms:
                    idx[item] = base
    return idx


def collect(paths, rep):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(KINDS):
                    files.append(os.path.join(p, name))
        elif os.path.isfile(p):
            if not p.endswith(KINDS):
                rep.warn(p, 'not a .verbs/.cameo/.forms file; skipped')
            else:
                files.append(p)
        else:
            rep.error(p, 'no such file or directory')
    return files


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(os.path.dirname(here), 'data', 'dict')
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('paths', nargs='*', default=[default], help='dictionary dirs or files')
    ap.add_argument('--codes', action='store_true', help='also print pattern counts per code')
    ap.add_argument('--quiet', action='store_true', help='do not print warnings')
    ap.add_argument('--strict', action='store_true', help='fail on warnings too')
    args = ap.parse_args(argv)
    rep = Report(args.quiet)

    files = collect(args.paths, rep)
    table, forms, patterns = {}, {}, []
    for p in files:
        if p.endswith('.cameo'):
            check_cameo(p, rep, table)
    for p in files:
        if p.endswith('.forms'):
            check_forms(p, rep, forms)
    inflected = inflection_index(forms)
    for p in files:
        if p.endswith('.verbs'):
            check_verbs(p, rep, patterns, inflected)
    cameo_files = [p for p in files if p.endswith('.cameo')]
    verbs_files = [p for p in files if p.endswith('.verbs')]
    if table:
        check_cameo_tree(table, rep, ', '.join(cameo_files))

    # codes missing from the table, redundant attributes
    missing = defaultdict(list)
    for pt in patterns:
        row = table.get(pt['code'])
        if table and row is None:
            missing[pt['code']].append(pt['where'])
            continue
        if row:
            if pt['attrs'].get('plover') == row['event'] and row['event']:
                rep.warn(pt['where'], 'plover=%s repeats the table value for %s'
                         % (row['event'], pt['code']))
            if pt['attrs'].get('mode') == row['mode'] and row['mode'] \
                    and 'plover' not in pt['attrs']:
                rep.warn(pt['where'], 'mode=%s repeats the table value for %s'
                         % (row['mode'], pt['code']))
    for code in sorted(missing):
        where = missing[code]
        rep.error(where[0], 'code %s is not in the .cameo table (%d pattern%s)'
                  % (code, len(where), '' if len(where) == 1 else 's'))

    # duplicates
    seen = {}
    for pt in patterns:
        key = (pt['noun'], pt['toks'])
        shown = ('n: ' if pt['noun'] else '') + ' '.join(pt['toks'])
        if key in seen:
            first = seen[key]
            if first['code'] != pt['code']:
                rep.error(pt['where'], 'pattern "%s" coded %s here but %s at %s'
                          % (shown, pt['code'], first['code'], first['where']))
            elif first['attrs'] != pt['attrs']:
                rep.error(pt['where'], 'pattern "%s" repeated with different attributes (first at %s)'
                          % (shown, first['where']))
            else:
                rep.warn(pt['where'], 'duplicate pattern "%s" (first at %s)' % (shown, first['where']))
        else:
            seen[key] = pt

    # coverage and counts
    per_root = defaultdict(int)
    per_code = defaultdict(int)
    for pt in patterns:
        per_root[pt['code'][:2]] += 1
        per_code[pt['code']] += 1
    if patterns:
        for root in ROOTS:
            if not per_root[root]:
                rep.error(', '.join(verbs_files), 'CAMEO root %s has no pattern' % root)

    print()
    print('files: %s' % ', '.join(os.path.relpath(p) for p in files))
    print('cameo rows: %d  (roots %d, 3-digit %d, 4-digit %d)' % (
        len(table), sum(len(c) == 2 for c in table), sum(len(c) == 3 for c in table),
        sum(len(c) == 4 for c in table)))
    nfive = sum(len(f) == 5 for _, f in forms.values())
    print('forms rows: %d  (%d with all five columns)' % (len(forms), nfive))
    nnoun = sum(pt['noun'] for pt in patterns)
    print('patterns: %d  (verb %d, noun %d, distinct %d)' % (
        len(patterns), len(patterns) - nnoun, nnoun, len(seen)))
    if patterns:
        print('patterns per root:')
        for root in ROOTS:
            name = table.get(root, {}).get('name', '')
            print('  %s %5d  %s' % (root, per_root[root], name))
        if table:
            uncovered = sorted(c for c in table if len(c) > 2 and not per_code[c])
            covered = sum(1 for c in table if len(c) > 2 and per_code[c])
            print('codes with patterns: %d of %d non-root codes' % (
                covered, sum(len(c) > 2 for c in table)))
            if uncovered:
                print('codes without patterns: %s' % ' '.join(uncovered))
    if args.codes:
        print('patterns per code:')
        for code in sorted(per_code, key=lambda c: (c[:2], c)):
            print('  %-5s %4d  %s' % (code, per_code[code], table.get(code, {}).get('name', '?')))
    print('%d error(s), %d warning(s)' % (rep.errors, rep.warnings))
    failed = rep.errors or (args.strict and rep.warnings)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
