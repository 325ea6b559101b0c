"""The results folder: one Parquet dataset per table, a manifest of finished chunks, SQLite export.

Crash safety rests on three rules:
1. every Parquet file is written under `_tmp/` and `os.replace`d into its dataset folder, so a
   reader never sees a half-written file;
2. a chunk counts as done only when its manifest entry `_manifest/<chunk>.json` exists (written
   last, also atomically); its article ids are what a rerun skips;
3. on opening, part files of chunks without a manifest entry (a kill between the renames and
   the manifest) are deleted, so a rerun that redoes the chunk cannot duplicate rows.
pyarrow, pandas and DuckDB skip names starting with `_` or `.`, so only finished parts are read.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from quellenlage.batch.rows import TABLES
from quellenlage.batch.tables import SCHEMAS
from quellenlage.errors import InputError

PART_PREFIX = "part-"


class ResultStore:
    """Writes chunk results into RESULTS/ and knows which articles are already done."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "_tmp"
        self.manifest = root / "_manifest"
        for name in TABLES:
            (root / name).mkdir(parents=True, exist_ok=True)
        # one writer per folder; the kernel drops the lock when the process dies, even by kill -9
        self._lock = (root / "_lock").open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise InputError(f"{root}: another batch job is writing to this results folder") from None
        self.manifest.mkdir(exist_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir()
        self.done_chunks = {p.stem for p in self.manifest.glob("*.json")}
        self._remove_orphans()
        self._has_part = {name: any(self._parts(name)) for name in TABLES}

    def _parts(self, table: str) -> Iterable[Path]:
        return (self.root / table).glob(f"{PART_PREFIX}*.parquet")

    def _remove_orphans(self) -> None:
        for name in TABLES:
            for part in self._parts(name):
                if part.stem.removeprefix(PART_PREFIX) not in self.done_chunks:
                    part.unlink()

    def done_ids(self) -> set[str]:
        """Ids of every article a finished chunk covered (analysed or failed)."""
        ids: set[str] = set()
        for path in self.manifest.glob("*.json"):
            ids.update(json.loads(path.read_text(encoding="utf-8"))["ids"])
        return ids

    def commit(self, chunk: str, ids: list[str], tables: dict[str, pa.Table]) -> None:
        """Publish one chunk's tables, then mark it done (see the module docstring)."""
        if chunk in self.done_chunks:
            return
        staged = []
        for name in TABLES:
            table = tables[name]
            if table.num_rows == 0 and self._has_part[name]:
                continue  # an empty file adds nothing once the dataset has its schema
            tmp = self.tmp / f"{name}-{chunk}.parquet"
            pq.write_table(table.cast(SCHEMAS[name]), tmp, compression="zstd")
            staged.append((tmp, self.root / name / f"{PART_PREFIX}{chunk}.parquet"))
        for tmp, final in staged:
            os.replace(tmp, final)
            self._has_part[final.parent.name] = True
        entry = {"chunk": chunk, "ids": ids, "rows": {n: tables[n].num_rows for n in TABLES}}
        tmp = self.tmp / f"{chunk}.json"
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.manifest / f"{chunk}.json")
        self.done_chunks.add(chunk)

    def close(self) -> None:
        """Release the folder for the next job."""
        self._lock.close()


def dataset(root: Path, table: str) -> ds.Dataset:
    """One table of a results folder as an Arrow dataset (lazy; filter and project before loading)."""
    return ds.dataset(root / table, format="parquet", schema=SCHEMAS[table])


def _sql_value(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


_SQL_TYPES = {pa.string(): "TEXT", pa.int64(): "INTEGER", pa.float64(): "REAL"}


def export_sqlite(root: Path, target: Path, batch_rows: int = 20_000) -> None:
    """Rebuild `target` from the Parquet datasets (lists as JSON text), swapped in atomically.

    Rebuilding instead of appending keeps the SQLite file exactly in step with the Parquet
    datasets after any interruption; streaming record batches keeps memory flat.
    """
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        for name in TABLES:
            schema = SCHEMAS[name]
            cols = ", ".join(f'"{f.name}" {_SQL_TYPES.get(f.type, "TEXT")}' for f in schema)
            con.execute(f'CREATE TABLE "{name}" ({cols})')
            marks = ", ".join("?" for _ in schema)
            for batch in dataset(root, name).to_batches(batch_size=batch_rows):
                columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
                con.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                                (tuple(_sql_value(v) for v in row) for row in zip(*columns)))
            con.execute(f'CREATE INDEX "{name}_article" ON "{name}" (article_id)')
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
