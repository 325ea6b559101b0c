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
from spacy.tokens import Doc, DocBin, Span

SEED = 13
GROUP = 6


# ---------------------------------------------------------------- CoNLL-U
def read_conllu(path: Path):
    """Yield sentences as lists of token dicts; multiword tokens are merged into one token
    (surface form; UPOS/XPOS/lemma/head/dep from the first part, FEATS from the last part),
    so that tokens match what spaCy's tokenizer produces on raw text ("im", "zum")."""
    sent: list[list[str]] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield _merge(sent)
                sent = []
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                sent.append(cols)
    if sent:
        yield _merge(sent)


def _merge(rows):
    words = {}
    ranges = []
    for c in rows:
        if "-" in c[0]:
            a, b = map(int, c[0].split("-"))
            ranges.append((a, b, c[1], "SpaceAfter=No" in c[9]))
        else:
            words[int(c[0])] = c
    # map every word id to a token index
    tok_of: dict[int, int] = {}
    toks = []
    ids = sorted(words)
    rng_start = {a: (a, b, form, nsp) for a, b, form, nsp in ranges}
    i = 0
    while i < len(ids):
        wid = ids[i]
        if wid in rng_start:
            a, b, form, nsp = rng_start[wid]
            first, last = words[a], words[b]
            for k in range(a, b + 1):
                tok_of[k] = len(toks)
            toks.append(dict(form=form, lemma=first[2], upos=first[3], xpos=first[4],
                             feats=last[5] if last[5] != "_" else "",
                             head=int(first[6]), dep=first[7], space=not nsp,
                             ids=list(range(a, b + 1))))
            i += b - a + 1
        else:
            c = words[wid]
            tok_of[wid] = len(toks)
            toks.append(dict(form=c[1], lemma=c[2], upos=c[3], xpos=c[4],
                             feats=c[5] if c[5] != "_" else "", head=int(c[6]), dep=c[7],
                             space="SpaceAfter=No" not in c[9], ids=[wid]))
            i += 1
    for t in toks:
        # head of a merged token: head of the first word that points outside the token
        h = 0
        for wid in t["ids"]:
            hh = int(words[wid][6])
            if hh not in t["ids"]:
                h, dep = hh, words[wid][7]
                t["dep"] = dep
                break
        t["head_i"] = tok_of[h] if h else None
    return toks


def ud_doc(vocab, toks) -> Doc:
    heads = [t["head_i"] if t["head_i"] is not None else i for i, t in enumerate(toks)]
    deps = ["ROOT" if t["head_i"] is None else t["dep"] for t in toks]
    sent_starts = [True] + [False] * (len(toks) - 1)
    return Doc(vocab, words=[t["form"] for t in toks], spaces=[t["space"] for t in toks],
               lemmas=[t["lemma"] for t in toks], pos=[t["upos"] for t in toks],
               tags=[t["xpos"] for t in toks], morphs=[t["feats"] for t in toks],
               heads=heads, deps=deps, sent_starts=sent_starts)


# ---------------------------------------------------------------- GermEval
def read_germeval(path: Path):
    """Yield (words, spans) with outer-level PER/ORG/LOC/MISC spans (OTH -> MISC;
    -deriv/-part -> O)."""
    words, tags = [], []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#") and "\t" in line and not line.split("\t")[0].isdigit():
                continue
            if not line.strip():
                if words:
                    yield words, _spans(tags)
                words, tags = [], []
                continue
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield words, _spans(tags)


def _spans(tags):
    out, start, label = [], None, None
    for i, t in enumerate(tags + ["O"]):
        lab = t[2:] if t != "O" else None
        if lab and ("deriv" in lab or "part" in lab):
            lab = None
        lab = {"OTH": "MISC"}.get(lab, lab)
        if start is not None and (lab is None or t.startswith("B-") or lab != label):
            out.append((start, i, label))
            start, label = None, None
        if lab is not None and start is None:
            start, label = i, lab
    return out


def germeval_doc(vocab, words, spans) -> Doc:
    words = [w.replace("\x96", "–").replace("\x94", "”") for w in words]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=l) for s, e, l in spans]
    return doc


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
        group = []
        sents = list(read_conllu(data / "ud/German-GSD" / fn))
        for k in range(0, len(sents), GROUP):
            docs = [ud_doc(nlp.vocab, t) for t in sents[k:k + GROUP]]
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
