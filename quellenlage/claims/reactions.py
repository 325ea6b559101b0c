"""Replies: statements by which a source denies, confirms or disputes someone else's claim.

A reply is recognised by its cue verb (cue_verbs.tsv: "dementierte", "bestätigte",
"widersprach", "wies … zurück") or by the words of the statement itself (reactions.tsv:
"stimmt nicht", "frei erfunden", "ist richtig"). A denial inside the statement outranks the cue
verb ("bestätigte, dass die Berichte falsch seien" denies). A reply names what it answers
either by restating it (shared key terms) or by an anaphor ("die Angaben", "diese
Geschichten", "das"), sometimes with the claim's source ("Woodwards Behauptungen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from quellenlage.attribution.frames import FrameFinder, verb_cue
from quellenlage.attribution.grammar import DEFINITE, POSSESSIVE, cue_verbs, pos
from quellenlage.attribution.speakers import resolve_mention
from quellenlage.lexicons import patterns, rows
from quellenlage.schema import Speaker

PKG = "quellenlage.claims"
STATUSES = ("denied", "disputed", "confirmed")  # priority when a statement has several
DETERMINERS = DEFINITE | POSSESSIVE | frozenset(
    "diese dieser dieses diesen jene jener solche solcher derartige entsprechende genannte keine kein keiner".split()
)
PRONOUN_ANAPHORS = frozenset({"das", "dies", "dieses", "es", "was"})
ANAPHOR_WINDOW = 4  # tokens between determiner and noun ("keine dieser frei erfundenen Geschichten")
SHORT_REPLY = 10  # a pronoun only points back in a reply this short ("Das ist falsch")


@lru_cache(maxsize=1)
def phrases() -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {s: [] for s in STATUSES}
    for kind, rx in patterns(PKG, "reactions.tsv"):
        if kind in out:
            out[kind].append(rx)
    return out


@lru_cache(maxsize=1)
def anaphor_nouns() -> tuple[str, ...]:
    return tuple(r[1] for r in rows(PKG, "reactions.tsv") if r[0] == "anaphor")


@dataclass
class Reply:
    """A statement that answers a claim, with the span that says so (cue) and its sentence."""

    by: Speaker
    status: str
    span: Span
    cue: Span
    sentence: Span
    quote_id: str | None = None


def char_span(within: Span, start: int, end: int) -> Span:
    """The tokens covering [start, end), or the whole of `within` if they cannot be aligned."""
    span = within.doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else within


def phrase_status(span: Span) -> tuple[str, Span] | None:
    """The strongest reaction the words of a statement express, with the phrase."""
    for status in STATUSES:
        for rx in phrases()[status]:
            m = rx.search(span.text)
            if m:
                start = span.start_char + m.start()
                return status, char_span(span, start, start + len(m.group().rstrip()))
    return None


def verb_status(cue: Span | None, sentence: Span) -> tuple[str, Span] | None:
    """The reaction of a quote's cue verb ("dementierte" -> denied), if it has one."""
    if cue is None or not len(cue):
        return None
    found = verb_cue(cue[0], sentence)
    if found is None:
        return None
    reaction = cue_verbs()[found[0]][1]
    return (reaction, cue) if reaction in STATUSES else None


def quote_status(quote: Span, sentence: Span) -> tuple[str, Span] | None:
    """How a quote reacts: a denial in its words, else its cue verb, else other reaction words."""
    words = phrase_status(quote)
    if words is not None and words[0] == "denied":
        return words
    return verb_status(quote._.cue, sentence) or words


def frame_replies(doc: Doc, sentence: Span) -> list[Reply]:
    """Replies without reported content: "Das Ministerium wies die Vorwürfe zurück." """
    out = []
    for frame in FrameFinder().find(sentence):
        if frame.reaction in STATUSES and frame.speaker is not None:
            out.append(Reply(resolve_mention(doc, frame.speaker), frame.reaction, sentence, frame.cue, sentence))
    return out


def anaphor(span: Span) -> Span | None:
    """The phrase by which a reply points back: 'die Angaben', 'Woodwards Behauptungen',
    'keine dieser Geschichten von X' (up to the next punctuation), or a leading 'das'/'dies' in
    a short reply."""
    doc = span.doc
    nouns = anaphor_nouns()
    for t in span:
        if pos(t) not in ("NOUN", "PROPN") or not t.lower_.startswith(nouns):
            continue
        window = doc[max(span.start, t.i - ANAPHOR_WINDOW) : t.i]
        starts = [x.i for x in window if x.lower_ in DETERMINERS or (x.text.endswith("s") and pos(x) == "PROPN")]
        if not starts:
            continue
        end = t.i + 1
        while end < span.end and end - t.i <= ANAPHOR_WINDOW and not doc[end].is_punct:
            end += 1
        return doc[starts[0] : end]
    words = [t for t in span if not t.is_punct and not t.is_space]
    if words and words[0].lower_ in PRONOUN_ANAPHORS and len(words) <= SHORT_REPLY:
        return doc[words[0].i : words[0].i + 1]
    return None


def is_plural(phrase: Span) -> bool:
    """'die Angaben', 'keine dieser Geschichten' point at several claims; 'das' at one."""
    nouns = [t for t in phrase if t.lower_.startswith(anaphor_nouns())]
    if not nouns:
        return False
    return "Plur" in nouns[0].morph.get("Number") or nouns[0].lower_.endswith("en")
