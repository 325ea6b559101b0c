"""One settings object instead of keyword arguments spread over the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    #: spaCy batch size for `nlp.pipe` in `analyze_many`.
    batch_size: int = 32
    #: Worker processes of `analyze_many` (1 = in process).
    n_process: int = 1
    #: The language to analyse in: a code of `quellenlage.lang` ('de', 'en') or 'auto' (each
    #: document's declared or detected language, `quellenlage.lang.detect`).
    language: str = "auto"
    #: Attribution components in the order they run after the language pipeline; None: the
    #: language's own list (`LanguageProfile.components`, the one place of that order).
    components: tuple[str, ...] | None = None
