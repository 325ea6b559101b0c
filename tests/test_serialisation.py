"""An analysed Doc is plain spaCy data: it goes to bytes and back, and across processes."""

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "quellenlage" / "examples" / "newsde-putin-trump-woodward.de.txt"
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"

REPORT = (
    "Bundesregierung prüft neue Regeln\n"
    "Die Ministerin Anna Berger sagte am Montag, die Regeln kämen noch in diesem Jahr.\n"
    "„Wir lassen uns nicht drängen“, sagte Berger. Laut dem Verband der Hersteller sind die Pläne unklar.\n"
    "Ein Sprecher des Verbands bestritt das.\n"
)


@pytest.fixture(scope="module")
def nlp():
    from quellenlage.pipeline import get_pipeline

    return get_pipeline()


def round_trip(nlp, text: str) -> tuple[str, str]:
    from spacy.tokens import Doc

    from quellenlage.convert import doc_to_analysis

    doc = nlp(text)
    before = doc_to_analysis(doc).model_dump_json()
    after = doc_to_analysis(Doc(nlp.vocab).from_bytes(doc.to_bytes())).model_dump_json()
    return before, after


def test_the_example_round_trips_through_bytes_with_identical_json(nlp):
    before, after = round_trip(nlp, EXAMPLE.read_text(encoding="utf-8"))
    assert '"quotes":[{' in before and '"lines":[{' in before and '"entities":[{' in before
    assert after == before


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is not present")
def test_a_dev_page_round_trips_through_bytes_with_identical_json(nlp):
    before, after = round_trip(nlp, (DEV / "de-faz.txt").read_text(encoding="utf-8"))
    assert after == before


def test_findings_are_stored_as_spans_and_plain_values(nlp):
    doc = nlp(REPORT)
    assert [s.label_ for s in doc.spans["lines"]][:2] == ["headline", "paragraph"]
    berger = next(s for s in doc.spans["entities"] if s.text == "Anna Berger")
    assert berger.label_ == "person" and berger.kb_id_.startswith("e")
    assert {r["id"] for r in doc._.entity_records} >= {berger.kb_id_}
    quote = next(q for q in doc.spans["quotes"] if q._.kind == "direct")
    assert quote._.speaker.name == "Anna Berger"
    assert quote._.cue.text == "sagte"
    plain = (str, int, float, bool, type(None), list, tuple, dict)
    assert all(isinstance(v, plain) for v in doc.user_data.values())


def test_a_doc_from_bytes_gives_objects_to_code_that_reads_them(nlp):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab).from_bytes(nlp(REPORT).to_bytes())
    assert doc._.lines[0].role == "headline" and doc._.lines[0].text == "Bundesregierung prüft neue Regeln"
    assert any(c.name == "Anna Berger" and c.type == "person" for c in doc._.entities)
    assert any(s.name == "Anna Berger" for s in doc._.sources)


def test_each_quote_carries_its_id_and_keeps_it_through_bytes(nlp):
    from spacy.tokens import Doc

    doc = nlp(REPORT)
    ids = [q._.id for q in doc.spans["quotes"]]
    assert len(ids) >= 2 and ids == [f"q{n}" for n in range(1, len(ids) + 1)]
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [q._.id for q in back.spans["quotes"]] == ids
    berger = next(s for s in back._.sources if s.name == "Anna Berger")
    assert set(berger.quote_ids) <= set(ids) and berger.quote_ids


def test_two_processes_give_the_same_analyses_as_one():
    from quellenlage.pipeline import analyze_many
    from quellenlage.settings import Settings

    texts = [REPORT, "Kurze Notiz ohne Zitat.", REPORT.replace("Berger", "Keller")] * 2
    one = [a.model_dump_json() for a in analyze_many(texts, Settings(n_process=1, batch_size=2))]
    two = [a.model_dump_json() for a in analyze_many(texts, Settings(n_process=2, batch_size=2))]
    assert two == one


def test_a_worker_that_fails_costs_only_its_documents(monkeypatch):
    from spacy.pipeline import Tagger

    from quellenlage.pipeline import analyze_many, nothing_analysed
    from quellenlage.settings import Settings

    def broken_model(self, docs):
        if any("kaputt" in doc.text for doc in docs):
            raise MemoryError("no room")
        return original(self, docs)

    original = Tagger.predict
    monkeypatch.setattr(Tagger, "predict", broken_model)
    texts = [REPORT, "Dieser Text ist kaputt.", REPORT]
    analyses = list(analyze_many(texts, Settings(n_process=2, batch_size=1)))
    assert [a.text for a in analyses] == texts
    assert [nothing_analysed(a) for a in analyses] == [False, True, False]
    assert analyses[1].errors == ["pipeline: MemoryError: no room"]


def test_a_worker_process_that_dies_costs_a_redo_in_process_not_documents(monkeypatch):
    import os

    from spacy.pipeline import Tagger

    from quellenlage.pipeline import analyze_many
    from quellenlage.settings import Settings

    parent = os.getpid()

    def dying_worker(self, docs):
        if os.getpid() != parent and any("Absturz" in doc.text for doc in docs):
            os._exit(3)  # the worker process dies without a word
        return original(self, docs)

    original = Tagger.predict
    monkeypatch.setattr(Tagger, "predict", dying_worker)
    texts = [REPORT, "Ein Absturz mitten im Text.", REPORT.replace("Berger", "Keller"), "Kurze Notiz ohne Zitat."] * 3
    two = [a.model_dump_json() for a in analyze_many(texts, Settings(n_process=2, batch_size=1))]
    one = [a.model_dump_json() for a in analyze_many(texts, Settings(n_process=1, batch_size=1))]
    assert two == one


def test_line_roles_from_html_markup_travel_to_the_worker_processes():
    from quellenlage.ingest import read_path
    from quellenlage.pipeline import analyze_many
    from quellenlage.settings import Settings

    article = read_path(str(Path(__file__).parent / "fixtures" / "html" / "stadtkurier.html"))
    assert article.lines
    one, two = (list(analyze_many([article, article], Settings(n_process=n, batch_size=1))) for n in (1, 2))
    assert [(line.role, line.start) for line in two[0].lines] == [(line.role, line.start) for line in article.lines]
    assert [a.model_dump_json() for a in two] == [a.model_dump_json() for a in one]
