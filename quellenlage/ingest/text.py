"""Reading bytes as text: encodings of real scraped files, binary and oversized input."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from pathlib import Path

from charset_normalizer import from_bytes

from quellenlage.errors import InputError
from quellenlage.ingest.article import Article

#: Above this an input is not one article; 5 MB is ~50 times a long feature.
MAX_BYTES = 5_000_000

_HTML_START = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<div", b"<article")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 first (the common case), else let charset-normalizer pick (cp1252, latin-1 …)."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: {len(data) / 1e6:.1f} MB is too large for one article (limit {MAX_BYTES / 1e6:.0f} MB)"
        )
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: cannot determine the text encoding") from None
        text = str(best)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048].lstrip()
    if isinstance(head, str):
        head = head.encode("utf-8", "ignore")
    return head.lower().startswith(_HTML_START)


def gunzip(data: bytes, name: str) -> bytes:
    """The content of gzipped input (scraped pages are often stored as .html.gz), no larger
    than MAX_BYTES; other bytes as they are."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{name}: broken gzip data") from None
    if len(out) > MAX_BYTES:
        raise InputError(f"{name}: more than {MAX_BYTES / 1e6:.0f} MB once decompressed, too large for one article")
    return out


def read_path(path: str) -> Article:
    """Read a file (or `-` for stdin) into an Article; HTML goes through the extractor
    (imported only then: trafilatura costs a fifth of a second to import)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{path}: no such file")
        if p.stat().st_size > MAX_BYTES:
            raise InputError(
                f"{path}: {p.stat().st_size / 1e6:.1f} MB is too large for one article (limit {MAX_BYTES / 1e6:.0f} MB)"
            )
        try:
            data = p.read_bytes()
        except OSError as err:
            raise InputError(f"{path}: {err.strerror}") from None
        name = Path(p.name.removesuffix(".gz")).stem
    data = gunzip(data, name)
    text = decode_bytes(data, name)
    if path.lower().removesuffix(".gz").endswith((".html", ".htm")) or looks_like_html(data):
        from quellenlage.ingest.html import article_from_html

        article = article_from_html(text, name=name)
    else:
        article = Article(text=text, id=name, meta={"input_name": name})
    return article
