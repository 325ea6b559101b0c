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


def test_a_rule_name_outside_the_list_is_rejected():
    stored = json.loads(json.dumps(STORED_BEFORE_THE_RENAME))
    stored["quotes"][0]["cue_type"] = "sagte"
    with pytest.raises(ValidationError):
        Analysis.model_validate(stored)
