#!/usr/bin/python3
"""Universal Dependencies scorer: the CoNLL 2018 shared-task measures, and the scoreboard rows
for dyad's tokenizer, tagger, lemmatizer and parser.

As a command, compares two CoNLL-U files the way the official conll18_ud_eval.py does:
    eval/ud_eval.py GOLD.conllu SYSTEM.conllu [--verbose]
- the two files must hold the same characters once whitespace is removed (tokenization may
  differ); empty nodes (ID "3.1") are ignored; DEPREL is compared on its universal part
  ("nmod:poss" -> "nmod"); a gold LEMMA "_" matches anything;
- Tokens, Sentences: F1 of character spans; Words: F1 of aligned syntactic words. Words are
  aligned by their character span; inside multi-word tokens (and wherever either side has one)
  by the longest common subsequence of lower-cased forms within the overlapping span;
- UPOS, XPOS, Lemmas, UAS, LAS: F1 where a word counts when it is aligned and the value (for
  UAS the aligned head, for LAS the head and relation) agrees. With gold tokenization F1 is
  plain accuracy.

As a scoreboard module (eval/scoreboard.py), runs dyad on shared data:
- UD English EWT test (ud/ewt/en_ewt-ud-test.conllu) with gold tokenization:
  `dyad parse --tokenized` -> UPOS, XPOS, lemmas, UAS, LAS;
- the same from raw text: the `# text` of each sentence, sentences of a paragraph joined by a
  space, paragraphs (`# newpar`, `# newdoc`) separated by a blank line -> `dyad parse` ->
  tokens, sentences and words F1, and UPOS, LAS F1 after alignment;
- the 24 GUM news documents (ud/gum-news/*.conllu), gold tokenization -> UPOS, UAS, LAS
  (diagnostic: a different genre and annotation project than the training data).
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyadrun  # noqa: E402

SET = "UD English"
MEASURES = [
    ("ewt_upos", "EWT test UPOS (gold tokens)", 0.960, 0.950, "UDPipe 1"),
    ("ewt_xpos", "EWT test XPOS (gold tokens)", None, None, None),
    ("ewt_lemmas", "EWT test lemmas (gold tokens)", 0.970, None, None),
    ("ewt_uas", "EWT test UAS (gold tokens)", 0.890, 0.840, "UDPipe 1"),
    ("ewt_las", "EWT test LAS (gold tokens)", 0.865, 0.810, "UDPipe 1"),
    ("raw_tokens", "EWT test tokens F1 (raw text)", 0.990, None, None),
    ("raw_sentences", "EWT test sentences F1 (raw text)", 0.850, None, None),
    ("raw_words", "EWT test words F1 (raw text)", None, None, None),
    ("raw_upos", "EWT test UPOS F1 (raw text)", None, None, None),
    ("raw_las", "EWT test LAS F1 (raw text)", None, None, None),
    ("gum_upos", "GUM news UPOS (gold tokens)", None, None, None),
    ("gum_uas", "GUM news UAS (gold tokens)", None, None, None),
    ("gum_las", "GUM news LAS (gold tokens)", None, None, None),
    # The beam-search parser of `dyad parse --accurate` (the rows above: the fast greedy one,
    # which the event coder uses).
    ("ewt_uas_accurate", "EWT test UAS, --accurate (gold tokens)", 0.890, 0.840, "UDPipe 1"),
    ("ewt_las_accurate", "EWT test LAS, --accurate (gold tokens)", 0.865, 0.810, "UDPipe 1"),
    ("gum_uas_accurate", "GUM news UAS, --accurate (gold tokens)", None, None, None),
    ("gum_las_accurate", "GUM news LAS, --accurate (gold tokens)", None, None, None),
]
# Other published figures on EWT (for the record; the table shows one anchor per row).
OTHER_ANCHORS = {"ewt_upos": ("spaCy trf", 0.969), "ewt_uas": ("spaCy trf", 0.919),
                 "ewt_las": ("spaCy trf", 0.894), "ewt_uas_accurate": ("spaCy trf", 0.919),
                 "ewt_las_accurate": ("spaCy trf", 0.894)}

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)


class UDError(Exception):
    pass


# ---------------------------------------------------------------- the CoNLL 2018 measures

class Span:
    __slots__ = ("start", "end")

    def __init__(self, start, end):
        self.start, self.end = start, end


class Word:
    __slots__ = ("span", "columns", "is_multiword", "parent")

    def __init__(self, span, columns, is_multiword):
        self.span = span
        self.columns = columns
        self.is_multiword = is_multiword
        self.parent = None
        self.columns[DEPREL] = columns[DEPREL].split(":")[0]


class Treebank:
    def __init__(self):
        self.characters = []
        self.tokens = []
        self.words = []
        self.sentences = []


def load_conllu(lines):
    """A Treebank from CoNLL-U lines (an open file or a list of strings)."""
    ud = Treebank()
    index, sentence_start = 0, None
    lines = iter(lines)
    lineno = 0

    def fail(msg):
        raise UDError("line %d: %s" % (lineno, msg))

    def end_sentence():
        words = ud.words[sentence_start:]
        if not words:
            fail("empty sentence")
        for w in words:
            try:
                head = int(w.columns[HEAD])
            except ValueError:
                fail("cannot parse HEAD '%s'" % w.columns[HEAD])
            if head < 0 or head > len(words):
                fail("HEAD '%d' points outside of the sentence" % head)
            if head:
                w.parent = words[head - 1]
        if sum(1 for w in words if w.parent is None) != 1:
            fail("there must be exactly one root in a sentence")
        ud.sentences.append(Span(words[0].span.start, words[-1].span.end))

    for line in lines:
        lineno += 1
        line = line.rstrip("\r\n")
        if sentence_start is None:
            if line.startswith("#"):
                continue
            if not line:
                continue
            sentence_start = len(ud.words)
        if not line:
            end_sentence()
            sentence_start = None
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            fail("the line must have 10 tab-separated columns: '%s'" % line)
        if "." in columns[ID]:
            continue  # empty node
        columns[FORM] = "".join(c for c in columns[FORM] if unicodedata.category(c) != "Zs")
        if not columns[FORM]:
            fail("empty FORM")
        ud.characters.extend(columns[FORM])
        ud.tokens.append(Span(index, index + len(columns[FORM])))
        index += len(columns[FORM])
        if "-" in columns[ID]:
            try:
                start, end = map(int, columns[ID].split("-"))
            except ValueError:
                fail("cannot parse multi-word token ID '%s'" % columns[ID])
            for _ in range(start, end + 1):
                word_line = next(lines, None)
                lineno += 1
                if word_line is None:
                    fail("file ends inside a multi-word token")
                word_columns = word_line.rstrip("\r\n").split("\t")
                if len(word_columns) != 10:
                    fail("the line must have 10 tab-separated columns: '%s'" % word_line)
                ud.words.append(Word(ud.tokens[-1], word_columns, True))
        else:
            try:
                wid = int(columns[ID])
            except ValueError:
                fail("cannot parse word ID '%s'" % columns[ID])
            if wid != len(ud.words) - sentence_start + 1:
                fail("incorrect word ID '%s'" % columns[ID])
            ud.words.append(Word(ud.tokens[-1], columns, False))
    if sentence_start is not None:
        end_sentence()
    return ud


class Score:
    def __init__(self, gold_total, system_total, correct, aligned_total=None):
        self.gold_total, self.system_total = gold_total, system_total
        self.correct, self.aligned_total = correct, aligned_total
        self.precision = correct / system_total if system_total else 0.0
        self.recall = correct / gold_total if gold_total else 0.0
        self.f1 = 2 * correct / (system_total + gold_total) if system_total + gold_total else 0.0
        self.aligned_accuracy = correct / aligned_total if aligned_total else None


def spans_score(gold_spans, system_spans):
    correct, gi, si = 0, 0, 0
    while gi < len(gold_spans) and si < len(system_spans):
        if system_spans[si].start < gold_spans[gi].start:
            si += 1
        elif gold_spans[gi].start < system_spans[si].start:
            gi += 1
        else:
            correct += gold_spans[gi].end == system_spans[si].end
            si += 1
            gi += 1
    return Score(len(gold_spans), len(system_spans), correct)


class Alignment:
    def __init__(self, gold_words, system_words):
        self.gold_words, self.system_words = gold_words, system_words
        self.matched = []  # (gold word, system word)
        self.gold_of = {}  # id(system word) -> gold word

    def add(self, gold_word, system_word):
        self.matched.append((gold_word, system_word))
        self.gold_of[id(system_word)] = gold_word


def _beyond_end(words, i, end):
    if i >= len(words):
        return True
    if words[i].is_multiword:
        return words[i].span.start >= end
    return words[i].span.end > end


def _extend_end(word, end):
    if word.is_multiword and word.span.end > end:
        return word.span.end
    return end


def _multiword_span(gold, system, gi, si):
    if gold[gi].is_multiword:
        end = gold[gi].span.end
        if not system[si].is_multiword and system[si].span.start < gold[gi].span.start:
            si += 1
    else:
        end = system[si].span.end
        if not gold[gi].is_multiword and gold[gi].span.start < system[si].span.start:
            gi += 1
    gs, ss = gi, si
    while not _beyond_end(gold, gi, end) or not _beyond_end(system, si, end):
        if gi < len(gold) and (si >= len(system) or
                               gold[gi].span.start <= system[si].span.start):
            end = _extend_end(gold[gi], end)
            gi += 1
        else:
            end = _extend_end(system[si], end)
            si += 1
    return gs, ss, gi, si


def _lcs(gold, system, gi, si, gs, ss):
    ng, ns = gi - gs, si - ss
    lcs = [[0] * ns for _ in range(ng)]
    for g in reversed(range(ng)):
        for s in reversed(range(ns)):
            if gold[gs + g].columns[FORM].lower() == system[ss + s].columns[FORM].lower():
                lcs[g][s] = 1 + (lcs[g + 1][s + 1] if g + 1 < ng and s + 1 < ns else 0)
            lcs[g][s] = max(lcs[g][s], lcs[g + 1][s] if g + 1 < ng else 0)
            lcs[g][s] = max(lcs[g][s], lcs[g][s + 1] if s + 1 < ns else 0)
    return lcs


def align_words(gold, system):
    alignment = Alignment(gold, system)
    gi, si = 0, 0
    while gi < len(gold) and si < len(system):
        if gold[gi].is_multiword or system[si].is_multiword:
            gs, ss, gi, si = _multiword_span(gold, system, gi, si)
            if si > ss and gi > gs:
                lcs = _lcs(gold, system, gi, si, gs, ss)
                s, g = 0, 0
                while g < gi - gs and s < si - ss:
                    if gold[gs + g].columns[FORM].lower() == system[ss + s].columns[FORM].lower():
                        alignment.add(gold[gs + g], system[ss + s])
                        g += 1
                        s += 1
                    elif lcs[g][s] == (lcs[g + 1][s] if g + 1 < gi - gs else 0):
                        g += 1
                    else:
                        s += 1
        else:
            gw, sw = gold[gi], system[si]
            if (gw.span.start, gw.span.end) == (sw.span.start, sw.span.end):
                alignment.add(gw, sw)
                gi += 1
                si += 1
            elif gw.span.start <= sw.span.start:
                gi += 1
            else:
                si += 1
    return alignment


def alignment_score(alignment, key_fn=None):
    gold, system, aligned = (len(alignment.gold_words), len(alignment.system_words),
                             len(alignment.matched))
    if key_fn is None:
        return Score(gold, system, aligned)

    def gold_of_gold(word):
        return word

    def gold_of_system(word):
        return alignment.gold_of.get(id(word), "NotAligned") if word is not None else None

    correct = sum(1 for g, s in alignment.matched
                  if key_fn(g, gold_of_gold) == key_fn(s, gold_of_system))
    return Score(gold, system, correct, aligned)


def evaluate(gold_ud, system_ud):
    """{measure: Score} for two Treebanks."""
    if gold_ud.characters != system_ud.characters:
        i = 0
        while (i < len(gold_ud.characters) and i < len(system_ud.characters) and
               gold_ud.characters[i] == system_ud.characters[i]):
            i += 1
        raise UDError("the concatenation of tokens in gold file and in system file differ; "
                      "first 20 differing characters in gold: '%s' and system: '%s'"
                      % ("".join(gold_ud.characters[i:i + 20]),
                         "".join(system_ud.characters[i:i + 20])))
    alignment = align_words(gold_ud.words, system_ud.words)
    return {
        "Tokens": spans_score(gold_ud.tokens, system_ud.tokens),
        "Sentences": spans_score(gold_ud.sentences, system_ud.sentences),
        "Words": alignment_score(alignment),
        "UPOS": alignment_score(alignment, lambda w, _: w.columns[UPOS]),
        "XPOS": alignment_score(alignment, lambda w, _: w.columns[XPOS]),
        "Lemmas": alignment_score(
            alignment, lambda w, ga: w.columns[LEMMA] if ga(w).columns[LEMMA] != "_" else "_"),
        "UAS": alignment_score(alignment, lambda w, ga: ga(w.parent)),
        "LAS": alignment_score(alignment, lambda w, ga: (ga(w.parent), w.columns[DEPREL])),
    }


def evaluate_files(gold_path, system_path):
    with open(gold_path, encoding="utf-8") as g, open(system_path, encoding="utf-8") as s:
        return evaluate(load_conllu(g), load_conllu(s))


# ---------------------------------------------------------------- running dyad

def raw_text(conllu_lines):
    """Plain text of a treebank: sentences of a paragraph joined by a space, paragraphs
    (a new `# newpar` or `# newdoc`) separated by a blank line."""
    paragraphs, current = [], []
    for line in conllu_lines:
        line = line.rstrip("\r\n")
        if line.startswith("# newdoc") or line.startswith("# newpar"):
            if current:
                paragraphs.append(" ".join(current))
                current = []
        elif line.startswith("# text = ") or line == "# text =":
            current.append(line[len("# text = "):].strip())
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def run_parse(dyad, input_path, output_path, tokenized, accurate=False, timeout=1800):
    cmd = [dyadrun.dyad_path(dyad), "parse", input_path, "--out", output_path]
    if tokenized:
        cmd.append("--tokenized")
    if accurate:
        cmd.append("--accurate")
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise dyadrun.DyadError("dyad timed out: %s" % " ".join(cmd))
    except OSError as e:
        raise dyadrun.DyadError("cannot run dyad: %s" % e)
    if proc.returncode != 0 or not os.path.exists(output_path):
        raise dyadrun.DyadError("dyad parse exited %d: %s\n  stderr: %s"
                                % (proc.returncode, " ".join(cmd),
                                   proc.stderr.decode("utf-8", "replace")[-1500:]))


def ewt_test(shared):
    return dyadrun.shared_file(shared, "ud", "ewt", "en_ewt-ud-test.conllu")


def gum_files(shared):
    folder = os.path.join(dyadrun.data_dir(shared), "ud", "gum-news")
    return sorted(glob.glob(os.path.join(folder, "*.conllu")))


def available(shared):
    path = ewt_test(shared)
    return (path is not None, path or os.path.join(dyadrun.data_dir(shared), "ud", "ewt"))


def score(shared, dyad, dict_dir=None):
    result, n = {}, {}
    test = ewt_test(shared)
    with tempfile.TemporaryDirectory(prefix="dyad-ud-") as tmp:
        def parse_and_score(gold, inp, name, measures, tokenized=True, accurate=False):
            """Runs dyad parse on `inp`, scores it against `gold`: (key, measure) pairs."""
            out = os.path.join(tmp, name + ".conllu")
            run_parse(dyad, inp, out, tokenized=tokenized, accurate=accurate)
            s = evaluate_files(gold, out)
            for key, m in measures:
                result[key] = s[m].f1
                n[key] = s[m].gold_total

        # Gold tokenization, with the fast parser and the accurate one.
        parse_and_score(test, test, "ewt-tokenized",
                        (("ewt_upos", "UPOS"), ("ewt_xpos", "XPOS"), ("ewt_lemmas", "Lemmas"),
                         ("ewt_uas", "UAS"), ("ewt_las", "LAS")))
        parse_and_score(test, test, "ewt-tokenized-accurate",
                        (("ewt_uas_accurate", "UAS"), ("ewt_las_accurate", "LAS")),
                        accurate=True)
        # Raw text.
        txt = os.path.join(tmp, "ewt.txt")
        with open(test, encoding="utf-8") as f, open(txt, "w", encoding="utf-8") as o:
            o.write(raw_text(f))
        parse_and_score(test, txt, "ewt-raw",
                        (("raw_tokens", "Tokens"), ("raw_sentences", "Sentences"),
                         ("raw_words", "Words"), ("raw_upos", "UPOS"), ("raw_las", "LAS")),
                        tokenized=False)
        # GUM news.
        files = gum_files(shared)
        if files:
            gold = os.path.join(tmp, "gum-news.conllu")
            with open(gold, "w", encoding="utf-8") as o:
                for path in files:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                    o.write(text if text.endswith("\n\n") else text.rstrip("\n") + "\n\n")
            parse_and_score(gold, gold, "gum-news-tokenized",
                            (("gum_upos", "UPOS"), ("gum_uas", "UAS"), ("gum_las", "LAS")))
            parse_and_score(gold, gold, "gum-news-tokenized-accurate",
                            (("gum_uas_accurate", "UAS"), ("gum_las_accurate", "LAS")),
                            accurate=True)
    result["n"] = n
    return result


# ---------------------------------------------------------------- command line

def main(argv=None):
    ap = argparse.ArgumentParser(description="CoNLL 2018 shared-task evaluation of a "
                                             "CoNLL-U file against gold.")
    ap.add_argument("gold", help="gold CoNLL-U")
    ap.add_argument("system", help="system CoNLL-U")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="precision, recall, F1 and aligned accuracy of every measure")
    a = ap.parse_args(argv)
    try:
        scores = evaluate_files(a.gold, a.system)
    except UDError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    if a.verbose:
        print("Metric     | Precision |    Recall |  F1 Score | AligndAcc")
        print("-----------+-----------+-----------+-----------+-----------")
        for m, s in scores.items():
            acc = "%10.2f" % (100 * s.aligned_accuracy) if s.aligned_accuracy is not None else ""
            print("%-11s|%10.2f |%10.2f |%10.2f |%s" % (m, 100 * s.precision, 100 * s.recall,
                                                       100 * s.f1, acc))
    else:
        for m in ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS"):
            print("%s F1 Score: %.2f" % (m, 100 * scores[m].f1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
