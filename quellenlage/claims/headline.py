"""`HeadlineChecker`: does the body bear out what the headline asserts, and in whose voice?

The headline is split into assertions (at ':' and ';', at dashes, and at commas between two
clauses); a short clause before a colon that names a source ("Bericht:", "Gewerkschaft:") or
introduces what follows ("Experte warnt:") is no assertion of its own but frames the next one.
Each assertion is matched with the sentences of the body and teaser by its terms (lemmas,
compound parts, figures and entities, terms.py, weighted by rarity); the best-matching sentences
are its evidence, and the voice they speak in decides the verdict:

- `attributed_only`: the headline itself marks the source: a colon frame, quotation marks, a
  speech verb with its actor ("Musik-Stars fordern …"), "laut"/"zufolge", hearsay "soll … haben"
  or the subject's own "will" (lang/de/modals.py);
- `supported`: a sentence of the body states it in the outlet's own voice, or several sources
  report it, or another source confirms what one reports;
- `unsupported_as_fact`: the best support is attributed to a single source, hedged (hearsay
  modal, "angeblich", frameless Konjunktiv) or reported as denied, and the headline drops that
  marking (an evaluative word such as "paranoid" that the body gives no basis for is named in
  the reason, but does not decide the verdict);
- `not_in_body`: no sentence of the body says it (shown with less emphasis: a headline may sum
  up what no single sentence states).

Sensationalism: loaded and emotive words of the headline (sensational.tsv), and whether the
body uses them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.claims.claims import source_key
from quellenlage.claims.hedges import hedge
from quellenlage.claims.language import claim_rules, rules_of
from quellenlage.claims.terms import Weights, contains, entity_index, is_content, key_terms, token_terms
from quellenlage.convert import text_span
from quellenlage.extensions import LINGUISTIC, doc_text, token_words
from quellenlage.schema import Claim, HeadlineCheck, HeadlineFinding, SensationalWord, TextSpan
CLAUSE_BREAKS = frozenset({":", ";", "–", "—", "-", "|"})
FRAME_MAX = 4  # tokens of a clause before a colon that only introduces what follows
EVIDENCE_MIN = 0.5  # weighted share of the assertion's terms a sentence must contain
EVIDENCE_NEAR_BEST = 0.75  # sentences this close to the best one are evidence too
OWN_NEAR_BEST = 0.75  # an own-voice sentence this close to the best support vouches for it
MAX_EVIDENCE = 3
MAX_REPLIES = 2  # denials shown with the evidence
HEDGING_RULES = frozenset({"soll", "will", "konjunktiv", "hearsay"})
@dataclass(frozen=True)
class Loaded:
    """An entry of sensational.tsv: a stem, its kind, the roots that give an evaluative word a basis."""

    stem: str
    kind: str
    related: tuple[str, ...]

    def in_word(self, word: str) -> bool:
        if self.stem.endswith("$"):  # a whole word or its plural: "secret$" is not in "secretary"
            base = self.stem[:-1]
            return any(part in (base, base + "s") for part in (word, *word.split("-")))
        return any(part.startswith(self.stem) for part in (word, *word.split("-")))


@lru_cache(maxsize=None)
def loaded_words(lang: str) -> tuple[Loaded, ...]:
    """The entries of sensational.tsv of language `lang`."""
    return tuple(
        Loaded(r[0].lower(), r[1], tuple(x.strip() for x in r[2].split(",") if x.strip()) if len(r) > 2 else ())
        for r in rules_of(lang).sensational_rows()
    )


@lru_cache(maxsize=65536)
def _loaded_word(lang: str, word: str) -> Loaded | None:
    return next((entry for entry in loaded_words(lang) if entry.in_word(word)), None)


def loaded(t: Token) -> Loaded | None:
    """The sensational-lexicon entry of the Doc's language a word belongs to (cached per word form)."""
    return _loaded_word(claim_rules(t).LANG, t.lower_)


@dataclass
class Unit:
    """A body or teaser sentence as evidence: its terms and its words."""

    span: Span
    terms: frozenset[str]
    words: tuple[str, ...]


@dataclass
class Voice:
    """In whose voice a sentence carries the matched words: own | attributed | hedged | denied |
    confirmed (attributed, and another source confirms it);
    `source` names the source (attributed, denied: who denies) or the marker (hedged), `key`
    identifies the source (one source or several)."""

    kind: str
    source: str
    key: str | None = None
    extra: tuple[TextSpan, ...] = ()


