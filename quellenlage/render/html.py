"""The HTML report: the cleaned article with every finding highlighted in place, and panels beside it.

Findings are character spans that may overlap (an indirect quote containing a direct one, a
claim spanning two quotes). `_highlight` turns them into properly nested elements by splitting
a span wherever it crosses another one's end; only a span's first fragment carries its id and
label, so links and labels stay unique. Article text reaches the page only through
`markupsafe.escape` or Jinja2 autoescape.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Optional

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from quellenlage.render.i18n import Translations, i18n_environment, translations
from quellenlage.render.i18n import ui_language as choose_ui_language
from quellenlage.render.summary import (
    VERDICT_LABELS,
    boilerplate_count,
    has_transparency,
    header,
    shorten,
    sources_by_type,
    speaker_label,
    transparency_rows,
)
from quellenlage.schema import Analysis, LineRole, Quote

TEMPLATES = Path(__file__).parent / "templates"
ROLE_TAGS: dict[LineRole, str] = {
    "section": "p",
    "headline": "h2",
    "subheading": "h3",
    "caption": "p",
    "teaser": "p",
    "paragraph": "p",
    "byline": "p",
    "boilerplate": "p",
}
TABLE_QUOTE_CHARS = 220


@dataclass(frozen=True)
class Mark:
    """A span to highlight: its classes, plus id and label for the fragment where it starts."""

    start: int
    end: int
    classes: str
    anchor: str = ""
    label: str = ""
    title: str = ""


@dataclass
class Block:
    """One article line as an element, or a run of boilerplate lines collapsed into one block."""

    role: LineRole
    tag: str
    items: list[Markup]


def render_html(a: Analysis, ui_language: str = "auto") -> str:
    """A standalone report: inline CSS, no scripts, no external resources. Its labels are in
    `ui_language` ('de', 'en'; 'auto': the article's language)."""
    lang = report_language(a, ui_language)
    return _environment(lang).get_template("report.html.j2").render(css=_css(), **report_context(a, lang))


def report_language(a: Analysis, requested: str = "auto") -> str:
    """The UI language of a report: the one asked for, for 'auto' the article's language."""
    return choose_ui_language(requested, a.meta.language)


def report_context(a: Analysis, ui_language: str = "en") -> dict:
    """What report.html.j2 needs besides its stylesheet; the web app's page extends that template.
    The labels computed here are in `ui_language`."""
    t = translations(ui_language)
    _ = t.gettext
    quote_numbers = {q.id: n for n, q in enumerate(a.quotes, 1)}
    kinds = Counter(q.kind for q in a.quotes)
    return dict(
        a=a,
        h=header(a, _),
        kinds=kinds,
        boilerplate=boilerplate_count(a),
        blocks=_blocks(a, _marks(a, t)),
        quotes=[(n, q, _quote_title(n, q, t)) for n, q in enumerate(a.quotes, 1)],
        sources=sources_by_type(a, _),
        quote_numbers=quote_numbers,
        transparency=transparency_rows(a.transparency, _) if has_transparency(a) else [],
        speaker_label=partial(speaker_label, _=_),
        shorten=shorten,
        verdict_labels=VERDICT_LABELS,
        table_chars=TABLE_QUOTE_CHARS,
    )


@cache
def _environment(ui_language: str = "en") -> Environment:
    """Autoescaping on, so every value the template prints is escaped unless it is `Markup`;
    one environment per UI language (its gettext callables are installed once)."""
    return i18n_environment(FileSystemLoader(TEMPLATES), ui_language)


@cache
def _css() -> Markup:
    """The stylesheet, inlined into every report so it needs no other file."""
    return Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))


def _quote_title(n: int, q: Quote, t: Translations | None = None) -> str:
    """The tooltip of a quote: everything the attribution rests on."""
    _ = (t or translations("en")).gettext
    parts = [_("Quote %(n)s (%(kind)s)") % {"n": n, "kind": _(q.kind)},
             _("speaker: %(speaker)s") % {"speaker": speaker_label(q.speaker, q.speaker_type, _)}]
    if q.cue:
        parts.append(_("cue: %(cue)s") % {"cue": q.cue.text} + (f" [{q.rule}]" if q.rule else ""))
    if q.via:
        parts.append(_("via: %(via)s") % {"via": " ← ".join(q.via)})
    return " · ".join(parts)


