"""Run a corpus through `analyze_many` in chunks: in-process, on local processes, or on Dask.

The reading process streams documents, skips those a previous run finished, cuts the rest into
chunks and keeps a bounded number of chunks in flight, so memory stays flat. Workers turn a
chunk into table rows (`worker.process_chunk`); the reading process makes them Arrow tables and
commits each result to the `ResultStore`, the single writer, so there are no races on the
results folder.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

import quellenlage
from quellenlage.batch.rows import Row, error_row
from quellenlage.batch.sources import RawDoc, count_inputs, read_inputs
from quellenlage.batch.store import ResultStore, export_sqlite
from quellenlage.batch.tables import to_tables
from quellenlage.batch.worker import AnalyzeFn, process_chunk
from quellenlage.ingest.fetch import Fetcher


@dataclass
class Chunk:
    """Documents processed and committed together; the name is a hash of their ids, so the
    same documents always make the same part files."""

    docs: list[RawDoc]
    name: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha1("\n".join(d.id for d in self.docs).encode("utf-8", "surrogatepass"))
        self.name = digest.hexdigest()[:20]


@dataclass
class BatchSummary:
    """What one run did; `analysed` and `failed` count this run only, `skipped` earlier runs."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    chunks: int = 0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return (self.analysed + self.failed) / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _chunks(docs: Iterable[RawDoc], done: set[str], size: int, summary: BatchSummary) -> Iterator[Chunk]:
    batch: list[RawDoc] = []
    for doc in docs:
        if doc.id in done:
            summary.skipped += 1
            continue
        batch.append(doc)
        if len(batch) >= size:
            yield Chunk(batch)
            batch = []
    if batch:
        yield Chunk(batch)


class _Executor(Protocol):
    """The minimal surface the run loop needs from a process pool or a Dask client."""

    inflight: int

    def submit(self, chunk: Chunk, analyze_fn: AnalyzeFn) -> Any: ...

    def wait_any(self, futures: list[Any]) -> set[Any]: ...

    def close(self) -> None: ...


class _LocalPool(_Executor):
    """Local worker processes (spawned: no inherited threads or locks); rebuilt if one dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.inflight = 2 * workers
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))

    def submit(self, chunk: Chunk, analyze_fn: AnalyzeFn) -> Any:
        try:
            return self.pool.submit(process_chunk, chunk.docs, analyze_fn)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new()
            return self.pool.submit(process_chunk, chunk.docs, analyze_fn)

    def wait_any(self, futures: list[Any]) -> set[Any]:
        return wait_futures(futures, return_when=FIRST_COMPLETED).done

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


class _DaskClient(_Executor):
    """An existing Dask cluster; workers import quellenlage and load the pipeline once each."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        self.client = Client(address, timeout="20s")
        threads = sum(self.client.nthreads().values()) or 1
        self.inflight = 2 * threads

    def submit(self, chunk: Chunk, analyze_fn: AnalyzeFn) -> Any:
        return self.client.submit(process_chunk, chunk.docs, analyze_fn, pure=False, key=f"chunk-{chunk.name}")

    def wait_any(self, futures: list[Any]) -> set[Any]:
        from distributed import wait

        return set(wait(futures, return_when="FIRST_COMPLETED").done)

    def close(self) -> None:
        self.client.close()


def _run_parallel(
    executor: _Executor, chunks: Iterator[Chunk], analyze_fn: AnalyzeFn
) -> Iterator[tuple[Chunk, dict | BaseException]]:
    """Yield (chunk, tables or exception) as chunks finish, with a bounded number in flight.

    A chunk whose worker died is split into single documents and retried, so one document
    that crashes a process costs only itself.
    """
    retry: deque[Chunk] = deque()
    pending: dict[Any, Chunk] = {}

    def fill() -> None:
        while len(pending) < executor.inflight:
            chunk = retry.popleft() if retry else next(chunks, None)
            if chunk is None:
                return
            pending[executor.submit(chunk, analyze_fn)] = chunk

    fill()
    while pending:
        for future in executor.wait_any(list(pending)):
            chunk = pending.pop(future)
            try:
                outcome: dict | BaseException = future.result()
            except Exception as err:  # noqa: BLE001 - the worker process died or was lost
                if len(chunk.docs) > 1:
                    retry.extend(Chunk([doc]) for doc in chunk.docs)
                    continue
                outcome = err
            yield chunk, outcome
        fill()


def _failed_chunk(chunk: Chunk, err: BaseException) -> dict[str, list[Row]]:
    reason = f"worker failed: {type(err).__name__}: {err}"
    return {"errors": [error_row(d.id, d.input, d.position, "worker", reason) for d in chunk.docs]}


def _progress(total: int | None, done: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second of this run (skipped articles would inflate rich's own speed)."""

        def render(self, task) -> Text:
            rate = task.fields["new"] / task.elapsed if task.elapsed else 0.0
            return Text(f"{rate:,.1f} articles/s", style="progress.data.speed")

    progress = Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                        TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True))
    task = progress.add_task("batch", total=total, completed=min(done, total or done), new=0)
    return progress, task


def run_batch(
    inputs: list[Path],
    out: Path,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int = 100,
    sqlite: Path | None = None,
    analyze_fn: AnalyzeFn = quellenlage.analyze_many,
    show_progress: bool = True,
    on_chunk: Callable[[BatchSummary], None] | None = None,
    fetcher: Fetcher | None = None,
) -> BatchSummary:
    """Analyse every document of `inputs` not yet in `out`; safe to kill and rerun at any time."""
    documents = read_inputs(inputs, fetcher)  # validates the arguments before anything is created
    store = ResultStore(out)
    executor: _Executor | None = None
    progress = None
    summary = BatchSummary()
    start = time.perf_counter()
    try:
        done = store.done_ids()
        chunks = _chunks(documents, done, chunk_size, summary)
        if scheduler or workers > 1:
            executor = _DaskClient(scheduler) if scheduler else _LocalPool(workers)
            results = _run_parallel(executor, chunks, analyze_fn)
        else:
            results = ((chunk, process_chunk(chunk.docs, analyze_fn)) for chunk in chunks)
        if show_progress:
            progress, task = _progress(count_inputs(inputs), len(done))
            progress.start()
        for chunk, outcome in results:
            tables = to_tables(outcome if isinstance(outcome, dict) else _failed_chunk(chunk, outcome))
            store.commit(chunk.name, [d.id for d in chunk.docs], tables)
            summary.chunks += 1
            summary.analysed += tables["articles"].num_rows
            summary.failed += len(chunk.docs) - tables["articles"].num_rows
            summary.words += sum(tables["articles"].column("n_words").to_pylist())
            summary.seconds = time.perf_counter() - start
            if progress:
                progress.update(task, advance=len(chunk.docs), new=summary.analysed + summary.failed)
            if on_chunk:
                on_chunk(summary)
    finally:
        if progress:
            progress.stop()
        if executor:
            executor.close()
        store.close()
    summary.seconds = time.perf_counter() - start
    if sqlite:
        export_sqlite(out, sqlite)
    return summary
