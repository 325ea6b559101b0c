"""First names: whether a word is one and its gender, from gender-guesser's name dictionary.

One loader for every stage that needs it (a name line in `structure`, a person's gender in
`attribution`). gender-guesser parses its 60,000 names in about 0.3 s at every start, so what
we read of it (each name's gender in German and US usage and overall) is derived once per
machine and kept as JSON in the user's cache folder (as simplemma's dictionary is:
`quellenlage.cache`), named after the installed data file; where the folder cannot be written,
the dictionary is parsed as before. Loaded on first use only.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from quellenlage.cache import cache_dir

logger = logging.getLogger("quellenlage")

#: The usages we read, in the order of a name's code letters; None: over all countries.
COUNTRIES = ("germany", "usa", None)
#: gender-guesser's answers, one letter each ("unknown" is a name that is not in the table).
CODES = {"male": "m", "mostly_male": "M", "female": "f", "mostly_female": "F", "andy": "a"}
ANSWERS = {code: answer for answer, code in CODES.items()}


def _data_file() -> Path:
    spec = find_spec("gender_guesser")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("gender_guesser")
    return Path(spec.origin).parent / "data" / "nam_dict.txt"


def _derive() -> dict[str, str]:
    """lower-case name -> its answers for COUNTRIES, parsed from gender-guesser's data file."""
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    return {name: "".join(CODES[detector.get_gender(name, c)] for c in COUNTRIES) for name in detector.names}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    stat = _data_file().stat()
    path = cache_dir() / f"gender-guesser-{stat.st_size}-{stat.st_mtime_ns}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError):
        pass
    table = _derive()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(table, out, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError as err:  # a read-only home: parse at every start
        logger.info("gender-guesser's names are not cached (%s): %s", path, err)
    return table


def gender(name: str, country: str | None = None) -> str:
    """gender-guesser's answer for a first name ('male', 'mostly_female', 'andy', 'unknown' …)
    in a country's usage ('germany', 'usa') or over all countries."""
    codes = _table().get(name.lower())
    return "unknown" if codes is None else ANSWERS[codes[COUNTRIES.index(country)]]


@lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a known first name (German usage first, then any), else None."""
    if not name[:1].isupper() or name.endswith("."):
        return None
    part = name.split("-")[0]
    for answer in (gender(part, "germany"), gender(part)):
        if answer in ("male", "mostly_male"):
            return "m"
        if answer in ("female", "mostly_female"):
            return "f"
    return None


def is_first_name(name: str) -> bool:
    """A first name of either or no clear gender ("Kim", "Andrea")."""
    return name[:1].isupper() and gender(name.split("-")[0]) != "unknown"
