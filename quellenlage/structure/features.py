"""Features of every line of a page for the line-role model (a linear-chain CRF).

A line is described by its own shape (length, final punctuation, capitalisation, digits and
dates, bullets, separators), the lexicon cues of `Cues`, where it sits relative to the run of
prose that is the article body, the runs of short lines it belongs to, whether the page repeats
it, its similarity to the page title when known, the role the rules (`LineRules`) give it, the same few facts of its neighbours, and,
for HTML input, the markup it came from (`quellenlage.ingest.dom`). Features are strings
(present = 1), as python-crfsuite takes them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Sequence

from quellenlage.structure.cues import BREADCRUMB, DATE_LINE, WORD, Cues, Shape
from quellenlage.structure.rules import LineRules

MONTHS = (r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
          r"Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|January|February|March|May|June|"
          r"July|October|December")
DATE = re.compile(rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?(\d{{2,4}})?\b|\b\d{{1,2}}\.?\s+({MONTHS})\b|\b({MONTHS})\.?\s+\d{{1,2}}\b"
                  r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
                  rf"|\b\d{{1,2}}(st|nd|rd|th)\s+({MONTHS})\b")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(Uhr|h\b|am\b|pm\b)|\b\d{1,2}:\d{2}\b")
RELATIVE_TIME = re.compile(r"\bvor\s+(\d+|einer?)\s+(Std|Stunden?|Min|Minuten?|Tag(en)?|Sek)\b|\b\d+\s+(hours?|minutes?|days?|hrs?|mins?)\s+ago\b"
                           r"|\b(gestern|heute|yesterday|today)\b", re.IGNORECASE)
READING_TIME = re.compile(r"\b(Lesezeit|Lesedauer|min\.? read|minute read|Min\. Lesezeit)\b|^\W*\d+\s+(Minuten|Min\.?)\W*$", re.IGNORECASE)
SITE_SEPARATOR = re.compile(r"\s[|–—-]\s|\s[|»•·]\s?")
DOMAIN = re.compile(r"\b[\w-]+\.(de|at|ch|com|net|org|info|eu)\b|https?://|www\.", re.IGNORECASE)
QUOTE_MARK = re.compile(r"[„“”\"»«]")
DIGIT = re.compile(r"\d")
NUMBER_ONLY = re.compile(r"^[\W\d]*\d[\W\d]*$")
# Words of a complete clause: the function words German and English sentences cannot do without.
FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war wurde wird hat haben "
    "sich auch mit von zu im in auf für bei nach dass als wie es er sie wir ich man the a an and or is are was "
    "were has have had of to in on for with that it he she they we not".split()
)
#: The DOM context names that are features (see quellenlage.ingest.dom).
NEIGHBOUR_CONTEXT = ("nav", "footer", "aside", "header", "article", "main", "heading", "li", "form")
#: A line of prose: the article body runs from the first such line to the last.
BODY_MIN_WORDS = 12
MAX_PROSE_GAP = 8
#: The opening of the article a headline announces: this many lines of prose from the body's start.
BODY_OPENING_LINES = 6
#: Words are compared by their first letters, so that "Streaming-Modell" and "Streamingdienste",
#: "fordern" and "fordert" meet; shorter words are mostly function words.
STEM = 5
MIN_CONTENT_CHARS = 4


def _bucket(n: float, edges: Sequence[float]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


NON_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)  # a page's lines are keyed, and compared with its title, again and again
def _key(text: str) -> str:
    return NON_ALNUM.sub("", text.lower())


@lru_cache(maxsize=16384)  # see _key
def word_set(text: str) -> frozenset[str]:
    """The words of a text, lower-cased."""
    return frozenset(w.lower() for w in WORD.findall(text))


def title_similarity(line: str, title: str) -> float:
    """The smaller of the shares of each side's words the other contains."""
    a, b = word_set(line), word_set(title)
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return min(shared / len(a), shared / len(b))


