"""An HTML page as reader-view lines, each with the markup it came from.

The page is rendered the way scraped article text looks (block elements as lines, whitespace
collapsed, no-break space as space, composed characters (NFC), nothing from script/style or hidden elements), and every
line keeps the facts of its DOM context that say what it is: inside nav/header/footer/aside/
form, a heading level, figcaption, time or author markup, the class and id words of its
ancestors (share, cookie, newsletter, kicker …), and how much of it is link text. These facts
are features of the line-role model (`quellenlage.structure.features`) and the silver labels
of its training data (`training/line_model.py`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select",
    "option", "textarea", "input", "head", "title", "meta", "link", "video", "audio", "map", "math",
})
# Landmarks: the element names and ARIA roles that mark a page's furniture.
LANDMARK_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "form": "form",
                 "menu": "nav", "button": "form", "figcaption": "figcaption", "figure": "figure",
                 "time": "time", "address": "address", "blockquote": "blockquote", "li": "li",
                 "table": "table", "article": "article", "main": "main"}
ARIA_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
              "search": "form", "main": "main", "article": "article", "dialog": "aside", "menu": "nav"}
# Class/id words of the furniture, as site templates name it (English and German templates).
CLASS_CUES = {
    "nav": r"nav|menu|breadcrumb|pagination|pager|skip",
    "share": r"share|sharing|social|teilen|sharebar",
    "cookie": r"cookie|consent|gdpr|privacy|cmp",
    "newsletter": r"newsletter|subscribe|signup|abo|paywall|registration|promo",
    "comment": r"comment|kommentar|discussion|disqus",
    "ad": r"\bads?\b|advert|anzeige|sponsor|banner|outbrain|taboola|commercial",
    "related": r"related|recommend|empfehl|more-?articles|read-?more|weitere|teaser-?list|also",
    "footer": r"footer|copyright|impressum",
    "sidebar": r"sidebar|widget|rail|aside",
    "kicker": r"kicker|dachzeile|overline|topline|eyebrow|spitzmarke|roofline|supertitle|rubric",
    "standfirst": r"standfirst|intro|lead|summary|abstract|excerpt|subtitle|subhead|deck|dek|teaser-?text|vorspann",
    "byline": r"byline|author|autor|writer|credit|contributor",
    "date": r"date|datum|time|published|updated|timestamp",
    "caption": r"caption|bildunterschrift|legend|photo-?credit|copyright-?info",
    "tag": r"\btags?\b|keywords|topics|schlagw|themen",
    "headline": r"headline|title|titel|heading",
    "body": r"article-?body|story-?body|entry-?content|post-?content|article-?text|body-?text|articlebody|content-?body"
    r"|rte|richtext",
}
CLASS_RX = {k: re.compile(v) for k, v in CLASS_CUES.items()}
#: Class cues count from the element that holds the text and this many levels in all.
CLASS_DEPTH = 4
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# Text for screen readers only (": " between kicker and headline, "Navigationspfad").
SCREEN_READER_CLASS = re.compile(r"visually-?hidden|sr-only|screen-?reader|offscreen|a11y-hidden", re.IGNORECASE)
SPACE = re.compile(r"\s+")


@dataclass
class DomLine:
    """One rendered line and its markup context."""

    text: str
    context: frozenset[str]  # landmarks ("nav", "h1", "figcaption" …) and class cues ("cls:share" …)
    link_chars: int = 0

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / max(1, len(self.text)))


@dataclass
class Page:
    """A rendered page: its lines and the titles its head declares."""

    lines: list[DomLine] = field(default_factory=list)
    title: str = ""  # <title>
    og_title: str = ""  # og:title / twitter:title
    description: str = ""  # og:description / description
    site: str = ""  # og:site_name / application-name
    language: str = ""  # <html lang>, og:locale or content-language, as declared ("de-DE")


def _class_words(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''} {el.get('rel') or ''}".lower()


def _own_context(el: etree._Element) -> set[str]:
    """The landmarks and class cues an element adds to the context of what it contains."""
    tag = el.tag if isinstance(el.tag, str) else ""
    ctx: set[str] = set()
    if tag in LANDMARK_TAGS:
        ctx.add(LANDMARK_TAGS[tag])
    if re.fullmatch(r"h[1-6]", tag):
        ctx.add(tag)
        ctx.add("heading")
    role = (el.get("role") or "").lower()
    if role in ARIA_ROLES:
        ctx.add(ARIA_ROLES[role])
    words = _class_words(el)
    if words.strip():
        for name, rx in CLASS_RX.items():
            if rx.search(words):
                ctx.add(f"cls:{name}")
    if el.get("itemprop") in ("author", "creator"):
        ctx.add("cls:byline")
    if el.get("itemprop") in ("datePublished", "dateModified"):
        ctx.add("cls:date")
    return ctx


def _hidden(el: etree._Element) -> bool:
    return (el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or ""))
            or bool(SCREEN_READER_CLASS.search(el.get("class") or "")))


def _text_of(el: etree._Element) -> str:
    return "".join(t for t in el.itertext() if t)


def _heading_lead(el: etree._Element) -> etree._Element | None:
    """The leading element of a heading that carries more text after it: a kicker or a date
    set in the headline's heading ("<h2><strong>Deutschlandtakt</strong> Flixbus …</h2>")."""
    if (el.text or "").strip():
        return None
    children = [c for c in el if isinstance(c.tag, str) and c.tag not in SKIPPED_TAGS and not _hidden(c)]
    if len(children) < 1 or not _text_of(children[0]).strip():
        return None
    lead = children[0]
    rest = (lead.tail or "") + "".join(_text_of(c) + (c.tail or "") for c in children[1:])
    return lead if rest.strip() else None


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[DomLine] = []
        self.buffer: list[str] = []
        self.link_chars = 0
        self.context: set[str] = set()
        self.ends_in_link = False

    def flush(self) -> None:
        # NFC: pages written on some systems spell "ü" as "u" and a combining diaeresis.
        text = unicodedata.normalize("NFC", SPACE.sub(" ", "".join(self.buffer).replace("\xa0", " ")).strip())
        if text:
            # "end-link": the line's last words are a link ("… mehr", "Read more"), as a card's description ends.
            context = self.context | {"end-link"} if self.ends_in_link else self.context
            self.lines.append(DomLine(text=text, context=frozenset(context),
                                      link_chars=min(self.link_chars, len(text))))
        self.buffer, self.link_chars, self.context, self.ends_in_link = [], 0, set(), False

    def add(self, text: str | None, context: frozenset[str], in_link: bool) -> None:
        """Text joins the current line, and the line takes on the context of every element
        whose text it shows (a time or author span inside a paragraph marks the line)."""
        if text:
            self.buffer.append(text)
            if text.strip():
                self.context |= context
                self.ends_in_link = in_link
                if in_link:
                    self.link_chars += len(SPACE.sub(" ", text).strip())

    def walk(self, el: etree._Element, context: frozenset[str], in_link: bool, lead: bool = False,
             classes: tuple[frozenset[str], ...] = ()) -> None:
        """Render `el`: `context` holds the landmarks of all its ancestors, `classes` the class
        cues of the nearest CLASS_DEPTH of them (a class far up, like "page has-sidebar",
        says nothing about a paragraph deep inside)."""
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in SKIPPED_TAGS or _hidden(el):
            return
        if tag in ("br", "hr"):
            self.flush()
            return
        own = _own_context(el)
        own_classes = frozenset(c for c in own if c.startswith("cls:"))
        classes = (*classes[-(CLASS_DEPTH - 1):], own_classes)
        inner = context | (own - own_classes)
        # A kicker (by class, or leading a heading) is a line of its own (ANNOTATION.md, "Line roles").
        block = tag in BLOCK_TAGS or "cls:kicker" in own or lead
        if lead:
            inner = inner | {"heading-lead"}
        link = in_link or tag == "a"
        if block:
            self.flush()
        shown = inner.union(*classes)
        self.add(el.text, shown, link)
        heading_lead = _heading_lead(el) if "heading" in own else None
        for child in el:
            self.walk(child, inner, link, lead=child is heading_lead, classes=classes)
            self.add(child.tail, shown, link)
        if block:
            self.flush()


