"""`python -m quellenlage` runs the CLI."""

from quellenlage.cli import main

main()
