"""The speaker-name rule of ANNOTATION.md §2, in one place for every evaluation that needs it."""

from __future__ import annotations

from typing import Optional

from .metrics import words

# A leading article is dropped before names are compared ("die Polizei" = "Polizei").
ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen".split())


def _name_words(name: str) -> list[str]:
    found = words(name)
    return found[1:] if len(found) > 1 and found[0] in ARTICLES else found


def names_match(pred: Optional[str], gold: Optional[str]) -> bool:
    """ANNOTATION.md §2: the same name after case-folding and dropping a leading article, or a
    shorter predicted form whose every word occurs in the gold name ("Peskow" for "Dmitri
    Peskow", "Gericht" for "Gericht in Den Haag"); null matches only null."""
    if pred is None or gold is None:
        return pred is None and gold is None
    pred_words, gold_words = _name_words(pred), _name_words(gold)
    if not pred_words:
        return False
    return pred_words == gold_words or set(pred_words) <= set(gold_words)
