"""HTML pages: the page's own markup gives the lines and, with the line-role model, their roles.

The page is rendered as reader-view lines (`quellenlage.ingest.dom`): every visible block is a
line, so no line of the article can be lost to an extractor's choice, and each line carries
its markup context (nav, footer, h1, figcaption, time, class words …) into the same line-role
model that reads plain text. The analysed text is the whole page in lines; boilerplate lines
are marked, not cut, so that offsets stay those of the text. trafilatura reads the metadata
(title, date, author, site) and gives its opinion of the main text as one more feature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from quellenlage.errors import ExtractionError
from quellenlage.ingest.article import Article
from quellenlage.ingest.dom import DomLine, render_page
from quellenlage.schema import Line

WORD = re.compile(r"\w+")
# Chinese and Japanese are written without spaces between words.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
#: Characters of a Chinese or Japanese word, on average (to count words of unspaced scripts).
CJK_CHARS_PER_WORD = 2
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


def word_count(text: str) -> int:
    """Words of a line: the spaced words, and for Chinese and Japanese, which are written
    without spaces, their characters by the average length of a word."""
    return len(text.split()) + len(CJK.findall(text)) // CJK_CHARS_PER_WORD


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def with_main_text_marks(html: str, lines: list[DomLine]) -> list[frozenset[str]]:
    """Each line's markup context, plus "traf" when trafilatura's main text holds the line: a
    second opinion, from an extractor of the field, on what the article is."""
    try:
        main = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    except Exception:  # noqa: BLE001 - no second opinion on markup trafilatura cannot read
        main = ""
    blocks = {_norm(b) for b in main.split("\n") if b.strip()}
    joined = " " + " ".join(_norm(b) for b in main.split("\n")) + " "
    out = []
    for line in lines:
        n = _norm(line.text)
        kept = bool(n) and (n in blocks or (n.count(" ") >= 3 and f" {n} " in joined))
        out.append(line.context | {"traf"} if kept else line.context)
    return out


@dataclass
class PageLines:
    """A page prepared for the line classifier: its lines with their markup, and its metadata."""

    text: str
    context: list[frozenset[str]]
    link_density: list[float]
    title: str | None
    titles: tuple[str, str]
    site: str | None
    description: str
    language: str | None  # the language of the page's prose, if told
    declared: str  # the language the page declares ("de-DE"), if any
    meta: dict[str, str | None]

    def classify(self) -> list[Line]:
        """The lines' roles from the line model and the markup conventions."""
        from quellenlage.lang.detect import DEFAULT
        from quellenlage.structure.lines import LineClassifier

        return LineClassifier(self.language or DEFAULT).classify(
            self.text, self.context, self.link_density, self.title, titles=self.titles, site=self.site,
            description=self.description,
        )


def page_lines(html: str, name: str | None = None, url: str | None = None) -> PageLines:
    """The page rendered as lines with their markup and metadata; raises ExtractionError when it
    holds no article."""
    from quellenlage.lang.detect import detect_language

    page = render_page(html)
    prose = [line for line in page.lines if word_count(line.text) >= 8]
    if sum(word_count(line.text) for line in prose) < MIN_ARTICLE_WORDS:
        raise ExtractionError(f"{name or 'html'}: no article text found in the HTML")
    meta = _metadata(html, url)
    # The language of the page's prose (navigation and labels have few function words),
    # weighed against the one the page declares ("en-US" → "en").
    language = detect_language("\n".join(line.text for line in prose), page.language)
    return PageLines(
        text="\n".join(line.text for line in page.lines),
        context=with_main_text_marks(html, page.lines),
        link_density=[line.link_density for line in page.lines],
        title=page.og_title or page.title or meta.get("title") or None,
        titles=(page.og_title, page.title),
        site=page.site or meta.get("site") or None,
        description=page.description,
        language=language,
        declared=page.language,
        meta=meta,
    )


def article_from_html(html: str, name: str | None = None, url: str | None = None) -> Article:
    """The page as lines with their roles; raises ExtractionError when it holds no article."""
    page = page_lines(html, name, url)
    lines = page.classify()
    headline = next((line.text for line in lines if line.role == "headline"), None)
    meta = {**page.meta, "title": headline or page.meta.get("title"), "input_name": name,
            "language": page.language or page.declared or None}
    return Article(text=page.text, id=name, meta=meta, input_format="html", lines=lines)
