"""Behaviour of the shipped German pipeline (quellenlage/nlp/model). No external data needed."""
from __future__ import annotations

import pytest

from quellenlage.nlp import MODEL_DIR, load_pipeline

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="no shipped model")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _tok(doc, text):
    for t in doc:
        if t.text == text:
            return t
    raise AssertionError(f"{text!r} not in {[t.text for t in doc]}")


def test_meta_and_components(nlp):
    meta = nlp.meta
    assert meta["lang"] == "de"
    assert meta.get("license") and meta.get("sources") and meta.get("version")
    for name in ("ql_sentences", "morphologizer", "ql_lemmatizer", "ql_konjunktiv", "ner"):
        assert name in nlp.pipe_names
    assert {"PER", "ORG", "LOC", "MISC"} <= set(nlp.get_pipe("ner").labels)


@pytest.mark.parametrize("text,verb", [
    ("Der Sprecher sagte, der Minister habe von dem Vorgang nichts gewusst.", "habe"),
    ("Die Ministerin erklärte, die Lage sei ernst.", "sei"),
    ("Ein Sprecher des Konzerns teilte mit, man werde die Vorwürfe prüfen.", "werde"),
    ("Nach Angaben der Polizei könne derzeit niemand das Gebäude betreten.", "könne"),
    ("Der Trainer betonte, die Mannschaft müsse sich steigern.", "müsse"),
    ("Sie sagte, es gebe keine Hinweise auf eine Straftat.", "gebe"),
    ("Laut Anklage stehe der Mann unter dringendem Tatverdacht.", "stehe"),
])
def test_konjunktiv_one_is_subjunctive(nlp, text, verb):
    t = _tok(nlp(text), verb)
    assert t.morph.get("Mood") == ["Sub"], (verb, str(t.morph))


@pytest.mark.parametrize("text,verb", [
    ("Der Minister hat von dem Vorgang nichts gewusst.", "hat"),
    ("Die Lage ist ernst, sagte die Ministerin.", "ist"),
    ("Der Konzern wird die Vorwürfe prüfen.", "wird"),
    ("Niemand kann das Gebäude derzeit betreten.", "kann"),
])
def test_indicative_stays_indicative(nlp, text, verb):
    t = _tok(nlp(text), verb)
    assert t.morph.get("Mood") == ["Ind"], (verb, str(t.morph))


def test_verb_morphology_features(nlp):
    t = _tok(nlp("Der Sprecher sagte, der Minister habe nichts gewusst."), "habe")
    assert t.morph.get("Person") == ["3"]
    assert t.morph.get("Number") == ["Sing"]
    assert t.morph.get("Tense") == ["Pres"]
    assert t.pos_ in ("AUX", "VERB")


@pytest.mark.parametrize("text,form,lemma", [
    ("Das Unternehmen dementierte den Bericht am Dienstag.", "dementierte", "dementieren"),
    ("Der Bürgermeister sagte am Abend, alles sei in Ordnung.", "sagte", "sagen"),
    ("Die Regierung erklärte, sie habe keine Kenntnis davon.", "erklärte", "erklären"),
    ("Die Gewerkschaft kritisierte die Entscheidung scharf.", "kritisierte", "kritisieren"),
    ("Der Anwalt betonte, sein Mandant sei unschuldig.", "betonte", "betonen"),
    ("Die Sprecherin wies die Vorwürfe zurück.", "wies", "weisen"),
])
def test_speech_verb_lemmas(nlp, text, form, lemma):
    assert _tok(nlp(text), form).lemma_ == lemma


def test_person_and_organisation_names(nlp):
    doc = nlp("Bundeskanzlerin Angela Merkel traf am Montag in Berlin Vertreter der "
              "Deutschen Bank und von Siemens.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert any(lab == "PER" and "Merkel" in txt for txt, lab in ents), ents
    assert any(lab == "LOC" and txt == "Berlin" for txt, lab in ents), ents
    assert any(lab == "ORG" and ("Deutschen Bank" in txt or "Siemens" in txt) for txt, lab in ents), ents


def test_person_as_speaker(nlp):
    doc = nlp("Olaf Scholz sagte, die Bundesregierung werde die Hilfen verlängern.")
    assert any(e.label_ == "PER" and "Scholz" in e.text for e in doc.ents), doc.ents


def test_newline_always_ends_sentence(nlp):
    doc = nlp("Der Minister sagte am Montag in Berlin\ndie Lage sei ernst und man werde handeln\n"
              "Weitere Einzelheiten wurden nicht genannt.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Der Minister sagte am Montag in Berlin"
    assert any(s.startswith("die Lage sei ernst") for s in sents)
    for s in doc.sents:
        assert "\n" not in s.text.strip()
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)


def test_sentence_boundaries_without_newlines(nlp):
    doc = nlp("Die Polizei ermittelt. Ein Sprecher sagte, es gebe noch keine Spur. Der Fall ist offen.")
    assert len(list(doc.sents)) == 3


def test_exclude(nlp):
    small = load_pipeline(exclude=("ner",))
    assert "ner" not in small.pipe_names
    assert small("Er sagte, er habe keine Zeit.")[3].lemma_


def test_entities_never_cross_newlines(nlp):
    doc = nlp("Das sagte Angela\nMerkel am Montag in Berlin.")
    assert all("\n" not in e.text for e in doc.ents)


@pytest.mark.parametrize("text,verb,reported", [
    ("Die Ministerin erklärte, die Lage sei ernst.", "sei", True),
    ("Der Trainer betonte, die Mannschaft müsse sich steigern.", "müsse", True),
    ("Der Trainer meinte, die Mannschaft wäre gern weitergekommen.", "wäre", False),
    ("Die Sprecherin sagte, man hätte früher handeln können.", "hätte", False),
])
def test_the_pipeline_and_the_attribution_check_read_mood_from_the_same_forms(nlp, text, verb, reported):
    """Konjunktiv I and II are both Mood=Sub; only Konjunktiv I marks reported speech."""
    from quellenlage.lang.de.grammar import is_konjunktiv1

    t = _tok(nlp(text), verb)
    assert t.morph.get("Mood") == ["Sub"], (verb, str(t.morph))
    assert is_konjunktiv1(t) is reported


def test_the_shipped_config_finds_the_mood_component_by_its_name(nlp):
    from spacy.language import Language

    assert nlp.get_pipe_meta("ql_konjunktiv").factory == "ql_konjunktiv"
    assert Language.get_factory_meta("ql_konjunktiv").default_config == {"regular_k1": True}
