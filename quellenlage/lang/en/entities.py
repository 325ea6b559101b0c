"""`en_entity_resolver`: one canonical entity per person, organisation, medium or place in English text.

Mentions come from the NER model (PERSON, ORG, GPE, LOC, FAC, NORP) and a gazetteer of news media
(lexicons/media_names.tsv). Titles ("Sen.", "Mr.", "President") and a possessive "'s" are cut off a
mention; a person's later surname mentions ("Smith", "Mr. Smith") join the person with that surname
named last before them, and the canonical name is the fullest form ("John Smith"). Roles seen with a
name ("Senator John Smith", "John Smith, the senator", "spokeswoman Jane Doe") are recorded so that a
later "the senator" can be resolved to that person; gender comes from titles and first names.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from quellenlage.attribution.entities import EntityCluster
from quellenlage.extensions import LINGUISTIC
from quellenlage.lexicons import rows

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "misc",
}
POSSESSIVE = ("'s", "’s", "'", "’")


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """title -> gender ('m', 'f' or '-')."""
    return {r[1]: r[0] for r in rows("en", "titles.tsv")}


@lru_cache(maxsize=1)
def media_names() -> dict[str, str]:
    """media name -> 'media' | 'agency'."""
    return {r[0]: r[1] for r in rows("en", "media_names.tsv")}


@lru_cache(maxsize=1)
def media_lower() -> dict[str, str]:
    out = {}
    for name, kind in media_names().items():
        out[name.lower()] = kind
        if name.lower().startswith("the "):
            out[name.lower()[4:]] = kind
    return out


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("en", "role_nouns.tsv")}


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a first name the gender-guesser dictionary knows (US usage first)."""
    if not name[:1].isupper() or name.endswith(".") or len(name) < 2:
        return None
    from quellenlage.names import gender

    for answer in (gender(name, "usa"), gender(name)):
        if answer in ("male", "mostly_male"):
            return "m"
        if answer in ("female", "mostly_female"):
            return "f"
    return None


def is_title(t) -> bool:
    return t.text in titles() or (
        t.text[:1].isupper() and t.lower_ in role_nouns() and role_nouns()[t.lower_] in ("person", "anonymous")
    )


