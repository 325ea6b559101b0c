"""`en_speaker_resolver`: from the mention an English quote rests on to the speaker it names.

* A mention covering an entity gives the entity's canonical name and type ("Smith" -> "John Smith").
* "he"/"she" take the person mentioned last before them whose gender agrees (learnt from titles,
  first names and the pronouns already resolved to them); "they"/"it" the last organisation or
  group speaker.
* A definite role noun ("the senator", "the spokeswoman") is the person introduced with that role.
* A description ("a senior official who spoke on condition of anonymity", "people familiar with
  the matter", "sources") is an anonymous source named by the description; an institution noun
  ("the campaign", "the ministry") an organisation.
* A direct quote without a frame (a quote paragraph after "Smith said …") continues the speaker
  of the quote before it in the same or the previous paragraph.
* `via` mentions become `via_names`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.entities import EntityCluster
from quellenlage.extensions import doc_cache
from quellenlage.lang.en.entities import media_lower, role_nouns, titles
from quellenlage.schema import Speaker

ENTITY_SPEAKER_TYPES = {
    "person": "person",
    "organization": "organization",
    "media": "media",
    "agency": "media",
    "place": "organization",
    "misc": "organization",
}
CONTINUATION_CHARS = 1500  # a frameless quote continues a speaker named at most this far back
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GROUP_PRONOUNS = {"they", "it", "we"}


def _index(doc: Doc) -> dict[int, EntityCluster]:
    index: dict[int, EntityCluster] = {}
    for cluster in doc._.entities:
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                index[i] = cluster
    return index


def _speaker(cluster: EntityCluster) -> Speaker:
    return Speaker(name=cluster.name, type=ENTITY_SPEAKER_TYPES.get(cluster.type, "unknown"), entity_id=cluster.id)  # type: ignore[arg-type]


def describe(mention: Span) -> str:
    """A description as a name: without a leading 'the' and a possessive ending."""
    tokens = [t for t in mention if not t.is_punct or t.text in ("-", ".")]
    text = " ".join(t.text for t in tokens)
    return text.replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")


def _document_owner(mention: Span) -> Token | None:
    """The named author of a document mention: "a report in/by/from The Times", "a statement
    from the ministry"."""
    root = mention.root
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "from", "of") and prep.i < mention.end:
            owner = next((c for c in prep.children if c.dep_ == "pobj" and c.i < mention.end), None)
            if owner is not None and (owner.pos_ == "PROPN" or role_nouns().get(owner.lower_) == "organization"):
                return owner
    return None


def _quoted_tokens(doc: Doc) -> frozenset[int]:
    """Tokens inside the direct quotes found (computed once per Doc)."""
    cache = doc_cache(doc)
    if "en.quoted" not in cache:
        direct = [q for q in doc.spans.get("quotes", []) if q._.kind == "direct"]
        cache["en.quoted"] = frozenset(i for q in direct for i in range(q.start, q.end))
    return cache["en.quoted"]


