"""The `bench` command. A plain function with Typer annotations: the main app registers it with
`app.command("bench")(bench)`."""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import attribution, boilerplate, extraction, speech, throughput
from .report import Report, SuiteResult, describe_machine, table_markdown, write_report

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SUITES: dict[str, Callable[[Path, Optional[int]], SuiteResult]] = {
    "extraction": extraction.run,
    "boilerplate": boilerplate.run,
    "speech": speech.run,
    "attribution": attribution.run,
    "throughput": throughput.run,
}
PREAMBLE = """
Rerun with `make bench` (`.venv/bin/quellenlage bench`); peers come from
`pip install -e '.[bench]'` and are skipped, with a note, when missing. `--limit N` runs every
suite on its first N documents (a quick check; the figures below come from a full run unless the
command line above says otherwise). Data: `/work/shared/data` (see its README; several sets are
eval-only and none is shipped).
"""


def _model_name() -> Optional[str]:
    """Name and version of the shipped pipeline, from its meta.json (no model load)."""
    from ..nlp import MODEL_DIR

    try:
        meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return f"{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


def run_suite(name: str, data_dir: Path, limit: Optional[int], console: Console) -> SuiteResult:
    """One suite; an exception becomes a 'failed' result so the other suites still run."""
    start = time.perf_counter()
    try:
        result = SUITES[name](data_dir, limit)
    except Exception as err:  # report, do not abort the whole benchmark
        traceback.print_exc(file=sys.stderr)
        result = SuiteResult(suite=name, title=name, status="failed",
                             notes=[f"failed: {type(err).__name__}: {err}"])
    result.seconds = time.perf_counter() - start
    console.print(f"[bold]{result.title}[/]: {result.status} in {result.seconds:.0f} s")
    for t in result.tables:
        console.print(table_markdown(t), highlight=False, markup=False)
    for note in result.notes:
        console.print(f"  - {note}", highlight=False, markup=False)
    return result


def bench(
    suite: Annotated[Optional[list[str]], typer.Option(
        "--suite", "-s", help=f"suite to run (repeatable): {', '.join(SUITES)}; default all")] = None,
    limit: Annotated[Optional[int], typer.Option(help="only the first N documents of each data set")] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", help="where benchmarks.md/.json go")] = Path("docs"),
    data_dir: Annotated[Path, typer.Option("--data-dir", help="the shared data folder")] = DEFAULT_DATA,
) -> None:
    """Measure Quellenlage against the field; writes OUT_DIR/benchmarks.md and benchmarks.json."""
    console = Console(stderr=True)
    names = suite or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        console.print(f"[red]error:[/] unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        raise typer.Exit(2)
    _, missing = extraction.load_extractors("en")
    if missing:
        console.print(f"[yellow]peers not installed, skipped:[/] {', '.join(missing)} "
                      "(pip install -e '.[bench]')")
    results = [run_suite(n, data_dir, limit, console) for n in names]
    command = "quellenlage bench" + "".join(f" --suite {n}" for n in suite or []) + (
        f" --limit {limit}" if limit is not None else "")
    report = Report(machine=describe_machine(_model_name()), command=command, suites=results)
    md, js = write_report(report, out_dir, PREAMBLE)
    console.print(f"wrote {md} and {js}")
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)
