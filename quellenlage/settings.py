"""One settings object instead of keyword arguments spread over the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    #: spaCy batch size for `nlp.pipe` in `analyze_many`.
    batch_size: int = 32
    #: Processes for `nlp.pipe` (1 = in process).
    n_process: int = 1
    #: Components of the attribution layer, in the order they run after the language pipeline
    #: (the one place of that order; each factory declares its config, requires and assigns).
    components: tuple[str, ...] = (
        "line_classifier",
        "entity_resolver",
        "direct_quote_finder",
        "reported_speech_finder",
        "interview_finder",
        "speaker_resolver",
        "source_collector",
        "claim_builder",
        "headline_checker",
    )
