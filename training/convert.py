"""Convert the permissively licensed source data into spaCy DocBins.

Usage: python training/convert.py [--data DIR] [--out DIR]

DATA defaults to $QL_DATA or /work/shared/data, OUT to $QL_WORK or /work/train-work/corpus.
Held-out sets (GermEval NER-de-dev.tsv, UD German-PUD) are NEVER read here.
"""
from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

# read_conllu and read_germeval are imported from here by rawtext.py
from quellenlage.eval.datasets import conllu_doc, germeval_doc, read_conllu, read_germeval  # noqa: F401

SEED = 13
GROUP = 6


# ---------------------------------------------------------------- CoNLL-U
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("QL_DATA", "/work/shared/data"))
    ap.add_argument("--out", default=os.environ.get("QL_WORK", "/work/train-work") + "/corpus")
    ap.add_argument("--ud-dev-every", type=int, default=8,
                    help="every n-th GSD sentence goes to the internal dev split")
    ap.add_argument("--ner-dev", type=int, default=500, help="GermEval-test sentences for internal dev")
    a = ap.parse_args()
    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")

    # UD German-GSD dev+test -> train / internal dev
    # consecutive sentences are grouped into documents of GROUP sentences so that the
    # sentence segmenter sees boundaries; every n-th document goes to internal dev.
    tr, dv = DocBin(store_user_data=False), DocBin(store_user_data=False)
    n = nd = 0
    for fn in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"):
        sents = list(read_conllu(data / "ud/German-GSD" / fn))
        for k in range(0, len(sents), GROUP):
            docs = [conllu_doc(nlp.vocab, t) for t in sents[k:k + GROUP]]
            (dv if nd % a.ud_dev_every == 0 else tr).add(Doc.from_docs(docs))
            nd += 1
            n += len(docs)
    tr.to_disk(out / "ud-train.spacy")
    dv.to_disk(out / "ud-dev.spacy")
    print(f"UD GSD: {n} sentences, train {len(tr)}, dev {len(dv)}")

    # GermEval 2014 NER-de-test.tsv -> train / internal dev (NER-de-dev.tsv stays held out)
    sents = list(read_germeval(data / "germeval2014/NER-de-test.tsv"))
    random.Random(SEED).shuffle(sents)
    dv_s, tr_s = sents[: a.ner_dev], sents[a.ner_dev:]
    for name, part in (("ner-train", tr_s), ("ner-dev", dv_s)):
        db = DocBin(store_user_data=False)
        for w, s in part:
            db.add(germeval_doc(nlp.vocab, w, s))
        db.to_disk(out / f"{name}.spacy")
    print(f"GermEval test: {len(sents)} sentences, train {len(tr_s)}, dev {len(dv_s)}")

    # joint corpus for training/joint.cfg: UD docs (oversampled x2, no entity annotation =
    # missing for NER) + GermEval docs (no POS/morph/lemma = missing for the taggers)
    for split, ud_copies in (("train", 2), ("dev", 1)):
        db = DocBin(store_user_data=False)
        ud = list(DocBin().from_disk(out / f"ud-{split}.spacy").get_docs(nlp.vocab))
        for _ in range(ud_copies):
            for d in ud:
                db.add(d)
        for d in DocBin().from_disk(out / f"ner-{split}.spacy").get_docs(nlp.vocab):
            db.add(d)
        db.to_disk(out / f"joint-{split}.spacy")
        print(f"joint-{split}: {len(db)} docs")


if __name__ == "__main__":
    main()
