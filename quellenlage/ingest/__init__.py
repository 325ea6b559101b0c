"""Turning what users have (text files, HTML, stdin bytes) into an `Article` to analyse.

HTML extraction (trafilatura) is imported only when an HTML page comes in, so that plain
text starts fast.
"""

from quellenlage.ingest.article import Article
from quellenlage.ingest.text import decode_bytes, read_path


def article_from_html(html: str, name: str | None = None, url: str | None = None) -> Article:
    """See `quellenlage.ingest.html.article_from_html`."""
    from quellenlage.ingest.html import article_from_html as extract

    return extract(html, name=name, url=url)


__all__ = ["Article", "article_from_html", "decode_bytes", "read_path"]
