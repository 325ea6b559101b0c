"""The two sentence splitters: the pipeline's boundaries and attribution's re-split of a line."""

import pytest


@pytest.fixture(scope="module")
def nlp():
    from quellenlage.nlp import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize("mark", [".", "!", "?!", "!!", "…"])
def test_both_splitters_end_a_sentence_at_the_same_marks(nlp, mark):
    from quellenlage.attribution.sentences import sentences

    doc = nlp(f"Die Bahn schweigt{mark} Der Zug kam wieder zu spät.")
    assert [s.text for s in doc.sents][0].startswith("Die Bahn schweigt")
    assert len(list(doc.sents)) == 2
    assert len(sentences(doc[:])) == 2


def test_a_line_break_ends_a_sentence_without_punctuation(nlp):
    doc = nlp("Neue Regeln für die Bahn\nDer Zug kam wieder zu spät.")
    assert [s.text.strip() for s in doc.sents] == ["Neue Regeln für die Bahn", "Der Zug kam wieder zu spät."]


def test_only_attribution_keeps_a_quotation_in_one_sentence(nlp):
    from quellenlage.attribution.sentences import sentences

    doc = nlp("„Das ist falsch. Wir prüfen das“, sagte die Sprecherin.")
    quoted = set(range(1, 8))  # the tokens between the quotation marks
    assert doc[1].text == "Das" and doc[8].text == "“"
    assert len(list(doc.sents)) == 2
    assert [s.text for s in sentences(doc[:], quoted)] == [doc.text]
