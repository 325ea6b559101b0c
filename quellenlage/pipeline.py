"""The one streaming entry: every caller (CLI, corpus mode, web app) goes through `analyze_many`.

Each document is analysed in its language (`quellenlage.lang`): the language's pipeline is
extended with the attribution components its profile names, each a spaCy factory registered by name and run guarded: its
exception is recorded in `Analysis.errors` and costs only its own findings.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from itertools import chain

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
    """The pipeline, kept for the life of the process. Its objects (model, word lists, lexicon
    caches) are then moved out of the cyclic garbage collector's sight (`gc.freeze`): every
    full collection during the analysis would walk them again, about a tenth of the time of
    our components. The collector still frees whatever is created later. While the pipeline
    is built the collector is paused: loading creates hundreds of thousands of objects that all
    live on, and collections in between would only walk them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        nlp = build_pipeline(Settings(components=components), language)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return nlp


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
    store_findings(doc)  # as doc.spans["lines"], the plain form of every finding
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


#: Documents per task of a worker process: few, so that the workers share the work evenly.
TASK_SIZE = 4


def _analyses(nlp: Language, language: str, batch: list[Article]) -> list[Analysis]:
    """The Analyses of a batch of articles in `language`, in order."""
    model = _model_name(nlp)
    return [_to_analysis(doc, article, _meta(article, language, model)) for article, doc in zip(batch, _process(nlp, batch))]


def _analyses_in_worker(language: str, settings: Settings, batch: list[Article]) -> list[Analysis]:
    """A worker process's task: the pipeline is the parent's (forked) or built once per worker."""
    return _analyses(get_pipeline(settings, language), language, batch)


def _in_processes(articles: Iterable[str | Article], language: str, settings: Settings) -> Iterator[Analysis]:
    """The Analyses of `articles`, in order, made by `settings.n_process` worker processes.

    Each worker runs the whole pipeline and the conversion on a few articles at a time, so
    only articles and finished Analyses cross between processes: with `nlp.pipe(n_process=…)`
    this process would tokenise every text, and serialise and read back every Doc, and could
    not keep two workers busy. When a worker fails, the batches sent out and not yet back are
    done here, and the rest of the input goes on in new processes.
    """
    nlp = get_pipeline(settings, language)  # loaded here once: forked workers inherit it
    batches = _batches(articles, max(1, min(settings.batch_size, TASK_SIZE)))
    in_flight = 4 * settings.n_process
    done = False
    while not done:
        pending: deque[tuple[list[Article], Future[list[Analysis]]]] = deque()
        unsent: list[Article] | None = None  # taken from the input, not yet handed to a worker
        pool = ProcessPoolExecutor(settings.n_process, mp_context=multiprocessing.get_context())
        try:
            for batch in chain(batches, [None]):
                if batch is not None:
                    unsent = batch
                    pending.append((batch, pool.submit(_analyses_in_worker, language, settings, batch)))
                    unsent = None
                while pending and (batch is None or len(pending) >= in_flight):
                    analyses = pending[0][1].result()
                    pending.popleft()
                    yield from analyses
            done = True
        except Exception as err:  # noqa: BLE001 - the pending batches are done here, below
            logger.warning("a worker failed, its batches are redone in process: %s: %s", type(err).__name__, err)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        for batch in [*(b for b, _ in pending), *([unsent] if unsent is not None else [])]:
            yield from _analyses(nlp, language, batch)


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
    batched on `nlp.pipe` (in `settings.n_process` worker processes when it is more than one).

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
    if settings.n_process > 1:
        yield from _in_processes(articles, language, settings)
        return
    nlp = get_pipeline(settings, language)
    for batch in _batches(articles, settings.batch_size):
        yield from _analyses(nlp, language, batch)


def analyze(item: str | Article, settings: Settings = Settings()) -> Analysis:
    """Analyse one article (see `analyze_many`)."""
    return next(analyze_many([item], settings))
