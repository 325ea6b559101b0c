"""simplemma's German dictionary, decoded once per machine and looked up on disk.

simplemma ships its dictionaries front-coded and decodes them in pure Python: for German
(1.1 million forms) that takes about 2 s at every start of a process and holds about 125 MB
in memory, more than a third of an analysis process. The decoded dictionary is therefore kept
in the user's cache folder (`$QUELLENLAGE_CACHE`, else `$XDG_CACHE_HOME/quellenlage`, else
`~/.cache/quellenlage`) as a read-only SQLite table keyed by the word form: it opens at once,
a lookup costs about 2 µs (the lemmatizer caches its words), and the operating system's page
cache, not each process, holds the pages. Nothing is downloaded; the cache is derived from the
installed simplemma package, named after its version, and written atomically. Where the
folder cannot be written the dictionary is decoded into memory as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    CachingDictionaryFactory,
    DecodedStrMapping,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)

from quellenlage.cache import cache_dir

logger = logging.getLogger("quellenlage.nlp")


def cache_path(lang: str) -> Path:
    return cache_dir() / f"simplemma-{simplemma.__version__}-{lang}.sqlite"


class SqliteMap(DecodedStrMapping):
    """simplemma's str -> str view of a dictionary, over the cache's `forms` table.

    One read-only connection per process (a connection must not cross a fork into the workers
    of `nlp.pipe`), shared by threads: the file is immutable once written."""

    __slots__ = ("_path", "_count", "_pid", "_db")

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._count = int(self._connection().execute("SELECT n FROM meta").fetchone()[0])

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"file:{self._path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def _lookup(self, key: str) -> str | None:
        row = self._connection().execute("SELECT v FROM forms WHERE k = ?", (key.encode(),)).fetchone()
        return row[0].decode() if row is not None else None

    def __iter__(self) -> Iterator[str]:
        for (key,) in self._connection().execute("SELECT k FROM forms"):
            yield key.decode()

    def __len__(self) -> int:
        return self._count


def _open(path: Path) -> SqliteMap | None:
    """The cached dictionary, or None when there is none or it is broken."""
    if not path.is_file():
        return None
    try:
        return SqliteMap(path)
    except (sqlite3.Error, TypeError, ValueError):
        return None


def _write(path: Path, dictionary: dict[bytes, bytes]) -> bool:
    """Write the cache atomically; False where the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        with sqlite3.connect(tmp) as db:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("CREATE TABLE forms(k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID")
            db.executemany("INSERT INTO forms VALUES (?, ?)", sorted(dictionary.items()))
            db.execute("CREATE TABLE meta(n INTEGER)")
            db.execute("INSERT INTO meta VALUES (?)", (len(dictionary),))
        db.close()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error) as err:  # a read-only home: decode at every start, as simplemma does
        logger.info("simplemma's decoded dictionary is not cached (%s): %s", path, err)
        return False


class CachedDictionaryFactory(CachingDictionaryFactory):
    """simplemma's dictionaries, looked up in the decoded cache when there is one."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        path = cache_path(lang)
        cached = _open(path)
        if cached is not None:
            return cached
        dictionary = _load_dictionary_from_disk(lang)
        if _write(path, dictionary):
            cached = _open(path)
            if cached is not None:
                return cached
        return MappingStrToByteString(dictionary)


@lru_cache(maxsize=1)
def _factory() -> CachedDictionaryFactory:
    """One factory per process: the German dictionary is opened once."""
    return CachedDictionaryFactory()


def german_dictionary() -> Mapping[str, str]:
    """simplemma's German word forms -> lemma, the one the lemmatizer uses."""
    return _factory().get_dictionary("de")


@lru_cache(maxsize=1)
def german_lemmatizer() -> simplemma.Lemmatizer:
    """A simplemma Lemmatizer with the same results as `simplemma.lemmatize(..., lang="de")`."""
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))
