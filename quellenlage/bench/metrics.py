"""Metric and measurement helpers shared by the benchmark suites.

One module so that every suite scores and times the same way: the shingle metric of the
scrapinghub article-extraction-benchmark, the snippet metric of trafilatura's evaluation, and
the clocks (wall and CPU) and peak memory behind every rate the report prints.
"""

from __future__ import annotations

import logging
import re
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

logger = logging.getLogger("quellenlage.bench")

# scrapinghub evaluate.py: case-sensitive Unicode \w+ tokens, 4-token shingles.
SHINGLE_TOKEN_RE = re.compile(r"\w+")
SHINGLE_N = 4


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one (shorter) shingle."""
    tokens = SHINGLE_TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one document, normalised to sum 1 so that long pages do not weigh more."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _doc_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _doc_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


class Scores(BaseModel):
    """Precision, recall and F1 as fractions (None where nothing was scored)."""

    precision: Optional[float] = None
    recall: Optional[float] = None
    f1: Optional[float] = None


def f1_of(precision: Optional[float], recall: Optional[float]) -> Optional[float]:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def shingle_scores(docs: Iterable[tuple[float, float, float]]) -> Scores:
    """scrapinghub aggregation: per-document P and R averaged (documents with nothing to score on
    that side left out), F1 of the two means."""
    docs = list(docs)
    precisions = [_doc_precision(*d) for d in docs if d[0] + d[1] > 0]
    recalls = [_doc_recall(*d) for d in docs if d[0] + d[2] > 0]
    p = statistics.mean(precisions) if precisions else None
    r = statistics.mean(recalls) if recalls else None
    return Scores(precision=p, recall=r, f1=f1_of(p, r))


def normalise_ws(text: str) -> str:
    return " ".join(text.split())


@dataclass
class SnippetCounts:
    """trafilatura's evaluation: a 'with' snippet found is a TP (else FN), a 'without' snippet
    found is a FP (else TN); whitespace-normalised substring match."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, extracted: str, with_: list[str], without: list[str]) -> None:
        text = normalise_ws(extracted)
        for snippet in with_:
            if normalise_ws(snippet) in text:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in without:
            if normalise_ws(snippet) in text:
                self.fp += 1
            else:
                self.tn += 1

    def scores(self) -> Scores:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        return Scores(precision=p, recall=r, f1=f1_of(p, r))

    @property
    def accuracy(self) -> Optional[float]:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else None


@dataclass
class Clock:
    """Wall and CPU seconds of the blocks timed with `measure`. CPU time is what 'per core' means
    here: the machine is shared, so wall time includes waiting for the other tenants."""

    wall: float = 0.0
    cpu: float = 0.0
    calls: int = 0

    @contextmanager
    def measure(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu
            self.calls += 1


def peak_rss_mib() -> float:
    """Peak resident memory of this process image, in MiB.

    VmHWM (Linux) rather than ru_maxrss: the kernel carries ru_maxrss across exec, so a process
    started by a big parent (the benchmark itself holds a model) would report the parent's peak.
    ru_maxrss (KiB on Linux, bytes on macOS) is the fallback where /proc is missing.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError as err:
        logger.debug("no /proc/self/status (%s): peak memory from ru_maxrss", err)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
