"""`en_quote_finder`: direct and reported speech in English text, from quotation marks and the
dependency parse.

Direct quotes: the words between quotation marks (“…”, "…", «…», and top-level ‘…’/'…'), one span per
pair of marks (a quote interrupted by its frame gives two), an unclosed quote running to the end of
its paragraph (the next paragraph of a multi-paragraph quote opens with a mark again). The frame is
the nearest speech verb in the quote's sentence outside the marks ("“…,” Smith said", "Smith said:
“…”"); its subject is the speaker mention. Titles ("on “Saturday Night Live”") are no quotes.

Reported speech (rules, `span._.rule`):
* `en_verb`: a speech verb (lexicons/speech_verbs.tsv) with a clausal complement (ccomp: "X said
  (that) …", content before the frame "The plan will fail, X said").
* `en_belief`: the same with a cognition verb ("X believes/thinks/fears that …"): ANNOTATION counts
  cognition verbs; the separate name lets them be filtered.
* `en_infinitive`: a promise/plan verb with a to-infinitive ("X promised to …", "X wants to …").
* `en_according`: "according to X", the content the rest of its clause.
* `en_noun`: a speech noun with a that-clause ("X's claim that …").
* `en_passive`: "it was reported that …" (no agent: speaker unknown); with "by X" X speaks.
A reported clause that is itself a report ("The Post reported that officials said …") gives the
inner quote, with the outer source as its `via`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.extensions import LINGUISTIC, QUOTE_FINDINGS
from quellenlage.lexicons import rows, words

OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
QUOTE_CHARS = set("\"“”«»„‘’'")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NP_LEFT = ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "advmod", "predet", "npadvmod")
NP_RIGHT_DESCRIPTION = ("prep", "amod", "acl", "compound", "nummod")
KEEP_UNATTRIBUTED_WORDS = 1  # quoted words with neither cue nor speaker: more than this many are a quote
CALL_FOR = frozenset("call push press argue plead appeal lobby campaign".split())
TITLE_WORDS = frozenset(
    "on in titled called dubbed named entitled book film movie show song album series program programme column".split()
)


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("en", "speech_verbs.tsv")}


@lru_cache(maxsize=1)
def intention_verbs() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("en", "intention_verbs.tsv")}


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    return words("en", "speech_nouns.tsv")


# --------------------------------------------------------------------------- quotation marks


def _is_open_straight(text: str, k: int) -> bool:
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


def pair_quotes(text: str) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of the content of each quotation in one paragraph, and whether the paragraph
    ends inside an open quotation (which then runs to its end)."""
    out: list[tuple[int, int]] = []
    start = -1
    closer = ""
    for k, c in enumerate(text):
        if c not in '"“”«»„':
            continue
        if start < 0:
            if c in OPENERS or (c == '"' and _is_open_straight(text, k)) or (c == "”" and _is_open_straight(text, k)):
                start, closer = k + 1, OPENERS.get(c, '"' if c == '"' else "”")
        elif c == closer or c in CLOSERS or c == '"' or (c == "“" and closer == "“"):
            out.append((start, k))
            start = -1
        elif c in OPENERS and not text[start:k].strip():
            start = k + 1  # "““" typo
    unclosed = start >= 0
    if unclosed:
        out.append((start, len(text)))
    if not out:
        out.extend(_single_quotes(text))
    return out, unclosed


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """Top-level single quotation marks ('…', ‘…’), for headlines and British style: an opening
    mark after a space, a closing one before a space or punctuation, at least two words between."""
    out = []
    start = -1
    for k, c in enumerate(text):
        if c not in "'‘’":
            continue
        before = text[k - 1] if k > 0 else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if start < 0 and c in "'‘" and (before.isspace() or before in "(:—–") and after.isalpha():
            start = k + 1
        elif start >= 0 and c in "'’" and not after.isalnum() and before not in " s" and " " in text[start:k]:
            out.append((start, k))
            start = -1
    return out


