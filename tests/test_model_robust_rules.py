"""Rules that hold whatever the tagger and the NER say: a noun's number and case read from its
article where the form decides, Konjunktiv I of a word either tagger calls finite, names cut at
a hashtag, months of a date. Hand-tagged Docs (tags deliberately wrong where the tagger of one
model version errs), sentences written for these tests, no model needed."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from quellenlage.attribution.entities import _in_date, _trim_entity
from quellenlage.attribution.speakers import describe
from quellenlage.lang.de.grammar import is_finite, is_konjunktiv1, nominative_singular, noun_number, pos
from quellenlage.lang.de.modals import HEARSAY, modal_reading

GEN_PLUR_DET = "Case=Gen|Definite=Def|Number=Plur|PronType=Art"
GEN_PLUR_MASC = "Case=Gen|Gender=Masc|Number=Plur"
FIN_SING = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"


def _doc(tagged: list[tuple[str, str, str]], tags: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
    words, pos, morphs = zip(*tagged)
    starts = [True] + [False] * (len(words) - 1)
    return Doc(spacy.blank("de").vocab, words=list(words), pos=list(pos), morphs=list(morphs), tags=tags, lemmas=lemmas,
               sent_starts=starts)


def test_der_after_a_finite_verb_is_nominative_singular():
    doc = _doc([("Das", "PRON", ""), ("sei", "AUX", "Mood=Sub|Number=Sing|VerbForm=Fin"), ("falsch", "ADJ", ""),
                (",", "PUNCT", ""), ("antwortete", "VERB", FIN_SING), ("der", "DET", GEN_PLUR_DET),
                ("Sprecher", "NOUN", GEN_PLUR_MASC), (".", "PUNCT", "")])
    head = doc[6]
    assert nominative_singular(head) and noun_number(head) == "Sing"
    assert describe(doc[5:7]) == "der Sprecher"


def test_der_at_the_start_of_a_sentence_is_nominative_singular():
    doc = _doc([("Der", "DET", GEN_PLUR_DET), ("neue", "ADJ", ""), ("Trainer", "NOUN", GEN_PLUR_MASC),
                ("lobte", "VERB", FIN_SING), ("die", "DET", ""), ("Mannschaft", "NOUN", ""), (".", "PUNCT", "")])
    assert nominative_singular(doc[2]) and noun_number(doc[2]) == "Sing"


def test_der_after_a_noun_stays_genitive_plural():
    doc = _doc([("Die", "DET", ""), ("Klagen", "NOUN", "Case=Nom|Gender=Fem|Number=Plur"), ("der", "DET", GEN_PLUR_DET),
                ("Bauern", "NOUN", GEN_PLUR_MASC), ("wurden", "AUX", "Number=Plur|VerbForm=Fin"), ("lauter", "ADJ", ""),
                (".", "PUNCT", "")])
    head = doc[3]
    assert not nominative_singular(head) and noun_number(head) == "Plur"
    assert describe(doc[2:4]) == "die Bauern"


def test_der_before_a_feminine_noun_is_left_to_the_tagger():
    doc = _doc([("Er", "PRON", ""), ("dankte", "VERB", FIN_SING), ("der", "DET", "Case=Dat|Number=Sing"),
                ("Ärztin", "NOUN", "Case=Dat|Gender=Fem|Number=Sing"), (".", "PUNCT", "")])
    assert not nominative_singular(doc[3]) and noun_number(doc[3]) == "Sing"


def test_an_article_without_plural_forms_makes_the_noun_singular():
    doc = _doc([("Nach", "ADP", ""), ("Angaben", "NOUN", ""), ("einer", "DET", "Case=Gen|Number=Sing"),
                ("Quelle", "NOUN", "Case=Gen|Gender=Fem|Number=Plur"), ("ist", "AUX", "VerbForm=Fin"),
                ("das", "PRON", ""), ("falsch", "ADJ", ""), (".", "PUNCT", "")])
    assert noun_number(doc[3]) == "Sing"


def test_konjunktiv_of_a_finite_verb_whose_fine_tag_and_lemma_went_astray():
    # "heiße" with the adjective's fine tag and lemma ("heiß"), but a finite verb by its morphology
    tagged = [("Aber", "CCONJ", ""), ("das", "PRON", ""), ("heiße", "VERB", "Mood=Ind|Number=Sing|VerbForm=Fin"),
              ("nicht", "PART", ""), ("viel", "ADV", ""), (".", "PUNCT", "")]
    doc = _doc(tagged, tags=["KON", "PDS", "ADJD", "PTKNEG", "ADV", "$."], lemmas=["aber", "das", "heiß", "nicht", "viel", "."])
    assert is_konjunktiv1(doc[2])


def test_a_capitalised_word_called_finite_is_no_konjunktiv():
    tagged = [("Jobs", "NOUN", ""), ("in", "ADP", ""), ("der", "DET", ""),
              ("Karriere-Börse", "VERB", "Mood=Ind|Number=Sing|VerbForm=Fin"), (".", "PUNCT", "")]
    doc = _doc(tagged, tags=["NN", "APPR", "ART", "PTKVZ", "$."], lemmas=["Job", "in", "der", "Karriere-Börse", "."])
    assert not is_konjunktiv1(doc[3])


def _ent_doc(words: list[str], start: int, end: int) -> Span:
    doc = Doc(spacy.blank("de").vocab, words=words)
    doc.ents = [Span(doc, start, end, label="PER")]
    return doc.ents[0]


def test_a_hashtag_or_handle_after_a_name_is_cut_off():
    ent = _ent_doc("— Anna Berg # Klimaschutz ( @annaberg ) 3. Mai 2020".split(), 1, 5)
    trimmed = _trim_entity(ent)
    assert trimmed is not None and trimmed.text == "Anna Berg"


def test_a_month_in_a_date_is_part_of_the_date():
    assert _in_date(_ent_doc("von Jonas Berg 14. May 2019".split(), 4, 5))
    assert not _in_date(_ent_doc("Theresa May sagte am Montag nichts".split(), 1, 2))


def test_a_name_ends_before_a_bracket():
    doc = Doc(spacy.blank("de").vocab, words="Das Bundesamt für Umweltfragen ( BfU ) warnt .".split())
    doc.ents = [Span(doc, 1, 7, label="ORG")]
    trimmed = _trim_entity(doc.ents[0])
    assert trimmed is not None and trimmed.text == "Bundesamt für Umweltfragen"


def test_the_auxiliary_before_a_final_modal_is_its_infinitive():
    # "gedient haben soll" with "haben" tagged finite: the modal is the finite verb, and it reports hearsay
    tagged = [("Die", "DET", ""), ("Einheit", "NOUN", ""), ("soll", "AUX", "Mood=Ind|Number=Sing|VerbForm=Fin"),
              ("dort", "ADV", ""), (",", "PUNCT", ""), ("wo", "ADV", ""), ("Berg", "PROPN", ""), ("gedient", "VERB", "VerbForm=Part"),
              ("haben", "AUX", "Mood=Ind|Number=Plur|VerbForm=Fin"), ("soll", "AUX", "Mood=Ind|Number=Sing|VerbForm=Fin"),
              (",", "PUNCT", ""), ("nie", "ADV", ""), ("gewesen", "AUX", "VerbForm=Part"), ("sein", "AUX", "VerbForm=Inf"), (".", "PUNCT", "")]
    tags = ["ART", "NN", "VMFIN", "ADV", "$,", "PWAV", "NE", "VVPP", "VAFIN", "VMFIN", "$,", "ADV", "VAPP", "VAINF", "$."]
    lemmas = ["die", "Einheit", "sollen", "dort", ",", "wo", "Berg", "dienen", "haben", "sollen", ",", "nie", "sein", "sein", "."]
    doc = _doc(tagged, tags=tags, lemmas=lemmas)
    assert not is_finite(doc[8]) and is_finite(doc[9])
    assert modal_reading(doc[9], doc[5:10]) == HEARSAY


def test_a_bare_role_noun_in_the_headline_is_the_person_named_with_that_role(analyze_text):
    # headlines drop articles: "ließ Regierungschef" stands for "Regierungschef Lars Holm" of the body
    text = ("Streit um Haushalt ließ Regierungschef mit Rücktritt drohen\nRegierungschef Lars Holm sprach am Montag "
            "vor der Presse in Oslo. Er drohe mit dem Rücktritt, sagte Holm. Die Opposition lehnte das ab.")
    analysis = analyze_text(text)
    holm = next(e for e in analysis.entities if e.name == "Lars Holm")
    assert "Regierungschef" in [m.text for m in holm.mentions if m.start < text.index("\n")]


def test_a_capitalised_word_with_a_noun_tag_is_no_preposition():
    doc = _doc([("Marktanalyst", "ADP", ""), ("Jan", "PROPN", ""), ("Roth", "PROPN", ""), ("warnte", "VERB", FIN_SING),
                (".", "PUNCT", "")], tags=["NE", "NE", "NE", "VVFIN", "$."])
    assert pos(doc[0]) == "PROPN"
    doc = _doc([("Mit", "ADP", ""), ("Sorge", "NOUN", ""), ("sah", "VERB", FIN_SING), ("er", "PRON", ""), ("zu", "ADP", ""),
                (".", "PUNCT", "")], tags=["APPR", "NN", "VVFIN", "PPER", "PTKVZ", "$."])
    assert pos(doc[0]) == "ADP"


def test_a_speech_verb_after_a_quote_is_the_frame_verb_whatever_its_tag():
    # "meinen" tagged as the possessive: after „…“, it is the verb of the frame
    tagged = [("„", "PUNCT", ""), ("Das", "PRON", ""), ("reicht", "VERB", FIN_SING), ("nicht", "PART", ""), ("“", "PUNCT", ""),
              (",", "PUNCT", ""), ("meinen", "DET", "Case=Acc|Number=Sing|Poss=Yes"), ("die", "DET", ""), ("Anwohner", "NOUN", ""),
              (".", "PUNCT", "")]
    doc = _doc(tagged, tags=["$(", "PDS", "VVFIN", "PTKNEG", "$(", "$,", "PPOSAT", "ART", "NN", "$."])
    assert pos(doc[6]) == "VERB" and is_finite(doc[6])
    doc = _doc([("Sie", "PRON", ""), ("sucht", "VERB", FIN_SING), ("meinen", "DET", "Case=Acc|Number=Sing|Poss=Yes"),
                ("Hund", "NOUN", ""), (".", "PUNCT", "")], tags=["PPER", "VVFIN", "PPOSAT", "NN", "$."])
    assert pos(doc[2]) == "DET" and not is_finite(doc[2])


def test_der_and_a_masculine_noun_after_the_verb_is_its_subject(analyze_text):
    # "der Sprecher" right after the verb is nominative whatever the tags; the prefield is no subject
    text = ("Die Stadt hält den Plan für sicher. Spöttisch, wohl auf die Kritik antwortend, schrieb der Sprecher "
            "folgenden Satz: „Wer umziehen möchte, hat dazu jede Gelegenheit.“")
    quote = next(q for q in analyze_text(text).quotes if "jede Gelegenheit" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "der Sprecher"


def test_der_before_a_noun_with_a_feminine_suffix_is_not_read_as_masculine():
    doc = _doc([("Sie", "PRON", ""), ("haben", "AUX", "Number=Plur|VerbForm=Fin"), ("der", "DET", "Case=Nom|Gender=Masc|Number=Sing"),
                ("Bildungsministerin", "NOUN", "Case=Nom|Gender=Masc|Number=Sing"), ("geschrieben", "VERB", "VerbForm=Part"),
                (".", "PUNCT", "")])
    assert not nominative_singular(doc[3])


def test_der_before_a_named_medium_is_the_source_of_a_wie_frame(analyze_text):
    text = "Wie der Focus in seiner Onlineausgabe berichtet, ist das Schiff vor der Küste gesunken."
    quote = next(q for q in analyze_text(text).quotes if "Schiff" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Focus"


def test_the_circle_around_a_named_person_is_anonymous_not_the_person():
    """"aus Trumps Umfeld": whether or not the NER links the genitive name to the person, the
    people around him are an unnamed source."""
    from quellenlage.attribution.entities import EntityCluster
    from quellenlage.attribution.speakers import resolve_mention

    doc = _doc([("Aus", "ADP", ""), ("Trumps", "PROPN", "Case=Gen"), ("Umfeld", "NOUN", "Case=Dat"), ("hieß", "VERB", FIN_SING),
                ("es", "PRON", ""), (".", "PUNCT", "")])
    trump = EntityCluster(id="e1", name="Donald Trump", type="person", mentions=[doc[1:3]])
    speaker = resolve_mention(doc, doc[1:3], {1: trump, 2: trump})
    assert speaker.type == "anonymous" and speaker.entity_id is None and "Umfeld" in speaker.name
    # the person himself, named with a role noun, stays the person
    doc = _doc([("Präsident", "NOUN", ""), ("Trump", "PROPN", ""), ("sagte", "VERB", FIN_SING), ("das", "PRON", "")])
    assert resolve_mention(doc, doc[0:2], {1: trump}).entity_id == "e1"
