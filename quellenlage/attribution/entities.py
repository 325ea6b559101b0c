"""`EntityResolver`: one canonical entity per person, organisation, medium or place.

Mentions come from the NER model and a gazetteer of media names. Person mentions merge by
surname ("Donald Trump", "Trump", "Trumps"); the canonical name is the fullest form. Role
nouns seen next to a name ("Putins Sprecher Dmitri Peskow", "Steven Cheung, als
Kommunikationsdirektor") let later definite descriptions ("der Kremlsprecher", "der Autor")
join the entity they describe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from quellenlage.lang.de.grammar import (
    DEFINITE,
    INDEFINITE,
    NAME_PARTICLE_ARTICLES,
    NAME_PARTICLES,
    capitalised_non_noun,
    LANG,
    frame_nouns_lower,
    POSSESSIVE,
    media_names,
    noun_number,
    pos,
    source_nouns,
    strip_genitive,
)
from quellenlage.attribution.lines import line_of, role_at
from quellenlage.extensions import LINGUISTIC, doc_cache, doc_text, token_words
from quellenlage.lexicons import rows, words
from quellenlage.names import first_name_gender
from quellenlage.structure.features import DATE

AMBIGUOUS_MEDIA = frozenset({"Zeit", "Welt", "Time", "Times", "Stern", "Krone", "Focus", "Bild", "Kurier", "Standard", "Independent", "Guardian"})
AGE_NOUN = re.compile(r"^\d{1,3}-[Jj]ährigen?[rm]?$")
INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,2}[A-ZÄÖÜ][A-Za-zÄÖÜ]{0,4}$")
LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "misc", "GPE": "place"}


def is_role_noun(t: Token) -> bool:
    """A noun that names a role a person has ("Sprecher", "Kremlsprecher", "US-Präsident")."""
    return _role_nouns(t.doc)[t.i]


def _role_nouns(doc: Doc) -> list[bool]:
    """`is_role_noun` of every token, read once per Doc off its word lists: the entity and
    speaker rules ask it of most capitalised words, several times."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.role_nouns")
    if known is None or len(known) != len(doc):
        texts, lowers, lemmas, _ = token_words(doc)
        known = cache["quellenlage.role_nouns"] = [
            texts[i][:1].isupper() and (_role_word(lemmas[i]) or _role_word(lowers[i])) and not doc[i].is_punct
            for i in range(len(doc))
        ]
    return known


@lru_cache(maxsize=65536)
def _role_word(word: str) -> bool:
    """A source noun, or a compound ending in a person's one ("kremlsprecher")."""
    return word in source_nouns() or _ends_in_person_noun(word)


def _person_role(t: Token) -> bool:
    """A role noun of a person ("Sprecher", "Kremlchef"), not of an institution ("Universität"):
    before a name, only such a role is cut from an organisation's entity ("Universität Mannheim")."""
    word = (t.lemma_ or t.text).lower()
    kind = source_nouns().get(word)
    return kind in ("person", "anonymous") if kind is not None else _ends_in_person_noun(word)


def _ends_in_person_noun(word: str) -> bool:
    """A compound whose last part is a person's source noun ("kremlsprecher")."""
    endings = _person_noun_endings()
    return any(word[k:] in endings for k in range(len(word) - 3))


@lru_cache(maxsize=1)
def _person_noun_endings() -> frozenset[str]:
    return frozenset(n for n, kind in source_nouns().items() if len(n) >= 4 and kind in ("person", "anonymous"))


@dataclass
class EntityCluster:
    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" | "f" for people whose name or description tells

    def last_before(self, i: int) -> int:
        """Token index of the last mention that ends before token i (-1 if none)."""
        return max((m.start for m in self.mentions if m.end <= i), default=-1)


def _people(clusters: dict[str, EntityCluster]) -> dict[str, EntityCluster]:
    """Person clusters by their key name ("Woodward", "Sebastian K.")."""
    return {key.split(":", 1)[1]: c for key, c in clusters.items() if key.startswith("person:")}


