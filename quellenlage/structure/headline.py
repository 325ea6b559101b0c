"""The headline as a reader sees it: without the site name that page titles carry.

Page titles and scraped headline lines end in the outlet ("… | ZEIT ONLINE", "… - Wirtschaft -
Süddeutsche.de"). A pipe is never part of a German headline, so what follows the last pipe
goes when it is short; a dash is part of many headlines, so what follows it goes only when it
is recognisably a site: a domain, the page's own site name, or a word outlets name themselves
with (site_words.tsv of the page's language).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quellenlage.lexicons import words
from quellenlage.structure.cues import lexicon_language

SEPARATOR = re.compile(r"\s+(\||–|—|-|::|·|•)\s+")
DOMAIN = re.compile(r"\b[\w-]+\.(de|at|ch|com|net|org|info|eu|news)\b", re.IGNORECASE)
#: A site name is short; anything longer after a separator is part of the headline.
MAX_SITE_WORDS = 5


def _is_site(part: str, separator: str, site: str | None, language: str = "de") -> bool:
    part = part.strip()
    n = len(part.split())
    if not part or n > MAX_SITE_WORDS:
        return False
    if site and part.lower().startswith(site.strip().lower()):
        return True
    if DOMAIN.search(part):
        return True
    if separator == "|" or separator == "::":
        return True
    tokens = {w.lower() for w in re.findall(r"\w+", part)}
    return bool(tokens & words(lexicon_language(language), "site_words.tsv"))


@lru_cache(maxsize=16384)  # every line of a page is asked whether it is a title: sites repeat their lines
def strip_site_name(title: str, site: str | None = None, language: str = "de") -> str:
    """The title without trailing site-name parts; the title itself when nothing is one. Once
    the site is gone, a one- or two-word part before it with the same separator is the
    section ("Title - Wirtschaft - Süddeutsche.de") and goes too."""
    text = " ".join(title.split())
    first = SEPARATOR.search(text)
    if first and _is_site(text[: first.start()], "", site, language) and len(text[first.end():].split()) > MAX_SITE_WORDS:
        text = text[first.end():]  # "ZEIT ONLINE | Title …"
    stripped_sep = None
    while True:
        matches = list(SEPARATOR.finditer(text))
        if not matches or matches[-1].start() == 0:
            break
        m = matches[-1]
        tail, sep = text[m.end():], m.group(1)
        section = stripped_sep == sep and len(tail.split()) <= 2
        if not (section or (stripped_sep is None and _is_site(tail, sep, site, language))):
            break
        text, stripped_sep = text[: m.start()].rstrip(), sep
    return text.strip()


#: Markup around a line that says it is not the article's own heading.
FURNITURE_CONTEXT = frozenset({"nav", "footer", "aside", "form", "cls:nav", "cls:related", "cls:sidebar", "cls:footer"})
#: Share of the line's and the title's words a headline shares with the page title.
MIN_TITLE_SIMILARITY = 0.75


def title_line(texts: Sequence[str], contexts: Sequence[frozenset[str]], *titles: str, site: str | None = None,
               language: str = "de") -> int | None:
    """The line of a page that is its headline by the page's own markup: outside navigation
    and boxes of other articles, the line most like one of the page's titles (og:title,
    <title>; site name cut; failing the whole title, its first part before a separator),
    preferring an h1, then any heading; failing that, the first h1 there, and failing that
    the best match in the furniture (some sites put the article's h1 in an aside); None when
    no line is like the title and there is no h1."""
    from quellenlage.structure.features import title_similarity

    candidates: list[tuple[str, float]] = []
    for title in titles:
        clean = strip_site_name(title or "", site, language)
        if clean:
            candidates.append((clean, 1.0))
            parts = SEPARATOR.split(clean)
            if len(parts) >= 3 and len(parts[0].split()) >= 2:
                candidates.append((parts[0], 0.8))  # "Ein Albtraum - DER SPIEGEL 52/2018"
    def best_match(furniture: bool) -> int | None:
        best, found = 0.0, None
        for i, (text, ctx) in enumerate(zip(texts, contexts)):
            if len(text.split()) > 40 or not candidates or bool(ctx & FURNITURE_CONTEXT) != furniture:
                continue
            sim = max(weight * title_similarity(text, title) for title, weight in candidates)
            if sim < MIN_TITLE_SIMILARITY * 0.8:
                continue
            score = sim + 0.3 * ("h1" in ctx) + 0.15 * ("heading" in ctx)
            if score > best:
                best, found = score, i
        return found

    found = best_match(furniture=False)
    if found is None:
        found = next((i for i, ctx in enumerate(contexts) if "h1" in ctx and not ctx & FURNITURE_CONTEXT
                      and 1 <= len(texts[i].split()) <= 40), None)
    return found if found is not None else best_match(furniture=True)
