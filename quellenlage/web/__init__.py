"""`quellenlage serve`: the web app (FastAPI) over `analyze_many`, with stored analyses."""

from quellenlage.web.app import create_app

__all__ = ["create_app"]
