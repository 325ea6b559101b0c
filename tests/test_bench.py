"""Smoke tests of `quellenlage bench`: every suite on two or three documents, so that the
benchmark code cannot rot. No timed assertions; skipped without the shared data or the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.bench import attribution, boilerplate, extraction, speech, throughput
from quellenlage.bench.cli import DEFAULT_DATA, bench
from quellenlage.bench.metrics import SnippetCounts, shingle_counts, shingle_scores
from quellenlage.nlp import MODEL_DIR

needs_data = pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason=f"no shared data at {DEFAULT_DATA}")
needs_model = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="no shipped model")


def rows(result, title_start: str = "") -> dict[str, list]:
    """First table (or the one whose title starts so) as {first cell: row}."""
    t = next(t for t in result.tables if t.title.startswith(title_start))
    return {r[0]: r for r in t.rows}


def test_shingle_metric_matches_the_reference_rules() -> None:
    assert shingle_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts("a b c d e f", "a b c d x")  # gold 3 shingles, pred 2, 1 shared
    assert (tp, fp, fn) == (1 / 4, 1 / 4, 2 / 4)
    s = shingle_scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert s.precision == pytest.approx(0.75) and s.recall == 1.0


def test_snippet_metric_normalises_whitespace() -> None:
    counts = SnippetCounts()
    counts.add("Der  Text\nläuft weiter.", ["Text läuft"], ["Impressum"])
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 0, 0, 1)


@needs_data
def test_extraction_suite_scores_quellenlage_and_each_installed_peer() -> None:
    result = extraction.run(DEFAULT_DATA, limit=2)
    table = rows(result, "scrapinghub")
    _, missing = extraction.load_extractors("en")
    assert set(table) == {c.name for c in extraction.CANDIDATES} - set(missing)
    assert table["Quellenlage"][4] is not None  # F1
    assert rows(result, "trafilatura-eval")["Quellenlage"][3] is not None


@needs_data
@needs_model
def test_analysis_suites_run_on_a_few_documents() -> None:
    assert rows(boilerplate.run(DEFAULT_DATA, limit=2)).keys()
    assert rows(speech.run(DEFAULT_DATA, limit=2))["direct"][4] > 0  # gold tokens
    spkatt = attribution.run(DEFAULT_DATA, limit=2)
    assert rows(spkatt)["quotes: all"][4] > 0
    assert spkatt.status == "ok"


@needs_data
@needs_model
def test_throughput_suite_measures_each_part_in_its_own_process() -> None:
    result = throughput.run(DEFAULT_DATA, limit=2)
    assert result.status == "ok", result.notes
    assert set(rows(result)) == set(throughput.MEASUREMENTS)


@needs_data
@needs_model
def test_cli_writes_markdown_and_json_with_the_same_figures(tmp_path: Path) -> None:
    bench(suite=["speech"], limit=2, out_dir=tmp_path, data_dir=DEFAULT_DATA)
    data = json.loads((tmp_path / "benchmarks.json").read_text(encoding="utf-8"))
    assert data["suites"][0]["suite"] == "speech" and data["machine"]["versions"]["spacy"]
    assert "German speech representation" in (tmp_path / "benchmarks.md").read_text(encoding="utf-8")


def test_rerun_keeps_the_hand_written_part_of_benchmarks_md(tmp_path: Path) -> None:
    from quellenlage.bench.report import HAND_WRITTEN, Machine, Report, write_report

    machine = Machine(date="d", platform="p", python="3", cpu="c", cores=1, git_commit=None, versions={})
    report = Report(machine=machine, command="quellenlage bench", suites=[])
    md, _ = write_report(report, tmp_path, "first")
    md.write_text(md.read_text(encoding="utf-8") + f"\n{HAND_WRITTEN}\n## English: PolNeAR\nby hand\n", encoding="utf-8")
    write_report(report, tmp_path, "second")
    text = md.read_text(encoding="utf-8")
    assert "second" in text and "first" not in text
    assert text.count(HAND_WRITTEN) == 1 and text.endswith("## English: PolNeAR\nby hand\n")
