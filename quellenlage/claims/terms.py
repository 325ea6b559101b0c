"""Key terms: what two stretches of text are both about, across inflection and compounds.

Claims, replies and headline assertions are compared by their content words; the stemmer,
the compound splitter and the number words are the language's (`claim_rules`). German inflects
("Telefonate"/"Telefonaten") and compounds ("Testausrüstung" ~ "Ausrüstung", "Coronatests" ~
"Corona"), so a term is a lemma stem, and two stems match when equal or when the shorter one
(at least five letters) begins or ends the longer; a compound also gives its parts, split where
both sides are words of simplemma's German dictionary ("Sensortechnik" -> Sensor, Technik), and
a number word gives its figure ("zwölf" ~ "12"). Words inside an entity mention also carry
the entity's id, so a description ("der Kremlsprecher") matches the name it stands for. Terms
are weighted by how rare they are in the body: a name that every sentence repeats says little
about which statement a reply answers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LIKE_NUM
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.claims.language import FALLBACK, ClaimRules, claim_rules, rules_of
from quellenlage.extensions import doc_cache, token_words

CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "X"})
MIN_AFFIX = 5
MIN_PART = 3  # letters of a hyphenated or compound word's part
ENTITY_PREFIX = "@"


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = FALLBACK) -> str:
    """The stem of a word in language `lang` (its rules' light stemmer: the same for headline and
    body, which is all matching needs)."""
    return rules_of(lang).stem(word)


@lru_cache(maxsize=262144)
def match(a: str, b: str) -> bool:
    """Same stem, or one stem begins or ends the other (a compound and its part)."""
    if a == b:
        return True
    if a.startswith(ENTITY_PREFIX) or b.startswith(ENTITY_PREFIX):
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_AFFIX and (long.startswith(short) or long.endswith(short))


@lru_cache(maxsize=32768)  # a few hundred articles' terms; each entry is a set of strings
def _inner_affixes(term: str) -> frozenset[str]:
    """The prefixes and suffixes of a term from MIN_AFFIX letters up to one short of the whole."""
    return frozenset(part for k in range(MIN_AFFIX, len(term)) for part in (term[:k], term[-k:]))


@lru_cache(maxsize=256)  # an entry holds every affix of a set: a few pages' sentences, not a corpus
def _affix_index(terms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The terms long enough to be a compound part, and every prefix and suffix of at least
    MIN_AFFIX letters of those terms: `match` against a whole set in a few lookups."""
    plain = frozenset(t for t in terms if len(t) >= MIN_AFFIX and not t.startswith(ENTITY_PREFIX))
    return plain, frozenset().union(*(_inner_affixes(t) for t in plain))


@lru_cache(maxsize=16384)  # its keys keep their term sets alive
def _contains(terms: frozenset[str], term: str) -> bool:
    """`any(match(term, t) for t in terms)`, by set lookups (long bodies have many terms)."""
    if term in terms:
        return True
    if term.startswith(ENTITY_PREFIX) or len(term) < MIN_AFFIX:
        return False
    plain, affixes = _affix_index(terms)
    # the term begins or ends a longer term of the set, or a term of the set begins or ends it
    return term in affixes or not plain.isdisjoint(_inner_affixes(term))


def contains(terms: Iterable[str], term: str) -> bool:
    """Whether a term set holds the term or a compound part of it (cached: term sets repeat)."""
    return _contains(terms if isinstance(terms, frozenset) else frozenset(terms), term)


def entity_index(doc: Doc) -> dict[int, str]:
    """token index -> id of the entity cluster whose mention covers it (once per Doc: the
    claims and headline steps run after the entities are final)."""
    key = "quellenlage.entity_index"
    if key not in doc_cache(doc):
        doc_cache(doc)[key] = {i: c.id for c in doc._.entities for m in c.mentions for i in range(m.start, m.end)}
    return doc_cache(doc)[key]


def is_content(t: Token, lang: str | None = None) -> bool:
    """A content word: noun, name, adjective, figure, or full verb that is not a speech verb
    (`lang`: the code of the Doc's `claim_rules`, when the caller knows it)."""
    return content_at(t.doc, t.i, claim_rules(t) if lang is None else rules_of(lang))


def content_at(doc: Doc, i: int, rules: ClaimRules) -> bool:
    """`is_content` of token i, its spelling read off the Doc's word list and lexical flags:
    the claims and headline steps ask it of every word of the body, and only words whose tag
    decides are made Tokens."""
    text = token_words(doc).texts[i]
    spelled = _content_by_spelling(rules.LANG, text, *_lexical_flags(doc)[i])
    if spelled is not None:
        return spelled
    t = doc[i]
    return _content_by_tag(rules.LANG, rules.pos(t), rules.lemma(t), text)


