"""`SpeakerResolver`: from the mention a quote rests on to the speaker it names.

A mention inside an entity gives the entity's canonical name; a pronoun ("er", "sie") takes
the last person speaker or person mentioned before it; a description ("ein Mitarbeiter
Trumps", "die Polizei") stands for itself with the type its head noun implies. A quote with
no frame of its own (a Konjunktiv-I continuation, a quote block) inherits the speaker of the
report before it in the same or the preceding paragraph, unless a frame without content
announced another speaker in the sentence right before it, or its own paragraph has since
made another named person the subject.
"""

from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.attribution.entities import EntityCluster, is_role_noun
from quellenlage.attribution.frames import POSSESSIVE_THIRD, source_type_of, subject_of_main_clause
from quellenlage.lang.de.grammar import (
    DEFINITE,
    DEMONSTRATIVES,
    INDEFINITE,
    INDEFINITE_PRONOUNS,
    PERSONAL_PRONOUNS,
    clause_bounds,
    courts,
    frame_nouns_lower,
    is_court,
    is_finite,
    is_quote_char,
    media_names,
    nominative_singular,
    noun_number,
    noun_phrase,
    person_nouns,
    pos,
    source_nouns,
    title_nouns,
)
from quellenlage.extensions import LINGUISTIC
from quellenlage.attribution.cited import is_unnamed_group
from quellenlage.attribution.lines import line_of, role_at
from quellenlage.attribution.sentences import sentence_of
from quellenlage.schema import Speaker

DEMONSTRATIVE_REACH = 40  # tokens: a demonstrative points at a name in the sentence before
ENTITY_SPEAKER_TYPES = {
    "person": "person",
    "organization": "organization",
    "media": "media",
    "agency": "media",
    "place": "organization",
    "misc": "unknown",
    "document": "document",
}
ARTICLE_NOMINATIVE = {"einem": "ein", "einen": "ein", "eines": "ein", "einer": "eine", "dem": "der", "den": "der", "des": "der"}
CONTINUATION_LINES = 3


NOMINATIVE_ARTICLES = {  # (definite, gender) -> article; plural takes "die" / none
    (True, "Masc"): "der", (True, "Fem"): "die", (True, "Neut"): "das",
    (False, "Masc"): "ein", (False, "Fem"): "eine", (False, "Neut"): "ein",
}


def describe(span: Span) -> str:
    """A description as a name, in the nominative: "einem Mitarbeiter" -> "ein Mitarbeiter",
    "dem Urteil" -> "das Urteil", "des Rechercheverbundes" -> "der Rechercheverbund"."""
    tokens = [t for t in span if not is_quote_char(t)]
    words = [t.text for t in tokens]
    head = next((t for t in tokens if pos(t) == "NOUN"), None)
    oblique = head is not None and set(head.morph.get("Case")) & {"Gen", "Dat"} and head.morph.get("Number") == ["Sing"] and not nominative_singular(head)
    if words and words[0].lower() in ("dessen", "deren") and head is not None and head.morph.get("Gender"):
        words[0] = NOMINATIVE_ARTICLES[(True, head.morph.get("Gender")[0])]  # "dessen Chef" -> "der Chef"
    elif words and words[0].lower() in INDEFINITE | DEFINITE and head is not None and head.morph.get("Gender"):
        definite = words[0].lower() in DEFINITE
        if noun_number(head) == "Plur":
            words[0] = "die" if definite else words[0].lower()
        else:
            words[0] = NOMINATIVE_ARTICLES[(definite, head.morph.get("Gender")[0])]
        if oblique and head.lemma_ and head.lemma_.lower() != head.lower_ and head.lemma_[:3] == head.text[:3]:
            words[tokens.index(head)] = head.lemma_[:1].upper() + head.lemma_[1:]
        if oblique:
            for k, t in enumerate(tokens[1 : tokens.index(head)], start=1):
                if pos(t) == "ADJ" and t.text.endswith("en"):
                    words[k] = t.text[:-1]  # weak nominative: "der Süddeutschen Zeitung" -> "die Süddeutsche Zeitung"
    elif words and words[0].lower() in ARTICLE_NOMINATIVE:
        words[0] = ARTICLE_NOMINATIVE[words[0].lower()]
    elif words and words[0].lower() in INDEFINITE | DEFINITE:
        words[0] = words[0].lower()
    if len(words) >= 2 and words[0].lower() not in INDEFINITE | DEFINITE:
        # genitive plural after "nach Angaben": "russischer Nachrichtenagenturen" -> "russische …"
        words = [
            w[:-1] if w.endswith("er") and w[:1].islower() and w not in DEFINITE | INDEFINITE and i < len(words) - 1 else w
            for i, w in enumerate(words)
        ]
    return " ".join(words)