@dataclass
class Support:
    unit: Unit
    score: float
    voice: Voice


@dataclass
class Assertion:
    span: Span
    frame: Span | None  # a source frame before a colon ("Bericht:") or after a comma ("…, report says")
    frame_kind: str = "colon frame"


def _names(speakers: list[str]) -> str:
    return ", ".join(dict.fromkeys(speakers))


def support_sentences(doc: Doc) -> list[Span]:
    """The sentences of the paragraph lines and of teaser prose (without leading bullets and
    spaces); a teaser line without a full stop is another headline, no support for this one."""
    quoted = quoted_tokens(doc)
    out: list[Span] = []
    for line in doc._.lines:
        text = line.text.strip()
        if line.role == "paragraph" and text or line.role == "teaser" and text.endswith((".", "!", "?", "“", "\"", "«")):
            for sent in sentences(line_span(doc, line.start), quoted):
                start = sent.start
                while start < sent.end and (doc[start].is_space or not doc[start].text.strip("•·*-–")):
                    start += 1
                if start < sent.end:
                    out.append(doc[start : sent.end])
    return out


class HeadlineChecker:
    def __init__(
        self, nlp: Language, name: str = "headline_checker", evidence_min: float = EVIDENCE_MIN,
        evidence_near_best: float = EVIDENCE_NEAR_BEST, own_near_best: float = OWN_NEAR_BEST, max_replies: int = MAX_REPLIES,
    ) -> None:
        self.name = name
        self.evidence_min, self.evidence_near_best, self.own_near_best = evidence_min, evidence_near_best, own_near_best
        self.max_replies = max_replies

    def __call__(self, doc: Doc) -> Doc:
        """Runs after `claim_builder`: denials come from the claims' reactions."""
        headline = next((line for line in doc._.lines if line.role == "headline"), None)
        if headline is None:
            return doc
        index = entity_index(doc)
        title = " ".join(headline.text.split())
        units = [
            Unit(s, key_terms(s, index), tuple(token_words(doc).lowers[s.start : s.end]))
            for s in support_sentences(doc)
            if title not in " ".join(s.text.split())  # the headline repeated (breadcrumb, title line)
        ]
        weights = Weights([u.terms for u in units])
        body_parts = {part for u in units for w in u.words for part in (w, *w.split("-"))}
        span = line_span(doc, headline.start)
        findings = [self._finding(a, units, weights, index, doc._.claims) for a in self.assertions(span)]
        sensational = [
            SensationalWord(
                word=t.text, start=t.idx, end=t.idx + len(t.text),
                in_body=any(entry.in_word(part) for part in body_parts),
            )
            for t in span
            if (entry := loaded(t)) is not None
        ]
        doc._.headline_check = HeadlineCheck(text=headline.text.strip(), findings=findings, sensational=sensational)
        return doc

    @staticmethod
    def assertions(line: Span) -> list[Assertion]:
        """The assertions of a headline line: its clauses, with the source frame before a colon
        (English also after a comma: "Tax cut will pass, says Smith")."""
        out: list[Assertion] = []
        doc = line.doc
        pieces: list[tuple[Span, str]] = []  # (clause, the break after it)
        start = line.start
        for t in line:
            comma_clause = t.text == "," and _has_finite(doc[start : t.i]) and _has_finite(doc[t.i + 1 : line.end])
            if t.text in CLAUSE_BREAKS and not _inside_word(t) or comma_clause:
                pieces.append((doc[start : t.i], t.text))
                start = t.i + 1
        pieces.append((doc[start : line.end], ""))
        frame: Span | None = None
        trimmed = [(_trim(piece), brk) for piece, brk in pieces]
        trimmed = [(piece, brk) for piece, brk in trimmed if piece is not None]
        trailing: set[int] = set()  # English "…, says Smith": the clause after names the source
        for k, (piece, brk) in enumerate(trimmed):
            rest = trimmed[k + 1][0] if k + 1 < len(trimmed) else None
            if k in trailing:
                continue
            if brk == "," and rest is not None and claim_rules(line).trailing_frame(rest):
                trailing.add(k + 1)
                if not _is_label(piece):
                    out.append(Assertion(piece, rest, "trailing frame"))
                frame = None
                continue
            if brk == ":" and len(piece) <= FRAME_MAX and rest is not None and (
                _introduces(piece) or _names_source(piece, rest)
            ):
                frame = piece  # "Bericht:", "Experte warnt:" frame the next clause
                continue
            # "Einstieg ins TV-Geschäft: Wie …" names a topic; "Wladimir Putin paranoid: …" says something of someone
            topic = brk == ":" and rest is not None and not _has_verb(piece) and not _predicates(piece)
            if not _is_label(piece) and not topic:
                out.append(Assertion(piece, frame))
            frame = None
        return out

    def _finding(
        self, assertion: Assertion, units: list[Unit], weights: Weights, index: dict[int, str], claims: list[Claim]
    ) -> HeadlineFinding:
        span = assertion.span
        terms = key_terms(span, index)
        content = [t for t in span if is_content(t)]
        groups = [(frozenset(token_terms(t, index)), loaded(t)) for t in content]
        evaluative = {t.text: e for t in span if (e := loaded(t)) is not None and e.kind == "evaluative"}
        scored = sorted(((_score(groups, u, weights), u) for u in units), key=lambda x: -x[0])
        best = scored[0][0] if scored else 0.0
        evidence = [
            Support(u, s, _voice(u, terms, index, claims))
            for s, u in scored[:MAX_EVIDENCE]
            if s >= max(self.evidence_min, self.evidence_near_best * best)
        ]
        own = [
            Support(u, s, Voice("own", "the outlet"))
            for s, u in scored
            if s >= max(self.evidence_min, self.own_near_best * best) and _voice(u, terms, index, claims).kind == "own"
        ]
        marking = headline_marking(assertion)
        verdict, why, shown = self._verdict(marking, evidence, own, evaluative)
        spans = [text_span(s.unit.span) for s in shown]
        for x in [x for s in shown for x in s.voice.extra][: self.max_replies]:
            if x not in spans:
                spans.append(x)
        return HeadlineFinding(
            assertion=span.text, start=span.start_char, end=span.end_char, verdict=verdict,
            evidence=spans, why=why, marking=marking,
        )

    @staticmethod
    def _verdict(
        marking: str | None, evidence: list[Support], own: list[Support], evaluative: dict[str, Loaded]
    ) -> tuple[str, str, list[Support]]:
        """(verdict, why, the evidence to show). An evaluative word the body gives no basis for
        ("paranoid", sensational.tsv) is named in `why`; it does not decide the verdict."""
        verdict, why, shown = HeadlineChecker._decide(marking, evidence, own)
        baseless = [
            word for word, entry in evaluative.items()
            if not any(entry.in_word(w) or any(root in w for root in entry.related) for s in own for w in s.unit.words)
        ]
        if baseless and verdict != "attributed_only":
            why = f"the body itself gives no basis for {', '.join(repr(w) for w in baseless)}; {why}"
        return verdict, why, shown

    @staticmethod
    def _decide(marking: str | None, evidence: list[Support], own: list[Support]) -> tuple[str, str, list[Support]]:
        if marking is not None:
            return "attributed_only", f"the headline itself marks it as {marking}", evidence or own
        if own:
            return "supported", "the body states it in the outlet's own voice", own[:MAX_EVIDENCE]
        if not evidence:
            return "not_in_body", "no sentence of the body states this", []
        confirmed = [s for s in evidence if s.voice.kind == "confirmed"]
        if confirmed and not any(s.voice.kind == "denied" for s in evidence):
            return "supported", f"reported and confirmed: {_names([s.voice.source for s in confirmed])}", confirmed
        keys = {s.voice.key for s in evidence if s.voice.kind == "attributed"}
        if len(keys) >= 2 and all(s.voice.kind == "attributed" for s in evidence):
            return "supported", f"reported by several sources: {_names([s.voice.source for s in evidence])}", evidence
        return "unsupported_as_fact", _how(evidence), evidence


