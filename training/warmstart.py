"""Write the tok2vec weights of an existing pipeline (default: the shipped model) in the
format of `spacy pretrain`, so that `[initialize] init_tok2vec` starts a new training run
from them instead of from a fresh pretraining pass (the architecture must be identical), and
its static vectors as a blank pipeline, so the warm-started weights see the same table.

Usage: python training/warmstart.py [--model quellenlage/nlp/model] [--out FILE]
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "quellenlage/nlp/model"))
    ap.add_argument("--out", default=os.environ.get("QL_WORK", "/work/train-work") + "/warm-tok2vec.bin")
    ap.add_argument("--vectors-out", default=os.environ.get("QL_WORK", "/work/train-work") + "/warm-vectors",
                    help="blank pipeline with the model's static vectors (for [initialize] vectors)")
    a = ap.parse_args()
    nlp = spacy.load(a.model, exclude=[p for p in ("ql_sentences", "ql_lemmatizer", "ql_konjunktiv",
                                                  "ql_gazetteer")])
    Path(a.out).write_bytes(nlp.get_pipe("tok2vec").model.to_bytes())
    blank = spacy.blank("de")
    blank.vocab.vectors = nlp.vocab.vectors
    blank.to_disk(a.vectors_out)
    print("tok2vec of", a.model, "->", a.out, "; vectors ->", a.vectors_out)


if __name__ == "__main__":
    main()
