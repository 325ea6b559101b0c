"""Measure the shipped model on the held-out sets and store the figures in its meta.json
("performance"), so that the artefact carries its own measured accuracy.

Usage: OMP_NUM_THREADS=1 python training/record_accuracy.py [--model DIR] [--data DIR] [--internal FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "quellenlage/nlp/model"))
    ap.add_argument("--data", default=os.environ.get("QL_DATA", "/work/shared/data"))
    ap.add_argument("--internal", default=None, help="JSON from evaluate_dev.py --json")
    ap.add_argument("--skip-speed", action="store_true")
    a = ap.parse_args()
    from quellenlage.eval.models import run_all

    res = run_all(Path(a.model), Path(a.data), skip_speed=a.skip_speed)
    pud, ge = res["pud"], res["germeval_dev"]
    perf = {
        "measured": str(date.today()),
        "heldout_ud_german_pud": {k: round(v, 4) if isinstance(v, float) else v for k, v in pud.items()},
        "heldout_germeval2014_dev": {
            "p": round(ge["p"], 4), "r": round(ge["r"], 4), "f1": round(ge["f1"], 4),
            "per_label": {k: {m: round(x, 4) for m, x in v.items()} for k, v in ge["per_label"].items()}},
        "speed": res.get("speed"),
        "command": "OMP_NUM_THREADS=1 python -m quellenlage.eval.models eval",
    }
    if a.internal:
        perf["internal_dev"] = json.loads(Path(a.internal).read_text())
    meta_path = Path(a.model) / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["performance"] = perf
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    print(json.dumps(perf, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
