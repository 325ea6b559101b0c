"""HTML pages: the page's own markup gives the lines and, with the line-role model, their roles.

The page is rendered as reader-view lines (`quellenlage.ingest.dom`): every visible block is a
line, so no line of the article can be lost to an extractor's choice, and each line carries
its markup context (nav, footer, h1, figcaption, time, class words …) into the same line-role
model that reads plain text. The analysed text is the whole page in lines; boilerplate lines
are marked, not cut, so that offsets stay those of the text. trafilatura reads the metadata
(title, date, author, site).
"""

from __future__ import annotations

import trafilatura

from quellenlage.errors import ExtractionError
from quellenlage.ingest.article import Article
from quellenlage.ingest.dom import render_page

#: Fewer words than this is a navigation or cookie page, not an article.
MIN_ARTICLE_WORDS = 15


def _metadata(html: str, url: str | None) -> dict[str, str | None]:
    try:
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # noqa: BLE001 - metadata is optional; broken markup yields none
        meta = None
    if meta is None:
        return {}
    return {"title": meta.title, "date": meta.date, "author": meta.author,
            "site": meta.sitename or meta.hostname, "url": url or meta.url}


def article_from_html(html: str, name: str | None = None, url: str | None = None) -> Article:
    """The page as lines with their roles; raises ExtractionError when it holds no article."""
    from quellenlage.structure.lines import LineClassifier

    page = render_page(html)
    prose = [line for line in page.lines if len(line.text.split()) >= 8]
    if sum(len(line.text.split()) for line in prose) < MIN_ARTICLE_WORDS:
        raise ExtractionError(f"{name or 'html'}: no article text found in the HTML")
    text = "\n".join(line.text for line in page.lines)
    meta = _metadata(html, url)
    title = page.og_title or page.title or meta.get("title") or None
    site = page.site or meta.get("site") or None
    lines = LineClassifier().classify(
        text, [line.context for line in page.lines], [line.link_density for line in page.lines], title,
        titles=(page.og_title, page.title), site=site,
    )
    headline = next((line.text for line in lines if line.role == "headline"), None)
    meta = {**meta, "title": headline or meta.get("title"), "input_name": name}
    return Article(text=text, id=name, meta=meta, input_format="html", lines=lines)
