"""Readers and label mappings of the training corpora (training/corpora.py), on made-up lines."""
from __future__ import annotations

import gzip

import spacy

from training.corpora import (DFKI_LABELS, DFKI_MISSING, LER_LABELS, current_upos_of_forms, iob_spans,
                              mapped_doc, normalise_germeval, read_gsd23, read_iob, remap_gsd23)


def test_germeval_encoding_fixes():
    assert normalise_germeval("Bundes\xadregierung") == "Bundesregierung"
    assert normalise_germeval("\x96") == "–"
    assert normalise_germeval("\x80") == "€"
    assert normalise_germeval("Peter\x92s") == "Peter's"
    assert normalise_germeval("\x84Zitat\x93") == "„Zitat“"
    assert normalise_germeval("\xad") == "-"  # never an empty token


def test_iob_spans_split_on_b_and_label_change():
    assert iob_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_read_iob_skips_docstart(tmp_path):
    f = tmp_path / "x.conll"
    f.write_text("-DOCSTART- -1- O O\n\nStau\tNN\tI-NN\tO\nauf\tAPPR\tI-AP\tO\nder\tART\tI-AR\tO\n"
                 "A9\tNE\tI-NE\tB-location-route\n\nMünchen\tNE\tI-NE\tB-location-city\n", encoding="utf8")
    sents = list(read_iob(f, 3))
    assert sents == [(["Stau", "auf", "der", "A9"], [(3, 4, "location-route")]),
                     (["München"], [(0, 1, "location-city")])]


def test_unmapped_classes_are_missing_not_outside():
    vocab = spacy.blank("de").vocab
    words = ["Nach", "§", "5", "BGB", "entschied", "Richter", "Müller", "in", "Karlsruhe", "."]
    spans = [(1, 4, "GS"), (6, 7, "RR"), (8, 9, "ST")]
    doc = mapped_doc(vocab, words, spans, LER_LABELS, True)
    assert [(e.text, e.label_) for e in doc.ents] == [("Müller", "PER"), ("Karlsruhe", "LOC")]
    assert [t.ent_iob_ for t in doc[1:4]] == ["", "", ""]  # legal norm: no label either way
    assert doc[0].ent_iob_ == "O" and doc[4].ent_iob_ == "O"


def test_place_derivations_are_missing():
    vocab = spacy.blank("de").vocab
    doc = mapped_doc(vocab, ["Die", "Berliner", "Polizei", "sperrt", "die", "S1", "in", "Bonn"],
                     [(1, 2, "location-city"), (5, 6, "location-route"), (7, 8, "location-city")],
                     DFKI_LABELS, DFKI_MISSING)
    assert [(e.text, e.label_) for e in doc.ents] == [("Bonn", "LOC")]
    assert doc[1].ent_iob_ == "" and doc[5].ent_iob_ == ""


def test_gsd23_multiword_tokens_and_remap(tmp_path):
    f = tmp_path / "t.pos.gz"
    with gzip.open(f, "wt", encoding="utf8") as fh:
        fh.write("Ich##PRON wohne##VERB im##_ in##ADP dem##DET Haus##NOUN meiner##PRON Eltern##NOUN .##PUNCT\n")
        fh.write("Das##PRON ist##VERB gut##ADV ,##PUNCT sagte##VERB der##DET ,##PUNCT der##DET kam##VERB .##PUNCT\n")
    s1, s2 = list(read_gsd23(f))
    assert s1[2] == ("im", "ADP") and len(s1) == 7
    majority = current_upos_of_forms([[{"form": "gut", "upos": "ADJ"}] * 3 + [{"form": "ist", "upos": "AUX"}] * 3])
    r1, r2 = remap_gsd23(s1, majority), remap_gsd23(s2, majority)
    assert r1[0] == ("Ich", "PRON") and r1[4] == ("meiner", "DET")  # attributive possessive
    assert [u for _, u in r2] == ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "DET", "PUNCT", "PRON", "VERB", "PUNCT"]
