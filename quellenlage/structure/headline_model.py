"""`HeadlineChooser`: which title-like line above a scraped text's body is its headline.

The line-role CRF sees one page in which one line is the headline, so the headline is a rare
label its sequence step cannot weigh well against the kicker, the navigation and the titles of
other articles. Plain text needs a choice among candidates instead: every title-like line near
the start of the body is a candidate, described by what a reader uses to find the headline (it
is the title nearest above the teaser and the body, under the navigation run, followed by
teaser, date or byline lines, and it shares words with the opening of the article it
announces), and a maximum-entropy classifier (python-crfsuite on one-item sequences, trained on
the same silver pages as the line model: training/line_model.py) scores them; the best one is
the headline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from quellenlage.structure.cues import Cues, Shape
from quellenlage.structure.features import DATE, READING_TIME, _bucket, _key, main_prose_run, overlap, stems

MODEL_PATH = Path(__file__).parent / "models" / "headline.crfsuite"
#: Candidates: title-like lines from this many lines above the body's first prose line ...
ABOVE = 15
#: ... to this many below it (the teaser is often the first line of prose, the headline above it).
BELOW = 5
#: A teaser under a headline is a sentence of at least this many words.
MIN_SENTENCE_WORDS = 6
#: A question or exclamation this short is a title ("Wasser: Wie viel säuft die Sau?"), not a
#: sentence of the text.
MAX_TITLE_QUESTION_WORDS = 11
#: The lines after a candidate that tell what follows it.
FOLLOWING = 3
#: The article opening a headline announces: this many lines of prose.
OPENING_LINES = 6


def candidates(shapes: Sequence[Shape], title_like: Sequence[bool]) -> list[int]:
    """The title-like lines around the start of the body's main run of prose, and those right
    above a sentence before it (a teaser may stand far above the body, over a table, a gallery
    or a box)."""
    first, _ = main_prose_run(shapes)
    if first >= len(shapes):
        return []
    return [k for k in range(min(len(shapes), first + BELOW + 1)) if title_like[k] and (
        k >= first - ABOVE or any(s.terminal and s.words >= MIN_SENTENCE_WORDS for s in shapes[k + 1:k + 1 + FOLLOWING]))]


def candidate_features(shapes: Sequence[Shape], cues: Cues, ks: Sequence[int]) -> list[list[str]]:
    """Features of each candidate line `ks` (see the module doc)."""
    first, last = main_prose_run(shapes)
    prose = [k for k in range(len(shapes)) if shapes[k].paragraph_like]
    counts: dict[str, int] = {}
    for s in shapes:
        counts[_key(s.text)] = counts.get(_key(s.text), 0) + 1
    longest = max(ks, key=lambda k: shapes[k].words, default=None)
    out = []
    above = {k: sum(1 for j in ks if k < j < first) for k in ks}
    sentences = [j for j, s in enumerate(shapes) if s.terminal and s.words >= MIN_SENTENCE_WORDS]
    for k in ks:
        s = shapes[k]
        f = [f"w={_bucket(s.words, (2, 3, 5, 8, 12, 18))}", f"to-body={_bucket(first - k, (-3, 0, 1, 2, 3, 5, 8, 12))}",
             f"titles-between={_bucket(above[k], (0, 1, 2, 4))}"]
        below = next((j for j in sentences if j > k), None)
        if below is None:
            f.append("to-sentence=none")
        else:
            f += [f"to-sentence={_bucket(below - k, (1, 2, 3, 5, 8))}",
                  f"titles-to-sentence={_bucket(sum(1 for j in ks if k < j < below), (0, 1, 2))}"]
        f += [f"next-text:{x}" for x in neighbour(shapes, cues, next_text(shapes, cues, k, 1))[:1]]
        f += [f"prev-text:{x}" for x in neighbour(shapes, cues, next_text(shapes, cues, k, -1))[:1]]
        if s.text.endswith(("?", "!")):
            f.append("end=" + s.text[-1])
        if ":" in s.text:
            f.append("colon")
        if k == longest:
            f.append("longest")
        if counts[_key(s.text)] > 1:
            f.append("repeated")
        if cues.boilerplate_cue(s):
            f.append("cue")
        opening = set().union(*(stems(shapes[j].text) for j in [j for j in prose if j > k][:OPENING_LINES]))
        f.append(f"opening-sim={_bucket(overlap(stems(s.text), opening), (0.0, 0.2, 0.4, 0.6))}")
        for off in range(1, FOLLOWING + 1):
            f += [f"+{off}:{x}" for x in neighbour(shapes, cues, k + off)]
        for off in (1, 2):
            f += [f"-{off}:{x}" for x in neighbour(shapes, cues, k - off)]
        out.append(f)
    return out


def next_text(shapes: Sequence[Shape], cues: Cues, k: int, step: int) -> int:
    """The next line from `k` in direction `step` that is text rather than furniture of the
    article's head (a date, byline, credit, furniture cue or a label of one or two words)."""
    j = k + step
    while 0 <= j < len(shapes) and (shapes[j].words <= 2 or DATE.search(shapes[j].text) or READING_TIME.search(shapes[j].text)
                                    or cues.is_byline(shapes[j]) or cues.is_caption(shapes[j]) or cues.boilerplate_cue(shapes[j])):
        j += step
    return j


def neighbour(shapes: Sequence[Shape], cues: Cues, j: int) -> list[str]:
    """What kind of line stands at `j`: prose, sentence, title (a short question or exclamation
    too), short label, date, byline, credit."""
    if not 0 <= j < len(shapes):
        return ["none"]
    s = shapes[j]
    if s.paragraph_like:
        kind = "prose"
    elif s.terminal and not (s.text.endswith(("?", "!")) and s.words <= MAX_TITLE_QUESTION_WORDS):
        kind = "sentence"
    elif s.words <= 2:
        kind = "label"
    else:
        kind = "title"
    f = [kind]
    if DATE.search(s.text) or READING_TIME.search(s.text):
        f.append("date")
    if cues.is_byline(s):
        f.append("byline")
    if cues.is_caption(s):
        f.append("credit")
    if cues.boilerplate_cue(s):
        f.append("cue")
    return f


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


class HeadlineChooser:
    """Scores the candidate lines of a page; the most probable is the headline."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def choose(self, shapes: Sequence[Shape], title_like: Sequence[bool],
               line_model: Callable[[int], float] | None = None) -> int | None:
        """The most probable candidate. With `line_model` (the CRF's headline probability of a
        line), the two models' probabilities are averaged: they err on different pages, the CRF
        where the body is far below the headline, the chooser where a kicker or a second title
        leads the CRF astray."""
        ks = candidates(shapes, title_like)
        best, found = 0.0, None
        tagger = _tagger()
        for k, f in zip(ks, candidate_features(shapes, self.cues, ks)):
            tagger.set([f])
            tagger.tag()
            p = tagger.marginal("headline", 0)
            if line_model is not None:
                p = (p + line_model(k)) / 2
            if p > best:
                best, found = p, k
        return found
