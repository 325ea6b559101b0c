"""Suite 1: HTML main-text extraction, Quellenlage against trafilatura alone and its peers.

Quellenlage's extraction is `article_from_html`: the page rendered as lines from its markup,
each with a role from the line model; lines it marks boilerplate, caption, byline or section
are dropped, and so is the headline (the reference bodies of both data sets leave the title
out, so keeping it would cost us precision for nothing).

Peers are optional (`pip install -e '.[bench]'`); a missing one is named and skipped. While they
run, sockets are closed: no peer may fetch anything (images, nltk data) during a benchmark.
"""

from __future__ import annotations

import gzip
import json
import logging
import socket
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import ExtractionError
from ..ingest.html import PageLines, article_from_html, page_lines
from .metrics import Clock, SnippetCounts, shingle_counts, shingle_scores, shingles
from .report import SuiteResult, Table, dist_version, table

Extractor = Callable[[str, Optional[str]], str]  # (html, url) -> main text
DROPPED_ROLES = frozenset({"boilerplate", "caption", "byline", "section", "headline"})
# scrapinghub README.rst, "Results of the latest evaluation" (newspaper4k: previous evaluation).
PUBLISHED_F1 = {
    "trafilatura extract()": (0.958, "trafilatura 2.0.0"),
    "newspaper4k": (0.949, "newspaper4k 0.9.3.1"),
    "readability-lxml": (0.922, "readability-lxml 0.8.4.1"),
    "goose3": (0.896, "goose3 3.1.20"),
    "jusText": (0.804, "justext 3.0.2"),
}
# Stored outputs in the benchmark's output/ folder, re-scored to check our metric code.
STORED_OUTPUTS = {"trafilatura": "trafilatura 2.0.0", "readability": "readability 0.8.4.1",
                  "goose3": "goose3 3.1.20", "justext": "justext 3.0.2"}
PUBLISHED_STORED_F1 = {"trafilatura": 0.958, "readability": 0.922, "goose3": 0.896, "justext": 0.804}
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
              "pre", "section", "article", "header", "footer", "figcaption", "dd", "dt")


@dataclass
class Page:
    id: str
    url: Optional[str]
    html: str


@dataclass
class Candidate:
    name: str
    dist: str  # distribution whose version the table shows
    load: Callable[[str], Extractor]  # language ("en"/"de") -> extractor; ImportError if missing


def read_html(path: Path) -> str:
    """Decode a (gzipped) page: UTF-8 as distributed, cp1252 for the odd legacy page."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


@contextmanager
def sandboxed() -> Iterator[None]:
    """Refuse every outgoing connection for the duration (peers fetch images, nltk data...), and
    mute the peers' per-page log lines and warnings (unparsable dates and the like)."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network disabled during the benchmark")

    saved = socket.socket.connect, socket.create_connection
    socket.socket.connect, socket.create_connection = refuse, refuse  # type: ignore[assignment]
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(logging.NOTSET)
        socket.socket.connect, socket.create_connection = saved  # type: ignore[assignment]


# --- the extractors -------------------------------------------------------------------------


def quellenlage_lines(html: str, url: Optional[str]) -> list[tuple[str, str]]:
    """(role, text) of every line of Quellenlage's reading of the page."""
    try:
        article = article_from_html(html, url=url)
    except ExtractionError:
        return []
    return [(line.role, line.text) for line in article.lines]


def _quellenlage(_lang: str) -> Extractor:
    return lambda html, url: "\n".join(t for r, t in quellenlage_lines(html, url) if r not in DROPPED_ROLES)


def _trafilatura_defaults(_lang: str) -> Extractor:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, include_comments=False) or ""


def _newspaper(lang: str) -> Extractor:
    from newspaper import Article
    from newspaper.configuration import Configuration

    config = Configuration()
    config.fetch_images = False
    config.memorize_articles = False

    def extract(html: str, url: Optional[str]) -> str:
        article = Article(url or "https://example.invalid/", config=config, language=lang)
        article.download(input_html=html)
        article.parse()  # parse() only; nlp() would want nltk
        return article.text or ""

    return extract


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment with a line break after each block element, so that words
    of adjacent paragraphs do not fuse into one token."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def _readability(_lang: str) -> Extractor:
    from readability import Document

    return lambda html, url: fragment_text(Document(html, url=url).summary(html_partial=True))


def _goose(lang: str) -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False, "target_language": lang, "use_meta_language": True})
    return lambda html, url: goose.extract(raw_html=html, url=url).cleaned_text or ""


