"""First names: whether a word is one and its gender, from gender-guesser's name dictionary.

One loader for every stage that needs it (a name line in `structure`, a person's gender in
`attribution`). The dictionary takes about 0.3 s to load, so it is loaded on first use only.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a known first name (German usage first, then any), else None."""
    if not name[:1].isupper() or name.endswith("."):
        return None
    part = name.split("-")[0]
    for answer in (_detector().get_gender(part, "germany"), _detector().get_gender(part)):
        if answer in ("male", "mostly_male"):
            return "m"
        if answer in ("female", "mostly_female"):
            return "f"
    return None


def is_first_name(name: str) -> bool:
    """A first name of either or no clear gender ("Kim", "Andrea")."""
    return name[:1].isupper() and _detector().get_gender(name.split("-")[0]) != "unknown"
