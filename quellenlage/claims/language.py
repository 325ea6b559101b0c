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
from typing import Protocol

from spacy.tokens import Doc, Span, Token

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


# TRANSITION (removed once every module asks `claim_rules`)
GERMAN, ENGLISH = "de", "en"
CLAIM_LANGUAGES = frozenset({GERMAN, ENGLISH})


def language(x: Doc | Span | Token) -> str:
    code = (x if isinstance(x, Doc) else x.doc).lang_
    return code if code in CLAIM_LANGUAGES else GERMAN


def english(x: Doc | Span | Token) -> bool:
    return language(x) == ENGLISH
