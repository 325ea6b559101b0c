"""Silver STTS tags and lemmas from HanTa (Hanover Tagger) for raw German text.

Usage: python training/silver.py [--raw FILE] [--corpus DIR] [--out FILE] [--joint-out FILE] [--check]

* Texts: $QL_WORK/raw.jsonl (see rawtext.py) MINUS every UD German-GSD sentence (all GSD dev+test
  sentences are in raw.jsonl; the internal-train ones already have gold annotation and the
  internal-dev ones must stay unseen). GermEval internal-dev sentences are not in raw.jsonl.
* Tokenisation: spacy.blank("de"). Tagging: HanTa `tag_sent(tokens, taglevel=1)`, one text at a
  time. HanTa tags are TIGER/STTS with the verb form in brackets ("VV(FIN)"); they are converted
  to the GSD XPOS conventions (VVFIN, PAV for PROAV, NNA/NNI -> NN, APPRART -> APPR because the
  merged GSD token "im" carries the XPOS of its first word, "$" -> "$(").
* Lemmas: HanTa's lemma, corrected to GSD conventions with a lookup learnt on the INTERNAL TRAIN
  part of GSD (closed-class form+tag -> majority gold lemma, e.g. mir/PPER -> ich) and all-caps
  acronyms kept as written (SPD, not Spd).
* UPOS and morphology are left UNSET on silver docs, so the morphologizer (which treats tokens
  with neither POS nor features as missing) learns only from gold UD docs. The STTS -> UPOS
  majority mapping (from the internal train part of GSD) is written to --map for the optional
  tag -> UPOS attribute_ruler (see assemble.py --tag-pos-map).
* HanTa does not expose morphological features (no Mood), only tag, lemma and morphemes.

--check scores the converted HanTa output on the internal UD dev split (gold tokens).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORK = os.environ.get("QL_WORK", "/work/train-work")
DATA = os.environ.get("QL_DATA", "/work/shared/data")
CLOSED = {"ART", "PPER", "PRF", "PPOSAT", "PPOSS", "PDS", "PDAT", "PIS", "PIAT", "PRELS", "PRELAT",
          "PWS", "PWAT", "PWAV", "PAV", "APPR", "APPO", "APZR", "KON", "KOUS", "KOUI", "KOKOM",
          "PTKA", "PTKNEG", "PTKZU", "PTKANT", "VAFIN", "VAINF", "VAPP", "VMFIN", "VMINF", "ADV"}


def conv_tag(tag: str) -> str:
    if tag.startswith("$"):
        return "$(" if tag == "$" else tag
    tag = tag.replace("(", "").replace(")", "")
    return {"PROAV": "PAV", "NNA": "NN", "NNI": "NN", "APPRART": "APPR", "UNKNOWN": ""}.get(tag, tag)


def is_punct(word: str) -> bool:
    return bool(word) and all(unicodedata.category(ch).startswith("P") for ch in word)


def fix_punct(word: str, tag: str) -> str:
    """HanTa tags typographic quotes and dashes („ “ » « – …) as FM/XY; GSD (whose quotes are
    `` and '') tags every punctuation token $( / $, / $. and UPOS PUNCT."""
    if is_punct(word) and not tag.startswith("$"):
        return "$("
    return tag


def learn_tables(docs):
    """majority UPOS per XPOS and closed-class (lower form, XPOS) -> lemma, from gold docs."""
    pos_c = collections.defaultdict(collections.Counter)
    lem_c = collections.defaultdict(collections.Counter)
    for d in docs:
        for t in d:
            pos_c[t.tag_][t.pos_] += 1
            if t.tag_ in CLOSED:
                lem_c[(t.lower_, t.tag_)][t.lemma_] += 1
    upos = {tag: c.most_common(1)[0][0] for tag, c in pos_c.items()}
    lemmas = {k: c.most_common(1)[0][0] for k, c in lem_c.items()}
    return upos, lemmas, pos_c


class Silver:
    def __init__(self, lemmas: dict):
        from HanTa import HanoverTagger as ht

        self.tagger = ht.HanoverTagger("morphmodel_ger.pgz")
        self.lemmas = lemmas

    def __call__(self, words):
        out = []
        for w, (_, lem, tag) in zip(words, self.tagger.tag_sent(words, taglevel=1)):
            t = fix_punct(w, conv_tag(tag))
            if t.startswith("$"):
                lem = w
            elif (w.lower(), t) in self.lemmas:
                lem = self.lemmas[(w.lower(), t)]
            elif len(w) > 1 and w.isupper() and lem.lower() == w.lower():
                lem = w  # acronyms: SPD, USA
            out.append((t, lem))
        return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", default=WORK + "/raw.jsonl")
    ap.add_argument("--corpus", default=WORK + "/corpus")
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--out", default=WORK + "/corpus/silver.spacy")
    ap.add_argument("--map", default=WORK + "/corpus/stts_upos.json")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--joint-out", default=WORK + "/corpus/joint-silver-train.spacy",
                    help="gold UD x --ud-copies + GermEval x --ner-copies + the silver docs (train joint.cfg on it with --paths.train)")
    ap.add_argument("--ud-copies", type=int, default=2)
    ap.add_argument("--ner-copies", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="reuse an existing --out instead of tagging again")
    a = ap.parse_args()
    import spacy
    from spacy.tokens import Doc, DocBin

    from training.convert import read_conllu

    nlp = spacy.blank("de")
    train = list(DocBin().from_disk(Path(a.corpus) / "ud-train.spacy").get_docs(nlp.vocab))
    upos, lemmas, pos_c = learn_tables(train)
    Path(a.map).write_text(json.dumps(
        {tag: {"upos": upos[tag], "share": round(c[upos[tag]] / sum(c.values()), 4), "n": sum(c.values())}
         for tag, c in sorted(pos_c.items())}, indent=1))
    sil = Silver(lemmas)

    if a.check:
        dev = list(DocBin().from_disk(Path(a.corpus) / "ud-dev.spacy").get_docs(nlp.vocab))
        n = ok_t = ok_l = ok_p = 0
        for d in dev:
            for s in d.sents:
                for tok, (t, lem) in zip(s, sil([x.text for x in s])):
                    n += 1
                    ok_t += t == tok.tag_
                    ok_l += lem == tok.lemma_
                    ok_p += upos.get(t, "X") == tok.pos_
        print(json.dumps({"tokens": n, "tag_acc": round(ok_t / n, 4), "lemma_acc": round(ok_l / n, 4),
                          "upos_via_map_acc": round(ok_p / n, 4)}))
        return

    if a.reuse and Path(a.out).exists():  # (re-)applies fix_punct, so older silver files are upgraded
        db = DocBin(attrs=["ORTH", "TAG", "LEMMA"], store_user_data=False)
        n_txt, n_skip, n_tok, t0 = 0, 0, 0, time.time()
        for d in DocBin().from_disk(a.out).get_docs(nlp.vocab):
            for t in d:
                if t.tag_ and fix_punct(t.text, t.tag_) != t.tag_:
                    t.tag_, t.lemma_ = "$(", t.text
            db.add(d)
            n_txt += 1
            n_tok += len(d)
        db.to_disk(a.out)
    else:
        gsd = set()
        for fn in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"):
            for toks in read_conllu(Path(a.data) / "ud/German-GSD" / fn):
                gsd.add("".join(t["form"] + (" " if t["space"] else "") for t in toks).strip())
        db = DocBin(attrs=["ORTH", "TAG", "LEMMA"], store_user_data=False)
        n_txt = n_skip = n_tok = 0
        t0 = time.time()
        with open(a.raw, encoding="utf8") as fh:
            for line in fh:
                text = json.loads(line)["text"].strip()
                if not text:
                    continue
                if text in gsd:
                    n_skip += 1
                    continue
                doc = nlp.make_doc(text)
                words = [t.text for t in doc]
                keep = [i for i, w in enumerate(words) if w.strip()]  # whitespace tokens: missing
                tagged = sil([words[i] for i in keep])
                tags, lems = [""] * len(words), [""] * len(words)
                for i, (t, lem) in zip(keep, tagged):
                    tags[i], lems[i] = t, (lem if t else "")
                db.add(Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc],
                           tags=tags, lemmas=lems))
                n_txt += 1
                n_tok += len(words)
        db.to_disk(a.out)
    joint = DocBin(store_user_data=False)
    for name, copies in (("ud-train", a.ud_copies), ("ner-train", a.ner_copies)):
        gold = list(DocBin().from_disk(Path(a.corpus) / f"{name}.spacy").get_docs(nlp.vocab))
        for _ in range(copies):
            for d in gold:
                joint.add(d)
    for d in db.get_docs(nlp.vocab):
        joint.add(d)
    joint.to_disk(a.joint_out)
    print(f"silver: {n_txt} texts, {n_tok} tokens ({n_skip} GSD sentences skipped), "
          f"{time.time() - t0:.0f} s -> {a.out}; joint + silver: {len(joint)} docs -> {a.joint_out}")


if __name__ == "__main__":
    main()
