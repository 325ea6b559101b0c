"""From a processed Doc to the `Analysis` schema: reading the findings off the Doc's attributes.

Conversion only reads: every name, speaker and chain is resolved by the components (see
`quellenlage.extensions`), so a Doc back from bytes converts to the same Analysis."""

from __future__ import annotations

from typing import overload

from spacy.tokens import Doc, Span

from quellenlage.extensions import doc_text  # (importing it registers the attributes read here)
from quellenlage.schema import Analysis, Entity, Meta, Quote, Reaction, TextSpan, Transparency


@overload
def text_span(span: None) -> None: ...
@overload
def text_span(span: Span | Reaction) -> TextSpan: ...
def text_span(span: Span | Reaction | None) -> TextSpan | None:
    """The output form of a stretch of text (its character offsets and text): of a spaCy span,
    or of the statement of a reaction; the one place a `TextSpan` is built."""
    if span is None:
        return None
    if isinstance(span, Span):
        return TextSpan(start=span.start_char, end=span.end_char, text=span.text)
    return TextSpan(start=span.start, end=span.end, text=span.text)


def doc_to_analysis(doc: Doc, meta: Meta | None = None, id: str | None = None) -> Analysis:
    quotes = []
    for q in doc.spans.get("quotes", []):
        speaker = q._.speaker
        quotes.append(
            Quote(
                id=q._.id,
                kind=q._.kind or "indirect",
                text=q.text,
                start=q.start_char,
                end=q.end_char,
                speaker=speaker,
                speaker_type=speaker.type if speaker is not None else "unknown",
                speaker_mention=text_span(q._.speaker_mention),
                cue=text_span(q._.cue),
                rule=q._.rule or "",
                via=list(q._.via_names),
            )
        )
    entities = [
        Entity(
            id=c.id,
            name=c.name,
            type=c.type,
            mentions=[text_span(m) for m in c.mentions],
        )
        for c in doc._.entities
    ]
    return Analysis(
        id=id,
        text=doc_text(doc),
        meta=meta or Meta(),
        lines=list(doc._.lines),
        entities=entities,
        quotes=quotes,
        sources=list(doc._.sources),
        claims=list(doc._.claims),
        headline_check=doc._.headline_check,
        transparency=doc._.transparency or Transparency(),
        errors=list(doc._.errors),
    )
