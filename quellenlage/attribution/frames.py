"""`FrameFinder`: the attribution frame of a sentence — cue, the mention of the source, the via chain.

German marks attribution by a speech verb with its subject ("sagte Peskow", "Peskow
bestätigte", "wie der 'Daily Express' berichtet"), by prepositional frames ("laut Newsweek",
"Woodwards Ausführungen zufolge", "nach Angaben der Polizei"), by "so X" tags, and by
impersonal hearsay ("heißt es", "wird nachgesagt"). The subject is found from German word
order: after the verb in inverted clauses, in the prefield of verb-second clauses, after the
subordinator in verb-final ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from quellenlage.lang.de.grammar import (
    GENITIVE_PREPOSITIONS,
    LANG,
    INDEFINITE_PRONOUNS,
    NOMINATIVE_PRONOUNS,
    OBJECT_PRONOUNS,
    PARTICLES,
    PERSONAL_PRONOUNS,
    SUBORDINATORS,
    clause_bounds,
    is_year,
    time_nouns,
    cue_verbs,
    frame_nouns_lower,
    is_finite,
    is_konjunktiv1,
    is_quote_char,
    is_zu_infinitive,
    lemma,
    verb_lemmas,
    media_names,
    nominative_singular,
    noun_phrase,
    noun_phrase_ending,
    opens_relative_clause,
    pos,
    pos_tags,
    source_nouns,
    speech_nouns,
)
from quellenlage.extensions import doc_cache, token_words
from quellenlage.lexicons import words
from quellenlage.schema import GermanRule

HEARSAY = frozenset({"heißen", "nachsagen", "munkeln"})
# Frames that name a source without a verb: "laut X", "X zufolge", "nach Angaben X", "…, so X".
PREPOSITIONAL_RULES = frozenset({"laut", "zufolge", "angaben", "so"})
# Relative pronouns after a preposition: "von denen", "mit dem", "in der".
PREPOSITIONAL_RELATIVES = frozenset("dem der denen den deren dessen welchem welcher welchen".split())
# Articles that cannot open a subject (dative and genitive forms).
DATIVE_ARTICLES = frozenset({"dem", "einem", "des", "eines", "einer"})
GENITIVE_ARTICLES = ("der", "des", "eines", "einer")
# Adverbs that hand a sentence to the source named before: "Demnach habe sie …".
ANAPHORIC_SOURCES = frozenset({"demnach", "demzufolge", "danach"})
COORDINATING = frozenset({"und", "oder", "sowie", "aber", "sondern"})
# The prepositions that name the agent of a passive: "von der Polizei", "durch das Gericht".
AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})
# Possessives of the third person: "Seiner Meinung nach", "Ihren Angaben nach".
POSSESSIVE_THIRD = frozenset("seiner seinen seinem ihrer ihren ihrem".split())
# What an outlet found out itself: "nach eigenen Recherchen" cites no one.
OWN_RESEARCH = frozenset({"recherchen", "informationen", "erkenntnissen", "daten"})
# The words `FrameFinder` tests for a frame other than a speech verb: "laut", "zufolge", "nach
# Angaben", "für X ist", "seiner Meinung nach", "demnach", "so X".
FRAME_OPENERS = frozenset({"laut", "gemäß", "zufolge", "nach", "für", "so"}) | POSSESSIVE_THIRD | ANAPHORIC_SOURCES
ANONYMOUS_HEADS = frozenset({"umfeld", "kreisen", "kreise", "quellen", "quelle", "insidern", "insider"})


@dataclass
class Frame:
    cue: Span
    rule: GermanRule  # verb | laut | zufolge | angaben | view | anaphoric | so | hearsay
    speaker: Span | None = None
    via: list[Span] = field(default_factory=list)
    reaction: str = "-"
    verb_class: str = ""  # speech | writing | thought | report, for verb frames
    lemma: str = ""  # the cue verb's lexicon lemma
    clause: tuple[int, int] = (0, 0)  # token range the frame occupies (not part of the content)
    tags: list[tuple[int, int]] = field(default_factory=list)  # folded-in frames ("…, so der Autor")
    shared_subject: bool = False  # the subject is left out and shared with the clause before ("…, schreibt etwa, …")


@lru_cache(maxsize=1)
def hearsay_passives() -> frozenset[str]:
    """Verbs whose agentless passive reports hearsay ("es wird berichtet", "Es wurde betont, …")."""
    return words(LANG, "hearsay_passives.tsv")


@lru_cache(maxsize=1)
def _particle_bases() -> frozenset[str]:
    """The verbs that are speech verbs with a particle ("teilen" of "mitteilen")."""
    return frozenset(v[len(p):] for v in cue_verbs() for p in PARTICLES if v.startswith(p))


@lru_cache(maxsize=1)
def _two_word_cues() -> dict[str, list[tuple[str, str]]]:
    """verb lemma -> (companion word, entry) for the two-word entries of the cue verbs (the verb
    first: "wissen wollen", "halten für")."""
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in cue_verbs():
        words = entry.split()
        if len(words) == 2:
            found.setdefault(words[0], []).append((words[1], entry))
    return found


def _two_word_cue(t: Token, lem: str, sent: Span) -> str | None:
    """A verb that frames speech or thought only with its companion in the clause: "will
    wissen, wie …" asks, "hält es für möglich, dass …" holds a view."""
    companions = _two_word_cues().get(lem)
    if not companions:
        return None
    start, end = clause_bounds(sent, t.i)
    _, lowers, lemmas, _ = token_words(t.doc)
    clause = {lowers[i] for i in range(start, end) if i != t.i} | {lemmas[i] for i in range(start, end) if i != t.i}
    return next((entry for word, entry in companions if word in clause), None)


def _participle_read_as_adjective(t: Token, sent: Span) -> bool:
    """A participle the tagger reads as an adjective ("betont" in "Es wurde betont, …", "weil
    er betont hatte, …") with a finite form of "werden" or "haben" in its clause: the passive
    or perfect of the verb its lemma names ("ist betont sachlich" stays an adjective)."""
    if pos(t) != "ADJ" or not t.lower_.endswith(("t", "en")):
        return False
    verbs = cue_verbs()
    if not any(x in verbs for x in (lemma(t), *verb_lemmas(t.text)) if x != t.lower_):
        return False  # the lemmatizer may keep the form ("betont"): its infinitives decide
    start, end = clause_bounds(sent, t.i)
    near = [*t.doc[max(start, t.i - 4) : t.i], *t.doc[t.i + 1 : min(end, t.i + 2)]]
    return any(lemma(x) in ("werden", "haben") and is_finite(x) for x in near)


def _reflexive(t: Token, sent: Span) -> bool:
    """"sich" right after the verb ("sagte sich") or before it in its clause ("wo er sich sagt")."""
    start = clause_bounds(sent, t.i)[0]
    after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return after == "sich" or any(x.lower_ == "sich" for x in t.doc[start : t.i])


