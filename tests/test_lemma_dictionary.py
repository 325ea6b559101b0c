"""The decoded simplemma dictionary cache: same lemmas as simplemma, written once, reused,
and never a failure when the cache folder cannot be written."""

from __future__ import annotations

import simplemma

from quellenlage.nlp import lemma_dictionary
from quellenlage.nlp.lemma_dictionary import CachedDictionaryFactory, cache_path

WORDS = ["Häuser", "dementierte", "Politikerinnen", "schönsten", "gingen", "Bundesregierungen"]


def test_cache_is_written_then_read_with_simplemmas_results(tmp_path, monkeypatch):
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path))
    first = CachedDictionaryFactory().get_dictionary("de")
    path = cache_path("de")
    assert path.parent == tmp_path and path.stat().st_size > 1_000_000

    decoded = []
    monkeypatch.setattr(lemma_dictionary, "_load_dictionary_from_disk", lambda lang: decoded.append(lang) or {})
    second = CachedDictionaryFactory().get_dictionary("de")
    assert decoded == []  # served from the cache file, not decoded again
    assert len(second) == len(first)
    strategy = simplemma.strategies.DefaultStrategy(dictionary_factory=CachedDictionaryFactory())
    ours = simplemma.Lemmatizer(lemmatization_strategy=strategy)
    assert [ours.lemmatize(w, lang="de") for w in WORDS] == [simplemma.lemmatize(w, lang="de") for w in WORDS]


def test_unwritable_or_corrupt_cache_falls_back_to_decoding(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUELLENLAGE_CACHE", str(blocker / "sub"))
    assert CachedDictionaryFactory().get_dictionary("de").get("Häuser") == "Haus"

    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path / "c"))
    cache_path("de").parent.mkdir(parents=True)
    cache_path("de").write_bytes(b"\x00garbage")
    assert CachedDictionaryFactory().get_dictionary("de").get("Häuser") == "Haus"
    assert cache_path("de").stat().st_size > 1_000_000  # rewritten


def test_the_german_dictionary_is_read_once_for_lemmas_and_compound_terms():
    from quellenlage.lang.de.claims import _dictionary
    from quellenlage.nlp.lemma_dictionary import german_dictionary

    assert _dictionary() is german_dictionary()  # one dictionary, opened once


def _lemma_in_child(dictionary, out) -> None:
    out.put(dictionary.get("Häuser"))


def test_the_cached_dictionary_works_across_a_fork(tmp_path, monkeypatch):
    """The workers of `nlp.pipe(n_process=…)` are forked with the dictionary already open."""
    import multiprocessing

    monkeypatch.setenv("QUELLENLAGE_CACHE", str(tmp_path))
    dictionary = CachedDictionaryFactory().get_dictionary("de")
    assert isinstance(dictionary, lemma_dictionary.SqliteMap)
    assert dictionary.get("Häuser") == "Haus"  # opened in the parent
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=_lemma_in_child, args=(dictionary, out))
    child.start()
    child.join(60)
    assert out.get(timeout=5) == "Haus"
    assert dictionary.get("gingen") == "gehen"  # and still in the parent