def trim_mention(span: Span) -> Span | None:
    """The name in an entity span: without leading articles and titles, a trailing possessive,
    or punctuation ("Sen. John Smith's" -> "John Smith")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        and span.label_ == "PERSON"
        or is_title(doc[start])
        and end - start > 1
        or doc[start].is_punct
    ):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if end > start and doc[end - 1].text.endswith(("'s", "’s")) and len(doc[end - 1]) > 2:
        pass  # tokenizer splits the possessive; a glued one stays
    if end <= start or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Span(doc, start, end, label=span.label_)


def name_text(span: Span) -> str:
    """The name as printed ("Eva-Marie Persson"), with any run of whitespace as one space."""
    return " ".join(span.text.split())


class EnglishEntityResolver:
    def __init__(self, nlp: Language, name: str = "en_entity_resolver") -> None:
        self.name = name
        self.media = PhraseMatcher(nlp.vocab)
        self.media.add("MEDIA", [nlp.make_doc(n) for n in media_names()])

    def _mentions(self, doc: Doc) -> list[tuple[Span, str]]:
        found: list[tuple[Span, str]] = []
        taken: set[int] = set()
        for _, start, end in sorted(self.media(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            if span.text in (
                "Time",
                "Fox",
                "The Post",
                "The Times",
                "The Journal",
                "The Hill",
                "Salon",
                "Slate",
                "ABC",
            ) and not self._media_context(span):
                continue
            if len(span) == 1 and span[0].is_sent_start and span.text in ("Time",):
                continue
            # a longer entity name that contains the media name is another organisation ("Fox News Channel" is fine)
            taken.update(range(start, end))
            found.append((Span(doc, start, end, label="MEDIA"), "media"))
        for ent in doc.ents:
            etype = LABEL_TYPES.get(ent.label_)
            if etype is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            trimmed = trim_mention(ent)
            if trimmed is None:
                continue
            span = trimmed
            if etype == "organization" and span.text.lower() in media_lower():
                etype = "media"
            if etype == "person" and all(t.pos_ != "PROPN" for t in span):
                continue
            taken.update(range(span.start, span.end))
            found.append((span, etype))
        found.sort(key=lambda m: m[0].start)
        return found

    @staticmethod
    def _media_context(span: Span) -> bool:
        """An ambiguous media name ("Time", "The Post") as a medium: capitalised and a subject,
        a 'by'/'to'/'according to' object, or a possessive ("The Post's")."""
        head = span.root
        if not span[-1].text[:1].isupper():
            return False
        return head.dep_ in ("nsubj", "pobj", "dobj", "poss") and not (span.start == span.sent.start and span.text == "Time")

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[EntityCluster] = []
        by_key: dict[str, EntityCluster] = {}
        people_by_surname: dict[str, list[EntityCluster]] = {}
        mentions = self._mentions(doc)
        surnames = {m[-1].text for m, t in mentions if t == "person" and len(m) > 1}
        taken = {i for m, _ in mentions for i in range(m.start, m.end)}
        for t in doc:  # a surname the NER model missed or took for an organisation ("Smith said")
            if t.i not in taken and t.text in surnames and t.pos_ == "PROPN":
                mentions.append((doc[t.i : t.i + 1], "person"))
        mentions = [
            (m, "person" if len(m) == 1 and m.text in surnames and t in ("organization", "place", "misc") else t)
            for m, t in mentions
        ]
        mentions.sort(key=lambda m: m[0].start)
        for span, etype in mentions:
            words = [t.text for t in span]
            if etype == "person":
                surname = words[-1]
                cluster = None
                if len(span) > 1:
                    key = "person:" + " ".join(words)
                    cluster = by_key.get(key)
                    if cluster is None:
                        # "Donald Trump" after "Donald J. Trump", or after a bare "Trump" mentioned first
                        for c in people_by_surname.get(surname, []):
                            firsts = {m[0].text for m in c.mentions if len(m) > 1}
                            # "Hawk Sawyer" after "Kathleen Hawk Sawyer": the tail of a fuller name
                            tail = any([t.text for t in m[-len(words):]] == words for m in c.mentions if len(m) > len(words))
                            if not firsts or words[0] in firsts or tail:
                                cluster = c
                                break
                else:
                    cands = people_by_surname.get(surname, [])
                    if cands:
                        cluster = max(cands, key=lambda c: c.last_before(span.start))
                    key = "person:" + surname
                    cluster = cluster or by_key.get(key)
                if cluster is None:
                    cluster = EntityCluster(id=f"e{len(clusters) + 1}", name="", type="person")
                    clusters.append(cluster)
                    by_key["person:" + " ".join(words)] = cluster
                if cluster not in people_by_surname.setdefault(surname, []):
                    people_by_surname[surname].append(cluster)
                cluster.mentions.append(span)
            else:
                text = name_text(span).lower()
                if text.startswith("the "):
                    text = text[4:]
                key = f"{etype}:{text}"
                cluster = by_key.get(key)
                if cluster is None:
                    cluster = by_key[key] = EntityCluster(id=f"e{len(clusters) + 1}", name="", type=etype)
                    clusters.append(cluster)
                cluster.mentions.append(span)
        for cluster in clusters:
            cluster.name = self._canonical(cluster)
            if cluster.type == "person":
                self._roles_and_gender(doc, cluster)
        doc._.entities = clusters
        return doc

    @staticmethod
    def _canonical(cluster: EntityCluster) -> str:
        best = max(cluster.mentions, key=lambda m: (len(m), len(m.text)))
        text = name_text(best)
        if cluster.type != "person" and best[0].lower_ == "the" and len(best) > 1 and cluster.type != "media":
            text = name_text(best[1:])
        return text

    @staticmethod
    def _roles_and_gender(doc: Doc, cluster: EntityCluster) -> None:
        votes = {"m": 0, "f": 0}
        for m in cluster.mentions:
            k = m.start - 1
            while k >= 0 and k >= m.start - 4 and (is_title(doc[k]) or doc[k].dep_ == "compound" and doc[k].head.i >= m.start):
                title = doc[k].text
                if titles().get(title) in ("m", "f"):
                    votes[titles()[title]] += 1
                if doc[k].lower_ in role_nouns():
                    cluster.roles.add(doc[k].lower_)
                k -= 1
            root = m.root
            for child in root.children:  # "John Smith, the senator", "Jane Doe, a spokeswoman for …"
                if child.dep_ == "appos" and child.lower_ in role_nouns():
                    cluster.roles.add(child.lower_)
            if root.dep_ == "appos" and root.head.lower_ in role_nouns():  # "the ministry's spokeswoman, Jane Doe"
                cluster.roles.add(root.head.lower_)
            if m.start > 0 and doc[m.start - 1].dep_ == "compound" and doc[m.start - 1].lower_ in role_nouns():
                cluster.roles.add(doc[m.start - 1].lower_)
        if votes["m"] != votes["f"]:
            cluster.gender = max(votes, key=lambda g: votes[g])
            return
        for m in cluster.mentions:
            if len(m) > 1:
                gender = first_name_gender(m[0].text)
                if gender is not None:
                    cluster.gender = gender
                    return


@Language.factory("en_entity_resolver", requires=[*LINGUISTIC, "doc.ents"], assigns=["doc._.entities"])
def make_en_entity_resolver(nlp: Language, name: str) -> EnglishEntityResolver:
    return EnglishEntityResolver(nlp, name)
