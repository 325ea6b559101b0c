"""The committed JSON Schema is the one the pydantic models generate; stored analyses still load."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quellenlage.schema import Analysis

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "analysis.schema.json"


def test_committed_schema_is_current():
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == Analysis.model_json_schema(), "run `make schema` and commit docs/schema"


def test_analysis_json_validates_against_schema(analyze_text):
    jsonschema = __import__("jsonschema")
    analysis = analyze_text("Die Polizei teilte mit, dass niemand verletzt wurde.")
    jsonschema.validate(json.loads(analysis.model_dump_json()), json.loads(SCHEMA.read_text(encoding="utf-8")))


STORED_BEFORE_THE_RENAME = {
    "text": "Die Polizei sagte, niemand sei verletzt.",
    "quotes": [{"id": "q1", "kind": "indirect", "text": "niemand sei verletzt", "start": 18, "end": 38,
                "cue": {"start": 12, "end": 17, "text": "sagte"}, "cue_type": "verb"}],
}


def test_an_analysis_stored_with_cue_type_loads_and_writes_rule():
    analysis = Analysis.model_validate_json(json.dumps(STORED_BEFORE_THE_RENAME))
    assert analysis.quotes[0].rule == "verb"
    written = json.loads(analysis.model_dump_json())["quotes"][0]
    assert written["rule"] == "verb" and "cue_type" not in written


@pytest.mark.parametrize("rule", ["sagte", "Verb", "x_verb"])
def test_a_rule_name_outside_the_list_is_rejected(rule):
    stored = json.loads(json.dumps(STORED_BEFORE_THE_RENAME))
    stored["quotes"][0]["cue_type"] = rule
    with pytest.raises(ValidationError):
        Analysis.model_validate(stored)


def test_a_language_package_names_its_rules_with_its_code():
    stored = json.loads(json.dumps(STORED_BEFORE_THE_RENAME))
    stored["quotes"][0]["cue_type"] = "zz_dixit"
    assert Analysis.model_validate(stored).quotes[0].rule == "zz_dixit"


def test_the_shipped_examples_use_only_the_listed_rule_names(analyze_text):
    from typing import get_args

    from quellenlage.schema import QuoteRule

    examples = Path(__file__).resolve().parents[1] / "quellenlage" / "examples"
    listed = set(get_args(QuoteRule))
    for path in sorted(examples.glob("*.txt")):
        rules = {q.rule for q in analyze_text(path.read_text(encoding="utf-8")).quotes}
        assert rules and rules <= listed, (path.name, rules - listed)
