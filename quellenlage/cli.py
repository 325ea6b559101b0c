"""`quellenlage` on the command line (Typer). Every command goes through `analyze_many`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from quellenlage.errors import QuellenlageError

app = typer.Typer(help="Who says what, on whose authority, and who denies it.", no_args_is_help=True)
err_console = Console(stderr=True, soft_wrap=True)

FORMATS = ("text", "json", "html")
EXTENSIONS = {"text": "txt", "json": "json", "html": "html"}
EXAMPLE = Path(__file__).parent / "examples" / "newsde-putin-trump-woodward.de.txt"


def fail(message: str, code: int = 2) -> None:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def render(analysis, fmt: str) -> str:
    from quellenlage.render import render_html, render_json, render_text

    return {"text": render_text, "json": render_json, "html": render_html}[fmt](analysis)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="text or .html files, http(s) URLs; '-' reads stdin"),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json | html"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="folder: one output file per input"),
    lang: str = typer.Option("auto", "--lang", "-l", help="auto (declared or detected per input) | de | en"),
) -> None:
    """Analyse articles and show quotes, speakers and sources."""
    from quellenlage import analyze_many
    from quellenlage.lang import get_language
    from quellenlage.pipeline import nothing_analysed
    from quellenlage.settings import Settings

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None and len(paths) > 1:
        fail("several inputs need --out DIR (one output file per input)")
    if lang != "auto":
        get_language(lang)  # an unknown code: one line naming the available ones
    articles, failed = [], 0
    for path in paths:
        try:
            articles.append((path, _read_input(path)))
        except QuellenlageError as err:
            err_console.print(f"[bold red]error:[/] {err}", highlight=False)
            failed += 1
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    analysed = 0
    for (path, _), analysis in zip(articles, analyze_many((a for _, a in articles), Settings(language=lang))):
        if nothing_analysed(analysis):
            failed += 1
        else:
            analysed += 1
        text = render(analysis, fmt)
        if out is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            stem = Path(path).stem if path != "-" else "stdin"
            target = out / f"{stem}.{EXTENSIONS[fmt]}"
            target.write_text(text, encoding="utf-8")
            err_console.print(f"wrote {target}", highlight=False)
    if failed:
        raise typer.Exit(1 if analysed else 2)


def _read_input(path: str):
    """A file, stdin, or a web page fetched by the server-safe fetcher (public addresses only)."""
    from quellenlage.ingest import read_path

    if "://" in path:  # the fetcher (httpx) is imported only for URLs
        from quellenlage.ingest.fetch import Fetcher, is_url

        if is_url(path):
            return Fetcher().fetch_article(path)[0]
    return read_path(path)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (0.0.0.0: every interface)"),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535),
    db: Optional[str] = typer.Option(
        None, "--db", help="SQLite file or postgresql://user@host/db (default: a file in the user data folder)"
    ),
    allow_fetch: list[str] = typer.Option(
        [], "--allow-fetch", help="a private network the server may fetch from, e.g. 10.0.0.0/8 (repeatable)"
    ),
) -> None:
    """Start the web app: a form, stored analyses with permanent links, a JSON API (/docs)."""
    import uvicorn

    from quellenlage.ingest.fetch import Fetcher
    from quellenlage.web import create_app
    from quellenlage.web.store import make_url_safe

    web_app = create_app(db, fetcher=Fetcher.allowing(allow_fetch))
    store_url = make_url_safe(web_app.state.service.store.url)
    err_console.print(f"Quellenlage on [bold]http://{host}:{port}/[/] · database {store_url}", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="info")


@app.command()
def demo(out: Path = typer.Option(Path("quellenlage-demo.html"), "--out", "-o", help="where to write the report")) -> None:
    """Analyse the bundled example article and write a self-contained HTML report."""
    from quellenlage import analyze
    from quellenlage.ingest import read_path
    from quellenlage.render import render_html, render_text

    analysis = analyze(read_path(str(EXAMPLE)))
    sys.stdout.write(render_text(analysis))
    out.write_text(render_html(analysis), encoding="utf-8")
    err_console.print(f"\nHTML report: [bold]{out.resolve()}[/]", highlight=False)


@app.command()
def schema(out: Optional[Path] = typer.Option(None, "--out", "-o")) -> None:
    """Print (or write) the JSON Schema of the analysis output."""
    from quellenlage.schema import Analysis

    text = json.dumps(Analysis.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command("eval")
def eval_gold(
    gold_dir: Path = typer.Argument(..., help="folder of NAME.txt + NAME.gold.json pairs"),
    json_out: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    gold_headline: bool = typer.Option(
        False, "--gold-headline",
        help="give the analyzer the gold headline line (judges the headline check apart from line roles)",
    ),
    confusion: bool = typer.Option(False, "--confusion", help="also print the confusion matrix of line roles"),
    html: bool = typer.Option(False, "--html", help="also read each page's HTML (origin.path) and check the HTML path"),
    html_dir: Optional[Path] = typer.Option(None, help="where the pages' .html.gz are "
                                            "[default: GOLD_DIR/../data/trafilatura-eval/cache-de-news]"),
) -> None:
    """Score the analyzer on gold files (ANNOTATION.md scheme)."""
    from quellenlage.eval.gold import eval_gold_command

    if html and html_dir is None:
        html_dir = gold_dir.parent / "data" / "trafilatura-eval" / "cache-de-news"
    raise typer.Exit(eval_gold_command(gold_dir, json_out, gold_headline=gold_headline, confusion=confusion, html_dir=html_dir))


@app.command("eval-spkatt")
def eval_spkatt(
    spkatt_dir: Path = typer.Argument(..., help="folder of SpkAtt-2023 task-2 JSON files"),
    limit: Optional[int] = typer.Option(None, help="only the first N articles (quick run)"),
    worst: int = typer.Option(10, help="show the N documents with most errors"),
    json_out: bool = typer.Option(False, "--json", help="print the figures as JSON"),
) -> None:
    """Score speaker attribution on SpkAtt-2023 (German Wikinews, gold speakers)."""
    from quellenlage.eval.spkatt import eval_spkatt_command

    raise typer.Exit(eval_spkatt_command(spkatt_dir, limit=limit, worst=worst, json_out=json_out))


@app.command("eval-polnear")
def eval_polnear(
    polnear_dir: Path = typer.Argument(..., help="PolNeAR compartment folder with text/ and attributions/"),
    limit: Optional[int] = typer.Option(None, help="only the first N articles (quick run)"),
    worst: int = typer.Option(10, help="show the N documents with most errors"),
    json_out: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    lang: str = typer.Option("en", "--lang", help="analyse in this language (de, en)"),
) -> None:
    """Score quote, source and cue finding on PolNeAR (English political news, brat)."""
    from quellenlage.eval.polnear import eval_polnear_command

    raise typer.Exit(eval_polnear_command(polnear_dir, limit=limit, worst=worst, json_out=json_out, lang=lang))


def _register_subcommands(command: str | None) -> None:
    """Commands that live with their stage (corpus mode, benchmarks, model evaluation),
    imported only when asked for, so `quellenlage analyze` starts fast."""
    wanted = {command} if command in ("batch", "report", "bench", "models") else {"batch", "report", "bench", "models"}
    if command in ("analyze", "demo", "schema", "eval", "eval-spkatt", "eval-polnear", "serve"):
        return
    if wanted & {"batch", "report"}:
        from quellenlage.batch.cli import batch, report

        app.command("batch")(batch)
        app.command("report")(report)
    if "bench" in wanted:
        from quellenlage.bench.cli import bench

        app.command("bench")(bench)
    if "models" in wanted:
        from quellenlage.eval.models import models_app

        app.add_typer(models_app, name="models")


def main() -> None:
    _register_subcommands(sys.argv[1] if len(sys.argv) > 1 else None)
    try:
        app()
    except QuellenlageError as err:
        err_console.print(f"[bold red]error:[/] {err}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
