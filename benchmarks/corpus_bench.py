"""Corpus-mode benchmark: throughput, memory flatness and kill -9 resume on real German text.

    .venv/bin/python benchmarks/corpus_bench.py                 # 100,000 documents (long)
    .venv/bin/python benchmarks/corpus_bench.py --docs 2000     # a quick run

The corpus mixes SpkAtt 2023 Wikinews articles (tokens detokenised), GermEval 2014 test
sentences grouped into documents and the trafilatura-eval German HTML pages, replicated to
`--docs` documents without ids (so ids come from position + content hash). It is written to
`--workdir` (default: a temporary folder) and never to the repository.

1. throughput on `--rate-docs` documents with 1 and 2 local workers and on a loopback Dask
   LocalCluster (2 single-threaded workers, started here);
2. the full corpus with 2 workers, recording the peak RSS of this process and all its
   workers at 10 %, 50 % and 100 % (10k/50k/100k for the default size): it must stay flat;
3. resume: `python -m quellenlage.batch batch` on `--resume-docs` documents is killed with
   SIGKILL at a random point, rerun, and its tables compared with an uninterrupted run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_text import germeval_docs, html_docs, spkatt_docs  # noqa: E402

from quellenlage.batch.runner import BatchSummary, run_batch  # noqa: E402
from quellenlage.batch.rows import TABLES  # noqa: E402
from quellenlage.ingest.article import Article  # noqa: E402
from quellenlage.schema import Analysis, Meta  # noqa: E402


def fake_analyze(items: Iterable[Article]) -> Iterator[Analysis]:
    """`--fake`: no NLP at all, to measure what reading, extraction and storage cost alone."""
    for article in items:
        yield Analysis(id=article.id, text=article.text, meta=Meta(input_format=article.input_format))


def build_corpus(path: Path, n: int) -> None:
    """`n` JSONL lines cycling through the base documents (ids dropped on purpose)."""
    base = list(spkatt_docs()) + list(germeval_docs()) + list(html_docs())
    random.Random(7).shuffle(base)
    with path.open("w", encoding="utf-8") as fh:
        for doc in itertools.islice(itertools.cycle(base), n):
            fh.write(json.dumps({k: v for k, v in doc.items() if k != "id"}, ensure_ascii=False) + "\n")


def head(src: Path, dst: Path, n: int) -> Path:
    with src.open("rb") as fin, dst.open("wb") as fout:
        fout.writelines(itertools.islice(fin, n))
    return dst


class RssSampler:
    """Peak resident memory of this process plus all descendants (pool workers, Dask nannies)."""

    def __init__(self, every: float = 0.25) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def current(self) -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.peak = max(self.peak, self.current())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(label: str, inputs: Path, out: Path, analyze_fn, on_chunk=None, **kw) -> BatchSummary:
    """Run and print overall and steady-state rates; steady state starts once every worker
    has delivered a chunk, i.e. after process start-up and pipeline loading."""
    marks: list[tuple[float, int, int]] = []  # (seconds, docs, words) after each chunk

    def record(summary: BatchSummary) -> None:
        marks.append((summary.seconds, summary.analysed + summary.failed, summary.words))
        if on_chunk:
            on_chunk(summary)

    summary = run_batch([inputs], out, show_progress=False, analyze_fn=analyze_fn, on_chunk=record, **kw)
    warm = min(len(marks) - 1, kw.get("workers", 2))
    steady = ""
    if warm > 0 and marks[-1][0] > marks[warm - 1][0]:
        (t0, d0, w0), (t1, d1, w1) = marks[warm - 1], marks[-1]
        steady = f"   steady state {(d1 - d0) / (t1 - t0):6.1f} docs/s {(w1 - w0) / (t1 - t0):8,.0f} words/s"
    print(f"{label:<28} {summary.analysed + summary.failed:>7,} docs {summary.seconds:>7.1f} s "
          f"{summary.docs_per_s:>6.1f} docs/s {summary.words_per_s:>8,.0f} words/s{steady}", flush=True)
    return summary


def throughput(corpus: Path, work: Path, analyze_fn, chunk: int) -> None:
    from distributed import LocalCluster

    timed("1 local worker", corpus, work / "w1", analyze_fn, workers=1, chunk_size=chunk)
    timed("2 local workers", corpus, work / "w2", analyze_fn, workers=2, chunk_size=chunk)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        timed("Dask LocalCluster (2x1)", corpus, work / "dask", analyze_fn,
              scheduler=cluster.scheduler_address, chunk_size=chunk)


def memory(corpus: Path, work: Path, n: int, analyze_fn, chunk: int) -> None:
    marks = sorted({max(1, n // 10), max(1, n // 2), n})
    sampler = RssSampler()
    reached: list[tuple[int, int]] = []

    def on_chunk(summary: BatchSummary) -> None:
        sampler.peak = max(sampler.peak, sampler.current())
        done = summary.analysed + summary.failed
        while len(reached) < len(marks) and done >= marks[len(reached)]:
            reached.append((marks[len(reached)], sampler.peak))

    timed("full corpus, 2 workers", corpus, work / "full", analyze_fn, on_chunk, workers=2, chunk_size=chunk)
    sampler.stop()
    for docs, peak in reached:
        print(f"  peak RSS (main + workers) after {docs:>7,} docs: {peak / 2**20:8.0f} MiB", flush=True)


def frames(root: Path) -> dict[str, pd.DataFrame]:
    """Tables sorted by every scalar column, so row order (chunk completion order) is ignored."""
    out = {}
    for table in TABLES:
        df = pd.read_parquet(root / table)
        df = df.map(lambda v: json.dumps(list(v)) if hasattr(v, "tolist") and not isinstance(v, str) else v)
        out[table] = df.sort_values(list(df.columns)).reset_index(drop=True)
    return out


def resume_check(corpus: Path, work: Path, fake: bool, chunk: int, seed: int) -> bool:
    """Kill -9 a batch run at a random moment, rerun it, compare with an uninterrupted run.

    All three runs are subprocesses importing a snapshot of the package, so that edits to
    the analyser made meanwhile (other people work in the same tree) cannot cause differences.
    """
    snapshot = work / "snapshot"
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(REPO / "quellenlage", snapshot / "quellenlage", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(snapshot)}

    def cmd(out: str) -> list[str]:
        return [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(work / out),
                "--chunk", str(chunk)] + (["--fake"] if fake else [])

    start = time.perf_counter()
    subprocess.run(cmd("ref"), check=True, env=env)
    seconds = time.perf_counter() - start
    chunks = -(-sum(1 for _ in corpus.open("rb")) // chunk)
    print(f"resume reference, 2 workers: {seconds:.1f} s, {chunks} chunks", flush=True)
    rng = random.Random(seed)
    target = rng.randint(1, max(1, chunks - 1))  # kill after this many chunks, plus a random fraction of one
    manifest = work / "resumed" / "_manifest"
    start = time.perf_counter()
    proc = subprocess.Popen(cmd("resumed"), start_new_session=True, env=env)
    while proc.poll() is None and (not manifest.is_dir() or len(list(manifest.glob("*.json"))) < target):
        time.sleep(0.02)
    time.sleep(rng.uniform(0, seconds / chunks))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = len(list(manifest.glob("*.json")))
    print(f"  SIGKILL after {time.perf_counter() - start:.1f} s, {committed} of {chunks} chunks committed", flush=True)
    subprocess.run(cmd("resumed"), check=True, env=env)
    a, b = frames(work / "ref"), frames(work / "resumed")
    same = all(len(a[t]) == len(b[t]) and a[t].equals(b[t]) for t in TABLES)
    counts = ", ".join(f"{t} {len(a[t])}/{len(b[t])}" for t in TABLES)
    print(f"  resume check: {'IDENTICAL' if same else 'DIFFERENT'} (rows reference/resumed: {counts})", flush=True)
    return same


def _real():
    import quellenlage

    return quellenlage.analyze_many


def child(argv: list[str]) -> None:
    """The process the resume check kills: a plain batch run with the same settings."""
    p = argparse.ArgumentParser()
    p.add_argument("corpus", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--chunk", type=int)
    p.add_argument("--fake", action="store_true")
    a = p.parse_args(argv)
    run_batch([a.corpus], a.out, workers=2, chunk_size=a.chunk, show_progress=False,
              analyze_fn=fake_analyze if a.fake else _real())


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
        return 0
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=100_000, help="corpus size for the memory run")
    p.add_argument("--rate-docs", type=int, default=2_000, help="documents per throughput run")
    p.add_argument("--resume-docs", type=int, default=1_000, help="documents in the kill -9 resume check")
    p.add_argument("--chunk", type=int, default=50, help="documents per chunk")
    p.add_argument("--workdir", type=Path, help="where corpus and results go (default: a temporary folder)")
    p.add_argument("--fake", action="store_true", help="skip NLP: measure the corpus machinery alone")
    p.add_argument("--skip", default="", help="comma-separated phases to skip: rate,memory,resume")
    p.add_argument("--seed", type=int, default=int(time.time()))
    a = p.parse_args()
    skip = set(filter(None, re.split(r"\s*,\s*", a.skip)))
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        work = a.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus.jsonl"
        build_corpus(corpus, a.docs)
        analyze_fn = fake_analyze if a.fake else _real()
        print(f"corpus: {a.docs:,} documents, {corpus.stat().st_size / 2**20:.0f} MiB; "
              f"{os.cpu_count()} CPUs; analyzer: {'fake' if a.fake else 'quellenlage.analyze_many'}", flush=True)
        if "rate" not in skip:
            throughput(head(corpus, work / "rate.jsonl", a.rate_docs), work, analyze_fn, a.chunk)
        if "memory" not in skip:
            memory(corpus, work, a.docs, analyze_fn, a.chunk)
        ok = True
        if "resume" not in skip:
            ok = resume_check(head(corpus, work / "resume.jsonl", a.resume_docs), work, a.fake, a.chunk, a.seed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