def stems(text: str) -> set[str]:
    """The content words of a text, cut to their first STEM letters."""
    return set(_stems(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """`stems`, once per line: the headline features compare the same lines again and again."""
    return frozenset(w.lower()[:STEM] for w in WORD.findall(text) if len(w) >= MIN_CONTENT_CHARS and not w.isdigit())


def overlap(line: set[str], other: set[str]) -> float:
    """Share of a line's content words that the other text has."""
    return len(line & other) / len(line) if line else 0.0


def main_prose_run(shapes: Sequence[Shape]) -> tuple[int, int]:
    """First and last line of the article body's prose: lines of prose (a sentence of
    BODY_MIN_WORDS words or more) that follow each other with at most MAX_PROSE_GAP other
    lines between them form runs, and the run with most words is the body. A promotion in
    sentences above the headline or a cookie notice at the foot is not where the body starts
    or ends. (len, -1) when there is no prose."""
    runs: list[list[int]] = []
    for k, s in enumerate(shapes):
        if s.terminal and s.words >= BODY_MIN_WORDS:
            if runs and k - runs[-1][-1] <= MAX_PROSE_GAP + 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    if not runs:
        return len(shapes), -1
    main = max(runs, key=lambda run: sum(shapes[k].words for k in run))
    return main[0], main[-1]


# Features that say a pattern occurs somewhere in the line.
SEARCHED = (
    ("clock", CLOCK),
    ("relative-time", RELATIVE_TIME),
    ("reading-time", READING_TIME),
    ("separator", SITE_SEPARATOR),
    ("domain", DOMAIN),
    ("quote-mark", QUOTE_MARK),
)


class PageFeatures:
    """Turns a page's lines into per-line feature lists."""

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues or Cues()
        self.rules = LineRules(self.cues)

    @lru_cache(maxsize=16384)  # noqa: B019 - one PageFeatures per process; sites repeat their furniture
    def own_of(self, raw: str) -> tuple[str, ...]:
        return tuple(self.own(self.cues.shape(0, 0, raw)))

    def own(self, s: Shape) -> list[str]:
        """The features of the line alone."""
        text = s.text
        words = WORD.findall(text)
        n = len(words)
        f = [f"w={_bucket(n, (0, 1, 2, 3, 5, 8, 12, 20, 35, 60))}", f"c={_bucket(len(text), (3, 10, 25, 50, 90, 160, 300))}"]
        if s.terminal:
            f.append("terminal")
        last = text[-1:] if text else ""
        if last in "?!:…":
            f.append(f"end={last}")
        if s.bullet:
            f.append("bullet")
        if s.heading_like:
            f.append("heading-like")
        if n:
            fn = sum(w.lower() in FUNCTION_WORDS for w in words) / n
            f.append(f"func={_bucket(fn, (0.0, 0.1, 0.2, 0.35))}")
            if text.isupper() and n <= 8:
                f.append("allcaps")
        if NUMBER_ONLY.match(text):
            f.append("number-only")
        elif len(DIGIT.findall(text)) > 0.3 * len(text):
            f.append("digit-heavy")
        if DATE.search(text):
            f.append("date" if n > 8 else "date-short")
        if DATE_LINE.match(text):
            f.append("date-line")
        f += [name for name, pattern in SEARCHED if pattern.search(text)]
        if "©" in text or "(c)" in text.lower():
            f.append("copyright")
        if BREADCRUMB.match(text) and not s.terminal:
            f.append("breadcrumb")
        cue = self.cues.boilerplate_cue(s)
        if cue:
            # The lexicon's kinds share one feature with English furniture the training pages
            # teach; a German reader address ("Melden Sie sich …") has only its own, so that
            # an interviewer's question ("Wie sehen Sie Ihre Rolle?") is not furniture by default.
            f += [f"cue={cue}"] if cue.startswith("reader-") else ["cue", f"cue={cue}"]
        if self.cues.is_caption(s):
            f.append("credit")
        if self.cues.is_byline(s):
            f.append("byline-shape")
        return f

    def page(
        self,
        lines: Sequence[str],
        context: Sequence[frozenset[str]] | None = None,
        link_density: Sequence[float] | None = None,
        title: str | None = None,
    ) -> list[list[str]]:
        """Feature lists for the non-blank `lines` of one page, in order. `context` and
        `link_density` come from the markup (HTML input), `title` from the page's head."""
        shapes = [self.cues.shape(i, 0, raw) for i, raw in enumerate(lines)]
        rule = [role for role, _ in self.rules.roles(shapes)]
        own = [self.own_of(raw) for raw in lines]
        n = len(shapes)
        first, last = main_prose_run(shapes)
        keys = [_key(s.text) for s in shapes]
        counts = Counter(keys)
        short = [s.words <= 6 and not s.terminal for s in shapes]
        run_len = [0] * n
        k = 0
        while k < n:
            j = k
            while j < n and short[j] == short[k]:
                j += 1
            for m in range(k, j):
                run_len[m] = j - k if short[k] else 0
            k = j
        long_lines = sorted(range(n), key=lambda i: -shapes[i].words)[:3]
        # The headline is most often the longest title-like line just before the body.
        lead_in = [i for i in range(max(0, first - 8), min(first, n)) if shapes[i].heading_like and shapes[i].words >= 3]
        title_like = max(lead_in, key=lambda i: shapes[i].words, default=None)
        # A headline announces its article: it shares words with the teaser and the body's
        # opening, where navigation and the titles of other articles mostly do not.
        opening_lines = [i for i in range(max(0, first - MAX_PROSE_GAP), min(n, last + 1)) if shapes[i].paragraph_like]
        opening = set().union(*(stems(shapes[i].text) for i in opening_lines[:BODY_OPENING_LINES + 2]))
        # The headline is the title nearest above the body: titles counted upwards from the
        # body's first prose line, over dates, bylines, captions and the teaser.
        rank = {}
        for i in range(min(first, n) - 1, max(-1, first - 1 - 2 * MAX_PROSE_GAP), -1):
            if shapes[i].heading_like and shapes[i].words >= 2 and not DATE.search(shapes[i].text) \
                    and not self.cues.is_byline(shapes[i]) and not self.cues.boilerplate_cue(shapes[i]):
                rank[i] = len(rank) + 1
        pages = []
        for i, s in enumerate(shapes):
            f = ["bias", *own[i], f"rule={rule[i]}"]
            if i < first:
                zone = f"before-body={_bucket(first - i, (1, 2, 3, 5, 8, 15))}"
            elif i > last:
                zone = f"after-body={_bucket(i - last, (1, 2, 3, 5, 8, 15))}"
            else:
                zone = "in-body"
            f.append(zone)
            # What a shape means depends on where the line is: a title-like line just above
            # the body is the headline, inside it a subheading, below it a link.
            f += [f"{zone}&{x}" for x in own[i] if x.startswith(("w=", "terminal", "heading-like", "cue", "date"))]
            if run_len[i]:
                f.append(f"short-run={_bucket(run_len[i], (1, 2, 4, 9))}")
            if counts[keys[i]] > 1:
                f.append("repeated")
            if i in long_lines:
                f.append("among-longest")
            if i == title_like:
                f.append("longest-title-like-before-body")
            if i in rank:
                f.append(f"title-rank={_bucket(rank[i], (1, 2, 3))}")
            if not first <= i <= last and opening:
                sim = overlap(stems(s.text), opening)
                f.append(f"body-sim={_bucket(sim, (0.0, 0.25, 0.5, 0.75))}")
                f.append(f"{zone}&body-sim={_bucket(sim, (0.0, 0.25, 0.5, 0.75))}")
            if title:
                sim = title_similarity(s.text, title)
                if keys[i] == _key(title):
                    f.append("title=exact")
                elif sim > 0:
                    f.append(f"title={_bucket(sim, (0.3, 0.6, 0.85, 1.0))}")
            if context is not None:
                f += [f"dom:{c}" for c in sorted(context[i])]  # sorted: the same model file whatever the hash seed
                if link_density is not None:
                    f.append(f"links={_bucket(link_density[i], (0.0, 0.3, 0.7, 1.0))}")
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    f += [f"{off}:{x}" for x in own[j] if x.startswith(("w=", "terminal", "cue", "credit", "byline-shape", "date", "bullet", "end=", "heading-like"))]
                    if abs(off) == 1:
                        f.append(f"{off}:rule={rule[j]}")
                    if context is not None and abs(off) == 1:
                        f += [f"{off}:dom:{c}" for c in sorted(context[j]) if c in NEIGHBOUR_CONTEXT]
                else:
                    f.append(f"{off}:none")
            pages.append(f)
        return pages