def _how(evidence: list[Support]) -> str:
    """How the body carries its best support, in calibrated words (never 'false')."""
    denied = [s.voice.source for s in evidence if s.voice.kind == "denied"]
    if denied:
        return f"the body reports it as denied or disputed by {_names(denied)}"
    attributed = [s.voice.source for s in evidence if s.voice.kind == "attributed"]
    if attributed:
        return f"the body attributes this to {_names(attributed)} only"
    hedged = [s.voice.source for s in evidence if s.voice.kind == "hedged"]
    if hedged:
        return f"the body only reports it hedged ({_names(hedged)})"
    return ""


def _score(groups: list[tuple[frozenset[str], Loaded | None]], unit: Unit, weights: Weights) -> float:
    """Weighted share of the assertion's content words that the sentence contains. A word is
    found by any of its terms (stem, lemma, compound part, figure, entity) and weighs as its
    rarest term; an evaluative word also counts as found when a word of its semantic field is
    ("verzweifelt" ~ "anflehen")."""
    total = found = 0.0
    for terms, entry in groups:
        weight = max((weights(t) for t in terms), default=0.0)
        total += weight
        related = entry.related if entry is not None and entry.kind == "evaluative" else ()
        if any(contains(unit.terms, t) for t in terms) or any(root in w for root in related for w in unit.words):
            found += weight
    return found / total if total else 0.0


