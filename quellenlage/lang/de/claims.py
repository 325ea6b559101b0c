"""The German claim rules (`quellenlage.claims.language.ClaimRules`): the decisions of the claims
layer and the source collector that read STTS tags, the Konjunktiv, verb-second order and the
German word lists.
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Span, Token

from quellenlage.lang.de.grammar import is_finite, is_konjunktiv1
from quellenlage.lang.de.modals import distancing_modal as distancing_modal
from quellenlage.lexicons import patterns

LANG = "de"


@lru_cache(maxsize=1)
def hedge_patterns() -> list[tuple[str, Pattern[str]]]:
    return patterns(LANG, "hedges.tsv")


def reported_mood(span: Span) -> Token | None:
    """The first finite Konjunktiv I."""
    for t in span:
        if is_finite(t) and is_konjunktiv1(t):  # a finite verb: the tagger may call 'diese' a verb
            return t
    return None