def verb_cue(t: Token, sent: Span) -> tuple[str, Span] | None:
    """(lemma, cue span) when t is a speech verb, with a separated particle ("teilte … mit")."""
    if pos(t) not in ("VERB", "AUX") and not _participle_read_as_adjective(t, sent):
        return None
    verbs = cue_verbs()
    lem = lemma(t)
    if lem == "sehen" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "sich":
        return None  # 'sah sich gezwungen': finding oneself, not a view
    if lem == "sagen" and _reflexive(t, sent):
        return None  # 'wo er sich sagt, dass …', 'sagte sich': a thought to oneself, told to nobody
    if lem not in verbs:
        lem = next((c for c in verb_lemmas(t.text) if c in verbs), lem)
    phrase = _two_word_cue(t, lem, sent)
    if phrase is not None:
        return phrase, t.doc[t.i : t.i + 1]
    if lem not in verbs and lem not in _particle_bases():
        return None  # no speech verb, with or without a separated particle
    end = clause_bounds(sent, t.i)[1]
    while end - 1 > t.i and (t.doc[end - 1].is_punct or t.doc[end - 1].is_space):
        end -= 1  # "… räumte der Chef ein." : the particle stands before the full stop
    last = t.doc[end - 1] if end - 1 > t.i else None
    if last is not None and last.lower_ in PARTICLES and (last.tag_ == "PTKVZ" or pos(last) in ("ADP", "ADV", "ADJ", "PART")):
        if last.lower_ + lem in verbs:
            return last.lower_ + lem, t.doc[t.i : t.i + 1]
    if lem in verbs:
        return lem, t.doc[t.i : t.i + 1]
    return None


def _names_source(np: Span) -> bool:
    """The phrase holds a mention of a named medium or organisation ("der Focus")."""
    return any(
        m.start < np.end and np.start < m.end for c in np.doc._.entities if c.type in ("media", "organization") for m in c.mentions
    )


def _skip_to_subject(doc: Doc, i: int, stop: int) -> Span | None:
    """The first noun phrase from token i, skipping adverbs and prepositional phrases; a source
    after "der" that the tagger took for a dative when nothing else follows ("Auch wirft der
    ai-Bericht den Behörden vor": "der" is the masculine nominative as well)."""
    masculine: Span | None = None
    while i < stop:
        t = doc[i]
        if pos(t) in ("ADV", "PART", "SCONJ", "CCONJ") or t.lower_ in OBJECT_PRONOUNS or t.lower_ in ("es", "sich", "aber", "auch", "dazu", "jedoch", "zudem"):
            if t.lower_ == "es" and i + 1 < stop and noun_phrase(doc, i + 1) is None:
                return None
            i += 1
            continue
        if pos(t) == "ADP":
            np = noun_phrase(doc, i + 1)
            i = np.end if np is not None else i + 1
            continue
        np = noun_phrase(doc, i)
        if np is None:
            return masculine
        if np[0].lower_ in DATIVE_ARTICLES or (len(np) > 1 and np[0].lower_ == "den" and np[-1].text.endswith("n")) or _oblique(np):
            if masculine is None and np[0].lower_ == "der" and (source_type_of(np) != "unknown" or _names_source(np)):
                masculine = np
            i = np.end
            continue
        return np
    return masculine


def subject_of_main_clause(sent: Span, finite: Token, end: int, skip: set[int]) -> tuple[Span | None, int]:
    """The subject of a verb-second clause, and where the frame starts.

    The prefield (what stands before the finite verb) is the subject when it is a noun phrase
    not marked dative ("Peskow bestätigte", "Auch CNN berichtete"), possibly with an
    apposition ("Steven Cheung, als Kommunikationsdirektor …, kommentierte"). Otherwise —
    a quote, a clause or an adverbial in the prefield ('"…", sagte X', 'Die Angaben stimmten
    nicht, sagte X', 'Am Montag sagte X') — the subject follows the verb.
    """
    doc = sent.doc
    pre = [x for x in doc[sent.start : finite.i] if x.i not in skip and not x.is_space]
    words = [x for x in pre if not x.is_punct]
    i = words[0].i if words else finite.i
    governed = False  # "Angesichts solcher Alternativen nannte X": the object of a preposition
    while i < finite.i and pos(doc[i]) in ("ADV", "PART", "CCONJ") and doc[i].lower_ not in PERSONAL_PRONOUNS:
        governed = doc[i].lower_ in GENITIVE_PREPOSITIONS
        i += 1
    governed = governed or (i < finite.i and (pos(doc[i]) == "ADP" or doc[i].lower_ in GENITIVE_PREPOSITIONS))
    np = noun_phrase(doc, i) if i < finite.i and not governed else None
    if np is not None and any(is_temporal(x) for x in np if pos(x) in ("NOUN", "PROPN")):
        np = None  # "Wenige Stunden später öffnet X …": a time in the prefield, the subject follows
    if np is not None and np[0].lower_ not in DATIVE_ARTICLES and np[0].lower_ != "den":
        k = np.end
        coordinated = None
        while k < finite.i and (pos(doc[k]) == "ADP" or doc[k].lower_ in ("und", "oder", "sowie", "als", "wie", *GENITIVE_ARTICLES)):
            # "Der Einsatzleiter der Polizei in Dortmund erklärte", 'Das „Hurricane Centre“ der USA',
            # "Konkurrenten wie Flixbus fürchten": examples in apposition
            skip_words = 2 if doc[k].lower_ == "als" and k + 1 < finite.i and doc[k + 1].lower_ == "auch" else 1
            pp = noun_phrase(doc, k if doc[k].lower_ in GENITIVE_ARTICLES else k + skip_words)
            if pp is None:
                break
            if doc[k].lower_ in ("und", "sowie", "als"):
                coordinated = pp  # "Keith und Keuter sagten", "Sowohl Keith als auch Keuter behaupten"
            k = pp.end
        while k < finite.i and (pos(doc[k]) in ("ADV", "PART") and doc[k].lower_ not in PERSONAL_PRONOUNS or doc[k].is_space):
            k += 1  # "Die Kanadier hingegen sagen"
        if k < finite.i and doc[k].text == "(":  # "Andreas Scheuer (CSU) versprach": a parenthesis
            close = next((m for m in range(k + 1, finite.i) if doc[m].text == ")"), None)
            if close is not None:
                k = close + 1
        before_verb = doc[finite.i - 1]
        inner = [m for m in range(k + 1, finite.i - 1) if doc[m].text == ","]
        # "Die Lage, die sich zuspitze, sei ernst, sagte X": after the relative clause the prefield
        # goes on with a finite verb and what it says, so it is a clause (the report), not the
        # subject; "X, der in ein Start-up, das …, investiert, sah …" only closes the relative clause
        rest = doc[inner[-1] + 1 : finite.i - 1] if inner else None
        clause_before = rest is not None and len(rest) >= 2 and is_finite(rest[0]) and not opens_relative_clause(doc, rest.start)
        if k == finite.i or (k < finite.i - 1 and doc[k].text == "," and before_verb.text == "," and not clause_before):
            # an apposition or relative clause between subject and verb: "Platter, der …, sagte"
            subject = doc[np.start : coordinated.end] if coordinated is not None and coordinated.end == k else np
            inverted = _inverted_subject(doc, subject, finite, end, skip)
            return (subject, np.start) if inverted is None else (inverted, np.start)
    apposed = _subject_before(doc, finite, sent.start, skip) if finite.i > 0 and doc[finite.i - 1].text == "," else None
    if apposed is not None and (apposed.start == sent.start or doc[apposed.start - 1].text != ","):
        apposed = None  # "Ein schwerer Fehler, sagt X": a phrase opening the sentence is the report, not an apposition
    # "Die Haushaltspolitikerin der Grünen, Anja Hajduk, kritisierte die Pläne": the name apposed
    # right before the verb is the subject, the phrase after the verb its object
    speaker = apposed or _skip_to_subject(doc, finite.i + 1, end)
    if speaker is not None and _abstract_head(speaker) and not speech_head(speaker):
        # "Klaus Wowereit (SPD) bedauerte die Entscheidung": an abstract phrase after the verb
        # is its object; the subject stands before
        speaker = _subject_before(doc, finite, sent.start, skip) or speaker
    if speaker is None:
        speaker = _subject_before(doc, finite, sent.start, skip)
    return speaker, finite.i if speaker is None or speaker.start > finite.i else speaker.start


