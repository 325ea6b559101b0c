"""`quellenlage models eval`: accuracy and speed of the shipped German pipeline.

Held-out sets only: UD German-PUD test (UPOS, lemma, Mood, UAS/LAS) and GermEval 2014
NER-de-dev.tsv (strict span P/R/F1, outer level, OTH -> MISC, -deriv/-part -> O). Speed is
words per second of the whole pipeline on one core over a fixed sample of SpkAtt-2023 texts.
"""
from __future__ import annotations

import glob
import json
import logging
import os
import resource
import time
from pathlib import Path
from typing import Optional

import typer

from quellenlage.eval.datasets import conllu_doc, read_conllu, read_germeval

logger = logging.getLogger("quellenlage.eval")

models_app = typer.Typer(help="Measure the shipped German language models (held-out data only).",
                         no_args_is_help=True)

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
LABELS = ("PER", "ORG", "LOC", "MISC")


@models_app.callback()
def _models() -> None:
    """Measure the shipped German language models (held-out data only)."""


def detokenize(tokens: list[str]) -> str:
    out = ""
    no_before = set(",.;:!?)]}“”'\"%") | {"...", "“"}
    no_after = set("([{„")
    prev = None
    for tok in tokens:
        if out and tok not in no_before and prev not in no_after:
            out += " "
        out += tok
        prev = tok
    return out


def news_sample(data: Path, max_words: int = 40000) -> list[str]:
    """Fixed German news sample: SpkAtt-2023 articles (sorted by name), one line per paragraph
    of up to 5 sentences, detokenised, until max_words tokens."""
    texts, n = [], 0
    for fn in sorted(glob.glob(str(data / "spkatt2023" / "train" / "*.json"))):
        d = json.loads(Path(fn).read_text(encoding="utf8"))
        sents = [detokenize(s["Tokens"]) for s in d["Sentences"]]
        paras = [" ".join(sents[k:k + 5]) for k in range(0, len(sents), 5)]
        texts.append("\n".join(paras))
        n += sum(len(s["Tokens"]) for s in d["Sentences"])
        if n >= max_words:
            break
    if not texts:  # fallback so that speed can be measured without the data
        base = ("Der Minister sagte am Montag in Berlin, er habe von den Vorwürfen nichts gewusst. "
                "Die Firma dementierte den Bericht der Zeitung und kündigte rechtliche Schritte an.")
        texts = ["\n".join([base] * 20)] * 100
    return texts


# ------------------------------------------------------------------------ evaluation
def _limit_threads():
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        logger.debug("threadpoolctl is not installed: thread pools are not limited")


def eval_pud(nlp, path: Path) -> dict:
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    golds = [conllu_doc(nlp.vocab, t) for t in read_conllu(path)]
    preds = list(nlp.pipe(Doc(nlp.vocab, words=[t.text for t in g],
                              spaces=[bool(t.whitespace_) for t in g]) for g in golds))
    examples = [Example(p, g) for p, g in zip(preds, golds)]
    s = Scorer.score_token_attr(examples, "pos")
    lem = Scorer.score_token_attr(examples, "lemma")
    morph = Scorer.score_token_attr(examples, "morph")
    res = {"sentences": len(golds), "tokens": sum(len(g) for g in golds),
           "upos_acc": s["pos_acc"], "lemma_acc": lem["lemma_acc"], "morph_acc": morph["morph_acc"]}
    # Mood over tokens whose gold analysis carries Mood
    n_mood = ok = tp = fp = fn = 0
    for p, g in zip(preds, golds):
        for tp_, tg in zip(p, g):
            gm = tg.morph.get("Mood", None)
            pm = tp_.morph.get("Mood")
            if gm:
                n_mood += 1
                ok += gm == pm
            gs, ps = "Sub" in gm, "Sub" in pm
            tp += gs and ps
            fp += ps and not gs
            fn += gs and not ps
    res.update({"mood_acc": ok / n_mood if n_mood else None, "mood_tokens": n_mood,
                "mood_sub_recall": tp / (tp + fn) if tp + fn else None,
                "mood_sub_precision": tp / (tp + fp) if tp + fp else None,
                "mood_sub_gold": tp + fn})
    if "parser" in nlp.pipe_names:
        d = Scorer.score_deps(examples, "dep", head_attr="head", has_annotation=lambda d: d.has_annotation("DEP"),
                              ignore_labels=("p", "punct"))
        res.update({"uas": d["dep_uas"], "las": d["dep_las"]})
    return res


