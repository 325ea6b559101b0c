"""Matching and scoring rules shared by the evaluations.

ANNOTATION.md fixes how a prediction meets a gold item (token overlap, one-to-one matching;
the name rule is in `matching`); keeping those rules here means `gold` and `spkatt` report
figures that mean the same thing.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Optional, TypeVar

from pydantic import BaseModel, computed_field
from rich.console import Console
from rich.markup import escape

from ..errors import QuellenlageError
from ..schema import Analysis

Span = tuple[int, int]
# Plain texts in, analyses out in the same order: the part of the pipeline API every version has.
AnalyzeMany = Callable[[Iterable[str]], Iterator[Analysis]]

WORD_RE = re.compile(r"\w+")

# Function words that say nothing about what a claim is about; claim matching ignores them.
STOPWORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an auch auf aus bei beim bis bereits da damit
    dann das dass dem den denn der des dessen die dies diese diesem diesen dieser dieses doch dort
    durch ein eine einem einen einer eines er es etwa für gegen habe haben hat hatte hatten hier
    ihm ihn ihr ihre ihrem ihren ihrer im in ins ist ja jedoch kann kein keine man mehr mit nach
    nicht noch nun nur ob oder ohne sei seien sein seine seinem seinen seiner seit sich sie sind so
    soll sollen sowie über um und uns unter vom von vor war waren was weil wenn wer werden wie
    wieder will wird wurde wurden zu zum zur zwischen u a
    """.split()
)

R = TypeVar("R", bound=BaseModel)  # the report a `run_report` computes and shows


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


class PRF(BaseModel):
    """Counts behind precision, recall and F1; counts (not rates) so files sum to a micro average."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @computed_field
    @property
    def precision(self) -> Optional[float]:
        return _ratio(self.tp, self.n_pred)

    @computed_field
    @property
    def recall(self) -> Optional[float]:
        return _ratio(self.tp, self.n_gold)

    @computed_field
    @property
    def f1(self) -> Optional[float]:
        return _ratio(2 * self.tp, self.n_pred + self.n_gold)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            tp=self.tp + other.tp, n_pred=self.n_pred + other.n_pred, n_gold=self.n_gold + other.n_gold
        )


class Ratio(BaseModel):
    """An accuracy as counts, so that it sums over files; `value` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    @computed_field
    @property
    def value(self) -> Optional[float]:
        return _ratio(self.correct, self.total)

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(correct=self.correct + other.correct, total=self.total + other.total)


def words(text: str) -> list[str]:
    """Case-folded \\w+ runs: the token notion of ANNOTATION.md."""
    return [m.group().casefold() for m in WORD_RE.finditer(text)]


def word_spans(text: str, start: int = 0, end: Optional[int] = None) -> list[Span]:
    """Absolute character spans of the \\w+ tokens in text[start:end]."""
    return [(start + m.start(), start + m.end()) for m in WORD_RE.finditer(text[start:end])]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def covered_fraction(pred: Span, gold_tokens: list[Span], text: str) -> float:
    """Share of the gold's tokens that the predicted span touches, each distinct (case-folded)
    word counted once: the reading of ANNOTATION.md's rule that the scheme's own scorer uses."""
    gold = {text[s:e].casefold() for s, e in gold_tokens}
    if not gold:
        return 0.0
    covered = {text[s:e].casefold() for s, e in gold_tokens if overlaps(pred, (s, e))}
    return len(covered) / len(gold)


def greedy_match(candidates: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one assignment of (score, pred, gold) candidates, best score first.

    Greedy rather than optimal because ANNOTATION.md asks for it and it is easy to reason about
    when studying errors; ties go to the earlier prediction and gold item, so runs are stable.
    """
    pairs: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, p, g in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if p not in pairs and g not in used_gold:
            pairs[p] = g
            used_gold.add(g)
    return pairs


def content_terms(text: str) -> set[str]:
    """Crude stems (first five letters) of the content words: enough to see what a claim is about
    across German inflection ("Telefonate"/"Telefonaten") without a lemmatizer."""
    return {w[:5] for w in words(text) if w not in STOPWORDS and (len(w) > 2 or w.isdigit())}


def term_overlap(gold_text: str, pred_text: str) -> float:
    """Share of the gold text's content terms that the predicted text contains."""
    gold = content_terms(gold_text)
    return len(gold & content_terms(pred_text)) / len(gold) if gold else 0.0


def jaccard(a: str, b: str) -> float:
    """Word-set Jaccard: picks the best-aligned assertion without favouring long predictions."""
    wa, wb = set(words(a)), set(words(b))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def resolve_analyze_many(analyze_many: Optional[AnalyzeMany]) -> AnalyzeMany:
    """The analyzer to evaluate: the injected one (tests), else the real pipeline, imported late so
    that the evaluation modules load without the language models."""
    if analyze_many is not None:
        return analyze_many
    from .. import analyze_many as real

    return real


def pct(value: Optional[float]) -> str:
    """A rate for the terminal tables; '–' where nothing was there to score."""
    return "–" if value is None else f"{100 * value:.1f}"


def run_report(compute: Callable[[], R], show: Callable[[R], None], json_out: bool) -> int:
    """Run an evaluation for the CLI: the report as JSON or as tables; an unusable input is a
    one-line error and exit code 2."""
    try:
        report = compute()
    except (QuellenlageError, ImportError) as err:
        Console(stderr=True).print(f"[red]error:[/] {escape(str(err))}")
        return 2
    if json_out:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        show(report)
    return 0


class Example(BaseModel):
    """A miss, false positive or wrong source, as text to read."""

    kind: str
    text: str
    detail: str = ""


class DocErrors(BaseModel):
    """One document's errors in a corpus evaluation (SpkAtt, PolNeAR)."""

    doc_id: str
    title: str = ""
    missed: list[Example] = []
    false_positives: list[Example] = []
    wrong_sources: list[Example] = []

    @computed_field
    @property
    def errors(self) -> int:
        """Misses plus false positives: what ranks the worst documents."""
        return len(self.missed) + len(self.false_positives)


def print_partial_and_worst(
    console: Console, analyzer_errors: dict[str, list[str]], worst: Iterable[DocErrors], heading: Callable[[DocErrors], str],
    kind_width: int, shown: int = 3,
) -> None:
    """The corpus evaluators' tail: how many articles were analysed only partially, then the
    worst documents with a few missed, false and wrongly sourced quotes each."""
    if analyzer_errors:
        first = next(iter(analyzer_errors.items()))
        console.print(f"[yellow]{len(analyzer_errors)} article(s) analysed only partially, "
                      f"e.g. {escape(first[0])}: {escape(first[1][0])}[/]")
    for doc in worst:
        if not doc.errors:
            break
        console.rule(heading(doc), align="left")
        for label, examples in (("missed", doc.missed), ("false pos.", doc.false_positives),
                                ("source", doc.wrong_sources)):
            for ex in examples[:shown]:
                detail = f"  [dim]{escape(ex.detail)}[/]" if ex.detail else ""
                console.print(f"  {label:<10} {ex.kind:<{kind_width}} {escape(ex.text)}{detail}")
