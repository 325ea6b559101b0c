"""Quellenlage: who says what in a news article, on whose authority, and who denies it.

Public API::

    from quellenlage import analyze, analyze_many, Analysis
    analysis = analyze(text)             # one article -> Analysis (pydantic)
    for a in analyze_many(texts): ...    # a stream, on spaCy's nlp.pipe
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__version__ = "0.1.0"  # the one place of the version (pyproject.toml reads it)

from quellenlage.errors import ExtractionError, InputError, ModelError, QuellenlageError  # noqa: E402
from quellenlage.ingest import Article  # noqa: E402
from quellenlage.schema import Analysis  # noqa: E402
from quellenlage.settings import Settings  # noqa: E402


def analyze(item: str | Article, settings: Settings | None = None) -> Analysis:
    """Analyse one article: a text or an `Article` (see `quellenlage.pipeline`)."""
    from quellenlage.pipeline import analyze as _analyze

    return _analyze(item, settings or Settings())


def analyze_many(items: Iterable[str | Article], settings: Settings | None = None) -> Iterator[Analysis]:
    """Analyse a stream of texts or Articles on one `nlp.pipe` stream; yields `Analysis`."""
    from quellenlage.pipeline import analyze_many as _analyze_many

    return _analyze_many(items, settings or Settings())


__all__ = [
    "Analysis",
    "Article",
    "ExtractionError",
    "InputError",
    "ModelError",
    "QuellenlageError",
    "Settings",
    "analyze",
    "analyze_many",
]
