"""Which language a text is in: the page's own declaration when it names a language we have,
otherwise the language whose function words the text uses most.

Function words decide news text reliably after a few dozen words and cost one set lookup per
word; a character n-gram detector would add a dependency and a model for no gain on our two
languages.
"""

from __future__ import annotations

import re

from quellenlage.lang import SHIPPED, available, get_language

DEFAULT = "de"
#: Words looked at: enough for a clear majority, few enough to stay fast on long texts.
SAMPLE_WORDS = 400
#: Function words make up a third to a half of German and English news text (at least 33 % on
#: every dev and PolNeAR dev text), at most 12 % of the Portuguese, Russian and Korean pages of
#: the extraction benchmark; under this share a text is in another language.
MIN_SHARE = 0.2
#: Fewer words than this are too few to tell a language by, or to overrule a page's declaration.
SHORT = 20
#: How many times more function words of another language overrule the declared one.
CLEARLY = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def declared_language(tag: str | None) -> str | None:
    """'de' for a declared 'de-DE' or 'de_AT', if that language is available; else None."""
    if not tag:
        return None
    code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return code if code in available() else None


def _latin_share(words: list[str]) -> float:
    """The share of words written in Latin letters (with their accents)."""
    return sum(all("a" <= ch <= "z" or "\u00df" <= ch <= "\u024f" for ch in w) for w in words) / len(words)


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The language code of `text`, or None when it is in none of our languages.

    A page's declaration decides unless the text's function words clearly say otherwise (pages
    declare their template's language: an English story on a German site says "de"). With no
    words at all the text is German, the empty analysis of any language being the same.
    """
    words = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    code = declared_language(declared)
    if not words:
        return code or DEFAULT
    stop_words = {c: get_language(c).stop_words for c in SHIPPED}
    counts = {c: sum(w in stop_words[c] for w in words) for c in SHIPPED}
    best = max(counts, key=lambda c: (counts[c], c == code, c == DEFAULT))
    if counts[best] < MIN_SHARE * len(words) and len(words) >= SHORT:
        # too few of our function words: another language if the page declares one or the text
        # is not in Latin script; a Latin-script list of names, places and labels (navigation,
        # addresses) has few function words too, and is analysed in the declared language or German
        if (declared and code is None) or _latin_share(words) < 0.5:
            return None
    if counts[best] < MIN_SHARE * len(words):
        return code or (best if counts[best] else DEFAULT)
    if code is not None and counts[code] * CLEARLY >= counts[best]:
        return code
    return best
