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

from quellenlage.attribution.frames import FrameFinder, verb_cue
from quellenlage.lang.de.grammar import (
    PARTICLES,
    cue_verbs,
    is_finite,
    is_quote_char,
    lemma,
    pos,
    source_nouns,
    speech_nouns,
    verb_lemmas,
)
from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.attribution.speakers import mention_index, resolve_mention
from quellenlage.claims.claims import source_key
from quellenlage.claims.hedges import hedge
from quellenlage.lang.de.modals import CLAIM, HEARSAY, INTENTION, modal_reading
from quellenlage.claims.language import ENGLISH, GERMAN, english, language
from quellenlage.claims.terms import Weights, contains, entity_index, is_content, key_terms, token_terms
from quellenlage.convert import text_span
from quellenlage.extensions import LINGUISTIC, token_words
from quellenlage.lang.en import claims as en
from quellenlage.lexicons import rows, words
from quellenlage.schema import Claim, HeadlineCheck, HeadlineFinding, SensationalWord, TextSpan
CLAUSE_BREAKS = frozenset({":", ";", "–", "—", "-", "|"})
FRAME_MAX = 4  # tokens of a clause before a colon that only introduces what follows
EVIDENCE_MIN = 0.5  # weighted share of the assertion's terms a sentence must contain
EVIDENCE_NEAR_BEST = 0.75  # sentences this close to the best one are evidence too
OWN_NEAR_BEST = 0.75  # an own-voice sentence this close to the best support vouches for it
MAX_EVIDENCE = 3
MAX_REPLIES = 2  # denials shown with the evidence
HEDGING_RULES = frozenset({"soll", "will", "konjunktiv", "hearsay"})
ATTRIBUTING_WORDS = frozenset({"laut", "zufolge"})
FIRST_PERSON = frozenset({"ich", "wir", "uns", "mir", "mich"})  # the author writing is the outlet
OPEN_QUESTION = frozenset({"wie", "welche", "welcher", "welches", "welchen", "was", "wo", "warum", "wann", "ob", "wer"})


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
def loaded_words(lang: str = GERMAN) -> tuple[Loaded, ...]:
    return tuple(
        Loaded(r[0].lower(), r[1], tuple(x.strip() for x in r[2].split(",") if x.strip()) if len(r) > 2 else ())
        for r in rows(lang, "sensational.tsv")
    )


@lru_cache(maxsize=65536)
def _loaded_word(lang: str, word: str) -> Loaded | None:
    return next((entry for entry in loaded_words(lang) if entry.in_word(word)), None)


def loaded(t: Token) -> Loaded | None:
    """The sensational-lexicon entry of the Doc's language a word belongs to (cached per word form)."""
    return _loaded_word(language(t), t.lower_)


@lru_cache(maxsize=None)
def speech_act_verbs(lang: str = GERMAN) -> frozenset[str]:
    return words(lang, "speech_acts.tsv")


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
            if english(line) and brk == "," and rest is not None and en.trailing_frame(rest):
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
    lang = language(doc)
    open_question = en.OPEN_QUESTION if lang == ENGLISH else OPEN_QUESTION
    first_person = en.FIRST_PERSON if lang == ENGLISH else FIRST_PERSON
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
    if lang == ENGLISH:
        mentions = mention_index(doc)
        at = {t.i for t in matched}
        speakers = [
            s for s in (
                en.frame_speaker(doc, mention, cue, mentions) for mention, cue, said in en.report_frames(unit.span)
                if at & said and not at <= set(range(mention.start, mention.end))
            )
            if s.type != "unknown" or s.name.casefold() in first_person
        ]
    else:
        frames = [f for f in FrameFinder().find(unit.span) if f.speaker is not None and f.reaction == "-" and _reports(f, matched)]
        speakers = [s for s in (resolve_mention(doc, f.speaker) for f in frames) if s.type != "unknown"]
    if speakers:
        if all(s.name.casefold() in first_person for s in speakers):
            return Voice("own", "the author")
        return Voice("attributed", _names([s.name for s in speakers]), source_key(speakers[0], lang))
    return Voice("own", "the outlet")