def eval_germeval(nlp, path: Path) -> dict:
    from spacy.scorer import Scorer
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    examples = []
    sents = list(read_germeval(path))
    preds = nlp.pipe(Doc(nlp.vocab, words=w) for w, _ in sents)
    for (words, spans), pred in zip(sents, preds):
        gold = Doc(nlp.vocab, words=words)
        gold.ents = [Span(gold, a, b, label=label) for a, b, label in spans]
        examples.append(Example(pred, gold))
    s = Scorer.score_spans(examples, "ents")
    res = {"sentences": len(sents), "p": s["ents_p"], "r": s["ents_r"], "f1": s["ents_f"],
           "per_label": {k: {"p": v["p"], "r": v["r"], "f1": v["f"]}
                         for k, v in sorted((s["ents_per_type"] or {}).items())}}
    return res


def eval_speed(nlp, data: Path, max_words: int = 40000) -> dict:
    texts = news_sample(data, max_words)
    list(nlp.pipe(texts[:2]))  # warm-up
    t0 = time.perf_counter()
    n = 0
    for doc in nlp.pipe(texts, batch_size=32):
        n += sum(1 for t in doc if not t.is_space)
    dt = time.perf_counter() - t0
    # calibration: the bare tokenizer on the same texts (shows how loaded the machine is)
    t1 = time.perf_counter()
    for t in texts:
        nlp.make_doc(t)
    tok_dt = time.perf_counter() - t1
    return {"words": n, "seconds": round(dt, 2), "words_per_s": round(n / dt),
            "docs": len(texts), "tokenizer_words_per_s": round(n / tok_dt)}


def run_all(model: Optional[Path], data: Path, skip_speed: bool = False) -> dict:
    _limit_threads()
    import spacy

    from quellenlage.nlp import MODEL_DIR, load_pipeline

    nlp = spacy.load(model) if model else load_pipeline()
    res: dict = {"model": str(model or MODEL_DIR), "pipeline": nlp.pipe_names,
                 "version": nlp.meta.get("version")}
    pud = data / "ud" / "German-PUD" / "de_pud-ud-test.conllu"
    ge = data / "germeval2014" / "NER-de-dev.tsv"
    if pud.exists():
        res["pud"] = eval_pud(nlp, pud)
    if ge.exists():
        res["germeval_dev"] = eval_germeval(nlp, ge)
    if not skip_speed:
        res["speed"] = eval_speed(nlp, data)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return res


def _pct(x):
    return "  n/a" if x is None else f"{100 * x:5.2f}"


@models_app.command("eval")
def eval_cmd(
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="shared data dir (/work/shared/data)"),
    model: Optional[Path] = typer.Option(None, "--model", help="model dir (default: shipped)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
    skip_speed: bool = typer.Option(False, "--skip-speed", help="do not measure words/s"),
) -> None:
    """Held-out accuracy (UD German-PUD, GermEval 2014 dev), words/s on one core, peak memory."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    res = run_all(model, data, skip_speed)
    if as_json:
        typer.echo(json.dumps(res, indent=2, ensure_ascii=False))
        return
    typer.echo(f"model {res['model']} v{res['version']}: {' '.join(res['pipeline'])}")
    if "pud" in res:
        p = res["pud"]
        typer.echo(f"UD German-PUD ({p['sentences']} sents, {p['tokens']} tokens): "
                   f"UPOS {_pct(p['upos_acc'])}  lemma {_pct(p['lemma_acc'])}  "
                   f"morph {_pct(p['morph_acc'])}  Mood acc {_pct(p['mood_acc'])}  "
                   f"Mood=Sub R {_pct(p['mood_sub_recall'])} P {_pct(p['mood_sub_precision'])} "
                   f"(n={p['mood_sub_gold']})"
                   + (f"  UAS {_pct(p['uas'])}  LAS {_pct(p['las'])}" if "uas" in p else ""))
    if "germeval_dev" in res:
        g = res["germeval_dev"]
        typer.echo(f"GermEval 2014 dev ({g['sentences']} sents), strict spans: "
                   f"P {_pct(g['p'])}  R {_pct(g['r'])}  F1 {_pct(g['f1'])}")
        for lab, v in g["per_label"].items():
            typer.echo(f"   {lab:5s} P {_pct(v['p'])}  R {_pct(v['r'])}  F1 {_pct(v['f1'])}")
    if "speed" in res:
        s = res["speed"]
        typer.echo(f"speed: {s['words_per_s']} words/s on one core ({s['words']} words in "
                   f"{s['seconds']} s; tokenizer alone {s['tokenizer_words_per_s']} words/s)")
    typer.echo(f"peak memory: {res['peak_rss_mb']} MB")


if __name__ == "__main__":
    models_app()
