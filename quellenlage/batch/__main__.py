"""`python -m quellenlage.batch batch|report …`: corpus mode without the main CLI (used by the benchmark)."""

import typer

from quellenlage.batch.cli import batch, report

app = typer.Typer(no_args_is_help=True)
app.command("batch")(batch)
app.command("report")(report)

if __name__ == "__main__":
    app()
