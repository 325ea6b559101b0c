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
from functools import cache
from pathlib import Path
from typing import Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

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


def render_html(a: Analysis) -> str:
    """A standalone report: inline CSS, no scripts, no external resources."""
    return _environment().get_template("report.html.j2").render(css=_css(), **report_context(a))


def report_context(a: Analysis) -> dict:
    """What report.html.j2 needs besides its stylesheet; the web app's page extends that template."""
    quote_numbers = {q.id: n for n, q in enumerate(a.quotes, 1)}
    kinds = Counter(q.kind for q in a.quotes)
    return dict(
        a=a,
        h=header(a),
        kinds=kinds,
        boilerplate=boilerplate_count(a),
        blocks=_blocks(a, _marks(a)),
        quotes=[(n, q, _quote_title(n, q)) for n, q in enumerate(a.quotes, 1)],
        sources=sources_by_type(a),
        quote_numbers=quote_numbers,
        transparency=transparency_rows(a.transparency) if has_transparency(a) else [],
        speaker_label=speaker_label,
        shorten=shorten,
        verdict_labels=VERDICT_LABELS,
        table_chars=TABLE_QUOTE_CHARS,
    )


@cache
def _environment() -> Environment:
    """Autoescaping on, so every value the template prints is escaped unless it is `Markup`."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _css() -> Markup:
    """The stylesheet, inlined into every report so it needs no other file."""
    return Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))


def _quote_title(n: int, q: Quote) -> str:
    """The tooltip of a quote: everything the attribution rests on."""
    parts = [f"Quote {n} ({q.kind})", f"speaker: {speaker_label(q.speaker, q.speaker_type)}"]
    if q.cue:
        parts.append(f"cue: {q.cue.text}" + (f" [{q.cue_type}]" if q.cue_type else ""))
    if q.via:
        parts.append("via: " + " ← ".join(q.via))
    return " · ".join(parts)


def _marks(a: Analysis) -> list[Mark]:
    """Every highlightable span; earlier marks nest outside later ones with the same extent."""
    marks: list[Mark] = []
    for n, q in enumerate(a.quotes, 1):
        name = q.speaker.name if q.speaker else "no source"
        marks.append(Mark(q.start, q.end, f"q q-{q.kind}", f"q-{n}", name, _quote_title(n, q)))
    for n, c in enumerate(a.claims, 1):
        source = f" · source: {speaker_label(c.source)}" if c.source else ""
        marks.append(Mark(c.start, c.end, "claim", f"c-{n}", title=f"Claim C{n} ({c.status}){source}"))
        for k, r in enumerate(c.reactions, 1):
            title = f"C{n}: {r.status} by {speaker_label(r.by)}"
            marks.append(Mark(r.start, r.end, f"reaction reaction-{r.status}", f"c-{n}-r-{k}", title=title))
    if a.headline_check:
        for n, f in enumerate(a.headline_check.findings, 1):
            marks.append(Mark(f.start, f.end, f"assertion verdict-{f.verdict}", f"h-{n}", title=f"{f.verdict}: {f.why}"))
            marks.extend(
                Mark(e.start, e.end, "evidence", f"h-{n}-e-{k}", title=f"evidence for headline assertion {n}")
                for k, e in enumerate(f.evidence, 1)
            )
        marks.extend(
            Mark(w.start, w.end, "sensational", title="sensational word" + (", also in body" if w.in_body else ", headline only"))
            for w in a.headline_check.sensational
        )
    # Several quotes may share one cue or speaker mention: one unlabelled mark is enough.
    shared = {
        (span.start, span.end, cls): Mark(span.start, span.end, cls, title=title)
        for n, q in enumerate(a.quotes, 1)
        for span, cls, title in (
            (q.cue, "cue", f"cue of quote {n}"), (q.speaker_mention, "speaker-mention", f"speaker of quote {n}")
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
