"""What every human-readable view shows, computed once so the terminal and HTML views agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Optional, get_args

from quellenlage.schema import Analysis, HeadlineFinding, LineRole, Source, SourceType, Speaker, Transparency

SOURCE_TYPE_LABELS: dict[SourceType, str] = {
    "person": "Persons",
    "organization": "Organizations",
    "media": "Media",
    "agency": "Agencies",
    "document": "Documents",
    "anonymous": "Anonymous",
}
assert set(SOURCE_TYPE_LABELS) == set(get_args(SourceType)), "every source type needs a label"

# The headline verdicts in calibrated words: what the body shows, never "false".
VERDICT_LABELS: dict[str, str] = {
    "supported": "the body states it",
    "attributed_only": "the headline names its source",
    "unsupported_as_fact": "stated as fact; the body does not vouch for it",
    "not_in_body": "not found in the body",
}
assert set(VERDICT_LABELS) == set(get_args(HeadlineFinding.model_fields["verdict"].annotation)), "every verdict needs a label"


#: A translation of a UI label (`quellenlage.render.i18n`); the English labels are the msgids.
Gettext = Callable[[str], str]


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Header:
    """The article's identity as the page presents it, falling back to metadata."""

    section: Optional[str]
    headline: Optional[str]
    byline: Optional[str]
    meta: list[tuple[str, str]] = field(default_factory=list)


def first_line(a: Analysis, role: LineRole) -> Optional[str]:
    """The stripped text of the first line with `role`, if the structure step found one."""
    return next((line.text.strip() for line in a.lines if line.role == role and line.text.strip()), None)


def header(a: Analysis, _: Gettext = _same) -> Header:
    """Section, headline, byline and the known metadata fields (unknown ones are left out)."""
    m = a.meta
    headline = first_line(a, "headline") or m.title or (a.headline_check.text if a.headline_check else None)
    known = [("Date", m.date), ("Site", m.site), ("Author", m.author), ("URL", m.url), ("Input", m.input_name)]
    return Header(
        section=first_line(a, "section"),
        headline=headline,
        byline=first_line(a, "byline"),
        meta=[(_(label), value) for label, value in known if value],
    )


def boilerplate_count(a: Analysis) -> int:
    """How many lines the structure step classified as not belonging to the article."""
    return sum(1 for line in a.lines if line.role == "boilerplate")


def sources_by_type(a: Analysis, _: Gettext = _same) -> list[tuple[str, list[Source]]]:
    """Sources grouped under a plural label, in a fixed type order; empty groups are left out."""
    groups = [(_(label), [s for s in a.sources if s.type == kind]) for kind, label in SOURCE_TYPE_LABELS.items()]
    return [(label, members) for label, members in groups if members]


def speaker_label(speaker: Optional[Speaker], fallback_type: str = "unknown", _: Gettext = _same) -> str:
    """`Name (type)`, or a plain marker when the article names no source."""
    if speaker is None:
        return _("no source given") if fallback_type == "unknown" else f"({_(fallback_type)})"
    return f"{speaker.name} ({_(speaker.type)})"


def shorten(text: str, limit: int) -> str:
    """Collapse whitespace and cut at a word boundary so long quotes fit a table cell."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut + "…"


def has_transparency(a: Analysis) -> bool:
    """Transparency always exists in the schema; it is only worth showing once something was counted."""
    return a.transparency != Transparency()


def transparency_rows(t: Transparency, _: Gettext = _same) -> list[tuple[str, str]]:
    """The transparency figures as label/value pairs, the share as a percentage."""
    share = _("%(part)s of %(whole)s") % {"part": t.attributed_sentences, "whole": t.body_sentences}
    return [
        (_("Named sources"), str(t.named_sources)),
        (_("Anonymous sources"), str(t.anonymous_sources)),
        (_("Attributed body sentences"), f"{share} ({t.attributed_share:.0%})"),
        (_("Single-source claims"), str(t.single_source_claims)),
    ]
