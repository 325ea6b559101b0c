"""Reading line roles off the Doc (set by the `line_classifier` component)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from quellenlage.extensions import doc_cache
from quellenlage.schema import Line

BODY_ROLES = ("paragraph", "teaser", "caption")


def body_lines(doc: Doc, include_headline: bool = False) -> list[Line]:
    roles = BODY_ROLES + (("headline", "subheading") if include_headline else ())
    return [line for line in doc._.lines if line.role in roles]


def line_of(doc: Doc, char: int) -> Line:
    lines = doc._.lines
    k = max(0, bisect_right(_starts(doc, lines), char) - 1)
    return lines[k]


def _starts(doc: Doc, lines: list[Line]) -> list[int]:
    """The lines' start offsets, kept per Doc while its list of lines stays the same."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.line_starts")
    if known is None or known[0] is not lines or len(known[1]) != len(lines):
        known = cache["quellenlage.line_starts"] = (lines, [line.start for line in lines])
    return known[1]


def role_at(doc: Doc, char: int) -> str:
    if not doc._.lines:
        return "paragraph"
    line = line_of(doc, char)
    return line.role if char <= line.start + len(line.text) else "paragraph"




def line_span(doc: Doc, char: int) -> Span:
    """The tokens of the line that holds character `char` (the whole doc if there are no lines)."""
    if not doc._.lines:
        return doc[:]
    line = line_of(doc, char)
    span = doc.char_span(line.start, line.start + len(line.text), alignment_mode="expand")
    return span if span is not None else doc[:]
