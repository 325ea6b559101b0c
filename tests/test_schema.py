"""The committed JSON Schema is the one the pydantic models generate."""

import json
from pathlib import Path

from quellenlage.schema import Analysis

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "analysis.schema.json"


def test_committed_schema_is_current():
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == Analysis.model_json_schema(), "run `make schema` and commit docs/schema"


def test_analysis_json_validates_against_schema(analyze_text):
    jsonschema = __import__("jsonschema")
    analysis = analyze_text("Die Polizei teilte mit, dass niemand verletzt wurde.")
    jsonschema.validate(json.loads(analysis.model_dump_json()), json.loads(SCHEMA.read_text(encoding="utf-8")))
