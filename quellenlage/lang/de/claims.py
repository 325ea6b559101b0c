"""The German claim rules (`quellenlage.claims.language.ClaimRules`): the decisions of the claims
layer and the source collector that read STTS tags, the Konjunktiv, verb-second order and the
German word lists.
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Span, Token

from quellenlage.claims.terms import MIN_AFFIX, MIN_PART
from quellenlage.lang.de.grammar import cue_verbs, is_finite, is_konjunktiv1, strip_genitive, verb_lemmas
from quellenlage.lang.de.grammar import lemma as lemma
from quellenlage.lang.de.grammar import pos as pos
from quellenlage.lang.de.modals import distancing_modal as distancing_modal
from quellenlage.lexicons import patterns, rows

LANG = "de"
# Verbs that carry tense, voice or modality, not content.
LIGHT_VERBS = frozenset(
    "haben sein werden lassen machen tun geben kommen gehen stehen bleiben sollen wollen müssen "
    "können dürfen mögen möchten".split()
)
ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
MIN_COMPOUND = 8  # letters of a word worth splitting
MIN_HEAD = 4  # letters of a compound's head
LINKING = ("", "s", "es", "n", "en", "e", "er")  # Fugenelemente at the end of a modifier


@lru_cache(maxsize=1)
def hedge_patterns() -> list[tuple[str, Pattern[str]]]:
    return patterns(LANG, "hedges.tsv")


def reported_mood(span: Span) -> Token | None:
    """The first finite Konjunktiv I."""
    for t in span:
        if is_finite(t) and is_konjunktiv1(t):  # a finite verb: the tagger may call 'diese' a verb
            return t
    return None


# --- terms ----------------------------------------------------------------------------------


def stem(word: str) -> str:
    """Lower case minus one inflectional ending (a light stemmer: the same for headline and
    body, which is all matching needs); genitive names lose the -s."""
    low = word.lower()
    if word[:1].isupper() and low == word.lower():
        low = strip_genitive(low)
    for end in ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            return low[: -len(end)]
    return low


def content_verb(lemma_: str, text: str) -> bool:
    """A verb that carries content: neither light nor a verb of saying."""
    lemmas = {lemma_, *verb_lemmas(text)}
    return not (lemmas & LIGHT_VERBS) and not any(x in cue_verbs() for x in lemmas)


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "numbers.tsv")}


@lru_cache(maxsize=1)
def _dictionary():
    """simplemma's German word forms -> lemma (decoded once, shared with the lemmatizer's cache)."""
    from quellenlage.nlp.lemma_dictionary import german_dictionary

    return german_dictionary()


@lru_cache(maxsize=262144)
def _noun(word: str) -> str | None:
    """The dictionary lemma of a noun form, or None."""
    return _dictionary().get(word[:1].upper() + word[1:])


@lru_cache(maxsize=65536)
def _modifier(word: str) -> str | None:
    """The dictionary lemma of a noun or (lower-case) adjective form, or None."""
    return _noun(word) or _dictionary().get(word)


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The lemmas of a noun compound's modifier and head ("Kindersitze" -> kind, sitz), split
    where the head is the longest known word whose modifier (minus a linking element) is known
    too; () for a word that is no compound we can split."""
    low = word.lower()
    if len(low) < MIN_COMPOUND or not low.isalpha():
        return ()
    whole = _noun(low)
    for i in range(MIN_PART, len(low) - MIN_HEAD + 1):
        head = _noun(low[i:])
        if head is None:
            continue
        if whole is not None and (len(low) - i < MIN_AFFIX or not whole.lower().endswith(head.lower())):
            continue  # a chance hit inside a known word ("Mini|ster", "Spiele|rinnen")
        for link in LINKING:
            left = low[:i]
            if link and not left.endswith(link):
                continue
            left = left[: len(left) - len(link)]
            modifier = _modifier(left) if len(left) >= MIN_PART else None
            if modifier is not None:
                return (
                    *(compound_parts(modifier) or (modifier.lower(),)),
                    *(compound_parts(head) or (head.lower(),)),
                )
    return ()
