"""Corpus inputs: folders, JSONL, WARC, RSS/Atom feeds and sitemaps, streamed as `RawDoc`s.

Readers only read bytes and give every document a stable id; decoding and HTML extraction
(the costly part) happen in the workers (`RawDoc.to_article`), so the reading process stays
light and its memory flat however large the corpus is.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from quellenlage.errors import InputError, QuellenlageError
from quellenlage.ingest import article_from_html
from quellenlage.ingest.article import Article
from quellenlage.ingest.fetch import HTML_TYPES, Fetcher, is_url
from quellenlage.ingest.text import MAX_BYTES, decode_bytes, looks_like_html

DOC_SUFFIXES = (".txt", ".text", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
XML_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")


@dataclass
class RawDoc:
    """One document as read from the input, not yet decoded or extracted.

    `error` is set when the reader already knows the document is unusable (bad JSON line,
    remote link); such documents go straight to the errors table.
    """

    id: str
    input: str
    position: str
    payload: bytes | str = b""
    fmt: str = "auto"  # "text" | "html" (a page) | "fragment" (feed content) | "auto" (sniff)
    meta: dict[str, str | None] = field(default_factory=dict)
    error: str | None = None

    def to_article(self) -> Article:
        """Decode and extract; raises `QuellenlageError` subclasses for unusable input."""
        if self.error:
            raise InputError(self.error)
        data = self.payload
        text = decode_bytes(data, self.position) if isinstance(data, bytes) else data
        if not text.strip():
            raise InputError(f"{self.position}: empty document")
        if self.fmt == "fragment":
            return self._fragment_article(text)
        is_html = self.fmt == "html" or (self.fmt == "auto" and looks_like_html(text))
        if is_html:
            article = article_from_html(text, name=self.position, url=self.meta.get("url"))
            meta = {**article.meta, **{k: v for k, v in self.meta.items() if v}}
            meta["input_name"] = self.position
            return Article(text=article.text, id=self.id, meta=meta, input_format="html")
        meta = {**self.meta, "input_name": self.position}
        return Article(text=text, id=self.id, meta=meta, input_format="text")


    def _fragment_article(self, html: str) -> Article:
        """Feed content is already the article body: keep every paragraph (a page extractor
        would discard a short fragment as boilerplate) and put the entry title first."""
        body = fragment_text(html)
        if not body:
            raise InputError(f"{self.position}: feed entry has no text")
        title = self.meta.get("title")
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        meta = {**self.meta, "input_name": self.position}
        return Article(text=text, id=self.id, meta=meta, input_format="html")


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in ("script", "style")
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element, whitespace normalised."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def stable_id(position: str, payload: bytes | str) -> str:
    """Input position plus content hash: rerunning finds the same ids, an edited file a new one."""
    data = payload.encode("utf-8", "surrogatepass") if isinstance(payload, str) else payload
    return f"{position}#{hashlib.sha1(data).hexdigest()[:12]}"


def _local_path(link: str, base: Path) -> Path | None:
    """`file://` URLs and relative or absolute paths resolve to a local file; web URLs do not."""
    parsed = urlparse(link)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    if parsed.scheme == "":
        path = Path(unquote(link))
        return path if path.is_absolute() else base / path
    return None


def _read_local(path: Path, position: str) -> bytes:
    if not path.is_file():
        raise InputError(f"{position}: no such file {path}")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{position}: {path.stat().st_size / 1e6:.1f} MB is too large for one article")
    return path.read_bytes()


def _fmt_for(path: Path) -> str:
    return "html" if path.suffix.lower() in (".html", ".htm") else "auto"


def _linked_doc(link: str, base: Path, input_name: str, position: str, meta: dict,
                fetcher: Fetcher | None = None) -> RawDoc:
    """A document a feed or sitemap points at: a local file, or a web page when a `fetcher`
    is given (`batch --fetch`; the same server-safe fetcher as the web app)."""
    path = _local_path(link, base)
    if path is None:
        if fetcher is None or not is_url(link):
            return RawDoc(stable_id(position, link), input_name, position, meta=meta,
                          error=f"{position}: {link} is not a local file (pass --fetch to fetch web pages)")
        try:
            page = fetcher.fetch(link)
        except QuellenlageError as err:
            return RawDoc(stable_id(position, link), input_name, position, meta=meta, error=str(err))
        fmt = "html" if page.content_type in HTML_TYPES else ("text" if page.content_type else "auto")
        return RawDoc(stable_id(position, page.content), input_name, position, page.content, fmt, meta)
    try:
        data = _read_local(path, position)
    except (InputError, OSError) as err:
        return RawDoc(stable_id(position, link), input_name, position, meta=meta, error=str(err))
    return RawDoc(stable_id(position, data), input_name, position, data, _fmt_for(path), meta)


def read_folder(root: Path) -> Iterator[RawDoc]:
    """Every .txt/.html file below `root`, in sorted order; the relative path is the position."""
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES):
        position = path.relative_to(root).as_posix()
        try:
            data = _read_local(path, position)
        except (InputError, OSError) as err:
            yield RawDoc(stable_id(position, str(err)), str(root), position, error=str(err))
            continue
        yield RawDoc(stable_id(position, data), str(root), position, data, _fmt_for(path),
                     {"input_name": position})


def read_jsonl(path: Path) -> Iterator[RawDoc]:
    """One JSON object per line with `text` or `html`; optional id, url, date, outlet, title."""
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            position = f"{path.name}:{lineno}"
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                yield RawDoc(stable_id(position, line), str(path), position,
                             error=f"{position}: not valid JSON ({err.__class__.__name__})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text") or obj.get("html"), str):
                yield RawDoc(stable_id(position, line), str(path), position,
                             error=f"{position}: needs a string field 'text' or 'html'")
                continue
            payload, fmt = (obj["html"], "html") if obj.get("html") else (obj["text"], "text")
            meta: dict[str, str | None] = {k: str(obj[k]) for k in ("url", "date", "outlet", "title", "author") if obj.get(k)}
            doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else stable_id(position, payload)
            yield RawDoc(doc_id, str(path), position, payload, fmt, meta)


def read_warc(path: Path) -> Iterator[RawDoc]:
    """HTML response records of a WARC (plain or gzip); the WARC-Record-ID is the article id."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh, record_types=WarcRecordType.response,
                                                   parse_http=True, auto_decode="all")):
            content_type = (record.http_content_type or "").lower()
            if content_type and "html" not in content_type:
                continue
            uri = record.headers.get("WARC-Target-URI") or ""
            position = f"{path.name}:{n}"
            record_id = (record.record_id or "").strip("<>").removeprefix("urn:uuid:")
            data = record.reader.read()
            date = record.record_date.isoformat() if record.record_date else None
            meta = {"url": uri or None, "crawl_date": date}
            yield RawDoc(record_id or stable_id(position, data), str(path), position, data, "html", meta)


