"""Readers of the training-only corpora of ../shared/data section 6 (GermEval 2014 train,
UD German-GSD v2.3 train UPOS, LER, MobIE, SmartData), each turned into spaCy Docs with the
project's conventions: NER labels PER/ORG/LOC/MISC, current UD UPOS conventions.

Entity classes that have no counterpart in the GermEval scheme (legal norms, routes, ...) are
marked *missing* (BILUO "-"), not O, so NER neither learns them as names nor as non-names.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc, Span

from quellenlage.eval.datasets import germeval_sentences, iob_spans


# ------------------------------------------------------------------ GermEval 2014 train
def normalise_germeval(word: str) -> str:
    """The 2022 encoding fixes of GermEval's CHANGELOG.txt, applied to the pre-2022 train file:
    soft hyphens deleted, C1 control characters read as the Windows-1252 characters they are."""
    word = word.replace("\xad", "")
    if any("\x80" <= c <= "\x9f" for c in word):
        word = word.replace("\x92", "'")
        word = "".join(c.encode("latin-1").decode("cp1252", errors="ignore") if "\x80" <= c <= "\x9f" else c
                       for c in word)
    return word or "-"


def read_germeval_train(path: Path):
    """(words, spans) per sentence of germ.train.iob2.gz (token, outer tag, inner tag)."""
    with gzip.open(path, "rt", encoding="utf8") as fh:
        yield from germeval_sentences(fh, word_col=0, normalise=normalise_germeval)


# ------------------------------------------------------------------ generic IOB files
def read_iob(path: Path, tag_col: int):
    """(words, [(start, end, label)]) per sentence of a CoNLL-style IOB2 file; columns split on
    any whitespace; -DOCSTART- lines skipped."""
    opener = gzip.open if str(path).endswith(".gz") else open
    words, tags = [], []
    with opener(path, "rt", encoding="utf8") as fh:
        for line in fh:
            cols = line.split()
            if cols and cols[0] == "-DOCSTART-":
                continue
            if not cols:
                if words:
                    yield words, iob_spans(tags)
                words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[tag_col])
    if words:
        yield words, iob_spans(tags)


# LER coarse classes (Leitner et al. 2019); everything legal (norms, regulations, court
# decisions, literature) has no GermEval class: missing.
LER_LABELS = {"PER": "PER", "RR": "PER", "AN": "PER",
              "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
              "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG"}
# MobIE / SmartData: geo entities and organisations; routes ("A 9", "S1") and positions are
# missing; times, numbers, triggers etc. are not names: O.
DFKI_LABELS = {"person": "PER", "organization": "ORG", "organization-company": "ORG",
               "location": "LOC", "location-city": "LOC", "location-street": "LOC",
               "location-stop": "LOC"}
DFKI_MISSING = {"location-route", "org-position"}


# 'Berliner', 'bayerische': GermEval calls these derivations (LOCderiv, not an entity of the
# four classes); the DFKI corpora tag them as places
DERIVATION = re.compile(r"[A-ZÄÖÜ]\w+(er|isch|ische|ischen|ischer|isches|ischem)")


def mapped_doc(vocab, words, spans, labels: dict, missing) -> Doc:
    """Doc with the spans whose label maps to PER/ORG/LOC/MISC as entities, spans with a label
    in `missing` (a set, or True for every unmapped label) and one-word derivations as
    missing, all else O."""
    doc = Doc(vocab, words=words)
    ents, miss = [], []
    for s, e, lab in spans:
        if e - s == 1 and labels.get(lab) == "LOC" and DERIVATION.fullmatch(words[s]):
            miss.append(Span(doc, s, e))
        elif lab in labels:
            ents.append(Span(doc, s, e, label=labels[lab]))
        elif missing is True or lab in missing:
            miss.append(Span(doc, s, e))
    doc.set_ents(ents, missing=miss, default="outside")
    return doc


def read_smartdata(path: Path, vocab, sources=("news",)):
    """SmartData v1 JSON (concatenated objects): one Doc per document of the given sources,
    tokenised by spaCy's German tokenizer, entities aligned by character offsets."""
    from spacy.lang.de import German

    tok = German(vocab).tokenizer
    text = gzip.open(path, "rt", encoding="utf8").read()
    dec, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        if (obj.get("refids") or {}).get("map", {}).get("source") not in sources:
            continue
        doc = tok(obj["text"]["string"])
        ents, miss = [], []
        for c in (obj.get("conceptMentions") or {}).get("array", []):
            lab = c["type"]
            if lab not in DFKI_LABELS and lab not in DFKI_MISSING:
                continue
            sp = doc.char_span(c["span"]["start"], c["span"]["end"], alignment_mode="expand")
            if sp is None:
                continue
            start, end = sp.start, sp.end
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1
            if start == end:
                continue
            sp = doc[start:end]
            if any(t.is_space for t in sp):  # a name across a line break: NER cannot learn it
                lab = "location-route"
            if len(sp) == 1 and DFKI_LABELS.get(lab) == "LOC" and DERIVATION.fullmatch(sp.text):
                lab = "location-route"  # a derivation: missing, as in mapped_doc
            (ents if lab in DFKI_LABELS else miss).append(
                Span(doc, sp.start, sp.end, label=DFKI_LABELS.get(lab, "")))
        ents = _non_overlapping(ents)
        taken = {t for e in ents for t in range(e.start, e.end)}
        miss = [m for m in _non_overlapping(miss) if not taken & set(range(m.start, m.end))]
        doc.set_ents(ents, missing=miss, default="outside")
        yield doc


