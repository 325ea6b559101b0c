"""Loading a language's word lists, `quellenlage/lang/<language>/lexicons/*.tsv` (each file names
its origin in its header): comment lines start with '#', columns are tab-separated."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def rows(language: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of the lexicon file `name` of `language` ('de', 'en')."""
    text = resources.files(f"quellenlage.lang.{language}").joinpath("lexicons", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(col.strip() for col in line.split("\t")))
    return tuple(out)


def words(language: str, name: str) -> frozenset[str]:
    """A one-column lexicon as a set."""
    return frozenset(r[0] for r in rows(language, name))


def grouped(language: str, name: str) -> dict[str, list[str]]:
    """A two-column lexicon (kind, value) as {kind: [values]}."""
    out: dict[str, list[str]] = {}
    for row in rows(language, name):
        if len(row) >= 2:
            out.setdefault(row[0], []).append(row[1])
    return out


def patterns(language: str, name: str, flags: int = re.IGNORECASE) -> list[tuple[str, re.Pattern[str]]]:
    """A (kind, regex) lexicon compiled; a one-column file gets kind ''."""
    out = []
    for row in rows(language, name):
        kind, rx = (row[0], row[1]) if len(row) >= 2 else ("", row[0])
        out.append((kind, re.compile(rx, flags)))
    return out
