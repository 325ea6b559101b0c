"""The user's cache folder, where data derived from installed packages is kept between runs."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """`$QUELLENLAGE_CACHE`, else `$XDG_CACHE_HOME/quellenlage`, else `~/.cache/quellenlage`."""
    if os.environ.get("QUELLENLAGE_CACHE"):
        return Path(os.environ["QUELLENLAGE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quellenlage"
