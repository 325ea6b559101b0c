"""`ClaimBuilder`: the claims an article's story rests on, who they come from, and who answers them.

Every attributed statement (a quote of `doc.spans["quotes"]`) is a claim, unless it is a reply
to another source's claim (reactions.py). Statements of one source that overlap or restate
each other become one claim. A claim's status says how the article carries it: `rumour`
without a source, `hedged` when the article keeps its distance (soll, will, angeblich, a
frameless Konjunktiv), `asserted` when the outlet states the same thing itself in the body,
else `attributed`. A reply answers the claims of other sources that contain its key terms;
failing that, an anaphoric reply ("die Angaben stimmten nicht") answers the claims of the
source it names or, unnamed, of the most salient source before it. What others say a source
said ("X soll gesagt haben") is their claim, which X can deny. A speaker's specific reply
to a claim replaces his general one ("stimmt nicht" overall, but "bestätigte" the tests).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.attribution.lines import line_span
from quellenlage.attribution.sentences import quoted_tokens, sentences
from quellenlage.attribution.speakers import mention_index, via_names

from quellenlage.claims.hedges import distancing_modal, hedge
from quellenlage.claims.language import FALLBACK, HEARSAY, claim_rules, rules_of
from quellenlage.lang import get_language
from quellenlage.claims.reactions import (
    Reply,
    anaphor,
    asked_person,
    charged,
    confession,
    frame_replies,
    is_plural,
    principals,
    quote_reactors,
    quote_status,
    reaction_cue,
)
from quellenlage.claims.terms import (
    Weights,
    body_sentences,
    coverage,
    entity_index,
    is_content,
    key_terms,
    overlaps,
    stem,
)
from quellenlage.claims.transparency import transparency
from quellenlage.convert import text_span
from quellenlage.extensions import LINGUISTIC
from quellenlage.schema import Claim, Reaction, Speaker

LINK_MIN = 0.3  # share of a reply's key terms a claim must contain to be what it answers
LINK_NEAR_BEST = 0.6  # a reply answers the best-matching claims, not every one sharing a word
SAME_CLAIM = 0.7  # one source, terms this alike: the same claim told twice
REPEATED = 0.6  # one speaker, one status, the shorter reply's terms mostly in the other: told twice
ASSERTED = 0.7  # an unattributed, unhedged body sentence this alike: the outlet adopts the claim
MIN_CONTENT = 2  # content words a statement needs to be a claim (not a quoted name or one word)
HEDGING_RULES = frozenset({"soll", "will", "konjunktiv", "hearsay"})


def source_key(speaker: Speaker | None, lang: str = FALLBACK) -> str | None:
    """One key per source: its entity, else its name without article ("der Nordkurier", "the Post")."""
    if speaker is None:
        return None
    if speaker.entity_id:
        return speaker.entity_id
    words = speaker.name.casefold().split()
    rules = rules_of(lang)
    articles = rules.DEFINITE | rules.INDEFINITE
    return " ".join(words[1:] if len(words) > 1 and words[0] in articles else words)


@dataclass
class Draft:
    """A claim while it is built: its statements, terms, and the replies linked to it."""

    quotes: list[tuple[str | None, Span]]  # (quote id, span); None for a reply without a quote
    source: Speaker | None
    via: list[str]
    status: str
    terms: frozenset[str]
    replies: list[tuple[Reply, bool]] = field(default_factory=list)  # (reply, linked by its terms)
    hearsay: bool = False  # others say the source said it ("X soll gesagt haben"): X can deny it
    lang: str = FALLBACK

    @property
    def start(self) -> int:
        return self.quotes[0][1].start

    @property
    def key(self) -> str | None:
        return source_key(self.source, self.lang)

    def told_by(self, phrase_stems: set[str], entity_ids: set[str]) -> bool:
        """Whether a phrase names this claim's source or a link of its chain."""
        if self.source is not None and self.source.entity_id in entity_ids:
            return True
        names = ([self.source.name] if self.source is not None else []) + self.via
        function_words = get_language(self.lang).stop_words  # "The" of "The Post" names nobody
        return any(
            stem(w, self.lang) in phrase_stems
            for name in names for w in name.split() if w[:1].isupper() and w.lower() not in function_words
        )


