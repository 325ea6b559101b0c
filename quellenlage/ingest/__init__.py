"""Turning what users have (text files, HTML, stdin bytes) into an `Article` to analyse."""

from quellenlage.ingest.article import Article
from quellenlage.ingest.html import article_from_html
from quellenlage.ingest.text import decode_bytes, read_path

__all__ = ["Article", "article_from_html", "decode_bytes", "read_path"]
