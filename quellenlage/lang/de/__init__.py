"""German: the shipped pipeline trained on permissively licensed data (`quellenlage.nlp`)
and the attribution components in their German order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.lang.de.stop_words import STOP_WORDS

from quellenlage.lang import LanguageProfile, languages

if TYPE_CHECKING:
    from quellenlage.claims.language import ClaimRules


def _load():
    from quellenlage.nlp import load_pipeline

    return load_pipeline()


def _claim_rules() -> ClaimRules:
    from quellenlage.lang.de import claims

    return claims


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
        claim_rules=_claim_rules,
    ),
)
