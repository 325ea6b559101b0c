"""Replies: statements by which a source denies, confirms or disputes someone else's claim.

A reply needs a reacting speaker and a cue: a verb of answering (reaction_cues.tsv:
"dementierte", "bestätigte", "widersprach", "wies … zurück"; not verbs of criticism or
accusation) or the words of the statement itself (reactions.tsv: "stimmt nicht", "frei
erfunden", "nichts Derartiges"). A denial inside the statement outranks the cue verb
("bestätigte, dass die Berichte falsch seien" denies), except after a verb of confession
("gesteht, die Geschichte erfunden zu haben" confirms the charge). A reply names what it answers
by restating it (shared key terms) or by an anaphor ("die Angaben", "diese Geschichten", "das",
"nichts Derartiges"), sometimes with the claim's source ("Woodwards Behauptungen"). Replies the
outlet narrates ("X wies die Vorwürfe zurück", "Beide sagen Nein") get their speaker from the
sentence's subject, each of a coordinated subject, the two a "Beide" stands for, or the person
an "er"/"sie" stands for; a role with its organisation ("der Vorsitzende des Vereins") is the
person the paragraph titles so; a reply made "im Auftrag von X" is X's, and a reported answer
right after a reported question ("Ob er … sei? Ja, das sei er.") is the asked person's. A
claim "im Widerspruch zu" what a source holds is disputed by that source; a confession answers
the charges the article reports against its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.speakers import mention_index
from quellenlage.claims.language import claim_rules, rules_of
from quellenlage.schema import Speaker

STATUSES = ("denied", "disputed", "confirmed")  # priority when a statement has several
ANAPHOR_WINDOW = 4  # tokens between determiner and noun ("keine dieser frei erfundenen Geschichten")
SHORT_REPLY = 10  # a pronoun only points back in a reply this short ("Das ist falsch")


@lru_cache(maxsize=None)
def phrases(lang: str) -> dict[str, list[re.Pattern[str]]]:
    """status -> the reply phrases of reactions.tsv (acts included) of language `lang`."""
    out: dict[str, list[re.Pattern[str]]] = {s: [] for s in STATUSES}
    for kind, rx in rules_of(lang).reaction_patterns():
        if kind.removesuffix("-act") in out:
            out[kind.removesuffix("-act")].append(rx)
    return out


@lru_cache(maxsize=None)
def act_phrases(lang: str) -> dict[str, list[re.Pattern[str]]]:
    """status -> the phrases that describe a subject's answer ("sagen Nein")."""
    out: dict[str, list[re.Pattern[str]]] = {s: [] for s in STATUSES}
    for kind, rx in rules_of(lang).reaction_patterns():
        if kind.endswith("-act") and kind.removesuffix("-act") in out:
            out[kind.removesuffix("-act")].append(rx)
    return out


@dataclass
class Reply:
    """A statement that answers a claim, with the span that says so (cue) and its sentence."""

    by: Speaker
    status: str
    span: Span
    cue: Span
    sentence: Span
    quote_id: str | None = None
    narrated: bool = False  # an answer the outlet describes ("Beide sagen Nein", "will X nicht kennen")


def char_span(within: Span, start: int, end: int) -> Span:
    """The tokens covering [start, end), or the whole of `within` if they cannot be aligned."""
    span = within.doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else within


def phrase_status(span: Span) -> tuple[str, Span] | None:
    """The strongest reaction the words of a statement express, with the phrase."""
    return _first_phrase(span, phrases(claim_rules(span).LANG))


def _first_phrase(span: Span, table: dict) -> tuple[str, Span] | None:
    """(status, phrase) of the first phrase of `table` found in the span, strongest status first."""
    text = span.text
    for status in STATUSES:
        for rx in table[status]:
            m = rx.search(text)
            if m:
                start = span.start_char + m.start()
                return status, char_span(span, start, start + len(m.group().rstrip()))
    return None


def reaction_cue(t: Token, sent: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue span) when t is a verb of answering in its language ("wies … zurück",
    "stellte … in Abrede", "rejected the allegations"; not "did not deny")."""
    return claim_rules(t).reaction_cue(t, sent)


def verb_status(cue: Span | None, sentence: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue) of a quote's cue verb ("dementierte" -> denied), if it answers."""
    if cue is None or not len(cue):
        return None
    return reaction_cue(cue[0], sentence)


def quote_status(quote: Span, sentence: Span) -> tuple[str, Span] | None:
    """How a quote reacts: a denial in its words (unless confessed), else its cue verb, else
    other reaction words; no reply for a confession that admits more than any charge."""
    words = phrase_status(quote)
    verb = verb_status(quote._.cue, sentence)
    if verb is not None and verb[0] in confession(quote):
        return None if admits_more(quote) else (verb[1], verb[2])
    if words is not None and words[0] == "denied":
        return words
    return (verb[1], verb[2]) if verb is not None else words


def confession(x: Doc | Span | Token) -> frozenset[str]:
    """The verbs of confession of the language: their content is the charge, not a denial."""
    return claim_rules(x).CONFESSION


def admits_more(span: Span) -> bool:
    """A confession of other or further deeds ("gesteht, mehrere andere Geschichten erfunden zu
    haben", "admitted to other fabrications") admits more than any charge: it answers none."""
    others = claim_rules(span).OTHER_DEEDS
    return any(t.lower_.startswith(others) for t in span)


