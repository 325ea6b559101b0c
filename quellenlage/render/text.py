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

from quellenlage.render.i18n import translations
from quellenlage.render.i18n import ui_language as choose_ui_language
from quellenlage.render.summary import (
    VERDICT_LABELS,
    Gettext,
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


def render_text(a: Analysis, width: int = 100, color: bool = False, ui_language: str = "auto") -> str:
    """Render `a` for a terminal; plain text unless `color` asks for ANSI styles. The labels are
    in `ui_language` ('de', 'en'; 'auto': the article's language)."""
    _ = translations(choose_ui_language(ui_language, a.meta.language)).gettext
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
    )
    for part in _sections(a, _):
        console.print(part)
        console.print()
    rendered = out.getvalue()
    if not color:  # table cells are padded to full width; plain text need not carry that
        rendered = "\n".join(line.rstrip() for line in rendered.splitlines())
    return rendered.rstrip("\n") + "\n"


def _sections(a: Analysis, _: Gettext) -> list[RenderableType]:
    """The view top to bottom; optional findings appear only when the analysis has them."""
    parts: list[RenderableType] = [_header(a, _), _structure(a, _), _quotes(a, _), _sources(a, _)]
    if a.claims:
        parts.append(_claims(a.claims, _))
    if a.headline_check:
        parts.append(_headline_check(a.headline_check, _))
    if has_transparency(a):
        parts.append(_titled(_("Transparency"), _pairs(transparency_rows(a.transparency, _))))
    if a.errors:
        parts.append(_titled(_("Errors"), Group(*(Text(f"- {e}", style="red") for e in a.errors))))
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


def _header(a: Analysis, _: Gettext) -> Group:
    """What the article is: section, headline, byline and known metadata."""
    h = header(a, _)
    lines: list[RenderableType] = []
    if h.section:
        lines.append(Text(h.section.upper(), style="dim"))
    lines.append(Text(h.headline or _("(no headline found)"), style="bold"))
    if h.byline:
        lines.append(Text(h.byline, style="italic"))
    if h.meta:
        lines.append(_pairs(h.meta))
    return Group(*lines)


def _structure(a: Analysis, _: Gettext) -> Text:
    """Line roles at a glance, and how much non-article text was dropped."""
    roles = Counter(line.role for line in a.lines if line.role != "boilerplate")
    kept = ", ".join(f"{n} {_(role)}" for role, n in roles.most_common()) or _("none")
    summary = _("Lines kept: %(kept)s. Boilerplate lines removed: %(removed)s.")
    return Text(summary % {"kept": kept, "removed": boilerplate_count(a)})


def _quotes(a: Analysis, _: Gettext) -> RenderableType:
    if not a.quotes:
        return _titled(_("Quotes"), Text(_("No quotes found.")))
    kinds = Counter(q.kind for q in a.quotes)
    counts = _("%(direct)s direct, %(indirect)s indirect") % {"direct": kinds["direct"], "indirect": kinds["indirect"]}
    title = f"{_('Quotes')} ({counts})"
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Kind"), no_wrap=True)
    table.add_column(_("Speaker"), ratio=2)
    table.add_column(_("Cue"), max_width=16, overflow="fold")
    table.add_column(_("Via"), ratio=2)
    table.add_column(_("Quote"), ratio=6)
    for n, q in enumerate(a.quotes, 1):
        table.add_row(
            Text(str(n)),
            Text(_(q.kind), style=KIND_STYLES[q.kind]),
            Text(speaker_label(q.speaker, q.speaker_type, _)),
            Text(q.cue.text if q.cue else ""),
            Text(" ← ".join(q.via)),
            Text(shorten(q.text, QUOTE_CHARS)),
        )
    return _titled(title, table)


def _sources(a: Analysis, _: Gettext) -> RenderableType:
    groups = sources_by_type(a, _)
    if not groups:
        return _titled(_("Sources"), Text(_("No sources found.")))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(_("Type"))
    table.add_column(_("Source"))
    table.add_column(_("Quotes"), justify="right")
    for label, members in groups:
        for i, source in enumerate(members):
            table.add_row(Text(label if i == 0 else "", style="bold"), Text(source.name), Text(str(len(source.quote_ids))))
    return _titled(f"{_('Sources')} ({len(a.sources)})", table)


def _claims(claims: list[Claim], _: Gettext) -> Group:
    """One row per claim, with a hanging indent so the claim number stays visible."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for n, c in enumerate(claims, 1):
        via = f" {_('via')} {' ← '.join(c.via)}" if c.via else ""
        reactions = [
            Text.assemble((_(r.status), STATUS_STYLES[r.status]), f" {_('by')} {speaker_label(r.by, _=_)}: ",
                          shorten(r.text, QUOTE_CHARS))
            for r in c.reactions
        ]
        body = Group(
            Text.assemble((f"[{_(c.status)}] ", "bold"), shorten(c.text, QUOTE_CHARS * 2)),
            _indent(Text(_("source: %(source)s") % {"source": speaker_label(c.source, _=_)} + via), *reactions),
        )
        table.add_row(Text(f"C{n}"), body)
    return _titled(_("Claims"), table)


def _headline_check(check: HeadlineCheck, _: Gettext) -> Group:
    items: list[RenderableType] = [Text(check.text, style="bold")]
    for f in check.findings:
        items.append(_indent(Text.assemble(
            (_(VERDICT_LABELS[f.verdict]), VERDICT_STYLES[f.verdict]), f": {f.assertion}",
            style="dim" if f.verdict == "not_in_body" else "",
        )))
        evidence = [Text(_("evidence: %(text)s") % {"text": shorten(e.text, QUOTE_CHARS)}) for e in f.evidence]
        items.append(_indent(Text(_("why: %(why)s") % {"why": f.why}), *evidence, level=2))
    if check.sensational:
        words = ", ".join(f"{w.word} ({_('also in body') if w.in_body else _('headline only')})" for w in check.sensational)
        items.append(_indent(Text(_("sensational words: %(words)s") % {"words": words})))
    return _titled(_("Headline check"), Group(*items))