def _named_last_with_initial(people: dict[str, EntityCluster], initial: str, before: int) -> str | None:
    """The person named last before token `before` whose name ends in the initial: "K." after
    "Sebastian K." and "Jacek K." is whichever of the two the text spoke of last."""
    named = [(c.last_before(before), k) for k, c in people.items() if k.endswith(" " + initial)]
    position, key = max(named, default=(-1, None))
    return key if position >= 0 else None


def _role_match(head: str, role: str) -> bool:
    """'kremlsprecher' ~ 'sprecher', 'ex-us-präsident' ~ 'präsident', 'autor' ~ 'autor'."""
    head, role = _adjectival_stem(head.lower()), _adjectival_stem(role.lower())
    if len(role) < 4 or len(head) < 4:
        return head == role
    if head != role and role in words(LANG, "generic_roles.tsv"):
        return False  # a compound narrows a generic role: "der IT-Kollege" is not "der Kollege Moreno"
    return head == role or head.endswith(role) or role.endswith(head) or head.split("-")[-1] == role.split("-")[-1]


def _adjectival_stem(word: str) -> str:
    """Nouns from adjectives inflect: "Vorsitzender", "Vorsitzende", "Vorsitzenden" are one role."""
    return word[:-1] if word.endswith(("er", "en")) and word[:-1].endswith("e") else word


def _in_date(ent: Span) -> bool:
    """The span is part of a written date ("14. May 2019", "am 3. Juni")."""
    lo = max(0, ent.start_char - 4)
    window = doc_text(ent.doc)[lo : ent.end_char + 6]
    return any(m.start() + lo <= ent.start_char and ent.end_char <= m.end() + lo for m in DATE.finditer(window))


def _trim_entity(ent: Span) -> Span | None:
    """Cut role nouns, adjectives and frame nouns the tagger glued to a name
    ("Paranoider Putin", "Woodwards Ausführungen", "Kreml-Chef Putin")."""
    start, end = ent.start, ent.end
    doc = ent.doc

    def generic(t) -> bool:
        return (
            not t.text[:1].isupper()
            or (ent.label_ == "PER" and (pos(t) == "ADJ" or t.tag_ in ("ADJA", "ADJD")))
            or t.text.lower() in frame_nouns_lower()
            or t.is_punct
        )

    for k in range(start + 1, end):  # "Rechnungshof den Bau": names do not contain object articles
        if doc[k].lower_ in ("den", "dem", "einen", "einem") or doc[k].text[:1] in "#@(":
            end = k  # nor hashtags, handles or a bracket: "Anna Berg #Klima (@annaberg)", "Bundesamt … (BfS)"
            break
    # a role before the name goes ("Finanzminister Klaus Richter"); after it, a role word is
    # the surname ("Klaus Richter", "Anna Koch")
    while start < end and (generic(doc[start]) or is_role_noun(doc[start]) and (ent.label_ == "PER" or _person_role(doc[start]))):
        start += 1
    while end > start and generic(doc[end - 1]):
        end -= 1
    # a common noun glued to a name ("Donald Trumps Lager"), never the name itself ("Stoiber")
    while end - start > 1 and doc[end - 1].tag_ == "NN" and doc[end - 2].text.endswith("s") and doc[end - 2].tag_ == "NE":
        end -= 1
    if end == start or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Span(doc, start, end, label=ent.label_)


def _with_name_particle(ent: Span) -> Span:
    """A person's name with the particle and surname the NER split off: "Karl-Theodor" + "zu
    Guttenberg", when the NER tags the word after the particle as a person's name too."""
    doc = ent.doc
    k = ent.end
    if k >= len(doc) or doc[k].lower_ not in NAME_PARTICLES or doc[k].text[:1].isupper():
        return ent
    k += 1
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLE_ARTICLES | NAME_PARTICLES and not doc[k].text[:1].isupper():
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].ent_type_ != "PER":
        return ent  # "Anna Schmidt von der Polizei", "Klaas B. von The Machine Company": no name follows
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PER":
        end += 1  # the rest of that name
    return Span(doc, ent.start, end, label=ent.label_)