def mention_index(doc: Doc) -> dict[int, EntityCluster]:
    """token index -> the entity whose mention covers it."""
    index: dict[int, EntityCluster] = {}
    for cluster in doc._.entities:
        for m in cluster.mentions:
            for i in range(m.start, m.end):
                index[i] = cluster
    return index


def court_of_ruling(mention: Span, index: dict[int, EntityCluster], reach: int = 200) -> Speaker | None:
    """The court whose ruling a mention names ("Laut dem Urteil", "Dem Beschluss zufolge"): the
    court named last before it, within `reach` tokens. What a ruling says, the court decided."""
    if mention[-1].text not in courts()["ruling"] or any(i in index for i in range(mention.start, mention.end)):
        return None
    for k in range(mention.start - 1, max(-1, mention.start - reach), -1):
        cluster = index.get(k)
        if cluster is not None and cluster.type == "organization" and is_court(cluster.name):
            return Speaker(name=cluster.name, type="organization", entity_id=cluster.id)
    return None


def resolve_mention(doc: Doc, mention: Span, index: dict[int, EntityCluster] | None = None) -> Speaker:
    """The speaker a mention names: its entity, a title, or the description itself."""
    index = index if index is not None else mention_index(doc)
    clusters = [index[i] for i in range(mention.start, mention.end) if i in index]
    joint = _coordinated_people(mention, clusters)
    if joint is not None:
        return joint
    if len(mention) == 1 and mention[0].lower_ in INDEFINITE_PRONOUNS:
        return Speaker(name=mention[0].lower_, type="anonymous")  # "Manche sagen"
    if len(mention) == 1 and not clusters and (modifier := compound_source(mention[0])):
        stype = source_nouns()[modifier.lower()]
        return Speaker(name=modifier, type="media" if stype == "agency" else "anonymous" if stype == "person" else stype)
    head = mention[-1]
    first = next((t for t in mention if t.pos_ in ("NOUN", "PROPN") or t.text[:1].isupper() and not t.is_sent_start), None)
    genitive = first is not None and first.i not in index and "," not in mention.text and any(
        t.lower_ in ("der", "des") and t.i > first.i for t in mention
    )  # not with an apposed name: "der Leiter des Programms, Klaus Stöhr"
    if clusters and len(mention) > 1 and source_nouns().get(head.lower_) == "anonymous":
        return Speaker(name=describe(mention), type="anonymous")  # "Trumps Umfeld": the people around him, unnamed
    if clusters and (genitive or (head.i not in index and is_role_noun(head) and not head.is_punct)):
        # the entity is a genitive modifier: "Ökonomen der UBS", "Trumps Umfeld"
        stype = source_type_of(mention)
        return Speaker(name=describe(mention), type="anonymous" if stype == "unknown" else ("media" if stype == "agency" else stype))
    if clusters:
        # the entity named last in the phrase is its head ("Putins Sprecher Dmitri Peskow")
        best = clusters[-1]
        if best.type == "person" and any(c.type == "person" for c in clusters):
            best = [c for c in clusters if c.type == "person"][-1]
        if mention[0].lower_ in INDEFINITE and best.type == "person" and mention[-1].i in index and len(clusters) < len(mention):
            return Speaker(name=describe(mention), type="anonymous")
        return Speaker(name=best.name, type=ENTITY_SPEAKER_TYPES.get(best.type, "unknown"), entity_id=best.id)
    for title in doc.spans.get("titles", []):
        if mention.start <= title.start and title.end <= mention.end:
            return Speaker(name=title.text, type=title_type(doc, title))
    named = _kind_and_name(mention)
    if named is not None:
        return named
    stype = source_type_of(mention)
    if stype == "agency":
        stype = "media"
    if stype == "person" and is_unnamed_group(mention):
        stype = "anonymous"  # "Kritiker sagen": a group without a name, as in the source list
    if stype == "unknown" and first is not None and (_person_noun(first) or is_role_noun(first)):
        stype = "anonymous"  # "der Gutachter", "die Täterin": a person the article does not name
    return Speaker(name=describe(mention), type=stype if stype != "unknown" else "unknown")


