"""The corpus tables: the rows of `rows.py` (one per finding) with fixed Arrow schemas.

Fixed schemas matter: every chunk writes its own Parquet file, and a dataset only reads back
as one table when all its files agree on column types (an all-null column would otherwise
become type `null` in one file and `string` in the next). docs/corpus.md documents them.
"""

from __future__ import annotations

import pyarrow as pa

from quellenlage.batch.rows import TABLES, Row

S, I, F = pa.string(), pa.int64(), pa.float64()  # noqa: E741 - column type shorthands (string, integer, float)
LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", S), ("input", S), ("position", S), ("input_format", S),
        ("title", S), ("date", S), ("month", S), ("outlet", S), ("url", S), ("author", S), ("language", S),
        ("n_chars", I), ("n_words", I), ("n_quotes", I), ("n_direct", I), ("n_indirect", I),
        ("n_entities", I), ("n_sources", I), ("n_claims", I),
        ("named_sources", I), ("anonymous_sources", I), ("body_sentences", I),
        ("attributed_sentences", I), ("attributed_share", F), ("single_source_claims", I),
        ("headline", S), ("status", S), ("model", S), ("quellenlage_version", S),
    ]),
    "quotes": pa.schema([
        ("article_id", S), ("quote_id", S), ("kind", S), ("text", S), ("start", I), ("end", I),
        ("speaker", S), ("speaker_type", S), ("speaker_entity_id", S),
        ("speaker_mention", S), ("speaker_mention_start", I), ("speaker_mention_end", I),
        ("cue", S), ("cue_start", I), ("cue_end", I), ("rule", S), ("via", LIST),
    ]),
    "sources": pa.schema([
        ("article_id", S), ("name", S), ("type", S), ("entity_id", S),
        ("n_quotes", I), ("quote_ids", LIST), ("n_mentions", I), ("first_start", I),
    ]),
    "entities": pa.schema([
        ("article_id", S), ("entity_id", S), ("name", S), ("type", S),
        ("n_mentions", I), ("first_start", I),
    ]),
    "claims": pa.schema([
        ("article_id", S), ("claim_id", S), ("text", S), ("start", I), ("end", I), ("status", S),
        ("source", S), ("source_type", S), ("via", LIST), ("quote_ids", LIST),
        ("n_denied", I), ("n_confirmed", I), ("n_disputed", I),
    ]),
    "headlines": pa.schema([
        ("article_id", S), ("assertion", S), ("start", I), ("end", I), ("verdict", S),
        ("why", S), ("n_evidence", I),
    ]),
    "errors": pa.schema([
        ("article_id", S), ("input", S), ("position", S), ("stage", S), ("reason", S),
    ]),
}


def to_tables(rows: dict[str, list[Row]]) -> dict[str, pa.Table]:
    """Rows to Arrow tables with the fixed schemas (empty tables keep their columns)."""
    return {name: pa.Table.from_pylist(rows.get(name, []), schema=SCHEMAS[name]) for name in TABLES}