def _voice(unit: Unit, terms: frozenset[str], index: dict[int, str], claims: list[Claim]) -> Voice:
    """In whose voice the sentence carries the words that match the assertion: the quotes that
    cover most of them, else the sentence's own markers (hedges, attribution frames)."""
    doc = unit.span.doc
    rules = claim_rules(doc)
    lang = rules.LANG
    open_question, first_person = rules.OPEN_QUESTION, rules.FIRST_PERSON
    matched = [t for t in unit.span if is_content(t) and any(contains(token_terms(t, index), a) for a in terms)]
    quotes = [
        q for q in doc.spans.get("quotes", [])
        if q.start < unit.span.end and unit.span.start < q.end and q[0].lower_ not in open_question
        and _plausible_speaker(q) and not _stated_with_reference(q)
    ]  # not "X erklärt, wie Mieter …" (the topic of what X explains)
    inside = [q for q in quotes if sum(q.start <= t.i < q.end for t in matched) * 2 > len(matched)]
    if inside:
        return _quote_voice(inside, claims, unit.span)
    marker = hedge(unit.span, konjunktiv=True)
    if marker is not None:
        return Voice("hedged", repr(marker[1]))
    speakers = rules.reporting_speakers(unit.span, matched)
    if speakers:
        if all(s.name.casefold() in first_person for s in speakers):
            return Voice("own", "the author")
        return Voice("attributed", _names([s.name for s in speakers]), source_key(speakers[0], lang))
    return Voice("own", "the outlet")


def _stated_with_reference(q: Span) -> bool:
    """"…, wie die Zeitung X berichtete", "…, as the Post reported": the outlet states it and
    names where it read it."""
    cue = q._.cue
    rules = claim_rules(q)
    if cue is not None and cue.start >= q.end and any(t.lower_ in rules.REFERENCE for t in q.doc[q.end : cue.start]):
        return True
    return rules.announced_after(q)  # "… gestoppt. Das teilte X mit."


def _plausible_speaker(q: Span) -> bool:
    """A quote's speaker is a source when it has a type, or when a verb of saying names it
    ("der Betriebsrat sagte"); an untyped noun after "meldet" ("meldet Fieber") is none."""
    if q._.speaker is None or q._.speaker.type != "unknown":
        return True
    return claim_rules(q).speech_cue(q)


def _quote_voice(quotes: list[Span], claims: list[Claim], sentence: Span) -> Voice:
    """The voice of a statement the body quotes: denied when someone denies or disputes the
    claim, confirmed when another source confirms it, hedged when reported without a source or
    with a distancing marker, else attributed."""
    rules = claim_rules(sentence)
    lang, first_person = rules.LANG, rules.FIRST_PERSON
    ids = {q._.id for q in quotes}
    mine = [c for c in claims if set(c.quote_ids) & ids]
    against = [r for c in mine for r in c.reactions if r.status in ("denied", "disputed")]
    if against:
        extra = tuple(text_span(r) for r in against)
        return Voice("denied", _names([f"{r.by.name} ({r.status})" for r in against]), None, extra)
    speakers = [q._.speaker for q in quotes if q._.speaker is not None]
    confirming = [
        r for c in mine for r in c.reactions
        if r.status == "confirmed" and source_key(r.by, lang) != source_key(c.source, lang)
    ]
    if speakers and confirming:  # "X sagte … Das bestätigte Y": two sources, no longer X's alone
        extra = tuple(text_span(r) for r in confirming)
        names = _names([s.name for s in speakers])
        return Voice("confirmed", f"{names}, confirmed by {_names([r.by.name for r in confirming])}", None, extra)
    if speakers and all(s.name.casefold() in first_person for s in speakers):
        return Voice("own", "the author")
    if not speakers:
        marker = hedge(sentence, konjunktiv=True)
        return Voice("hedged", f"{marker[1]!r}, no named source" if marker else "no named source")
    if any(q._.rule in HEDGING_RULES for q in quotes):
        return Voice("hedged", f"{_names([s.name for s in speakers])}, with distance")
    return Voice("attributed", _names([s.name for s in speakers]), source_key(speakers[0], lang))


