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

from quellenlage.attribution.frames import subject_of_main_clause
from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.lang.de.grammar import (
    DEFINITE,
    PARTICLES,
    POSSESSIVE,
    clause_bounds,
    is_finite,
    lemma,
    noun_phrase,
    pos,
    verb_lemmas,
)
from quellenlage.attribution.speakers import ENTITY_SPEAKER_TYPES, mention_index, resolve_mention
from quellenlage.claims.hedges import distancing_modal, hedge
from quellenlage.lang.de.modals import CLAIM, modal_reading
from quellenlage.claims.language import ENGLISH, GERMAN, english, language
from quellenlage.extensions import token_words
from quellenlage.lang.en import claims as en
from quellenlage.lexicons import patterns, rows
from quellenlage.schema import Speaker
STATUSES = ("denied", "disputed", "confirmed")  # priority when a statement has several
DETERMINERS = DEFINITE | POSSESSIVE | frozenset(
    "diese dieser dieses diesen jene jener solche solcher derartige entsprechende genannte keine kein keiner".split()
)
PRONOUN_ANAPHORS = frozenset({"das", "dies", "dieses", "es", "was"})
POINTING_PRONOUNS = frozenset({"derartiges", "dergleichen", "solches"})  # point back anywhere in a reply
PERSONAL = frozenset({"er", "sie", "ihr", "wir", "ich", "man"})
NEGATIONS = frozenset("nicht nichts nie niemals kein keine keinen keinem keiner".split())
OBJECT_PRONOUNS = frozenset("uns mir mich dir dich ihm ihn ihnen euch sich".split())
ANAPHOR_WINDOW = 4  # tokens between determiner and noun ("keine dieser frei erfundenen Geschichten")
SHORT_REPLY = 10  # a pronoun only points back in a reply this short ("Das ist falsch")
CONFESSION = frozenset({"gestehen", "eingestehen", "zugeben", "einräumen"})  # its content is the charge, not a denial


@lru_cache(maxsize=None)
def phrases(lang: str = GERMAN) -> dict[str, list[re.Pattern[str]]]:
    """status -> the reply phrases of reactions.tsv (acts included)."""
    out: dict[str, list[re.Pattern[str]]] = {s: [] for s in STATUSES}
    for kind, rx in patterns(lang, "reactions.tsv"):
        if kind.removesuffix("-act") in out:
            out[kind.removesuffix("-act")].append(rx)
    return out


@lru_cache(maxsize=None)
def act_phrases(lang: str = GERMAN) -> dict[str, list[re.Pattern[str]]]:
    """status -> the phrases that describe a subject's answer ("sagen Nein")."""
    out: dict[str, list[re.Pattern[str]]] = {s: [] for s in STATUSES}
    for kind, rx in patterns(lang, "reactions.tsv"):
        if kind.endswith("-act") and kind.removesuffix("-act") in out:
            out[kind.removesuffix("-act")].append(rx)
    return out


@lru_cache(maxsize=None)
def reaction_cues(lang: str = GERMAN) -> dict[str, str]:
    """verb lemma -> status, reaction_cues.tsv."""
    return {r[0]: r[1] for r in rows(lang, "reaction_cues.tsv")}


def reaction_cue(t: Token, sent: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue span) when t is a verb of answering, also with a separated particle
    ("wies … zurück", "stritt … ab") or a two-word phrase at the clause's end ("stellte … in
    Abrede", "wies … von sich"); English: en.reaction_cue (not negated or refused)."""
    if english(t):
        return en.reaction_cue(t, sent)
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
    if last is not None and end - 2 > t.i:  # a phrase at the clause's end: "stellte das in Abrede", "wies sie von sich"
        phrase = t.doc[end - 2].lower_ + last.lower_
        for lem in lemmas:
            if phrase + lem in cues:
                return phrase + lem, cues[phrase + lem], t.doc[t.i : t.i + 1]
    for lem in lemmas:
        if lem in cues:
            return lem, cues[lem], t.doc[t.i : t.i + 1]
    return None


@lru_cache(maxsize=None)
def anaphor_nouns(lang: str = GERMAN) -> tuple[str, ...]:
    return tuple(r[1] for r in rows(lang, "reactions.tsv") if r[0] == "anaphor")


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
    return _first_phrase(span, phrases(language(span)))


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
    return en.CONFESSION if english(x) else CONFESSION


