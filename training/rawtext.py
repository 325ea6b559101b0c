"""Collect raw German text (no annotations) for tok2vec pretraining, as spaCy JSONL
({"text": ...} per line). Sources: GermEval NER-de-test.tsv sentences minus the internal dev
split, UD German-GSD dev+test sentences, SpkAtt-2023 article tokens (text only), German
trafilatura-eval HTML pages (main text via trafilatura). Held-out sets are never read.

Usage: python training/rawtext.py [--data DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quellenlage.eval.models import detokenize  # noqa: E402
from training.convert import SEED, read_conllu, read_germeval  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("QL_DATA", "/work/shared/data"))
    ap.add_argument("--out", default=os.environ.get("QL_WORK", "/work/train-work") + "/raw.jsonl")
    ap.add_argument("--ner-dev", type=int, default=500)
    a = ap.parse_args()
    data = Path(a.data)
    texts = []
    sents = list(read_germeval(data / "germeval2014/NER-de-test.tsv"))
    random.Random(SEED).shuffle(sents)
    texts += [detokenize(w) for w, _ in sents[a.ner_dev:]]
    for fn in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"):
        for toks in read_conllu(data / "ud/German-GSD" / fn):
            texts.append("".join(t["form"] + (" " if t["space"] else "") for t in toks).strip())
    for fn in sorted(glob.glob(str(data / "spkatt2023/train/*.json"))):
        d = json.loads(Path(fn).read_text(encoding="utf8"))
        ss = [detokenize(s["Tokens"]) for s in d["Sentences"]]
        texts += [" ".join(ss[k:k + 4]) for k in range(0, len(ss), 4)]
    try:
        import trafilatura

        for fn in sorted(glob.glob(str(data / "trafilatura-eval/cache-de-news/*.html.gz"))):
            html = gzip.open(fn, "rt", encoding="utf8", errors="replace").read()
            txt = trafilatura.extract(html) or ""
            texts += [p for p in txt.split("\n") if len(p.split()) >= 5]
    except ImportError:
        pass
    with open(a.out, "w", encoding="utf8") as fh:
        for t in texts:
            if t:
                fh.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts, {sum(len(t.split()) for t in texts)} words -> {a.out}")


if __name__ == "__main__":
    main()
