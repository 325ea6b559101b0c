"""Sentences for attribution: split at terminal punctuation, never inside quotation marks.

Attribution needs the whole sentence around a quote ('„Das ist falsch. Wir prüfen das“,
sagte er.' is one frame), which a statistical sentence splitter trained on little data
often breaks. This splitter is rule-based and independent of the model: a sentence ends
after . ! ? … (and a closing quotation mark right after it) when the next word starts a new
sentence, and never inside a quotation. Its marks are those of the pipeline's splitter
(`quellenlage.lang.punctuation`, which says why there are two).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quellenlage.attribution.grammar import is_quote_char
from quellenlage.lang.punctuation import CLOSING, is_terminal


def _starts_sentence(t) -> bool:
    return t.text[:1].isupper() or t.text[:1].isdigit() or is_quote_char(t) or t.text[:1] in "•-–(["


def sentences(span: Span, quoted: set[int] = frozenset()) -> list[Span]:
    """The sentences of a span (usually one line); `quoted` are token indices inside quotes."""
    doc: Doc = span.doc
    out: list[Span] = []
    start = span.start
    i = span.start
    while i < span.end:
        t = doc[i]
        # the end of a quotation: '… gekommen.“ Der Vatikan …' (marks count as quoted)
        closes_quote = i + 1 < span.end and doc[i + 1].text in CLOSING and (i + 2 >= span.end or doc[i + 2].i not in quoted)
        if is_terminal(t.text) and (t.i not in quoted or closes_quote):
            j = i + 1
            while j < span.end and doc[j].text in CLOSING:
                j += 1
            if j < span.end and doc[j].text in (",", ":", ";"):
                i += 1  # '„Das stimmt nicht.“, sagte er': the sentence goes on
                continue
            k = j
            while k < span.end and doc[k].is_space:
                k += 1
            if k >= span.end or _starts_sentence(doc[k]):
                out.append(doc[start:j])
                start = k
                i = k
                continue
        i += 1
    if start < span.end:
        out.append(doc[start : span.end])
    return [s for s in out if any(not t.is_space for t in s)]


def quoted_tokens(doc: Doc) -> set[int]:
    """Token indices strictly inside quotation marks (any pair), from the direct-quote finder."""
    spans = list(doc.spans.get("quotes", [])) + list(doc.spans.get("titles", []))
    return {i for q in spans for i in range(q.start, q.end)}


def sentence_of(doc: Doc, i: int, quoted: set[int] = frozenset()) -> Span:
    """The sentence (by `sentences`) of the line that holds token i."""
    from quellenlage.attribution.lines import line_span

    line = line_span(doc, doc[i].idx)
    for sent in sentences(line, quoted):
        if sent.start <= i < sent.end:
            return sent
    return line