def frame_replies(doc: Doc, sentence: Span, skip: set[int], index: dict | None = None) -> list[Reply]:
    """Replies the outlet narrates: a verb of answering with its subject, one reply per
    coordinated subject ("Das Ministerium wies die Vorwürfe zurück"), or a phrase that describes
    the subject's answer ("Beide sagen Nein"); not under a hedge ("Vielleicht leugnen sie")."""
    index = mention_index(doc) if index is None else index
    return claim_rules(doc).frame_replies(doc, sentence, skip, index)


def quote_reactors(doc: Doc, speaker: Speaker | None, mention: Span | None, sentence: Span) -> list[Speaker]:
    """Who answers with a quote: its speaker, each person of a coordinated speaker, the person
    an unresolved "er"/"he" stands for, or the person a reported question before it asked."""
    return claim_rules(doc).quote_reactors(doc, speaker, mention, sentence)


def asked_person(doc: Doc, sentence: Span) -> Speaker | None:
    """The person a reported yes/no question right before the sentence asks ("Ob er … sei?
    Ja, das sei er."): in a reported interview the answer after the question is theirs."""
    return claim_rules(doc).asked_person(doc, sentence)


def act_status(sentence: Span) -> tuple[str, Span] | None:
    """A phrase of reactions.tsv marked as an act ("denied-act"): it describes what the
    sentence's subject answers, so it counts outside quotes too."""
    return _first_phrase(sentence, act_phrases(claim_rules(sentence).LANG))


def principals(doc: Doc) -> dict[str, Speaker]:
    """Who a lawyer or spokesperson speaks for: "schreibt ein Anwalt im Auftrag von X", "im
    Namen von X". A reply made on someone's behalf is that person's reply (source key ->
    principal)."""
    from quellenlage.claims.claims import source_key

    out: dict[str, Speaker] = {}
    index = mention_index(doc)
    rules = claim_rules(doc)
    lang = rules.LANG
    on, behalf, of = rules.BEHALF
    for q in doc.spans.get("quotes", []):
        m = q._.speaker_mention
        if m is None or q._.speaker is None or m.end + 3 >= len(doc):
            continue
        a, b, c = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        if a.lower_ in on and b.lower_ in behalf and c.lower_ in of:
            k = m.end + 3
            if k in index:
                cluster = index[k]
                out[source_key(q._.speaker, lang)] = Speaker(
                    name=cluster.name, type="person" if cluster.type == "person" else "organization", entity_id=cluster.id
                )
    return out


def anaphor(span: Span) -> Span | None:
    """The phrase by which a reply points back: 'die Angaben', 'Woodwards Behauptungen',
    'keine dieser Geschichten von X' (up to the next punctuation), a leading 'das'/'dies' in
    a short reply or before a verb of answering ("Das bestätigte … X")."""
    r = claim_rules(span)
    return _anaphor(
        span, r.is_anaphor_noun, r.DETERMINERS, r.POINTING_PRONOUNS, r.PRONOUN_ANAPHORS, r.FRONTED, r.is_possessor
    )


def _anaphor(
    span: Span, is_noun: Callable[[Token], bool], determiners: frozenset[str], pointing_pronouns: frozenset[str],
    pronoun_anaphors: frozenset[str], fronted: frozenset[str], genitive: Callable[[Token], bool],
) -> Span | None:
    """`anaphor` with the words of a language."""
    doc = span.doc
    for t in span:
        if not is_noun(t):
            continue
        window = doc[max(span.start, t.i - ANAPHOR_WINDOW) : t.i]
        starts = [x.i for x in window if x.lower_ in determiners or genitive(x)]
        if not starts:
            continue
        end = t.i + 1
        while end < span.end and end - t.i <= ANAPHOR_WINDOW and not doc[end].is_punct:
            end += 1
        return doc[starts[0] : end]
    words = [t for t in span if not t.is_punct and not t.is_space]
    pointing = next((t for t in words if t.lower_ in pointing_pronouns), None)
    if pointing is not None:  # "er habe nichts Derartiges gesagt"
        return doc[pointing.i : pointing.i + 1]
    if words and words[0].lower_ in pronoun_anaphors and len(words) <= SHORT_REPLY:
        return doc[words[0].i : words[0].i + 1]
    if len(words) > 1 and words[0].lower_ in fronted and reaction_cue(words[1], span) is not None:
        return doc[words[0].i : words[0].i + 1]  # a fronted object of answering: "Das bestätigte am Dienstag auch X …"
    return None


def charged(doc: Doc, reply: Reply) -> bool:
    """Whether the article, before the reply, names charges against its speaker in one sentence
    ("Die Vorwürfe gegen Relotius sind massiv", "konfrontiert X mit dem Verdacht"): a
    confession after that answers them."""
    if reply.by.entity_id is None or not doc.has_annotation("SENT_START"):
        return False
    index = mention_index(doc)
    rules = claim_rules(doc)
    for sent in doc[: reply.sentence.start].sents:
        if any(rules.pos(t) == "NOUN" and t.lower_.startswith(rules.charge_nouns()) for t in sent) and any(
            t.i in index and index[t.i].id == reply.by.entity_id for t in sent
        ):
            return True
    return False


def is_plural(phrase: Span) -> bool:
    """'die Angaben', 'keine dieser Geschichten' point at several claims; 'das' at one."""
    return claim_rules(phrase).plural_anaphor(phrase)