def admits_more(span: Span) -> bool:
    """A confession of other or further deeds ("gesteht, mehrere andere Geschichten erfunden zu
    haben", "admitted to other fabrications") admits more than any charge: it answers none."""
    others = en.OTHER_DEEDS if english(span) else ("andere", "weitere")
    return any(t.lower_.startswith(others) for t in span)


def frame_replies(doc: Doc, sentence: Span, skip: set[int], index: dict | None = None) -> list[Reply]:
    """Replies the outlet narrates: a verb of answering ("Das Ministerium wies die Vorwürfe
    zurück", "Sowohl X als auch Y weisen diese Darstellung zurück": one reply per coordinated
    subject), a claim "im Widerspruch zu" what a source holds, a phrase that describes the subject's answer ("Beide sagen Nein", "versucht, alle
    Zweifel zu entkräften"), or a negated self-claim ("will X nicht kennen"). Not under a hedge
    ("Vielleicht leugnen sie"): a supposed answer is none. English: en.frame_replies."""
    out = []
    index = mention_index(doc) if index is None else index
    if english(doc):
        return en.frame_replies(doc, sentence, skip, act_status, index, Reply)
    if hedge(sentence) is not None and distancing_modal(sentence) is None:
        return out
    act = act_status(sentence)
    act_verb = act[1][0] if act is not None and pos(act[1][0]) in ("VERB", "AUX") else None
    for t in sentence:
        if t.i in skip or not (is_finite(t) or t == act_verb):  # "sagen Nein" is finite whatever the tagger says
            continue
        cue = reaction_cue(t, sentence) if is_finite(t) else None
        if cue is not None and cue[0] in CONFESSION and admits_more(sentence):
            continue
        if cue is not None:
            status, cue_span = cue[1], cue[2]
        elif _negated_self_claim(t, sentence):
            status, cue_span = "denied", doc[t.i : t.i + 1]
        else:
            if act is None or not (t.i == _first_finite(sentence, skip) or t == act_verb):
                continue
            status, cue_span = act
        speaker_list = _reacting(doc, sentence, t, skip, index)
        out.extend(Reply(sp, status, sentence, cue_span, sentence, narrated=cue is None) for sp in speaker_list)
    return out + _contradicting(doc, sentence, skip, index)


def _contradicting(doc: Doc, sentence: Span, skip: set[int], index: dict) -> list[Reply]:
    """A claim "im Widerspruch zu" what someone holds ("Ihre Version steht im Widerspruch zu
    Dokumenten, die X vorliegen"): each person or organisation named after it disputes the
    claim. Only when a claim noun (Version, Darstellung, Angaben …) stands before it: plans or
    policies in contradiction to goals are criticism, not a reply."""
    if "widerspruch" not in token_words(doc).lowers[sentence.start : sentence.end]:
        return []  # the cheap test first: most sentences do not have the word
    for t in sentence:
        if t.lower_ != "widerspruch" or t.i in skip or t.i + 1 >= sentence.end:
            continue
        if t.i - 1 < sentence.start or doc[t.i - 1].lower_ != "im" or doc[t.i + 1].lower_ not in ("zu", "mit"):
            continue
        if not any(pos(x) == "NOUN" and x.lower_.startswith(anaphor_nouns()) for x in doc[sentence.start : t.i - 1]):
            continue
        holders = []
        for i in range(t.i + 2, sentence.end):
            c = index.get(i)
            if c is not None and c.type in ("person", "organization", "media", "agency") and c not in holders:
                holders.append(c)
        cue = doc[t.i - 1 : t.i + 1]
        return [
            Reply(Speaker(name=c.name, type=ENTITY_SPEAKER_TYPES[c.type], entity_id=c.id), "disputed", sentence, cue, sentence, narrated=True)
            for c in holders
        ]
    return []


def _first_finite(sentence: Span, skip: set[int]) -> int | None:
    return next((t.i for t in sentence if t.i not in skip and is_finite(t)), None)


def act_status(sentence: Span) -> tuple[str, Span] | None:
    """A phrase of reactions.tsv marked as an act ("denied-act"): it describes what the
    sentence's subject answers, so it counts outside quotes too."""
    return _first_phrase(sentence, act_phrases(language(sentence)))


def _negated_self_claim(t: Token, sentence: Span) -> bool:
    """"will X nicht kennen", "will nichts gewusst haben": the subject denies knowing."""
    if modal_reading(t, sentence) != CLAIM:
        return False
    start, end = clause_bounds(sentence, t.i)
    return any(x.lower_ in NEGATIONS for x in sentence.doc[start:end])