def _quoted_person(sent: Span, t: Token, start: int, end: int, skip: set[int]) -> tuple[Span, list[Span]] | None:
    """Who "zitieren" says spoke, and through whom: the subject of the passive ("…, wird Panetta
    zitiert", "X wurde von der Zeitung zitiert": via the agent), the object of the active ("Die
    Zeitung zitiert den Minister mit den Worten": via the subject; "zitierte man X")."""
    doc = sent.doc
    finite = _finite_of_clause(doc, start, end, t, skip)
    verb_final = doc[start].lower_ in SUBORDINATORS and _verb_final(doc, t, end, skip)
    if passive(doc, start, end):
        if verb_final:
            quoted = _skip_to_subject(doc, start + 1, finite.i)
        else:
            quoted = subject_of_main_clause(sent, finite, end, skip)[0]
        agent = passive_agent(doc, start, end) or _written_in(doc, start, end)
        if quoted is None or (agent is not None and quoted.start == agent.start) or not plausible_source(quoted):
            return None
        return quoted, [agent] if agent is not None else []
    if verb_final:
        return None
    subject = subject_of_main_clause(sent, finite, end, skip)[0]
    k = finite.i + 1
    if subject is not None and subject.start > finite.i:
        k = subject.end
    while k < end and (pos(doc[k]) in ("ADV", "PART") or doc[k].lower_ in ("man", "auch", "dazu")):
        k += 1
    quoted = noun_phrase(doc, k) if k < end and k not in skip else None
    if quoted is None or quoted[0].lower_ in DATIVE_ARTICLES or not plausible_source(quoted):
        return None
    own = subject is None or subject[0].lower_ in PERSONAL_PRONOUNS
    return quoted, [] if own else [subject]


def _inverted_subject(doc: Doc, prefield: Span, finite: Token, end: int, skip: set[int]) -> Span | None:
    """The subject after the verb when the noun phrase before it is the object: a nominative
    pronoun right after the verb ("Das Angebot lehnt er ab") or a phrase that agrees with the verb
    when the prefield does not ("Die Äußerungen … bezeichnete Wiefelspütz als …"). Not in a
    Konjunktiv I sentence, which is itself reported content ("Philipp H. kenne er privat")."""
    if is_konjunktiv1(finite):
        return None
    after = doc[finite.i + 1] if finite.i + 1 < end else None
    if after is not None and after.lower_ in NOMINATIVE_PRONOUNS and after.i not in skip:
        return doc[after.i : after.i + 1]
    # or a phrase the article makes nominative ("Höhnisch, …, veröffentlichte der Verfasser")
    np = noun_phrase(doc, after.i) if after is not None and after.lower_ == "der" and after.i not in skip else None
    if np is not None and any(pos(x) == "NOUN" and nominative_singular(x) for x in np):
        return np
    if _disagrees(prefield, finite):
        return _skip_to_subject(doc, finite.i + 1, end)
    if plausible_source(prefield) or speech_head(prefield):
        return None
    # "Die Anwendung der Richtlinie stellte der SPD-Vorsitzende in Frage": an abstract prefield
    # is the object when a named or described source follows the verb
    post = _skip_to_subject(doc, finite.i + 1, end)
    named = post is not None and (any(t.ent_type_ in ("PER", "ORG") for t in post) or source_type_of(post) != "unknown")
    return post if named else None


def _circles(doc: Doc, start: int, end: int) -> Span | None:
    """Anonymous circles a statement came from: "Aus EU-Kreisen verlautete", "aus Regierungskreisen"."""
    for t in doc[start:end]:
        if t.lower_ == "aus" and t.i + 1 < end:
            np = noun_phrase(doc, t.i + 1)
            if np is not None and np[-1].lower_.endswith(("kreisen", "kreise")):
                return np
    return None


def _quoted_subject(doc: Doc, i: int, verb: int) -> Span | None:
    """A short quoted name between subordinator and verb: 'Wie „heise online“ berichtet'."""
    name = _quoted_name(doc, i, verb)
    return name if name is not None and name.end == verb else None


def _quoted_name(doc: Doc, i: int, end: int) -> Span | None:
    """A quoted name of at most four words opening at token i: '„heise online“', '„Welt“'."""
    if i >= end or not is_quote_char(doc[i]):
        return None
    close = next((k for k in range(i + 1, min(end, i + 6)) if is_quote_char(doc[k])), None)
    return doc[i : close + 1] if close is not None and close > i + 1 else None


def _verb_final(doc: Doc, verb: Token, end: int, skip: set[int]) -> bool:
    """Nothing but verbs after the speech verb of the clause: the order of a subordinate clause
    ("wie die Zeitung berichtet"), not of a main clause ("Als Begründung sagte X")."""
    return all(
        t.is_punct or t.is_space or t.i in skip or pos(t) in ("VERB", "AUX") or t.tag_ == "PTKVZ"
        for t in doc[verb.i + 1 : end]
    )


def _number(np: Span) -> str | None:
    """Grammatical number of a noun phrase when its article and head noun agree on it;
    coordinated phrases are plural."""
    if any(t.lower_ in ("und", "sowie") for t in np):
        articles = [t for t in np if pos(t) == "DET"]
        if len(articles) == 1 and articles[0].i == np.start and articles[0].morph.get("Number") == ["Sing"]:
            return None  # "Der Bürgermeister und Justizsenator": one person, two roles
        return "Plur"
    head = next((t for t in np if pos(t) == "NOUN"), None)
    article = np[0] if pos(np[0]) == "DET" else None
    if head is None or article is None or not head.morph.get("Number"):
        return None  # a bare name or noun: its number is the tagger's guess
    if nominative_singular(head):
        return "Sing"
    number = head.morph.get("Number")[0]
    return number if article.morph.get("Number") == [number] else None


def _disagrees(np: Span, finite: Token) -> bool:
    """The phrase cannot be the subject of the verb: it differs in number ("Die Äußerungen …
    bezeichnete Wiefelspütz als …" – the plural prefield is the object)."""
    verb = finite.morph.get("Number")
    number = _number(np)
    return bool(verb) and number is not None and verb[0] != number


def _coordinated_subject(sent: Span, cue: int, skip: set[int]) -> Span | None:
    """The subject shared by coordinated verbs ("gab Wagner nach und bat den Papst"): that of
    the finite verb before the 'und'."""
    doc = sent.doc
    conj = next((x for x in reversed(doc[sent.start : cue]) if x.lower_ in ("und", "oder", "sowie")), None)
    if conj is None:
        return None
    verb = next((v for v in reversed(doc[sent.start : conj.i]) if is_finite(v) and v.i not in skip), None)
    if verb is None:
        return None
    return subject_of_main_clause(sent, verb, clause_bounds(sent, verb.i)[1], skip)[0]


