"""The German claim rules (`quellenlage.claims.language.ClaimRules`): the decisions of the claims
layer and the source collector that read STTS tags, the Konjunktiv, verb-second order and the
German word lists.
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.cited import CitedSources, is_unnamed_group
from quellenlage.attribution.frames import FrameFinder, source_type_of, subject_of_main_clause, verb_cue
from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.attribution.sources import WEB_ADDRESS
from quellenlage.attribution.speakers import ENTITY_SPEAKER_TYPES, mention_index, resolve_mention
from quellenlage.claims import hedges
from quellenlage.claims.headline import loaded_words, mostly_quoted
from quellenlage.claims.reactions import Reply, act_status, admits_more
from quellenlage.claims.terms import MIN_AFFIX, MIN_PART
from quellenlage.extensions import token_words
from quellenlage.lang.de.grammar import (
    DEFINITE,
    PARTICLES,
    PERSONAL_PRONOUNS,
    POSSESSIVE,
    clause_bounds,
    cue_verbs,
    frame_nouns_lower,
    is_konjunktiv1,
    noun_phrase,
    speech_nouns,
    strip_genitive,
    verb_lemmas,
)
from quellenlage.lang.de.grammar import INDEFINITE as INDEFINITE
from quellenlage.lang.de.grammar import is_finite as is_finite
from quellenlage.lang.de.grammar import is_quote_char as is_quote_char
from quellenlage.lang.de.grammar import lemma as lemma
from quellenlage.lang.de.grammar import media_names as media_names
from quellenlage.lang.de.grammar import pos as pos
from quellenlage.lang.de.grammar import source_nouns as source_nouns
from quellenlage.lang.de.modals import CLAIM, HEARSAY, INTENTION, modal_reading
from quellenlage.lang.de.modals import distancing_modal as distancing_modal
from quellenlage.lexicons import grouped, patterns, rows, words
from quellenlage.names import is_first_name
from quellenlage.schema import Speaker

LANG = "de"
# Verbs that carry tense, voice or modality, not content.
LIGHT_VERBS = frozenset(
    "haben sein werden lassen machen tun geben kommen gehen stehen bleiben sollen wollen müssen "
    "können dürfen mögen möchten".split()
)
ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
MIN_COMPOUND = 8  # letters of a word worth splitting
MIN_HEAD = 4  # letters of a compound's head
LINKING = ("", "s", "es", "n", "en", "e", "er")  # Fugenelemente at the end of a modifier


@lru_cache(maxsize=1)
def hedge_patterns() -> list[tuple[str, Pattern[str]]]:
    return patterns(LANG, "hedges.tsv")


def reported_mood(span: Span) -> Token | None:
    """The first finite Konjunktiv I."""
    for t in span:
        if is_finite(t) and is_konjunktiv1(t):  # a finite verb: the tagger may call 'diese' a verb
            return t
    return None


# --- terms ----------------------------------------------------------------------------------


def stem(word: str) -> str:
    """Lower case minus one inflectional ending (a light stemmer: the same for headline and
    body, which is all matching needs); genitive names lose the -s."""
    low = word.lower()
    if word[:1].isupper() and low == word.lower():
        low = strip_genitive(low)
    for end in ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            return low[: -len(end)]
    return low


def content_verb(lemma_: str, text: str) -> bool:
    """A verb that carries content: neither light nor a verb of saying."""
    lemmas = {lemma_, *verb_lemmas(text)}
    return not (lemmas & LIGHT_VERBS) and not any(x in cue_verbs() for x in lemmas)


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "numbers.tsv")}


@lru_cache(maxsize=1)
def _dictionary():
    """simplemma's German word forms -> lemma (decoded once, shared with the lemmatizer's cache)."""
    from quellenlage.nlp.lemma_dictionary import german_dictionary

    return german_dictionary()


@lru_cache(maxsize=262144)
def _noun(word: str) -> str | None:
    """The dictionary lemma of a noun form, or None."""
    return _dictionary().get(word[:1].upper() + word[1:])


@lru_cache(maxsize=65536)
def _modifier(word: str) -> str | None:
    """The dictionary lemma of a noun or (lower-case) adjective form, or None."""
    return _noun(word) or _dictionary().get(word)


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The lemmas of a noun compound's modifier and head ("Kindersitze" -> kind, sitz), split
    where the head is the longest known word whose modifier (minus a linking element) is known
    too; () for a word that is no compound we can split."""
    low = word.lower()
    if len(low) < MIN_COMPOUND or not low.isalpha():
        return ()
    whole = _noun(low)
    for i in range(MIN_PART, len(low) - MIN_HEAD + 1):
        head = _noun(low[i:])
        if head is None:
            continue
        if whole is not None and (len(low) - i < MIN_AFFIX or not whole.lower().endswith(head.lower())):
            continue  # a chance hit inside a known word ("Mini|ster", "Spiele|rinnen")
        for link in LINKING:
            left = low[:i]
            if link and not left.endswith(link):
                continue
            left = left[: len(left) - len(link)]
            modifier = _modifier(left) if len(left) >= MIN_PART else None
            if modifier is not None:
                return (
                    *(compound_parts(modifier) or (modifier.lower(),)),
                    *(compound_parts(head) or (head.lower(),)),
                )
    return ()