# --------------------------------------------------------------------------- grammar helpers


def noun_phrase(head: Token) -> Span:
    """The mention of a noun head: its determiners, compounds and modifiers to the left; for a
    common noun also its prepositional and adjectival modifiers to the right ("people familiar
    with the matter", "a spokeswoman for the ministry"); never a relative clause or apposition."""
    doc = head.doc
    if head.lower_ in PRONOUNS or head.tag_ in ("PRP", "WP"):
        return doc[head.i : head.i + 1]
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_LEFT:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    common = head.pos_ != "PROPN"
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "case") or (common and child.dep_ in NP_RIGHT_DESCRIPTION and child.i == end):
            end = max(end, _edge_before_clause(child))
        else:
            break
    for k in range(head.i - 1, start - 1, -1):  # never across a line break
        if "\n" in doc[k].text:
            start = k + 1
            break
    for k in range(head.i + 1, end):
        if "\n" in doc[k].text:
            end = k
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _edge_before_clause(modifier: Token) -> int:
    """The end of a modifier's words up to a relative clause inside it ("an official at the
    authority | who spoke on condition of anonymity"): the clause describes, it does not name."""
    clauses = [t.left_edge.i for t in modifier.subtree if t.dep_ == "relcl" and t.i != modifier.i]
    return min([modifier.right_edge.i + 1, *clauses])


def speaker_head(head: Token) -> Token:
    """The named one of an apposition: "the ministry's spokeswoman, Jane Doe" -> Doe."""
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return head


