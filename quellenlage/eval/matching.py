"""When a predicted name is the gold name: the rule of ANNOTATION.md §2 (last paragraph) and §5.

Names are compared case-folded and without a leading article ("die Polizei" = "Polizei"); a
shorter predicted form counts when every one of its words occurs in the gold name ("Peskow" for
"Dmitri Peskow", "Gericht" for "Gericht in Den Haag"). Sources are more lenient: one name
containing the other's words counts too ("Kremlsprecher Dmitri Peskow" for "Dmitri Peskow").
"""

from __future__ import annotations

import re
from typing import Optional

WORD = re.compile(r"\w+")
# The German articles a name may start with (definite and indefinite, every case).
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())


def normalise_name(name: str) -> str:
    """Case-folded, spaces collapsed, a leading article dropped (when a name follows it)."""
    parts = name.casefold().split()
    if len(parts) > 1 and parts[0] in ARTICLES:
        parts = parts[1:]
    return " ".join(parts)


def name_words(name: str) -> set[str]:
    return set(WORD.findall(normalise_name(name)))


def names_match(pred: Optional[str], gold: Optional[str]) -> bool:
    """The speaker rule: the same name after case-folding and dropping a leading article, or a
    shorter predicted form all of whose words occur in the gold name. None matches only None."""
    if pred is None or gold is None:
        return pred is None and gold is None
    if normalise_name(pred) == normalise_name(gold):
        return True
    words = name_words(pred)
    return bool(words) and words <= name_words(gold)


def sources_match(pred: str, gold: str) -> bool:
    """The source rule: the speaker rule, or one name containing the other, word for word
    ("Kremlsprecher Dmitri Peskow" for "Dmitri Peskow"; not "IA" for "Wikipedia")."""
    return names_match(pred, gold) or names_match(gold, pred)


def source_score(pred: str, gold: str) -> float:
    """Pairing preference for sources: the same name beats a matching one, so that a greedy
    one-to-one pairing keeps exact pairs."""
    if normalise_name(pred) == normalise_name(gold):
        return 2.0
    return 1.0 if sources_match(pred, gold) else 0.0
