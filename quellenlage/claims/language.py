"""Which language's rules the claims layer applies: the Doc's language (`doc.lang_`).

The claims layer's German rules (STTS tags, Konjunktiv, verb-second order, German word lists)
stay in the modules of this package and in `quellenlage.attribution`; the English ones are in
`quellenlage.lang.en.claims` and `quellenlage/lang/en/lexicons/`. Each decision that depends on
the language asks `language(doc)` and reads the word lists of that language.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

GERMAN, ENGLISH = "de", "en"
CLAIM_LANGUAGES = frozenset({GERMAN, ENGLISH})


def language(x: Doc | Span | Token) -> str:
    """The language code of the Doc `x` belongs to; German for a language without claims rules."""
    code = (x if isinstance(x, Doc) else x.doc).lang_
    return code if code in CLAIM_LANGUAGES else GERMAN


def english(x: Doc | Span | Token) -> bool:
    return language(x) == ENGLISH
