"""How openly an article sources what it says: named vs. anonymous sources, the share of body
sentences that carry an attribution, and how many claims rest on a single source."""

from __future__ import annotations

from spacy.tokens import Doc

from quellenlage.claims.terms import body_sentences, overlaps
from quellenlage.schema import Transparency


def transparency(doc: Doc, single_source_claims: int) -> Transparency:
    """The figures of `Transparency`; a sentence is attributed when it overlaps a quote."""
    sources = doc._.sources
    anonymous = sum(s.type == "anonymous" for s in sources)
    quotes = list(doc.spans.get("quotes", []))
    body = body_sentences(doc)
    attributed = sum(any(overlaps(q, s) for q in quotes) for s in body)
    return Transparency(
        named_sources=len(sources) - anonymous,
        anonymous_sources=anonymous,
        body_sentences=len(body),
        attributed_sentences=attributed,
        attributed_share=round(attributed / len(body), 3) if body else 0.0,
        single_source_claims=single_source_claims,
    )