def _marks(a: Analysis, t: Translations | None = None) -> list[Mark]:
    """Every highlightable span; earlier marks nest outside later ones with the same extent."""
    _ = (t or translations("en")).gettext
    marks: list[Mark] = []
    for n, q in enumerate(a.quotes, 1):
        name = q.speaker.name if q.speaker else _("no source")
        marks.append(Mark(q.start, q.end, f"q q-{q.kind}", f"q-{n}", name, _quote_title(n, q, t)))
    for n, c in enumerate(a.claims, 1):
        source = " · " + _("source: %(source)s") % {"source": speaker_label(c.source, _=_)} if c.source else ""
        title = _("Claim C%(n)s (%(status)s)") % {"n": n, "status": _(c.status)} + source
        marks.append(Mark(c.start, c.end, "claim", f"c-{n}", title=title))
        for k, r in enumerate(c.reactions, 1):
            title = f"C{n}: " + _("%(status)s by %(by)s") % {"status": _(r.status), "by": speaker_label(r.by, _=_)}
            marks.append(Mark(r.start, r.end, f"reaction reaction-{r.status}", f"c-{n}-r-{k}", title=title))
    if a.headline_check:
        for n, f in enumerate(a.headline_check.findings, 1):
            verdict = _(VERDICT_LABELS[f.verdict])
            marks.append(Mark(f.start, f.end, f"assertion verdict-{f.verdict}", f"h-{n}", title=f"{verdict}: {f.why}"))
            marks.extend(
                Mark(e.start, e.end, "evidence", f"h-{n}-e-{k}", title=_("evidence for headline assertion %(n)s") % {"n": n})
                for k, e in enumerate(f.evidence, 1)
            )
        marks.extend(
            Mark(w.start, w.end, "sensational",
                 title=_("sensational word, also in body") if w.in_body else _("sensational word, headline only"))
            for w in a.headline_check.sensational
        )
    # Several quotes may share one cue or speaker mention: one unlabelled mark is enough.
    shared = {
        (span.start, span.end, cls): Mark(span.start, span.end, cls, title=title)
        for n, q in enumerate(a.quotes, 1)
        for span, cls, title in (
            (q.cue, "cue", _("cue of quote %(n)s") % {"n": n}),
            (q.speaker_mention, "speaker-mention", _("speaker of quote %(n)s") % {"n": n}),
        )
        if span is not None
    }
    return marks + list(shared.values())


def _line_spans(a: Analysis) -> list[tuple[LineRole, int, int]]:
    """(role, start, end) of each non-blank line; without structure every line counts as paragraph."""
    spans: list[tuple[LineRole, int, int]] = []
    if a.lines:
        spans = [(line.role, line.start, line.start + len(line.text)) for line in a.lines]
    else:
        offset = 0
        for raw in a.text.split("\n"):
            spans.append(("paragraph", offset, offset + len(raw)))
            offset += len(raw) + 1
    trimmed: list[tuple[LineRole, int, int]] = []
    for role, start, end in spans:
        segment = a.text[start:end]
        stripped = segment.strip()
        if stripped:
            lead = len(segment) - len(segment.lstrip())
            trimmed.append((role, start + lead, start + lead + len(stripped)))
    return trimmed


def _blocks(a: Analysis, marks: list[Mark]) -> list[Block]:
    """Lines as elements in text order; consecutive boilerplate lines share one collapsed block."""
    blocks: list[Block] = []
    labelled: set[Mark] = set()
    for role, start, end in sorted(_line_spans(a), key=lambda s: s[1]):
        html = _highlight(a.text, start, end, marks, labelled)
        if role == "boilerplate" and blocks and blocks[-1].role == "boilerplate":
            blocks[-1].items.append(html)
        else:
            blocks.append(Block(role, ROLE_TAGS[role], [html]))
    return blocks


def _open(m: Mark, first: bool) -> str:
    """The start tag of one fragment; continuation fragments carry no id or label."""
    attrs = {"class": m.classes if first else f"{m.classes} cont", "title": m.title}
    if first:
        attrs.update({"id": m.anchor, "data-label": m.label})
    return "<span" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if v) + ">"


def _highlight(text: str, lo: int, hi: int, marks: list[Mark], labelled: set[Mark]) -> Markup:
    """Escape `text[lo:hi]` and wrap the marked stretches in nested spans.

    Marks are clipped to [lo, hi). When a mark ends while marks opened after it are still
    open, those are closed with it and reopened right after as continuation fragments, so
    the output is always well-formed whatever the overlaps. `labelled` holds the marks whose
    first fragment (id, label) was already written, possibly in an earlier line.
    """
    inside = sorted(
        (m for m in marks if m.start < m.end and m.start < hi and m.end > lo),
        key=lambda m: (max(m.start, lo), -m.end),
    )
    bounds = sorted({lo, hi, *(max(m.start, lo) for m in inside), *(min(m.end, hi) for m in inside)})
    out: list[str] = []
    stack: list[Mark] = []
    pos, nxt = lo, 0
    for b in bounds:
        out.append(str(escape(text[pos:b])))
        pos = b
        ending: Optional[int] = next((k for k, m in enumerate(stack) if min(m.end, hi) == b), None)
        if ending is not None:
            carried = [m for m in stack[ending + 1 :] if min(m.end, hi) != b]
            out.append("</span>" * (len(stack) - ending))
            del stack[ending:]
            for m in carried:
                out.append(_open(m, first=False))
                stack.append(m)
        while nxt < len(inside) and max(inside[nxt].start, lo) == b:
            m = inside[nxt]
            out.append(_open(m, first=m not in labelled))
            labelled.add(m)
            stack.append(m)
            nxt += 1
    return Markup("".join(out))