def _stated_with_reference(q: Span) -> bool:
    """"…, wie die Zeitung X berichtete", "…, as the Post reported": the outlet states it and
    names where it read it."""
    cue = q._.cue
    reference = en.REFERENCE if english(q) else frozenset({"wie"})
    return cue is not None and cue.start >= q.end and any(t.lower_ in reference for t in q.doc[q.end : cue.start])


def _plausible_speaker(q: Span) -> bool:
    """A quote's speaker is a source when it has a type, or when a verb of saying names it
    ("der Betriebsrat sagte"); an untyped noun after "meldet" ("meldet Fieber") is none."""
    if q._.speaker is None or q._.speaker.type != "unknown":
        return True
    cue = q._.cue
    if english(q):
        return cue is not None and len(cue) > 0 and en.lemma(cue[0]) in en.SPEECH_VERBS
    found = verb_cue(cue[0], q.doc[max(0, cue.start - 20) : min(len(q.doc), cue.end + 20)]) if cue is not None and len(cue) else None
    return found is not None and cue_verbs()[found[0]][0] in ("speech", "writing")


def _reports(frame, matched: list[Token]) -> bool:
    """Whether a frame makes the matched words a source's claim: not "…, wie X berichtete"
    beside an indicative main clause (the outlet adopts the report), not an open question
    ("X zeigt, wie Nutzer …": the topic of what X says, not a claim)."""
    doc = frame.cue.doc
    start, end = frame.clause
    if frame.cue.end < len(doc) and doc[frame.cue.end].lower_ == "sich":
        return False  # "zeigt sich", "sieht sich": no statement
    if start > 0 and doc[start].lower_ == "wie" or start > 1 and doc[start - 1].lower_ == "wie":
        return False
    after = [t for t in matched if t.i >= end]
    if after:
        first = doc[end] if end < len(doc) else None
        while first is not None and first.is_punct and first.i + 1 < len(doc):
            first = doc[first.i + 1]
        if first is not None and first.lower_ in OPEN_QUESTION:
            return False
    return True


def _quote_voice(quotes: list[Span], claims: list[Claim], sentence: Span) -> Voice:
    """The voice of a statement the body quotes: denied when someone denies or disputes the
    claim, confirmed when another source confirms it, hedged when reported without a source or
    with a distancing marker, else attributed."""
    lang = language(sentence)
    first_person = en.FIRST_PERSON if lang == ENGLISH else FIRST_PERSON
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
    if _mostly_quoted(span):
        return "a quotation"
    if english(span):
        return _english_marking(span)
    for t in span:
        if t.lower_ in ATTRIBUTING_WORDS:
            return f"attributed ({t.text!r})"
        reading = modal_reading(t, span)
        if reading == HEARSAY:
            return f"hearsay ({t.text!r})"
        if reading in (CLAIM, INTENTION):
            return f"the subject's own claim or intention ({t.text!r})"
        if t.i > span.start and _says(t, span):
            return f"what its subject says ({t.text!r})"
    if not any(is_finite(t) for t in span):
        about = next((t for t in span if t.lower_ == "über"), None)
        if about is not None and about.i > span.start and pos(span[0]) == "PROPN":
            return f"what {span.doc[span.start : about.i].text} says (\"über\")"
    return None


def _english_marking(span: Span) -> str | None:
    """The English headline's own marking: "according to", hearsay ("is said to"), the subject's
    claim or intention ("claims to", "wants to"), a verb of saying with its actor ("Smith says
    …", "Union slams …"), a hedge ("allegedly", "reportedly", "may have"), "Smith on tax cuts"."""
    doc = span.doc
    for t in span:
        if t.lower_ == "according" and t.i + 1 < span.end and doc[t.i + 1].lower_ == "to":
            return "attributed ('according to')"
        reading = en.modal_reading(t, span)
        if reading == HEARSAY:
            return f"hearsay ({t.text!r})"
        if reading in (CLAIM, INTENTION):
            return f"the subject's own claim or intention ({t.text!r})"
        if t.i > span.start and en.says(t):
            return f"what its subject says ({t.text!r})"
    marker = hedge(span)
    if marker is not None:
        return f"hedged ({marker[1]!r})"
    if not any(en.pos(t) in ("VERB", "AUX") for t in span):
        about = next((t for t in span if t.lower_ == en.ABOUT), None)
        if about is not None and about.i > span.start and all(
            t.ent_type_ in en.NAME_LABELS for t in doc[span.start : about.i]
        ):
            return f"what {doc[span.start : about.i].text} says (\"{en.ABOUT}\")"
    return None