def _listed_subject(sent: Span, cue: int, skip: set[int]) -> Span | None:
    """The subject left out in a list of actions: a clause after a comma that opens with its
    finite verb ("Er versucht, die Zweifel auszuräumen, schreibt etwa, …", "Der Prüfer befragt
    ihn, will wissen, wie …") shares the subject of the sentence's main clause before it."""
    doc = sent.doc
    start = clause_bounds(sent, cue)[0]
    if start <= sent.start or doc[start - 1].text != "," or not is_finite(doc[start]) or start > cue:
        return None
    if any(x.i in skip for x in doc[sent.start : start]):
        return None  # '„…“, sagte er': what stands before is a quotation
    verb = next((v for v in doc[sent.start : start - 1] if is_finite(v)), None)
    opening = noun_phrase(doc, sent.start)
    if verb is None and opening is not None and opening.end < start - 1 and pos(doc[opening.end]) in ("VERB", "AUX"):
        verb = doc[opening.end]  # the verb after the opening phrase, tagged as a participle ("Sie versucht, …")
    if verb is None or doc[clause_bounds(sent, verb.i)[0]].lower_ in SUBORDINATORS:
        return None  # "Als er kam, sagte …": no main clause before the comma
    return subject_of_main_clause(sent, verb, clause_bounds(sent, verb.i)[1], skip)[0]


def _with_apposed_name(doc: Doc, np: Span) -> Span:
    """'der Koordinator für Naturkatastrophen, Deftalgne Tessema,': the name in apposition
    joins the description, so the speaker resolves to the person."""
    k = np.end
    while k < len(doc) and pos(doc[k]) == "ADP":  # "Koordinator für Naturkatastrophen"
        pp = noun_phrase(doc, k + 1)
        if pp is None:
            break
        k = pp.end
    if k + 2 < len(doc) and doc[k].text == "," and (doc[k + 1].ent_type_ == "PER" or pos(doc[k + 1]) == "PROPN"):
        m = k + 1
        while m < len(doc) and (doc[m].ent_type_ == "PER" or pos(doc[m]) == "PROPN"):
            m += 1
        name_end = m
        if m < len(doc) and doc[m].text == "(":  # "Henning Scherf (SPD),": the party in parentheses
            m = next((j + 1 for j in range(m + 1, min(m + 6, len(doc))) if doc[j].text == ")"), m)
        if m < len(doc) and doc[m].text in (",", ":") and name_end - k <= 4:
            return doc[np.start : name_end]
    return np


def passive_agent(doc: Doc, start: int, end: int) -> Span | None:
    """The agent of a passive: "von der Polizei", "vom Ministerium"."""
    for t in doc[start:end]:
        if t.lower_ in AGENT_PREPOSITIONS and t.i + 1 < end:
            np = noun_phrase(doc, t.i + 1)
            if np is not None and plausible_source(np) and source_type_of(np) != "unknown" or (
                np is not None and any(x.ent_type_ in ("PER", "ORG") for x in np)
            ):
                return np
    return None


def _written_in(doc: Doc, start: int, end: int) -> Span | None:
    """The document, medium or place a "heißt es" cites: "Im Bericht heißt es", "In einer
    Mitteilung der Polizei hieß es", "Bei der Agentur RIA hieß es", "Aus Paris hieß es"."""
    for t in doc[start:end]:
        if t.lower_ in ("in", "im", "auf", "bei", "beim", "aus") and t.i + 1 < end:
            np = noun_phrase(doc, t.i + 1)
            if np is not None and source_type_of(np) in ("document", "media", "agency", "organization", "anonymous"):
                return np
            if np is not None and t.lower_ in ("bei", "beim", "aus") and any(x.ent_type_ in ("ORG", "LOC") for x in np):
                return np  # "Bei der Agentur RIA hieß es", "Aus Paris hieß es": the capital for its government
    return None


def _abstract_head(np: Span) -> bool:
    """The phrase is headed by an abstract noun ("die Entscheidung des Gerichts"), whatever
    names follow it in the genitive."""
    head = np[0] if pos(np[0]) in ("NOUN", "PROPN") else next((t for t in np if pos(t) in ("NOUN", "PROPN")), None)
    if head is None or pos(head) != "NOUN":
        return False
    word = (head.lemma_ or head.text).lower()
    return word.endswith(ABSTRACT_SUFFIXES) and word not in source_nouns() and head.lower_ not in source_nouns()


def speech_head(np: Span) -> bool:
    """The phrase is headed by a noun of saying ("Die Ankündigungen von Bahn und Minister")."""
    head = next((t for t in np if pos(t) == "NOUN"), None)
    return head is not None and (head.lemma_ or head.text) in speech_nouns()


def owner_of_statement(np: Span) -> Span | None:
    """Who made the statement a phrase names: "die Ankündigungen von Bahn und Minister",
    "die Mitteilung der Initiative" -> the owner after "von" or in the genitive."""
    doc = np.doc
    head = next((t for t in np if pos(t) == "NOUN"), None)
    if head is None or (head.lemma_ or head.text) not in speech_nouns():
        return None
    k = head.i + 1
    if k < len(doc) and doc[k].lower_ in ("von", "vom"):
        k += 1
    elif not (k < len(doc) and doc[k].lower_ in ("der", "des")):
        return None
    owner = noun_phrase(doc, k if doc[k].lower_ not in ("der", "des") or doc[k - 1].lower_ in ("von", "vom") else k)
    if owner is None:
        return None
    end = owner.end
    if end + 1 < len(doc) and doc[end].lower_ in ("und", "sowie"):
        other = noun_phrase(doc, end + 1)
        if other is not None:
            end = other.end  # coordinated owners speak together
    return doc[owner.start : end] if plausible_source(doc[owner.start : end]) else None


def _bare_participle(doc: Doc, t: Token, start: int, end: int) -> bool:
    """A participle whose clause has no finite 'haben' or 'werden': an attribute or a state
    ("ist gefragt"), not a perfect or passive of speaking."""
    if not ("Part" in t.morph.get("VerbForm") or t.tag_ == "VVPP") or is_finite(t):
        return False
    clause = [x for x in doc[start:end] if x.i != t.i]
    if any(lemma(x) in ("haben", "werden") for x in clause):
        return False  # "hat gesagt", "soll gesagt haben", "wurde berichtet"
    if t.lower_.endswith(("en", "ern", "eln")) and "ge" not in t.lower_[:6] and any(x.tag_ == "VMFIN" for x in clause):
        return False  # "Das musste X einräumen": after a modal verb the tagger's participle is an infinitive
    # with no other finite verb the tagger took the finite verb for a participle ("Er kommentiert:")
    return any(is_finite(x) for x in clause)


