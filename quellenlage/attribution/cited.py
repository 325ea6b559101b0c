"""Sources an article relies on without a quote of theirs (ANNOTATION.md §3), by the German
conventions that name them:

- frames with no reported clause: "Für Fotografen gibt es laut X 40 Euro", "nach Recherchen
  des Rechercheverbunds diente die Spende …";
- unnamed groups whose view or expectation is reported: "Analysten hatten mit … gerechnet",
  "…, glauben Kritiker", "mehr als viele Analysten erwartet hatten";
- documents: the one a statement was made in ("schrieben die Prüfer in einem Sondergutachten"),
  one that shows something ("Interne Dokumente deuten darauf hin, dass …"), one the newsroom
  holds ("eine Abmahnung, die uns vorliegt", "die dem Blatt vorliegenden Akten"), one a fact
  comes from ("wie aus dem Bericht hervorgeht"), a public register ("im Handelsregister"), a
  legal rule ("Das Parteiengesetz erlaubt …", "Richtlinie 2014/79/EU"), and who a document is
  by ("nach einem Urteil des Landgerichts Berlin");
- the programme an interview or statement was in ("ein Interview im Heute Journal");
- who gives an estimate ("X schätzt den Wert auf …") or declines to answer ("X wollte sich
  nicht äußern");
- citations in parentheses: "„…“ (Wikipedia)", "(Staufenbiel 1997)", "nach Staufenbiel (1997)".

`CitedSources.find` returns (mention, name, type) triples; `SourceCollector` adds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.frames import PREPOSITIONAL_RULES, Frame, FrameFinder, passive, source_type_of, subject_of_main_clause, verb_cue
from quellenlage.attribution.lines import body_lines
from quellenlage.attribution.sentences import sentences
from quellenlage.extensions import token_words
from quellenlage.lang.de.grammar import (
    DEFINITE,
    INDEFINITE,
    POSSESSIVE,
    SUBORDINATORS,
    clause_bounds,
    cue_verbs,
    frame_nouns_lower,
    is_finite,
    lemma,
    media_names,
    noun_phrase,
    noun_phrase_ending,
    person_nouns,
    pos,
    pos_tags,
    source_nouns,
    speech_nouns,
    time_nouns,
    verb_lemmas,
)
from quellenlage.lexicons import grouped

LANG = "de"
VERBAL = ("VERB", "AUX")
CONTENT_OR_FRAME = frozenset({"dass", "ob", "wie"})  # what a verb of evidence needs in its sentence
TAKING_UP = frozenset({"dies", "das", "es", "dieses"})  # "Dies geht aus … hervor"
QUOTE_MARKS = frozenset("„“”»«\"")
DATIVE_PRONOUNS = frozenset({"uns", "mir", "ihm", "ihr", "ihnen"})
NEGATIONS = frozenset({"nicht", "nie", "niemals", "keine", "keinen", "keiner"})
# Prepositions that place a statement in a document or programme: "in einem Gutachten", "im Heute Journal".
IN_PREPOSITIONS = frozenset({"in", "im"})
# A surname (or two, or "et al.") and a year: the author-year citation of academic writing.
AUTHOR = r"[A-ZÄÖÜ][\w-]+(?:\s+(?:et al\.|und|&)\s*(?:[A-ZÄÖÜ][\w-]+)?)?"
YEAR = r"(?:1[89]|20)\d\d[a-z]?"
CITATION_IN_PARENTHESES = re.compile(rf"\(({AUTHOR}),?\s+({YEAR})\)")
CITATION_AFTER_CUE = re.compile(rf"\b(?:nach|laut|gemäß|vgl\.|siehe)\s+({AUTHOR})\s+\(({YEAR})\)")
# The source named in parentheses right after a closing quotation mark: "„…“ (Wikipedia)".
SOURCE_AFTER_QUOTE = re.compile(r"[“”\"«»]\s*\(([A-ZÄÖÜ][\w.&-]*(?:\s+[A-ZÄÖÜ][\w.&-]*){0,3})\)")
MIN_CITED_WORDS = 4  # a quotation, not a quoted name, before an unknown source in parentheses
PRESENT_PARTICIPLE = re.compile(r"nde[nmrs]?$")
HELD = frozenset({"vorliegen"})  # "Dokumente, die uns vorliegen"
EMERGES = frozenset({"hervorgehen"})  # "Dies geht aus dem Bericht hervor"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    return {kind: frozenset(values) for kind, values in grouped(LANG, "cited_sources.tsv").items()}


def is_document(t: Token) -> bool:
    """A noun for a document or a finding: "Dokumente", "Sondergutachten", "Tests"; a
    compound by a last part of six letters or more ("Zwischenbericht", not "Protest")."""
    if pos(t) not in ("NOUN", "PROPN"):
        return False
    return _names_document(lemma(t), t.lower_)


@lru_cache(maxsize=16384)
def _names_document(word: str, lower: str) -> bool:
    nouns = _lexicon()["document"]
    if word in nouns or lower in nouns or word.rsplit("-", 1)[-1] in nouns:
        return True
    return any(len(n) >= 6 and word.endswith(n) for n in nouns)


def _head(np: Span) -> Token | None:
    """The head noun of a German noun phrase: its first noun ("Tests des Geräts")."""
    return next((t for t in np if pos(t) == "NOUN"), None)


def is_unnamed_group(np: Span) -> bool:
    """"Analysten", "viele Medien", "Kritiker", "einige Fachleute": a plural of people or
    outlets with no article and no name — an anonymous source by convention."""
    words_ = [t for t in np if not (t.is_punct or t.is_space)]
    head = _head(np)
    if not words_ or head is None or any(t.lower_ in DEFINITE | INDEFINITE | POSSESSIVE for t in words_ if t.i < head.i):
        return False  # "die Analysten", "zwei der Männer": not an open group
    if any(t.ent_type_ == "PER" or pos(t) == "PROPN" for t in words_):
        return False
    inflected = head.lemma_ and head.text != head.lemma_ and head.lower_.endswith(("e", "n", "s", "r"))
    if head.morph.get("Number") != ["Plur"] and not inflected or any(pos(t) == "NOUN" for t in words_ if t.i > head.i):
        return False
    if any(pos(t) not in ("ADJ", "DET", "PRON", "NUM") and t.lower_ not in _lexicon()["group"] for t in words_ if t.i < head.i):
        return False
    word = lemma(head)
    nouns = source_nouns()
    kind = nouns.get(word) or nouns.get(head.lower_) or next(
        (k for n, k in nouns.items() if len(n) >= 5 and (word.endswith(n) or head.lower_.endswith(n))), None
    )
    return kind in ("person", "anonymous", "media", "organization") or word in person_nouns() or head.lower_ in person_nouns()


def _nominative(np: Span) -> bool:
    """Not marked dative by the tagger ("sagte Reportern"); its accusatives are unreliable."""
    head = _head(np)
    return head is None or head.morph.get("Case") != ["Dat"]


def _named(t: Token) -> bool:
    """A capitalised name-like word ("Flixbus", which the tagger may call a noun)."""
    return t.text[:1].isupper() and pos(t) in ("PROPN", "NOUN", "X")


def _with_examples(doc: Doc, np: Span) -> Span:
    """"Bahn-Konkurrenten wie Flixbus": the examples named after 'wie' belong to the group."""
    k = np.end
    if k + 1 < len(doc) and doc[k].lower_ == "wie" and _named(doc[k + 1]):
        k += 1
        while k < len(doc) and (_named(doc[k]) or doc[k].lower_ in ("und", "oder") and k + 1 < len(doc) and _named(doc[k + 1])):
            k += 1
        return doc[np.start : k]
    return np


def _group_subjects(sent: Span, skip: set[int]) -> Iterator[Span]:
    """Unnamed groups as the subjects of verbs of saying, thinking or expecting: after the
    finite verb ("glauben Kritiker"), at the clause start ("Analysten hatten … gerechnet",
    "Konkurrenten wie Flixbus fürchten …") or in a verb-final clause ("als Analysten erwartet hatten")."""
    doc = sent.doc
    for t in _candidates(sent, skip, tags=VERBAL):
        cue = verb_cue(t, sent)
        if cue is None or cue_verbs()[cue[0]][0] == "thought" and cue[0] not in _lexicon()["view_verb"]:
            continue  # "Parteifunktionäre wussten davon": knowing is no view that is reported
        start = clause_bounds(sent, t.i)[0]
        while start < t.i and (doc[start].is_punct or doc[start].is_space or pos(doc[start]) == "CCONJ"):
            start += 1
        candidates = []
        inverted = t.i > start and (doc[t.i - 1].is_punct or pos(doc[start]) in ("ADP", "ADV"))
        after = noun_phrase(doc, t.i + 1) if is_finite(t) and t.i + 1 < sent.end and (inverted or t.i == start) else None
        if after is not None and _nominative(after):
            candidates.append(after)  # "…, glauben Kritiker", not "X forderte alle Bewohner auf", "sagte Reportern"
        verb_final = doc[start].lower_ in SUBORDINATORS | {"als"}
        candidates.append(noun_phrase(doc, start + 1 if verb_final else start))
        before = noun_phrase_ending(doc, t.i, start)
        if before is not None and before.start > start and doc[before.start - 1].lower_ == "wie":
            before = noun_phrase_ending(doc, before.start - 1, start)  # "Konkurrenten wie Flixbus fürchten"
        if before is not None and (verb_final or before.start == start):
            candidates.append(before)
        end = clause_bounds(sent, t.i)[1]
        if passive(doc, start, end) or any(x.tag_ == "VMFIN" for x in doc[start:end]):
            continue  # "Alle Beamten wurden gewarnt", "Paare dürfen … schließen": no group speaks
        finite = t if is_finite(t) else next((x for x in doc[t.i : end] if is_finite(x)), None)
        if finite is not None and not (finite.lower_.endswith("n") or finite.lower_ == "sind"):
            continue  # "Ärzte ohne Grenzen teilte mit": a verb in the singular has no group as subject
        for np in candidates:
            if np is not None and not any(i in skip for i in range(np.start, np.end)) and is_unnamed_group(np):
                yield _with_examples(doc, np)
                break


def _verb_is(t: Token, sent: Span, verbs: frozenset[str]) -> bool:
    """The verb is one of `verbs`, by its lemma or the infinitives its form allows (the
    tagger's lemma can be wrong: "deuten" -> "deuen"), with a separated particle at the clause
    end ("deuten … hin" -> "hindeuten") or joined ("vorliegen")."""
    if not _may_be(lemma(t), t.text, verbs):
        return False  # no form is one of the verbs or what is left of one without its particle
    forms = (lemma(t), *verb_lemmas(t.text))
    end = clause_bounds(sent, t.i)[1]
    while end - 1 > t.i and (sent.doc[end - 1].is_punct or sent.doc[end - 1].is_space):
        end -= 1
    last = sent.doc[end - 1]
    particle = last.lower_ if end - 1 > t.i and last.tag_ == "PTKVZ" else ""
    return any(particle + c in verbs for c in forms)


@lru_cache(maxsize=65536)
def _may_be(lem: str, text: str, verbs: frozenset[str]) -> bool:
    """Some form of the word (its lemma `lem`, the infinitives its spelling allows) is one of
    `verbs` or an ending of one: the test of `_verb_is` before the clause, once per word."""
    return any(c in _endings(verbs) for c in (lem, *verb_lemmas(text)))


def _candidates(sent: Span, skip: set[int], verbs: frozenset[str] | None = None, tags: tuple[str, ...] | None = None) -> Iterator[Token]:
    """The tokens of a sentence outside `skip` whose words may be one of `verbs` (`_may_be`)
    and whose POS is one of `tags`: tested on the Doc's word lists, made Tokens only then."""
    doc = sent.doc
    words, poses = token_words(doc), pos_tags(doc)
    for i in range(sent.start, sent.end):
        if i in skip or tags is not None and poses[i] not in tags or verbs is not None and not _may_be(words.lemmas[i], words.texts[i], verbs):
            continue
        yield doc[i]


@lru_cache(maxsize=64)
def _endings(verbs: frozenset[str]) -> frozenset[str]:
    """Every verb of `verbs` and every ending of it of three letters or more: a cheap test that
    rules out most words before the clause is searched for a separated particle."""
    return frozenset(v[k:] for v in verbs for k in range(max(1, len(v) - 2)))


def _document_phrase(doc: Doc, i: int) -> Span | None:
    """The noun phrase at token i when a document noun heads it."""
    np = noun_phrase(doc, i)
    head = _head(np) if np is not None else None
    return np if head is not None and is_document(head) else None


def _evidence(sent: Span, skip: set[int]) -> Iterator[Span]:
    """A document that shows something: "Interne Dokumente deuten darauf hin, dass …", "wie die
    Akten belegen"; the verb must carry a content clause or stand in a 'wie' clause."""
    doc = sent.doc
    verbs = _lexicon()["evidence_verb"]
    if CONTENT_OR_FRAME.isdisjoint(token_words(doc).lowers[sent.start : sent.end]):
        return  # the verb needs a content clause or a 'wie' clause
    for t in _candidates(sent, skip, verbs, VERBAL):
        if not _verb_is(t, sent, verbs):
            continue
        start = clause_bounds(sent, t.i)[0]
        while start < t.i and (doc[start].is_punct or doc[start].is_space or pos(doc[start]) == "CCONJ"):
            start += 1
        as_frame = doc[start].lower_ == "wie"
        if not as_frame and not any(x.lower_ in ("dass", "ob") for x in doc[t.i : sent.end]):
            continue
        np = _document_phrase(doc, start + 1 if as_frame else start)
        if np is None or np.end != t.i:
            before = noun_phrase_ending(doc, t.i, start)
            np = before if before is not None and (head := _head(before)) is not None and is_document(head) else None
        if np is not None and not any(i in skip for i in range(np.start, np.end)):
            yield np


def _holder(doc: Doc, k: int) -> bool:
    """Token k names who holds a document: a dative pronoun ("liegt uns vor") or a known outlet
    or name ("liegt dem SPIEGEL vor", "liegt CORRECTIV vor")."""
    t = doc[k]
    return t.lower_ in DATIVE_PRONOUNS or t.ent_type_ in ("ORG", "PER") or (
        pos(t) == "PROPN" and k > 0 and doc[k - 1].lower_ in ("dem", "der", "und", ",")
    )


def _held(sent: Span, skip: set[int]) -> Iterator[Span]:
    """A document the newsroom or someone named holds: "Dokumente, die CORRECTIV vorliegen",
    "die uns vorliegende Abmahnung", "Ein Brief liegt der Zeitung vor". Without a holder
    ("das vorliegende Schreiben", "im vorliegenden Fall") 'vorliegend' only means 'this'."""
    doc = sent.doc
    words = token_words(doc)
    lowers = words.lowers
    for i in range(sent.start, sent.end):
        if i in skip or not (lowers[i].startswith("vorliegend") or _may_be(words.lemmas[i], words.texts[i], HELD)):
            continue  # neither 'vorliegend' nor a form of 'vorliegen'
        t = doc[i]
        if lowers[t.i].startswith("vorliegend") and pos(t) == "ADJ" and t.i > sent.start:
            holder = doc[t.i - 1]
            noun = next((x for x in doc[t.i + 1 : min(t.i + 4, sent.end)] if pos(x) in ("NOUN", "PROPN")), None)
            if noun is not None and is_document(noun) and holder.lower_ not in DEFINITE | INDEFINITE | POSSESSIVE and pos(holder) != "DET":
                yield doc[noun.i : noun.i + 1]
            continue
        if not _verb_is(t, sent, HELD):
            continue
        start = clause_bounds(sent, t.i)[0]
        first = doc[start]
        if first.lower_ in ("die", "der", "das", "den") and start - 1 > sent.start and doc[start - 1].text == ",":
            if t.i - start < 2:
                continue  # "…, die vorliegt": no holder
            np = noun_phrase_ending(doc, start - 1, sent.start)
            head = _head(np) if np is not None else None
            if head is not None and is_document(head):
                yield doc[head.i : np.end]
            continue
        end = clause_bounds(sent, t.i)[1]
        if not any(_holder(doc, k) for k in range(start, end) if k != t.i):
            continue  # "Nun liegt die Begründung vor": available, held by no one named
        for k in range(start, end):
            np = _document_phrase(doc, k) if doc[k].lower_ in INDEFINITE | DEFINITE else None
            if np is not None:
                yield np
                break


def _origin(sent: Span, skip: set[int]) -> Iterator[Span]:
    """What a fact comes from: "wie aus einer Abmahnung hervorgeht", "Aus den Akten geht hervor"."""
    doc = sent.doc
    if "aus" not in token_words(doc).lowers[sent.start : sent.end]:
        return  # what a fact comes from is named with 'aus'
    for t in _candidates(sent, skip, EMERGES):
        if not _verb_is(t, sent, EMERGES):
            continue
        start, end = clause_bounds(sent, t.i)
        content = doc[start].lower_ == "wie" or any(x.lower_ in ("dass", "ob") for x in doc[t.i : sent.end]) or any(
            x.lower_ in TAKING_UP for x in doc[start:end]
        )
        if not content:
            continue  # "ging als Sieger aus der Wahl hervor": emerging, not evidence
        for k in range(start, end):
            if doc[k].lower_ == "aus" and k + 1 < end:
                np = noun_phrase(doc, k + 1)
                if np is not None and _head(np) is not None:
                    yield np
                break


def _written_in(sent: Span, frames: list[Frame], skip: set[int], outlets: dict[int, Span]) -> Iterator[Span]:
    """The document or programme a statement was made in: "schrieben die Prüfer in einem
    Sondergutachten", "wurde in der Talkshow gefragt", "ein Interview, das sie im Heute Journal
    gab"; not a duty ("muss es in ihren Berichten offenlegen"), a personal message ("antwortete
    in einer Mail") or a view ("ist im Magazin zu sehen")."""
    doc = sent.doc
    cues = [f.cue[0] for f in frames if f.rule == "hearsay" or f.rule == "verb" and f.verb_class != "thought"]
    words, tags = token_words(doc), pos_tags(doc)
    statement = _lexicon()["statement_verb"]
    cues += [doc[i] for i in range(sent.start, sent.end) if i not in skip and (
        tags[i] in VERBAL and _may_be(words.lemmas[i], words.texts[i], statement) and _verb_is(doc[i], sent, statement)
        or tags[i] == "NOUN" and words.lemmas[i] in _lexicon()["appearance"]
    )]
    for cue in cues:
        start, end = clause_bounds(sent, cue.i)
        if pos(cue) == "NOUN" and end < sent.end and doc[end].text == ",":
            end = clause_bounds(sent, end + 1)[1]  # "ein Interview, das sie im Heute Journal gab"
        if any(x.tag_ == "VMFIN" for x in doc[start:end]):
            continue
        for k in range(start, end - 1):
            if doc[k].lower_ not in IN_PREPOSITIONS or k + 1 in skip or _direction(doc, k):
                continue
            at = k + 2 if doc[k + 1].lower_ in DEFINITE and k + 2 < end else k + 1
            if at in outlets:  # a known outlet, whatever the tagger made of its words ("im Heute Journal")
                yield outlets[at]
                continue
            np = noun_phrase(doc, k + 1)
            head = _head(np) if np is not None else None
            if np is None or head is not None and lemma(head).rsplit("-", 1)[-1] in _lexicon()["message"]:
                continue
            if head is not None and is_document(head) or source_type_of(np) == "media":
                yield np


def _direction(doc: Doc, k: int) -> bool:
    """'in die Unterlagen' (accusative): a direction, not where something was said."""
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    if doc[k].lower_ != "in" or nxt is None:
        return False
    if nxt.lower_ == "den":
        noun = next((x for x in doc[k + 2 : k + 6] if pos(x) == "NOUN"), None)
        return noun is None or noun.morph.get("Number") != ["Plur"]  # "in den Tagesthemen" is dative
    return nxt.lower_ in ("die", "das", "eine", "einen", "ins")


def _statement_noun(t: Token) -> bool:
    """A noun for what someone said ("Forderung", "Kernforderung", "Kritik"; speech_nouns.tsv, class speech)."""
    if pos(t) != "NOUN" or t.lower_ in frame_nouns_lower():
        return False  # "nach Angaben des Leiters" is a frame of its own
    return _names_statement(t.lower_)


@lru_cache(maxsize=16384)
def _names_statement(word: str) -> bool:
    nouns = _statement_nouns()
    return word in nouns or any(len(n) >= 6 and word.endswith(n) for n in nouns)


@lru_cache(maxsize=1)
def _statement_nouns() -> frozenset[str]:
    return frozenset(n.lower() for n, kind in speech_nouns().items() if kind == "speech")


def _authors(sent: Span, skip: set[int]) -> Iterator[tuple[Span, bool]]:
    """Who a document or a statement is by: "nach einem Urteil des Landgerichts Berlin", "die
    Studie der Universität Mannheim", "die Kernforderung der 14 Manager" — a named or
    institutional owner in the genitive, or a described one of a statement; with whether it is
    a description to be named as it stands."""
    doc = sent.doc
    lowers = token_words(doc).lowers
    for i in range(sent.start, sent.end - 2):
        if lowers[i + 1] not in ("des", "der") or i in skip:
            continue
        t = doc[i]
        statement = _statement_noun(t)
        if not (statement or is_document(t)):
            continue
        owner = noun_phrase(doc, t.i + 1)
        if owner is None or any(i in skip for i in range(owner.start, owner.end)):
            continue
        head = _head(owner)
        if head is not None:  # "der Bundesregierung Mehrkosten": a name may follow the head, no other noun
            end = next((x.i for x in doc[head.i + 1 : owner.end] if not (x.text[:1].isupper() and pos(x) in ("PROPN", "X"))), owner.end)
            owner = doc[owner.start : end]
        named = any(x.ent_type_ in ("PER", "ORG") or pos(x) == "PROPN" for x in owner)
        kind = source_type_of(owner)
        institution = head is not None and head.morph.get("Number") != ["Plur"] and kind in ("organization", "media", "agency")
        if named or institution:  # not "die Statistik der Führungen"
            yield owner, institution and not any(x.ent_type_ == "PER" for x in owner)
        elif statement and kind in ("person", "anonymous"):
            # "die Vorwürfe der Ermittler" names a group as it stands; "die Kritik des Vorsitzenden" someone to resolve
            yield owner, head is not None and head.morph.get("Number") == ["Plur"]


# A legal act by its number: "Richtlinie 2014/79/EU", "Verordnung (EU) 2016/679".
LEGAL_ACT = re.compile(r"\b(?:Richtlinie|Verordnung|Durchführungsverordnung|Beschluss)\s+(?:\((?:EU|EG|EWG)\)\s+)?(?:Nr\.\s*)?\d{1,4}/\d{1,4}(?:/(?:EU|EG|EWG))?")


def _is_norm(t: Token) -> bool:
    """"Parteiengesetz", "Richtlinie", "Grundgesetz": a legal rule."""
    word = lemma(t)
    return pos(t) in ("NOUN", "PROPN") and any(word == n or len(n) >= 6 and word.endswith(n) for n in _lexicon()["norm"])


def _norms(sent: Span, skip: set[int]) -> Iterator[Span]:
    """A rule cited as the authority for what is allowed or required: "Das Parteiengesetz
    erlaubt es Vereinen, …" (the rule is the subject before its verb)."""
    doc = sent.doc
    verbs = _lexicon()["norm_verb"]
    for t in _candidates(sent, skip, verbs):
        if not is_finite(t) or not _verb_is(t, sent, verbs):
            continue
        np = noun_phrase_ending(doc, t.i, clause_bounds(sent, t.i)[0])
        head = _head(np) if np is not None else None
        if head is not None and _is_norm(head) and not any(i in skip for i in range(np.start, np.end)):
            yield np


def _estimates(frames: list[Frame]) -> Iterator[Span]:
    """Who gives an estimate: "Die Organisation X schätzt den Wert auf gut 600.000 Euro"."""
    for frame in frames:
        doc = frame.cue.doc
        start, end = frame.clause
        if frame.lemma in _lexicon()["estimate_verb"] and frame.speaker is not None and any(
            x.lower_ == "auf" for x in doc[frame.cue.end : end]
        ):
            yield frame.speaker


def _declined(sent: Span, skip: set[int]) -> Iterator[Span]:
    """Who was asked and declined: "Der Verein wollte die Frage nicht beantworten", "Die
    Firma äußerte sich dazu nicht" — the one asked is a source of the article all the same."""
    doc = sent.doc
    if NEGATIONS.isdisjoint(token_words(doc).lowers[sent.start : sent.end]):
        return  # declining is said with a negation
    for t in _candidates(sent, skip, _lexicon()["answer_verb"], VERBAL):
        if not _verb_is(t, sent, _lexicon()["answer_verb"]):
            continue
        start, end = clause_bounds(sent, t.i)
        if not any(x.lower_ in NEGATIONS for x in doc[start:end]) or doc[start].lower_ in SUBORDINATORS or passive(doc, start, end):
            continue  # "Anfragen wurden nicht beantwortet": no one named
        finite = next((x for x in doc[start:end] if is_finite(x)), None)
        if finite is not None:
            subject = subject_of_main_clause(sent, finite, end, skip)[0]
            if subject is not None and not any(i in skip for i in range(subject.start, subject.end)):
                yield subject


def _records(sent: Span, skip: set[int]) -> Iterator[tuple[Span, str]]:
    """Public registers looked up: "im Handelsregister", "weder im Handels- noch im Vereinsregister"
    (a truncated compound is completed by the register it shares its last part with)."""
    doc = sent.doc
    records = _lexicon()["record"]
    texts, lowers = token_words(doc)[:2]
    for i in range(sent.start, sent.end):
        if i in skip:
            continue
        text = texts[i]
        if lowers[i] in records:
            yield doc[i : i + 1], text
        elif text.endswith("-") and len(text) > 2 and any(x in records for x in lowers[i + 1 : min(i + 5, sent.end)]):
            stem = text[:-1]
            full = next((r for r in sorted(records) if r.startswith(stem.lower()) and len(r) > len(stem)), None)
            if full is not None:
                yield doc[i : i + 1], stem + full[len(stem) :]


def base_name(np: Span) -> str:
    """A phrase as a name in the nominative, without its article: "einer Abmahnung" ->
    "Abmahnung", "Dokumenten" -> "Dokumente", "des Landgerichts Berlin" -> "Landgericht Berlin",
    "Erste Tests des Geräts" stays."""
    head = _head(np)
    if head is None:
        words_ = [t.text for t in np if not (t.is_punct or t.lower_ in DEFINITE | INDEFINITE | POSSESSIVE)]
        return " ".join(words_) or np.text
    cases = set(head.morph.get("Case"))
    plural = head.morph.get("Number") == ["Plur"]
    word = head.text
    if plural and head.text.endswith("n") and lemma(head) + "e" == head.lower_[:-1] and head.morph.get("Gender") != ["Fem"]:
        word = head.text[:-1]  # the dative plural "-n": "Dokumenten" (not "Abmahnungen")
    elif not plural and cases & {"Gen", "Dat"} and head.lemma_ and head.lemma_[:3] == head.text[:3]:
        word = head.lemma_[:1].upper() + head.lemma_[1:]
    # adjectives, not present participles ("die vorliegenden Dokumente", "folgende")
    first = next((t for t in np if t.lower_ not in DEFINITE | INDEFINITE | POSSESSIVE), head)
    if first.i > 0 and _named(np.doc[first.i - 1]):
        first = head  # "Frontal 21 vorliegenden Dokumente": the number ends a name before the phrase
    before = [t.text for t in np if t.i < head.i and (pos(t) == "ADJ" or pos(t) == "NUM" and t.i == first.i) and not cases & {"Gen", "Dat"} and not PRESENT_PARTICIPLE.search(t.lower_)]
    after = "".join(t.text_with_ws for t in np.doc[head.i + 1 : np.end] if t.text not in QUOTE_MARKS).strip()
    return " ".join([*before, word] + ([after] if after else []))


def _abbreviates(short: str, words: str) -> bool:
    """'BAR' abbreviates 'Bündnis für Arbeit und Recht': its letters are initials of the words, in order."""
    if not short.isupper():
        return False
    initials = iter(w[0].upper() for w in words.split() if w[:1].isalpha())
    return all(letter in initials for letter in short if letter.isalpha())


def _citations(doc: Doc, line_start: int, text: str) -> Iterator[tuple[Span, str]]:
    """Author-year citations and the source in parentheses after a quotation."""
    for rx in (CITATION_IN_PARENTHESES, CITATION_AFTER_CUE):
        for m in rx.finditer(text):
            author, year = m.group(1), m.group(2)
            span = doc.char_span(line_start + m.start(1), line_start + m.end(1), alignment_mode="expand")
            if span is None or author.split()[0].lower() in _lexicon()["not_author"] | time_nouns():
                continue
            if any(pos(t) == "NOUN" and not t.ent_type_ for t in span[:1]) and rx is CITATION_IN_PARENTHESES:
                continue  # "(Gründung 1997)": a noun and a year, no author
            yield span, f"{author} ({year})"
    for m in SOURCE_AFTER_QUOTE.finditer(text):
        name = m.group(1)
        opening = max(text.rfind(mark, 0, m.start()) for mark in "„»\"“")
        quoted = text[opening + 1 : m.start()]
        words_ = doc.char_span(line_start + opening + 1, line_start + m.start(), alignment_mode="expand")
        said = words_ is not None and any(pos(t) in ("VERB", "AUX") for t in words_)
        if name not in media_names() and (len(quoted.split()) < MIN_CITED_WORDS or not said or _abbreviates(name, quoted)):
            continue  # „Roude Léiw“ (Roten Löwen), „Woche des verbotenen Buches“ (Banned Books Week): a quoted name
        span = doc.char_span(line_start + m.start(1), line_start + m.end(1), alignment_mode="expand")
        if span is not None and name.split()[0].lower() not in _lexicon()["not_author"] and not any(t.like_num for t in span):
            yield span, name


class CitedSources:
    """Finds the cited sources of a Doc's body; `frames` is shared with the caller's finder."""

    def __init__(self, frames: FrameFinder) -> None:
        self.frames = frames

    def find(self, doc: Doc, quoted: set[int]) -> list[tuple[Span, str | None, str | None]]:
        """(mention, name or None to resolve it, type when it cannot be resolved)."""
        out: list[tuple[Span, str | None, str | None]] = []
        outlets = {m.start: m for e in doc._.entities if e.type in ("media", "agency") for m in e.mentions}
        for line in body_lines(doc):
            span = doc.char_span(line.start, line.start + len(line.text), alignment_mode="expand")
            if span is None:
                continue
            for mention, name in _citations(doc, line.start, line.text):
                out.append((mention, name, "document"))
            for m in LEGAL_ACT.finditer(line.text):
                act = doc.char_span(line.start + m.start(), line.start + m.end(), alignment_mode="expand")
                if act is not None:
                    out.append((act, m.group(0), "document"))
            for sent in sentences(span, quoted):
                frames = self.frames.find(sent, skip=quoted)
                out.extend((np, None, None) for np in _estimates(frames))
                out.extend((np, None, None) for np in _declined(sent, quoted))
                out.extend((np, base_name(np), "document") for np in _norms(sent, quoted))
                for frame in frames:
                    if frame.rule in PREPOSITIONAL_RULES - {"so"} and frame.speaker is not None:
                        out.append((frame.speaker, None, None))  # "laut X", "X zufolge" with no report
                    out.extend((via, None, None) for via in frame.via)
                out.extend((np, np.text, "anonymous") for np in _group_subjects(sent, quoted))  # the subject: nominative
                for finder in (_evidence, _held, _origin):
                    out.extend((np, base_name(np), "document") for np in finder(sent, quoted))
                for np in _written_in(sent, frames, quoted, outlets):
                    media = source_type_of(np) == "media"  # a programme: "in der Talkshow X"
                    quoted_name = any(c in np.text for c in "„“”»«\"")  # 'im Fachblatt „La Gazzetta“': the title names it
                    out.append((np, None if quoted_name else base_name(np), "media" if media else "document"))
                # registers and authors also in a quotation: its speaker relies on them
                out.extend((mention, name, "document") for mention, name in _records(sent, set()))
                for owner, described in _authors(sent, set()):  # a description as it stands, a name by its entity
                    stype = source_type_of(owner)
                    stype = "anonymous" if stype == "person" else stype
                    out.append((owner, base_name(owner) if described else None, stype if described else None))
        return out
