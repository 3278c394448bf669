#!/usr/bin/env python3
"""Check that the committed models match today's code where the tokenizer feeds them.

The word clusters (inside tagger.bin and parser.bin, and kept as clusters.bin) are learned from
the tokenizer's sentences of tools/nlp_corpus.py's text, and the sentence splitter from the
tokenizer's rule decisions on EWT train; the lemmatizer from EWT train and WordNet. A change to
the tokenizer silently changes what `dyad train all` would make, and the committed models no
longer reproduce. This retrains those three pieces (about two minutes on one core) and compares
them, decompressed, with data/models; the tagger and parsers take too long for a test and are
covered by their inputs.

    /usr/bin/python3 tools/check_models.py --shared ../shared --dyad build/dyad [--models DIR]

Exit 0 when all three match, 1 when one differs (retrain: docs/nlp.md, "Training"), 77 when the
shared data is missing (a skipped test).
"""
import argparse
import gzip
import hashlib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def digest(path):
    with gzip.open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("DYAD_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--dyad", default=os.path.join(ROOT, "build", "dyad"))
    ap.add_argument("--models", default=os.path.join(ROOT, "data", "models"))
    args = ap.parse_args()

    ewt = os.path.join(args.shared, "data", "ud", "ewt", "en_ewt-ud-train.conllu")
    if not os.path.exists(ewt):
        print(f"check_models: skipped: {ewt} not found (the shared data is needed)")
        return 77
    missing = [f for f in ("clusters.bin", "sentences.bin", "lemmatizer.bin")
               if not os.path.exists(os.path.join(args.models, f))]
    if missing:
        print(f"check_models: {args.models} lacks {', '.join(missing)}: retrain with `dyad train all`")
        return 1

    with tempfile.TemporaryDirectory(prefix="dyad-check-models-") as tmp:
        corpus = os.path.join(tmp, "corpus.txt")
        with open(corpus, "wb") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "nlp_corpus.py"), "--shared", args.shared],
                           stdout=out, check=True)
        runs = {
            "clusters.bin": ["clusters", "--text", corpus],
            "sentences.bin": ["sentences", "--train", ewt],
            "lemmatizer.bin": ["lemmatizer", "--train", ewt],
        }
        bad = []
        for name, what in runs.items():
            fresh = os.path.join(tmp, name)
            subprocess.run([args.dyad, "train", *what, "--out", fresh, "-q"], check=True)
            same = digest(fresh) == digest(os.path.join(args.models, name))
            print(f"check_models: {name:15} {'matches today' if same else 'DIFFERS from'} what "
                  f"`dyad train {what[0]}` makes")
            if not same:
                bad.append(name)
    if bad:
        print("check_models: the committed models were trained with another tokenizer or trainer; "
              "retrain them all (docs/nlp.md, \"Training\") and commit the new files")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
