"""`HeadlineChecker`: does the body bear out what the headline and teaser assert?

The headline and teaser bullets are split into assertions (at ':' and ';', at dashes, and at
commas between two clauses); a short clause before a colon ("X deckt auf:", "Insider
enthüllen:") only introduces what follows and is no assertion of its own. Each assertion is
compared with the body's sentences by weighted key terms (terms.py); the best-matching
sentences are its evidence, and how the body carries them decides the verdict:

- `unsupported_as_fact`: no basis in the body; the statement is reported as denied or
  disputed; the body only hedges it (soll, angeblich, Konjunktiv, "wird nachgesagt"); or the
  headline uses an evaluative word ("paranoid") for which the body itself gives no basis;
- `supported`: the outlet itself states it in the body, undisputed;
- `attributed_only`: the body reports it as what a source says.

Sensationalism: loaded and emotive words of the headline and teaser (sensational.tsv), and
whether the body uses them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.frames import FrameFinder, verb_cue
from quellenlage.attribution.grammar import PARTICLES, is_finite, verb_lemmas
from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.claims.hedges import hedge
from quellenlage.claims.terms import (
    Weights,
    body_sentences,
    contains,
    entity_index,
    is_content,
    key_terms,
    overlaps,
    stem,
)
from quellenlage.lexicons import rows
from quellenlage.schema import Claim, HeadlineCheck, HeadlineFinding, SensationalWord, TextSpan

PKG = "quellenlage.claims"
ASSERTION_ROLES = ("headline", "teaser")
CLAUSE_BREAKS = frozenset({":", ";", "–", "—", "-", "|"})
FRAME_MAX = 4  # tokens of a clause before a colon that only introduces what follows
EVIDENCE_MIN = 0.4  # weighted share of the assertion's terms a sentence must contain
EVIDENCE_NEAR_BEST = 0.6
MAX_EVIDENCE = 3
MAX_REPLIES = 2  # denials shown with the evidence


@dataclass(frozen=True)
class Loaded:
    """An entry of sensational.tsv: a stem, its kind, the roots that give an evaluative word a basis."""

    stem: str
    kind: str
    related: tuple[str, ...]

    def in_word(self, word: str) -> bool:
        return any(part.startswith(self.stem) for part in (word, *word.split("-")))


@lru_cache(maxsize=1)
def loaded_words() -> tuple[Loaded, ...]:
    return tuple(
        Loaded(r[0].lower(), r[1], tuple(x.strip() for x in r[2].split(",") if x.strip()) if len(r) > 2 else ())
        for r in rows(PKG, "sensational.tsv")
    )


@lru_cache(maxsize=65536)
def _loaded_word(word: str) -> Loaded | None:
    return next((entry for entry in loaded_words() if entry.in_word(word)), None)


def loaded(t: Token) -> Loaded | None:
    """The sensational-lexicon entry a word belongs to (cached per word form)."""
    return _loaded_word(t.lower_)


@dataclass
class Unit:
    """A body sentence as evidence: its terms, its words, and the quotes it overlaps (by id)."""

    span: Span
    terms: frozenset[str]
    words: tuple[str, ...]
    quote_ids: tuple[str, ...]


@dataclass
class Carried:
    """How the body carries one evidence sentence: supported | attributed | hedged | denied
    (for denied, `why` lists who denies or disputes it)."""

    kind: str
    why: str
    extra: tuple[TextSpan, ...] = ()


def _text_span(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def _names(speakers: list[str]) -> str:
    return ", ".join(dict.fromkeys(speakers))


class HeadlineChecker:
    def __init__(self, nlp: Language, name: str = "headline_checker") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Runs after `claim_builder`: the verdicts read the claims' statuses and reactions."""
        headline = next((line for line in doc._.lines if line.role == "headline"), None)
        if headline is None:
            return doc
        index = entity_index(doc)
        quotes = list(doc.spans.get("quotes", []))
        units = [
            Unit(
                s,
                key_terms(s, index),
                tuple(t.lower_ for t in s),
                tuple(f"q{n}" for n, q in enumerate(quotes, start=1) if overlaps(q, s)),
            )
            for s in body_sentences(doc)
        ]
        weights = Weights([u.terms for u in units])
        body_parts = {part for u in units for w in u.words for part in (w, *w.split("-"))}
        lines = [line for line in doc._.lines if line.role in ASSERTION_ROLES]
        findings = []
        sensational = []
        for line in lines:
            span = line_span(doc, line.start)
            for assertion in self.assertions(span, quoted_tokens(doc)):
                findings.append(self._finding(assertion, units, weights, index, doc._.claims))
            for t in span:
                entry = loaded(t)
                if entry is not None:
                    sensational.append(
                        SensationalWord(
                            word=t.text, start=t.idx, end=t.idx + len(t.text),
                            in_body=any(part.startswith(entry.stem) for part in body_parts),
                        )
                    )
        doc._.headline_check = HeadlineCheck(text=headline.text, findings=findings, sensational=sensational)
        return doc

    @staticmethod
    def assertions(line: Span, quoted: set[int]) -> list[Span]:
        """The assertions of a headline or teaser line: its sentences split into clauses."""
        out: list[Span] = []
        for sent in sentences(line, quoted):
            pieces: list[tuple[Span, str]] = []  # (clause, the break after it)
            start = sent.start
            for t in sent:
                comma_clause = t.text == "," and _has_finite(sent.doc[start : t.i]) and _has_finite(sent.doc[t.i + 1 : sent.end])
                if t.text in CLAUSE_BREAKS or comma_clause:
                    pieces.append((sent.doc[start : t.i], t.text))
                    start = t.i + 1
            pieces.append((sent.doc[start : sent.end], ""))
            for piece, brk in pieces:
                piece = _trim(piece)
                if piece is None or sum(is_content(t) for t in piece) < 2:
                    continue
                if brk == ":" and len(piece) <= FRAME_MAX and _introduces(piece):
                    continue  # "Investigativjournalist deckt auf:" introduces the next clause
                out.append(piece)
        return out

    def _finding(
        self, assertion: Span, units: list[Unit], weights: Weights, index: dict[int, str], claims: list[Claim]
    ) -> HeadlineFinding:
        terms = key_terms(assertion, index)
        evaluative = {stem(t.text): entry for t in assertion if (entry := loaded(t)) is not None and entry.kind == "evaluative"}
        fields = {term: entry.related for term, entry in evaluative.items()}
        scored = sorted(((self._score(terms, fields, u, weights), u) for u in units), key=lambda x: -x[0])
        best = scored[0][0] if scored else 0.0
        evidence = [u for s, u in scored[:MAX_EVIDENCE] if s >= max(EVIDENCE_MIN, EVIDENCE_NEAR_BEST * best)]
        verdict, why, extra = self._verdict(evidence, evaluative, claims)
        spans = [_text_span(u.span) for u in evidence]
        for x in extra[:MAX_REPLIES]:
            if x not in spans:
                spans.append(x)
        return HeadlineFinding(
            assertion=assertion.text, start=assertion.start_char, end=assertion.end_char,
            verdict=verdict, evidence=spans, why=why,
        )

    @staticmethod
    def _score(terms: frozenset[str], fields: dict[str, tuple[str, ...]], unit: Unit, weights: Weights) -> float:
        """Weighted share of the assertion's terms in the sentence; an evaluative word also
        counts as found when a word of its semantic field is ("paranoid" ~ "Angst")."""
        total = sum(weights(t) for t in terms)
        if not total:
            return 0.0
        found = sum(
            weights(t) for t in terms
            if contains(unit.terms, t) or any(root in w for root in fields.get(t, ()) for w in unit.words)
        )
        return found / total

    def _verdict(
        self, evidence: list[Unit], evaluative: dict[str, Loaded], claims: list[Claim]
    ) -> tuple[str, str, tuple[TextSpan, ...]]:
        if not evidence:
            return "unsupported_as_fact", "the body gives no basis for it", ()
        carried = [self._carried(u, claims) for u in evidence]
        extra = tuple(x for c in carried for x in c.extra)
        denied = [c.why for c in carried if c.kind == "denied"]
        if denied:
            who = _names([name for names in denied for name in names.split(", ")])
            return "unsupported_as_fact", f"reported as denied or disputed by {who}", extra
        own = [u for u, c in zip(evidence, carried) if c.kind == "supported"]
        baseless = [
            word for word, entry in evaluative.items()
            if not any(entry.in_word(w) or any(root in w for root in entry.related) for u in own for w in u.words)
        ]
        if baseless:
            how = "; ".join(dict.fromkeys(c.why for c in carried if c.kind != "supported"))
            why = f"the body itself gives no basis for the evaluative word(s) {', '.join(repr(w) for w in baseless)}"
            return "unsupported_as_fact", f"{why}; {how}" if how else why, extra
        if carried[0].kind == "supported":
            return "supported", carried[0].why, extra
        if all(c.kind == "hedged" for c in carried):
            return "unsupported_as_fact", "; ".join(dict.fromkeys(c.why for c in carried)), extra
        if own:
            return "supported", next(c.why for c in carried if c.kind == "supported"), extra
        return "attributed_only", "; ".join(dict.fromkeys(c.why for c in carried if c.kind == "attributed")), extra

    @staticmethod
    def _carried(unit: Unit, claims: list[Claim]) -> Carried:
        """How the body carries a sentence: the outlet's own words, or the claims/replies it quotes."""
        frames = [f for f in FrameFinder().find(unit.span) if f.speaker is not None]
        if not unit.quote_ids and frames:
            return Carried("attributed", f"attributed to {_names([f.speaker.text for f in frames])}")
        if not unit.quote_ids:
            marker = hedge(unit.span, konjunktiv=True)
            if marker is not None:
                return Carried("hedged", f"the body hedges it ({marker[1]!r})")
            return Carried("supported", "the outlet states it in the body")
        mine = [c for c in claims if set(c.quote_ids) & set(unit.quote_ids)]
        replies = [r for c in claims for r in c.reactions if r.quote_id in unit.quote_ids]
        against = [r for c in mine for r in c.reactions if r.status in ("denied", "disputed")]
        against += [r for r in replies if r.status in ("denied", "disputed")]
        if against:
            spans = tuple(TextSpan(start=r.start, end=r.end, text=r.text) for r in against)
            return Carried("denied", _names([f"{r.by.name} ({r.status})" for r in against]), spans)
        sources = _names([c.source.name if c.source else "no named source" for c in mine])
        if mine and all(c.status in ("hedged", "rumour") for c in mine):
            marker = hedge(unit.span, konjunktiv=True)
            how = f" ({marker[1]!r})" if marker else ""
            return Carried("hedged", f"the body only reports it hedged{how}, from {sources}")
        if replies:
            return Carried("attributed", f"attributed to {_names([r.by.name for r in replies])}")
        return Carried("attributed", f"attributed to {sources}")


def _has_finite(span: Span) -> bool:
    return any(is_finite(t) for t in span)


def _introduces(span: Span) -> bool:
    """A clause that announces what follows: a speech verb ("Experte warnt") or a disclosure
    verb, also as particle verb ("Insider enthüllen", "deckt auf", "packt aus")."""
    if any(verb_cue(t, span) is not None for t in span):
        return True
    verbs = [t for t in span if is_finite(t)]
    words = [t.lower_ for t in verbs]
    if span[-1].lower_ in PARTICLES:
        words += [span[-1].lower_ + (verb_lemmas(t.text) or (t.lower_,))[0] for t in verbs]
    return any(e.kind == "revelation" and e.in_word(w) for w in words for e in loaded_words())


def _trim(span: Span) -> Span | None:
    """The clause without leading bullets, spaces and punctuation, or trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or not doc[start].text.strip("•·*")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


@Language.factory("headline_checker")
def make_headline_checker(nlp: Language, name: str) -> HeadlineChecker:
    return HeadlineChecker(nlp, name)