def _kind_and_name(mention: Span) -> Speaker | None:
    """"das Magazin Motor Review", "die Organisation Human Rights Watch": a kind noun and the
    name in apposition after it; the name is the speaker, the noun says its type."""
    kind = next((t for t in mention if pos(t) == "NOUN"), None)
    if kind is None or kind.i + 1 >= mention.end:
        return None
    stype = source_nouns().get((kind.lemma_ or kind.text).lower()) or source_nouns().get(kind.lower_)
    name = mention.doc[kind.i + 1 : mention.end]
    # a capitalised word right after the noun, no article between, is a close apposition: a name
    if stype not in ("media", "agency", "organization", "document") or not all(t.text[:1].isupper() and pos(t) in ("PROPN", "NOUN", "X") for t in name):
        return None
    return Speaker(name=name.text, type="media" if stype == "agency" else stype)


def _coordinated_people(mention: Span, clusters: list[EntityCluster]) -> Speaker | None:
    """"Keith und Keuter", "sowohl Keith als auch Keuter": two named people speaking together."""
    people: list[EntityCluster] = []
    for c in clusters:
        if c.type in ("person", "organization", "media") and c not in people:
            people.append(c)
    if len(people) < 2 or not any(t.lower_ in ("und", "sowie") or t.lower_ == "als" and t.nbor(1).lower_ == "auch" for t in mention):
        return None
    # "Deutsche Bahn und Andreas Scheuer": together they speak; people alone make a person speaker
    kind = "person" if all(c.type == "person" for c in people) else "organization"
    return Speaker(name=" und ".join(c.name for c in people), type=kind)


def compound_source(t) -> str | None:
    """The source a frame-noun compound names: "Herstellerangaben" -> "Hersteller",
    "Polizeiangaben" -> "Polizei", "Regierungsinformationen" -> "Regierung" (linking s dropped)."""
    low = t.lower_
    for noun in frame_nouns_lower():
        if low.endswith(noun) and len(low) > len(noun) + 2:
            stem = t.text[: len(t.text) - len(noun)].rstrip("-")
            if stem.endswith("s") and stem[:-1].lower().endswith(LINKING_S_ENDINGS):
                stem = stem[:-1]
            # only a modifier that names a source: "Herstellerangaben", not "Brancheninformationen"
            return stem if stem.lower() in source_nouns() else None
    return None


# Noun endings that take a linking "s" in compounds ("Regierungs-", "Gesundheits-", "Mannschafts-").
LINKING_S_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum")


