"""Convert the permissively licensed source data into spaCy DocBins.

Usage: python training/convert.py [--data DIR] [--out DIR]

DATA defaults to $QL_DATA or /work/shared/data, OUT to $QL_WORK or /work/train-work/corpus.
Held-out sets (GermEval NER-de-dev.tsv, UD German-PUD) are NEVER read here.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# read_conllu and read_germeval are imported from here by rawtext.py
import quellenlage.nlp.components  # noqa: E402,F401  (the silver model's rule components)
from quellenlage.eval.datasets import conllu_doc, germeval_doc, read_conllu, read_germeval  # noqa: E402,F401
from training.corpora import (DFKI_LABELS, DFKI_MISSING, LER_LABELS, current_upos_of_forms,  # noqa: E402
                              mapped_doc, read_germeval_train, read_gsd23, read_iob, read_smartdata,
                              remap_gsd23)

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
    ap.add_argument("--silver-model", default=str(Path(__file__).resolve().parents[1] / "quellenlage/nlp/model"),
                    help="pipeline whose morphology fills the features GSD 2.3 train lacks "
                         "(and whose MISC spans protect the corpora without MISC)")
    ap.add_argument("--ler-sentences", type=int, default=5000,
                    help="LER sentences (with a person, place or organisation) in the joint corpus")
    ap.add_argument("--ud-copies", type=int, default=2,
                    help="copies of the GSD dev+test train part in the joint corpus (its share of the tokens)")
    ap.add_argument("--without-gsd23", action="store_true",
                    help="leave UD German-GSD 2.3 train out (0.5.1: its UPOS conventions lowered "
                         "held-out UPOS and lemma in 0.5.0)")
    a = ap.parse_args()
    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")

    # UD German-GSD dev+test -> train / internal dev
    # consecutive sentences are grouped into documents of GROUP sentences so that the
    # sentence segmenter sees boundaries; every n-th document goes to internal dev.
    tr, dv = DocBin(store_user_data=False), DocBin(store_user_data=False)
    n = nd = 0
    ud_train_sents = []
    for fn in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"):
        sents = list(read_conllu(data / "ud/German-GSD" / fn))
        for k in range(0, len(sents), GROUP):
            docs = [conllu_doc(nlp.vocab, t) for t in sents[k:k + GROUP]]
            is_dev = nd % a.ud_dev_every == 0
            (dv if is_dev else tr).add(Doc.from_docs(docs))
            if not is_dev:
                ud_train_sents += sents[k:k + GROUP]
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

    silver = spacy.load(a.silver_model, exclude=["ql_gazetteer"])
    extra = {}

    if not a.without_gsd23:
        # UD German-GSD v2.3 train: UPOS only, remapped to today's conventions; features from the
        # silver model where its UPOS agrees with the gold one (else none: POS-only label)
        majority = current_upos_of_forms(ud_train_sents)
        sents = [remap_gsd23(s_, majority)
                 for s_ in read_gsd23(data / "ud/German-GSD/v2.3-train-upos/de_gsd-ud-train.conllu.pos.gz")]
        docs = []
        for k in range(0, len(sents), GROUP):
            part = [Doc(nlp.vocab, words=[f for f, _ in s_], sent_starts=[True] + [False] * (len(s_) - 1))
                    for s_ in sents[k:k + GROUP]]
            docs.append((Doc.from_docs(part), [u for s_ in sents[k:k + GROUP] for _, u in s_]))
        extra["gsd23"] = []
        for (d, upos), p in zip(docs, silver.pipe(Doc(silver.vocab, words=[t.text for t in d]) for d, _ in docs)):
            g = Doc(nlp.vocab, words=[t.text for t in d], sent_starts=[t.is_sent_start for t in d], pos=upos,
                    morphs=[str(pt.morph) if pt.pos_ == u else "" for pt, u in zip(p, upos)])
            extra["gsd23"].append(g)

    # extra NER corpora with partial schemes: spans the silver model calls MISC that overlap
    # no gold entity are marked missing (these corpora annotate no MISC class)
    ler = [x for fn in sorted((data / "ler").glob("*.conll.gz")) for x in read_iob(fn, 1)]
    ler = [x for x in ler if any(lab in LER_LABELS for *_, lab in x[1])]
    random.Random(SEED).shuffle(ler)
    extra["ler"] = [mapped_doc(nlp.vocab, w, sp, LER_LABELS, True) for w, sp in ler[: a.ler_sentences]]
    extra["mobie"] = [mapped_doc(nlp.vocab, w, sp, DFKI_LABELS, DFKI_MISSING)
                      for w, sp in read_iob(data / "mobie/train.conll2003.gz", 3)]
    extra["smartdata"] = [d for fn in ("train", "test")
                          for d in read_smartdata(data / f"smartdata/v1_20180119/{fn}.json.gz", nlp.vocab)]
    for name in ("ler", "mobie", "smartdata"):
        extra[name] = [_protect_misc(d, p) for d, p in
                       zip(extra[name], silver.pipe(Doc(silver.vocab, words=[t.text for t in d]) for d in extra[name]))]

    # GermEval 2014 train (all 24,000 sentences, normalised)
    extra["germeval-train"] = [germeval_doc(nlp.vocab, w, sp)
                               for w, sp in read_germeval_train(data / "germeval2014/germ.train.iob2.gz")]
    for name, docs_ in extra.items():
        db = DocBin(store_user_data=False, docs=docs_)
        db.to_disk(out / f"{name}.spacy")
        print(f"{name}: {len(docs_)} docs, {sum(len(d) for d in docs_)} tokens")

    # joint corpus for training/joint.cfg: UD docs (oversampled x2 or --ud-copies, no entity annotation =
    # missing for NER) + GermEval docs (no POS/morph/lemma = missing for the taggers) + the
    # section-6 corpora (train only; internal dev stays the 0.4.0 one)
    for split, ud_copies in (("train", a.ud_copies), ("dev", 1)):
        db = DocBin(store_user_data=False)
        ud = list(DocBin().from_disk(out / f"ud-{split}.spacy").get_docs(nlp.vocab))
        for _ in range(ud_copies):
            for d in ud:
                db.add(d)
        for d in DocBin().from_disk(out / f"ner-{split}.spacy").get_docs(nlp.vocab):
            db.add(d)
        if split == "train":
            for docs_ in extra.values():
                for d in docs_:
                    db.add(d)
        db.to_disk(out / f"joint-{split}.spacy")
        print(f"joint-{split}: {len(db)} docs")


def _protect_misc(gold: Doc, pred: Doc) -> Doc:
    """Mark as missing the predicted MISC spans that overlap no gold entity."""
    taken = {i for e in gold.ents for i in range(e.start, e.end)}
    miss = [Span(gold, e.start, e.end) for e in pred.ents
            if e.label_ == "MISC" and not taken & set(range(e.start, e.end))]
    iob = [t.ent_iob_ for t in gold]
    miss += [Span(gold, i, i + 1) for i, x in enumerate(iob) if x == "" and not any(m.start <= i < m.end for m in miss)]
    gold.set_ents(list(gold.ents), missing=miss, default="outside")
    return gold


if __name__ == "__main__":
    main()
