"""Custom pipeline components shipped with the Quellenlage German model.

* ``ql_newline_sents``: a newline in the text always ends a sentence (runs before the parser,
  which respects preset boundaries).
* ``ql_lemma_backoff``: where the trained edit-tree lemmatizer only copies the word form
  (unseen forms), fall back to the spacy-lookups-data German lemma table.
* ``ql_konjunktiv`` (in `quellenlage.lang.de.mood`): rule-based German verb mood: Konjunktiv I
  (habe, sei, werde, könne, gebe, ...) and the unambiguous Konjunktiv II forms (wäre, hätte,
  würde, könnte, ...) get ``Mood=Sub``; unambiguous indicative forms (hat, ist, wird, kann)
  get ``Mood=Ind``.
"""
from __future__ import annotations

import gzip
import json
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.lang.de import mood as _mood  # noqa: F401  (registers ql_konjunktiv)
from quellenlage.lang.punctuation import CLOSING, TERMINALS, breaks_line, is_terminal

logger = logging.getLogger("quellenlage.nlp")

# --------------------------------------------------------------------------- sentences


@Language.component("ql_newline_sents", assigns=["token.is_sent_start", "doc.sents"])
def newline_sents(doc: Doc) -> Doc:
    """Force a sentence start after every token whose text or trailing space holds a newline."""
    prev_nl = False
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
        elif prev_nl and not tok.is_space:
            tok.is_sent_start = True
            prev_nl = False
        elif prev_nl and tok.is_space:
            tok.is_sent_start = False
        if breaks_line(tok):
            prev_nl = True
    return doc


_NO_SPLIT_BEFORE = {",", ";", ":", "-", "–", "—", ")", "]"}


@Language.component("ql_sentences", assigns=["token.is_sent_start", "doc.sents"])
def sentences(doc: Doc) -> Doc:
    """Rule-based German sentence boundaries for news text; sets every token.

    A newline always ends a sentence. Otherwise a sentence ends after ., !, ?, … plus any
    closing quotes/brackets, unless the next token is a comma/colon/dash or starts lower case
    („Nein!“, rief sie). Abbreviations (Dr., z.B., 3.) are single tokens in spaCy's
    German tokenizer. Internal dev (SpkAtt-2023 news sentences): F1 96.5 (spaCy sentencizer 96.0).
    The marks are those attribution's splitter uses too (`quellenlage.lang.punctuation`).
    """
    n = len(doc)
    if not n:
        return doc
    texts = [t.text for t in doc]
    nl = [breaks_line(t) for t in doc]
    space = [t.is_space for t in doc]
    starts = numpy.full(n, -1, dtype="int64")
    starts[0] = 1
    i = 0
    while i < n:
        text = texts[i]
        if nl[i]:
            j = i + 1
            while j < n and space[j]:
                j += 1
            if j < n:
                starts[j] = 1
            i = j
            continue
        if is_terminal(text):
            j = i + 1
            while j < n and (texts[j] in CLOSING or texts[j] in TERMINALS) and not nl[j - 1]:
                j += 1
            if j < n and not nl[j - 1]:
                k = j
                while k < n and space[k]:
                    k += 1
                if k < n:
                    nxt = texts[k]
                    if nxt not in _NO_SPLIT_BEFORE and not nxt[:1].islower():
                        starts[k] = 1
            i = j
            continue
        i += 1
    doc.from_array([SENT_START], starts.view("uint64"))  # type: ignore[arg-type]  # a column is fine
    return doc


# --------------------------------------------------------------------------- lemmas


