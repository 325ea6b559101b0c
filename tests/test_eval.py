"""The evaluation rules (quellenlage.eval): matching, leniency, detokenization, end-to-end runs
with a fake analyzer, so that measured figures can be trusted without running the models."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from quellenlage.eval import gold as gold_eval
from quellenlage.eval import spkatt
from quellenlage.eval.matching import names_match, sources_match
from quellenlage.eval.metrics import (
    PRF,
    covered_fraction,
    greedy_match,
    word_spans,
)
from quellenlage.schema import (
    Analysis,
    Claim,
    HeadlineCheck,
    HeadlineFinding,
    Line,
    Quote,
    Reaction,
    Source,
    Speaker,
    TextSpan,
)

SPKATT_DIR = Path("/work/shared/data/spkatt2023/train")


def quote(text: str, sub: str, kind: str = "direct", speaker: str | None = None, **extra) -> Quote:
    """A predicted quote over the first occurrence of `sub` in `text`."""
    start = text.index(sub)
    return Quote(
        id=f"q{start}", kind=kind, text=sub, start=start, end=start + len(sub),
        speaker=Speaker(name=speaker, type="person") if speaker else None, **extra,
    )


def span(text: str, sub: str) -> TextSpan:
    start = text.index(sub)
    return TextSpan(start=start, end=start + len(sub), text=sub)


def fake_analyzer(make: dict[str, Analysis]):
    """An analyze_many that returns prepared analyses for known texts, empty ones otherwise."""

    def analyze_many(texts: Iterable[str]) -> Iterator[Analysis]:
        for text in texts:
            yield make.get(text) or Analysis(text=text)

    return analyze_many


# --- metrics ---------------------------------------------------------------------------------


def test_overlap_rule_needs_half_of_the_gold_tokens():
    text = "Er sagte: eins zwei drei vier."
    gold = word_spans(text, text.index("eins"), text.index("."))
    assert len(gold) == 4
    two = (text.index("eins"), text.index("zwei") + 4)
    one = (text.index("eins"), text.index("eins") + 4)
    assert covered_fraction(two, gold, text) == 0.5
    assert covered_fraction(one, gold, text) == 0.25


def test_a_repeated_gold_word_counts_once():
    text = "Sie sagte, das sei gut und das sei richtig."
    gold = word_spans(text, text.index("das"), text.index("."))  # das sei gut und das sei richtig
    first_half = (text.index("das"), text.index("gut") + 3)
    assert covered_fraction(first_half, gold, text) == 0.6  # das, sei, gut of 5 distinct words


def test_greedy_matching_is_one_to_one_best_first():
    pairs = greedy_match([(0.6, 0, 0), (0.9, 1, 0), (0.7, 1, 1), (0.5, 0, 1)])
    assert pairs == {1: 0, 0: 1}
    assert greedy_match([(1.0, 0, 0), (1.0, 1, 0)]) == {0: 0}


@pytest.mark.parametrize(
    "pred, gold, ok",
    [
        ("Peskow", "Dmitri Peskow", True),
        ("dmitri peskow", "Dmitri Peskow", True),
        ("Gericht", "Gericht in Den Haag", True),
        ("Putin", "Dmitri Peskow", False),
        ("Dmitri Peskow", "Peskow", False),  # the predicted form must be the shorter one
        (None, None, True),
        (None, "Dmitri Peskow", False),
        ("Peskow", None, False),
        ("die Polizei", "Polizei", True),  # a leading article is dropped on either side
        ("Polizei", "Die Polizei", True),
        ("der Kremlsprecher", "Kremlsprecher Dmitri Peskow", True),
        ("eine Anwohnerin", "Anwohnerin", True),
        ("der Gerichts", "Gericht", False),  # a wrong case form is another word
        ("Die", "die", True),  # an article alone is a name, not an article to drop
        ("die", "Polizei", False),
        ("Bundesamt für Strahlenschutz", "BfS", False),
    ],
)
def test_speaker_leniency(pred, gold, ok):
    assert names_match(pred, gold) is ok


def test_sources_match_by_the_speaker_rule_or_containment():
    assert sources_match("Peskow", "Dmitri Peskow")
    assert sources_match("Kremlsprecher Dmitri Peskow", "Dmitri Peskow")  # one contains the other
    assert sources_match("die Polizei Köln", "Polizei")
    assert not sources_match("Newsweek", "Bloomberg")
    assert not sources_match("IA", "Wikipedia")  # containment is word for word


def test_sources_count_each_predicted_name_once_and_any_match(tmp_path: Path):
    text = "Die Polizei sagte, es sei ruhig. Polizei und Feuerwehr bestätigten das."
    gold = {"sources": [{"name": "Polizei", "type": "organization"},
                        {"name": "Polizei Köln", "type": "organization"}]}
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    analysis = Analysis(text=text, sources=[
        Source(name="die Polizei", type="organization"),
        Source(name="Polizei", type="organization"),
        Source(name="Feuerwehr", type="organization"),
    ])
    f = gold_eval.evaluate_gold(tmp_path, analyze_many=fake_analyzer({text: analysis})).files[0]
    assert (f.source_precision.correct, f.source_precision.total) == (1, 2)
    assert (f.source_recall.correct, f.source_recall.total) == (2, 2)
    assert not names_match("Kremlsprecher Dmitri Peskow", "Dmitri Peskow")  # the speaker rule is stricter


def test_prf_sums_counts():
    total = PRF(tp=1, n_pred=2, n_gold=4) + PRF(tp=1, n_pred=2, n_gold=0)
    assert (total.precision, total.recall) == (0.5, 0.5)
    assert PRF().f1 is None


# --- gold folders ----------------------------------------------------------------------------

TEXT = "\n".join([
    "Politik",
    "",
    "Kreml dementiert Telefonate",
    "",
    'Kremlsprecher Dmitri Peskow sagte: "Das ist nicht wahr." Woodward habe gelogen, sagte Peskow.',
    "",
    "Folgen Sie uns bei WhatsApp!",
])
GOLD = {
    "lines": {"0": "section", "2": "headline", "4": "paragraph", "6": "boilerplate"},
    "quotes": [
        {"kind": "direct", "text": "Das ist nicht wahr.", "speaker": "Dmitri Peskow",
         "speaker_type": "person"},
        {"kind": "indirect", "text": "Woodward habe gelogen", "speaker": "Dmitri Peskow",
         "speaker_type": "person"},
    ],
    "sources": [{"name": "Dmitri Peskow", "type": "person"}, {"name": "Bob Woodward", "type": "person"}],
    "claims": [{"claim": "Trump telefonierte heimlich mit Putin", "source": "Bob Woodward",
                "reactions": [{"by": "Dmitri Peskow", "status": "denied"}]}],
    "headline_check": {"text": "Kreml dementiert Telefonate",
                       "findings": [{"assertion": "Kreml dementiert Telefonate", "verdict": "supported"}]},
}


def predicted() -> Analysis:
    roles = ["section", "", "headline", "", "paragraph", "", "paragraph"]
    lines, start = [], 0
    for i, (line, role) in enumerate(zip(TEXT.split("\n"), roles)):
        if role:
            lines.append(Line(index=i, role=role, text=line, start=start))
        start += len(line) + 1
    direct = quote(TEXT, "Das ist nicht wahr", speaker="Peskow")  # no full stop: still 4/4 tokens
    wrong_kind = quote(TEXT, "Woodward habe gelogen", kind="direct", speaker="Peskow")
    stray = quote(TEXT, "Folgen Sie uns", kind="indirect")
    peskow = Speaker(name="Peskow", type="person")
    return Analysis(
        text=TEXT,
        lines=lines,
        quotes=[direct, wrong_kind, stray],
        sources=[Source(name="Peskow", type="person"), Source(name="WhatsApp", type="media")],
        claims=[Claim(
            id="c1", text="Trump habe heimlich mit Putin telefoniert", start=0, end=1,
            source=Speaker(name="Woodward", type="person"), status="attributed",
            reactions=[Reaction(by=peskow, status="denied", text="nicht wahr", start=0, end=1)],
        )],
        headline_check=HeadlineCheck(text="Kreml dementiert Telefonate", findings=[HeadlineFinding(
            assertion="Kreml dementiert", start=0, end=1, verdict="supported", why="")]),
    )


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_gold_end_to_end(gold_dir: Path):
    report = gold_eval.evaluate_gold(gold_dir, analyze_many=fake_analyzer({TEXT: predicted()}))
    f = report.files[0]
    assert (f.lines.correct, f.lines.total) == (3, 4)
    assert (f.boilerplate.tp, f.boilerplate.n_pred, f.boilerplate.n_gold) == (0, 0, 1)
    direct, indirect = f.quotes["direct"], f.quotes["indirect"]
    assert (direct.tp, direct.n_pred, direct.n_gold) == (1, 2, 1)  # wrong kind is no match
    assert (indirect.tp, indirect.n_pred, indirect.n_gold) == (0, 1, 1)
    assert f.quotes["all"].tp == 1
    assert (f.speaker.correct, f.speaker.total) == (1, 1)
    assert (f.source_precision.correct, f.source_precision.total) == (1, 2)
    assert (f.source_recall.correct, f.source_recall.total) == (1, 2)
    assert f.source_type.value == 1.0
    assert f.claims.value == 1.0 and f.reactions.value == 1.0
    assert f.headline.value == 1.0
    assert {e.what for e in f.errors} == {"missed", "false_positive"}
    assert report.overall.quotes["all"] == f.quotes["all"]
    assert (f.speaker_end_to_end.correct, f.speaker_end_to_end.total) == (1, 2)
    assert f.error_kinds == {
        "missed indirect: found as direct": 1,
        "false direct: rule none": 1,
        "false indirect: rule none": 1,
    }
    assert report.overall.error_kinds == f.error_kinds


def test_speaker_end_to_end_counts_every_gold_quote_once(tmp_path: Path):
    text = "Die Polizei sagte, der Täter sei geflohen. „Wir suchen ihn“, sagte ein Sprecher."
    gold = {"quotes": [
        {"kind": "indirect", "text": "der Täter sei geflohen", "speaker": "Polizei"},
        {"kind": "direct", "text": "Wir suchen ihn", "speaker": "Polizei"},
        {"kind": "direct", "text": "nicht im Text gefunden", "speaker": "Polizei"},
    ]}
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    analysis = Analysis(text=text, quotes=[
        quote(text, "der Täter sei geflohen", kind="indirect", speaker="die Polizei"),
        quote(text, "Wir suchen ihn", speaker="ein Sprecher"),
    ])
    f = gold_eval.evaluate_gold(tmp_path, analyze_many=fake_analyzer({text: analysis})).files[0]
    assert (f.speaker.correct, f.speaker.total) == (1, 2)
    assert (f.speaker_end_to_end.correct, f.speaker_end_to_end.total) == (1, 3)
    assert f.error_kinds == {"wrong speaker: a description, not the gold name": 1, "missed direct: nothing found": 1}


@pytest.mark.parametrize(
    "pred, gold, kind",
    [
        (None, "Anna Berger", "wrong speaker: none given, gold names one"),
        ("Anna Berger", None, "wrong speaker: one given, gold has none"),
        ("Ministerin Anna Berger", "Anna Berger", "wrong speaker: gold name plus extra words"),
        ("Klaus Roth", "Anna Berger", "wrong speaker: another speaker of the article"),
        ("Stiftung Warentest", "Anna Berger", "wrong speaker: a name the gold does not use"),
        ("Anna Bergers Sprecher", "Anna Berger", "wrong speaker: overlapping but other name"),
        ("die Ministerin", "Anna Berger", "wrong speaker: a description, not the gold name"),
    ],
)
def test_speaker_error_kinds(pred, gold, kind):
    assert gold_eval.speaker_error_kind(pred, gold, {"Anna Berger", "Klaus Roth"}) == kind


def test_gold_counts_wrong_speakers_and_reports_analyzer_errors(gold_dir: Path):
    analysis = predicted()
    analysis.quotes[0].speaker = Speaker(name="Putin", type="person")
    analysis.errors = ["claims: KeyError: 'x'"]
    report = gold_eval.evaluate_gold(gold_dir, analyze_many=fake_analyzer({TEXT: analysis}))
    assert report.files[0].speaker.correct == 0
    assert report.files[0].warnings == ["analyzer: claims: KeyError: 'x'"]
    assert any(e.what == "wrong_speaker" for e in report.files[0].errors)


def test_gold_command_json_and_bad_dir(gold_dir: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(gold_eval, "resolve_analyze_many", lambda _: fake_analyzer({TEXT: predicted()}))
    assert gold_eval.eval_gold_command(gold_dir, json_out=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["quotes"]["direct"]["recall"] == 1.0
    assert gold_eval.eval_gold_command(gold_dir) == 0  # the Rich tables render
    empty = tmp_path / "empty"
    empty.mkdir()
    assert gold_eval.eval_gold_command(empty) == 2
    assert gold_eval.eval_gold_command(tmp_path / "missing") == 2
    assert "error" in capsys.readouterr().err


# --- SpkAtt ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tokens, text",
    [
        (["„", "Silverbird", "“"], "„Silverbird“"),
        ("Er sagte , er komme ( später ) .".split(), "Er sagte, er komme (später)."),
        ('Sie rief : " Nein " , und ging .'.split(), 'Sie rief: "Nein", und ging.'),
        ("Mark O ’ Keefe", "Mark O’Keefe"),
        ('Rufe „ Tod dem Diktator " , hieß es .', 'Rufe „Tod dem Diktator", hieß es.'),
        ("auf '' news.bbc.co.uk '' veröffentlicht", "auf ''news.bbc.co.uk'' veröffentlicht"),
    ],
)
def test_detokenize(tokens, text):
    tokens = tokens.split() if isinstance(tokens, str) else tokens
    got, spans = spkatt.detokenize(tokens)
    assert got == text
    assert [got[s:e] for s, e in spans] == tokens


def spk_doc(annotations: list[dict]) -> dict:
    return {
        "DocumentName": "1 - Titel (2005-08-05)",
        "Sentences": [
            {"SentenceId": 0, "Tokens": "Peskow sagte , das sei falsch .".split()},
            {"SentenceId": 1, "Tokens": "Die Zeitung berichtete von der Bergung .".split()},
            {"SentenceId": 2, "Tokens": "Es regnete .".split()},
        ],
        "Annotations": annotations,
    }


INDIRECT = {"Form": "Indirect", "Cue": ["0:1"], "Source": ["0:0"], "Message": ["0:3", "0:4", "0:5"],
            "IsNested": False}
REPORTED = {"Form": "Reported", "Cue": ["1:2"], "Source": ["1:0", "1:1"],
            "Message": ["1:3", "1:4", "1:5"], "IsNested": False}


def test_document_layout_and_token_map():
    doc = spkatt.build_document("1", spk_doc([INDIRECT]))
    assert doc.text.startswith("Titel\n\nPeskow sagte, das sei falsch. Die Zeitung")
    start = doc.text.index("das sei")
    assert spkatt.tokens_in(doc, (start, start + len("das sei"))) == {(0, 3), (0, 4)}
    assert spkatt.tokens_in(doc, (0, 5)) == set()  # the title line has no tokens


def test_spkatt_scoring_and_not_a_false_positive():
    doc = spkatt.build_document("1", spk_doc([INDIRECT, REPORTED]))
    t = doc.text
    analysis = Analysis(text=t, quotes=[
        quote(t, "das sei", kind="indirect", speaker_mention=span(t, "Peskow"), cue=span(t, "sagte")),
        quote(t, "von der Bergung", kind="indirect"),  # Reported: matched for information only
        quote(t, "Es regnete", kind="direct"),  # nothing there: a false positive
        quote(t, "der Bergung", kind="direct"),  # Reported is not missed: no wrong kind
    ])
    report = spkatt.SpkattReport()
    errors = spkatt.score_document(doc, analysis, report)
    ind, direct = report.quotes["indirect"], report.quotes["direct"]
    assert (ind.tp, ind.n_pred, ind.n_gold) == (1, 1, 1)
    assert (direct.tp, direct.n_pred, direct.n_gold) == (0, 1, 0)
    assert report.neutral_predictions == 2 and report.wrong_kind == 0
    assert report.recall_by_form["Reported"].value == 1.0
    assert report.source.value == 1.0 and report.cue.value == 1.0
    assert [e.text for e in errors.false_positives] == ["Es regnete"]
    assert report.analyzer_errors == {}


def test_spkatt_below_half_or_wrong_kind_is_a_miss_but_not_a_false_positive():
    doc = spkatt.build_document("1", spk_doc([INDIRECT]))
    t = doc.text
    analysis = Analysis(text=t, quotes=[
        quote(t, "falsch", kind="indirect"),  # 1 of 3 tokens
        quote(t, "das sei falsch", kind="direct"),  # all tokens, but the wrong kind
    ])
    report = spkatt.SpkattReport()
    errors = spkatt.score_document(doc, analysis, report)
    assert report.quotes["all"].tp == 0 and report.quotes["all"].n_pred == 0
    assert report.neutral_predictions == 2 and report.wrong_kind == 1
    assert len(errors.missed) == 1


def test_spkatt_end_to_end(tmp_path: Path, capsys):
    (tmp_path / "1.json").write_text(json.dumps(spk_doc([INDIRECT])), encoding="utf-8")
    text = spkatt.load_spkatt(tmp_path)[0].text
    failed = Analysis(text=text, errors=["quotes: ValueError: boom"])
    report = spkatt.evaluate_spkatt(tmp_path, analyze_many=fake_analyzer({text: failed}))
    assert report.documents == 1 and report.quotes["all"].recall == 0.0
    assert report.analyzer_errors == {"1": ["quotes: ValueError: boom"]}
    assert [d.doc_id for d in report.worst] == ["1"]
    spkatt.print_spkatt_report(report)
    assert "Peskow" not in capsys.readouterr().err
    assert spkatt.eval_spkatt_command(tmp_path / "missing") == 2


@pytest.mark.skipif(not SPKATT_DIR.is_dir(), reason="SpkAtt-2023 data not available")
def test_spkatt_real_texts_keep_every_token():
    for path in sorted(SPKATT_DIR.glob("*.json"))[:20]:
        raw = json.loads(path.read_text(encoding="utf-8"))
        doc = spkatt.build_document(path.stem, raw)
        for sentence in raw["Sentences"]:
            for i, token in enumerate(sentence["Tokens"]):
                start, end = doc.token_spans[(sentence["SentenceId"], i)]
                assert doc.text[start:end] == token
        assert " ," not in doc.text and "„ " not in doc.text
