"""The one streaming entry: every caller (CLI, corpus mode, web app) goes through `analyze_many`.

Each document is analysed in its language (`quellenlage.lang`): the language's pipeline is
extended with the attribution components its profile names, each a spaCy factory registered by name and run guarded: its
exception is recorded in `Analysis.errors` and costs only its own findings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import count

from spacy.language import Language
from spacy.tokens import Doc

import quellenlage.components  # noqa: F401  (registers the factories)
from quellenlage import __version__
from quellenlage.convert import doc_to_analysis
from quellenlage.extensions import store_findings
from quellenlage.ingest import Article
from quellenlage.lang import LanguageNotSupported, available, get_language
from quellenlage.lang.detect import detect_language
from quellenlage.schema import Analysis, Meta
from quellenlage.settings import Settings

logger = logging.getLogger("quellenlage")
#: The name errors of a whole document carry: no Doc came out of the language pipeline.
WHOLE_DOCUMENT = "pipeline"


def error_message(where: str, err: BaseException) -> str:
    """One line for `Analysis.errors`: 'speaker_resolver: IndexError: list index out of range'."""
    return f"{where}: {type(err).__name__}: {err}"


class GuardedComponent:
    """An attribution component whose exception costs only its own results.

    The exception is logged with the component's name and recorded in `doc._.errors`; the Doc
    goes on to the next component unchanged by this one's missing findings. spaCy's own
    `Language.set_error_handler` would not do: `nlp.pipe` drops a document whose component
    raised, and with it the results of every other component.
    """

    def __init__(self, component: Callable[[Doc], Doc], name: str) -> None:
        self.component = component
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc = self.component(doc)
        except Exception as err:  # noqa: BLE001 - recorded on the Doc, the others' results kept
            logger.warning("component %s failed: %s: %s", self.name, type(err).__name__, err)
            logger.debug("traceback of %s", self.name, exc_info=err)
            doc._.errors = [*doc._.errors, error_message(self.name, err)]
        store_findings(doc)  # the plain, serialisable form of what it found
        return doc


def guarded_factory(wraps: str) -> str:
    """The factory "guarded_<wraps>": the component of factory `wraps` under a `GuardedComponent`.

    It declares what `wraps` declares (config, requires, assigns), so that `nlp.config` holds
    each component's settings and `nlp.analyze_pipes()` sees what each one needs.
    """
    name = f"guarded_{wraps}"
    if not Language.has_factory(name):
        meta = Language.get_factory_meta(wraps)

        def make(nlp: Language, name: str, settings: dict) -> GuardedComponent:
            return GuardedComponent(nlp.create_pipe(wraps, name=name, config=settings), name)

        Language.factory(
            name, default_config={"settings": dict(meta.default_config or {})}, requires=meta.requires, assigns=meta.assigns
        )(make)
    return name


def build_pipeline(settings: Settings = Settings(), language: str = "de") -> Language:
    """The pipeline of `language` with its attribution components (or `settings.components`)
    appended in order, each one guarded."""
    profile = get_language(language)
    nlp = profile.load_pipeline()
    for name in settings.components or profile.components:
        nlp.add_pipe(guarded_factory(name), name=name)
    nlp.max_length = 6_000_000
    return nlp


def get_pipeline(settings: Settings = Settings(), language: str = "de") -> Language:
    """The pipeline of these settings in `language`, built once per language and list of components."""
    return _pipeline_of(language, settings.components)


@lru_cache(maxsize=4)
def _pipeline_of(language: str, components: tuple[str, ...] | None) -> Language:
    return build_pipeline(Settings(components=components), language)


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
    store_findings(doc)  # as doc.spans["lines"], so that they go along to another process
    return doc


def _process(nlp: Language, batch: list[Article]) -> list[Doc | str]:
    """Docs for a batch on `nlp.pipe`; if the batch fails (in the language model: our own
    components are guarded), each document alone, so one bad document costs only itself (its
    slot holds the error message)."""
    try:
        return list(nlp.pipe([_doc_in(nlp, a) for a in batch], batch_size=len(batch)))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        out: list[Doc | str] = []
        for article in batch:
            try:
                out.append(nlp(_doc_in(nlp, article)))
            except Exception as err:  # noqa: BLE001 - reported in Analysis.errors
                logger.warning("analysis failed: %s: %s", type(err).__name__, err)
                out.append(error_message(WHOLE_DOCUMENT, err))
        return out


def _in_processes(nlp: Language, articles: Iterator[Article], settings: Settings) -> Iterator[tuple[Article, Doc | str]]:
    """(article, Doc) on one `nlp.pipe` stream over `settings.n_process` processes.

    When a worker fails on a batch (in the language model) spaCy ends the stream (E871): the
    documents sent out and not yet back are then done here one by one, and the rest of the
    input goes on in new processes.
    """
    pending: dict[int, Article] = {}
    numbers = count()

    def numbered() -> Iterator[tuple[str | Doc, int]]:
        for article in articles:
            n = next(numbers)
            pending[n] = article
            yield _doc_in(nlp, article), n

    while True:
        stream = nlp.pipe(numbered(), as_tuples=True, n_process=settings.n_process, batch_size=settings.batch_size)
        try:
            for doc, n in stream:
                yield pending.pop(n), doc
            return
        except Exception as err:  # noqa: BLE001 - the batch's documents alone, below
            logger.warning("a worker failed, its batch is redone in process: %s: %s", type(err).__name__, err)
        for n in sorted(pending):
            article = pending.pop(n)
            yield article, _process(nlp, [article])[0]


def _docs(nlp: Language, items: Iterable[str | Article], settings: Settings) -> Iterator[tuple[Article, Doc | str]]:
    """(article, Doc or the error message of a document that could not be analysed), in order."""
    if settings.n_process > 1:
        yield from _in_processes(nlp, (_as_article(item) for item in items), settings)
        return
    for batch in _batches(items, settings.batch_size):
        yield from zip(batch, _process(nlp, batch))


def _to_analysis(doc: Doc | str, article: Article, meta: Meta) -> Analysis:
    """The Analysis of a processed Doc, or of a document that could not be analysed at all."""
    if not isinstance(doc, str):
        try:
            return doc_to_analysis(doc, meta=meta, id=article.id)
        except Exception as err:  # noqa: BLE001 - the stream goes on
            logger.warning("conversion failed: %s: %s", type(err).__name__, err)
            doc = error_message(WHOLE_DOCUMENT, err)
    return Analysis(id=article.id, text=article.text, meta=meta, errors=[doc])


def nothing_analysed(analysis: Analysis) -> bool:
    """True when the document got no analysis at all (only its text and the reason)."""
    return any(e.startswith(f"{WHOLE_DOCUMENT}: ") for e in analysis.errors)


def analyze_many(items: Iterable[str | Article], settings: Settings = Settings()) -> Iterator[Analysis]:
    """Analyse a stream of texts or Articles, in order, each in its language (`settings.language`),
    batched on `nlp.pipe` (over `settings.n_process` processes when it is more than one).

    A component that fails costs only its own findings (`errors` names it); a document that
    fails in the language model yields an Analysis with only its text and `errors` saying why
    (`nothing_analysed`); the stream goes on.
    """
    if settings.language != "auto":  # one stream, one pipeline
        yield from _analysed(items, get_language(settings.language).code, settings)
        return
    # a mixed stream: grouped by language in windows large enough to keep the batches full
    for articles in _batches(items, settings.batch_size * max(1, settings.n_process) * 8):
        by_language: dict[str, list[int]] = {}
        results: dict[int, Analysis] = {}
        for n, article in enumerate(articles):
            language = detect_language(article.text, article.meta.get("language"))
            if language is None:
                results[n] = _unsupported(article)
            else:
                by_language.setdefault(language, []).append(n)
        for language, numbers in by_language.items():
            analysed = _analysed((articles[n] for n in numbers), language, settings)
            results.update(zip(numbers, analysed))
        yield from (results[n] for n in range(len(articles)))


def _meta(article: Article, language: str, model: str = "") -> Meta:
    known = {k: v for k, v in article.meta.items() if k in Meta.model_fields and v is not None}
    known["language"] = language
    return Meta(**known, input_format=article.input_format, quellenlage_version=__version__, model=model)


def _unsupported(article: Article) -> Analysis:
    """The analysis of a text in none of our languages: its text and why nothing was found."""
    declared = article.meta.get("language")
    said = f" (the page declares {declared!r})" if declared else ""
    reason = LanguageNotSupported(f"the text is in none of the languages Quellenlage analyses ({', '.join(available())}){said}")
    return Analysis(id=article.id, text=article.text, meta=_meta(article, ""), errors=[error_message(WHOLE_DOCUMENT, reason)])


def _analysed(articles: Iterable[str | Article], language: str, settings: Settings) -> Iterator[Analysis]:
    """The Analyses of `articles`, all in `language`, in order."""
    nlp = get_pipeline(settings, language)
    model = _model_name(nlp)
    for article, doc in _docs(nlp, articles, settings):
        yield _to_analysis(doc, article, _meta(article, language, model))


def analyze(item: str | Article, settings: Settings = Settings()) -> Analysis:
    """Analyse one article (see `analyze_many`)."""
    return next(analyze_many([item], settings))