# --- replies (reactions.py) -------------------------------------------------------------------

DETERMINERS = DEFINITE | POSSESSIVE | frozenset(
    "diese dieser dieses diesen jene jener solche solcher derartige entsprechende genannte keine kein keiner".split()
)
PRONOUN_ANAPHORS = frozenset({"das", "dies", "dieses", "es", "was"})
POINTING_PRONOUNS = frozenset({"derartiges", "dergleichen", "solches"})  # point back anywhere in a reply
PERSONAL = frozenset({"er", "sie", "ihr", "wir", "ich", "man"})
NEGATIONS = frozenset("nicht nichts nie niemals kein keine keinen keinem keiner".split())
OBJECT_PRONOUNS = frozenset("uns mir mich dir dich ihm ihn ihnen euch sich".split())
CONFESSION = frozenset({"gestehen", "eingestehen", "zugeben", "einräumen"})  # its content is the charge, not a denial
OTHER_DEEDS: tuple[str, ...] = ("andere", "weitere")  # a confession of more than the charge
FRONTED = frozenset({"das", "dies"})  # a fronted object of answering: "Das bestätigte X"
CONTENT_CLAUSE = frozenset({"dass", "ob"})  # "bezweifelt, dass …": a statement is questioned
SOURCE_BESIDE_ANAPHOR = False  # the source of an anaphor is named inside it: "die Behauptungen der Zeitung"
BEHALF = (frozenset({"im"}), frozenset({"auftrag", "namen"}), frozenset({"von", "des", "der"}))  # "im Auftrag von X"


def reaction_cue(t: Token, sent: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue span) when t is a verb of answering, also with a separated particle
    ("wies … zurück", "stritt … ab") or a two-word phrase at the clause's end ("stellte … in
    Abrede", "wies … von sich")."""
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


@lru_cache(maxsize=1)
def reaction_cues() -> dict[str, str]:
    """verb lemma -> status, reaction_cues.tsv."""
    return {r[0]: r[1] for r in rows(LANG, "reaction_cues.tsv")}


def reaction_patterns() -> list[tuple[str, Pattern[str]]]:
    """(status or status-act, regex) of reactions.tsv."""
    return patterns(LANG, "reactions.tsv")


@lru_cache(maxsize=1)
def anaphor_nouns() -> tuple[str, ...]:
    return tuple(r[1] for r in rows(LANG, "reactions.tsv") if r[0] == "anaphor")


@lru_cache(maxsize=1)
def charge_nouns() -> tuple[str, ...]:
    return tuple(r[1] for r in rows(LANG, "reactions.tsv") if r[0] == "charge")


def is_anaphor_noun(t: Token) -> bool:
    """A noun by which a reply points back at a claim ("die Angaben", "Behauptungen")."""
    return pos(t) in ("NOUN", "PROPN") and t.lower_.startswith(anaphor_nouns())


def is_possessor(t: Token) -> bool:
    """A genitive name before an anaphor noun: "Woodwards Behauptungen"."""
    return t.text.endswith("s") and pos(t) == "PROPN"