def _subject_before(doc: Doc, finite: Token, floor: int, skip: set[int]) -> Span | None:
    """A subject right before the verb after a clause boundary, past an apposition:
    "…, die Sprecherin der Fraktion, Sandra Boser (GRÜNE), erklärte: „…“"."""
    j = finite.i
    while j - 1 >= floor and doc[j - 1].text in (",", ")"):
        if doc[j - 1].text == ",":
            j -= 1
            continue
        while j > floor and doc[j - 1].text != "(":  # a parenthesis: "(GRÜNE)"
            j -= 1
        j -= 1
    np = noun_phrase_ending(doc, j, floor)
    if np is None or any(i in skip for i in range(np.start, np.end)):
        return None
    before = doc[np.start - 1] if np.start > floor else None
    if before is not None and pos(before) == "PROPN" and before.text.endswith("s") and (before.i == floor or before.is_sent_start):
        np, before = doc[before.i : np.end], None  # "Berlins Regierender Bürgermeister X": a genitive name first
    if before is not None and before.text not in (",", ":", ";", "–", "-") and not before.is_sent_start:
        return None  # inside a longer clause: not a subject standing before its verb
    if before is not None and pos(before) == "ADP":
        return None  # "Vor dem ersten Einsatz empfiehlt es sich": the object of a preposition
    return np


def relative_clause(doc: Doc, start: int, end: int) -> bool:
    """A clause opened by a relative pronoun ("…, der sagte", "…, in dem … enthüllt werden").

    "der"/"die" after a comma also open verb-second clauses ("sagte, die Union benötige …"),
    so the clause must also be verb-final: its first finite verb stands at its end."""
    if start == 0 or start >= end or doc[start - 1].text != ",":
        return False
    end = clause_bounds(doc[start:end], start)[1]
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    first = doc[start]
    opener = first.tag_ in ("PRELS", "PRELAT") or first.lower_ in (
        "der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches", "welchem", "welchen"
    ) or (pos(first) == "ADP" and start + 1 < end and doc[start + 1].lower_ in ("dem", "der", "denen", "den", "welchem", "welcher"))
    if not opener:
        return False
    verbs = [t for t in doc[start + 1 : end] if is_finite(t) or pos(t) in ("VERB", "AUX")]
    if not verbs or is_zu_infinitive(verbs[-1]):
        return False  # a zu-infinitive ("die Frage … zu bringen") has no relative pronoun
    if any(not (is_finite(t) or pos(t) in ("VERB", "AUX")) for t in doc[verbs[0].i + 1 : end]):
        return False  # the verb is not clause-final: verb-second ("der Termin stehe fest")
    if is_konjunktiv1(verbs[0]) and start + 1 < end and pos(doc[start + 1]) in ("NOUN", "ADJ"):
        return False  # "sagte, der Termin stehe": article + noun + subjunctive is reported speech
    return True


def _oblique(np: Span) -> bool:
    """The tagger marks the phrase accusative or dative throughout: an object, not the subject."""
    cases = [set(case) for t in np if pos(t) in ("DET", "NOUN", "PROPN", "ADJ") for case in [t.morph.get("Case")] if case]
    if not cases or not all(c and not (c & {"Nom"}) for c in cases) or any(t.ent_type_ == "PER" for t in np):
        return False
    if any(pos(t) == "NOUN" and nominative_singular(t) for t in np):
        return False  # "öffnet der IT-Kollege": the article's form, not the tag, says nominative
    if np[0].lower_ in ("das", "die", "eine") or np[0].lower_ in INDEFINITE_PRONOUNS:
        return False  # nominative and accusative alike: first in the middle field, the subject ("gab das Ministerium bekannt")
    # a bare name of a known person, or a name after its title without an article ("äußerte sich
    # Vatikansprecher Navarro-Valls"): the case tags of names are guesses ("von denen Relotius behauptet")
    bare_name = np[0].lower_ not in DATIVE_ARTICLES | {"den"}
    titled_name = pos(np[0]) in ("NOUN", "PROPN") and pos(np[-1]) == "PROPN"
    return not (bare_name and (titled_name or any(
        m.start < np.end and np.start < m.end for c in np.doc._.entities if c.type == "person" for m in c.mentions
    )))


def _finite_of_clause(doc: Doc, start: int, end: int, fallback: Token, skip: set[int] = frozenset()) -> Token:
    """The clause's first finite verb outside quotation marks ('Als „verpasste Chance“ beurteilte X',
    'Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte')."""
    marks = 0
    for t in doc[start:end]:
        marks += is_quote_char(t)
        if is_finite(t) and t.i not in skip and marks % 2 == 0:
            return t
    return fallback


def _capitalised_frame_noun(t: Token, nouns: frozenset[str]) -> bool:
    """'Angaben' after 'nach': a frame noun spelt as a noun."""
    return t.lower_ in nouns and t.text == t.lower_[:1].upper() + t.lower_[1:]


