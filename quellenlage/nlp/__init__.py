"""German NLP pipeline of Quellenlage (trained on permissively licensed data only).

``load_pipeline()`` loads the shipped spaCy pipeline from ``quellenlage/nlp/model``:
tokenizer, newline sentence boundaries, tagger (STTS), morphologizer (UPOS + UD features),
edit-tree lemmatizer with lookup back-off, rule-based Konjunktiv mood fixer, dependency parser
(sentence boundaries) and NER (PER, ORG, LOC, MISC). See docs/models.md.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components as _components  # noqa: F401  (registers the factories)

MODEL_DIR = Path(__file__).resolve().parent / "model"


def load_pipeline(exclude: tuple[str, ...] = ()) -> Language:
    """Load the shipped German pipeline (no download, no global cache)."""
    if not (MODEL_DIR / "meta.json").exists():
        raise FileNotFoundError(f"no shipped model at {MODEL_DIR}; see training/README.md")
    return spacy.load(MODEL_DIR, exclude=list(exclude))


__all__ = ["load_pipeline", "MODEL_DIR"]
