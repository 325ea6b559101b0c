"""German verb mood: Konjunktiv I (the grammatical mark of reported speech), Konjunktiv II
and the indicative, as far as the spelling of a form tells them apart.

One module for both users: the pipeline component `ql_konjunktiv` (registered here under that
name, which the shipped model's config names) sets `Mood` on the tokens, and the attribution
checks (`quellenlage.lang.de.grammar.is_konjunktiv1`) read a verb in its clause. The forms
are the word list `lexicons/mood_forms.tsv`.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token

from quellenlage.lexicons import grouped, rows

LANG = "de"
FIRST_PERSON = frozenset({"ich"})


@lru_cache(maxsize=1)
def _forms() -> dict[str, list[str]]:
    return grouped(LANG, "mood_forms.tsv")


@lru_cache(maxsize=1)
def konjunktiv2_forms() -> frozenset[str]:
    """Forms that are only Konjunktiv II: "wäre", "hätten", "könnte", "gäbe"."""
    return frozenset(_forms()["konjunktiv2"])


@lru_cache(maxsize=1)
def konjunktiv1_irregular() -> dict[str, tuple[str, str]]:
    """Konjunktiv I of irregular verbs, never indicative -> (Number, Person): "sei", "könne"."""
    return {r[1]: (r[2], r[3]) for r in rows(LANG, "mood_forms.tsv") if r[0] == "konjunktiv1"}


@lru_cache(maxsize=1)
def indicative_forms() -> frozenset[str]:
    """Finite indicative forms the tagger often marks otherwise: "ist", "hat", "kann"."""
    return frozenset(_forms()["indicative"])


@lru_cache(maxsize=1)
def konjunktiv2_stems() -> tuple[str, ...]:
    """Beginnings of Konjunktiv II (and past) forms in -e that are never Konjunktiv I: "wär", "sollt"."""
    return tuple(_forms()["konjunktiv2_stem"])


@lru_cache(maxsize=1)
def konjunktiv2_for_konjunktiv1() -> tuple[str, ...]:
    """Konjunktiv II forms (any ending) that stand in for a Konjunktiv I equal to the indicative
    ("sie hätten" for "sie haben"), and so continue a report."""
    return tuple(_forms()["konjunktiv2_for_konjunktiv1"])


def konjunktiv1_lemmas(form: str) -> tuple[str, ...]:
    """Infinitives whose Konjunktiv I (3rd person singular) is `form`: "gebe" of "geben", and
    for verbs in -eln/-ern also "handele" of "handeln", "ändere" of "ändern"."""
    if form.endswith(("ele", "ere")):
        return form + "n", form[:-1] + "n"
    return (form + "n",)


def has_konjunktiv1_shape(t: Token) -> bool:
    """A lower-case stem + e whose lemma is that form + n ("schmelze" of "schmelzen"): a verb
    in Konjunktiv I even where the small tagger calls it something else."""
    low = t.text
    return low.islower() and low.endswith("e") and len(low) > 3 and (t.lemma_ or "").lower() in konjunktiv1_lemmas(low)


def is_regular_konjunktiv1(form: str, lemma: str) -> bool:
    """3rd person singular Konjunktiv I of a regular verb by its lemma: infinitive stem + 'e'
    (gebe, stehe, komme, handle), distinct from the indicative 3sg (-t); also where the lemma
    lacks a separable prefix of the form. The pipeline's test, stricter about the lemma than
    `konjunktiv1_lemmas`, which starts from the form."""
    if not lemma or not form.endswith("e") or form.endswith("te") and not lemma.endswith("ten"):
        return False
    lem = lemma.lower()
    f = form.lower()
    if lem.endswith("eln") or lem.endswith("ern"):
        stems = {lem[:-1], lem[:-3] + lem[-2] + "e"}  # ändere / handele, handle
        stems.add(lem[:-3] + "le" if lem.endswith("eln") else lem[:-3] + "re")
        return f in stems or any(f.endswith(s) for s in stems if len(s) > 3)
    if lem.endswith("en"):
        return f == lem[:-1] or (len(lem) > 5 and f.endswith(lem[:-1]) and len(f) - len(lem) < 6)
    return False


def _has_first_person(tok: Token) -> bool:
    """'ich' within three tokens (not across sentence-final punctuation): 'ich habe' is
    indicative, 'er habe' subjunctive."""
    doc = tok.doc
    for step in (-1, 1):
        j = tok.i + step
        while 0 <= j < len(doc) and abs(j - tok.i) <= 3:
            t = doc[j]
            if t.text in (".", "!", "?", ":", ";") or "\n" in t.text:
                break
            if t.lower_ in FIRST_PERSON:
                return True
            j += step
    return False


def _set_feats(tok: Token, **feats: str | None) -> None:
    d = tok.morph.to_dict()
    d.update({k: v for k, v in feats.items() if v is not None})
    d["VerbForm"] = "Fin"
    tok.set_morph(MorphAnalysis(tok.doc.vocab, d))  # type: ignore[attr-defined]  # in spaCy, not in its stubs


@Language.factory("ql_konjunktiv", default_config={"regular_k1": True})
def make_konjunktiv(nlp: Language, name: str, regular_k1: bool):
    """Rule-based German verb mood: Konjunktiv I and the unambiguous Konjunktiv II forms get
    ``Mood=Sub``, unambiguous indicative forms ``Mood=Ind``; where the tagger is unsure."""
    k2, k1, ind = konjunktiv2_forms(), konjunktiv1_irregular(), indicative_forms()

    def konjunktiv(doc: Doc) -> Doc:
        for tok in doc:
            if tok.is_space:  # whitespace tokens (newlines) are not words
                tok.pos_, tok.tag_, tok.lemma_ = "SPACE", "_SP", tok.text
                tok.set_morph(None)  # type: ignore[attr-defined]  # in spaCy, not in its stubs
                continue
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            low = tok.lower_
            morph = tok.morph
            finite = "Fin" in morph.get("VerbForm", None) or bool(morph.get("Mood", None)) or tok.tag_.endswith("FIN")
            if low in k2:
                _set_feats(tok, Mood="Sub", Tense="Past",
                           Number="Plur" if low.endswith(("en", "et", "t")) and not low.endswith("est") else None)
            elif low in k1:
                if low in ("habe", "werde") and _has_first_person(tok):
                    if finite:
                        _set_feats(tok, Mood="Ind", Tense="Pres", Person="1", Number="Sing")
                    continue
                num, pers = k1[low]
                _set_feats(tok, Mood="Sub", Tense="Pres", Number=num, Person=pers)
            elif low in ind:
                if finite and morph.get("Mood", None) != ["Ind"]:
                    _set_feats(tok, Mood="Ind")
            elif regular_k1 and finite and tok.i > 0 and is_regular_konjunktiv1(low, tok.lemma_):
                if _has_first_person(tok) or tok.i > 0 and tok.nbor(-1).lower_ in ("du", "ihr"):
                    continue
                # imperative-looking sentence-initial forms (Gebe ...!) stay as predicted
                _set_feats(tok, Mood="Sub", Tense="Pres", Number="Sing", Person="3")
        return doc

    return konjunktiv
