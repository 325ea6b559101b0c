"""The unit of work: one article's text plus what we know about where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from quellenlage.schema import Line


@dataclass
class Article:
    text: str
    id: str | None = None
    meta: dict[str, str | None] = field(default_factory=dict)
    input_format: str = "text"
    #: Line roles already known from the page's markup (HTML input); empty for plain text.
    lines: list[Line] = field(default_factory=list)
