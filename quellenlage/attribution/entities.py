"""`EntityResolver`: one canonical entity per person, organisation, medium or place.

Mentions come from the NER model and a gazetteer of media names. Person mentions merge by
surname ("Donald Trump", "Trump", "Trumps"); the canonical name is the fullest form. Role
nouns seen next to a name ("Putins Sprecher Dmitri Peskow", "Steven Cheung, als
Kommunikationsdirektor") let later definite descriptions ("der Kremlsprecher", "der Autor")
join the entity they describe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from quellenlage.attribution.grammar import (
    DEFINITE,
    POSSESSIVE,
    media_names,
    pos,
    source_nouns,
    strip_genitive,
)

LABEL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "misc", "GPE": "place"}


@dataclass
class EntityCluster:
    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)

    def last_before(self, i: int) -> int:
        """Token index of the last mention that ends before token i (-1 if none)."""
        return max((m.start for m in self.mentions if m.end <= i), default=-1)


def _role_match(head: str, role: str) -> bool:
    """'kremlsprecher' ~ 'sprecher', 'ex-us-präsident' ~ 'präsident', 'autor' ~ 'autor'."""
    head, role = head.lower(), role.lower()
    if len(role) < 4 or len(head) < 4:
        return head == role
    return head == role or head.endswith(role) or role.endswith(head) or head.split("-")[-1] == role.split("-")[-1]


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
            # a media name must be a proper noun here ("Zeit" and "Welt" are also plain words)
            if not span.text[:1].isupper() or (len(span) == 1 and pos(span[0]) == "NOUN" and span.text in ("Zeit", "Welt", "Time", "Times", "Stern", "Krone", "Focus", "Bild")):
                if not (start > 0 and doc[start - 1].text in "„\"»“"):
                    continue
            found.append((span, doc.vocab.strings[match_id]))
            taken.update(range(start, end))
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            found.append((ent, LABEL_TYPES.get(ent.label_, "misc")))
            taken.update(range(ent.start, ent.end))
        return sorted(found, key=lambda m: m[0].start)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        people = [(s, t) for s, t in mentions if t == "person"]
        surnames = {strip_genitive(s[-1].text) for s, _ in people if len(s) > 1}
        surnames |= {s[-1].text for s, _ in people if not s[-1].text.endswith("s")}
        clusters: dict[str, EntityCluster] = {}
        for span, etype in mentions:
            if etype == "person":
                last = span[-1].text
                key = strip_genitive(last) if strip_genitive(last) in surnames else last
                key = "person:" + key
            else:
                text = span.text
                key = f"{etype}:" + (strip_genitive(text) if strip_genitive(text) in {m.text for m, _ in mentions} else text).lower()
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = EntityCluster(id=f"e{len(clusters) + 1}", name="", type=etype)
            cluster.mentions.append(span)
        for cluster in clusters.values():
            cluster.name = self._canonical(cluster)
            if cluster.type == "person":
                for m in cluster.mentions:
                    cluster.roles |= self._roles_near(doc, m)
        doc._.entities = list(clusters.values())
        self._link_descriptions(doc, doc._.entities)
        return doc

    @staticmethod
    def _canonical(cluster: EntityCluster) -> str:
        best = max(cluster.mentions, key=lambda m: (len(m), len(m.text)))
        words = [t.text for t in best]
        if cluster.type == "person" or len(best) == 1:
            words[-1] = strip_genitive(words[-1]) if any(
                strip_genitive(words[-1]) == m[-1].text for m in cluster.mentions
            ) or len(best) > 1 and words[-1].endswith("s") and cluster.type == "person" else words[-1]
        return " ".join(words).strip("„“\"»«")

    @staticmethod
    def _roles_near(doc: Doc, mention: Span) -> set[str]:
        """Role nouns in apposition: before the name ("Kreml-Chef Putin") or after ", als ROLE"."""
        roles: set[str] = set()
        i = mention.start - 1
        while i >= 0 and (pos(doc[i]) in ("NOUN", "ADJ") or doc[i].lower_ == "und") and doc[i].ent_type_ != "PER":
            if pos(doc[i]) == "NOUN":
                roles.add((doc[i].lemma_ or doc[i].text).lower())
            i -= 1
        j = mention.end
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "als":
            k = j + 2
            while k < len(doc) and pos(doc[k]) in ("ADJ", "DET"):
                k += 1
            if k < len(doc) and pos(doc[k]) == "NOUN":
                roles.add((doc[k].lemma_ or doc[k].text).lower())
        return {r for r in roles if r in source_nouns() or any(r.endswith(n) for n in source_nouns()) or "-" in r}

    @staticmethod
    def _link_descriptions(doc: Doc, clusters: list[EntityCluster]) -> None:
        """Definite role descriptions ("der Kremlsprecher", "Putins Sprecher") join an entity."""
        people = [c for c in clusters if c.type == "person" and c.roles]
        if not people:
            return
        in_entity = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
        for t in doc:
            if t.i in in_entity or pos(t) != "NOUN" or t.i == 0:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and pos(nxt) == "PROPN":
                continue  # an apposition with a name: the name is the mention
            start = t.i
            while start > 0 and pos(doc[start - 1]) == "ADJ":
                start -= 1
            det = doc[start - 1] if start > 0 else None
            if det is None or not (det.lower_ in DEFINITE | POSSESSIVE or (det.text.endswith("s") and pos(det) == "PROPN")):
                continue
            head = (t.lemma_ or t.text).lower()
            candidates = [c for c in people if any(_role_match(head, r) for r in c.roles)]
            candidates = [(c.last_before(start - 1), c) for c in candidates]
            candidates = [(pos_, c) for pos_, c in candidates if pos_ >= 0]
            if candidates:
                _, best = max(candidates, key=lambda pc: pc[0])
                best.mentions.append(doc[start - 1 : t.i + 1])
        for c in people:
            c.mentions.sort(key=lambda m: m.start)


@Language.factory("entity_resolver")
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)
