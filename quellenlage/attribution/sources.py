"""`SourceCollector`: every origin of information the article relies on, with its quotes.

Speakers of quotes, the media and agencies they came through (via), sources cited without
content ("CNN berichtete über …") or inside a quote ("„Einem Mitarbeiter zufolge …“"), documents named in quotation marks next to 'Buch' or
'Bericht', anonymous sources ("aus Trumps Umfeld"), the documents, groups and citations of
`quellenlage.attribution.cited`, and agencies or outlets in the byline ("Quelle: Golem").
The Doc's language's rules (`quellenlage.claims.language.ClaimRules`) name the outlets and
source nouns, type what the resolver left untyped and find the cited sources.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.attribution.frames import PREPOSITIONAL_RULES, FrameFinder, source_type_of
from quellenlage.attribution.speakers import mention_index, resolve_mention, title_evidence
from quellenlage.claims.language import ClaimRules, claim_rules
from quellenlage.convert import text_span
from quellenlage.schema import Source, Speaker

# The dateline of wire copy that opens the first paragraph: "Frankfurt/Main (dpa) - …", "Berlin (AFP/dpa) –".
DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\w./ -]{1,40}?\s*\(([\w/ .,-]{2,30})\)\s*[-–—]\s")
SOURCE_TYPES = {"person", "organization", "media", "agency", "document", "anonymous"}
ARTICLE = re.compile(r"^(der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)\s+")
WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)*\.(de|at|ch|com|net|org|info|eu|io)", re.IGNORECASE)


def _source_line(text: str, rules: ClaimRules) -> str | None:
    """What a source line names: "Quelle: Golem", "(Quelle: APA/dpa)" (the words of
    bylines.tsv), or a note of agencies before the date: "(Agenturen) | Stand: 05/08/2019"."""
    media_names, source_nouns = rules.media_names, rules.source_nouns
    intro = "|".join(rules.source_intros())
    m = re.match(rf"^\W*(?:{intro})n?\s*:\s*(\S.{{0,40}}?)\)?\s*$", text, re.IGNORECASE)
    if m:
        return m.group(1)
    m = re.match(r"^\s*\(([\w/ ,.&-]{2,30})\)\s*(\||$)", text)
    noted = m.group(1) if m else ""
    parts = [p for p in re.split(r"\s*[/,&]\s*", noted) if p]
    known = all(p in media_names() or source_nouns().get(p.lower()) in ("agency", "media") for p in parts)
    return noted if parts and known else None


class SourceCollector:
    def __init__(self, nlp: Language, name: str = "source_collector") -> None:
        self.name = name
        self.frames = FrameFinder()

    def __call__(self, doc: Doc) -> Doc:
        sources: dict[str, Source] = {}
        index = mention_index(doc)
        rules = claim_rules(doc)
        media_names, source_nouns = rules.media_names, rules.source_nouns

        def add(speaker: Speaker | None, mention: Span | None, quote_id: str | None = None, hint: str | None = None) -> None:
            if speaker is None or not speaker.name:
                return
            stype = speaker.type
            if stype == "media" and (
                media_names().get(speaker.name) == "agency" or source_nouns().get(speaker.name.lower()) == "agency"
                or mention is not None and source_type_of(mention) == "agency"
            ):
                stype = "agency"  # "dpa", "russische Nachrichtenagenturen"
            if stype not in SOURCE_TYPES:  # the language's conventions type what the resolver left untyped
                stype = rules.untyped_source_type(speaker.name, mention) or hint
                if stype is None:
                    return
            elif stype == "person" and speaker.entity_id is None and mention is not None and rules.unnamed_group(mention):
                stype = "anonymous"  # "Analysten", "Kritiker": a group with no name
            key = ARTICLE.sub("", speaker.name.lower())  # "ein Rundschreiben" and "Rundschreiben" are one source
            src = sources.setdefault(key, Source(name=speaker.name, type=stype, entity_id=speaker.entity_id))
            if quote_id and quote_id not in src.quote_ids:
                src.quote_ids.append(quote_id)
            if mention is not None and all(m.start != mention.start_char for m in src.mentions):
                src.mentions.append(text_span(mention))

        for q in doc.spans.get("quotes", []):
            add(q._.speaker, q._.speaker_mention, q._.id)
            for via in q._.via:
                add(resolve_mention(doc, via, index), via)
        for q in doc.spans.get("quotes", []):
            if q._.kind == "direct":  # sources the quoted speaker cites ("Einem Mitarbeiter zufolge …")
                for frame in self.frames.find(q):
                    if frame.speaker is not None and frame.rule in PREPOSITIONAL_RULES - {"so"}:
                        add(resolve_mention(doc, frame.speaker, index), frame.speaker)
        for mention in doc.spans.get("reported_sources", []):
            verb_class, _, verb = mention.label_.partition(":")
            # "Greta Thunberg sieht das so" is a view, "veröffentlicht einen Text" a publication: no source
            if verb_class != "thought" and verb != "veröffentlichen":
                add(resolve_mention(doc, mention, index), mention)
        for title in doc.spans.get("titles", []):
            ttype = title_evidence(doc, title)
            if ttype is not None and not any(c in title.text for c in "„“”»«\""):  # not '„Vogelschiss“-Zitat' as one token
                add(Speaker(name=title.text, type=ttype), title)
        for mention, name, hint in rules.cited_sources(doc, self.frames):
            if name is not None:  # a speaker has no agency type: add() tells the agency from the medium
                add(Speaker(name=name, type="media" if hint == "agency" else hint), mention)
            else:
                add(resolve_mention(doc, mention, index), mention, hint=hint)
        for line in doc._.lines:
            # whatever role the line model gave it; a caption's "Quelle:" is a photo credit
            named = _source_line(line.text, rules) if line.role not in ("caption", "headline") else None
            for part in re.split(r"\s*[/,&|;]\s*|\s+und\s+", named or ""):
                if part[:1].isupper() or WEB_ADDRESS.fullmatch(part):  # "Quelle: Golem": what the article is based on
                    add(Speaker(name=part, type="media"), None)
            dateline = DATELINE.match(line.text) if line.role == "paragraph" else None
            if line.role == "byline" or dateline:  # "(Quelle: dpa)", "Frankfurt/Main (dpa) - …"
                for word in re.findall(r"[\w.-]+", dateline.group(1) if dateline else line.text):
                    if media_names().get(word) in ("agency", "media"):
                        add(Speaker(name=word, type="media"), None)
                    elif word[:1].isupper() and source_nouns().get(word.lower()) == "agency":
                        add(Speaker(name=word, type="media"), None)  # "(Agenturen)": agencies not named
        doc._.sources = list(sources.values())
        return doc


@Language.factory(
    "source_collector", requires=["doc._.lines", "doc._.entities", "doc.spans", "span._.speaker"], assigns=["doc._.sources"]
)
def make_source_collector(nlp: Language, name: str) -> SourceCollector:
    return SourceCollector(nlp, name)
