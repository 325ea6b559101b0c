"""simplemma's German dictionary, decoded once per machine.

simplemma ships its dictionaries front-coded and decodes them in pure Python: for German
(1.1 million forms) that takes about 2 s at every start of a process, more than half of
Quellenlage's cold start. The decoded dictionary is therefore kept in the user's cache folder
(`$QUELLENLAGE_CACHE`, else `$XDG_CACHE_HOME/quellenlage`, else `~/.cache/quellenlage`) in
`marshal` format, which loads in a fifth of the time. Nothing is downloaded; the cache is
derived from the installed simplemma package, named after its version and the Python version,
and written atomically. Where the folder cannot be written the dictionary is decoded as before.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    CachingDictionaryFactory,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)

logger = logging.getLogger("quellenlage.nlp")


def cache_dir() -> Path:
    if os.environ.get("QUELLENLAGE_CACHE"):
        return Path(os.environ["QUELLENLAGE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quellenlage"


def cache_path(lang: str) -> Path:
    py = f"{sys.version_info.major}{sys.version_info.minor}"
    return cache_dir() / f"simplemma-{simplemma.__version__}-{lang}-py{py}.marshal"


def _read(path: Path) -> dict[bytes, bytes] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, dictionary: dict[bytes, bytes]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(dictionary))
        os.replace(tmp, path)
    except OSError as err:  # a read-only home: decode at every start, as simplemma does
        logger.info("simplemma's decoded dictionary is not cached (%s): %s", path, err)


class CachedDictionaryFactory(CachingDictionaryFactory):
    """simplemma's dictionaries, read from the decoded cache when there is one."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        path = cache_path(lang)
        dictionary = _read(path)
        if dictionary is None:
            dictionary = _load_dictionary_from_disk(lang)
            _write(path, dictionary)
        return MappingStrToByteString(dictionary)


@lru_cache(maxsize=1)
def _factory() -> CachedDictionaryFactory:
    """One factory per process: the German dictionary (about 100 MB in memory) is read once."""
    return CachedDictionaryFactory()


def german_dictionary() -> Mapping[str, str]:
    """simplemma's German word forms -> lemma, the one the lemmatizer uses."""
    return _factory().get_dictionary("de")


@lru_cache(maxsize=1)
def german_lemmatizer() -> simplemma.Lemmatizer:
    """A simplemma Lemmatizer with the same results as `simplemma.lemmatize(..., lang="de")`."""
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))
