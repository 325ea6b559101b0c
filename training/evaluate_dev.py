"""Score a pipeline on the INTERNAL dev splits (GSD every 8th block, 500 GermEval-test
sentences) — used for every modelling decision; held-out sets are scored only by
`quellenlage models eval`.

Usage: python training/evaluate_dev.py MODEL_DIR [--exclude comp ...] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--corpus", default=os.environ.get("QL_WORK", "/work/train-work") + "/corpus")
    ap.add_argument("--exclude", nargs="*", default=[])
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    import spacy
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    import quellenlage.nlp  # noqa: F401

    nlp = spacy.load(a.model, exclude=a.exclude)
    res = {}
    gold = list(DocBin().from_disk(Path(a.corpus) / "ud-dev.spacy").get_docs(nlp.vocab))
    preds = list(nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                          for g in gold))
    ex = [Example(p, g) for p, g in zip(preds, gold)]
    for attr in ("pos", "lemma", "morph"):
        res[attr + "_acc"] = Scorer.score_token_attr(ex, attr)[attr + "_acc"]
    res["sents_f"] = Scorer.score_spans(ex, "sents")["sents_f"]
    if "parser" in nlp.pipe_names:
        d = Scorer.score_deps(ex, "dep", head_attr="head", ignore_labels=("p", "punct"))
        res.update(uas=d["dep_uas"], las=d["dep_las"])
    n = ok = tp = fp = fn = 0
    for p, g in zip(preds, gold):
        for a_, b in zip(p, g):
            gm, pm = b.morph.get("Mood"), a_.morph.get("Mood")
            if gm:
                n += 1
                ok += gm == pm
            tp += "Sub" in gm and "Sub" in pm
            fp += "Sub" in pm and "Sub" not in gm
            fn += "Sub" in gm and "Sub" not in pm
    res.update(mood_acc=ok / n, sub_recall=tp / max(1, tp + fn), sub_precision=tp / max(1, tp + fp))
    if "ner" in nlp.pipe_names:
        gold = list(DocBin().from_disk(Path(a.corpus) / "ner-dev.spacy").get_docs(nlp.vocab))
        preds = nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g]) for g in gold)
        s = Scorer.score_spans([Example(p, g) for p, g in zip(preds, gold)], "ents")
        res.update(ents_f=s["ents_f"], ents_p=s["ents_p"], ents_r=s["ents_r"],
                   ents_per_type={k: round(v["f"], 4) for k, v in s["ents_per_type"].items()})
    res = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.items()}
    print(json.dumps(res, ensure_ascii=False))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
