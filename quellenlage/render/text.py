"""The terminal view: a Rich rendering captured to a string, so the CLI decides where it goes.

Every piece of article data is wrapped in `rich.text.Text`, never passed as a markup string:
article text may contain square brackets that Rich would otherwise read as style tags.
"""

from __future__ import annotations

import io
from collections import Counter

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

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
from quellenlage.schema import Analysis, Claim, HeadlineCheck

QUOTE_CHARS = 160
STATUS_STYLES = {"denied": "red", "confirmed": "green", "disputed": "yellow"}
VERDICT_STYLES = {"supported": "green", "attributed_only": "yellow", "unsupported_as_fact": "red", "not_in_body": "dim"}
KIND_STYLES = {"direct": "cyan", "indirect": "magenta"}


def render_text(a: Analysis, width: int = 100, color: bool = False) -> str:
    """Render `a` for a terminal; plain text unless `color` asks for ANSI styles."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
    )
    for part in _sections(a):
        console.print(part)
        console.print()
    rendered = out.getvalue()
    if not color:  # table cells are padded to full width; plain text need not carry that
        rendered = "\n".join(line.rstrip() for line in rendered.splitlines())
    return rendered.rstrip("\n") + "\n"


def _sections(a: Analysis) -> list[RenderableType]:
    """The view top to bottom; optional findings appear only when the analysis has them."""
    parts: list[RenderableType] = [_header(a), _structure(a), _quotes(a), _sources(a)]
    if a.claims:
        parts.append(_claims(a.claims))
    if a.headline_check:
        parts.append(_headline_check(a.headline_check))
    if has_transparency(a):
        parts.append(_titled("Transparency", _pairs(transparency_rows(a.transparency))))
    if a.errors:
        parts.append(_titled("Errors", Group(*(Text(f"- {e}", style="red") for e in a.errors))))
    return parts


def _titled(title: str, body: RenderableType) -> Group:
    """A section: underlined title, then its body."""
    return Group(Text(title, style="bold underline"), body)


def _indent(*items: RenderableType, level: int = 1) -> Padding:
    """Indent so that wrapped continuation lines stay under their item."""
    return Padding(Group(*items), (0, 0, 0, 2 * level))


def _pairs(rows: list[tuple[str, str]]) -> Table:
    """Label/value rows aligned in two columns, without borders."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    return table


def _header(a: Analysis) -> Group:
    """What the article is: section, headline, byline and known metadata."""
    h = header(a)
    lines: list[RenderableType] = []
    if h.section:
        lines.append(Text(h.section.upper(), style="dim"))
    lines.append(Text(h.headline or "(no headline found)", style="bold"))
    if h.byline:
        lines.append(Text(h.byline, style="italic"))
    if h.meta:
        lines.append(_pairs(h.meta))
    return Group(*lines)


def _structure(a: Analysis) -> Text:
    """Line roles at a glance, and how much non-article text was dropped."""
    roles = Counter(line.role for line in a.lines if line.role != "boilerplate")
    kept = ", ".join(f"{n} {role}" for role, n in roles.most_common()) or "none"
    return Text(f"Lines kept: {kept}. Boilerplate lines removed: {boilerplate_count(a)}.")


def _quotes(a: Analysis) -> RenderableType:
    if not a.quotes:
        return _titled("Quotes", Text("No quotes found."))
    kinds = Counter(q.kind for q in a.quotes)
    title = f"Quotes ({kinds['direct']} direct, {kinds['indirect']} indirect)"
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Cue", max_width=16, overflow="fold")
    table.add_column("Via", ratio=2)
    table.add_column("Quote", ratio=6)
    for n, q in enumerate(a.quotes, 1):
        table.add_row(
            Text(str(n)),
            Text(q.kind, style=KIND_STYLES[q.kind]),
            Text(speaker_label(q.speaker, q.speaker_type)),
            Text(q.cue.text if q.cue else ""),
            Text(" ← ".join(q.via)),
            Text(shorten(q.text, QUOTE_CHARS)),
        )
    return _titled(title, table)


def _sources(a: Analysis) -> RenderableType:
    groups = sources_by_type(a)
    if not groups:
        return _titled("Sources", Text("No sources found."))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Type")
    table.add_column("Source")
    table.add_column("Quotes", justify="right")
    for label, members in groups:
        for i, source in enumerate(members):
            table.add_row(Text(label if i == 0 else "", style="bold"), Text(source.name), Text(str(len(source.quote_ids))))
    return _titled(f"Sources ({len(a.sources)})", table)


def _claims(claims: list[Claim]) -> Group:
    """One row per claim, with a hanging indent so the claim number stays visible."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for n, c in enumerate(claims, 1):
        via = f" via {' ← '.join(c.via)}" if c.via else ""
        reactions = [
            Text.assemble((r.status, STATUS_STYLES[r.status]), f" by {speaker_label(r.by)}: ", shorten(r.text, QUOTE_CHARS))
            for r in c.reactions
        ]
        body = Group(
            Text.assemble((f"[{c.status}] ", "bold"), shorten(c.text, QUOTE_CHARS * 2)),
            _indent(Text(f"source: {speaker_label(c.source)}{via}"), *reactions),
        )
        table.add_row(Text(f"C{n}"), body)
    return _titled("Claims", table)


def _headline_check(check: HeadlineCheck) -> Group:
    items: list[RenderableType] = [Text(check.text, style="bold")]
    for f in check.findings:
        items.append(_indent(Text.assemble(
            (VERDICT_LABELS[f.verdict], VERDICT_STYLES[f.verdict]), f": {f.assertion}",
            style="dim" if f.verdict == "not_in_body" else "",
        )))
        evidence = [Text(f"evidence: {shorten(e.text, QUOTE_CHARS)}") for e in f.evidence]
        items.append(_indent(Text(f"why: {f.why}"), *evidence, level=2))
    if check.sensational:
        words = ", ".join(f"{w.word} ({'also in body' if w.in_body else 'headline only'})" for w in check.sensational)
        items.append(_indent(Text(f"sensational words: {words}")))
    return _titled("Headline check", Group(*items))
