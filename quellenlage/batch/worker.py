"""What a corpus worker runs: one chunk of documents in, its table rows out.

A worker process imports this module, not the runner: the runner's results store pulls in
`pyarrow.dataset` and with it pandas (about 20 MiB), and Arrow itself (about 25 MiB) is only
needed where the rows become tables, in the reading process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

import quellenlage
from quellenlage.batch.allocator import tune_allocator
from quellenlage.batch.rows import TABLES, Row, analysis_rows, error_row
from quellenlage.batch.sources import RawDoc
from quellenlage.errors import QuellenlageError
from quellenlage.ingest.article import Article
from quellenlage.schema import Analysis

logger = logging.getLogger("quellenlage.batch")

AnalyzeFn = Callable[[Iterable[Article]], Iterator[Analysis]]


def _analyze_each(analyze_fn: AnalyzeFn, articles: list[Article]) -> Iterator[Analysis | str]:
    """One result per article, in order, each handed on before the next is made (a chunk's
    analyses are never all alive at once); a string says why that article failed.

    The whole chunk goes through one `analyze_fn` stream (fast path). If the stream raises,
    the articles it had not yet yielded are redone one at a time, which pins the failure on
    the document that causes it instead of losing the chunk.
    """
    done = 0
    try:
        for analysis in analyze_fn(articles):
            done += 1
            yield analysis
    except Exception as err:  # noqa: BLE001 - isolated below, per document
        logger.warning(
            "analysis of a chunk failed after %d of %d documents (%s: %s); the rest one by one",
            done, len(articles), type(err).__name__, err,
        )
    for article in articles[done:]:
        result: Analysis | str | None
        try:
            result = next(iter(analyze_fn([article])), None)
        except Exception as err:  # noqa: BLE001 - a bad document must not stop the corpus
            logger.warning("analysis of document %s failed: %s: %s", article.id, type(err).__name__, err)
            result = f"{type(err).__name__}: {err}"
        yield result if result is not None else "analyzer returned no result"


def process_chunk(docs: list[RawDoc], analyze_fn: AnalyzeFn = quellenlage.analyze_many) -> dict[str, list[Row]]:
    """Decode, extract and analyse one chunk into rows; every document ends up in `articles` or `errors`."""
    tune_allocator()  # before the worker's first pipeline is loaded
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    ready: list[tuple[RawDoc, Article]] = []
    for doc in docs:
        try:
            ready.append((doc, doc.to_article()))
        except QuellenlageError as err:
            rows["errors"].append(error_row(doc.id, doc.input, doc.position, "input", str(err)))
        except Exception as err:  # noqa: BLE001 - e.g. a parser crash on odd markup
            rows["errors"].append(error_row(doc.id, doc.input, doc.position, "input", f"{type(err).__name__}: {err}"))
    results = _analyze_each(analyze_fn, [article for _, article in ready])
    for (doc, _), result in zip(ready, results):
        if isinstance(result, str):
            rows["errors"].append(error_row(doc.id, doc.input, doc.position, "analysis", result))
            continue
        result.id = doc.id
        for name, new in analysis_rows(result, doc.input, doc.position, doc.meta).items():
            rows[name].extend(new)
    return rows