@lru_cache(maxsize=1)
def _lookup_table() -> dict[str, str]:
    try:
        path = resources.files("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
        with gzip.open(str(path), "rt", encoding="utf8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as err:  # pragma: no cover - package missing or damaged
        logger.warning("ql_lemma_backoff: no lemma lookup table of spacy-lookups-data (%s: %s)", type(err).__name__, err)
        return {}


_OPEN = {"NOUN", "VERB", "AUX", "ADJ", "PROPN", "ADV"}


@Language.factory("ql_lemma_backoff", default_config={"pos": sorted(_OPEN)})
def make_lemma_backoff(nlp: Language, name: str, pos: list[str]):
    table = _lookup_table()
    pos_set = set(pos)

    def lemma_backoff(doc: Doc) -> Doc:
        for tok in doc:
            if tok.pos_ not in pos_set:
                continue
            lem = tok.lemma_
            if lem and lem != tok.text:
                continue
            cand = table.get(tok.text)
            if cand is None and tok.pos_ != "NOUN" and tok.pos_ != "PROPN":
                cand = table.get(tok.text.lower())
            if cand:
                if tok.pos_ in ("NOUN", "PROPN") and cand[:1].islower():
                    cand = cand[:1].upper() + cand[1:]
                tok.lemma_ = cand
        return doc

    return lemma_backoff


_CLOSED_KEEP_CASE = {"NOUN", "PROPN", "X", "NUM", "SYM", "PUNCT"}


@Language.factory("ql_lemmatizer", default_config={"pos": sorted(_OPEN), "cache_size": 200000})
def make_lemmatizer(nlp: Language, name: str, pos: list[str], cache_size: int):
    """Lemmas: open-class words (by predicted UPOS) from simplemma's German dictionary
    (case normalised by POS: nouns capitalised, others lower case); unknown words and closed
    classes keep the trained edit-tree lemma, de-capitalised at sentence starts.
    On the internal GSD dev split: edit-tree alone 89.4 %, this combination 96.4 %."""
    from quellenlage.nlp.lemma_dictionary import german_lemmatizer

    pos_set = set(pos)
    cache: dict[str, str] = {}

    def lemma_of(text: str) -> str:
        lem = cache.get(text)
        if lem is None:
            lem = german_lemmatizer().lemmatize(text, lang="de")
            if len(cache) < cache_size:
                cache[text] = lem
        return lem

    def lemmatizer(doc: Doc) -> Doc:
        for tok in doc:
            p = tok.pos_
            text = tok.text
            if p in pos_set:
                if p in ("NOUN", "PROPN") or text.isupper():
                    lem = lemma_of(text)
                else:  # Schönen/Großer at sentence start are adjectives, not nouns
                    lem = lemma_of(text.lower())
                    if lem == text.lower():
                        lem = text
                if lem == text and tok.lemma_ and p in ("VERB", "AUX"):
                    lem = tok.lemma_  # unknown verb form: keep the edit-tree lemma
                elif p == "ADJ" and lem != text and lem.endswith(("en", "rn", "ln")) \
                        and tok.lemma_ and not tok.lemma_.endswith("en"):
                    lem = tok.lemma_  # participle adjectives (gemachten -> gemacht, not machen)
                if p in ("NOUN", "PROPN"):
                    lem = lem[:1].upper() + lem[1:]
                elif not lem.isupper():
                    lem = lem[:1].lower() + lem[1:]
                tok.lemma_ = lem
            elif p not in _CLOSED_KEEP_CASE:
                lem = tok.lemma_ or text
                if lem[:1].isupper() and not lem.isupper() and text[:1].isupper():
                    lem = lem[:1].lower() + lem[1:]
                tok.lemma_ = lem
        return doc

    return lemmatizer


# --------------------------------------------------------------------------- mood

# ``ql_konjunktiv`` is registered by `quellenlage.lang.de.mood` (imported above), where the
# attribution checks find the same forms.


# --------------------------------------------------------------------------- gazetteer


def _fix_ents_at_newlines(doc: Doc) -> None:
    """Entities never cross a line break and never start or end with whitespace."""
    ents, changed = [], False
    for e in doc.ents:
        start, end = e.start, e.end
        for t in e:
            if t.is_space or "\n" in t.text:
                end = t.i
                break
        while start < end and doc[start].is_space:
            start += 1
        if (start, end) != (e.start, e.end):
            changed = True
            if start < end:
                ents.append(Span(doc, start, end, label=e.label))
        else:
            ents.append(e)
    if changed:
        doc.ents = ents


class Gazetteer:
    """Exact-match name list that only fills gaps left by the statistical NER (never overrides
    or extends its entities). Entries are token sequences joined by spaces, tokenised with the
    pipeline's tokenizer when added. Serialised as JSON in the component's directory."""

    def __init__(self, nlp: Language, name: str, max_len: int = 4):
        self.nlp, self.name, self.max_len = nlp, name, max_len
        self.entries: dict[str, str] = {}

    def add(self, names, label: str) -> None:
        for doc in self.nlp.tokenizer.pipe(names):  # type: ignore[union-attr]  # spaCy's Tokenizer
            toks = [t.text for t in doc]
            if 0 < len(toks) <= self.max_len:
                self.entries[" ".join(toks)] = label

    def __call__(self, doc: Doc) -> Doc:
        _fix_ents_at_newlines(doc)
        if not self.entries:
            return doc
        texts = [t.text for t in doc]
        taken = numpy.zeros(len(texts) + 1, dtype=bool)
        for e in doc.ents:
            taken[e.start:e.end] = True
        new = []
        i, n = 0, len(texts)
        while i < n:
            if taken[i] or not texts[i][:1].isupper():
                i += 1
                continue
            for L in range(min(self.max_len, n - i), 0, -1):
                label = self.entries.get(" ".join(texts[i:i + L]) if L > 1 else texts[i])
                if label and not taken[i:i + L].any():
                    new.append(Span(doc, i, i + L, label=label))
                    i += L - 1
                    break
            i += 1
        if new:
            doc.set_ents(new, default="unmodified")
        return doc

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "entries.json", "w", encoding="utf8") as fh:
            json.dump({"max_len": self.max_len, "entries": self.entries}, fh, ensure_ascii=False)

    def from_disk(self, path, exclude=()):
        with open(Path(path) / "entries.json", encoding="utf8") as fh:
            d = json.load(fh)
        self.max_len, self.entries = d["max_len"], d["entries"]
        return self


@Language.factory("ql_gazetteer", default_config={"max_len": 4})
def make_gazetteer(nlp: Language, name: str, max_len: int):
    return Gazetteer(nlp, name, max_len)


# --------------------------------------------------------------------------- name consistency


@Language.component("ql_name_consistency")
def name_consistency(doc: Doc) -> Doc:
    """One name, one label per article. News text introduces a person with the full name and
    then uses the surname alone ("Kurt Weiß sagte …  Weiß bestätigte …"); the NER, which sees a
    few words either side, often misses the lone surname at the start of a clause. Capitalised
    repeats of an entity's text, and of the last word of a multi-word PER, that are outside
    every entity and not after an article get the label; a name whose mentions carry different
    labels is left alone. The tokens of a new entity are proper nouns (pos PROPN, tag NE)."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for e in doc.ents:
        labels.setdefault(tuple(t.text for t in e), set()).add(e.label_)
        if e.label_ == "PER" and len(e) > 1 and len(e[-1].text) > 2:
            labels.setdefault((e[-1].text,), set()).add("PER")
    names = {k: next(iter(v)) for k, v in labels.items() if len(v) == 1 and k[0][:1].isupper()}
    if not names:
        return doc
    longest = max(len(k) for k in names)
    taken = numpy.zeros(len(doc) + 1, dtype=bool)
    for e in doc.ents:
        taken[e.start:e.end] = True
    new, i = [], 0
    while i < len(doc):
        hit = None
        if not taken[i] and doc[i].text[:1].isupper() and (i == 0 or doc[i - 1].pos_ != "DET"):
            for L in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(t.text for t in doc[i:i + L])
                if key in names and not taken[i:i + L].any():
                    hit = Span(doc, i, i + L, label=names[key])
                    break
        if hit is None:
            i += 1
            continue
        new.append(hit)
        i = hit.end
    if new:
        doc.set_ents(new, default="unmodified")
        for span in new:
            for t in span:
                if t.pos_ not in ("PROPN", "NOUN"):
                    t.pos_, t.tag_ = "PROPN", "NE"
    return doc
