"""The output schema: what an analysis contains, as pydantic models.

This module is the contract of ../shared/ANNOTATION.md in code. Every view (JSON, terminal,
HTML, corpus tables) renders these models; `docs/schema/analysis.schema.json` is generated
from them (`quellenlage schema`).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import AliasChoices, BaseModel, Field, StringConstraints

SCHEMA_VERSION = "1.0"

LineRole = Literal[
    "section", "headline", "caption", "teaser", "subheading", "paragraph", "byline", "boilerplate"
]
EntityType = Literal["person", "organization", "media", "agency", "place", "misc"]
SpeakerType = Literal["person", "organization", "media", "document", "anonymous", "unknown"]
SourceType = Literal["person", "organization", "media", "agency", "document", "anonymous"]
QuoteKind = Literal["direct", "indirect"]
#: The German rules that find a quote: a frame ("verb", "laut", "zufolge", "angaben", "so",
#: "view", "anaphoric", "hearsay"), the mood or modal of reported speech ("konjunktiv", "soll",
#: "will", "hedge"), a speech noun ("noun"), a quotation inside a report ("in_report"), the
#: layout of direct quotes ("colon", "intro", "pull_quote"), a quote that goes on from the
#: previous speaker ("continuation") and interviews, posts and block quotes.
GermanRule = Literal[
    "verb", "laut", "zufolge", "angaben", "so", "view", "anaphoric", "hearsay",
    "konjunktiv", "soll", "will", "hedge", "noun", "in_report",
    "colon", "intro", "pull_quote", "continuation", "interview", "post", "block",
]
#: The English rules (`quellenlage.lang.en`), prefixed "en_".
EnglishRule = Literal[
    "en_direct", "en_colon", "en_partial", "en_headline", "en_continued", "en_verb", "en_belief",
    "en_infinitive", "en_passive", "en_call_for", "en_according", "en_noun", "en_transcript",
]
#: The rule that found a quote; "" where no rule names it (a direct quote without a frame).
QuoteRule = Literal[GermanRule, EnglishRule, ""]
#: A rule of a language package that does not ship with Quellenlage (`quellenlage.lang`): its
#: language code, "_" and a name ("zz_dixit"), so that a language plugs in without a schema edit.
OtherLanguageRule = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}_[a-z0-9_]+$")]


class TextSpan(BaseModel):
    """A stretch of the input text: `text == input[start:end]`."""

    start: int
    end: int
    text: str


class Line(BaseModel):
    index: int = Field(description="0-based line number over input.split('\\n')")
    role: LineRole
    text: str
    start: int = Field(description="character offset of the line in the input")
    why: str = Field("", description="the feature that decided the role")


class Entity(BaseModel):
    id: str
    name: str = Field(description="canonical name: the fullest proper name the article gives")
    type: EntityType
    mentions: list[TextSpan] = []


class Speaker(BaseModel):
    name: str
    type: SpeakerType
    entity_id: Optional[str] = None


class Quote(BaseModel):
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: Optional[Speaker] = None
    speaker_type: SpeakerType = "unknown"
    speaker_mention: Optional[TextSpan] = Field(
        None, description="the mention the attribution rests on (may be a pronoun or description)"
    )
    cue: Optional[TextSpan] = Field(None, description="the word(s) that mark the attribution")
    rule: QuoteRule | OtherLanguageRule = Field(
        "",
        validation_alias=AliasChoices("rule", "cue_type"),  # "cue_type" in analyses stored before 2026-12
        description="which rule produced the quote, e.g. 'verb', 'zufolge', 'konjunktiv'",
    )
    via: list[str] = Field([], description="the chain the statement came through, nearest first")


class Source(BaseModel):
    name: str
    type: SourceType
    entity_id: Optional[str] = None
    quote_ids: list[str] = []
    mentions: list[TextSpan] = []


class Reaction(BaseModel):
    by: Speaker
    status: Literal["denied", "confirmed", "disputed"]
    text: str
    start: int
    end: int
    cue: Optional[TextSpan] = None
    quote_id: Optional[str] = None


class Claim(BaseModel):
    id: str
    text: str
    start: int
    end: int
    source: Optional[Speaker] = None
    via: list[str] = []
    status: Literal["asserted", "attributed", "hedged", "rumour"]
    quote_ids: list[str] = []
    reactions: list[Reaction] = []


class HeadlineFinding(BaseModel):
    """One assertion of the headline and how the body carries it: `supported` (stated in the
    outlet's own voice), `attributed_only` (the headline itself marks the source),
    `unsupported_as_fact` (the body attributes it to a single source only, hedges it or reports
    it as denied, and the headline drops that), `not_in_body` (no sentence of the body says it)."""

    assertion: str
    start: int
    end: int
    verdict: Literal["supported", "attributed_only", "unsupported_as_fact", "not_in_body"]
    evidence: list[TextSpan] = Field([], description="the body sentences that support it best, then denials")
    why: str
    marking: Optional[str] = Field(None, description="how the headline itself marks the source, if it does")


class SensationalWord(BaseModel):
    word: str
    start: int
    end: int
    in_body: bool = Field(description="whether the body uses the word (or its stem) too")


class HeadlineCheck(BaseModel):
    text: str
    findings: list[HeadlineFinding] = []
    sensational: list[SensationalWord] = []


class Transparency(BaseModel):
    named_sources: int = 0
    anonymous_sources: int = 0
    body_sentences: int = 0
    attributed_sentences: int = 0
    attributed_share: float = 0.0
    single_source_claims: int = 0


class Meta(BaseModel):
    title: Optional[str] = None
    date: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    url: Optional[str] = None
    input_name: Optional[str] = None
    input_format: str = "text"
    language: str = "de"
    quellenlage_version: str = ""
    model: str = Field("", description="name and version of the language pipeline used")


class Analysis(BaseModel):
    """Everything Quellenlage found in one article. Offsets point into `text`."""

    schema_version: str = SCHEMA_VERSION
    id: Optional[str] = None
    text: str = Field(description="the analysed text (for HTML input: the extracted text)")
    meta: Meta = Meta()
    lines: list[Line] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    sources: list[Source] = []
    claims: list[Claim] = []
    headline_check: Optional[HeadlineCheck] = None
    transparency: Transparency = Transparency()
    errors: list[str] = Field([], description="problems met on the way; the analysis may be partial")


class AnalysisRequest(BaseModel):
    """What the web API analyses: exactly one of a URL to fetch, plain text, or an HTML page."""

    url: Optional[str] = Field(None, description="an http(s) page the server fetches (public addresses only)")
    text: Optional[str] = Field(None, description="the article as plain text, the headline on the first line")
    html: Optional[str] = Field(None, description="the article as an HTML page")


class AnalysisSummary(BaseModel):
    """One stored analysis in the history: enough to find it again."""

    id: str
    created_at: str = Field(description="when it was first analysed (ISO 8601, UTC)")
    title: str
    site: str = ""
    url: str = ""
    input_kind: Literal["url", "text", "html"]
    quotes: int
    speakers: list[str] = Field([], description="speakers quoted, most quoted first")
    link: str = Field(description="the permanent page of the analysis")
