"""Shared fixtures: the analyzer is loaded once per test session."""

import pytest


@pytest.fixture(scope="session")
def analyze_text():
    from quellenlage import analyze

    return lambda text: analyze(text)
