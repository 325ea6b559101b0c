"""Importing this module registers every Quellenlage spaCy factory by name."""

from quellenlage.attribution import entities, interviews, quotes, reported, sources, speakers  # noqa: F401
from quellenlage.claims import claims, headline  # noqa: F401
from quellenlage.structure import lines  # noqa: F401