class SpeakerResolver:
    def __init__(self, nlp: Language, name: str = "speaker_resolver") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        index = mention_index(doc)
        quotes = sorted(doc.spans.get("quotes", []), key=lambda s: s.start)
        previous: list[Span] = []
        for q in quotes:
            mention = q._.speaker_mention
            if mention is not None and len(mention) == 1 and mention[0].lower_ in PERSONAL_PRONOUNS | POSSESSIVE_THIRD:
                q._.speaker = antecedent(doc, mention, previous, index, report=q)
            elif q._.rule == "anaphoric":  # "Demnach …": who spoke last speaks on
                source = self._continued(doc, q, previous)
                announced = self._announced(doc, q, source)
                if announced is not None:
                    q._.speaker = resolve_mention(doc, announced, index)
                else:
                    q._.speaker = source._.speaker if source is not None else None
                    q._.via = list(source._.via) if source is not None else []
                    if source is not None and source._.speaker_mention is not None:
                        q._.speaker_mention = source._.speaker_mention  # rests on who spoke, not on "Demnach"
            elif mention is not None and len(mention) == 1 and mention[0].lower_ in DEMONSTRATIVES:
                q._.speaker = self._last_named(doc, mention) or resolve_mention(doc, mention, index)
            elif mention is not None and (court := court_of_ruling(mention, index)) is not None:
                q._.speaker, q._.via = court, [*q._.via, mention]  # the court decided; its ruling is the medium
            elif mention is not None:
                q._.speaker = resolve_mention(doc, mention, index)
            elif (holder := _subject_quoted(doc, q, index)) is not None:
                q._.speaker_mention, q._.speaker = holder  # "X will ein Angebot, das „billiger“ sein soll"
            elif q._.rule in ("konjunktiv", "", "colon", "intro") or q._.kind == "direct":
                source = self._continued(doc, q, previous)
                announced = self._announced(doc, q, source)
                newcomer = _new_person_in_paragraph(doc, q, source, index) if announced is None else None
                if newcomer is not None:  # "… sagt X. ⏎ Y geht ans Telefon. Ja, das sei er."
                    q._.speaker_mention, q._.speaker = newcomer
                elif announced is not None:  # "X äußerte sich kritisch. Die Lage sei …"
                    q._.speaker_mention = announced
                    q._.speaker = resolve_mention(doc, announced, index)
                elif source is not None:
                    q._.speaker_mention = source._.speaker_mention or _latest_mention(doc, source._.speaker, q.start)
                    q._.speaker = source._.speaker
                    q._.via = list(source._.via)
                    if not q._.cue and source._.cue is not None and q._.rule == "":
                        q._.rule = "continuation"
                elif q._.rule == "konjunktiv":
                    topic = _previous_person_subject(doc, q, index, previous)
                    if topic is not None:  # "… von einer Dame. Sie ist sehr freundlich. Es sei niemand da."
                        q._.speaker_mention, q._.speaker = topic
            previous.append(q)
        _attribute_pull_quotes(doc, quotes)
        for q in quotes:
            q._.via_names = via_names(doc, q, index)
        doc.spans["quotes"] = quotes
        return doc

    @staticmethod
    def _last_named(doc: Doc, pronoun: Span) -> Speaker | None:
        """What a demonstrative ('Dieser bestätigte') stands for: the entity named last before it."""
        speakers = [c for c in doc._.entities if c.type in ENTITY_SPEAKER_TYPES]
        best = max(speakers, key=lambda c: c.last_before(pronoun.start), default=None)
        if best is None or not 0 <= pronoun.start - best.last_before(pronoun.start) <= DEMONSTRATIVE_REACH:
            return None
        mention_end = max(m.end for m in best.mentions if m.end <= pronoun.start)
        if any(pos(t) in ("NOUN", "PROPN") for t in doc[mention_end : pronoun.start]):
            return None  # another noun came last: the demonstrative may point at it
        return Speaker(name=best.name, type=ENTITY_SPEAKER_TYPES[best.type], entity_id=best.id)

    @staticmethod
    def _announced(doc: Doc, q: Span, source: Span | None) -> Span | None:
        """The speaker of a frame without content in the sentence right before a frameless
        Konjunktiv report ('Die Gewerkschaft kritisierte die Bank.'), when it is more recent
        than the report the quote would otherwise continue."""
        if q._.kind != "indirect":
            return None
        before = [m for m in doc.spans.get("reported_sources", []) if m.end <= q.start]
        if not before:
            return None
        mention = max(before, key=lambda m: m.start)
        if source is not None and source.start > mention.start:
            return None
        cue = q._.cue
        between = doc[mention.end : cue.start if cue is not None and cue.start < q.start else q.start]
        breaks = sum("\n" in t.text for t in between)
        if not breaks and not any(t.is_sent_start for t in between):
            return mention  # the sentence right before, in the same paragraph
        # or the last sentence of the paragraph before, when the report opens its paragraph
        # ("X fürchten Nachteile. ⏎ Auch für Passagiere bringe der Plan …")
        last_sentence = breaks == 1 and not any(t.is_sent_start and not t.is_space for t in between)
        quoted_between = any(mention.end <= p.start < q.start for p in doc.spans.get("quotes", []))
        return mention if last_sentence and not quoted_between else None

    @staticmethod
    def _continued(doc: Doc, q: Span, previous: list[Span]) -> Span | None:
        """The report a frameless quote continues: the last attributed quote a few lines back."""
        lines = doc._.lines
        starts = [line.start for line in lines]
        here = sum(1 for s in starts if s <= q.start_char)
        for p in reversed(previous):
            if p._.speaker is None:
                continue
            there = sum(1 for s in starts if s <= p.start_char)
            if here - there > CONTINUATION_LINES * 2:
                break
            if q._.kind == "indirect" and p._.rule == "colon":
                continue  # a quoted exchange does not carry over to the narrator's report
            return p
        return None


