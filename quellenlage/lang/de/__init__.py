"""German: the shipped pipeline trained on permissively licensed data (`quellenlage.nlp`)
and the attribution components in their German order."""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS

from quellenlage.lang import LanguageProfile, languages


def _load():
    from quellenlage.nlp import load_pipeline

    return load_pipeline()


GERMAN = languages.register(
    "de",
    func=LanguageProfile(
        code="de",
        name="Deutsch",
        load_pipeline=_load,
        components=(
            "line_classifier",
            "entity_resolver",
            "direct_quote_finder",
            "reported_speech_finder",
            "interview_finder",
            "speaker_resolver",
            "source_collector",
            "claim_builder",
            "headline_checker",
        ),
        stop_words=frozenset(STOP_WORDS),
    ),
)