def plural_anaphor(phrase: Span) -> bool:
    """'die Angaben', 'keine dieser Geschichten' point at several claims; 'das' at one."""
    nouns = [t for t in phrase if t.lower_.startswith(anaphor_nouns())]
    if not nouns:
        return False
    return "Plur" in nouns[0].morph.get("Number", []) or nouns[0].lower_.endswith("en")


def frame_replies(doc: Doc, sentence: Span, skip: set[int], index: dict) -> list[Reply]:
    """Replies the outlet narrates: a verb of answering ("Das Ministerium wies die Vorwürfe
    zurück", "Sowohl X als auch Y weisen diese Darstellung zurück": one reply per coordinated
    subject), a claim "im Widerspruch zu" what a source holds, a phrase that describes the subject's answer ("Beide sagen Nein", "versucht, alle
    Zweifel zu entkräften"), or a negated self-claim ("will X nicht kennen"). Not under a hedge
    ("Vielleicht leugnen sie"): a supposed answer is none."""
    out: list[Reply] = []
    if hedges.hedge(sentence) is not None and hedges.distancing_modal(sentence) is None:
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
    if subject is None or fronted or "Acc" in subject[0].morph.get("Case", []):
        # "Das bestätigt uns auch X", "Seinen Kompagnon verleugnet er": the object stands
        # first, the subject after the verb (past object pronouns)
        subject = _subject_after(doc, t.i + 1, end)
    if subject is None:
        return []
    if any(pos(x) == "NOUN" and x.lower_.startswith(anaphor_nouns()) for x in subject):
        return []  # "diese Darstellung" is what is answered, not who answers
    if len(subject) == 1 and subject[0].lower_ in PERSONAL:
        if "Plur" in t.morph.get("Number", []):
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
    named_here = mention is not None and sentence.start <= mention.start < sentence.end
    asked = asked_person(doc, sentence) if not named_here else None
    if asked is not None:
        return [asked]
    if mention is None:
        return [speaker] if speaker is not None else []
    if len(mention) == 1 and mention[0].lower_ in PERSONAL and speaker.entity_id is None:  # type: ignore[union-attr]
        person = last_person(doc, mention[0])  # "Nein, das habe er nie getan": the person named before
        return [person] if person is not None else []
    index = mention_index(doc)
    parts = _conjuncts(doc, mention, index)
    if len(parts) >= 2 and all(index[p.start].type == "person" for p in parts):
        people = [(index[p.start], p) for p in parts]  # one entity each: its name, whatever the tagger says of "Keuter"
        return [Speaker(name=c.name, type="person", entity_id=c.id) for c, p in people]
    return [named(speaker, mention)]  # type: ignore[arg-type]


