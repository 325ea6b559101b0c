"""The one streaming entry: every caller (CLI, corpus mode, web app) goes through `analyze_many`.

The language pipeline of `quellenlage.nlp` is extended with the attribution components named
in `Settings.components`, each a spaCy factory registered by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import quellenlage.components  # noqa: F401  (registers the factories)
from quellenlage import __version__
from quellenlage.convert import doc_to_analysis
from quellenlage.ingest import Article
from quellenlage.nlp import load_pipeline
from quellenlage.schema import Analysis, Meta
from quellenlage.settings import Settings


def build_pipeline(settings: Settings = Settings()) -> Language:
    """The German pipeline with our attribution components appended."""
    nlp = load_pipeline()
    for name in settings.components:
        if name == "line_classifier":
            nlp.add_pipe(name, first=True)  # it reads the raw text only
        else:
            nlp.add_pipe(name)
    nlp.max_length = 6_000_000
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(settings: Settings = Settings()) -> Language:
    return build_pipeline(settings)


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else Article(text=item)


def _model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"


def _batches(items: Iterable[str | Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(_as_article(item))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _doc_in(nlp: Language, article: Article) -> str | Doc:
    """The text to analyse, or for HTML input a Doc that already carries the line roles read
    from the page's markup (the line classifier then leaves them)."""
    if not article.lines:
        return article.text
    doc = nlp.make_doc(article.text)
    doc._.lines = list(article.lines)
    return doc


def _process(nlp: Language, batch: list[Article]) -> list[Doc | str]:
    """Docs for a batch on `nlp.pipe`; if the batch fails, each document alone, so one bad
    document costs only itself (its slot holds the error message)."""
    try:
        return list(nlp.pipe([_doc_in(nlp, a) for a in batch], batch_size=len(batch)))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        out: list[Doc | str] = []
        for article in batch:
            try:
                out.append(nlp(_doc_in(nlp, article)))
            except Exception as err:  # noqa: BLE001 - reported in Analysis.errors
                out.append(f"{type(err).__name__}: {err}")
        return out


def analyze_many(items: Iterable[str | Article], settings: Settings = Settings()) -> Iterator[Analysis]:
    """Analyse a stream of texts or Articles, in order, batched on `nlp.pipe`.

    A document that fails yields an Analysis with only its text and `errors` saying why;
    the stream goes on.
    """
    nlp = get_pipeline(settings)
    model = _model_name(nlp)
    for batch in _batches(items, settings.batch_size):
        for article, doc in zip(batch, _process(nlp, batch)):
            meta = Meta(
                **{k: v for k, v in article.meta.items() if k in Meta.model_fields and v is not None},
                input_format=article.input_format,
                quellenlage_version=__version__,
                model=model,
            )
            if isinstance(doc, str):
                yield Analysis(id=article.id, text=article.text, meta=meta, errors=[doc])
            else:
                yield doc_to_analysis(doc, meta=meta, id=article.id)


def analyze(item: str | Article, settings: Settings = Settings()) -> Analysis:
    """Analyse one article (see `analyze_many`)."""
    return next(analyze_many([item], settings))