def _justext(lang: str) -> Extractor:
    import justext

    stoplist = justext.get_stoplist({"en": "English", "de": "German"}[lang])
    return lambda html, url: "\n".join(
        p.text for p in justext.justext(html, stoplist) if not p.is_boilerplate
    )


CANDIDATES = (
    Candidate("Quellenlage", "quellenlage", _quellenlage),
    Candidate("trafilatura extract()", "trafilatura", _trafilatura_defaults),
    Candidate("newspaper4k", "newspaper4k", _newspaper),
    Candidate("readability-lxml", "readability-lxml", _readability),
    Candidate("goose3", "goose3", _goose),
    Candidate("jusText", "jusText", _justext),
)


def load_extractors(lang: str) -> tuple[list[tuple[Candidate, Extractor]], list[str]]:
    """The extractors that import, and the names of those that do not (skipped, never fatal)."""
    ready, missing = [], []
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="nltk is not installed")  # we never call nlp()
        for cand in CANDIDATES:
            try:
                ready.append((cand, cand.load(lang)))
            except ImportError:
                missing.append(cand.name)
    return ready, missing


def run_extractor(extract: Extractor, pages: list[Page], clock: Clock) -> tuple[dict[str, str], int]:
    """Texts by page id, and how many pages failed (an exception counts as an empty text).
    The first page is extracted once untimed, so that imports and caches are not billed to it."""
    texts, failures = {}, 0
    with sandboxed():
        with suppress(Exception):  # a failure is counted below, when timed
            extract(pages[0].html, pages[0].url)
        for page in pages:
            with clock.measure():
                try:
                    texts[page.id] = extract(page.html, page.url)
                except Exception:  # a peer's crash on one page must not end the benchmark
                    texts[page.id] = ""
                    failures += 1
    return texts, failures


# --- the data sets ----------------------------------------------------------------------------