def antecedent(
    doc: Doc, pronoun: Span, previous: list[Span], index: dict[int, EntityCluster], report: Span | None = None
) -> Speaker | None:
    """The last speaker, else the last entity mentioned, before the pronoun that agrees with
    it: "er" a man, singular "sie" a woman, plural "sie" a group or an organisation. A name
    inside the pronoun's own report is what was said, not who says it ("Müller kenne er
    kaum, sagt er")."""
    gender, plural = pronoun_agreement(pronoun)
    clusters = {c.id: c for c in doc._.entities}

    def agrees(speaker: Speaker) -> bool:
        if plural:
            return speaker.type != "person" or " und " in speaker.name
        if speaker.type != "person":
            return False
        cluster = clusters.get(speaker.entity_id or "")
        return cluster is None or cluster.gender in (None, gender)

    topic = None if plural else _previous_subject(doc, pronoun, gender, index)
    if topic is not None:
        return topic  # "Der IT-Kollege öffnet die Mail, die X Y zeigte. Er stellt fest: …"
    last_quote = next(
        (q for q in reversed(previous) if q._.speaker is not None and pronoun.start - q.end < 80 and agrees(q._.speaker)),
        None,
    )
    people = [] if plural else [c for c in doc._.entities if c.type == "person" and c.gender in (None, gender) and not _author(c)]
    # a pronoun never stands for a name in its own clause ("Philipp H. kenne er privat")
    own_clause = clause_bounds(pronoun[0].sent, pronoun.start)[0]
    inside = (report.start, report.end) if report is not None else (0, 0)
    named = [(_last_argument(c, own_clause, inside), c) for c in people]
    position, best = max(named, key=lambda pc: pc[0], default=(-1, None))
    described = None if plural else _last_description(doc, pronoun.start, gender, index)
    if described is not None and described.start > max(position, last_quote.end if last_quote is not None else -1):
        return Speaker(name=describe(described), type="anonymous")  # "der IT-Kollege … Er stellt fest"
    if last_quote is not None and (best is None or position < last_quote.end):
        return last_quote._.speaker  # nobody else was named since that speaker's quote
    if best is None or position < 0:
        return None
    return Speaker(name=best.name, type="person", entity_id=best.id)


# Prepositions of place and time: what follows them is a setting, seldom the next speaker.
LOCATIVE_PREPOSITIONS = frozenset("in im ins auf an am nach über unter vor hinter neben zwischen".split())


PULL_QUOTE_OVERLAP = 0.6


def _attribute_pull_quotes(doc: Doc, quotes: list[Span]) -> None:
    """A quotation standing alone on its line (a pull quote, a quoted subheading) belongs to
    whoever says those words in the body: it takes the speaker of the attributed quote that
    shares most of its words."""
    words = {id(q): {t.lower_ for t in q if t.is_alpha} for q in quotes}
    for q in quotes:
        if q._.kind != "direct" or q._.cue is not None or not _alone_on_line(doc, q):
            continue
        mine = words[id(q)]
        if len(mine) < 3:
            continue
        best, score = None, 0.0
        for other in quotes:
            if other is q or other._.speaker is None or other._.cue is None or _alone_on_line(doc, other):
                continue
            shared = len(mine & words[id(other)]) / len(mine)
            if shared > score:
                best, score = other, shared
        if best is not None and score >= PULL_QUOTE_OVERLAP:
            q._.speaker, q._.speaker_mention, q._.via = best._.speaker, best._.speaker_mention, list(best._.via)
            q._.rule = "pull_quote"


