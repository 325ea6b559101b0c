"""No lost analyses: every component is guarded, and cut-up real texts raise nothing.

The fragments are what a crawler or a user pastes: cut mid-sentence or mid-word, quotation
marks left open, line breaks dropped or doubled, no final punctuation, a speech noun at the
very end. A fixed seed makes every failure reproducible (the fragment's number is in the
message).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Tagger

from quellenlage.lang.de.grammar import speech_nouns
from quellenlage.lang import get_language
from quellenlage.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
SHIPPED = [
    *sorted((ROOT / "quellenlage" / "examples").glob("*.txt")),
    ROOT / "tests" / "fixtures" / "corpus" / "folder" / "katrina.txt",
    *sorted((ROOT.parent / "shared" / "examples").glob("*.txt")),
]
OPENERS = "„»\"“‚«"
CLOSERS = re.compile("[“”«»\"‘]")
MAX_FRAGMENT = 1200


def _cut(text: str, rng: random.Random) -> str:
    """A stretch of the text starting and ending anywhere, mid-word included."""
    length = rng.choice((rng.randint(1, 40), rng.randint(40, 400), rng.randint(400, MAX_FRAGMENT)))
    start = rng.randrange(0, max(1, len(text) - 1))
    return text[start : start + length]


def _damage(fragment: str, rng: random.Random, nouns: list[str]) -> str:
    """Each kind of damage with its own chance, so that they also come combined."""
    if rng.random() < 0.3:
        fragment = fragment.replace("\n", rng.choice((" ", "")))
    if rng.random() < 0.3:
        fragment = fragment.replace("\n", "\n\n")
    if rng.random() < 0.3 and fragment:
        at = rng.randrange(len(fragment))
        fragment = fragment[:at] + rng.choice(OPENERS) + fragment[at:]
    if rng.random() < 0.2:
        fragment = CLOSERS.sub("", fragment)
    if rng.random() < 0.5:
        fragment = fragment.rstrip().rstrip(".!?…:;“”«»\"'")
    if rng.random() < 0.15:
        fragment = f"{fragment} die {rng.choice(nouns)}"
    if rng.random() < 0.05:
        fragment = rng.choice(("\n", "  ", "\n\n\n", "„", "“", ".", "-")) + fragment
    return fragment


def fragments(paths: list[Path], n: int, seed: int) -> Iterator[str]:
    """n damaged fragments of the texts, the same ones for the same seed."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nouns = sorted(speech_nouns())
    rng = random.Random(seed)
    for _ in range(n):
        yield _damage(_cut(rng.choice(texts), rng), rng, nouns)


def _check(texts: list[str]) -> None:
    from quellenlage import analyze_many

    problems = []
    for k, (text, analysis) in enumerate(zip(texts, analyze_many(texts), strict=True)):
        if analysis.errors:
            problems.append(f"fragment {k}: {analysis.errors} in {text[:80]!r}")
        for quote in analysis.quotes:
            if text[quote.start : quote.end] != quote.text:
                problems.append(f"fragment {k}: quote {quote.id} does not point into the text")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev (the dev texts) is not present")
def test_thousand_fragments_of_the_dev_texts_raise_nothing():
    _check(list(fragments(sorted(DEV.glob("*.txt")), 1000, seed=11)))


def test_fragments_of_the_shipped_texts_raise_nothing():
    _check(list(fragments([p for p in SHIPPED if p.is_file()], 200, seed=11)))


def test_a_speech_noun_at_the_very_end_is_no_crash(analyze_text):
    analysis = analyze_text("Die Opposition erhebt die Forderung")
    assert analysis.errors == []
    assert [line.role for line in analysis.lines] == ["paragraph"]


def test_the_generator_damages_the_way_it_says():
    texts = list(fragments([p for p in SHIPPED if p.is_file()], 300, seed=3))
    assert texts == list(fragments([p for p in SHIPPED if p.is_file()], 300, seed=3))
    assert any(not re.search(r"[.!?…]\W*$", t) for t in texts)
    assert any("\n\n" in t for t in texts)
    assert any(t.count("„") > t.count("“") for t in texts)
    assert any(t.split() and t.split()[-1] in speech_nouns() for t in texts)


@Language.factory("failing_component_for_tests")
def make_failing_component(nlp: Language, name: str):
    """A component that always raises, to show that it costs only itself."""

    def fail(doc):
        raise RuntimeError("deliberate failure")

    return fail


REPORT = (
    "Bundesregierung prüft neue Regeln\n"
    "Die Ministerin Anna Berger sagte am Montag, die Regeln kämen noch in diesem Jahr.\n"
    "„Wir lassen uns nicht drängen“, sagte Berger.\n"
)


@pytest.fixture(scope="module")
def failing_settings():

    components = list(get_language("de").components)
    components.insert(components.index("speaker_resolver"), "failing_component_for_tests")
    return Settings(components=tuple(components))


def test_a_failing_component_costs_only_itself(failing_settings, analyze_text):
    from quellenlage import analyze

    healthy = analyze_text(REPORT)
    broken = analyze(REPORT, failing_settings)
    assert broken.errors == ["failing_component_for_tests: RuntimeError: deliberate failure"]
    assert [line.role for line in broken.lines] == [line.role for line in healthy.lines]
    assert [e.name for e in broken.entities] == [e.name for e in healthy.entities]
    assert [(q.text, q.speaker) for q in broken.quotes] == [(q.text, q.speaker) for q in healthy.quotes]
    assert any(q.speaker and q.speaker.name == "Anna Berger" for q in broken.quotes)
    assert [s.name for s in broken.sources] == [s.name for s in healthy.sources]


@pytest.mark.parametrize("name", get_language("de").components)
def test_each_component_knocked_out_leaves_the_others_working(name, analyze_text, monkeypatch):
    from quellenlage import analyze
    from quellenlage.pipeline import get_pipeline

    def knocked_out(doc):
        raise ValueError("knocked out")

    analyze_text(REPORT)  # the shared pipeline is built
    monkeypatch.setattr(get_pipeline(Settings()).get_pipe(name), "component", knocked_out)
    analysis = analyze(REPORT)
    assert analysis.errors == [f"{name}: ValueError: knocked out"]
    assert analysis.text == REPORT
    assert bool(analysis.lines) == (name != "line_classifier")
    assert bool(analysis.entities) == (name != "entity_resolver")
    if name not in ("line_classifier", "direct_quote_finder"):
        assert any(q.kind == "direct" for q in analysis.quotes)


def test_the_cli_exits_zero_with_a_component_error_and_non_zero_when_nothing_was_analysed(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from quellenlage import pipeline
    from quellenlage.cli import app

    article = tmp_path / "a.txt"
    article.write_text(REPORT, encoding="utf-8")
    nlp = pipeline.get_pipeline(Settings())

    def knocked_out(doc):
        raise ValueError("knocked out")

    with monkeypatch.context() as patch:
        patch.setattr(nlp.get_pipe("claim_builder"), "component", knocked_out)
        result = CliRunner().invoke(app, ["analyze", str(article), "--format", "json"])
    assert result.exit_code == 0
    assert "claim_builder: ValueError: knocked out" in result.stdout

    def broken_model(self, docs):
        raise MemoryError("no room")

    with monkeypatch.context() as patch:  # the language model itself fails: no Doc at all
        patch.setattr(Tagger, "predict", broken_model)
        result = CliRunner().invoke(app, ["analyze", str(article), "--format", "json"])
    assert result.exit_code == 2
    assert "pipeline: MemoryError: no room" in result.stdout
