"""The pipeline declares itself: spaCy's `analyze_pipes` sees what each component needs and sets."""

import pytest

from quellenlage.lang import get_language


@pytest.fixture(scope="module")
def nlp():
    from quellenlage.pipeline import get_pipeline

    return get_pipeline()


def test_every_requirement_is_met_by_an_earlier_component(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_components_declare_what_they_need_and_set(nlp):
    summary = nlp.analyze_pipes(pretty=False)["summary"]
    assert summary["line_classifier"]["assigns"] == ["doc._.lines"]
    assert "doc._.lines" in summary["entity_resolver"]["requires"]
    assert "doc.ents" in summary["entity_resolver"]["requires"]
    assert "doc._.entities" in summary["speaker_resolver"]["requires"]
    assert "span._.speaker" in summary["speaker_resolver"]["assigns"]
    assert "span._.speaker" in summary["source_collector"]["requires"]
    assert summary["source_collector"]["assigns"] == ["doc._.sources"]
    assert "doc._.claims" in summary["headline_checker"]["requires"]
    assert summary["headline_checker"]["assigns"] == ["doc._.headline_check"]


def test_a_component_before_what_it_needs_is_reported():
    from quellenlage.pipeline import build_pipeline
    from quellenlage.settings import Settings

    components = list(get_language("de").components)
    components.remove("claim_builder")
    nlp = build_pipeline(Settings(components=(*components, "claim_builder")))
    assert "doc._.claims" in nlp.analyze_pipes(pretty=False)["problems"]["headline_checker"]


def test_the_order_is_the_settings_order_after_the_language_pipeline(nlp):

    ours = list(get_language("de").components)
    assert nlp.pipe_names[-len(ours):] == ours


def test_thresholds_are_config_and_reach_the_component():
    from quellenlage.pipeline import build_pipeline

    nlp = build_pipeline()
    assert nlp.config["components"]["claim_builder"]["settings"]["min_content"] == 2
    strict = nlp.create_pipe("guarded_claim_builder", name="strict", config={"settings": {"min_content": 50}})
    assert strict.component.min_content == 50
    doc = nlp("Streit um Regeln\nDie Ministerin sagte, die neuen Regeln kämen noch in diesem Jahr in Kraft.\n")
    assert doc._.claims
    nlp.remove_pipe("headline_checker")
    nlp.replace_pipe("claim_builder", "guarded_claim_builder", config={"settings": {"min_content": 50}})
    assert not nlp("Streit um Regeln\nDie Ministerin sagte, die neuen Regeln kämen noch in diesem Jahr in Kraft.\n")._.claims
