"""Line-role figures of one page: the confusion of gold and predicted roles, and whether the
gold headline line was found (ANNOTATION.md section 1)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("section", "headline", "teaser", "byline", "caption", "subheading", "paragraph", "boilerplate")


@dataclass
class LineScores:
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> lines
    headline_found: bool = False


def line_scores(gold_lines: dict[str, str], predicted: Mapping[int, str]) -> LineScores:
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


@dataclass
class HtmlPageCheck:
    name: str
    quotes_inside: int
    quotes: int
    headline: str | None
    gold_headlines: list[str]
    roles: LineScores

    @property
    def headline_ok(self) -> bool:
        return self.headline is not None and same_text(self.headline) in {same_text(h) for h in self.gold_headlines}


def same_text(text: str) -> str:
    """A text compared with another: whitespace collapsed, characters composed (NFC), as the
    HTML reader renders them (a gold file may keep a page's decomposed umlauts)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def html_checks(pairs: list[tuple[str, str, dict]], html_dir: Path) -> list[HtmlPageCheck]:
    """Each gold page read from its HTML (the file its `origin.path` names, gzipped, in
    `html_dir`): are the gold quotes inside the analysed text, is the headline the gold one,
    and the roles of the gold lines, matched to the HTML's lines by their text."""
    from quellenlage.errors import QuellenlageError
    from quellenlage.ingest import read_path

    out = []
    for name, text, gold in pairs:
        origin = gold.get("origin")
        if not isinstance(origin, dict) or not origin.get("path"):
            continue
        path = html_dir / (Path(origin["path"]).name + ".gz")
        if not path.is_file():
            continue
        try:
            article = read_path(str(path))
        except QuellenlageError:
            article = None
        quotes = [q["text"] for q in gold.get("quotes", [])]
        gold_text = text.split("\n")
        gold_headlines = [gold_text[int(i)] for i, r in gold.get("lines", {}).items() if r == "headline"]
        roles = LineScores()
        if article is None:
            out.append(HtmlPageCheck(name, 0, len(quotes), None, gold_headlines, roles))
            continue
        flat = same_text(article.text)
        by_text: dict[str, str] = {}
        for line in article.lines:
            by_text.setdefault(same_text(line.text), line.role)
        for i, role in gold.get("lines", {}).items():
            roles.confusion[(role, by_text.get(same_text(gold_text[int(i)]), "none"))] += 1
        headline = next((line.text for line in article.lines if line.role == "headline"), None)
        inside = sum(same_text(q) in flat for q in quotes)
        out.append(HtmlPageCheck(name, inside, len(quotes), headline, gold_headlines, roles))
    return out


def print_html_checks(checks: list[HtmlPageCheck]) -> str:
    if not checks:
        return "HTML path: no page of the gold names an HTML file that is there"
    rows = [f"{'page':<20} {'quotes inside':>14}  headline"]
    confusion: Counter = Counter()
    for c in checks:
        mark = "=" if c.headline_ok else "≠"
        rows.append(f"{c.name:<20} {c.quotes_inside:>6}/{c.quotes:<7}  {mark} {c.headline!r}"
                    + ("" if c.headline_ok else f"  (gold {c.gold_headlines[:1]!r})"))
        confusion.update(c.roles.confusion)
    inside, total = sum(c.quotes_inside for c in checks), sum(c.quotes for c in checks)
    ok = sum(c.headline_ok for c in checks)
    matched = sum(n for (g, p), n in confusion.items() if p != "none")
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    rows.append(f"HTML path: gold quotes inside the analysed text {inside}/{total} ({inside / max(1, total):.1%}), "
                f"headline = gold headline on {ok}/{len(checks)} pages, roles of the gold lines found in the HTML "
                f"{correct}/{matched} ({correct / max(1, matched):.1%}; {sum(confusion.values()) - matched} gold lines "
                "not a line of the HTML)")
    rows.append(confusion_table(confusion))
    return "\n".join(rows)