def _alone_on_line(doc: Doc, q: Span) -> bool:
    if not doc._.lines:
        return False
    line = line_of(doc, q.start_char)
    return len(line.text.strip()) - len(q.text) <= 4


def _subject_of_sentence_before(doc: Doc, sent: Span, across_paragraph: bool = False) -> Span | None:
    """The subject of the main clause of the sentence before, within the same paragraph (or,
    when asked, the last sentence of the body paragraph before)."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if "\n" in doc[before.end - 1 : sent.start + 1].text.strip(" "):
        if not across_paragraph or not doc._.lines or line_of(doc, before.start_char).role not in ("paragraph", "teaser"):
            return None
        if doc[before.end - 1 : sent.start + 1].text.count("\n") > 2:
            return None  # not the paragraph right before
    finite = next((x for x in before if is_finite(x)), None)
    if finite is None:
        return None
    return subject_of_main_clause(before, finite, clause_bounds(before, finite.i)[1], set())[0]


SUBJECT_CHAIN = 3  # sentences: a pronoun subject takes up the same pronoun subject before it


def _previous_subject(doc: Doc, pronoun: Span, gender: str, index: dict[int, EntityCluster]) -> Speaker | None:
    """A pronoun opening its sentence takes up the subject of the sentence before when that
    is a person of its gender (the subject is the most salient antecedent in German)."""
    t = pronoun[0]
    if t.i != next((x.i for x in t.sent if not (x.is_punct or x.is_space)), -1):
        return None
    subject = _subject_of_sentence_before(doc, t.sent)
    for _ in range(SUBJECT_CHAIN):
        if subject is None or len(subject) != 1 or subject[0].lower_ != t.lower_:
            break
        subject = _subject_of_sentence_before(doc, subject[0].sent)  # "X meldet sich. Er ist aufgewühlt. Er sagt, …"
    return _person_of(subject, index, gender) if subject is not None else None


def _previous_person_subject(doc: Doc, q: Span, index: dict[int, EntityCluster], previous: list[Span]) -> tuple[Span, Speaker] | None:
    """A Konjunktiv report that continues no report: the person the sentence before is about
    (its subject, a name, a described person or a pronoun for one), in the same paragraph or,
    for a report that opens its paragraph, at the end of the paragraph before ("Der Minister
    nannte das Ziel. ⏎ Es gehe nicht darum, …")."""
    sent = doc[q.start].sent
    opens = bool(doc._.lines) and line_of(doc, q.start_char).start >= doc[sent.start].idx
    subject = _subject_of_sentence_before(doc, sent, across_paragraph=opens)
    if subject is None:
        return None
    if len(subject) == 1 and subject[0].lower_ in ("er", "sie"):
        speaker = antecedent(doc, subject, previous, index)
    else:
        speaker = _person_of(subject, index)
    return (subject, speaker) if speaker is not None and speaker.type in ("person", "anonymous") else None


def _subject_quoted(doc: Doc, q: Span, index: dict[int, EntityCluster]) -> tuple[Span, Speaker] | None:
    """Words quoted inside a sentence without a frame, whose main clause has a named person as
    its subject: the article quotes that person ("X will mit einem Angebot kommen, das
    „billiger sein soll als alle anderen“")."""
    if q._.kind != "direct" or q._.rule != "" or q._.cue is not None:
        return None
    sent = sentence_of(doc, q.start, {i for p in doc.spans.get("quotes", []) for i in range(p.start, p.end)})
    words_before = [t for t in doc[sent.start : q.start] if t.is_alpha]
    if len(words_before) < 2 or any(is_quote_char(t) for t in doc[sent.start : q.start - 1]):
        return None  # a quotation that opens its sentence, or a second quotation in it
    finite = next((t for t in sent if is_finite(t) and t.i < q.start), None)
    if finite is None:
        return None
    subject = subject_of_main_clause(sent, finite, clause_bounds(sent, finite.i)[1], set())[0]
    named = [index[i] for i in range(subject.start, subject.end) if i in index] if subject is not None else []
    if not named or named[-1].type != "person":
        return None
    return subject, Speaker(name=named[-1].name, type="person", entity_id=named[-1].id)


def _new_person_in_paragraph(
    doc: Doc, q: Span, source: Span | None, index: dict[int, EntityCluster]
) -> tuple[Span, Speaker] | None:
    """Where a frameless Konjunktiv report would continue a report of an earlier paragraph, the
    chain breaks when its own paragraph has made another named person the subject before it:
    that person speaks now ("… sagt Jacek K. ⏎ Philipp H. geht ans Telefon. Das sei er.")."""
    if q._.kind != "indirect" or source is None or source._.speaker is None or not doc._.lines:
        return None
    paragraph = line_of(doc, q.start_char).start
    if source.start_char >= paragraph:
        return None
    found = None
    k = q.start - 1
    while k >= 0 and doc[k].idx >= paragraph:
        sent = doc[k].sent
        finite = next((x for x in sent if is_finite(x) and x.i < q.start), None)
        if finite is not None and sent.end <= q.start:
            subject = subject_of_main_clause(sent, finite, clause_bounds(sent, finite.i)[1], set())[0]
            named = [index[i] for i in range(subject.start, subject.end) if i in index] if subject is not None else []
            if named and named[-1].type == "person" and found is None:
                found = (subject, Speaker(name=named[-1].name, type="person", entity_id=named[-1].id))
        k = sent.start - 1
    if found is None or found[1].name == source._.speaker.name:
        return None
    return found


def _person_of(subject: Span, index: dict[int, EntityCluster], gender: str | None = None) -> Speaker | None:
    """The person a subject names (of the given gender): a named person, or a singular
    description of one ("der IT-Kollege"); None for anything else."""
    named = [index[i] for i in range(subject.start, subject.end) if i in index]
    if named:
        person = named[-1]
        if person.type == "person" and (gender is None or person.gender in (None, gender)):
            return Speaker(name=person.name, type="person", entity_id=person.id)
        return None
    head = next((x for x in subject if pos(x) == "NOUN"), None)
    if head is None or not _person_noun(head) or noun_number(head) == "Plur":
        return None
    if gender is not None and _noun_gender(head) != gender:
        return None
    return Speaker(name=describe(subject), type="anonymous")


def _author(cluster: EntityCluster) -> bool:
    """Named in the byline only: the author, whom the article's own pronouns never stand for."""
    return all(role_at(m.doc, m.start_char) == "byline" for m in cluster.mentions)


def _noun_gender(t) -> str | None:
    """'m' or 'f' from a noun's grammatical gender."""
    return {"Masc": "m", "Fem": "f"}.get((t.morph.get("Gender") or [""])[0])


DESCRIPTION_REACH = 60  # tokens: a description is an antecedent within the sentences before


def _last_description(doc: Doc, before: int, gender: str, index: dict[int, EntityCluster]) -> Span | None:
    """The last singular description of a person before a pronoun, of its gender, that no
    name stands for: "der IT-Kollege", "einer Dame mittleren Alters"."""
    for t in reversed(doc[max(0, before - DESCRIPTION_REACH) : before]):
        if t.i in index or pos(t) != "NOUN" or noun_number(t) == "Plur" or not _person_noun(t):
            continue
        k = t.i
        while k > 0 and pos(doc[k - 1]) == "ADJ":
            k -= 1
        article = doc[k - 1] if k > 0 else None
        if article is None or article.lower_ not in DEFINITE | INDEFINITE:
            continue
        governor = doc[article.i - 1] if article.i > 0 else None
        if article.lower_ in ("den", "einen") or governor is not None and pos(governor) == "ADP" and governor.lower_ not in ("von", "vom"):
            continue  # an object ("über den Autor"), not someone who acts; a passive agent ("von einer Dame") is one
        if _noun_gender(t) != gender or (t.i + 1 < len(doc) and pos(doc[t.i + 1]) == "PROPN"):
            continue  # another gender, or a role before a name ("der Dokumentar Geicke")
        return noun_phrase(doc, article.i) or doc[article.i : t.i + 1]
    return None


def _person_noun(t) -> bool:
    word = (t.lemma_ or t.text).lower()
    tail = word.rsplit("-", 1)[-1]  # a compound counts by its last part ("IT-Kollege")
    if source_nouns().get(word) in ("person", "anonymous") or source_nouns().get(tail) in ("person", "anonymous"):
        return True
    return word in person_nouns() or tail in person_nouns()


def _last_argument(cluster: EntityCluster, before: int, outside: tuple[int, int] = (0, 0)) -> int:
    """Start of the entity's last mention before a token, outside a token range, that is not
    inside a prepositional phrase ("im Heute Journal" is no antecedent for "sie"), or -1."""
    doc = cluster.mentions[0].doc if cluster.mentions else None
    starts = []
    for m in cluster.mentions:
        if m.end > before or outside[0] <= m.start < outside[1]:
            continue
        k = m.start - 1
        while k >= 0 and (pos(doc[k]) in ("DET", "ADJ") or (doc[k].text[:1].isupper() and not doc[k].is_sent_start and k >= m.start - 2)):
            k -= 1  # "im Heute Journal": the rest of a name the mention does not cover
        if k >= 0 and doc[k].lower_ in LOCATIVE_PREPOSITIONS:
            continue
        starts.append(m.start)
    return max(starts, default=-1)


def pronoun_agreement(pronoun: Span) -> tuple[str, bool]:
    """(gender, plural) of a subject pronoun: "er" masculine; "sie" feminine unless its verb is
    plural ("sie sagten")."""
    t = pronoun[0]
    if t.lower_ == "er" or t.lower_.startswith("sein"):
        return "m", False
    if t.lower_.startswith("ihr"):  # "Ihrer Meinung nach": a woman or a group
        return "f", t.morph.get("Number") == ["Plur"]
    doc = t.doc
    verb = next(
        (v for v in (doc[t.i - 1] if t.i > 0 else None, doc[t.i + 1] if t.i + 1 < len(doc) else None)
         if v is not None and is_finite(v) and v.morph.get("Number")),
        None,
    )  # the verb's number is the surer tag: "schickt sie", "sie sagten"
    number = verb.morph.get("Number") if verb is not None else t.morph.get("Number")
    return "f", number == ["Plur"]


def _latest_mention(doc: Doc, speaker: Speaker | None, before: int) -> Span | None:
    """The entity's mention nearest before a token: what a continued report rests on."""
    if speaker is None or speaker.entity_id is None:
        return None
    cluster = next((c for c in doc._.entities if c.id == speaker.entity_id), None)
    mentions = [m for m in cluster.mentions if m.end <= before] if cluster else []
    return max(mentions, key=lambda m: m.start) if mentions else None


def via_names(doc: Doc, q: Span, index: dict[int, EntityCluster] | None = None) -> list[str]:
    """The names of the chain a quote came through, nearest first, without its speaker."""
    names = []
    for via in q._.via:
        name = resolve_mention(doc, via, index).name
        if name and name not in names and (q._.speaker is None or name != q._.speaker.name):
            names.append(name)
    return names


def title_type(doc: Doc, title: Span) -> str:
    """A quoted title next to 'Buch'/'Bericht' is a document, next to 'Zeitung'/'Sender' a
    medium; a title that speaks without such a word is taken for a document."""
    return title_evidence(doc, title) or "document"


def title_evidence(doc: Doc, title: Span) -> str | None:
    """'media' or 'document' when the title is a known medium or a word next to it says what
    it is; None for a quoted name with nothing to tell ('aus „Verbrauchersicht“')."""
    if title.text in media_names():
        return "media"
    near = list(doc[max(0, title.start - 4) : title.start]) + list(doc[title.end : title.end + 5])
    for t in near:
        word = (t.lemma_ or t.text).lower()
        kind = source_nouns().get(word)
        if kind in ("document", "media", "agency") or word in title_nouns():
            return "document" if kind == "document" or kind is None else "media"
        if word.endswith(("buch", "bericht", "studie")):
            return "document"
        if word.endswith(("zeitung", "magazin", "sender", "blatt")):
            return "media"
    return None


@Language.factory(
    "speaker_resolver",
    requires=[*LINGUISTIC, "doc._.lines", "doc._.entities", "doc.spans", "span._.speaker_mention"],
    assigns=["span._.speaker", "span._.speaker_mention", "span._.via", "span._.via_names", "span._.rule"],
)
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver(nlp, name)