def read_feed(path: Path, fetcher: Fetcher | None = None) -> Iterator[RawDoc]:
    """RSS/Atom entries: a linked local file if there is one, else the entry's content or summary,
    else (with a `fetcher`) the linked web page."""
    import feedparser

    parsed = feedparser.parse(str(path))
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries):
        position = f"{path.name}:{n}"
        date = None
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            date = f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}"
        link = entry.get("link") or ""
        meta = {"title": entry.get("title"), "date": date, "outlet": outlet, "url": link or None}
        local = _local_path(link, path.parent) if link else None
        content = entry.get("content")
        html = (content[0].get("value") if content else entry.get("summary")) or ""
        if (local is not None and local.is_file()) or (link and not html.strip()):
            doc = _linked_doc(link, path.parent, str(path), position, meta, fetcher)
        else:
            doc = RawDoc(stable_id(position, html), str(path), position, html, "fragment", meta)
        if entry.get("id"):
            doc.id = entry["id"]
        yield doc


def _xml_tag(elem: ET.Element) -> str:
    return elem.tag.rsplit("}", 1)[-1]


def read_sitemap(path: Path, fetcher: Fetcher | None = None, _depth: int = 0) -> Iterator[RawDoc]:
    """`<urlset>` entries: local files, or web pages with a `fetcher`; `<sitemapindex>` is
    followed (locally, 3 deep)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise InputError(f"{path}: not a readable sitemap ({err})") from None
    for n, node in enumerate(root):
        loc = next((c.text.strip() for c in node if _xml_tag(c) == "loc" and c.text), None)
        if not loc:
            continue
        if _xml_tag(root) == "sitemapindex":
            sub = _local_path(loc, path.parent)
            if sub is not None and sub.is_file() and _depth < 3:
                yield from read_sitemap(sub, fetcher, _depth + 1)
            continue
        lastmod = next((c.text.strip() for c in node if _xml_tag(c) == "lastmod" and c.text), None)
        yield _linked_doc(loc, path.parent, str(path), f"{path.name}:{n}", {"date": lastmod, "url": loc}, fetcher)


def _sniff_xml(path: Path) -> str:
    head = path.open("rb").read(4096).lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf" in head:
        return "feed"
    raise InputError(f"{path}: XML that is neither a sitemap nor an RSS/Atom feed")


def input_kind(path: Path) -> str:
    """Which reader handles `path`: folder, jsonl, warc, feed, sitemap or file."""
    name = path.name.lower()
    if path.is_dir():
        return "folder"
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(XML_SUFFIXES):
        return _sniff_xml(path)
    if name.endswith(DOC_SUFFIXES):
        return "file"
    raise InputError(f"{path}: unknown input type (expected a folder, .jsonl, .warc[.gz], feed or sitemap .xml)")


def _read_file(path: Path) -> Iterator[RawDoc]:
    data = _read_local(path, path.name)
    yield RawDoc(stable_id(path.name, data), str(path), path.name, data, _fmt_for(path), {})


READERS: dict[str, Callable[..., Iterator[RawDoc]]] = {
    "folder": read_folder,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
    "sitemap": read_sitemap,
    "file": _read_file,
}


def read_inputs(paths: list[Path], fetcher: Fetcher | None = None) -> Iterator[RawDoc]:
    """All documents of all inputs in order; a repeated id gets a `~2`, `~3` … suffix.
    With a `fetcher`, the web pages that feeds and sitemaps link to are fetched."""
    kinds = [(p, input_kind(p)) for p in paths]  # fail fast on a bad argument, before any work
    seen: dict[str, int] = {}
    for path, kind in kinds:
        docs = READERS[kind](path, fetcher) if kind in ("feed", "sitemap") else READERS[kind](path)
        for doc in docs:
            count = seen.get(doc.id, 0) + 1
            seen[doc.id] = count
            if count > 1:
                doc.id = f"{doc.id}~{count}"
            yield doc


def count_inputs(paths: list[Path]) -> int | None:
    """A cheap document count for the progress bar (None when counting would mean parsing)."""
    total = 0
    for path in paths:
        kind = input_kind(path)
        if kind == "folder":
            total += sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES)
        elif kind == "jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif kind == "file":
            total += 1
        else:
            return None
    return total