def _reacting(doc: Doc, sentence: Span, t: Token, skip: set[int], index: dict) -> list[Speaker]:
    """Who answers with the verb t: its subject, each of a coordinated subject, the person a
    pronoun stands for, the person named right after a self-claiming "will"."""
    end = clause_bounds(sentence, t.i)[1]
    first = next((x for x in sentence if not x.is_space and not x.is_punct), t)
    fronted = first.lower_ in PRONOUN_ANAPHORS and first.i + 1 == t.i  # "Das bestätigt X"
    if first.lower_ == "beide" and first.i + 1 == t.i:  # "Beide sagen Nein" (often tagged an adverb)
        return the_two(doc, first)
    subject = _coordinated_prefield(doc, sentence, t, index)
    if subject is None and modal_reading(t, sentence) == CLAIM:
        after = t.i + 1
        if after < end and after in index and index[after].type == "person":
            subject = doc[after : max(m.end for m in index[after].mentions if m.start == after)]
    if subject is None and not fronted:
        subject, _ = subject_of_main_clause(sentence, t, end, skip)
    if subject is None or fronted or "Acc" in subject[0].morph.get("Case"):
        # "Das bestätigt uns auch X", "Seinen Kompagnon verleugnet er": the object stands
        # first, the subject after the verb (past object pronouns)
        subject = _subject_after(doc, t.i + 1, end)
    if subject is None:
        return []
    if any(pos(x) == "NOUN" and x.lower_.startswith(anaphor_nouns()) for x in subject):
        return []  # "diese Darstellung" is what is answered, not who answers
    if len(subject) == 1 and subject[0].lower_ in PERSONAL:
        if "Plur" in t.morph.get("Number"):
            return []  # "sie leugnen": a group we cannot name
        speaker = last_person(doc, subject[0])
        return [speaker] if speaker is not None else []
    if pos(subject[-1]) == "PRON":
        return []
    return [named(resolve_mention(doc, m, index), m) for m in _conjuncts(doc, subject, index)]


def quote_reactors(doc: Doc, speaker: Speaker | None, mention: Span | None, sentence: Span) -> list[Speaker]:
    """Who answers with a quote: unless the sentence names its speaker, the person a reported
    question just before asked ("Ob er … sei? Ja, das sei er."), each person of a coordinated speaker ("Sowohl X als auch Y
    behaupten, nichts gewusst zu haben": two denials), the person an unresolved "er"/"sie"
    stands for (none if nobody is named before), else the speaker as the text names it (a role
    such as "der Vorsitzende des Vereins" is already linked to its holder by the entity resolver)."""
    if english(doc):
        return en.quote_reactors(doc, speaker, mention)
    named_here = mention is not None and sentence.start <= mention.start < sentence.end
    asked = asked_person(doc, sentence) if not named_here else None
    if asked is not None:
        return [asked]
    if mention is None:
        return [speaker] if speaker is not None else []
    if len(mention) == 1 and mention[0].lower_ in PERSONAL and speaker.entity_id is None:
        person = last_person(doc, mention[0])  # "Nein, das habe er nie getan": the person named before
        return [person] if person is not None else []
    index = mention_index(doc)
    parts = _conjuncts(doc, mention, index)
    if len(parts) >= 2 and all(index[p.start].type == "person" for p in parts):
        people = [(index[p.start], p) for p in parts]  # one entity each: its name, whatever the tagger says of "Keuter"
        return [Speaker(name=c.name, type="person", entity_id=c.id) for c, p in people]
    return [named(speaker, mention)]


def named(speaker: Speaker, mention: Span) -> Speaker:
    """The speaker as the text names it at this point, when the resolved entity's name differs:
    a full name in the mention ("Sebastian K." resolved to another "K."), or, for a short
    mention ("K."), the entity's last full-name mention before it. The text's own name is the
    safer answer than an entity that may have merged two people."""
    doc = mention.doc
    head = next((t for t in reversed(mention) if pos(t) in ("NOUN", "PROPN")), None)
    if speaker.type == "person" and head is not None and head.tag_ == "NN" and "Plur" in head.morph.get("Number"):
        # "Die beteiligten Politiker" are not one person, whatever entity a role word matched
        words_ = [t.text for t in mention if not t.is_punct]
        if words_ and words_[0].lower() in DEFINITE:
            words_ = words_[1:]
        return Speaker(name=" ".join(words_), type="anonymous")
    own = _full_name(mention)
    if own is None:
        index = mention_index(doc)
        cluster = index.get(mention[-1].i)
        earlier = [m for m in cluster.mentions if m.end <= mention.start] if cluster is not None else []
        own = next((n for m in reversed(earlier) if (n := _full_name(m)) is not None), None)
        if own is not None and (own.split()[-1] != mention[-1].text or len(own.split()) != len(speaker.name.split())):
            own = None  # only another first name for the same surname ("Sebastian K." vs "Jacek K.")
    if own is None or {w.lower() for w in own.split()} <= set(speaker.name.lower().split()):
        return speaker
    return Speaker(name=own, type=speaker.type if speaker.type != "unknown" else "person")