def _meta(root: etree._Element, *names: str) -> str:
    for name in names:
        for attr in ("property", "name"):
            found = root.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if found and found[0].strip():
                return SPACE.sub(" ", found[0]).strip()
    return ""


def _declared_language(root: etree._Element) -> str:
    """The language the page declares: <html lang>, og:locale or content-language ("de-DE")."""
    declared = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or _meta(root, "og:locale", "language")
    return (declared or next(iter(root.xpath("//meta[@http-equiv='content-language']/@content")), "")).strip()


def render_page(html: str) -> Page:
    """The page's reader-view lines with their context; an empty Page for unparsable markup."""
    try:
        root = lxml.html.fromstring(html.encode("utf-8", "replace") if "<?xml" in html[:100] else html)
    except (etree.ParserError, ValueError):
        return Page()
    page = Page(
        title=SPACE.sub(" ", " ".join(root.xpath("//head/title//text()"))).strip(),
        og_title=_meta(root, "og:title", "twitter:title"),
        description=_meta(root, "og:description", "description", "twitter:description"),
        site=_meta(root, "og:site_name", "application-name"),
        language=_declared_language(root),
    )
    body = root.find("body")
    renderer = _Renderer()
    renderer.walk(body if body is not None else root, frozenset(), False)
    renderer.flush()
    page.lines = renderer.lines
    return page
