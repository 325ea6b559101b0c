"""Build small static word vectors from the German Brown clusters in spacy-lookups-data
(de_lexeme_cluster: 1M word forms, 750 clusters, MIT licence).

Every word form is mapped to the row of its cluster; a cluster's vector is the normalised
sum of fixed random vectors of all prefixes of its bit path, so clusters close in the Brown
hierarchy get similar vectors. Many keys share one row, so the table stays tiny.

Usage: python training/vectors.py [--out DIR] [--top N] [--dims D]
Writes a blank German spaCy pipeline with these vectors (for [initialize] vectors).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
from importlib import resources

import numpy as np
import spacy
from spacy.vectors import Vectors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.environ.get("QL_WORK", "/work/train-work") + "/vectors")
    ap.add_argument("--top", type=int, default=300000, help="most frequent word forms to keep")
    ap.add_argument("--dims", type=int, default=64)
    a = ap.parse_args()
    path = resources.files("spacy_lookups_data") / "data" / "de_lexeme_cluster.json.gz"
    with gzip.open(str(path), "rt", encoding="utf8") as fh:
        clusters = json.load(fh)  # ordered by frequency
    words = [(w, c) for w, c in list(clusters.items())[: a.top] if c]
    ids = sorted({c for _, c in words})
    rng = np.random.default_rng(7)
    proto: dict[tuple[int, int], np.ndarray] = {}
    table = np.zeros((len(ids), a.dims), dtype="float32")
    for r, c in enumerate(ids):
        v = np.zeros(a.dims, dtype="float32")
        for L in range(1, c.bit_length() + 1):  # path is stored reversed: prefix = low bits
            key = (L, c & ((1 << L) - 1))
            if key not in proto:
                proto[key] = rng.standard_normal(a.dims).astype("float32")
            v += proto[key] * (0.5 + L / 8)
        table[r] = v / np.linalg.norm(v)
    row_of = {c: r for r, c in enumerate(ids)}
    nlp = spacy.blank("de")
    vec = Vectors(strings=nlp.vocab.strings, shape=table.shape)
    vec.data[:] = table
    for w, c in words:
        vec.add(w, row=row_of[c])
    nlp.vocab.vectors = vec
    nlp.to_disk(a.out)
    print(f"{len(words)} keys -> {len(ids)} rows x {a.dims} -> {a.out}")


if __name__ == "__main__":
    main()
