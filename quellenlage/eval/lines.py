"""Line-role figures of one page: the confusion of gold and predicted roles, and whether the
gold headline line was found (ANNOTATION.md section 1)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

ROLES = ("section", "headline", "teaser", "byline", "caption", "subheading", "paragraph", "boilerplate")


@dataclass
class LineScores:
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> lines
    headline_found: bool = False


def line_scores(gold_lines: dict[str, str], predicted: dict[int, str]) -> LineScores:
    """Confusion over the lines the gold lists; the headline is found when a gold headline line
    is predicted as headline (a page with no gold headline counts as found when none is predicted)."""
    scores = LineScores()
    for index, role in gold_lines.items():
        scores.confusion[(role, predicted.get(int(index), "none"))] += 1
    gold_headlines = {int(i) for i, r in gold_lines.items() if r == "headline"}
    if gold_headlines:
        scores.headline_found = any(predicted.get(i) == "headline" for i in gold_headlines)
    else:
        scores.headline_found = "headline" not in predicted.values()
    return scores


def confusion_table(confusion: Counter) -> str:
    """Rows gold, columns predicted, as fixed-width text."""
    cols = [r for r in ROLES] + (["none"] if any(p == "none" for _, p in confusion) else [])
    width = 11
    out = ["gold \\ pred".ljust(width) + "".join(c[:9].rjust(width) for c in cols)]
    for g in ROLES:
        row = [confusion.get((g, p), 0) for p in cols]
        if sum(row):
            out.append(g.ljust(width) + "".join(str(n).rjust(width) for n in row))
    return "\n".join(out)