def _capitalised(doc: Doc) -> Iterator[Token]:
    """The Doc's tokens that begin with a capital letter (names, nouns, role words): tested on
    its word list, made Tokens only then."""
    texts = token_words(doc).texts
    return (doc[i] for i in range(len(doc)) if texts[i][:1].isupper())


def _role_tokens(doc: Doc) -> Iterator[Token]:
    """The Doc's role nouns (`is_role_noun`): only these are made Tokens."""
    roles = _role_nouns(doc)
    return (doc[i] for i in range(len(doc)) if roles[i])


def _role_named(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER model missed, found by the role noun before them: "Autor Bob Woodward",
    "Sprecherin Lisa Hahn" (one to three capitalised name words after a person role)."""
    out = []
    for t in _role_tokens(doc):
        if t.i + 1 >= len(doc):
            continue
        start = end = t.i + 1
        while end < len(doc) and end - start < 3 and end not in taken and doc[end].text[:1].isupper() and (
            doc[end].tag_ == "NE" or pos(doc[end]) == "PROPN"
        ) and (end > start or not is_role_noun(doc[end])):  # "Klaus Richter": a surname may be a role word
            end += 1
        if end > start and role_at(doc, doc[start].idx) != "boilerplate":
            out.append((start, end))
    return out


def _institution_named(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Institutions the NER model missed, found by German word formation: a compound ending in
    an institution noun ("Bundesgerichtshof", "Umweltministerium"), with a capitalised
    adjective before it and its "für …"/"der …" complement ("Bundesamt für Strahlenschutz")."""
    heads = institution_heads()
    out = []
    lowers = token_words(doc).lowers
    for t in (doc[i] for i in range(len(doc)) if lowers[i].endswith(heads)):
        low = t.lower_
        if t.i in taken or not low.endswith(heads) or pos(t) != "NOUN" or t.morph.get("Number") == ["Plur"]:
            continue
        if not any(low.endswith(h) and len(low) >= len(h) + 3 for h in heads) or role_at(doc, t.idx) == "boilerplate":
            continue
        start, end = t.i, t.i + 1
        while start > 0 and start - 1 not in taken and pos(doc[start - 1]) == "ADJ" and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start:
            start -= 1  # "Europäischer Rechnungshof", not a sentence-initial adjective
        if end + 1 < len(doc) and doc[end].lower_ in ("für", "der", "des") and doc[end + 1].text[:1].isupper() and pos(doc[end + 1]) in ("NOUN", "PROPN"):
            end += 2  # "Bundesamt für Strahlenschutz", "Bundesministerium der Finanzen"
        if start == t.i and end == t.i + 1 and not low.startswith(INSTITUTION_PREFIXES) and not low.endswith(("ministerium", "gerichtshof", "staatsanwaltschaft")):
            continue  # "Präsidentenamt", "Nachrichtenagentur": a kind of office, not a named institution
        out.append((start, end))
        taken.update(range(start, end))
    return out


@lru_cache(maxsize=1)
def institution_heads() -> tuple[str, ...]:
    return tuple(r[0] for r in rows(LANG, "institution_heads.tsv"))


def _first_name_named(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Names the NER model missed, found by a known first name before a capitalised surname
    ("Carline Mohr, Redakteurin"); both words must be tagged as names, not as sentence words."""
    out = []
    for t in _capitalised(doc):
        # a first name is capitalised (first_name_gender): the cheap test first
        if t.i in taken or t.i + 1 >= len(doc) or not t.text[:1].isupper() or pos(t) != "PROPN":
            continue
        nxt = doc[t.i + 1]
        if nxt.i in taken or pos(nxt) not in ("PROPN", "NOUN") or not nxt.text[:1].isupper() or is_role_noun(nxt):
            continue
        if not nxt.is_alpha or first_name_gender(t.text) is None or role_at(doc, t.idx) == "boilerplate":
            continue
        out.append((t.i, t.i + 2))
        taken.update((t.i, t.i + 1))
    return out


class EntityResolver:
    def __init__(self, nlp: Language, name: str = "entity_resolver") -> None:
        self.name = name
        self.media = media_names()
        self.matcher = PhraseMatcher(nlp.vocab)
        for text in self.media:
            self.matcher.add(self.media[text], [nlp.make_doc(text)])

    def _mentions(self, doc: Doc) -> list[tuple[Span, str]]:
        """(span, type) for every NER entity and gazetteer media name; media win overlaps."""
        found: list[tuple[Span, str]] = []
        taken: set[int] = set()
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            # "Zeit", "Welt", "Bild" … are also plain words: as media only when quoted or tagged a name
            if len(span) == 1 and span.text in AMBIGUOUS_MEDIA and pos(span[0]) == "NOUN":
                if not (start > 0 and doc[start - 1].text in "„\"»“"):
                    continue
            found.append((span, doc.vocab.strings[match_id]))
            taken.update(range(start, end))
        for start, end in _role_named(doc, taken | {i for e in doc.ents for i in range(e.start, e.end)}):
            found.append((doc[start:end], "person"))
            taken.update(range(start, end))
        for start, end in _institution_named(doc, taken | {i for e in doc.ents for i in range(e.start, e.end)}):
            found.append((doc[start:end], "organization"))
            taken.update(range(start, end))
        for start, end in _first_name_named(doc, taken | {i for e in doc.ents for i in range(e.start, e.end)}):
            found.append((doc[start:end], "person"))
            taken.update(range(start, end))
        for ent in doc.ents:
            ent = _trim_entity(ent)
            if ent is not None and ent.label_ == "PER":
                ent = _with_name_particle(ent)
            if ent is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if role_at(doc, ent.start_char) == "boilerplate":
                continue
            etype = LABEL_TYPES.get(ent.label_, "misc")
            if len(ent) == 1 and capitalised_non_noun(ent.text):
                continue  # "Jüngst", "Nun" at a sentence start: words, not names
            if len(ent) == 1 and _in_date(ent):
                continue  # "14. May 2019": a month, whatever the NER says
            if etype == "person" and len(ent) > 1 and "-" in ent[-1].text and ent[-1].lower_.endswith(institution_heads()):
                etype = "organization"  # "Robert Koch-Institut", "Friedrich-Ebert-Stiftung": named after a person
            roles = [t.i for t in ent[:-1] if is_role_noun(t) and _person_role(t)]
            if etype != "person" and roles:
                ent, etype = doc[roles[-1] + 1 : ent.end], "person"  # "Russlands Präsident Wladimir Putin"
            found.append((ent, etype))
            taken.update(range(ent.start, ent.end))
        # a surname the NER labelled an organisation elsewhere ("Peskow bestätigte") is the person
        surnames = {strip_genitive(s[-1].text) for s, t in found if t == "person" and len(s) > 1}
        found = [(s, "person" if len(s) == 1 and strip_genitive(s.text) in surnames else t) for s, t in found]
        return sorted(found, key=lambda m: m[0].start)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        people = [(s, t) for s, t in mentions if t == "person"]
        surnames = {strip_genitive(s[-1].text) for s, _ in people if len(s) > 1}
        surnames |= {s[-1].text for s, _ in people if not s[-1].text.endswith("s")}
        clusters: dict[str, EntityCluster] = {}
        texts = {m.text for m, _ in mentions}
        for span, etype in mentions:
            if etype == "person":
                last = span[-1].text
                key = strip_genitive(last) if strip_genitive(last) in surnames else last
                if INITIAL.match(last):  # "Sebastian K." and "Jacek K." are two people
                    key = " ".join(t.text for t in span if not is_role_noun(t))
                    if len(span) == 1:  # "K." alone: the one named last with that initial
                        key = _named_last_with_initial(_people(clusters), last, span.start) or key
                key = "person:" + key
            else:
                text = " ".join(_strong_adjectives(span)) if len(span) > 1 else span.text
                key = f"{etype}:" + (strip_genitive(text) if strip_genitive(text) in texts else text).lower()
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = EntityCluster(id=f"e{len(clusters) + 1}", name="", type=etype)
            cluster.mentions.append(span)
        self._add_surname_mentions(doc, clusters)
        _merge_abbreviations(doc, clusters)
        for cluster in clusters.values():
            cluster.name = self._canonical(cluster)
            if cluster.type == "person":
                for m in cluster.mentions:
                    genitive = m[-1].text.endswith("s") and m.end < len(doc) and pos(doc[m.end]) == "NOUN"
                    if not genitive and (m.start == 0 or doc[m.start - 1].lower_ not in INDEFINITE):
                        cluster.roles |= self._roles_near(doc, m)  # not "ein Mitarbeiter Trumps", "Trumps Sprecher"
        doc._.entities = list(clusters.values())
        self._link_descriptions(doc, doc._.entities)
        _link_organisation_descriptions(doc, doc._.entities)
        for cluster in doc._.entities:
            if cluster.type == "person":
                cluster.gender = person_gender(cluster)
        return doc

    @staticmethod
    def _add_surname_mentions(doc: Doc, clusters: dict[str, EntityCluster]) -> None:
        """Every further occurrence of a known surname ("Woodward", "Woodwards") is a mention:
        the NER model misses repeated short forms more often than first full names."""
        taken = {i for c in clusters.values() for m in c.mentions for i in range(m.start, m.end)}
        people = _people(clusters)
        for t in _capitalised(doc):
            if t.i in taken or not t.text[:1].isupper():
                continue
            cluster = people.get(t.text) or people.get(strip_genitive(t.text))
            if cluster is None and not INITIAL.match(t.text) or role_at(doc, t.idx) == "boilerplate":
                continue  # no known surname or initial, or on a line of boilerplate
            if cluster is None and INITIAL.match(t.text):  # "K." for the last "Sebastian K."
                if key := _named_last_with_initial(people, t.text, t.i):
                    people[key].mentions.append(doc[t.i : t.i + 1])
                continue
            if cluster is not None and len(t.text) > 2:
                start = t.i
                # a first name right before the surname belongs to the mention ("Bob Woodward")
                if start > 0 and start - 1 not in taken and doc[start - 1].tag_ == "NE" and not is_role_noun(doc[start - 1]):
                    start -= 1
                cluster.mentions.append(doc[start : t.i + 1])
        for c in people.values():
            c.mentions.sort(key=lambda m: m.start)

    @staticmethod
    def _canonical(cluster: EntityCluster) -> str:
        """The fullest form the article uses most: "Wladimir Putin" over a one-off "Paranoider Putin"."""
        forms: dict[str, int] = {}
        for m in cluster.mentions:
            if len(m) > 1:
                forms[m.text] = forms.get(m.text, 0) + 1
        multi = [m for m in cluster.mentions if len(m) > 1]
        if multi:
            best = max(multi, key=lambda m: (forms[m.text] > 1, len(m), forms[m.text], len(m.text)))
        else:
            best = max(cluster.mentions, key=lambda m: len(m.text))
        words = [t.text for t in best]
        if cluster.type != "person" and len(best) > 1:
            words = _strong_adjectives(best)
        if cluster.type == "person" or len(best) == 1:
            bare = strip_genitive(words[-1])
            genitive_only = cluster.type == "person" and len(best) > 1 and words[-1].endswith("s") and all(
                m.end < len(m.doc) and pos(m.doc[m.end]) == "NOUN" for m in cluster.mentions if m[-1].text == words[-1]
            )  # "Donald Trumps Sprecher" but "Claas Relotius schrieb"
            if bare != words[-1] and (any(bare == m[-1].text for m in cluster.mentions) or genitive_only):
                words[-1] = bare
        return " ".join(words).strip("„“\"»«")

    @staticmethod
    def _roles_near(doc: Doc, mention: Span) -> set[str]:
        """Role nouns in apposition: before the name ("Kreml-Chef Putin", "Putins Sprecher Dmitri
        Peskow", "Investigativjournalist und Autor Bob Woodward") or after ", als ROLE"."""
        roles: set[str] = set()
        i = mention.start - 1
        while i >= 0 and (doc[i].ent_type_ != "PER" or is_role_noun(doc[i])):  # the NER may have taken the role in
            word = (doc[i].lemma_ or doc[i].text).lower()
            if is_role_noun(doc[i]):
                roles.add(word)
            elif not (doc[i].lower_ == "und" or pos(doc[i]) == "ADJ"):
                break
            i -= 1
        j = mention.end
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "als":
            k = j + 2
            while k < len(doc) and pos(doc[k]) in ("ADJ", "DET"):
                k += 1
            if k < len(doc) and is_role_noun(doc[k]):
                roles.add((doc[k].lemma_ or doc[k].text).lower())
        return roles

    @staticmethod
    def _link_descriptions(doc: Doc, clusters: list[EntityCluster]) -> None:
        """Definite role descriptions ("der Kremlsprecher", "Putins Sprecher") join an entity;
        an age description ("der 48-Jährige") joins the person named last before it."""
        in_entity = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        everyone = [c for c in clusters if c.type == "person"]
        texts = token_words(doc).texts
        for t in (doc[i] for i in range(len(doc)) if texts[i][:1].isdigit()):  # "48-Jährige"
            if t.i > 0 and t.i not in in_entity and AGE_NOUN.match(t.text) and doc[t.i - 1].lower_ in DEFINITE:
                last = max(everyone, key=lambda c: c.last_before(t.i), default=None)
                if last is not None and last.last_before(t.i) >= 0:
                    last.mentions.append(doc[t.i - 1 : t.i + 1])
        people = [c for c in everyone if c.roles]
        if not people:
            return
        for t in _role_tokens(doc):
            if t.i in in_entity or t.i == 0:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and pos(nxt) == "PROPN":
                continue  # an apposition with a name: the name is the mention
            start = t.i
            while start > 0 and pos(doc[start - 1]) == "ADJ":
                start -= 1
            det = doc[start - 1] if start > 0 else None
            definite = det is not None and (det.lower_ in DEFINITE | POSSESSIVE or (det.text.endswith("s") and pos(det) == "PROPN"))
            bare = det is None or det.is_punct or det.is_space or det.is_sent_start and pos(det) != "DET"
            # a headline drops its articles: "… ließ Kreml-Chef verzweifelt betteln"
            bare = bare or role_at(doc, t.idx) == "headline" and det.lower_ not in INDEFINITE
            if not (definite or bare):
                continue
            if noun_number(t) == "Plur":
                continue  # "die Chefredakteure": a group, not the one person with that role
            head = (t.lemma_ or t.text).lower()
            candidates = [c for c in people if any(_role_match(head, r) for r in c.roles)]
            owner = _genitive_head(doc, t.i + 1)
            if owner is not None:  # "der Vorsitzende des Vereins" is not the party's chairman
                candidates = [c for c in candidates if any(owner in r for r in c.roles)]
            before = [(c.last_before(start - 1), c) for c in candidates]
            before = [(p, c) for p, c in before if p >= 0]
            span = doc[start - 1 if definite else start : t.i + 1]
            # a role with its own genitive owner ("der Manager eines anderen Konkurrenten") is no
            # generic mention of the paragraph's person
            generic = definite and _generic_role(t) and (owner is None or bool(candidates))
            topic = _paragraph_topic(doc, t, everyone) if generic else None
            if topic is not None and not any(doc[p].idx >= line_of(doc, t.idx).start for p, _ in before):
                topic[1].mentions.append(span)  # "Guido Reil … antwortete der Politiker": the paragraph's person
                continue
            if before:
                max(before, key=lambda pc: pc[0])[1].mentions.append(span)
            elif len(candidates) == 1:
                candidates[0].mentions.append(span)  # a teaser names the role before the person
        for c in people:
            c.mentions.sort(key=lambda m: m.start)


def _generic_role(t: Token) -> bool:
    """An occupation used as a variation for a person ("der Politiker"), compounds by their last part."""
    word = (t.lemma_ or t.text).lower().split("-")[-1]
    return word in words(LANG, "generic_roles.tsv") or t.lower_.split("-")[-1] in words(LANG, "generic_roles.tsv")


def _paragraph_topic(doc: Doc, role: Token, people: list[EntityCluster]) -> tuple[int, EntityCluster] | None:
    """(start of its mention, the person) a definite role noun's paragraph is about, if the
    noun's gender agrees: a description picks up that person, unless the paragraph also names a
    holder of the role (checked by the caller)."""
    line = line_of(doc, role.idx)
    gender = {"Masc": "m", "Fem": "f"}.get(next(iter(role.morph.get("Gender")), ""), None)
    best: tuple[tuple[bool, int], int, EntityCluster] | None = None
    for c in people:
        mentions = [m for m in c.mentions if m.end <= role.i and m[0].idx >= line.start]
        if not mentions or gender is not None and c.gender is not None and c.gender != gender:
            continue
        # the person a sentence of the paragraph starts with is what it is about ("Guido Reil, …,
        # wurde in der Talkshow Markus Lanz gefragt"), before one named later in passing
        key = max((m[0].is_sent_start is True, m.start) for m in mentions)
        if best is None or key > best[0]:
            best = (key, key[1], c)
    return (best[1], best[2]) if best is not None else None


# First parts of compounds that name a public institution ("Bundesamt", "Landgericht", "Europarat").
INSTITUTION_PREFIXES = ("bundes", "landes", "land", "staats", "kreis", "stadt", "amts", "ober", "europa", "eu-", "un-", "uno-", "verfassungs", "verwaltungs", "kriminal", "polizei")
ADJECTIVE_FORM = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(isch|sch|lich|ig|al|ell)(e|en|er|es|em)$")
STRONG_ENDINGS = {"Masc": "er", "Fem": "e", "Neut": "es"}


def _strong_adjectives(name: Span) -> list[str]:
    """A name without its article takes the strong nominative: "des Europäischen
    Rechnungshofs" -> "Europäischer Rechnungshof", "dem Deutschen Roten Kreuz" -> "Deutsches Rotes Kreuz"."""
    words = [t.text for t in name]
    head = next((t for t in name if pos(t) in ("NOUN", "PROPN") and not ADJECTIVE_FORM.match(t.text)), None)
    gender = head.morph.get("Gender") if head is not None else []
    if not gender or head.morph.get("Number") == ["Plur"]:
        return words
    for k, t in enumerate(name):
        if t.i >= head.i:
            break
        if (pos(t) == "ADJ" or ADJECTIVE_FORM.match(t.text)) and t.text[:1].isupper() and re.search(r"(e|en|er|es|em)$", t.text):
            words[k] = re.sub(r"(e|en|er|es|em)$", "", t.text) + STRONG_ENDINGS[gender[0]]
    if head.morph.get("Case") == ["Gen"] and head.text.endswith("s") and head.lemma_ and head.text.startswith(head.lemma_):
        words[head.i - name.start] = head.lemma_  # "Rechnungshofs" -> "Rechnungshof"
    return words


def _genitive_head(doc: Doc, i: int) -> str | None:
    """The noun of a genitive after a role ("Vorsitzende des Vereins" -> "verein"), or None."""
    if i + 1 >= len(doc) or doc[i].lower_ not in ("des", "der", "eines", "einer"):
        return None
    k = i + 1
    while k < len(doc) and (pos(doc[k]) == "ADJ" or doc[k].tag_ in ("ADJA", "PIAT")):
        k += 1  # "des neuen Vereins", "eines anderen Konkurrenten"
    if k >= len(doc) or pos(doc[k]) != "NOUN":
        return None
    return (doc[k].lemma_ or doc[k].text).lower()


def _merge_abbreviations(doc: Doc, clusters: dict[str, EntityCluster]) -> None:
    """"Bundesamt für Strahlenschutz (BfS)": the abbreviation in parentheses right after a
    name is that entity; its cluster joins the full name's."""
    ends = {m.end: c for c in clusters.values() for m in c.mentions if c.type != "person"}
    for end, full in ends.items():  # the NER took the bracket into the name: "(BfS)" is no mention yet
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            abbr = doc[end + 1 : end + 2]
            if ABBREVIATION.match(abbr.text) and not any(m.start == abbr.start for c in clusters.values() for m in c.mentions):
                own = clusters.get(f"{full.type}:{abbr.text.lower()}")
                (own if own is not None else full).mentions.append(abbr)
    for key, cluster in list(clusters.items()):
        if cluster.type == "person":
            continue
        for m in cluster.mentions:
            full = ends.get(m.start - 1)
            if (
                full is None or full is cluster or len(m) != 1 or m.start < 1 or doc[m.start - 1].text != "("
                or m.end >= len(doc) or doc[m.end].text != ")" or not ABBREVIATION.match(m.text)
                or m.text[0].lower() != full.mentions[0][0].text[0].lower()
            ):
                continue
            full.mentions.extend(cluster.mentions)
            full.mentions.sort(key=lambda x: x.start)
            del clusters[key]
            break


def _link_organisation_descriptions(doc: Doc, clusters: list[EntityCluster]) -> None:
    """A description of an organisation ("die Behörde", "die Karlsruher Richter", "das
    Ministerium") joins the organisation of that kind named last before it."""
    kinds = organisation_descriptions()
    orgs = [c for c in clusters if c.type == "organization"]
    if not orgs:
        return
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    words = token_words(doc)
    for t in (doc[i] for i in range(len(doc)) if words.lemmas[i] in kinds or words.lowers[i] in kinds):
        if t.i in taken or t.i == 0:
            continue
        endings = kinds.get((t.lemma_ or t.text).lower()) or kinds.get(t.lower_)
        if endings is None or pos(t) != "NOUN":
            continue
        start = t.i
        while start > 0 and pos(doc[start - 1]) == "ADJ":
            start -= 1
        if start == 0 or doc[start - 1].lower_ not in DEFINITE | {"diese", "dieser", "dieses", "diesem", "diesen"}:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and (pos(nxt) == "PROPN" or nxt.lower_ in ("des", "der", "für", "von")):
            continue  # "das Ministerium für …", "die Behörde des Landes": a new entity, not a back-reference
        if "*" in endings and t.morph.get("Number") == ["Plur"]:
            continue  # "die Konzerne": several, not the one named before
        fitting = [
            (c.last_before(start), c) for c in orgs
            if "*" in endings or any(c.name.lower().endswith(e) or e in c.name.lower().split() for e in endings)
        ]
        fitting = [(p, c) for p, c in fitting if p >= 0]
        if fitting:
            cluster = max(fitting, key=lambda pc: pc[0])[1]
            cluster.mentions.append(doc[start - 1 : t.i + 1])
            cluster.mentions.sort(key=lambda m: m.start)


@lru_cache(maxsize=1)
def organisation_descriptions() -> dict[str, tuple[str, ...]]:
    """head noun -> endings of the organisation names it can describe ("*": any organisation)."""
    return {row[0]: tuple(e.strip() for e in row[1].split("|")) for row in rows(LANG, "org_descriptions.tsv")}


def _feminine_role(noun: str) -> bool:
    """'sprecherin', 'ministerin': the feminine form of a source noun."""
    return noun.endswith("in") and noun[:-2] in source_nouns()


def person_gender(cluster: EntityCluster) -> str | None:
    """'m' or 'f': from a title or description in the article ("Frau Müller", "die 54-Jährige",
    "Sprecherin"), else from the first name."""
    doc_votes = {"m": 0, "f": 0}
    for m in cluster.mentions:
        first = m[0].lower_
        if first in ("frau", "die") or (first == "der" and any(_feminine_role(t.lower_) for t in m[1:])):
            doc_votes["f"] += 1  # "der Sprecherin": genitive or dative of a feminine noun
        elif first in ("herr", "herrn", "der", "dem", "den"):
            doc_votes["m"] += 1
        before = m.doc[m.start - 1] if m.start > 0 else None
        if before is not None and before.lower_ in ("frau", "herr", "herrn"):
            doc_votes["f" if before.lower_ == "frau" else "m"] += 1
    doc_votes["f"] += sum(1 for role in cluster.roles if _feminine_role(role))
    if doc_votes["m"] != doc_votes["f"]:
        return max(doc_votes, key=doc_votes.get)
    for m in cluster.mentions:
        if len(m) > 1:
            gender = first_name_gender(m[0].text)
            if gender is not None:
                return gender
    return None


@Language.factory("entity_resolver", requires=[*LINGUISTIC, "doc.ents", "doc._.lines"], assigns=["doc._.entities"])
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)
