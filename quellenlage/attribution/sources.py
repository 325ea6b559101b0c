"""`SourceCollector`: every origin of information the article relies on, with its quotes.

Speakers of quotes, the media and agencies they came through (via), sources cited without
content ("CNN berichtete über …") or inside a quote ("„Einem Mitarbeiter zufolge …“"), documents named in quotation marks next to 'Buch' or
'Bericht', anonymous sources ("aus Trumps Umfeld"), and agencies in the byline.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.attribution.frames import PREPOSITIONAL_RULES, FrameFinder, source_type_of
from quellenlage.lang.de.grammar import media_names, source_nouns
from quellenlage.attribution.speakers import mention_index, resolve_mention, title_evidence
from quellenlage.convert import text_span
from quellenlage.schema import Source, Speaker

# The dateline of wire copy that opens the first paragraph: "Frankfurt/Main (dpa) - …", "Berlin (AFP/dpa) –".
DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\w./ -]{1,40}?\s*\(([\w/ .,-]{2,30})\)\s*[-–—]\s")
SOURCE_TYPES = {"person", "organization", "media", "agency", "document", "anonymous"}


class SourceCollector:
    def __init__(self, nlp: Language, name: str = "source_collector") -> None:
        self.name = name
        self.frames = FrameFinder()

    def __call__(self, doc: Doc) -> Doc:
        sources: dict[str, Source] = {}
        index = mention_index(doc)

        def add(speaker: Speaker | None, mention: Span | None, quote_id: str | None = None) -> None:
            if speaker is None or not speaker.name:
                return
            stype = speaker.type
            if stype == "media" and (
                media_names().get(speaker.name) == "agency" or source_nouns().get(speaker.name.lower()) == "agency"
                or mention is not None and source_type_of(mention) == "agency"
            ):
                stype = "agency"  # "dpa", "russische Nachrichtenagenturen"
            if stype not in SOURCE_TYPES:
                return
            key = speaker.name.lower()
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
        for line in doc._.lines:
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