def _non_overlapping(spans):
    out, used = [], set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not used & set(range(s.start, s.end)):
            out.append(s)
            used.update(range(s.start, s.end))
    return sorted(out, key=lambda s: s.start)


# ------------------------------------------------------------------ UD German-GSD v2.3 UPOS
def read_gsd23(path: Path):
    """Sentences of the linspector FORM##UPOS file as (form, upos) pairs, multiword tokens
    merged into their surface form with the UPOS of the first part (as read_conllu does)."""
    with gzip.open(path, "rt", encoding="utf8") as fh:
        for line in fh:
            items = [t.rsplit("##", 1) for t in line.split()]
            out, k = [], 0
            while k < len(items):
                form, upos = items[k]
                if upos == "_":  # multiword token: surface form, then its two syntactic words
                    out.append((form, items[k + 1][1]))
                    k += 3
                else:
                    out.append((form, upos))
                    k += 1
            if out:
                yield out


PERSONAL = {"ich", "du", "er", "sie", "es", "wir", "mich", "dich", "sich", "uns", "euch", "ihm",
            "ihn", "ihnen", "mir", "dir", "man", "Sie", "Ihnen"}
NOMINAL = {"NOUN", "ADJ", "PROPN", "NUM"}
# 2.3 tags some of these PRON (relative/demonstrative); before a noun they are still not
# attributive often enough to trust the context rule
ARTICLE_FORMS = {"der", "die", "das", "dem", "den", "des", "Der", "Die", "Das", "Dem", "Den", "Des"}
# 2.3 -> current conventions that differ by word class (README section 6b)
CONVERTIBLE = {("PRON", "DET"), ("ADV", "ADJ"), ("ADJ", "DET"), ("VERB", "AUX"),
               ("AUX", "VERB"), ("NUM", "ADJ"), ("DET", "PRON")}


def current_upos_of_forms(sentences) -> dict[str, tuple[str, float, int]]:
    """form (lower case) -> (majority UPOS, its share, count) in current-release GSD sentences."""
    c: dict[str, Counter] = defaultdict(Counter)
    for toks in sentences:
        for t in toks:
            c[t["form"].lower()][t["upos"]] += 1
    return {f: (cnt.most_common(1)[0][0], cnt.most_common(1)[0][1] / sum(cnt.values()), sum(cnt.values()))
            for f, cnt in c.items()}


def remap_gsd23(sent, majority, share=0.9, min_count=3):
    """UPOS of release 2.3 in today's conventions: attributive pronouns (before a noun or
    adjective) and the possessive/demonstrative/indefinite determiners -> DET; relative
    der/die after a comma -> PRON; ordinals '5.' -> ADJ; and, for the word classes whose
    conventions changed, a form the current treebank tags one way >= 90 % of the time."""
    out = []
    for k, (form, upos) in enumerate(sent):
        nxt = sent[k + 1][1] if k + 1 < len(sent) else "PUNCT"
        prv = sent[k - 1][0] if k else ""
        new = upos
        if upos == "PRON" and nxt in NOMINAL and form not in PERSONAL | ARTICLE_FORMS:
            new = "DET"
        elif upos == "DET" and prv == "," and nxt not in NOMINAL | {"DET"} and form.lower() in {
                "der", "die", "das", "dem", "den", "deren", "dessen", "denen"}:
            new = "PRON"
        elif upos == "NUM" and re.fullmatch(r"\d+\.", form):
            new = "ADJ"
        else:
            m = majority.get(form.lower())
            if m and m[0] != upos and (upos, m[0]) in CONVERTIBLE and m[1] >= share and m[2] >= min_count:
                new = m[0]
        out.append((form, new))
    return out