class FrameFinder:
    """Finds attribution frames in a sentence, outside the token ranges it is told to skip."""

    def __init__(self) -> None:
        self.frame_nouns = frame_nouns_lower()

    def find(self, sent: Span, skip: set[int] = frozenset()) -> list[Frame]:
        """The frames of a sentence; memoised on the Doc, since quotes, reported speech, sources,
        reactions and the headline check all ask for the same sentences."""
        skipped = tuple(sorted(skip.intersection(range(sent.start - 1, sent.end + 1))))
        key = ("quellenlage.frames", sent.start, sent.end, skipped)
        cache = doc_cache(sent.doc)
        if key not in cache:
            cache[key] = self._find(sent, skip)
        return list(cache[key])

    def _find(self, sent: Span, skip: set[int]) -> list[Frame]:
        doc = sent.doc
        frames: list[Frame] = []
        lowers, tags = token_words(doc).lowers, pos_tags(doc)
        for i in range(sent.start, sent.end):
            low = lowers[i]
            if i in skip or low not in FRAME_OPENERS and tags[i] not in ("VERB", "AUX") and not (
                tags[i] == "ADJ" and low.endswith(("t", "en"))  # a participle read as an adjective ("wurde betont")
            ):
                continue  # no word a frame opens with, no speech verb
            t = doc[i]
            if low in ("laut", "gemäß") and pos(t) in ("ADP", "ADV", "PROPN", "X", "ADJ") and t.i + 1 < sent.end:
                np = noun_phrase(doc, t.i + 1) or _quoted_name(doc, t.i + 1, sent.end)  # 'laut „Welt“'
                # "gemäß" also means "in accordance with": only a source makes it a frame
                if np is not None and (low == "laut" or source_type_of(np) != "unknown" or any(x.ent_type_ for x in np)):
                    frames.append(Frame(doc[t.i : t.i + 1], "laut", self._source_in(np), clause=(t.i, np.end)))
            elif low == "zufolge":
                np = noun_phrase_ending(doc, t.i, sent.start)
                if np is not None:
                    start = np.start
                    if doc[start].lower_ in GENITIVE_ARTICLES and start > sent.start:
                        # "Einem Bericht der „Zeitung“ zufolge": the noun the quoted genitive belongs to opens the frame
                        owner = noun_phrase_ending(doc, start, sent.start)
                        start = owner.start if owner is not None else start
                    frames.append(Frame(doc[t.i : t.i + 1], "zufolge", self._source_in(np), clause=(start, t.i + 1)))
            elif low == "nach" and (noun := self._frame_noun_after(sent, t)) is not None:
                # "nach Angaben der Polizei", "nach israelischen Angaben", "nach eigenen Angaben"
                np = noun_phrase(doc, t.i + 1)
                if np is not None:
                    own = doc[t.i + 1].lower_ in ("eigenen", "eigenem")  # "nach eigenen Angaben", "nach eigenem Bekunden"
                    source = self._own_subject(sent, t, skip) if own else self._source_in(np)
                    end = max(np.end, source.end) if source is not None and source.start >= np.end else np.end  # 'des „Spiegel“'
                    frames.append(Frame(doc[t.i : noun.i + 1], "angaben", source, clause=(t.i, end)))
            elif low in ("nach", "laut") and t.i + 1 < sent.end and self._frame_compound(doc[t.i + 1]):
                # "Nach Polizeiangaben", "laut Medienberichten": the compound names its source
                frames.append(Frame(doc[t.i : t.i + 2], "angaben", doc[t.i + 1 : t.i + 2], clause=(t.i, t.i + 2)))
            elif low == "für" and (holder := self._opinion_holder(sent, t)) is not None:
                # "Für den Staatsrechtler Klaus Berg ist das ein Verstoß": the view of a person
                frames.append(Frame(doc[t.i : t.i + 1], "laut", holder, clause=(t.i, holder.end)))
            elif low in POSSESSIVE_THIRD and t.i + 2 < sent.end and sent.doc[t.i + 2].lower_ == "nach" and _capitalised_frame_noun(sent.doc[t.i + 1], self.frame_nouns):
                # "Seiner Meinung nach hätte …": the owner of the view is the source
                frames.append(Frame(doc[t.i : t.i + 3], "view", doc[t.i : t.i + 1], clause=(t.i, t.i + 3)))
            elif low in ANAPHORIC_SOURCES and self._opens_report(sent, t):
                # "Demnach habe sie …": the source named before speaks on
                frames.append(Frame(doc[t.i : t.i + 1], "anaphoric", doc[t.i : t.i + 1], clause=(t.i, t.i + 1)))
            elif low == "so" and (tag := self._so_tag(sent, t)) is not None:
                frames.append(Frame(doc[t.i : t.i + 1], "so", self._source_in(tag), clause=(t.i, clause_bounds(sent, t.i)[1])))
            else:
                frame = self._verb_frame(sent, t, skip)
                if frame is not None:
                    frames.append(frame)
        frames = _fold(frames)
        for frame in frames:
            self._add_via(sent, frame, skip)
        return frames

    @staticmethod
    def _own_subject(sent: Span, t: Token, skip: set[int]) -> Span | None:
        """Whose "eigenen Angaben" these are: the subject of the clause."""
        finite = next((x for x in sent if is_finite(x) and x.i not in skip), None)
        if finite is None:
            return None
        subject = subject_of_main_clause(sent, finite, clause_bounds(sent, finite.i)[1], skip)[0]
        return _with_apposed_name(sent.doc, subject) if subject is not None else None

    def _frame_noun_after(self, sent: Span, t: Token) -> Token | None:
        """The frame noun after "nach", past adjectives: "nach offiziellen Angaben"."""
        k = t.i + 1
        if k < sent.end and sent.doc[k].lower_ in ("einer", "einem", "der", "dem", "den"):
            k += 1  # "nach einer norwegischen Studie", "nach dem Bericht der Kommission"
        while k < sent.end and k - t.i <= 4 and pos(sent.doc[k]) == "ADJ" and sent.doc[k].text[:1].islower():
            k += 1
        if k < sent.end and _capitalised_frame_noun(sent.doc[k], self.frame_nouns):
            if k > t.i + 1 and sent.doc[t.i + 1].lower_ in ("eigenen", "gemeinsamen") and sent.doc[k].lower_ in OWN_RESEARCH:
                return None  # "nach eigenen Recherchen": the outlet's own voice, no source
            return sent.doc[k]
        return None

    @staticmethod
    def _opinion_holder(sent: Span, t: Token) -> Span | None:
        """The person in a sentence-initial "Für X ist/bleibt/steht …" (X's judgement)."""
        doc = sent.doc
        first = next((x for x in sent if not (x.is_punct or x.is_space)), None)
        if first is None or first.i != t.i or t.i + 1 >= sent.end:
            return None
        np = noun_phrase(doc, t.i + 1)
        if np is None or np.end >= sent.end:
            return None
        verb = doc[np.end]
        if not is_finite(verb) or lemma(verb) not in ("sein", "bleiben", "stehen", "gelten"):
            return None
        person = any(x.ent_type_ == "PER" for x in np) or source_type_of(np) in ("person", "anonymous")
        return np if person else None

    @staticmethod
    def _opens_report(sent: Span, t: Token) -> bool:
        """An anaphoric adverb first in its sentence: "Demnach"/"Demzufolge" always refer to a
        source; the temporal "Danach" only with a Konjunktiv I verb."""
        first = next((x for x in sent if not (x.is_punct or x.is_space)), None)
        if first is None:
            return False
        if first.i != t.i:  # "Ein engerer Takt erschwere demnach …": right after the finite verb too
            verb = sent.doc[t.i - 1]
            # a small word between the opening noun phrase and "demnach" is the verb of a verb-second
            # clause, however the tagger read it ("… Netz erschwerten demnach")
            after_noun = verb.i > sent.start and pos(sent.doc[verb.i - 1]) in ("NOUN", "PROPN") and verb.is_lower and verb.is_alpha
            return t.lower_ in ("demnach", "demzufolge") and (is_finite(verb) or after_noun and verb.lower_ not in COORDINATING)
        return t.lower_ != "danach" or any(is_finite(x) and is_konjunktiv1(x) for x in sent)

    def _frame_compound(self, t: Token) -> bool:
        low = t.lower_
        return t.text[:1].isupper() and any(low.endswith(n) and len(low) > len(n) + 2 for n in self.frame_nouns)

    def _source_in(self, np: Span) -> Span:
        """For "Woodwards Ausführungen" / "Angaben der Polizei": the possessor, not the frame noun."""
        doc = np.doc
        heads = [t for t in np if t.lower_ in self.frame_nouns]
        if not heads:
            return np
        head = heads[0]
        if head.i > np.start and doc[head.i - 1].text.endswith("s") and pos(doc[head.i - 1]) == "PROPN":
            return doc[head.i - 1 : head.i]
        if head.i + 1 < np.end:
            return doc[head.i + 1 : np.end]
        k = head.i + 1
        if k < len(doc) and doc[k].lower_ in ("aus", "von", "vom"):  # "nach Angaben aus Regierungskreisen"
            k += 1
        elif k < len(doc) and not (doc[k].lower_ in ("der", "des", "eines", "einer") or pos(doc[k]) == "PROPN"):
            return np  # "nach israelischen Angaben dem Transport …": what follows is no genitive source
        nxt = noun_phrase(doc, k) if k < len(doc) else None
        return nxt if nxt is not None else np

    @staticmethod
    def _so_tag(sent: Span, t: Token) -> Span | None:
        """", so der Autor" / "So Peskow." : a tag naming the source right after 'so'."""
        doc = sent.doc
        prev = doc[t.i - 1] if t.i > sent.start else None
        if prev is not None and prev.text not in (",", "–", "-", "—", '"', "“", "”", "«", "»"):
            return None
        np = noun_phrase(doc, t.i + 1) if t.i + 1 < sent.end else None
        if np is None or np[0].lower_ in PERSONAL_PRONOUNS - {"er", "sie"}:
            return None
        after = doc[np.end] if np.end < len(doc) else None
        if after is not None and after.lower_ in ("weiter", "wörtlich", "abschließend", "ergänzend") and np.end + 1 < len(doc):
            after = doc[np.end + 1]  # "…, so Elshorst weiter:", "so Guttenberg wörtlich."
        if after is None or after.is_punct or after.is_space or pos(after) == "ADP":
            return np
        return None

    def _verb_frame(self, sent: Span, t: Token, skip: set[int]) -> Frame | None:
        found = verb_cue(t, sent)
        if found is None:
            return None
        lem, cue = found
        doc = sent.doc
        cls, reaction = cue_verbs()[lem]
        start, end = clause_bounds(sent, t.i)
        while start < t.i and (doc[start].i in skip or doc[start].is_punct):
            start += 1
        if start + 1 < t.i and doc[start].lower_ in ("denn", "und", "aber", "doch", "auch") and doc[start + 1].lower_ in SUBORDINATORS:
            start += 1  # "Denn wie die Zeitung berichtete, …"
        antecedent = None
        if any(x.lower_ in ("was", "wer") and x.tag_ in ("PWS", "PRELS") for x in doc[start : t.i]):
            return None  # "alles, was … gefordert wird": a free relative clause reports nothing
        inner_subject = None
        joined = next(
            (k for k in range(start, t.i - 2) if doc[k].lower_ in ("und", "oder") and pos(doc[k + 1]) == "ADP"
             and doc[k + 2].lower_ in PREPOSITIONAL_RELATIVES),
            None,
        )  # "…, deren Fotos … waren und von denen Relotius behauptet, …"
        if joined is not None:
            start = joined + 1
            inner_subject = _skip_to_subject(doc, start + 2, t.i)
            if inner_subject is None:
                return None
        if _bare_participle(doc, t, start, end):
            return None  # "ist Pioniergeist gefragt", "(auch „Strong AI“ genannt)": no one speaks
        if joined is None and doc[start].lower_ in ("dessen", "deren") and relative_clause(doc, start, end):
            inner_subject = noun_phrase(doc, start + 1)  # "…, dessen Chef sagt:": the chef speaks
            if inner_subject is None:
                return None
            inner_subject = doc[start : inner_subject.end]
        elif joined is None and relative_clause(doc, start, end):
            # "…, eine Resolution, welche die Regierung auffordert, …": the relative pronoun
            # stands for the noun before the comma; with a preposition ("von denen X behauptet")
            # the subject is inside the clause
            if pos(doc[start]) == "ADP":
                inner_subject = _skip_to_subject(doc, start + 2, t.i)
                if inner_subject is None:
                    return None
            elif start < 2:
                return None
            else:
                antecedent = noun_phrase_ending(doc, start - 1, sent.start)
                if antecedent is None:
                    return None
        if lem in HEARSAY:
            if lem == "heißen" and not any(x.lower_ == "es" for x in doc[max(sent.start, t.i - 1) : t.i + 2]):
                return None
            source = _written_in(doc, start, end) or passive_agent(doc, t.i, end)  # "hieß es vom Ministerium"
            if source is None and doc[sent.start].lower_ in ("in", "im"):  # "In dem Bericht, der …, heißt es"
                source = _written_in(doc, sent.start, t.i)
            return Frame(cue, "hearsay", source, reaction=reaction, lemma=lem, clause=(t.i, t.i + 1))
        if lem == "zitieren" and inner_subject is None and antecedent is None:
            cited = _quoted_person(sent, t, start, end, skip)
            if cited is not None:
                speaker, via = cited
                return Frame(cue, "verb", speaker, via=via, reaction=reaction, verb_class=cls, lemma=lem, clause=(start, end))
        if passive(doc, start, end):
            # "wird von der Polizei bestätigt", "wird in einer Mitteilung gefordert"
            agent = passive_agent(doc, start, end)
            if agent is None and lem != "fragen":  # "wurde in der Talkshow gefragt": where one was asked, not who asked
                agent = _written_in(doc, start, end)
            if agent is not None:
                return Frame(cue, "verb", agent, reaction=reaction, verb_class=cls, lemma=lem, clause=(start, end))
            if lem == "zitieren" and doc[start].lower_ not in SUBORDINATORS:
                # "…, wird Panetta zitiert", "Sie wird mit den Worten zitiert: …": who is quoted speaks
                quoted, clause_start = subject_of_main_clause(sent, _finite_of_clause(doc, start, end, t), end, skip)
                if quoted is not None and plausible_source(quoted):
                    clause = (min(clause_start, start), max(end, quoted.end))
                    return Frame(cue, "verb", quoted, reaction=reaction, verb_class="speech", lemma=lem, clause=clause)
            if lem in hearsay_passives() and (doc[start].lower_ not in SUBORDINATORS or pos(doc[start]) == "ADP"):  # "Seit Jahren wird …"
                return Frame(cue, "hearsay", None, reaction=reaction, lemma=lem, clause=(t.i, t.i + 1))
            return None
        finite = _finite_of_clause(doc, start, end, t, skip)
        if inner_subject is not None:
            speaker, clause_start = inner_subject, start
        elif antecedent is not None:
            speaker, clause_start = antecedent, antecedent.start
        elif doc[start].lower_ in SUBORDINATORS and _verb_final(doc, t, end, skip):
            # "wie der 'Daily Express' berichtet"; not "Als Begründung sagte ein Wissenschaftler"
            speaker = _skip_to_subject(doc, start + 1, finite.i if finite.i > start else end) or _quoted_subject(doc, start + 1, t.i)
            clause_start = start
        else:
            speaker, clause_start = subject_of_main_clause(sent, finite, end, skip)
        if speaker is None:
            speaker = _circles(doc, start, t.i)  # "Aus EU-Kreisen verlautete, …"
        if speaker is None and any(x.lower_ in ("und", "oder", "sowie") for x in doc[start:t.i]):
            speaker = _coordinated_subject(sent, t.i, skip)
        shared = False
        if speaker is None:
            speaker = _listed_subject(sent, t.i, skip)
            if speaker is not None:
                clause_start, shared = speaker.start, True  # the list of actions before the verb is frame, not content
        if speaker is None and [x.lower_ for x in doc[t.i + 1 : t.i + 3]] == ["es", "sich"]:
            return None  # "empfiehlt es sich, …": impersonal advice, nobody is quoted
        if speaker is not None and len(speaker) == 1 and speaker[0].text == "Sie" and not speaker[0].is_sent_start:
            return None  # "sehen Sie oben im Video": the reader, addressed
        if speaker is not None and len(speaker) == 1 and speaker[0].lower_ == "es" and any(lemma(x) == "werden" for x in doc[start:end]):
            if lem not in hearsay_passives():
                return None  # "Es wird argumentiert, diskutiert, gemeckert": an activity, no report
            return Frame(cue, "hearsay", None, reaction=reaction, lemma=lem, clause=(t.i, t.i + 1))  # "Es wird befürchtet, dass …"
        if speaker is not None and len(speaker) == 1 and speaker[0].lower_ in ("man", "ich", "wir"):
            return None  # "denkt man darüber nach", "Ich fand, …": impersonal or the writer's own voice
        if speaker is not None:
            speaker = _with_apposed_name(doc, speaker)
        if speaker is not None and not plausible_source(speaker):
            speaker = owner_of_statement(speaker)  # "Die Ankündigungen von X und Y versprachen …": X and Y
            if speaker is None:
                return None  # "bestätigt sich die Befürchtung, dass …": no one speaks
        after = t.i + 2 if t.i + 1 < end and doc[t.i + 1].lower_ in PERSONAL_PRONOUNS else t.i + 1  # "gab er nicht bekannt"
        if any(_negates(x) for x in doc[start:end] if x.i < t.i or t.i < x.i <= after or is_finite(t)):
            # "wollte nicht bestätigen, dass …", "leugnet die Probleme nicht": nothing is reported
            return None
        if any(x.lower_ in ("niemand", "keiner") and (x.i == start or pos(doc[x.i - 1]) != "ADP") for x in doc[start : t.i]):
            return None  # "Niemand habe ihm mitgeteilt, …": no one spoke (not "mit keinem", "von niemandem")
        clause = (min(clause_start, start), max(end, speaker.end if speaker is not None else end))
        return Frame(cue, "verb", speaker, reaction=reaction, verb_class=cls, lemma=lem, clause=clause, shared_subject=shared)

    def _add_via(self, sent: Span, frame: Frame, skip: set[int]) -> None:
        """Media and agencies named in the frame besides the speaker become the via chain."""
        doc = sent.doc
        start, end = frame.clause
        if frame.rule == "verb":
            start, end = clause_bounds(sent, frame.cue.start)
        for ent in sent.doc._.entities:
            if ent.type not in ("media", "agency"):
                continue
            for m in ent.mentions:
                if start <= m.start < end and m.start not in skip and (
                    frame.speaker is None or not (frame.speaker.start <= m.start < frame.speaker.end)
                ):
                    frame.via.append(m)
        for i in range(start, end):
            tok = doc[i]
            if tok.lower_ in ("aus", "in") and i + 1 < end:
                np = noun_phrase(doc, i + 1)
                if np is not None and np[-1].lower_ in ANONYMOUS_HEADS:
                    frame.via.append(np)