def headline_marking(assertion: Assertion) -> str | None:
    """How the headline itself marks the assertion as someone's statement, or None when it
    states it as plain fact: a colon frame, quotation marks, a speech verb with its actor,
    "laut"/"zufolge", hearsay "soll … haben", the subject's own "will", "X über Y"."""
    span = assertion.span
    if assertion.frame is not None:
        return f"a statement of {assertion.frame.text!r} ({assertion.frame_kind})"
    if mostly_quoted(span):
        return "a quotation"
    return claim_rules(span).headline_marking(span)


def mostly_quoted(span: Span) -> bool:
    """Quotation marks around most of the words: a quotation, not a name in quotes."""
    is_quote_char = claim_rules(span).is_quote_char
    marks = [t.i for t in span if is_quote_char(t)]
    inside = sum(
        1 for a, b in zip(marks[::2], marks[1::2]) for t in span.doc[a + 1 : b] if not t.is_punct
    )
    content = sum(not t.is_punct for t in span)
    return content > 0 and inside >= 3 and inside * 2 > content


def _has_finite(span: Span) -> bool:
    finite = claim_rules(span).is_finite
    return any(finite(t) for t in span)


def _inside_word(t: Token) -> bool:
    """A hyphen that joins words ("Uber-Konkurrent") is no clause break."""
    return t.text == "-" and t.idx > 0 and not doc_text(t.doc)[t.idx - 1].isspace()


def _names_source(span: Span, rest: Span) -> bool:
    """A colon frame that names a source: a source or speech noun ("Bericht:", "Polizei:"), or
    a name followed by a statement with a verb ("Verdi: Löhne müssen steigen"), not by a
    noun phrase ("HTC Touch: Bald bei o2" names a topic)."""
    return claim_rules(span).names_source(span, rest)


def _is_label(span: Span) -> bool:
    """A topic label, no assertion (ANNOTATION.md §4): no verb, no figure, and at most two
    words besides an article ("Zwischenbilanz", "Precision Farming", "Ein Albtraum")."""
    if any(_pos(t) in ("VERB", "AUX") or t.like_num for t in span):
        return False
    if any(t.text in ("•", "|", "·") for t in span):
        return True  # "Marketing • Social Media": a list of topics
    words_ = [t for t in span if not t.is_punct and _pos(t) != "DET"]
    return len(words_) <= 2 or not any(is_content(t) for t in span)


def _pos(t: Token) -> str:
    """The POS in the Doc's language (the German one corrects the small tagger by spelling)."""
    return claim_rules(t).pos(t)


def _has_verb(span: Span) -> bool:
    return any(_pos(t) in ("VERB", "AUX") for t in span)


def _predicates(span: Span) -> bool:
    """A verbless statement: a name with a predicative adjective ("Putin paranoid", "Putin furious")."""
    return claim_rules(span).predicates(span)


def _introduces(span: Span) -> bool:
    """A clause that announces what follows: a speech verb ("Experte warnt") or a disclosure
    verb, also as particle verb ("Insider enthüllen", "deckt auf", "packt aus")."""
    return claim_rules(span).introduces(span)


def _trim(span: Span) -> Span | None:
    """The clause without leading bullets, spaces and punctuation, or trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    is_quote_char = claim_rules(span).is_quote_char
    while start < end and (doc[start].is_punct or doc[start].is_space or not doc[start].text.strip("•·*")) and not is_quote_char(doc[start]):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not is_quote_char(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


@Language.factory(
    "headline_checker", requires=[*LINGUISTIC, "doc._.lines", "doc._.entities", "doc._.claims"], assigns=["doc._.headline_check"],
    default_config={
        "evidence_min": EVIDENCE_MIN, "evidence_near_best": EVIDENCE_NEAR_BEST, "own_near_best": OWN_NEAR_BEST,
        "max_replies": MAX_REPLIES,
    },
)
def make_headline_checker(
    nlp: Language, name: str, evidence_min: float, evidence_near_best: float, own_near_best: float, max_replies: int
) -> HeadlineChecker:
    return HeadlineChecker(nlp, name, evidence_min, evidence_near_best, own_near_best, max_replies)