class ClaimBuilder:
    def __init__(
        self, nlp: Language, name: str = "claim_builder", min_content: int = MIN_CONTENT,
        link_min: float = LINK_MIN, link_near_best: float = LINK_NEAR_BEST,
    ) -> None:
        self.name = name
        self.min_content, self.link_min, self.link_near_best = min_content, link_min, link_near_best

    def __call__(self, doc: Doc) -> Doc:
        index = entity_index(doc)
        quoted = quoted_tokens(doc)
        body = body_sentences(doc)
        weights = Weights([key_terms(s, index) for s in body])
        drafts: list[Draft] = []
        replies: list[Reply] = []
        for q in doc.spans.get("quotes", []):
            qid = q._.id
            sentence = self._sentence(doc, q.start, quoted)
            answers = q._.speaker is not None or asked_person(doc, sentence) is not None
            status = quote_status(q, sentence) if answers else None
            if status is not None:
                for by in quote_reactors(doc, q._.speaker, q._.speaker_mention, sentence):
                    replies.append(Reply(by, status[0], q, status[1], sentence, qid))
            elif sum(is_content(t) for t in q) >= self.min_content:
                drafts.append(self._draft(doc, qid, q, sentence, index))
        quote_spans = list(doc.spans.get("quotes", []))
        inside = {i for q in quote_spans for i in range(q.start, q.end)}
        cues = {r.cue.start for r in replies}
        mentions = mention_index(doc)  # the entities are final: one index for every sentence
        for sent in body:
            replies.extend(r for r in frame_replies(doc, sent, inside, mentions) if r.cue.start not in cues)
        lang = claim_rules(doc).LANG
        on_behalf = principals(doc)
        for reply in replies:
            reply.by = on_behalf.get(source_key(reply.by, lang), reply.by)
        replies = self._once(replies, index, weights)
        drafts = self._merge(drafts, weights)
        for reply in sorted(replies, key=lambda r: r.span.start):
            if not self._link(doc, reply, drafts, weights, index, quoted) and self._names_its_claim(reply):
                # a verb of denial names the claim it answers in its own content or object
                # ("bestritt, das Geld genommen zu haben", "streitet eine Verbindung ab"); a
                # confirmation needs an explicit "das";
                # a phrase alone ("sei falsch") must answer a claim the article reports
                drafts.append(Draft(
                    [(reply.quote_id, reply.span)], None, [], "rumour",
                    key_terms(reply.span, index, set(range(reply.cue.start, reply.cue.end))),
                    [(reply, True)], lang=lang,
                ))
            elif reply.quote_id is not None and not any(
                r is reply or qid == reply.quote_id for d in drafts for r, _ in d.replies for qid, _ in d.quotes
            ):
                drafts.append(self._draft(doc, reply.quote_id, reply.span, reply.sentence, index))
        drafts.sort(key=lambda d: d.start)
        self._mark_asserted(drafts, body, quote_spans, weights)
        claims = [self._claim(f"c{n}", d) for n, d in enumerate(drafts, start=1)]
        single = sum(not self._corroborated(d, drafts, weights) for d in drafts)
        doc._.claims = claims
        doc._.transparency = transparency(doc, single)
        return doc

    @staticmethod
    def _once(replies: list[Reply], index: dict[int, str], weights: Weights) -> list[Reply]:
        """One reply per speaker, status and content: a lead that sums up a denial ("X und Y
        bestreiten, davon gewusst zu haben") and the body that reports it again in detail are
        one reaction, kept where it is told first."""
        kept: list[tuple[Reply, frozenset[str]]] = []
        for reply in sorted(replies, key=lambda r: r.span.start):
            terms = key_terms(reply.span, index)
            if not any(
                source_key(k.by, claim_rules(reply.span).LANG) == source_key(reply.by, claim_rules(reply.span).LANG) and k.status == reply.status and k.span.start != reply.span.start
                and max(coverage(terms, t, weights), coverage(t, terms, weights)) >= REPEATED
                for k, t in kept
            ):
                kept.append((reply, terms))
        return [r for r, _ in kept]

    @staticmethod
    def _names_its_claim(reply: Reply) -> bool:
        """Whether an answer that links to no reported claim still says what it answers: a
        verb of denial, a verb of dispute with a statement as its object ("zweifelte die Angaben
        an", "bezweifelt, dass …"; not "stellte die Pläne in Frage"), a narrated answer ("Beide sagen Nein"), a statement opening
        with its verdict ("Absolut richtig – …"), or a confirmation pointing back ("Das
        bestätigt X"). An admission ("räumte ein, Fehler gemacht zu
        haben") is a reaction only when it answers a claim or a charge against its speaker
        the article reports."""
        if reply.narrated:
            return True
        cue = reaction_cue(reply.cue[0], reply.sentence) if len(reply.cue) else None
        if cue is None:
            # a statement that opens with its verdict ("Absolut richtig – …", "Das stimmt
            # nicht") answers what was said right before it
            first = next((t for t in reply.span if not t.is_punct and not t.is_space), None)
            return first is not None and len(reply.cue) > 0 and reply.cue.start <= first.i
        if cue[1] == "denied":
            return True
        if cue[1] == "disputed":  # what it questions must be a statement, not a plan ("stellte die Pläne in Frage")
            content_clause = claim_rules(reply.sentence).CONTENT_CLAUSE
            return anaphor(reply.sentence) is not None or any(t.lower_ in content_clause for t in reply.sentence)
        if cue[0] in confession(reply.sentence) and charged(reply.sentence.doc, reply):
            return True  # "gesteht, die Geschichte erfunden zu haben" after "die Vorwürfe gegen X"
        first = next((t for t in reply.sentence if not t.is_space and not t.is_punct), None)
        return first is not None and first.lower_ in claim_rules(reply.sentence).FRONTED

    @staticmethod
    def _sentence(doc: Doc, i: int, quoted: set[int]) -> Span:
        """The sentence of token i within its line (a quote's frame is in this sentence)."""
        for sent in sentences(line_span(doc, doc[i].idx), quoted):
            if sent.start <= i < sent.end:
                return sent
        return doc[i : i + 1]

    @staticmethod
    def _draft(doc: Doc, qid: str, q: Span, sentence: Span, index: dict[int, str]) -> Draft:
        speaker = q._.speaker
        if speaker is None:
            status = "rumour"
        elif q._.rule in HEDGING_RULES or hedge(sentence) is not None:
            status = "hedged"
        else:
            status = "attributed"
        frame = {i for part in (q._.cue, q._.speaker_mention, *q._.via) if part is not None for i in range(part.start, part.end)}
        modal = distancing_modal(sentence)
        rules = claim_rules(doc)
        lang = rules.LANG
        hearsay = modal is not None and rules.modal_reading(modal, sentence) == HEARSAY
        return Draft(
            [(qid, q)], speaker, via_names(doc, q), status, key_terms(q, index, frame), hearsay=hearsay, lang=lang
        )

    @staticmethod
    def _merge(drafts: list[Draft], weights: Weights) -> list[Draft]:
        """One claim for statements of one source that overlap or restate each other."""
        out: list[Draft] = []
        for d in drafts:
            same = next(
                (
                    o for o in out
                    if o.key == d.key and (
                        any(overlaps(a, b) for _, a in o.quotes for _, b in d.quotes)
                        or min(coverage(d.terms, o.terms, weights), coverage(o.terms, d.terms, weights)) >= SAME_CLAIM
                    )
                ),
                None,
            )
            if same is None:
                out.append(d)
            else:
                same.quotes.extend(d.quotes)
                same.terms |= d.terms
        return out

    def _link(
        self, doc: Doc, reply: Reply, drafts: list[Draft], weights: Weights, index: dict[int, str], quoted: set[int]
    ) -> bool:
        """Attach the reply to the claims it answers; False if it answers none."""
        others = [d for d in drafts if d.key is None or d.key != source_key(reply.by, claim_rules(doc).LANG) or d.hearsay]
        phrase = anaphor(reply.span)
        skip = set(range(reply.cue.start, reply.cue.end)) | (set(range(phrase.start, phrase.end)) if phrase else set())
        terms = key_terms(reply.span, index, skip)
        # a reply restates the claim, or names its key parts ("dementierte die Pläne zur Schließung")
        scored = [(max(coverage(terms, d.terms, weights), coverage(d.terms, terms, weights)), d) for d in others]
        best = max((s for s, _ in scored), default=0.0)
        if best >= self.link_min:
            for s, d in scored:
                if s >= max(self.link_min, self.link_near_best * best):
                    d.replies.append((reply, True))
            return True
        if phrase is None:
            return False
        targets = self._anaphoric(doc, reply, phrase, others, index, quoted)
        for d in targets:
            d.replies.append((reply, False))
        return bool(targets)

    def _anaphoric(
        self, doc: Doc, reply: Reply, phrase: Span, others: list[Draft], index: dict[int, str], quoted: set[int]
    ) -> list[Draft]:
        """The claims an anaphor points at: of the source it (or the sentence before, or in English
        its own sentence) names, else of the most salient source before the reply; one claim for
        a singular anaphor."""
        earlier = [d for d in others if d.start < reply.span.start]
        named: list[Draft] = []
        # English names the source beside its anaphor ("These claims are false, and The Times
        # should know better"), German inside it ("die Behauptungen der Zeitung")
        beside = reply.sentence if claim_rules(doc).SOURCE_BESIDE_ANAPHOR else None
        for p in (phrase, self._previous_anaphor(doc, reply.sentence, quoted), beside):
            if p is not None and not named:
                stems = {stem(t.text, claim_rules(doc).LANG) for t in p}
                ids = {index[t.i] for t in p if t.i in index}
                named = [d for d in earlier if d.told_by(stems, ids)]
        if not named:
            counts = Counter(d.key for d in earlier if d.key is not None)
            if not counts:
                return earlier[-1:]
            top = max(counts.values())
            salient = next(d.key for d in reversed(earlier) if counts.get(d.key) == top)
            named = [d for d in earlier if d.key == salient]
        return named if is_plural(phrase) else named[-1:]

    @staticmethod
    def _previous_anaphor(doc: Doc, sentence: Span, quoted: set[int]) -> Span | None:
        """An anaphor in the sentence before, in the same paragraph ("nach Bekanntwerden von
        Xs Behauptungen … Dementi. Die Angaben stimmten nicht, sagte Y.")."""
        before = [s for s in sentences(line_span(doc, sentence.start_char), quoted) if s.end <= sentence.start]
        return anaphor(before[-1]) if before else None

    @staticmethod
    def _mark_asserted(
        drafts: list[Draft], body: list[Span], quotes: list[Span], weights: Weights
    ) -> None:
        """A claim the outlet also states itself, unattributed and unhedged, is asserted.

        `weights` are those of the body's sentences (their key terms are its units): a claim is
        compared only with the sentences whose share of its terms, summed off the index, comes
        near the threshold, and only those alike enough are read for a hedge."""
        own = [not any(overlaps(q, s) for q in quotes) for s in body]
        hedged: dict[int, bool] = {}

        def unhedged(n: int) -> bool:
            if n not in hedged:
                hedged[n] = hedge(body[n], konjunktiv=True) is not None
            return not hedged[n]

        for d in drafts:
            total = weights.total(d.terms)
            if d.status == "rumour" or not total:
                continue
            # the sentences alike enough, within rounding: `coverage` decides
            candidates = sorted(n for n, w in weights.shared(d.terms).items() if own[n] and w >= ASSERTED * total - 1e-9)
            if any(coverage(d.terms, weights.units[n], weights) >= ASSERTED and unhedged(n) for n in candidates):
                d.status = "asserted"

    @staticmethod
    def _corroborated(d: Draft, drafts: list[Draft], weights: Weights) -> bool:
        """Confirmed by another source, or claimed by another source too."""
        if any(r.status == "confirmed" for r, _ in d.replies):
            return True
        return any(
            o is not d and o.key != d.key and coverage(d.terms, o.terms, weights) >= SAME_CLAIM for o in drafts
        )

    @staticmethod
    def _claim(cid: str, d: Draft) -> Claim:
        key_span = d.quotes[0][1]
        specific_by = {source_key(r.by, d.lang) for r, linked in d.replies if linked}
        reactions: list[Reaction] = []
        for r, linked in d.replies:
            if not linked and source_key(r.by, d.lang) in specific_by:
                continue  # the speaker answered this claim specifically
            reaction = Reaction(
                by=r.by, status=r.status, text=r.span.text, start=r.span.start_char, end=r.span.end_char,
                cue=text_span(r.cue), quote_id=r.quote_id,
            )
            if reaction not in reactions:
                reactions.append(reaction)
        return Claim(
            id=cid, text=key_span.text, start=key_span.start_char, end=key_span.end_char, source=d.source,
            via=d.via, status=d.status, quote_ids=[qid for qid, _ in sorted(d.quotes, key=lambda x: x[1].start) if qid is not None],
            reactions=reactions,
        )


@Language.factory(
    "claim_builder",
    requires=[*LINGUISTIC, "doc._.lines", "doc._.entities", "doc.spans", "span._.speaker"],
    assigns=["doc._.claims", "doc._.transparency"],
    default_config={"min_content": MIN_CONTENT, "link_min": LINK_MIN, "link_near_best": LINK_NEAR_BEST},
)
def make_claim_builder(nlp: Language, name: str, min_content: int, link_min: float, link_near_best: float) -> ClaimBuilder:
    return ClaimBuilder(nlp, name, min_content, link_min, link_near_best)