def scrapinghub_pages(root: Path, limit: Optional[int]) -> tuple[list[Page], dict[str, str]]:
    """Pages (sorted by id) and their reference bodies."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    pages = [Page(i, truth[i].get("url"), read_html(root / "html" / f"{i}.html.gz")) for i in ids]
    return pages, {i: truth[i].get("articleBody", "") for i in ids}


def german_pages(root: Path, limit: Optional[int]) -> tuple[list[Page], dict[str, dict]]:
    """The 28 German news pages and their with/without snippets, keyed by file name."""
    gold = json.loads((root / "evaldata-de-news.json").read_text(encoding="utf-8"))
    items = sorted(gold.items(), key=lambda kv: kv[1]["file"])[:limit]
    pages = [Page(e["file"], url, read_html(root / "cache-de-news" / f"{e['file']}.gz")) for url, e in items]
    return pages, {e["file"]: e for _, e in items}


def _stored_output(path: Path) -> dict[str, str]:
    data = json.loads(gzip.decompress(path.read_bytes()))
    data = data.get("output", data) if isinstance(data, dict) else data
    return {k: (v or {}).get("articleBody", "") or "" for k, v in data.items()}


# --- the suite ------------------------------------------------------------------------------


def dropped_line_table(pages: list[Page], bodies: dict[str, str]) -> Table:
    """What the line model drops from the page, by role, and how much of it the reference body
    actually contains (lines with most of their shingles in the body)."""
    t = table("Lines the line model drops from the page (scrapinghub pages)",
              ("role", "text"), ("lines dropped", "int"), ("of which in the reference body", "int"),
              ("share wrongly dropped", "pct"))
    dropped: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for page in pages:
        gold = shingles(bodies[page.id])
        for role, text in quellenlage_lines(page.html, page.url):
            if role in DROPPED_ROLES - {"headline"}:
                dropped[role] += 1
                own = shingles(text)
                wrong[role] += sum((own & gold).values()) > 0.5 * sum(own.values())
    for role, n in dropped.most_common():
        t.add(role, n, wrong[role], wrong[role] / n)
    return t


def line_model_table(corpora: list[tuple[str, list[Page]]]) -> Table:
    """CPU time of the line classifier alone (the line model, its features and the markup
    conventions; not the rendering, trafilatura or htmldate) per page: a first pass over the
    pages, with every line new to the caches, and a second pass over the same pages."""
    t = table("Line model: CPU time per page (line classifier alone)", ("data set", "text"),
              ("pages", "int"), ("lines per page", "float"), ("ms/page, lines new", "float"),
              ("ms/page, second pass", "float"))
    prepared: list[tuple[str, list[PageLines]]] = []
    with sandboxed():
        for name, pages in corpora:
            ready = []
            for page in pages:
                with suppress(ExtractionError):
                    ready.append(page_lines(page.html, url=page.url))
            prepared.append((name, ready))
        for name, ready in prepared:
            clocks = Clock(), Clock()
            for clock in clocks:
                for prepared_page in ready:
                    with clock.measure():
                        prepared_page.classify()
            n = max(1, len(ready))
            lines = sum(len(prepared_page.context) for prepared_page in ready)
            t.add(name, len(ready), lines / n, 1000 * clocks[0].cpu / n, 1000 * clocks[1].cpu / n)
    return t


def run(data_dir: Path, limit: Optional[int] = None) -> SuiteResult:
    result = SuiteResult(suite="extraction", title="HTML main-text extraction")
    sh_root, de_root = data_dir / "article-extraction-benchmark", data_dir / "trafilatura-eval"
    if not sh_root.is_dir() or not de_root.is_dir():
        result.status = "skipped"
        result.notes.append(f"data missing: {sh_root} or {de_root}")
        return result

    pages, bodies = scrapinghub_pages(sh_root, limit)
    de_pages, gold = german_pages(de_root, limit)
    # Timed first, while every line is new to the caches of this process.
    lines_table = line_model_table([("scrapinghub", pages), ("trafilatura-eval German", de_pages)])
    t = table(f"scrapinghub article-extraction-benchmark: {len(pages)} pages, mostly English "
              "(shingle metric)", ("extractor", "text"), ("version", "text"), ("P", "pct"),
              ("R", "pct"), ("F1", "pct"), ("published F1", "pct"), ("published for", "text"),
              ("ms/page wall", "float"), ("ms/page CPU", "float"), ("failed", "int"))
    extractors, missing = load_extractors("en")
    if missing:
        result.status = "partial"
        result.notes.append(f"skipped, not installed: {', '.join(missing)} "
                            "(install the peers with `pip install -e '.[bench]'`)")
    for cand, extract in extractors:
        clock = Clock()
        texts, failed = run_extractor(extract, pages, clock)
        s = shingle_scores(shingle_counts(bodies[p.id], texts[p.id]) for p in pages)
        published, published_for = PUBLISHED_F1.get(cand.name, (None, None))
        t.add(cand.name, dist_version(cand.dist), s.precision, s.recall, s.f1, published, published_for,
              1000 * clock.wall / len(pages), 1000 * clock.cpu / len(pages), failed)
    result.tables.append(t)
    result.tables.append(dropped_line_table(pages, bodies))

    if limit is None:
        check = table("Metric check: the benchmark's stored outputs re-scored with our code",
                      ("output file", "text"), ("F1 (ours)", "pct"), ("F1 (README)", "pct"))
        for stem, label in STORED_OUTPUTS.items():
            stored = _stored_output(sh_root / "output" / f"{stem}.json.gz")
            s = shingle_scores(shingle_counts(bodies[i], stored.get(i, "")) for i in bodies)
            check.add(label, s.f1, PUBLISHED_STORED_F1[stem])
        result.tables.append(check)

    n_snippets = sum(len(g["with"]) + len(g["without"]) for g in gold.values())
    t = table(f"trafilatura-eval German news: {len(de_pages)} pages, {n_snippets} snippets "
              "(snippet metric)", ("extractor", "text"), ("P", "pct"), ("R", "pct"), ("F1", "pct"),
              ("accuracy", "pct"), ("TP", "int"), ("FP", "int"), ("FN", "int"), ("TN", "int"),
              ("ms/page wall", "float"), ("failed", "int"))
    for cand, extract in load_extractors("de")[0]:
        clock = Clock()
        texts, failed = run_extractor(extract, de_pages, clock)
        counts = SnippetCounts()
        for page in de_pages:
            counts.add(texts[page.id], gold[page.id]["with"], gold[page.id]["without"])
        s = counts.scores()
        t.add(cand.name, s.precision, s.recall, s.f1, counts.accuracy, counts.tp, counts.fp,
              counts.fn, counts.tn, 1000 * clock.wall / len(de_pages), failed)
    result.tables.append(t)
    result.tables.append(lines_table)
    result.notes += [
        "Quellenlage = the page rendered as lines from its markup + line model (markup features), "
        "dropping boilerplate/caption/byline/section lines and the headline.",
        "Shingle metric as scrapinghub's evaluate.py: \\w+ tokens, 4-token shingles, per-page "
        "multiset TP/FP/FN normalised, P and R averaged over pages, F1 of the means.",
        "Snippet metric as trafilatura's tests/evaluate.py: whitespace-normalised substring match "
        "of 'with' (TP/FN) and 'without' (FP/TN) snippets, summed over pages.",
        "Published figures come from other versions and machines: compare the F1, not the speed.",
    ]
    return result
