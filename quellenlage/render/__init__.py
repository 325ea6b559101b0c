"""Views of an `Analysis`: terminal text (Rich), JSON (the schema as is) and a self-contained HTML report.

Each view is imported when first asked for, so that a JSON run does not build the report's
templates (a fiftieth of the cold start of `quellenlage analyze -f json`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quellenlage.render.html import render_html
    from quellenlage.render.json import render_json
    from quellenlage.render.text import render_text

_VIEWS = {"render_html": "html", "render_json": "json", "render_text": "text"}

__all__ = ["render_html", "render_json", "render_text"]


def __getattr__(name: str) -> Any:
    if name not in _VIEWS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"quellenlage.render.{_VIEWS[name]}"), name)
