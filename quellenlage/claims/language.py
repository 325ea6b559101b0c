"""The claim rules of a language: what the shared components (claims, headline check, sources)
ask of the grammar and word lists of the Doc's language.

Each language package provides one object satisfying `ClaimRules` (German:
`quellenlage.lang.de.claims`, English: `quellenlage.lang.en.claims`) and names its loader in its
`LanguageProfile.claim_rules`; the components get the rules of a Doc's language with
`claim_rules(doc)`, loaded on first use. A language that brings no claim rules is read with the
German ones (the fallback of the claims layer).
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from quellenlage.attribution.frames import FrameFinder
    from quellenlage.claims.reactions import Reply
    from quellenlage.schema import Speaker

#: The language whose rules read a Doc whose language has none.
FALLBACK = "de"
#: What a word that reports without vouching does (`ClaimRules.modal_reading`).
HEARSAY, CLAIM, PLAN, INTENTION = "hearsay", "claim", "plan", "intention"


class ClaimRules(Protocol):
    """The language-specific decisions of the claims layer and the source collector."""

    LANG: str

    def distancing_modal(self, span: Span) -> Token | None:
        """The first word that reports without vouching ("soll … haben", "is said to")."""
        ...

    def hedge_patterns(self) -> list[tuple[str, Pattern[str]]]:
        """(kind, regex) of the distance markers of the language (hedges.tsv)."""
        ...

    def reported_mood(self, span: Span) -> Token | None:
        """The first finite verb in the mood of reported speech (German Konjunktiv I), if any."""
        ...

    # --- words and terms (terms.py)

    def pos(self, t: Token) -> str:
        """The universal POS, as the language's rules read it."""
        ...

    def lemma(self, t: Token) -> str:
        ...

    def stem(self, word: str) -> str:
        """A light stemmer: lower case minus an inflectional ending."""
        ...

    def content_verb(self, lemma_: str, text: str) -> bool:
        """A verb that carries content (not light, not a verb of saying)."""
        ...

    def number_words(self) -> dict[str, str]:
        """number word -> its figure (numbers.tsv)."""
        ...

    def compound_parts(self, word: str) -> tuple[str, ...]:
        """The lemmas of a compound's parts, () for a word that is none."""
        ...

    # --- claims (claims.py)

    DEFINITE: frozenset[str]
    INDEFINITE: frozenset[str]
    #: Whether a reply names the source of its anaphor beside it in its sentence (English) or
    #: inside the anaphor (German: "die Behauptungen der Zeitung").
    SOURCE_BESIDE_ANAPHOR: bool

    def modal_reading(self, t: Token, sent: Span) -> str | None:
        """HEARSAY, CLAIM, PLAN or INTENTION for the word that makes a statement reported,
        claimed, planned or intended, else None."""
        ...

    # --- headlines (headline.py)

    #: Words that open a question about a topic ("wie", "how"): what follows is no claim.
    OPEN_QUESTION: frozenset[str]
    #: The author writing ("ich", "we"): the outlet's own voice.
    FIRST_PERSON: frozenset[str]
    #: Words of "…, wie X berichtete", "…, as X reported": the outlet states it and names where it read it.
    REFERENCE: frozenset[str]

    def is_finite(self, t: Token) -> bool:
        ...

    def is_quote_char(self, t: Token) -> bool:
        ...

    def sensational_rows(self) -> tuple[tuple[str, ...], ...]:
        """(stem, kind, related roots) of the loaded words (sensational.tsv)."""
        ...

    def announced_after(self, quote: Span) -> bool:
        """The outlet states a quote's content itself and names who made it known in the next
        sentence ("… gestoppt. Das teilte X mit."): a reference, not a claim of X only."""
        ...

    def trailing_frame(self, piece: Span) -> bool:
        """A headline clause after a comma that names the source ("…, says Smith")."""
        ...

    def names_source(self, span: Span, rest: Span) -> bool:
        """A headline clause before a colon that names a source ("Bericht:", "Smith:")."""
        ...

    def introduces(self, span: Span) -> bool:
        """A headline clause before a colon that announces what follows ("Experte warnt:")."""
        ...

    def predicates(self, span: Span) -> bool:
        """A verbless statement: a name with a predicative adjective ("Putin paranoid")."""
        ...

    def headline_marking(self, span: Span) -> str | None:
        """How the headline's words mark the assertion as someone's ("laut", "is said to"), or None."""
        ...

    def reporting_speakers(self, span: Span, matched: list[Token]) -> list[Speaker]:
        """The sources the attribution frames of a body sentence make of the matched words."""
        ...

    def speech_cue(self, quote: Span) -> bool:
        """Whether the quote's cue is a verb of saying or writing."""
        ...

    # --- sources (attribution/sources.py)

    def media_names(self) -> dict[str, str]:
        """outlet name -> media | agency."""
        ...

    def source_nouns(self) -> dict[str, str]:
        """lower-case noun -> the kind of source it names ("nachrichtenagentur": agency)."""
        ...

    def source_intros(self) -> list[str]:
        """The words that open a source line ("Quelle:")."""
        ...

    def untyped_source_type(self, name: str, mention: Span | None) -> str | None:
        """The type of a source the resolver left untyped, or None: no source."""
        ...

    def unnamed_group(self, mention: Span) -> bool:
        """A group with no name ("Analysten"): anonymous, not a person."""
        ...

    def cited_sources(self, doc: Doc, frames: FrameFinder) -> list[tuple[Span, str | None, str | None]]:
        """Sources cited without content: (mention, name or None to resolve it, type hint)."""
        ...

    # --- replies (reactions.py)

    #: Verbs of confession: their content is the charge, not a denial.
    CONFESSION: frozenset[str]
    #: Word beginnings of a confession of more than the charge ("andere", "other").
    OTHER_DEEDS: tuple[str, ...]
    #: The words of "im Auftrag von X", "on behalf of X": a reply made for X is X's.
    BEHALF: tuple[frozenset[str], frozenset[str], frozenset[str]]
    #: The words by which a reply points back: determiners of an anaphor noun, pronouns that
    #: point anywhere in a reply, a leading pronoun of a short reply, a fronted object.
    DETERMINERS: frozenset[str]
    POINTING_PRONOUNS: frozenset[str]
    PRONOUN_ANAPHORS: frozenset[str]
    FRONTED: frozenset[str]
    #: Conjunctions of a content clause ("dass", "that"): a dispute of a statement.
    CONTENT_CLAUSE: frozenset[str]

    def reaction_patterns(self) -> list[tuple[str, Pattern[str]]]:
        """(status or status-act, regex) of the reply phrases (reactions.tsv)."""
        ...

    def charge_nouns(self) -> tuple[str, ...]:
        """Beginnings of nouns of a charge against someone ("Vorwürfe", "allegations")."""
        ...

    def reaction_cue(self, t: Token, sent: Span) -> tuple[str, str, Span] | None:
        """(lemma, status, cue span) when t is a verb of answering."""
        ...

    def frame_replies(self, doc: Doc, sentence: Span, skip: set[int], index: dict) -> list[Reply]:
        """The replies the outlet narrates in the sentence (`index`: token -> entity)."""
        ...

    def quote_reactors(self, doc: Doc, speaker: Speaker | None, mention: Span | None, sentence: Span) -> list[Speaker]:
        """Who answers with a quote."""
        ...

    def asked_person(self, doc: Doc, sentence: Span) -> Speaker | None:
        """The person a reported question right before the sentence asks."""
        ...

    def is_anaphor_noun(self, t: Token) -> bool:
        ...

    def is_possessor(self, t: Token) -> bool:
        """A possessor before an anaphor noun ("Woodwards Behauptungen", "Smith 's claims")."""
        ...

    def plural_anaphor(self, phrase: Span) -> bool:
        """Whether the anaphor points at several claims."""
        ...


@lru_cache(maxsize=None)
def rules_of(code: str) -> ClaimRules:
    """The claim rules of language `code`, or the fallback's when it brings none."""
    from quellenlage.lang import UnknownLanguage, get_language

    try:
        load = get_language(code).claim_rules
    except UnknownLanguage:
        load = None
    return load() if load is not None else rules_of(FALLBACK)


def claim_rules(x: Doc | Span | Token) -> ClaimRules:
    """The claim rules of the language of the Doc `x` belongs to."""
    return rules_of((x if isinstance(x, Doc) else x.doc).lang_)