class EnglishSpeakerResolver:
    def __init__(self, nlp: Language, name: str = "en_speaker_resolver") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        index = _index(doc)
        quotes = sorted(doc.spans.get("quotes", []), key=lambda s: s.start)
        previous: list[Span] = []
        for q in quotes:
            mention = q._.speaker_mention
            if mention is not None:
                q._.speaker = self.resolve(doc, mention, index)
            elif q._.kind == "direct":
                source = self._continued(q, previous)
                if source is not None:
                    q._.speaker = source._.speaker
                    q._.speaker_mention = source._.speaker_mention
                    q._.via = list(source._.via)
                    q._.rule = "en_continued"
            if q._.speaker is not None and q._.speaker_mention is not None:
                self._learn_gender(doc, q._.speaker_mention, q._.speaker)
            previous.append(q)
        self._partials_share_their_report(quotes)
        for q in quotes:
            q._.via_names = [s.name for v in q._.via if (s := self.resolve(doc, v, index)) is not None]
        doc.spans["quotes"] = quotes
        return doc

    @staticmethod
    def _partials_share_their_report(quotes: list[Span]) -> None:
        """A quoted phrase inside reported speech ("he called it his “duty” to report") is the
        reported speaker's words: it takes the speaker, mention and cue of the report around it."""
        reports = [q for q in quotes if q._.kind == "indirect" and q._.speaker is not None]
        for q in quotes:
            if q._.kind != "direct":
                continue
            around = next((r for r in reports if r.start <= q.start and q.end <= r.end and len(r) > len(q)), None)
            if around is not None and (q._.speaker is None or q._.speaker.name != around._.speaker.name):
                q._.speaker, q._.speaker_mention, q._.cue = around._.speaker, around._.speaker_mention, around._.cue
                q._.via = list(around._.via)

    @staticmethod
    def _continued(q: Span, previous: list[Span]) -> Span | None:
        for p in reversed(previous):
            if q.start_char - p.end_char > CONTINUATION_CHARS:
                return None
            if p._.speaker is not None:
                return p
        return None

    @staticmethod
    def _learn_gender(doc: Doc, mention: Span, speaker: Speaker) -> None:
        if len(mention) != 1 or mention[0].lower_ not in PRONOUN_GENDER or speaker.entity_id is None:
            return
        for c in doc._.entities:
            if c.id == speaker.entity_id and c.gender is None:
                c.gender = PRONOUN_GENDER[mention[0].lower_]

    def resolve(self, doc: Doc, mention: Span, index: dict[int, EntityCluster]) -> Speaker | None:
        if len(mention) == 1 and mention[0].lower_ in PRONOUN_GENDER:
            return self._antecedent(doc, mention, PRONOUN_GENDER[mention[0].lower_])
        if len(mention) == 1 and mention[0].lower_ in GROUP_PRONOUNS:
            return self._group_antecedent(doc, mention, index)
        if len(mention) == 1 and mention[0].lower_ in ("i", "you"):
            return None
        root = mention.root
        if root.i in index:
            return _speaker(index[root.i])
        named = [index[t.i] for t in mention if t.i in index]
        head = root.lower_
        kind = role_nouns().get(head) or role_nouns().get(root.lemma_.lower())
        definite = mention[0].lower_ in ("the", "this", "that")
        if kind == "person" or (definite and kind == "anonymous" and not root.tag_.endswith("S")):
            holder = self._role_holder(doc, mention, head)
            if holder is not None:
                return holder
        if named and kind is None and root.pos_ == "PROPN":
            return _speaker(named[-1])
        text = describe(mention)
        if text.lower() in media_lower():
            return Speaker(name=text, type="media")
        if kind == "organization":
            return Speaker(name=text, type="organization")
        if kind == "document":
            owner = _document_owner(mention)
            if owner is not None:  # "a report in The Times": the outlet speaks through its report
                return _speaker(index[owner.i]) if owner.i in index else self.resolve(doc, doc[owner.i : owner.i + 1], index)
            return Speaker(name=text, type="document")
        if root.pos_ == "PROPN" and root.text not in titles():
            return Speaker(
                name=text, type="person" if root.ent_type_ == "PERSON" else "organization" if root.ent_type_ else "unknown"
            )
        return Speaker(name=text, type="anonymous")

    @staticmethod
    def _role_holder(doc: Doc, mention: Span, role: str) -> Speaker | None:
        """The person last introduced with this role before the mention ("Senator John Smith" …
        "the senator")."""
        best: tuple[int, EntityCluster] | None = None
        for c in doc._.entities:
            if c.type != "person" or role not in c.roles:
                continue
            last = c.last_before(mention.start)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, c)
        return _speaker(best[1]) if best is not None else None

    @staticmethod
    def _antecedent(doc: Doc, pronoun: Span, gender: str) -> Speaker | None:
        """The person mentioned last before the pronoun whose gender agrees (unknown agrees).

        Mentions inside quotation marks do not count: a speaker talks about people, and the
        "he" of the next frame is the speaker, not the man he talked about."""
        quoted = _quoted_tokens(doc)
        best: tuple[int, int, EntityCluster] | None = None
        for c in doc._.entities:
            if c.type != "person" or (c.gender is not None and c.gender != gender):
                continue
            last = max((m.start for m in c.mentions if m.end <= pronoun.start and m.start not in quoted), default=-1)
            if last < 0:
                continue
            score = (1 if c.gender == gender else 0, last)
            # a known gender beats an unknown one only within the same stretch of text
            key = (last + (60 if score[0] else 0), last)
            if best is None or key > best[:2]:
                best = (key[0], key[1], c)
        return _speaker(best[2]) if best is not None else None

    @staticmethod
    def _group_antecedent(doc: Doc, pronoun: Span, index: dict[int, EntityCluster]) -> Speaker | None:
        best: tuple[int, EntityCluster] | None = None
        for c in doc._.entities:
            if c.type not in ("organization", "media"):
                continue
            last = c.last_before(pronoun.start)
            if last >= 0 and pronoun.start - last < 80 and (best is None or last > best[0]):
                best = (last, c)
        return _speaker(best[1]) if best is not None else None


@Language.factory("en_speaker_resolver", requires=["doc.spans", "doc._.entities"], assigns=["span._.speaker", "span._.via_names"])
def make_en_speaker_resolver(nlp: Language, name: str) -> EnglishSpeakerResolver:
    return EnglishSpeakerResolver(nlp, name)
