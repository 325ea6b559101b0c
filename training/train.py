"""Reproducible recipes for the German pipeline (quellenlage/nlp/model; which one is shipped: docs/models.md).

    QL_DATA=/work/shared/data QL_WORK=/work/train-work python training/train.py [--mode v51|v5|joint|separate]

v51 (default, 0.5.1): v5 without GSD 2.3 train, the GSD dev+test train part x6 instead of x2,
6,000 steps.
v5 (0.5.0): the 0.4.0 pipeline is taken from git history (commit BASE_COMMIT) and
supplies the warm start (its pretrained tok2vec and static vectors, training/warmstart.py) and
the silver morphological features of GSD 2.3 train (training/convert.py); then
training/joint5.cfg is trained on all section-6 corpora. Steps: base, convert, warmstart,
gazetteer, train, assemble.
joint / separate (0.4.0 / 0.3.0): convert, vectors, gazetteer, rawtext, pretrain, train, assemble.
Everything except the final model dir is written under QL_WORK (outside git). Single-threaded
(OMP_NUM_THREADS=1). Timings on one busy core: pretrain ~5 min/epoch, train 30-60 min.
Model choice is made on the internal dev splits (training/evaluate_dev.py), never on the
held-out sets; the script takes `model-best` of each run.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BASE_COMMIT = "033dc29391b6371184480161a79c76a29a2c930b"  # "German pipeline 0.4.0"


def run(cmd, log: Path | None = None):
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=str(ROOT))
    cmd = [str(c) for c in cmd]
    print("+", " ".join(cmd), flush=True)
    if log:
        with open(log, "w") as fh:
            subprocess.run(cmd, check=True, env=env, stdout=fh, stderr=subprocess.STDOUT)
    else:
        subprocess.run(cmd, check=True, env=env)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("QL_DATA", "/work/shared/data"))
    ap.add_argument("--work", default=os.environ.get("QL_WORK", "/work/train-work"))
    ap.add_argument("--mode", choices=["v51", "v5", "joint", "separate"], default="v51",
                    help="v51: v5 without GSD 2.3 train, GSD dev+test x6, 6,000 steps (0.5.1); "
                         "v5: warm start from 0.4.0, all training corpora (0.5.0); joint: one shared "
                         "tok2vec for tagging+NER from pretraining (0.4.0); separate: UD and NER pipelines")
    ap.add_argument("--base", default=None,
                    help="v5: the 0.4.0 pipeline dir (default: extracted from git at BASE_COMMIT)")
    ap.add_argument("--pretrain-epochs", type=int, default=8)
    ap.add_argument("--steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--ud-copies", type=int, default=None,
                    help="v5/v51: override the copies of the GSD dev+test train part in the joint corpus")
    ap.add_argument("--skip", nargs="*", default=[],
                    choices=["base", "convert", "warmstart", "vectors", "gazetteer", "rawtext", "pretrain",
                             "train", "assemble"])
    ap.add_argument("--out", default=str(ROOT / "quellenlage/nlp/model"))
    ap.add_argument("--version", default=None, help="default: 0.5.1 for v51, 0.5.0 for v5, 0.4.0 otherwise")
    a = ap.parse_args()
    work = Path(a.work)
    corpus, runs = work / "corpus", work / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    T = ROOT / "training"
    if a.mode in V5_RECIPES:
        v5(a, work, runs, T, **V5_RECIPES[a.mode])
        return
    if "convert" not in a.skip:
        run([PY, T / "convert.py", "--data", a.data, "--out", corpus])
    if "vectors" not in a.skip:
        run([PY, T / "vectors.py", "--out", work / "vectors"])
    if "gazetteer" not in a.skip:
        run([PY, T / "gazetteer.py", "--out", work / "loc_patterns.jsonl"])
    if "rawtext" not in a.skip:
        run([PY, T / "rawtext.py", "--data", a.data, "--out", work / "raw.jsonl"])
    last = a.pretrain_epochs - 1
    init = runs / "pretrain" / f"model{last}.bin"
    if "pretrain" not in a.skip:
        run([PY, "-m", "spacy", "pretrain", T / "ner3.cfg", runs / "pretrain",
             "--paths.raw_text", work / "raw.jsonl", "--paths.vectors", work / "vectors",
             "--pretraining.max_epochs", str(a.pretrain_epochs)], log=runs / "pretrain.log")
    common = ["--paths.vectors", work / "vectors", "--paths.init_tok2vec", init]
    if a.steps:
        common += ["--training.max_steps", str(a.steps)]
    jobs = [("joint", T / "joint.cfg")] if a.mode == "joint" else [("ud", T / "ud3.cfg"), ("ner", T / "ner3.cfg")]
    if "train" not in a.skip:
        for name, cfg in jobs:
            run([PY, "-m", "spacy", "train", cfg, "-o", runs / name,
                 "--paths.train", corpus / f"{name}-train.spacy",
                 "--paths.dev", corpus / f"{name}-dev.spacy", *common], log=runs / f"{name}.log")
    if "assemble" not in a.skip:
        models = [runs / name / "model-best" for name, _ in jobs]
        run([PY, T / "assemble.py", *models, "--gazetteer", work / "loc_patterns.jsonl",
             "--out", a.out, "--version", a.version or "0.4.0"])
        run([PY, T / "record_accuracy.py", "--model", a.out, "--data", a.data])


# the warm-started recipes (training/joint5.cfg): run and corpus names, GSD 2.3 train or not,
# copies of the GSD dev+test train part, max_steps (None: the config's 7,000)
V5_RECIPES = {
    "v5": {"name": "joint5", "corpus_name": "corpus", "without_gsd23": False, "ud_copies": 2, "steps": None,
           "version": "0.5.0"},
    "v51": {"name": "joint51b", "corpus_name": "corpus51b", "without_gsd23": True, "ud_copies": 6, "steps": 6000,
            "version": "0.5.1"},
}


def v5(a, work: Path, runs: Path, T: Path, name: str, corpus_name: str, without_gsd23: bool, ud_copies: int,
       steps: int | None, version: str):
    """0.5.0: warm start from 0.4.0, joint training on GermEval train+test, GSD 2.3 train UPOS,
    GSD dev+test, LER/MobIE/SmartData (training/joint5.cfg, ~100 min on one busy core).
    0.5.1: the same without GSD 2.3 train (its UPOS conventions lowered held-out UPOS and lemma),
    the GSD dev+test train part x6 so that UD keeps a share of the tokens (features, UPOS)."""
    base = Path(a.base) if a.base else work / "model-0.4.0"
    corpus = work / corpus_name
    gsd23 = ["--without-gsd23"] if without_gsd23 else []
    steps = a.steps or steps
    if not a.base and "base" not in a.skip:
        base.mkdir(parents=True, exist_ok=True)
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", BASE_COMMIT, "quellenlage/nlp/model"],
                             check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base), "--strip-components=3"], input=tar, check=True)
    if "convert" not in a.skip:
        run([PY, T / "convert.py", "--data", a.data, "--out", corpus, "--silver-model", base, *gsd23,
             "--ud-copies", str(a.ud_copies or ud_copies)])
    if "warmstart" not in a.skip:
        run([PY, T / "warmstart.py", "--model", base, "--out", work / "warm-tok2vec.bin",
             "--vectors-out", work / "warm-vectors"])
    if "gazetteer" not in a.skip:
        run([PY, T / "gazetteer.py", "--out", work / "loc_patterns.jsonl"])
    if "train" not in a.skip:
        run([PY, "-m", "spacy", "train", T / "joint5.cfg", "-o", runs / name,
             "--paths.train", corpus / "joint-train.spacy", "--paths.dev", corpus / "joint-dev.spacy",
             "--paths.vectors", work / "warm-vectors", "--paths.init_tok2vec", work / "warm-tok2vec.bin",
             *(["--training.max_steps", str(steps)] if steps else [])], log=runs / f"{name}.log")
    if "assemble" not in a.skip:
        run([PY, T / "assemble.py", runs / name / "model-best", "--gazetteer", work / "loc_patterns.jsonl",
             "--out", a.out, "--version", a.version or version, "--warm-start", *gsd23])
        run([PY, T / "record_accuracy.py", "--model", a.out, "--data", a.data])


if __name__ == "__main__":
    main()
