"""Distance markers: how a German text reports a statement without vouching for it.

A modal of hearsay or self-claim (attribution/modals.py: "soll … haben", "will … gewusst haben", not the
"soll" of plans), hearsay ("wird nachgesagt", "heißt es"), epistemic
adverbs ("angeblich", "mutmaßlich") from hedges.tsv, and, where asked, Konjunktiv I: in a
sentence with no speech verb of its own, the Konjunktiv is what keeps the outlet's distance.
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Span

from quellenlage.attribution.grammar import is_finite, is_konjunktiv1
from quellenlage.attribution.modals import distancing_modal
from quellenlage.lexicons import patterns

LANG = "de"  # the German rules read the German word lists


@lru_cache(maxsize=1)
def hedge_patterns() -> list[tuple[str, Pattern[str]]]:
    return patterns(LANG, "hedges.tsv")


def hedge(span: Span, konjunktiv: bool = False) -> tuple[str, str] | None:
    """(kind, the words) of the first distance marker in the span, or None if it asserts."""
    modal = distancing_modal(span)
    if modal is not None:
        return "modal", modal.text
    for kind, rx in hedge_patterns():
        m = rx.search(span.text)
        if m:
            return kind, m.group()
    if konjunktiv:
        for t in span:
            if is_finite(t) and is_konjunktiv1(t):  # a finite verb: the tagger may call 'diese' a verb
                return "konjunktiv", t.text
    return None
