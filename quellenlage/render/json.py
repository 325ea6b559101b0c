"""The machine view: the `Analysis` model as documented, nothing added or renamed."""

from __future__ import annotations

from quellenlage.schema import Analysis


def render_json(a: Analysis) -> str:
    """Pretty JSON with non-ASCII kept as UTF-8 (German text stays readable); it validates back into `Analysis`."""
    return a.model_dump_json(indent=2) + "\n"