def _fold(frames: list[Frame]) -> list[Frame]:
    """One frame per statement: a 'laut X' / 'nach Angaben X' inside a verb frame's clause
    becomes its via ("sagte Peskow nach Angaben russischer Nachrichtenagenturen"), and a
    '…, so X' tag names the speaker of a verb frame that has none ("sei durchgesickert, …,
    so der Autor")."""
    # a view ("sehen das anders", "glauben") does not carry a "nach Angaben X": X reports the view
    verbs = [f for f in frames if f.rule == "verb" and f.verb_class != "thought"]
    kept = [f for f in frames if f.rule not in PREPOSITIONAL_RULES]
    for other in (f for f in frames if f.rule in PREPOSITIONAL_RULES):
        host = next((v for v in verbs if v.clause[0] <= other.cue.start < v.clause[1]), None)
        if host is None and other.rule == "so":
            host = next((v for v in verbs if v.speaker is None and v.cue.start < other.cue.start), None)
        if host is None:
            kept.append(other)
            continue
        if host.speaker is None:
            host.speaker = other.speaker
        elif other.speaker is not None:
            host.via.append(other.speaker)
        host.tags.append(other.clause)
    return sorted(kept, key=lambda f: f.cue.start)


def _negates(t: Token) -> bool:
    """A negation of the clause ("nicht", "nie"), not of one phrase ("nicht nur", "nicht zuletzt")."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return t.lower_ in ("nicht", "nie", "niemals") and nxt not in ("nur", "zuletzt", "selten", "ohne")


def passive(doc: Doc, start: int, end: int) -> bool:
    """A 'werden' + participle clause ("wird nachgesagt", "wurde berichtet")."""
    lemmas = token_words(doc).lemmas
    werden = next((doc[i] for i in range(start, end) if lemmas[i] == "werden"), None)
    if werden is None:
        return False
    if any("Part" in t.morph.get("VerbForm") or t.tag_ == "VVPP" for t in doc[start:end]):
        return True
    # a participle without "ge-" looks finite to the tagger: right after "werden" ("wurde
    # vermutet"), or closing the clause after a finite "werden" ("wird in der Mitteilung betont")
    if any(
        lemma(t) == "werden" and t.i + 1 < end and pos(doc[t.i + 1]) == "VERB" and doc[t.i + 1].lower_.endswith("t")
        for t in doc[start:end]
    ):
        return True
    last = next((t for t in reversed(doc[werden.i + 1 : end]) if not (t.is_punct or t.is_space)), None)
    return is_finite(werden) and last is not None and pos(last) == "VERB" and last.lower_.endswith("t")


# Heads of abstract nouns that name no one who could speak ("die Befürchtung", "die Freiheit").
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "tion", "ismus", "tät", "nis", "nisse", "ungen", "ionen", "sicht", "zeit", "weise")
def is_temporal(t: Token) -> bool:
    """A noun of time or a year: "am Montag", "im Jahr 2005" are when, not who."""
    return t.lower_ in time_nouns() or is_year(t)


def plausible_source(np: Span) -> bool:
    """Could this noun phrase have said something? Names, pronouns and people/institution
    nouns can; abstract nouns ("Befürchtung", "Ergebnis") cannot."""
    if any(t.ent_type_ for t in np) or any(e for e in np.doc._.entities for m in e.mentions if m.start >= np.start and m.end <= np.end):
        return True
    nouns = [t for t in np if pos(t) == "NOUN"]
    heads = nouns[:1] or [t for t in np if pos(t) in ("PROPN", "PRON")][-1:]
    if not heads:
        return True
    head = heads[0]  # the first noun heads a German phrase: "die Anwendung der Kompetenz des Kanzlers"
    if pos(head) == "PRON":
        return True
    if is_temporal(head):
        return False  # "Am heutigen Montag", "2005": a time, not a speaker
    word = (head.lemma_ or head.text).lower()
    nouns = source_nouns()
    if word in nouns or head.lower_ in nouns or word.endswith(_source_noun_endings()):
        return True
    return not word.endswith(ABSTRACT_SUFFIXES)


@lru_cache(maxsize=1)
def _source_noun_endings() -> tuple[str, ...]:
    """The source nouns of four letters or more, which also end compounds ("Polizeisprecher")."""
    return tuple(n for n in source_nouns() if len(n) >= 4)


@lru_cache(maxsize=16384)
def _source_noun_type(word: str, lower: str) -> str | None:
    """The type of the first source noun (in lexicon order) that the word (its lemma `word`,
    its form `lower`) is, or ends in when the noun has four letters or more."""
    for noun, stype in source_nouns().items():
        if word == noun or lower == noun or (len(noun) >= 4 and (word.endswith(noun) or lower.endswith(noun))):
            return stype
    return None


def source_type_of(np: Span) -> str:
    """The source type a description implies from its head noun ("ein Mitarbeiter" ->
    anonymous, "der Einsatzleiter der Polizei" -> person, "die Zeitung" -> media)."""
    heads = [t for t in np if pos(t) in ("NOUN", "PROPN")] or list(np)
    for t in heads:
        stype = _source_noun_type((t.lemma_ or t.text).lower(), t.lower_)
        if stype is not None:
            if stype == "person" and np[0].lower_ in ("ein", "eine", "einem", "einer", "eines", "einen"):
                return "anonymous"
            return stype
    if np.text in media_names():
        return media_names()[np.text]
    return "unknown"
