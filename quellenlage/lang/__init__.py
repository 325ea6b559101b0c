"""The languages Quellenlage analyses: one package per language under `quellenlage.lang`.

A language package registers a `LanguageProfile` in `languages` (a catalogue registry, so a
language may also come from another distribution's entry point): how to load its spaCy
pipeline, which attribution components run on it and in which order, and its stop words for
language detection. Everything language-specific (models, word lists, grammar rules) lives in
its package; the components outside `lang/` receive it through the profile.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import catalogue
from spacy.language import Language

from quellenlage.errors import QuellenlageError

if TYPE_CHECKING:
    from quellenlage.claims.language import ClaimRules

languages = catalogue.create("quellenlage", "languages", entry_points=True)

#: Language packages shipped with Quellenlage (imported on first use, so a run loads only its own).
SHIPPED = ("de", "en")


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    name: str
    #: Loads the language's spaCy pipeline (shipped or installed with a pinned package; no download).
    load_pipeline: Callable[[], Language]
    #: The attribution components (registered factory names) in the order they run.
    components: tuple[str, ...]
    #: Frequent function words, for telling the language of a text (`quellenlage.lang.detect`).
    stop_words: frozenset[str]
    #: Loads the language's claim rules (`quellenlage.claims.language.ClaimRules`) on first use;
    #: None: the claims layer reads the language with its fallback's rules.
    claim_rules: Callable[[], ClaimRules] | None = None


class UnknownLanguage(QuellenlageError):
    """A language code no language package provides."""


class LanguageNotSupported(QuellenlageError):
    """A text in none of the available languages."""


@lru_cache(maxsize=None)
def get_language(code: str) -> LanguageProfile:
    """The profile of language `code` ('de', 'en'), importing its package on first use."""
    code = code.lower()
    if code not in languages.get_all() and code in SHIPPED:
        importlib.import_module(f"quellenlage.lang.{code}")
    try:
        return languages.get(code)
    except catalogue.RegistryError:
        raise UnknownLanguage(f"no language {code!r}; available: {', '.join(available())}") from None


def available() -> list[str]:
    """Codes of the languages that can be analysed."""
    return sorted(set(SHIPPED) | set(languages.get_all()))