def _lexical_flags(doc: Doc) -> list[list[int]]:
    """like_num, is_stop, is_punct, is_space of every token (1 or 0), read once per Doc."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.lexical_flags")
    if known is None or len(known) != len(doc):
        known = cache["quellenlage.lexical_flags"] = doc.to_array([LIKE_NUM, IS_STOP, IS_PUNCT, IS_SPACE]).tolist()
    return known


@lru_cache(maxsize=65536)
def _content_by_spelling(lang: str, text: str, like_num: bool, stop: bool, punct: bool, space: bool) -> bool | None:
    """What the word's spelling decides: a figure or number word is content; a stop word,
    punctuation or a word of fewer than three letters is not; None: its tag decides."""
    if like_num and any(ch.isdigit() for ch in text) or text.lower() in number_words(lang):
        return True  # figures and number words ("Vier Modelle"), whatever the tagger calls them
    if stop or punct or space or len(text) < 3 or not any(ch.isalpha() for ch in text):
        return False
    return None


@lru_cache(maxsize=65536)
def _content_by_tag(lang: str, tag: str, lemma_: str, text: str) -> bool:
    """A content POS, and for a verb one that is neither light nor a verb of saying."""
    if tag not in CONTENT_POS:
        return False
    if tag != "VERB":
        return True
    return rules_of(lang).content_verb(lemma_, text)


def number_words(lang: str = FALLBACK) -> dict[str, str]:
    """number word -> its figure, in language `lang`."""
    return rules_of(lang).number_words()


def token_terms(t: Token, index: dict[int, str], lang: str | None = None) -> frozenset[str]:
    """The terms of one token: its stem and its lemma's, the stems of its hyphenated and
    compound parts, the figure of a number word, its entity id (English: no compound splitting)."""
    rules = claim_rules(t) if lang is None else rules_of(lang)
    out = _word_terms(rules.LANG, t.text, rules.lemma(t))
    return out | {ENTITY_PREFIX + index[t.i]} if t.i in index else out


@lru_cache(maxsize=65536)
def _word_terms(lang: str, text: str, lemma_: str) -> frozenset[str]:
    """The terms of a word with this spelling and lemma (see `token_terms`)."""
    out = {stem(text, lang), stem(lemma_, lang)}
    pieces = [part for part in text.split("-") if len(part) >= MIN_PART] if "-" in text else [text]
    if len(pieces) > 1:
        out |= {stem(part, lang) for part in pieces}
    for piece in pieces:
        out |= {stem(part, lang) for part in rules_of(lang).compound_parts(piece)}
    figure = number_words(lang).get(text.lower())
    if figure is not None:
        out.add(figure)
    return frozenset(out)


def key_terms(span: Span, index: dict[int, str], skip: set[int] = frozenset()) -> frozenset[str]:
    """The content terms of a span, leaving out the tokens in `skip` (e.g. a reply's cue words)."""
    doc = span.doc
    if index is doc_cache(doc).get("quellenlage.entity_index"):
        return frozenset().union(*_terms_per_token(doc, index, span.start, span.end, skip))
    out: set[str] = set()
    for t in span:
        if t.i not in skip and is_content(t):
            out |= token_terms(t, index)
    return frozenset(out)


def _terms_per_token(doc: Doc, index: dict[int, str], start: int, end: int, skip: set[int]) -> list[frozenset[str]]:
    """The terms of each token from start to end not in `skip` (empty for function words),
    each token's computed once per Doc, when a span first asks for it."""
    key = "quellenlage.token_terms"
    known = doc_cache(doc).get(key)
    if known is None:
        known = doc_cache(doc)[key] = [None] * len(doc)  # list[frozenset[str] | None]
    rules = claim_rules(doc)
    out = []
    for i in range(start, end):
        if i in skip:
            continue
        terms = known[i]
        if terms is None:
            terms = known[i] = token_terms(doc[i], index, rules.LANG) if content_at(doc, i, rules) else frozenset()
        out.append(terms)
    return out


class Weights:
    """Inverse document frequency of terms over a list of term sets (the body's sentences),
    plus one, so that in a short body a term found everywhere still counts.

    A unit counts for a term when it holds the term, when one of its terms begins or ends with
    the term, or when one of its plain terms begins or ends the term. The units' terms are
    indexed once by their first and last MIN_AFFIX letters, so a term's frequency costs a few
    lookups, not a pass over the body."""

    def __init__(self, units: list[frozenset[str]]) -> None:
        self.units = units
        self._cache: dict[str, float] = {}
        self._found: dict[str, frozenset[int]] = {}
        self._totals: dict[int, tuple[frozenset[str], float]] = {}
        self._by_term: dict[str, set[int]] = {}  # term -> the units that hold it
        self._by_head: dict[str, set[str]] = {}  # first MIN_AFFIX letters -> plain terms
        self._by_tail: dict[str, set[str]] = {}  # last MIN_AFFIX letters -> plain terms
        by_term = self._by_term
        for n, unit in enumerate(units):
            for term in unit:
                holders = by_term.get(term)
                if holders is None:
                    by_term[term] = {n}
                else:
                    holders.add(n)
        for term in by_term:
            if len(term) > MIN_AFFIX and term[0] != ENTITY_PREFIX:  # has affixes
                for key, index in ((term[:MIN_AFFIX], self._by_head), (term[-MIN_AFFIX:], self._by_tail)):
                    terms = index.get(key)
                    if terms is None:
                        index[key] = {term}
                    else:
                        terms.add(term)

    def _matching(self, term: str) -> frozenset[int]:
        """The units that hold the term, or a longer term it begins or ends, or a plain term
        that begins or ends it."""
        if term not in self._found:
            found = set(self._by_term.get(term, ()))
            if len(term) >= MIN_AFFIX:
                for longer in self._by_head.get(term[:MIN_AFFIX], ()):
                    if len(longer) > len(term) and longer.startswith(term):
                        found |= self._by_term[longer]
                for longer in self._by_tail.get(term[-MIN_AFFIX:], ()):
                    if len(longer) > len(term) and longer.endswith(term):
                        found |= self._by_term[longer]
                if not term.startswith(ENTITY_PREFIX):
                    for part in _inner_affixes(term):
                        if part in self._by_term and not part.startswith(ENTITY_PREFIX):
                            found |= self._by_term[part]
            self._found[term] = frozenset(found)
        return self._found[term]

    def units_with(self, term: str) -> frozenset[int]:
        """The numbers of the units that `contains` the term."""
        if term.startswith(ENTITY_PREFIX) or len(term) < MIN_AFFIX:
            return frozenset(self._by_term.get(term, ()))
        return self._matching(term)

    def shared(self, terms: frozenset[str]) -> dict[int, float]:
        """unit number -> the summed weight of the terms it contains (of those units that contain
        any): what `coverage(terms, unit)` divides by the terms' total, in one pass over the terms."""
        out: dict[int, float] = {}
        for term in terms:
            weight = self(term)
            for n in self.units_with(term):
                out[n] = out.get(n, 0.0) + weight
        return out

    def total(self, terms: frozenset[str]) -> float:
        """The summed weight of a term set, kept per set object (claims are compared many times)."""
        known = self._totals.get(id(terms))
        if known is None or known[0] is not terms:
            known = self._totals[id(terms)] = (terms, sum(self(t) for t in terms))
        return known[1]

    def __call__(self, term: str) -> float:
        if term not in self._cache:
            self._cache[term] = 1.0 + math.log((1 + len(self.units)) / (1 + len(self._matching(term))))
        return self._cache[term]


def coverage(query: frozenset[str], target: frozenset[str], weight: Callable[[str], float]) -> float:
    """Weighted share of the query's terms that the target contains (0 for an empty query).

    A word gives several terms (stem, parts, entity id); each counts, so an entity matched by
    its id and its name weighs more than a common noun."""
    if isinstance(weight, Weights) and isinstance(query, frozenset):
        total = weight.total(query)
    else:
        total = sum(weight(t) for t in query)
    if not total:
        return 0.0
    target = target if isinstance(target, frozenset) else frozenset(target)
    return sum(weight(t) for t in query if _contains(target, t)) / total


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def body_sentences(doc: Doc) -> list[Span]:
    """The sentences of the article's paragraph lines (the body the outlet writes); computed
    once per Doc, as the claims, headline and transparency steps all need them."""
    key = "quellenlage.body_sentences"
    if key not in doc_cache(doc):
        quoted = quoted_tokens(doc)
        bounds = []
        for line in doc._.lines:
            if line.role == "paragraph" and line.text.strip():
                bounds.extend((s.start, s.end) for s in sentences(line_span(doc, line.start), quoted))
        doc_cache(doc)[key] = bounds
    return [doc[a:b] for a, b in doc_cache(doc)[key]]