def _full_name(mention: Span) -> str | None:
    """The mention's text when it is one proper name of two words or more."""
    names = [t for t in mention if t.tag_ == "NE"]  # proper nouns by the tagger, not by case
    if len(names) < 2 or len(names) != sum(not t.is_punct for t in mention):
        return None
    if mention[0].ent_iob_ != "B" or any(t.ent_iob_ != "I" for t in mention[1:]):
        return None  # not one name ("Geyer Claas Relotius")
    return mention.text


def _subject_after(doc: Doc, start: int, end: int) -> Span | None:
    """The nominative noun phrase after the verb ("bestätigt uns am Dienstag auch Sebastian
    K."), past object pronouns, adverbs, adjectives and prepositional phrases."""
    k = start
    while k < end:
        t = doc[k]
        k += 1
        if t.lower_ in OBJECT_PRONOUNS or pos(t) in ("ADV", "ADJ", "PART"):
            continue
        if pos(t) == "ADP":
            np = noun_phrase(doc, t.i + 1)
            if np is None:
                return None
            k = np.end
            continue
        if t.lower_ in PERSONAL:
            return doc[t.i : t.i + 1]
        if pos(t) in ("NOUN", "PROPN", "DET") and "Nom" in t.morph.get("Case", ["Nom"]):
            return noun_phrase(doc, t.i)
        return None
    return None


def asked_person(doc: Doc, sentence: Span) -> Speaker | None:
    """The person a reported yes/no question right before the sentence asks ("Philipp H. geht
    ans Telefon. Ob er der Vorsitzende sei? Ja, das sei er."): in a reported interview the
    answer after the question is theirs. (German only: "Ob er … sei?")"""
    if english(doc):
        return None
    before = [s for s in sentences(line_span(doc, sentence.start_char), quoted_tokens(doc)) if s.end <= sentence.start]
    words = [t for t in before[-1] if not t.is_space] if before else []
    if len(words) < 3 or words[0].lower_ != "ob" or words[-1].text != "?":
        return None
    pronoun = next((t for t in words if t.lower_ in ("er", "sie")), None)
    return last_person(doc, pronoun) if pronoun is not None else None


def the_two(doc: Doc, pronoun: Token) -> list[Speaker]:
    """Who a subject "Beide" stands for: whichever comes last before it in the paragraph, a
    "beiden <Nomen>" ("fragt die beiden Männer … Beide sagen Nein": one group, named in the
    nominative, a dative plural "Männern" losing its -n) or two people joined by "und" ("Falk
    und Roth … Beide bestreiten das": each of them)."""
    line = line_span(doc, pronoun.idx)
    index = mention_index(doc)
    for t in reversed(doc[line.start : pronoun.i]):
        if t.lower_ == "und" and t.i > line.start and t.i + 1 < pronoun.i:
            left, right = index.get(t.i - 1), index.get(t.i + 1)
            if left is not None and right is not None and left is not right and left.type == right.type == "person":
                return [Speaker(name=c.name, type="person", entity_id=c.id) for c in (left, right)]
        if t.lower_ != "beiden" or t.i + 1 >= pronoun.i or pos(doc[t.i + 1]) != "NOUN":
            continue
        noun = doc[t.i + 1]
        word = noun.text
        if word.endswith(("ern", "eln")) and lemma(noun) != word.lower():  # not "Eltern"
            word = word[:-1]  # dative plural: "den beiden Männern" -> "die beiden Männer"
        return [Speaker(name=f"die beiden {word}", type="anonymous")]
    return []


