"""From a processed Doc to the `Analysis` schema: reading the findings off the Doc's attributes."""

from __future__ import annotations

from spacy.tokens import Doc, Span

import quellenlage.extensions  # noqa: F401
from quellenlage.attribution.speakers import mention_index, resolve_mention
from quellenlage.schema import Analysis, Entity, Meta, Quote, TextSpan, Transparency


def text_span(span: Span | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def via_names(doc: Doc, q: Span, index: dict | None = None) -> list[str]:
    """The names of the chain a quote came through, nearest first, without its speaker."""
    names = []
    for via in q._.via:
        name = resolve_mention(doc, via, index).name
        if name and name not in names and (q._.speaker is None or name != q._.speaker.name):
            names.append(name)
    return names


def doc_to_analysis(doc: Doc, meta: Meta | None = None, id: str | None = None) -> Analysis:
    quotes = []
    index = mention_index(doc)
    for n, q in enumerate(doc.spans.get("quotes", []) if "quotes" in doc.spans else [], start=1):
        speaker = q._.speaker
        quotes.append(
            Quote(
                id=f"q{n}",
                kind=q._.kind or "indirect",
                text=q.text,
                start=q.start_char,
                end=q.end_char,
                speaker=speaker,
                speaker_type=speaker.type if speaker is not None else "unknown",
                speaker_mention=text_span(q._.speaker_mention),
                cue=text_span(q._.cue),
                cue_type=q._.rule or "",
                via=via_names(doc, q, index),
            )
        )
    entities = [
        Entity(
            id=c.id,
            name=c.name,
            type=c.type,
            mentions=[TextSpan(start=m.start_char, end=m.end_char, text=m.text) for m in c.mentions],
        )
        for c in doc._.entities
    ]
    return Analysis(
        id=id,
        text=doc.text,
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