def subject_of(verb: Token) -> Token | None:
    """Who does the verb: its subject, the 'by' agent of a passive, the subject of the verb it is
    coordinated with or subordinated to ("X declined to comment but added …"), the antecedent of
    a relative pronoun ("Smith, who said …")."""
    seen = 0
    t = verb
    while seen < 4:
        seen += 1
        for child in t.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in t.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.tag_ in ("WP", "WDT") and t.dep_ == "relcl":
                    return t.head
                return child
            if child.dep_ == "nsubjpass":
                return None if child.lower_ == "it" else child
            if child.dep_ == "expl":
                return None
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            continue
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "pobj"):  # "X issued a statement saying …"
            verb_above = t.head.head if t.head.dep_ == "dobj" else t.head.head.head
            if verb_above.pos_ in ("VERB", "AUX"):
                t = verb_above
                continue
        return None
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without punctuation, spaces and conjunctions at the edges (quotation marks inside stay)."""
    while start < end and (
        doc[start].is_punct and doc[start].text not in QUOTE_CHARS or doc[start].is_space or doc[start].dep_ == "cc"
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CHARS or doc[end - 1].is_space):
        end -= 1
    # a closing mark left alone at the end after trimming: keep it only if its opener is inside
    if end > start and doc[end - 1].text in QUOTE_CHARS and not any(t.text in QUOTE_CHARS for t in doc[start : end - 1]):
        end -= 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
    if end > start and doc[start].text in QUOTE_CHARS and not any(t.text in QUOTE_CHARS for t in doc[start + 1 : end]):
        start += 1
    return start, end


def _line_bounds(doc: Doc) -> list[tuple[int, int]]:
    """For each token, the token bounds of its line (a token holding a line break ends one)."""
    out: list[tuple[int, int]] = []
    start = 0
    for t in doc:
        if "\n" in t.text:
            out.extend([(start, t.i)] * (t.i - start + 1))
            start = t.i + 1
    out.extend([(start, len(doc))] * (len(doc) - start))
    return out


# --------------------------------------------------------------------------- frames


@dataclass
class Frame:
    cue: Token
    rule: str
    content: tuple[int, int]
    speaker: Token | None
    via: list[Token] = field(default_factory=list)
    head: Token | None = None  # the head of the content


class EnglishQuoteFinder:
    def __init__(self, nlp: Language, name: str = "en_quote_finder") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        direct = self._direct(doc)
        in_quote: set[int] = set()
        for q in direct:
            in_quote.update(range(q.start, q.end))
        line_bounds = _line_bounds(doc)
        frames = self._frames(doc, in_quote) + self._headline_frames(doc, in_quote)
        reported = self._reported(doc, frames, direct, in_quote, line_bounds)
        self._attribute_direct(doc, direct, frames, in_quote, line_bounds)
        direct = [q for q in direct if self._keep(doc, q)]
        doc.spans["quotes"] = sorted(direct + reported, key=lambda s: (s.start, s.end))
        return doc

    # ----------------------------------------------------------------- direct quotes

    @staticmethod
    def _lines(doc: Doc) -> list[tuple[int, str]]:
        lines = doc._.lines
        if lines:
            return [(line.start, line.text) for line in lines if line.role != "boilerplate" and line.role != "byline"]
        out, pos = [], 0
        for text in doc.text.split("\n"):
            out.append((pos, text))
            pos += len(text) + 1
        return out

    def _direct(self, doc: Doc) -> list[Span]:
        quotes, text = [], doc.text
        for a, b in self._quote_chars(doc):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip().rstrip(",")
            if not any(c.isalnum() for c in body):
                continue
            span = doc.char_span(a + lead, a + lead + len(body), alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            s, e = span.start, span.end
            while e > s and doc[e - 1].text in QUOTE_CHARS:
                e -= 1
            while s < e and doc[s].text in QUOTE_CHARS:
                s += 1
            if e <= s:
                continue
            q = doc[s:e]
            if self._is_title(doc, q):
                continue
            q._.kind = "direct"
            q._.rule = "en_direct"
            quotes.append(q)
        return quotes

    def _quote_chars(self, doc: Doc) -> list[tuple[int, int]]:
        """Character bounds of the quotations, a multi-paragraph one (each paragraph opening with a
        mark again, only the last one closing it) as one."""
        out: list[tuple[int, int]] = []
        pending: int | None = None  # start of a quotation still open at the end of the paragraph before
        pending_end = 0
        for start, text in self._lines(doc):
            if not text.strip():
                continue
            pairs, unclosed = pair_quotes(text)
            opens = text.lstrip()[:1] in ("“", '"', "«")
            if pending is not None and not (opens and pairs and pairs[0][0] == len(text) - len(text.lstrip()) + 1):
                out.append((pending, pending_end))
                pending = None
            for k, (a, b) in enumerate(pairs):
                last = k == len(pairs) - 1
                if k == 0 and pending is not None:
                    if last and unclosed:
                        pending_end = start + b
                        continue
                    out.append((pending, start + b))
                    pending = None
                    continue
                if last and unclosed:
                    pending, pending_end = start + a, start + b
                else:
                    out.append((start + a, start + b))
        if pending is not None:
            out.append((pending, pending_end))
        return out

    @staticmethod
    def _is_title(doc: Doc, q: Span) -> bool:
        """A name in quotation marks: a few capitalised words after "on", "titled", "the book" …"""
        alpha = [t for t in q if t.is_alpha]
        if not alpha or len(alpha) > 6:
            return False
        capitalised = all(t.text[:1].isupper() or t.lower_ in ("of", "the", "a", "and", "in", "on", "for", "to") for t in alpha)
        before = doc[q.start - 2] if q.start >= 2 else None
        return (
            capitalised
            and (len(alpha) > 1 or before is not None and before.lower_ in TITLE_WORDS)
            and not (q.end < len(doc) and doc[q.end].text in (",", ".") and q.text.endswith(("!", "?")))
            and before is not None
            and (before.lower_ in TITLE_WORDS or before.pos_ in ("ADP", "DET", "NOUN", "PROPN"))
        )

    @staticmethod
    def _keep(doc: Doc, q: Span) -> bool:
        """Scare quotes (one or two words with nobody to say them) are no quotes."""
        if q._.speaker_mention is not None or q._.cue is not None:
            return True
        return sum(1 for t in q if t.is_alpha) > KEEP_UNATTRIBUTED_WORDS

    def _attribute_direct(
        self, doc: Doc, quotes: list[Span], frames: list[Frame], in_quote: set[int], line_bounds: list[tuple[int, int]]
    ) -> None:
        for q in quotes:
            region_start = doc[q.start].sent.start
            region_end = doc[q.end - 1].sent.end
            # "… ,” she said." split off as a sentence of its own, or "Smith said:" ending the sentence before
            if region_end < len(doc) and doc[region_end].is_lower and doc[region_end].sent.end - region_end < 12:
                region_end = doc[region_end].sent.end
            region_start = max(region_start, line_bounds[q.start][0])
            region_end = min(region_end, line_bounds[q.end - 1][1])
            best: tuple[int, Token] | None = None
            for t in doc[region_start:region_end]:
                if t.i in in_quote or t.pos_ not in ("VERB", "AUX"):
                    continue
                cls = verb_classes().get(t.lemma_)
                if cls != "speech" and t.lemma_ not in ("call", "describe", "put", "write", "tweet"):
                    continue
                distance = q.start - t.i if t.i < q.start else t.i - q.end
                if best is None or distance < best[0]:
                    best = (distance, t)
            if best is not None:
                cue = best[1]
                q._.cue = doc[cue.i : cue.i + 1]
                subject = subject_of(cue)
                if subject is not None and subject.i not in in_quote and line_bounds[subject.i] == line_bounds[cue.i]:
                    q._.speaker_mention = noun_phrase(speaker_head(subject))
                    q._.rule = "en_direct"
                continue
            according = next((f for f in frames if f.rule == "en_according" and region_start <= f.cue.i < region_end), None)
            if according is not None and according.speaker is not None:
                q._.cue = doc[according.cue.i : according.cue.i + 2]
                q._.speaker_mention = noun_phrase(according.speaker)
                continue
            colon = self._colon_speaker(doc, q, region_start)
            if colon is not None:
                q._.speaker_mention = colon
                q._.rule = "en_colon"
                continue
            # a partial quote without a speech verb: the words of the clause's subject
            # ("Cruz mocked Trump's “New York values.”")
            root = doc[q.start].sent.root
            subject = subject_of(root) if root.i not in in_quote and root.pos_ in ("VERB", "AUX") else None
            if (
                subject is not None
                and subject.i not in in_quote
                and line_bounds[subject.i] == line_bounds[q.start]
                and (subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lower_ in ("he", "she", "they"))
            ):
                q._.speaker_mention = noun_phrase(speaker_head(subject))
                q._.rule = "en_partial"

    @staticmethod
    def _colon_speaker(doc: Doc, q: Span, region_start: int) -> Span | None:
        """ "Smith: “We will win.”" (headlines, captions): a name right before a colon before the quote."""
        k = q.start - 1
        while k >= 0 and doc[k].text in QUOTE_CHARS:
            k -= 1
        if k < 1 or doc[k].text != ":":
            return None
        name = doc[k - 1]
        if name.pos_ != "PROPN" and name.ent_type_ not in ("PERSON", "ORG"):
            return None
        start = k - 1
        while start > region_start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return doc[start:k]

    # ----------------------------------------------------------------- reported speech

    def _frames(self, doc: Doc, in_quote: set[int]) -> list[Frame]:
        frames: list[Frame] = []
        for t in doc:
            if t.i in in_quote:
                continue
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                frame = self._according(doc, t)
                if frame is not None:
                    frames.append(frame)
                continue
            if (
                t.pos_ in ("VERB", "AUX")
                or t.lower_ in ("says", "warns", "claims", "insists", "admits")
                and any(c.dep_ == "ccomp" for c in t.children)
            ):
                frame = self._verb_frame(doc, t)
                if frame is not None:
                    frames.append(frame)
            elif t.pos_ == "NOUN" and t.lemma_ in speech_nouns():
                frame = self._noun_frame(doc, t)
                if frame is not None:
                    frames.append(frame)
        return frames

    def _headline_frames(self, doc: Doc, in_quote: set[int]) -> list[Frame]:
        """A headline of the form "Source: claim" ("Poll: Trump Ties Clinton", "Wash Post Fact-Check: …"):
        the claim is an indirect quote of the source (ANNOTATION, headlines)."""
        out: list[Frame] = []
        lines = [(line.start, line.text) for line in doc._.lines if line.role in ("headline", "subheading")]
        if not lines:
            first = next(((start, text) for start, text in self._lines(doc) if text.strip()), None)
            lines = [first] if first is not None else []
        for start, text in lines:
            colon = text.find(":")
            if colon < 2 or colon > 60 or text.rstrip().endswith(".") and len(text) > 200:
                continue
            source = doc.char_span(start, start + colon, alignment_mode="contract")
            content = doc.char_span(start + colon + 1, start + len(text), alignment_mode="contract")
            if source is None or content is None or len(source) > 6 or len(content) < 2:
                continue
            if not any(t.pos_ in ("PROPN", "NOUN") for t in source) or any(t.i in in_quote for t in source):
                continue
            if any(t.pos_ == "VERB" and t.dep_ == "ROOT" for t in source):
                continue
            a, b = trim(doc, content.start, content.end)
            if b - a < 2:
                continue
            colon_token = doc[source.end] if source.end < len(doc) else source[-1]
            out.append(Frame(cue=colon_token, rule="en_headline", content=(a, b), speaker=source.root, head=None))
        return out

    @staticmethod
    def _verb_frame(doc: Doc, t: Token) -> Frame | None:
        lemma = t.lemma_ if t.pos_ in ("VERB", "AUX") else t.lower_[:-1]
        cls = verb_classes().get(lemma)
        intention = intention_verbs().get(lemma)
        if cls is None and intention is None:
            return None
        comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
        if comp is None and lemma in CALL_FOR:  # "X called for an investigation", "X urged Congress to act"
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None:
                start, end = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                if end - start >= 2:
                    return Frame(cue=t, rule="en_call_for", content=(start, end), speaker=subject_of(t), head=pobj)
        rule = "en_belief" if cls == "cognition" else "en_verb"
        if comp is None and intention is not None:
            comp = next((c for c in t.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)), None)
            rule = "en_infinitive"
        if comp is None and cls == "speech":
            # "The plan will fail, Smith said": the frame hangs off the content as parataxis
            if t.dep_ in ("parataxis",) and t.head.i < t.i and t.head.pos_ in ("VERB", "AUX"):
                head = t.head
                start = head.left_edge.i
                end = t.left_edge.i
                start, end = trim(doc, start, end)
                if end - start >= 2:
                    return Frame(cue=t, rule="en_verb", content=(start, end), speaker=subject_of(t), head=head)
            return None
        if comp is None or cls is None and rule != "en_infinitive":
            return None
        if comp.i < t.i and any(c.dep_ == "mark" for c in comp.children) and comp.dep_ != "ccomp":
            return None
        start, end = comp.left_edge.i, comp.right_edge.i + 1
        if comp.i < t.i:  # content before the frame: up to the frame's own words
            end = min([end, t.i] + [c.left_edge.i for c in t.lefts if c.i > comp.right_edge.i])
        start, end = trim(doc, start, end)
        if end - start < 2 and not (end - start == 1 and doc[start].pos_ in ("VERB", "AUX")):
            return None
        if rule == "en_infinitive" and end - start < 2:
            return None
        speaker = subject_of(t)
        if is_passive(t) and speaker is None:
            rule = "en_passive"
        return Frame(cue=t, rule=rule, content=(start, end), speaker=speaker, head=comp)

    @staticmethod
    def _according(doc: Doc, t: Token) -> Frame | None:
        to = doc[t.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = t.head if t.dep_ != "ROOT" else t
        if head.i == t.i or head.i == to.i:
            return None
        sent = t.sent
        clause_start = head.left_edge.i if head.dep_ != "ROOT" else sent.start
        clause_end = head.right_edge.i + 1 if head.dep_ != "ROOT" else sent.end
        frame_start, frame_end = t.i, max(x.i for x in t.subtree) + 1
        frame_end = max(frame_end, pobj.right_edge.i + 1)
        if frame_start <= clause_start + 1:
            start, end = frame_end, clause_end
        elif frame_end >= clause_end - 2:
            start, end = clause_start, frame_start
        else:
            start, end = clause_start, clause_end
        start, end = trim(doc, start, end)
        if end - start < 2:
            return None
        return Frame(cue=t, rule="en_according", content=(start, end), speaker=speaker_head(pobj), head=head)

    @staticmethod
    def _noun_frame(doc: Doc, t: Token) -> Frame | None:
        comp = next(
            (
                c
                for c in t.children
                if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if comp is None:
            return None
        start, end = trim(doc, comp.left_edge.i, comp.right_edge.i + 1)
        if end - start < 3:
            return None
        speaker = next((c for c in t.children if c.dep_ == "poss"), None)
        if speaker is None:
            by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if speaker is None and t.dep_ in ("dobj",):
            speaker = subject_of(t.head)
        return Frame(cue=t, rule="en_noun", content=(start, end), speaker=speaker, head=comp)

    def _reported(
        self, doc: Doc, frames: list[Frame], direct: list[Span], in_quote: set[int], line_bounds: list[tuple[int, int]]
    ) -> list[Span]:
        by_cue = {f.cue.i: f for f in frames}
        dropped: set[int] = set()
        for f in frames:  # "The Post reported that officials said …": the inner report, via The Post
            inner = by_cue.get(f.head.i) if f.head is not None else None
            if (
                inner is not None
                and inner is not f
                and verb_classes().get(inner.cue.lemma_) == "speech"
                and f.rule != "en_belief"
            ):
                if inner.speaker is not None or f.speaker is None:
                    if f.speaker is not None:
                        inner.via.append(f.speaker)
                    inner.via.extend(f.via)
                    dropped.add(f.cue.i)
            elif f.rule == "en_according" and f.head is not None and f.head.i in by_cue:
                inner = by_cue[f.head.i]
                if f.speaker is not None:
                    inner.via.append(f.speaker)
                dropped.add(f.cue.i)
        out: list[Span] = []
        taken: list[tuple[int, int]] = []
        for f in sorted(frames, key=lambda f: f.content[0]):
            if f.cue.i in dropped:
                continue
            start, end = f.content
            lo, hi = line_bounds[f.cue.i]
            if f.speaker is not None and not lo <= f.speaker.i < hi:
                f.speaker = None
            start, end = trim(doc, max(start, lo), min(end, hi))
            if end - start < 1:
                continue
            words = [i for i in range(start, end) if doc[i].is_alpha]
            if not words or all(i in in_quote for i in words):
                continue  # the content is a direct quote
            # a content inside another report's content: beliefs give way to speech
            container = next((k for k, (a, b) in enumerate(taken) if a <= start and end <= b), None)
            if container is not None:
                continue
            span = doc[start:end]
            span._.kind = "indirect"
            span._.rule = f.rule
            span._.cue = doc[f.cue.i : f.cue.i + (2 if f.rule == "en_according" else 1)]
            span._.speaker_mention = noun_phrase(speaker_head(f.speaker)) if f.speaker is not None else None
            span._.via = [noun_phrase(v) for v in f.via]
            out.append(span)
            taken.append((start, end))
        return out


@Language.factory("en_quote_finder", requires=[*LINGUISTIC, "token.dep", "doc._.lines"], assigns=["doc.spans", *QUOTE_FINDINGS])
def make_en_quote_finder(nlp: Language, name: str) -> EnglishQuoteFinder:
    return EnglishQuoteFinder(nlp, name)
