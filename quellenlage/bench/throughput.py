"""Suite 5: throughput of the full analysis against its two big parts, on the same German pages.

Each measurement runs in a fresh process (spawned, not forked), so that its peak memory
(ru_maxrss) is its own and no model or cache of another measurement is warm in it:

* trafilatura: `article_from_html` (our trafilatura call) on the HTML pages;
* spaCy: the bare German pipeline (`load_pipeline()`) on the extracted texts;
* Quellenlage: HTML to `Analysis`, i.e. `article_from_html` then `analyze_many`.

Rates are per CPU-second of the process ("per core"; analysis runs on one core and the machine
is shared, so wall time would include other tenants' load); wall rates are shown beside them.
Model loading and a one-document warm-up are excluded and reported separately.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

from .report import SuiteResult, table

MEASUREMENTS = ("trafilatura", "spacy", "quellenlage")
WARM_UP = "Die Ministerin sagte am Montag, sie sei zuversichtlich."


class MeasurementError(RuntimeError):
    """A measurement process failed (e.g. no shipped model yet); its last stderr line says why."""


class Measurement(BaseModel):
    name: str
    docs: int
    words: int
    wall: float
    cpu: float
    load_seconds: float
    peak_mib: float

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu if self.cpu else 0.0

    @property
    def docs_per_cpu_s(self) -> float:
        return self.docs / self.cpu if self.cpu else 0.0


def measure(name: str, paths: list[str]) -> Measurement:
    """Run one measurement in this (fresh) process. Top-level so that spawn can pickle it."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # one core, as the rates claim
    from ..eval.metrics import WORD_RE
    from ..ingest.html import article_from_html
    from .extraction import read_html
    from .metrics import Clock, peak_rss_mib

    pages = [(Path(p).name, read_html(Path(p))) for p in paths]
    load, run = Clock(), Clock()
    if name == "trafilatura":
        article_from_html(pages[0][1])  # warm-up: imports, lazy caches
        with run.measure():
            articles = [article_from_html(html, name=n) for n, html in pages]
    elif name == "spacy":
        from ..nlp import load_pipeline

        articles = [article_from_html(html, name=n) for n, html in pages]
        with load.measure():
            nlp = load_pipeline()
            nlp(WARM_UP)
        with run.measure():
            for _ in nlp.pipe(a.text for a in articles):
                pass
    elif name == "quellenlage":
        from .. import analyze_many

        with load.measure():
            next(analyze_many([WARM_UP]))
        with run.measure():
            articles = [article_from_html(html, name=n) for n, html in pages]
            for _ in analyze_many(articles):
                pass
    else:
        raise ValueError(f"unknown measurement {name!r}")
    return Measurement(name=name, docs=len(articles), words=sum(len(WORD_RE.findall(a.text)) for a in articles),
                       wall=run.wall, cpu=run.cpu, load_seconds=load.wall, peak_mib=peak_rss_mib())


def measure_in_fresh_process(name: str, paths: list[str]) -> Measurement:
    """`measure` in a new interpreter (`python -m quellenlage.bench.throughput`), which prints the
    Measurement as JSON; a subprocess rather than multiprocessing, so that it does not depend on
    how the caller's main module can be re-imported."""
    proc = subprocess.run([sys.executable, "-m", __name__, name, *paths],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise MeasurementError(f"{name}: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    return Measurement.model_validate_json(proc.stdout.strip().splitlines()[-1])


def page_paths(data_dir: Path, limit: Optional[int]) -> list[str]:
    from .extraction import german_pages

    pages, _ = german_pages(data_dir / "trafilatura-eval", limit)
    return [str(data_dir / "trafilatura-eval" / "cache-de-news" / f"{p.id}.gz") for p in pages]


def run(data_dir: Path, limit: Optional[int] = None) -> SuiteResult:
    result = SuiteResult(suite="throughput", title="Throughput and memory")
    if not (data_dir / "trafilatura-eval").is_dir():
        result.status = "skipped"
        result.notes.append(f"data missing: {data_dir / 'trafilatura-eval'}")
        return result
    paths = page_paths(data_dir, limit)
    done: dict[str, Measurement] = {}
    for name in MEASUREMENTS:
        try:
            done[name] = measure_in_fresh_process(name, paths)
        except MeasurementError as err:  # no model yet, or the pipeline is not importable
            result.status = "partial"
            result.notes.append(f"{name} skipped: {type(err).__name__}: {err}")
    t = table(f"{len(paths)} German news pages (trafilatura-eval), one process per row",
              ("measurement", "text"), ("articles", "int"), ("words", "int"),
              ("words/s per core", "float"), ("articles/s per core", "float"),
              ("words/s wall", "float"), ("load + warm-up s", "float"), ("peak RSS MiB", "float"))
    for m in done.values():
        t.add(m.name, m.docs, m.words, m.words_per_cpu_s, m.docs_per_cpu_s,
              m.words / m.wall if m.wall else None, m.load_seconds, m.peak_mib)
    result.tables.append(t)
    full = done.get("quellenlage")
    if full:
        ratios = table("Ratios measured in this run (per CPU-second)", ("comparison", "text"),
                       ("ratio", "ratio"))
        if "spacy" in done:
            ratios.add("bare spaCy pipeline words/s ÷ full analysis words/s (extraction included)",
                       done["spacy"].words_per_cpu_s / full.words_per_cpu_s)
        if "trafilatura" in done:
            ratios.add("trafilatura articles/s ÷ full analysis articles/s",
                       done["trafilatura"].docs_per_cpu_s / full.docs_per_cpu_s)
        result.tables.append(ratios)
        latency = table("Latency", ("measurement", "text"), ("value", "float"), ("unit", "text"))
        latency.add("warm analysis inside analyze_many, per 1,000 words", 1000 * 1000 * full.cpu / full.words, "ms CPU")
        for seconds in cold_starts():
            latency.add("cold start: `quellenlage analyze` on the bundled example, fresh process", seconds, "s wall")
        result.tables.append(latency)
    result.notes.append("Words are \\w+ runs of the extracted text (the same texts for every row).")
    return result


def cold_starts(runs: int = 3) -> list[float]:
    """Wall seconds of the whole command a user runs first, start-up and model load included."""
    from ..cli import EXAMPLE
    from .metrics import Clock

    out = []
    for _ in range(runs):
        clock = Clock()
        with clock.measure():
            subprocess.run([sys.executable, "-m", "quellenlage", "analyze", str(EXAMPLE), "--format", "json"],
                           capture_output=True, check=False)
        out.append(clock.wall)
    return out


if __name__ == "__main__":
    sys.stdout.write(measure(sys.argv[1], sys.argv[2:]).model_dump_json() + "\n")
