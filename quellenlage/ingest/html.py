"""HTML pages: trafilatura finds the main text and metadata; our line classifier does the rest."""

from __future__ import annotations

import trafilatura

from quellenlage.errors import ExtractionError
from quellenlage.ingest.article import Article

#: Fewer words than this is a navigation or cookie page, not an article.
MIN_ARTICLE_WORDS = 15


def article_from_html(html: str, name: str | None = None, url: str | None = None) -> Article:
    """Extract title, teaser-free body text and metadata; the title becomes the first line."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            favor_precision=False,
        )
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise ExtractionError(f"{name or 'html'}: HTML could not be parsed ({type(err).__name__})") from None
    if doc is None or len((doc.text or "").split()) < MIN_ARTICLE_WORDS:
        raise ExtractionError(f"{name or 'html'}: no article text found in the HTML")
    body = doc.text.strip()
    title = (doc.title or "").strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {
        "title": title or None,
        "date": doc.date,
        "author": doc.author,
        "site": doc.sitename,
        "url": url or doc.url,
        "input_name": name,
    }
    return Article(text=text, id=name, meta=meta, input_format="html")
