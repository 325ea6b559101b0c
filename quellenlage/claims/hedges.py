"""Distance markers: how a text reports a statement without vouching for it.

The words are the language's (`claim_rules`). German: a modal of hearsay or self-claim (lang/de/modals.py: "soll … haben", "will …
gewusst haben", not the "soll" of plans), hearsay ("wird nachgesagt", "heißt es"), epistemic
adverbs ("angeblich", "mutmaßlich") from hedges.tsv, and, where asked, Konjunktiv I: in a
sentence with no speech verb of its own, the Konjunktiv is what keeps the outlet's distance.
English (quellenlage/lang/en/claims.py): a passive verb of reporting ("is said to have"), a
self-claim ("claims to have"), hearsay, epistemic adverbs and speculative modals ("reportedly",
"allegedly", "may have") from the English hedges.tsv; English has no mood of reported speech.
"""

from __future__ import annotations

from spacy.tokens import Span

from quellenlage.claims.language import claim_rules
from quellenlage.extensions import doc_cache


def distancing_modal(span: Span):
    """The word that reports without vouching, in the span's language ("soll … haben", "is said to");
    kept per Doc, as the claims and headline steps read the same sentences."""
    cache = doc_cache(span.doc)
    key = ("quellenlage.distancing_modal", span.start, span.end)
    if key not in cache:
        cache[key] = claim_rules(span).distancing_modal(span)
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
    for kind, rx in claim_rules(span).hedge_patterns():
        m = rx.search(text)
        if m:
            return kind, m.group()
    return None


def _konjunktiv(span: Span) -> tuple[str, str] | None:
    """The first finite verb in the mood of reported speech (German Konjunktiv I)."""
    verb = claim_rules(span).reported_mood(span)
    return ("konjunktiv", verb.text) if verb is not None else None