def named(speaker: Speaker, mention: Span) -> Speaker:
    """The speaker as the text names it at this point, when the resolved entity's name differs:
    a full name in the mention ("Sebastian K." resolved to another "K."), or, for a short
    mention ("K."), the entity's last full-name mention before it. The text's own name is the
    safer answer than an entity that may have merged two people."""
    doc = mention.doc
    head = next((t for t in reversed(mention) if pos(t) in ("NOUN", "PROPN")), None)
    if speaker.type == "person" and head is not None and head.tag_ == "NN" and "Plur" in head.morph.get("Number", []):
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
    answer after the question is theirs."""
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
    if pronoun.lower_ not in ("er", "sie") or "Plur" in pronoun.morph.get("Number", []):
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


# --- headline (headline.py) ------------------------------------------------------------------

ATTRIBUTING_WORDS = frozenset({"laut", "zufolge"})
FIRST_PERSON = frozenset({"ich", "wir", "uns", "mir", "mich"})  # the author writing is the outlet
OPEN_QUESTION = frozenset({"wie", "welche", "welcher", "welches", "welchen", "was", "wo", "warum", "wann", "ob", "wer"})
REFERENCE = frozenset({"wie"})  # "…, wie die Zeitung X berichtete": the outlet states it and names where it read it


@lru_cache(maxsize=1)
def speech_act_verbs() -> frozenset[str]:
    return words(LANG, "speech_acts.tsv")


def sensational_rows() -> tuple[tuple[str, ...], ...]:
    """(stem, kind, related roots) of sensational.tsv."""
    return rows(LANG, "sensational.tsv")


def trailing_frame(piece: Span) -> bool:
    """German headlines name the source before a colon ("Bericht: …"), not in a trailing clause."""
    return False


# Verbs by which an actor makes its own act known: "Die Stadt hat den Bau gestoppt. Das teilte
# der Oberbürgermeister mit." (not verbs of claiming: "Das behauptet zumindest X").
ANNOUNCING = frozenset({"mitteilen", "bekanntgeben", "bestätigen", "ankündigen", "melden"})


def announced_after(quote: Span) -> bool:
    """The outlet states the content in its own voice, in the indicative, and the next sentence
    names who made it known ("… gestoppt. Das teilte X mit."): like "…, wie X mitteilte"."""
    cue = quote._.cue
    if cue is None or cue.start < quote.end:
        return False
    doc = quote.doc
    between = [t.lower_ for t in doc[quote.end : cue.start] if not (t.is_punct or t.is_space)]
    if between not in (["das"], ["dies"]) or any(is_finite(t) and is_konjunktiv1(t) for t in quote):
        return False
    found = verb_cue(cue[0], cue[0].sent)
    return found is not None and found[0] in ANNOUNCING


def reporting_speakers(span: Span, matched: list[Token]) -> list[Speaker]:
    """The sources the attribution frames of a sentence make of the matched words."""
    doc = span.doc
    speakers = [
        resolve_mention(doc, f.speaker) for f in FrameFinder().find(span)
        if f.speaker is not None and f.reaction == "-" and _reports(f, matched)
    ]
    return [s for s in speakers if s.type != "unknown"]


def speech_cue(q: Span) -> bool:
    """Whether the quote's cue is a verb of saying or writing ("der Betriebsrat sagte")."""
    cue = q._.cue
    found = verb_cue(cue[0], q.doc[max(0, cue.start - 20) : min(len(q.doc), cue.end + 20)]) if cue is not None and len(cue) else None
    return found is not None and cue_verbs()[found[0]][0] in ("speech", "writing")


def _reports(frame, matched: list[Token]) -> bool:
    """Whether a frame makes the matched words a source's claim: not "…, wie X berichtete"
    beside an indicative main clause (the outlet adopts the report), not an open question
    ("X zeigt, wie Nutzer …": the topic of what X says, not a claim)."""
    doc = frame.cue.doc
    start, end = frame.clause
    if frame.cue.end < len(doc) and doc[frame.cue.end].lower_ == "sich":
        return False  # "zeigt sich", "sieht sich": no statement
    if start > 0 and doc[start].lower_ == "wie" or start > 1 and doc[start - 1].lower_ == "wie":
        return False
    after = [t for t in matched if t.i >= end]
    if after:
        first = doc[end] if end < len(doc) else None
        while first is not None and first.is_punct and first.i + 1 < len(doc):
            first = doc[first.i + 1]
        if first is not None and first.lower_ in OPEN_QUESTION:
            return False
    return True


def _says(t: Token, span: Span) -> bool:
    """A headline verb of saying ("fordern", "warnt") or of verbal attack or demand
    ("attackiert", speech_acts.tsv), also as the participle of a terse headline; not a verb
    of thought or a reflexive one ("zeigt sich")."""
    if pos(t) not in ("VERB", "AUX") or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "sich"):
        return False
    if {lemma(t), *verb_lemmas(t.text)} & speech_act_verbs():
        return True
    cue = verb_cue(t, span) if is_finite(t) else None
    return cue is not None and cue_verbs()[cue[0]][0] in ("speech", "writing")


def headline_marking(span: Span) -> str | None:
    """The German headline's own marking (besides a colon frame and quotation marks): a speech
    verb with its actor, "laut"/"zufolge", hearsay "soll … haben", the subject's own "will",
    "X über Y"."""
    for t in span:
        if t.lower_ in ATTRIBUTING_WORDS:
            return f"attributed ({t.text!r})"
        reading = modal_reading(t, span)
        if reading == HEARSAY:
            return f"hearsay ({t.text!r})"
        if reading in (CLAIM, INTENTION):
            return f"the subject's own claim or intention ({t.text!r})"
        if t.i > span.start and _says(t, span):
            return f"what its subject says ({t.text!r})"
    if not any(is_finite(t) for t in span):
        about = next((t for t in span if t.lower_ == "über"), None)
        if about is not None and about.i > span.start and pos(span[0]) == "PROPN":
            return f"what {span.doc[span.start : about.i].text} says (\"über\")"
    return None


