"""The document-level name pass (ql_name_consistency) on hand-labelled Docs, no model needed."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

import quellenlage.nlp.components  # noqa: F401
from quellenlage.nlp.components import name_consistency


def _doc(words, ents, pos=None):
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=words, pos=pos or ["X"] * len(words))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_lone_surname_after_full_name_becomes_person():
    words = "Amtsleiter Kurt Weiß widersprach . Weiß bestätigte aber den Vorwurf .".split()
    doc = name_consistency(_doc(words, [(1, 3, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Kurt Weiß", "PER"), ("Weiß", "PER")]
    assert doc[5].pos_ == "PROPN" and doc[5].tag_ == "NE"


def test_repeated_entity_text_gets_its_label():
    words = "Die Deutsche Bahn streicht Züge . Auch Deutsche Bahn Cargo ist betroffen .".split()
    doc = name_consistency(_doc(words, [(1, 3, "ORG")]))
    assert ("Deutsche Bahn", "ORG") in [(e.text, e.label_) for e in doc.ents]
    assert len(doc.ents) == 2


def test_not_after_an_article_and_not_lower_case():
    words = "Ministerin Anna Koch kam . Der Koch kochte , koch mal .".split()
    pos = ["NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "VERB", "ADV", "PUNCT"]
    doc = name_consistency(_doc(words, [(1, 3, "PER")], pos))
    assert [e.text for e in doc.ents] == ["Anna Koch"]


def test_conflicting_labels_are_left_alone():
    words = "Paris Hilton besuchte Paris . Paris war voll .".split()
    doc = name_consistency(_doc(words, [(0, 1, "PER"), (3, 4, "LOC")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Paris", "PER"), ("Paris", "LOC")]
