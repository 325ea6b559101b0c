"""The PolNeAR evaluation (quellenlage.eval.polnear): brat parsing, the direct/indirect and
clausal split, the matching, source and cue rules on hand-built analyses, and one end-to-end run
of `quellenlage eval-polnear` on a tiny made-up fixture (tests/fixtures/polnear)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from quellenlage.eval import polnear
from quellenlage.eval.polnear import (
    GoldAttribution,
    PolnearDoc,
    PolnearReport,
    content_words,
    evaluate_polnear,
    gold_attributions,
    gold_kind,
    heuristic_has_verbs,
    is_clausal,
    parse_brat,
    score_document,
)
from quellenlage.schema import Analysis, Quote, Speaker, TextSpan

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def text_span(text: str, sub: str, nth: int = 0) -> TextSpan:
    s, e = span(text, sub, nth)
    return TextSpan(start=s, end=e, text=text[s:e])


def quote(text: str, sub: str, kind: str = "direct", speaker: str | None = None,
          mention: str | None = None, cue: str | None = None, n: int = 0) -> Quote:
    s, e = span(text, sub)
    return Quote(
        id=f"q{n}", kind=kind, text=text[s:e], start=s, end=e,
        speaker=Speaker(name=speaker, type="person") if speaker else None,
        speaker_mention=text_span(text, mention) if mention else None,
        cue=text_span(text, cue) if cue else None,
    )


def gold(text: str, sub: str, kind: str = "indirect", source: str | None = None,
         cue: str | None = None, clausal: bool = True) -> GoldAttribution:
    parts = [span(text, sub)]
    return GoldAttribution(
        content=parts, source=[span(text, source)] if source else [], cue=[span(text, cue)] if cue else [],
        kind=kind, clausal=clausal, words=content_words(text, parts),
    )


def score(text: str, golds: list[GoldAttribution], quotes: list[Quote]) -> tuple[PolnearReport, polnear.DocErrors]:
    report = PolnearReport()
    errors = score_document(PolnearDoc("d", text, golds), Analysis(text=text, quotes=quotes), report)
    return report, errors


# --- brat ---------------------------------------------------------------------------------------

def test_parse_brat_reads_discontinuous_spans_and_event_roles() -> None:
    ann = ("T1\tContent 10 20;30 45\tsome words more words\n"
           "T2\tSource 0 5\tAlice\n"
           "E1\tAttribution:T3 Source:T2 Cue:T4 Content:T1 Content2:T5\n"
           "#1\tAnnotatorNotes T1\tignored\n")
    spans, events = parse_brat(ann)
    assert spans["T1"].label == "Content"
    assert spans["T1"].spans == [(10, 20), (30, 45)]
    assert spans["T2"].spans == [(0, 5)]
    assert events == [{"Attribution": ["T3"], "Source": ["T2"], "Cue": ["T4"], "Content": ["T1", "T5"]}]


def test_gold_attributions_link_source_and_cue_and_skip_duplicates() -> None:
    text = (FIXTURE / "text" / "beta.txt").read_text(encoding="utf-8")
    ann = (FIXTURE / "attributions" / "beta_c3.ann").read_text(encoding="utf-8")
    golds = gold_attributions(text, ann + "E9\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n")
    assert len(golds) == 2  # E9 repeats E2's content
    first = golds[0]
    assert len(first.content) == 2  # the quote interrupted by its frame
    assert [text[s:e] for s, e in first.source] == ["union leader Tom Baker"]
    assert [text[s:e] for s, e in first.cue] == ["told reporters"]
    assert first.kind == "direct"
    assert golds[1].kind == "indirect"


def test_first_annotator_file_by_name_is_used() -> None:
    docs = polnear.load_polnear(FIXTURE)
    by_id = {d.doc_id: d for d in docs}
    assert by_id["alpha"].annotator == "a1"  # not b2
    assert len(by_id["alpha"].golds) == 3
    assert by_id["beta"].annotator == "c3"


def test_bad_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "good.txt").write_text("Bob said it rained.\n", encoding="utf-8")
    (tmp_path / "attributions" / "good_x1.ann").write_text("T1\tContent 9 18\tit rained\nE1\tAttribution:T2 Content:T1\n")
    (tmp_path / "text" / "bad.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "attributions" / "bad_x1.ann").write_text("T1\tContent nine 18\toops\n")
    (tmp_path / "text" / "orphan.txt").write_text("No annotation.\n", encoding="utf-8")
    notes: list[str] = []
    docs = polnear.load_polnear(tmp_path, notes=notes)
    assert [d.doc_id for d in docs] == ["good"]
    assert len(notes) == 2 and any("bad_x1.ann" in n for n in notes) and any("orphan" in n for n in notes)


# --- kinds --------------------------------------------------------------------------------------

def test_direct_when_marks_at_both_ends_or_around_the_content() -> None:
    text = 'He said: “We will win.” Then: "Never", she said. Also that taxes rise.'
    assert gold_kind(text, [span(text, "“We will win.”")]) == "direct"
    assert gold_kind(text, [span(text, "Never")]) == "direct"  # inside the marks
    assert gold_kind(text, [span(text, "that taxes rise")]) == "indirect"
    # a content starting with a partial quote but not ending in one is indirect
    text2 = "She said “huge” gains were coming."
    assert gold_kind(text2, [span(text2, "“huge” gains were coming")]) == "indirect"


def test_clausal_split() -> None:
    assert is_clausal("direct", "Crooked", has_verb=False)
    assert is_clausal("indirect", "that it rained", has_verb=False)
    assert is_clausal("indirect", "to cut taxes", has_verb=False)
    assert not is_clausal("indirect", "the cost of the project", has_verb=False)
    assert is_clausal("indirect", "the council had found the money", has_verb=True)
    assert not is_clausal("indirect", "raising taxes", has_verb=True)  # under 4 words
    assert heuristic_has_verbs(["the council had found money", "the cost of the project"]) == [True, False]


# --- matching -----------------------------------------------------------------------------------

TEXT = ("Smith said that the plan would cost far more than anyone expected last year. "
        "“It is a disaster,” Jones said. Brown criticized the plan.")


def test_half_of_the_words_is_enough_and_less_is_not() -> None:
    g = gold(TEXT, "that the plan would cost far more than anyone expected last year")  # 12 words
    report, _ = score(TEXT, [g], [quote(TEXT, "that the plan would cost far", "indirect")])  # 6
    assert report.contents["all"].matched == 1
    report, _ = score(TEXT, [g], [quote(TEXT, "that the plan would cost", "indirect")])  # 5
    assert report.contents["all"].matched == 0
    # under the threshold but overlapping: not a false positive
    assert report.contents["all"].predicted_ok == 1 and report.contents["all"].precision == 1.0


def test_matching_is_one_to_one_and_extra_overlaps_are_not_false_positives() -> None:
    g = gold(TEXT, "It is a disaster", "direct")
    q1 = quote(TEXT, "It is a disaster", n=1)
    q2 = quote(TEXT, "It is a", n=2)
    q3 = quote(TEXT, "Brown criticized", "indirect", n=3)  # overlaps nothing
    report, errors = score(TEXT, [g], [q2, q1, q3])
    s = report.contents["all"]
    assert (s.predicted, s.predicted_ok, s.matched, s.gold) == (3, 2, 1, 1)
    assert abs(s.precision - 2 / 3) < 1e-9 and s.recall == 1.0
    assert abs(s.f1 - 0.8) < 1e-9
    assert [e.text for e in errors.false_positives] == ["Brown criticized"]


def test_rows_by_gold_kind_and_recall_by_content_type() -> None:
    golds = [
        gold(TEXT, "that the plan would cost far more than anyone expected last year"),
        gold(TEXT, "It is a disaster", "direct"),
        gold(TEXT, "the plan.", clausal=False),
    ]
    # predicted as indirect, but it matches a direct content: counted in the direct row
    report, errors = score(TEXT, golds, [quote(TEXT, "It is a disaster", "indirect")])
    assert report.contents["direct"].predicted == 1 and report.contents["indirect"].predicted == 0
    assert report.recall["direct"].value == 1.0
    assert report.recall["indirect"].value == 0.0
    assert (report.recall["clausal"].correct, report.recall["clausal"].total) == (1, 2)
    assert report.recall["noun_phrase"].total == 1
    assert len(errors.missed) == 1  # the noun-phrase content is not listed as a miss


# --- source and cue -----------------------------------------------------------------------------

def test_source_by_mention_overlap_or_shared_capitalised_name() -> None:
    text = "“It is a disaster,” said Senator Ann Jones. “It is fine,” he said. “No,” the mayor said."
    golds = [
        gold(text, "It is a disaster", "direct", source="Senator Ann Jones", cue="said"),
        gold(text, "It is fine", "direct", source="he"),
        gold(text, "No", "direct", source="the mayor"),
    ]
    quotes = [
        quote(text, "It is a disaster", speaker="Jones", n=1),  # name shares "Jones"
        quote(text, "It is fine", speaker="Ann Jones", mention="he said", n=2),  # mention overlaps
        quote(text, "No", speaker="The Mayor Office", n=3),  # only "The"/"Mayor": 'Mayor' shared
    ]
    report, _ = score(text, golds, quotes)
    assert (report.source.correct, report.source.total) == (3, 3)
    quotes[2] = quote(text, "No", speaker="The City", n=3)  # 'The' is no name word
    quotes[1] = quote(text, "It is fine", speaker="Ann Jones", n=2)  # "he" shares no word
    report, errors = score(text, golds, quotes)
    assert (report.source.correct, report.source.total) == (1, 3)
    assert len(errors.wrong_sources) == 2


def test_no_speaker_and_cue_accuracy() -> None:
    text = "Jones said that taxes would rise sharply next year. Brown argued that wages fall."
    golds = [
        gold(text, "that taxes would rise sharply next year", source="Jones", cue="said"),
        gold(text, "that wages fall", source="Brown", cue="argued"),
    ]
    quotes = [
        quote(text, "that taxes would rise sharply next year", "indirect", cue="said", n=1),
        quote(text, "that wages fall", "indirect", speaker="Brown", cue="Brown", n=2),
    ]
    report, _ = score(text, golds, quotes)
    assert report.no_speaker == 1
    assert (report.source.correct, report.source.total) == (1, 2)
    assert (report.cue.correct, report.cue.total) == (1, 2)


# --- end to end ---------------------------------------------------------------------------------

def test_evaluate_with_a_fake_analyzer() -> None:
    """The whole path with an analyzer that returns one known quote per text."""
    def fake(texts: Iterable[str]) -> Iterator[Analysis]:
        for t in texts:
            q = [quote(t, "The bridge will open next spring", speaker="Jane Holloway", cue="said")] if "bridge" in t else []
            yield Analysis(text=t, quotes=q)

    report = evaluate_polnear(FIXTURE, analyze_many=fake, has_verbs=heuristic_has_verbs)
    assert report.documents == 2
    s = report.contents["all"]
    assert (s.predicted, s.predicted_ok, s.matched, s.gold) == (1, 1, 1, 5)
    assert report.source.value == 1.0 and report.cue.value == 1.0
    assert report.recall["noun_phrase"].total == 1  # "the cost of the project"


def test_cli_on_the_fixture_runs_the_english_pipeline() -> None:
    from typer.testing import CliRunner

    from quellenlage.cli import _register_subcommands, app

    _register_subcommands("eval-polnear")
    result = CliRunner().invoke(app, ["eval-polnear", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 2
    assert report["contents"]["all"]["gold"] == 5
    assert report["contents"]["direct"]["gold"] == 2
    # the two direct quotes are what every pipeline finds
    assert report["recall"]["direct"]["correct"] >= 1
    result = CliRunner().invoke(app, ["eval-polnear", str(FIXTURE / "text")])
    assert result.exit_code == 2
