"""From what a user gives (a URL, text, an HTML page) to a stored analysis, once per input.

Shared by the form and the JSON API, so both store the same thing under the same id.
"""

from __future__ import annotations

from dataclasses import dataclass

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.ingest import Article, article_from_html
from quellenlage.ingest.fetch import Fetcher, is_url
from quellenlage.ingest.text import MAX_BYTES
from quellenlage.schema import Analysis
from quellenlage.web.store import Store, input_id
from quellenlage.web.worker import AnalysisWorker


class AnalysisFailed(QuellenlageError):
    """The pipeline could not analyse the article (nothing is stored)."""


@dataclass
class Outcome:
    id: str
    analysis: Analysis
    created: bool


def _normalise(text: str) -> str:
    """Browsers send a text area with CRLF line ends; the same article must get the same id."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class AnalysisService:
    store: Store
    worker: AnalysisWorker
    fetcher: Fetcher

    def submit(self, *, url: str | None = None, text: str | None = None, html: str | None = None,
               name: str | None = None) -> Outcome:
        """Analyse exactly one of `url`, `text`, `html`, or find its stored analysis."""
        given = [k for k, v in (("url", url), ("text", text), ("html", html)) if v and v.strip()]
        if not given:
            raise InputError("nothing to analyse: give a URL, a text or an .html/.txt file")
        if len(given) > 1:
            raise InputError(f"give only one input, not {' and '.join(given)}")
        kind = given[0]
        if kind == "url":
            url = (url or "").strip()
            if not is_url(url):
                raise InputError(f"{url[:200]}: not an http(s) URL")
            article, data = self.fetcher.fetch_article(url)
            key = input_id("url", url, data)
        else:
            content = _normalise((text if kind == "text" else html) or "")
            if len(content.encode("utf-8")) > MAX_BYTES:
                raise InputError(f"the {kind} is too large for one article (limit {MAX_BYTES / 1e6:.0f} MB)")
            key = input_id(kind, "", content)
            if kind == "text":
                article = Article(text=content, id=name, meta={"input_name": name or "pasted text"})
            else:
                article = article_from_html(content, name=name or "page")
        stored = self.store.get(key)
        if stored is not None:
            return Outcome(key, stored, False)
        analysis = self.worker.analyze(article)
        if analysis.errors and not analysis.lines:
            raise AnalysisFailed(f"the analysis failed: {analysis.errors[0]}")
        created = self.store.add(key, kind, analysis)
        return Outcome(key, self.store.get(key) or analysis, created)
