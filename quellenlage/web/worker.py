"""Analyses off the event loop: one thread owns the pipeline and feeds `analyze_many`.

The pipeline is loaded once, in that thread; requests queue up and whatever has queued while
the previous batch ran goes into the next `analyze_many` call together, so under load the
articles share `nlp.pipe` batches, and a slow article delays only the analyses, never the
pages that just read the database.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future

from quellenlage.ingest import Article
from quellenlage.schema import Analysis
from quellenlage.settings import Settings


class AnalysisWorker:
    def __init__(self, settings: Settings = Settings(), batch_size: int = 8) -> None:
        self.settings = settings
        self.batch_size = batch_size
        self._jobs: queue.Queue[tuple[Article, Future] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="quellenlage-analysis", daemon=True)
        self._ready = threading.Event()
        self._thread.start()

    def analyze(self, article: Article, timeout: float = 300) -> Analysis:
        """The analysis of `article` (blocks the calling thread, not the event loop)."""
        future: Future[Analysis] = Future()
        self._jobs.put((article, future))
        return future.result(timeout)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Whether the pipeline is loaded."""
        return self._ready.wait(timeout)

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=30)

    def _run(self) -> None:
        from quellenlage.pipeline import analyze_many, get_pipeline

        get_pipeline(self.settings)
        self._ready.set()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            batch = [job]
            while len(batch) < self.batch_size:
                try:
                    more = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._jobs.put(None)
                    break
                batch.append(more)
            try:
                for (_, future), analysis in zip(batch, analyze_many((a for a, _ in batch), self.settings)):
                    future.set_result(analysis)
            except Exception as err:  # noqa: BLE001 - handed to the waiting requests
                for _, future in batch:
                    if not future.done():
                        future.set_exception(err)