def _says(t: Token, span: Span) -> bool:
    """A headline verb of saying ("fordern", "warnt") or of verbal attack or demand
    ("attackiert", speech_acts.tsv), also as the participle of a terse headline; not a verb
    of thought or a reflexive one ("zeigt sich")."""
    if pos(t) not in ("VERB", "AUX") or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "sich"):
        return False
    if {lemma(t), *verb_lemmas(t.text)} & speech_act_verbs():
        return True
    cue = verb_cue(t, span) if is_finite(t) else None
    return cue is not None and cue_verbs()[cue[0]][0] in ("speech", "writing")


def _mostly_quoted(span: Span) -> bool:
    """Quotation marks around most of the words: a quotation, not a name in quotes."""
    marks = [t.i for t in span if is_quote_char(t)]
    inside = sum(
        1 for a, b in zip(marks[::2], marks[1::2]) for t in span.doc[a + 1 : b] if not t.is_punct
    )
    content = sum(not t.is_punct for t in span)
    return content > 0 and inside >= 3 and inside * 2 > content


def _has_finite(span: Span) -> bool:
    finite = en.is_finite if english(span) else is_finite
    return any(finite(t) for t in span)


def _inside_word(t: Token) -> bool:
    """A hyphen that joins words ("Uber-Konkurrent") is no clause break."""
    return t.text == "-" and t.idx > 0 and not t.doc.text[t.idx - 1].isspace()


def _names_source(span: Span, rest: Span) -> bool:
    """A colon frame that names a source: a source or speech noun ("Bericht:", "Polizei:"), or
    a name followed by a statement with a verb ("Verdi: Löhne müssen steigen"), not by a
    noun phrase ("HTC Touch: Bald bei o2" names a topic)."""
    if english(span):
        return en.names_source(span, rest)
    nouns = [t for t in span if pos(t) in ("NOUN", "PROPN")]
    if not nouns:
        return False
    head = nouns[-1]
    low = head.lower_
    if low in source_nouns() or head.text in speech_nouns() or any(low.endswith(n) for n in source_nouns() if len(n) >= 5):
        return True
    only_names = all(t.ent_type_ in ("PER", "ORG") or pos(t) == "DET" for t in span if not t.is_punct)
    return only_names and (_has_finite(rest) or _mostly_quoted(rest))


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
    return en.pos(t) if english(t) else pos(t)


def _has_verb(span: Span) -> bool:
    return any(_pos(t) in ("VERB", "AUX") for t in span)


def _predicates(span: Span) -> bool:
    """A verbless statement: a name with a predicative adjective ("Putin paranoid", "Putin furious")."""
    if english(span):
        return en.predicates(span)
    return any(pos(t) == "PROPN" for t in span) and any(t.tag_ == "ADJD" for t in span)


def _introduces(span: Span) -> bool:
    """A clause that announces what follows: a speech verb ("Experte warnt") or a disclosure
    verb, also as particle verb ("Insider enthüllen", "deckt auf", "packt aus")."""
    if english(span):
        lang = ENGLISH
        return en.introduces(span) or any(
            e.kind == "revelation" and e.in_word(t.lower_) for t in span for e in loaded_words(lang)
        )
    if any(verb_cue(t, span) is not None for t in span):
        return True
    verbs = [t for t in span if is_finite(t)]
    words_ = [t.lower_ for t in verbs]
    if span[-1].lower_ in PARTICLES:
        words_ += [span[-1].lower_ + (verb_lemmas(t.text) or (t.lower_,))[0] for t in verbs]
    return any(e.kind == "revelation" and e.in_word(w) for w in words_ for e in loaded_words())


def _trim(span: Span) -> Span | None:
    """The clause without leading bullets, spaces and punctuation, or trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
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
