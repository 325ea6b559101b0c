"""Sentences for attribution: split at terminal punctuation, never inside quotation marks.

Attribution needs the whole sentence around a quote ('„Das ist falsch. Wir prüfen das“,
sagte er.' is one frame), which a statistical sentence splitter trained on little data
often breaks. This splitter is rule-based and independent of the model: a sentence ends
after . ! ? … (and a closing quotation mark right after it) when the next word starts a new
sentence, and never inside a quotation. Its marks are those of the pipeline's splitter
(`quellenlage.lang.punctuation`, which says why there are two).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from quellenlage.lang.de.grammar import QUOTE_CHARS
from quellenlage.extensions import doc_cache, token_words
from quellenlage.lang.punctuation import CLOSING, is_terminal

QUOTE_CHARS_SET = frozenset(QUOTE_CHARS)  # one character each


def _starts_sentence(text: str) -> bool:
    """A word that can open a sentence, also a name spelt with a small initial ("eBay", "iPhone")."""
    camel_case = text[:1].islower() and any(c.isupper() for c in text[1:])
    return text[:1].isupper() or camel_case or text[:1].isdigit() or text in QUOTE_CHARS_SET or text[:1] in "•-–(["


def _year_closing(doc: Doc, i: int, text: str) -> bool:
    """A year with the full stop of its sentence read as one token ("im Juni 2018."), which the
    tokenizer takes for an ordinal; an ordinal has an article before it ("der 1000. Besucher")."""
    if not (len(text) == 5 and text.endswith(".") and text[:4].isdigit() and 1800 <= int(text[:4]) <= 2100):
        return False
    return i == 0 or doc[i - 1].pos_ not in ("DET", "ADJ")


def _tokens(doc: Doc) -> tuple[list[str], list[bool]]:
    """The Doc's token texts and whether each is white space, read once per Doc."""
    words = token_words(doc)
    return words.texts, words.spaces


def _terminals(doc: Doc) -> list[int]:
    """The tokens that end a sentence if what follows allows (`is_terminal`, `_year_closing`),
    in order, found once per Doc."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.terminals")
    if known is None or known[0] != len(doc):
        texts = _tokens(doc)[0]
        known = cache["quellenlage.terminals"] = (len(doc), [i for i, text in enumerate(texts) if is_terminal(text) or _year_closing(doc, i, text)])
    return known[1]


def sentences(span: Span, quoted: set[int] = frozenset()) -> list[Span]:
    """The sentences of a span (usually one line); `quoted` are token indices inside quotes."""
    doc: Doc = span.doc
    texts, spaces = _tokens(doc)
    out: list[tuple[int, int]] = []
    start = span.start
    end = span.end
    terminals = _terminals(doc)
    n = bisect_left(terminals, span.start)
    while n < len(terminals) and terminals[n] < end:
        i = terminals[n]
        # the end of a quotation: '… gekommen.“ Der Vatikan …' (marks count as quoted)
        closes_quote = i + 1 < end and texts[i + 1] in CLOSING and (i + 2 >= end or i + 2 not in quoted)
        if i not in quoted or closes_quote:
            j = i + 1
            while j < end and texts[j] in CLOSING:
                j += 1
            if j < end and texts[j] in (",", ":", ";"):
                n += 1  # '„Das stimmt nicht.“, sagte er': the sentence goes on
                continue
            k = j
            while k < end and spaces[k]:
                k += 1
            if k >= end or _starts_sentence(texts[k]):
                out.append((start, j))
                start = k
                n = bisect_left(terminals, k, n + 1)  # the next sentence starts at k
                continue
        n += 1
    if start < end:
        out.append((start, end))
    return [doc[a:b] for a, b in out if not all(spaces[a:b])]


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
