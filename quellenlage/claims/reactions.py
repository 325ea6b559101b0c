"""Replies: statements by which a source denies, confirms or disputes someone else's claim.

A reply needs a reacting speaker and a cue: a verb of answering (reaction_cues.tsv:
"dementierte", "bestätigte", "widersprach", "wies … zurück"; not verbs of criticism or
accusation) or the words of the statement itself (reactions.tsv: "stimmt nicht", "frei
erfunden", "nichts Derartiges"). A denial inside the statement outranks the cue verb
("bestätigte, dass die Berichte falsch seien" denies), except after a verb of confession
("gesteht, die Geschichte erfunden zu haben" confirms the charge). A reply names what it answers
either by restating it (shared key terms) or by an anaphor ("die Angaben", "diese
Geschichten", "das"), sometimes with the claim's source ("Woodwards Behauptungen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.frames import subject_of_main_clause
from quellenlage.attribution.grammar import (
    DEFINITE,
    PARTICLES,
    POSSESSIVE,
    clause_bounds,
    is_finite,
    lemma,
    pos,
    verb_lemmas,
)
from quellenlage.attribution.speakers import mention_index, resolve_mention
from quellenlage.lexicons import patterns, rows
from quellenlage.schema import Speaker

PKG = "quellenlage.claims"
STATUSES = ("denied", "disputed", "confirmed")  # priority when a statement has several
DETERMINERS = DEFINITE | POSSESSIVE | frozenset(
    "diese dieser dieses diesen jene jener solche solcher derartige entsprechende genannte keine kein keiner".split()
)
PRONOUN_ANAPHORS = frozenset({"das", "dies", "dieses", "es", "was"})
PERSONAL = frozenset({"er", "sie", "ihr", "wir", "ich", "man"})
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
def reaction_cues() -> dict[str, str]:
    """verb lemma -> status, reaction_cues.tsv."""
    return {r[0]: r[1] for r in rows(PKG, "reaction_cues.tsv")}


CONFESSION = frozenset({"gestehen", "eingestehen", "zugeben", "einräumen"})


def reaction_cue(t: Token, sent: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue span) when t is a verb of answering, also with a separated particle
    ("wies … zurück", "stritt … ab")."""
    if pos(t) not in ("VERB", "AUX") and not is_finite(t):
        return None
    cues = reaction_cues()
    lemmas = [lemma(t), *verb_lemmas(t.text)]
    end = clause_bounds(sent, t.i)[1]
    while end - 1 > t.i and (t.doc[end - 1].is_punct or t.doc[end - 1].is_space):
        end -= 1
    last = t.doc[end - 1] if end - 1 > t.i else None
    if last is not None and last.lower_ in PARTICLES | {"zurück", "ab", "ein", "zu"}:
        for lem in lemmas:
            if last.lower_ + lem in cues:
                return last.lower_ + lem, cues[last.lower_ + lem], t.doc[t.i : t.i + 1]
    for lem in lemmas:
        if lem in cues:
            return lem, cues[lem], t.doc[t.i : t.i + 1]
    return None


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


def verb_status(cue: Span | None, sentence: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue) of a quote's cue verb ("dementierte" -> denied), if it answers."""
    if cue is None or not len(cue):
        return None
    return reaction_cue(cue[0], sentence)


def quote_status(quote: Span, sentence: Span) -> tuple[str, Span] | None:
    """How a quote reacts: a denial in its words (unless confessed), else its cue verb, else
    other reaction words."""
    words = phrase_status(quote)
    verb = verb_status(quote._.cue, sentence)
    if verb is not None and verb[0] in CONFESSION:
        return verb[1], verb[2]
    if words is not None and words[0] == "denied":
        return words
    return (verb[1], verb[2]) if verb is not None else words


def frame_replies(doc: Doc, sentence: Span, skip: set[int]) -> list[Reply]:
    """Replies without reported content: "Das Ministerium wies die Vorwürfe zurück.", "Sowohl X
    als auch Y weisen diese Darstellung zurück" (one reply per coordinated subject)."""
    out = []
    index = mention_index(doc)
    for t in sentence:
        if t.i in skip or not is_finite(t):
            continue
        cue = reaction_cue(t, sentence)
        if cue is None:
            continue
        subject = _coordinated_prefield(doc, sentence, t, index)
        if subject is None:
            subject, _ = subject_of_main_clause(sentence, t, clause_bounds(sentence, t.i)[1], skip)
        if subject is None or pos(subject[-1]) == "PRON" or subject[0].lower_ in PRONOUN_ANAPHORS | PERSONAL:
            continue  # an unresolved pronoun is no reacting speaker we can name
        if anaphor(subject) is not None or any(x.lower_.startswith(anaphor_nouns()) for x in subject):
            continue  # "diese Darstellung" is what is answered, not who answers
        for mention in _conjuncts(doc, subject, index):
            out.append(Reply(resolve_mention(doc, mention, index), cue[1], sentence, cue[2], sentence))
    return out


def _coordinated_prefield(doc: Doc, sentence: Span, verb: Token, index: dict) -> Span | None:
    """A coordinated subject before the verb ("Sowohl X als auch Y weisen … zurück"), which
    the verb-second subject finder stops short of."""
    pre = doc[sentence.start : verb.i]
    if not any(x.lower_ in ("sowohl", "und", "sowie") for x in pre):
        return None
    clusters = {id(index[x.i]) for x in pre if x.i in index}
    return pre if len(clusters) >= 2 else None


def _conjuncts(doc: Doc, subject: Span, index: dict) -> list[Span]:
    """The entity mentions of a coordinated subject ("Sowohl X als auch Y", "X und Y"), else the
    subject itself."""
    if not any(t.lower_ in ("und", "sowie", "auch") for t in subject):
        return [subject]
    spans: list[Span] = []
    i = subject.start
    while i < subject.end:
        if i in index:
            j = i
            while j < subject.end and index.get(j) is index[i]:
                j += 1
            spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return spans if len(spans) >= 2 else [subject]


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
