"""`quellenlage batch` and `quellenlage report`: plain functions the main Typer app registers.

Every expected failure becomes a one-line message and an exit code, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quellenlage.errors import QuellenlageError

err_console = Console(stderr=True)


def _fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _missing_extra(err: ModuleNotFoundError) -> None:
    """The one line for a corpus library that the core install leaves out."""
    _fail(f"corpus mode needs the extra 'corpus' ({err.name} is not installed): pip install 'quellenlage[corpus]'")


#: Documents a corpus worker analyses together: its memory grows with the batch (every Doc of a
#: batch is alive at once, and the tagger's arrays of a long article take 40-50 MB), its speed
#: does not (200 mixed articles: 34.6 s CPU at 1, 35.9 s at 2; peak 444 MB against 470 MB).
CORPUS_BATCH = 1


def batch(
    inputs: list[Path] = typer.Argument(..., help="folders of .txt/.html, .jsonl, .warc[.gz], RSS/Atom feeds, sitemaps"),
    out: Path = typer.Option(..., "--out", "-o", help="results folder (Parquet datasets); rerun to resume"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="local worker processes"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="address of a Dask scheduler, e.g. tcp://host:8786"),
    sqlite: Optional[Path] = typer.Option(None, "--sqlite", help="also write the tables to this SQLite file"),
    chunk_size: int = typer.Option(100, "--chunk-size", min=1, help="documents per work unit"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    fetch: bool = typer.Option(False, "--fetch", help="fetch the web pages feeds and sitemaps link to (public addresses only)"),
    lang: str = typer.Option("auto", "--lang", "-l", help="auto (each document in its declared or detected language) | de | en"),
) -> None:
    """Analyse a corpus into Parquet tables; killed runs resume where they stopped."""
    from functools import partial

    import quellenlage
    from quellenlage.lang import get_language
    from quellenlage.settings import Settings

    try:
        from quellenlage.batch.runner import run_batch
    except ModuleNotFoundError as err:
        _missing_extra(err)
    from quellenlage.ingest.fetch import Fetcher

    try:
        if lang != "auto":
            get_language(lang)  # an unknown code: one line naming the available ones
        settings = Settings(language=lang, batch_size=CORPUS_BATCH)
        summary = run_batch(inputs, out, workers=workers, scheduler=scheduler, chunk_size=chunk_size,
                            sqlite=sqlite, show_progress=not quiet, fetcher=Fetcher() if fetch else None,
                            analyze_fn=partial(quellenlage.analyze_many, settings=settings))
    except QuellenlageError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        _fail("interrupted; run the same command again to resume", 130)
    except ModuleNotFoundError as err:  # a corpus library needed only by some inputs (WARC, feeds, Dask)
        _missing_extra(err)
    except OSError as err:
        _fail(f"{err.filename or out}: {err.strerror or err}")
    except Exception as err:  # noqa: BLE001 - e.g. an unreachable Dask scheduler
        _fail(f"{type(err).__name__}: {err}")
    err_console.print(
        f"{summary.analysed:,} analysed, {summary.failed:,} failed, {summary.skipped:,} already done "
        f"in {summary.seconds:.1f} s ({summary.docs_per_s:,.1f} articles/s, {summary.words_per_s:,.0f} words/s) "
        f"→ {out}", highlight=False, soft_wrap=True)


def report(
    results: Path = typer.Argument(..., help="a results folder written by `quellenlage batch`"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file (default RESULTS/report.html)"),
    top: int = typer.Option(20, "--top", min=1, help="rows in the top speakers/sources/outlets tables"),
) -> None:
    """Write a self-contained HTML corpus report and print its key figures."""
    try:
        from quellenlage.batch.report import fmt_num, fmt_pct, render_report
    except ModuleNotFoundError as err:
        _missing_extra(err)

    try:
        html, stats = render_report(results, top)
        target = out or results / "report.html"
        target.write_text(html, encoding="utf-8")
    except QuellenlageError as err:
        _fail(str(err))
    except ModuleNotFoundError as err:  # matplotlib, for the charts
        _missing_extra(err)
    except OSError as err:
        _fail(f"{err.filename or results}: {err.strerror or err}")
    t = stats.totals
    console = Console()
    console.print(f"[bold]{t['articles']:,}[/] articles analysed, {t['failed']:,} failed; "
                  f"{fmt_num(t['quotes_per_article'])} quotes per article, {fmt_pct(t['direct_share'])} direct / "
                  f"{fmt_pct(t['indirect_share'])} indirect", highlight=False, soft_wrap=True)
    console.print(f"anonymous sources {fmt_pct(t['anonymous_source_share'])} · attributed body sentences "
                  f"{fmt_pct(t['attributed_share'])} · articles citing an agency {fmt_pct(t['agency_share'])}",
                  highlight=False, soft_wrap=True)
    if stats.verdicts:
        verdicts = ", ".join(f"{k} {v}" for k, v in stats.verdicts.items())
        console.print(f"headline verdicts: {verdicts}", highlight=False, soft_wrap=True)
    table = Table("top speakers", "type", "quotes", "top sources", "type", "articles")
    for i in range(min(10, max(len(stats.top_speakers), len(stats.top_sources)))):
        sp = stats.top_speakers[i] if i < len(stats.top_speakers) else {}
        so = stats.top_sources[i] if i < len(stats.top_sources) else {}
        table.add_row(sp.get("name", ""), sp.get("type", ""), str(sp.get("quotes", "")),
                      so.get("name", ""), so.get("type", ""), str(so.get("articles", "")))
    console.print(table)
    err_console.print(f"report: {target.resolve()}", highlight=False, soft_wrap=True)