def last_person(doc: Doc, pronoun: Token) -> Speaker | None:
    """The person a singular "er"/"sie" stands for: the person named last before its sentence,
    in the same paragraph ("… Relotius … Er bestreitet …")."""
    if pronoun.lower_ not in ("er", "sie") or "Plur" in pronoun.morph.get("Number"):
        return None
    line = line_span(doc, pronoun.idx)
    sent_start = next((s.start for s in [pronoun.sent] if pronoun.doc.has_annotation("SENT_START")), pronoun.i)
    people = [c for c in doc._.entities if c.type == "person"]
    last = [(c.last_before(sent_start), c) for c in people]
    last = [(i, c) for i, c in last if i >= line.start]
    if not last:
        return None
    i, best = max(last, key=lambda x: x[0])
    mention = next((m for m in best.mentions if m.start == i), None)
    speaker = Speaker(name=best.name, type="person", entity_id=best.id)
    return named(speaker, mention) if mention is not None else speaker


def principals(doc: Doc) -> dict[str, Speaker]:
    """Who a lawyer or spokesperson speaks for: "schreibt ein Anwalt im Auftrag von X", "im
    Namen von X". A reply made on someone's behalf is that person's reply (source key ->
    principal)."""
    from quellenlage.claims.claims import source_key

    out: dict[str, Speaker] = {}
    index = mention_index(doc)
    lang = language(doc)
    on, behalf, of = en.BEHALF if lang == ENGLISH else ({"im"}, {"auftrag", "namen"}, {"von", "des", "der"})
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


def _coordinated_prefield(doc: Doc, sentence: Span, verb: Token, index: dict) -> Span | None:
    """A coordinated subject before the verb ("Sowohl X als auch Y weisen … zurück"), which
    the verb-second subject finder stops short of."""
    pre = [x for x in doc[sentence.start : verb.i] if not x.is_space]
    if not any(x.lower_ in ("sowohl", "und", "sowie") for x in pre):
        return None
    glue = {"sowohl", "als", "auch", "und", "sowie", ",", *DEFINITE}
    if not all(x.i in index and index[x.i].type in ("person", "organization") or x.lower_ in glue for x in pre):
        return None  # "Seinen Kompagnon und Vorstand Jacek K. verleugnet er": no subject
    clusters = {id(index[x.i]) for x in pre if x.i in index}
    return doc[pre[0].i : verb.i] if len(clusters) >= 2 else None


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
    'keine dieser Geschichten von X' (up to the next punctuation), a leading 'das'/'dies' in
    a short reply or before a verb of answering ("Das bestätigte … X")."""
    doc = span.doc
    if english(doc):
        return _anaphor(
            span, en.is_anaphor_noun, en.DETERMINERS, en.POINTING_PRONOUNS, en.PRONOUN_ANAPHORS, en.FRONTED,
            lambda x: x.tag_ == "POS",  # "Smith 's claims"
        )
    return _anaphor(
        span, lambda t: pos(t) in ("NOUN", "PROPN") and t.lower_.startswith(anaphor_nouns()), DETERMINERS,
        POINTING_PRONOUNS, PRONOUN_ANAPHORS, frozenset({"das", "dies"}),
        lambda x: x.text.endswith("s") and pos(x) == "PROPN",  # "Woodwards Behauptungen"
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


@lru_cache(maxsize=None)
def charge_nouns(lang: str = GERMAN) -> tuple[str, ...]:
    return tuple(r[1] for r in rows(lang, "reactions.tsv") if r[0] == "charge")


def charged(doc: Doc, reply: Reply) -> bool:
    """Whether the article, before the reply, names charges against its speaker in one sentence
    ("Die Vorwürfe gegen Relotius sind massiv", "konfrontiert X mit dem Verdacht"): a
    confession after that answers them."""
    if reply.by.entity_id is None or not doc.has_annotation("SENT_START"):
        return False
    index = mention_index(doc)
    for sent in doc[: reply.sentence.start].sents:
        if any(pos(t) == "NOUN" and t.lower_.startswith(charge_nouns(language(doc))) for t in sent) and any(
            t.i in index and index[t.i].id == reply.by.entity_id for t in sent
        ):
            return True
    return False


def is_plural(phrase: Span) -> bool:
    """'die Angaben', 'keine dieser Geschichten' point at several claims; 'das' at one."""
    if english(phrase):
        nouns = [t for t in phrase if en.is_anaphor_noun(t)]
        return bool(nouns) and ("Plur" in nouns[0].morph.get("Number") or nouns[0].lower_.endswith("s"))
    nouns = [t for t in phrase if t.lower_.startswith(anaphor_nouns())]
    if not nouns:
        return False
    return "Plur" in nouns[0].morph.get("Number") or nouns[0].lower_.endswith("en")
