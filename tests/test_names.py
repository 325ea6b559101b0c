"""First names: the cached table answers as gender-guesser does, is written once and reused,
and an unwritable or broken cache folder only costs the parse."""

from __future__ import annotations

import gender_guesser.detector
import pytest

from quellenlage import names

NAMES = ["Anna", "ANDREA", "kim", "Jean-Luc", "Wolfgang", "Sascha", "Xqzt", "Müller"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path))
    names._table.cache_clear()
    yield tmp_path
    names._table.cache_clear()


def test_the_cached_names_answer_as_gender_guesser(fresh):
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    for country in names.COUNTRIES:
        assert [names.gender(n, country) for n in NAMES] == [detector.get_gender(n, country) for n in NAMES]
    assert names.first_name_gender("Anna") == "f" and names.is_first_name("Kim") and not names.is_first_name("Xqzt")


def test_the_table_is_written_once_then_read(fresh, monkeypatch):
    first = names._table()
    assert len(list(fresh.glob("gender-guesser-*.json"))) == 1
    names._table.cache_clear()
    monkeypatch.setattr(names, "_derive", lambda: pytest.fail("parsed again"))
    assert names._table() == first


def test_an_unwritable_or_broken_cache_falls_back_to_parsing(fresh, monkeypatch):
    blocker = fresh / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(blocker / "sub"))
    assert names.gender("Anna") == "female"

    names._table.cache_clear()
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(fresh / "c"))
    (fresh / "c").mkdir()
    stat = names._data_file().stat()
    cached = fresh / "c" / f"gender-guesser-{stat.st_size}-{stat.st_mtime_ns}.json"
    cached.write_text("{broken")
    assert names.gender("Wolfgang") == "male"
    names._table.cache_clear()
    cached.write_text("[]")  # JSON, but not the table
    assert names.gender("Anna") == "female" and len(names._table()) > 10_000