def names_source(span: Span, rest: Span) -> bool:
    """A colon frame that names a source: a source or speech noun ("Bericht:", "Polizei:"), or
    a name followed by a statement with a verb ("Verdi: Löhne müssen steigen"), not by a
    noun phrase ("HTC Touch: Bald bei o2" names a topic)."""
    nouns = [t for t in span if pos(t) in ("NOUN", "PROPN")]
    if not nouns:
        return False
    head = nouns[-1]
    low = head.lower_
    if low in source_nouns() or head.text in speech_nouns() or any(low.endswith(n) for n in source_nouns() if len(n) >= 5):
        return True
    only_names = all(t.ent_type_ in ("PER", "ORG") or pos(t) == "DET" for t in span if not t.is_punct)
    return only_names and (any(is_finite(t) for t in rest) or mostly_quoted(rest))


def predicates(span: Span) -> bool:
    """A verbless statement: a name with a predicative adjective ("Putin paranoid")."""
    return any(pos(t) == "PROPN" for t in span) and any(t.tag_ == "ADJD" for t in span)


def introduces(span: Span) -> bool:
    """A clause that announces what follows: a speech verb ("Experte warnt") or a disclosure
    verb, also as particle verb ("Insider enthüllen", "deckt auf", "packt aus")."""
    if any(verb_cue(t, span) is not None for t in span):
        return True
    verbs = [t for t in span if is_finite(t)]
    words_ = [t.lower_ for t in verbs]
    if span[-1].lower_ in PARTICLES:
        words_ += [span[-1].lower_ + (verb_lemmas(t.text) or (t.lower_,))[0] for t in verbs]
    return any(e.kind == "revelation" and e.in_word(w) for w in words_ for e in loaded_words(LANG))


# --- sources (attribution/sources.py) --------------------------------------------------------


def source_intros() -> list[str]:
    """The words that open a source line ("Quelle:"), bylines.tsv."""
    return grouped(LANG, "bylines.tsv").get("source_intro", [])


def untyped_source_type(name: str, mention: Span | None) -> str | None:
    """The type of a source whose mention named no known kind: a person by a first name or the
    tagger, a web address an outlet, an unnamed group or a frame-noun compound ("nach
    Brancheninformationen") anonymous; pronouns and other words are no source."""
    if mention is None:
        return None
    words = [t for t in mention if not (t.is_punct or t.is_space)]
    if not words or all(pos(t) == "PRON" or t.lower_ in PERSONAL_PRONOUNS for t in words):
        return None
    described = source_type_of(mention)  # "das Magazin Technology Review"
    if described != "unknown":
        return "media" if described == "agency" else described
    if any(t.ent_type_ == "PER" for t in words) or (
        2 <= len(words) <= 4 and all(t.text[:1].isupper() for t in words) and is_first_name(words[0].text)
    ):
        return "person"
    if WEB_ADDRESS.fullmatch(name):
        return "media"
    if any(t.ent_type_ == "ORG" for t in words):
        return "organization"
    if is_unnamed_group(mention):
        return "anonymous"
    if len(words) == 1 and pos(words[0]) == "NOUN" and any(words[0].lower_.endswith(n) and len(words[0].lower_) > len(n) + 2 for n in frame_nouns_lower()):
        return "anonymous"
    return None


def unnamed_group(mention: Span) -> bool:
    """A group with no name ("Analysten", "Kritiker"): an anonymous source, not a person."""
    return is_unnamed_group(mention)


def cited_sources(doc: Doc, frames: FrameFinder) -> list[tuple[Span, str | None, str | None]]:
    """The documents, groups and citations of the body (`quellenlage.attribution.cited`):
    (mention, name or None to resolve it, type when it cannot be resolved)."""
    return CitedSources(frames).find(doc, quoted_tokens(doc))
