"""Views of an `Analysis`: terminal text (Rich), JSON (the schema as is) and a self-contained HTML report."""

from quellenlage.render.html import render_html
from quellenlage.render.json import render_json
from quellenlage.render.text import render_text

__all__ = ["render_html", "render_json", "render_text"]
