"""Distance markers: how a text reports a statement without vouching for it.

German: a modal of hearsay or self-claim (lang/de/modals.py: "soll … haben", "will …
gewusst haben", not the "soll" of plans), hearsay ("wird nachgesagt", "heißt es"), epistemic
adverbs ("angeblich", "mutmaßlich") from hedges.tsv, and, where asked, Konjunktiv I: in a
sentence with no speech verb of its own, the Konjunktiv is what keeps the outlet's distance.
English (quellenlage/lang/en/claims.py): a passive verb of reporting ("is said to have"), a
self-claim ("claims to have"), hearsay, epistemic adverbs and speculative modals ("reportedly",
"allegedly", "may have") from the English hedges.tsv; English has no mood of reported speech.
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Span

from quellenlage.lang.de.grammar import is_finite, is_konjunktiv1
from quellenlage.lang.de.modals import distancing_modal as german_distancing_modal
from quellenlage.claims.language import ENGLISH, language
from quellenlage.extensions import doc_cache
from quellenlage.lang.en import claims as en
from quellenlage.lexicons import patterns


@lru_cache(maxsize=None)
def hedge_patterns(lang: str) -> list[tuple[str, Pattern[str]]]:
    return patterns(lang, "hedges.tsv")


def distancing_modal(span: Span):
    """The word that reports without vouching, in the span's language ("soll … haben", "is said to");
    kept per Doc, as the claims and headline steps read the same sentences."""
    cache = doc_cache(span.doc)
    key = ("quellenlage.distancing_modal", span.start, span.end)
    if key not in cache:
        cache[key] = en.distancing_modal(span) if language(span) == ENGLISH else german_distancing_modal(span)
    return cache[key]


def hedge(span: Span, konjunktiv: bool = False) -> tuple[str, str] | None:
    """(kind, the words) of the first distance marker in the span, or None if it asserts (kept per Doc)."""
    cache = doc_cache(span.doc)
    key = ("quellenlage.hedge", span.start, span.end, konjunktiv)
    if key not in cache:
        cache[key] = (hedge(span) or _konjunktiv(span)) if konjunktiv else _hedge(span)
    return cache[key]


def _hedge(span: Span) -> tuple[str, str] | None:
    modal = distancing_modal(span)
    if modal is not None:
        return "modal", modal.text
    text = span.text
    for kind, rx in hedge_patterns(language(span)):
        m = rx.search(text)
        if m:
            return kind, m.group()
    return None


def _konjunktiv(span: Span) -> tuple[str, str] | None:
    """The first finite Konjunktiv I (German only)."""
    if language(span) != ENGLISH:
        for t in span:
            if is_finite(t) and is_konjunktiv1(t):  # a finite verb: the tagger may call 'diese' a verb
                return "konjunktiv", t.text
    return None
