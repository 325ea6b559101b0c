"""`en_quote_finder`: direct and reported speech in English text, from quotation marks and the
dependency parse.

Direct quotes: the words between quotation marks (“…”, "…", ''…'', «…», and top-level ‘…’/'…'), one span per
pair of marks (a quote interrupted by its frame gives two), an unclosed quote running to the end of
its paragraph (the next paragraph of a multi-paragraph quote opens with a mark again). The frame is
the nearest speech verb in the quote's sentence outside the marks ("“…,” Smith said", "Smith said:
“…”"); its subject is the speaker mention. Titles ("on “Saturday Night Live”", "CNN's “State of the
Union”") are no quotes. `en_transcript`: in a transcript ("TAPPER: …", "FALLIN: …") each turn that is
no question is a direct quote of its label.

Reported speech (rules, `span._.rule`):
* `en_verb`: a speech verb (lexicons/speech_verbs.tsv) with a clausal complement (ccomp: "X said
  (that) …", also where the parser hung the rest of the clause on the verb); a frame set into the
  clause it reports ("The plan will fail, X said", "The plan, X said, will fail", "as X noted, …"),
  and a sentence closing in ", X said." whatever the parse; a non-finite clause after the object
  ("urged voters | to …", "accused him | of hiding …", lexicons/object_verbs.tsv; "denied | having
  …"); a question ("asked | whether/if …", lexicons/question_verbs.tsv).
* `en_belief`: the same with a cognition verb ("X believes/thinks/fears that …"): ANNOTATION counts
  cognition verbs; the separate name lets them be filtered. A belief needs a thinker ("it is hard
  to see how …" is none).
* `en_infinitive`: a promise/plan verb with a to-infinitive ("X promised to …", "X wants to …").
* `en_according`: "according to X", the content the rest of its clause.
* `en_noun`: a speech noun with a that-clause ("X's claim that …").
* `en_passive`: "it was reported that …" (no agent: speaker unknown); with "by X" X speaks.
A reported clause that is itself a report ("The Post reported that officials said …") gives the
inner quote, with the outer source as its `via`; a report made inside another's content ("X says
A, conceding that B") is a quote of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.extensions import LINGUISTIC, QUOTE_FINDINGS
from quellenlage.lexicons import rows, words

OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
QUOTE_CHARS = {*"\"“”«»„‘’'", "''", "``"}  # tokens: '' is one token
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NP_LEFT = ("det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "advmod", "predet", "npadvmod")
NP_RIGHT_DESCRIPTION = ("prep", "amod", "acl", "compound", "nummod")
KEEP_UNATTRIBUTED_WORDS = 1  # quoted words with neither cue nor speaker: more than this many are a quote
TRANSCRIPT_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): +(?=\S)")
TRANSCRIPT_TURNS = 3  # labelled paragraphs that make a transcript (or fewer with a label repeated)
CLOSING_TAIL = 4  # ", Smith said | in a statement on Monday."
CLOSING_SUBJECT = 8  # ", | a spokesman for the company | said."
SUBJECT_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "ADP")
AS_FRAME_PREPOSITIONS = frozenset("in on at during".split())  # "as Smith said on Monday / in an interview"
CALL_FOR = frozenset("call push press argue plead appeal lobby campaign".split())
TITLE_SMALL_WORDS = frozenset("of the a an and in on for to with at from by".split())
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
def object_verbs() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("en", "object_verbs.tsv")}


@lru_cache(maxsize=1)
def question_verbs() -> frozenset[str]:
    return words("en", "question_verbs.tsv")


@lru_cache(maxsize=1)
def transcript_non_labels() -> frozenset[str]:
    return words("en", "transcript_non_labels.tsv")


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    return words("en", "speech_nouns.tsv")


# --------------------------------------------------------------------------- quotation marks


def _is_open_straight(text: str, k: int, width: int = 1) -> bool:
    before = text[k - 1] if k > 0 else " "
    after = text[k + width] if k + width < len(text) else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


def _double_marks(text: str) -> list[tuple[int, str, int]]:
    """(position, mark, width) of the double quotation marks; two apostrophes ('') are one
    straight mark, as in the typewriter style of some wire and newspaper archives."""
    out = []
    k = 0
    while k < len(text):
        if text.startswith("''", k):
            out.append((k, '"', 2))
            k += 2
            continue
        if text[k] in '"“”«»„':
            out.append((k, text[k], 1))
        k += 1
    return out


def pair_quotes(text: str) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of the content of each quotation in one paragraph, and whether the paragraph
    ends inside an open quotation (which then runs to its end)."""
    out: list[tuple[int, int]] = []
    start = -1
    closer = ""
    for k, c, width in _double_marks(text):
        if start < 0:
            if c in OPENERS or c in '"”' and _is_open_straight(text, k, width):
                start, closer = k + width, OPENERS.get(c, '"' if c == '"' else "”")
        elif c == closer or c in CLOSERS or c == '"' or (c == "“" and closer == "“"):
            out.append((start, k))
            start = -1
        elif c in OPENERS and not text[start:k].strip():
            start = k + width  # "““" typo
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
    for k in range(head.i - 1, start - 1, -1):  # never across a line break or a dateline's dash
        if "\n" in doc[k].text or _is_spaced_dash(doc[k]):
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


def _is_spaced_dash(t: Token) -> bool:
    """A dash standing between words ("CLEVELAND — Former Attorney General …"), not a hyphen."""
    return t.text in ("—", "–", "-", "--") and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def _edge_before_clause(modifier: Token) -> int:
    """The end of a modifier's words up to a relative clause inside it ("an official at the
    authority | who spoke on condition of anonymity"): the clause describes, it does not name."""
    clauses = [t.left_edge.i for t in modifier.subtree if t.dep_ == "relcl" and t.i != modifier.i]
    return min([modifier.right_edge.i + 1, *clauses])


def _answers_its_object(verb: Token) -> bool:
    """A verb of answering (lexicons/reaction_cues.tsv) with its own object: "the office denies
    any wrongdoing" answers that object, not a clause beside it ("…, X told reporters" frames)."""
    return verb.lemma_ in reply_verbs() and any(c.dep_ == "dobj" for c in verb.children)


@lru_cache(maxsize=1)
def reply_verbs() -> frozenset[str]:
    return frozenset(r[0] for r in rows("en", "reaction_cues.tsv"))


def _closes_itself(doc: Doc, verb: Token, before: Token) -> bool:
    """A verb after a clause that is no frame of it: a verb of answering with its own object,
    or a semicolon or colon stands between them."""
    if _answers_its_object(verb):
        return True
    return any(doc[i].text in (";", ":") for i in range(before.right_edge.i, verb.i))


#: Verbs of answering that, bare after "declined to" / "refused to", report that nothing was said.
NOTHING_SAID = frozenset({"comment", "say", "elaborate", "respond", "answer", "speculate", "discuss", "specify"})


def _says_nothing(verb: Token) -> bool:
    """"(declined) to comment", "(refused) to say more": a refusal to speak with nothing said
    (no clause or object of what was said) is no statement."""
    said = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lower_ not in ("more", "much", "anything")]
    return verb.lemma_.lower() in NOTHING_SAID and not said


def _mention_before(mention: Span, cue: Token) -> Span:
    """The speaker's words without the frame they contain ("conspiracy theories | suggesting he
    was murdered": the cue is a participle modifying the speaker)."""
    if mention.start < cue.i < mention.end:
        return mention.doc[mention.start : cue.i]
    return mention


def speaker_head(head: Token) -> Token:
    """The named one of an apposition: "the ministry's spokeswoman, Jane Doe" -> Doe; the one after
    a dateline's dash, which the parser may take for an apposition: "CLEVELAND — John Doe said"."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        if head.pos_ != "PROPN" or any(_is_spaced_dash(t) for t in doc[head.i + 1 : child.left_edge.i]):
            return child
    return head


#: Verbs whose subject does not author the statement their object is ("the death fuelled
#: theories suggesting …"; but "X issued a statement saying …": X speaks).
SPREADING = frozenset({"fuel", "spark", "prompt", "trigger", "feed", "cause", "deny", "dismiss", "reject", "refute", "debunk"})


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
        if t.dep_ == "pcomp":  # "before insisting …", "in addition to stating …": the main clause's doer
            up = t.head
            while up.pos_ not in ("VERB", "AUX") and up.dep_ in ("prep", "pobj", "pcomp") and up.head is not up:
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                t = up
                continue
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "pobj"):  # "X issued a statement saying …"
            verb_above = t.head.head if t.head.dep_ == "dobj" else t.head.head.head
            if verb_above.pos_ in ("VERB", "AUX") and verb_above.lemma_ not in SPREADING:
                t = verb_above
                continue
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN"):
            return t.head  # "theories suggesting …", "a memo saying …": what the participle describes
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


def continued_content_end(verb: Token, comp: Token, end: int) -> int:
    """The end of a reported clause that goes on in words the parser hung on the speech verb: "said
    the inquiry had stalled, had started late and …" (a second ccomp), "… because …" (advcl),
    "…; helped …" (conj). It stops at another report ("…, adding that …") and at a clause with a
    subject of its own that is coordinated with the frame ("…, and he left")."""
    for child in verb.rights:
        if child.i <= comp.right_edge.i:
            continue
        if child.dep_ in ("punct", "cc"):
            continue
        if child.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
            break
        if verb_classes().get(child.lemma_) is not None or intention_verbs().get(child.lemma_) is not None:
            break
        if child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            break
        end = max(end, child.right_edge.i + 1)
    return end


def stray_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung below the speech verb's other words when something in between
    misled it ("said on NBC's ''Meet the Press'' on Sunday that …", with the title taken for a verb):
    the first that-clause to its right in its subtree, with no other verb of report in between."""
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.lefts):
            continue
        up = t.head
        while up.i != verb.i:
            if up.lemma_ in verb_classes() or up.lemma_ in intention_verbs() or up.head is up:
                return None
            up = up.head
        return t
    return None


def nonfinite_content(verb: Token) -> tuple[int, int] | None:
    """The non-finite clause a speech verb reports after the object it is said to or of, from its
    "to" or preposition on (as "that" heads a that-clause): "urged voters | to reject the plan",
    "called on Congress | to act", "accused the agency | of hiding files" (lexicons/object_verbs.tsv);
    a gerund: "denied | having met him", "reported | spending $6 million". A noun phrase alone
    ("accused him of fraud") is no clause."""
    joiner = object_verbs().get(verb.lemma_)
    for x in verb.rights:
        if x.dep_ != "xcomp":
            continue
        if any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children):
            if joiner != "to":
                return None
            obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < x.i), None)
            if obj is None:
                prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i < x.i), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            return (x.left_edge.i, own_right_edge(x)) if obj is not None else None
        if x.tag_ == "VBG" or any(a.lower_ == "having" for a in x.children):
            return (x.left_edge.i, own_right_edge(x))
    if joiner is None or joiner == "to":
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    # the preposition hangs on the verb, or on the last of coordinated objects ("accused A and B of …")
    heads = [verb, *(c for c in obj.subtree if c.dep_ == "conj" and c.head.i == obj.i)] if obj is not None else [verb]
    prep = next((c for h in heads for c in h.rights if c.dep_ == "prep" and c.lower_ == joiner), None)
    gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if prep is not None else None
    if obj is None or gerund is None or prep is None or obj.i > gerund.i:
        return None
    return (prep.i, own_right_edge(gerund))


def own_right_edge(head: Token) -> int:
    """The end of a clause without a report coordinated with it ("urging voters to wait | and
    promising to act": the promise is a report of its own)."""
    end = head.right_edge.i + 1
    for c in head.rights:
        if c.dep_ == "conj" and (c.lemma_ in verb_classes() or c.lemma_ in intention_verbs()):
            end = c.left_edge.i
            break
    while end > head.i + 1 and (head.doc[end - 1].dep_ == "cc" or head.doc[end - 1].is_punct):
        end -= 1
    return end


def _closing_frame(doc: Doc, start: int, end: int) -> tuple[Token, Token, int] | None:
    """(speech verb, subject head, comma) of a sentence doc[start:end] ending in ", Smith said",
    ", a company spokesman said on Monday", ", campaign records show"; else None."""
    k = end - 1
    tail = 0
    while k > start and verb_classes().get(doc[k].lemma_) != "speech":  # "said | on Monday"
        if doc[k].pos_ in ("VERB", "AUX") or tail >= CLOSING_TAIL:
            return None
        k -= 1
        tail += 1
    verb = doc[k]
    if _answers_its_object(verb):
        return None
    # a finite verb, or a bare form after a plural noun the tagger took for a noun ("records show")
    bare_after_plural = verb.tag_ == "NN" and doc[k - 1].tag_ == "NNS" and verb.lower_ == verb.lemma_
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not bare_after_plural:
        return None
    j = k - 1
    while j > start and j > k - 1 - CLOSING_SUBJECT and (doc[j].pos_ in SUBJECT_POS or doc[j].text in ("'s", "’s")):
        j -= 1
    if j == k - 1 or j <= start or doc[j].text != ",":
        return None
    preposition = next((t.i for t in doc[j + 1 : k] if t.pos_ == "ADP"), k)  # "a spokesman | for the firm"
    return (verb, doc[preposition - 1], j) if preposition > j + 1 else None


def is_as_frame(doc: Doc, verb: Token) -> bool:
    """ "As Smith noted, …" / "…, as the Times reported on Sunday": an as-clause whose report has
    no object of its own (the content is the clause it is set into), set off by a comma or opening
    the sentence; "…, as voters responded to the plan" or "… as he replied" (time, reason) are none."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr", "oprd") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ not in AS_FRAME_PREPOSITIONS for c in verb.children):
        return False
    first, last = verb.left_edge, verb.right_edge
    if first.i == first.sent.start or last.text == ",":
        return True
    before = doc[first.i - 1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return before.text == "," or before.dep_ == "cc" or after is not None and after.text == ","


def host_clause(doc: Doc, frame: Token) -> tuple[int, int] | None:
    """The clause a frame is set into, without the frame when it stands at an edge ("The plan will
    fail, | Smith said") and with it when it stands inside ("The plan, Smith said, will fail": a
    frame inside the sentence stays inside the span)."""
    head = frame.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    before = any(x.is_alpha and x.dep_ != "cc" for x in doc[lo : frame.left_edge.i])
    after = any(x.is_alpha and x.dep_ != "cc" for x in doc[frame.right_edge.i + 1 : hi])
    if not before and not after:
        return None
    start, end = trim(doc, lo if before else frame.right_edge.i + 1, hi if after else frame.left_edge.i)
    return (start, end) if end - start >= 2 else None


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
        turns = self._transcript_turns(doc)
        in_quote: set[int] = set()
        for q in direct + turns:
            in_quote.update(range(q.start, q.end))
        line_bounds = _line_bounds(doc)
        frames = self._frames(doc, in_quote) + self._headline_frames(doc, in_quote)
        frames = self._closing_frames(doc, in_quote, frames)
        reported = self._reported(doc, frames, direct, in_quote, line_bounds)
        self._attribute_direct(doc, direct, frames, in_quote, line_bounds)
        direct = [q for q in direct if self._keep(doc, q)] + turns
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
            body = text.lstrip()
            opener = 2 if body.startswith("''") else 1 if body[:1] in ("“", '"', "«") else 0
            if pending is not None and not (opener and pairs and pairs[0][0] == len(text) - len(body) + opener):
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

    def _transcript_turns(self, doc: Doc) -> list[Span]:
        """A transcript ("TAPPER: …", "FALLIN: …", a label repeated): each turn that is no question
        is a direct quote of its labelled speaker, the label left out (ANNOTATION, interviews)."""
        turns: list[tuple[str, int, int, int]] = []  # label, label end, text start, text end (chars)
        for start, text in self._lines(doc):
            m = TRANSCRIPT_LABEL.match(text)
            if m is None or m.group(1).casefold() in transcript_non_labels():
                continue
            body = text[m.end() :].rstrip()
            turns.append((m.group(1), start + len(m.group(1)), start + m.end(), start + len(body) + m.end()))
        labels = [t[0] for t in turns]
        if len(labels) < TRANSCRIPT_TURNS and len(set(labels)) == len(labels):  # a dialogue, not one "X: …" line
            return []
        out = []
        for name, label_end, a, b in turns:
            if doc.text[a:b].endswith("?"):
                continue  # the interviewer's question
            label = doc.char_span(label_end - len(name), label_end, alignment_mode="contract")
            span = doc.char_span(a, b, alignment_mode="contract")
            if span is None or label is None or len(span) < 2:
                continue
            span._.kind = "direct"
            span._.rule = "en_transcript"
            span._.speaker_mention = label
            out.append(span)
        return out

    @staticmethod
    def _is_title(doc: Doc, q: Span) -> bool:
        """A name in quotation marks: a few capitalised words after "on", "titled", "the book" …, or
        after an owner's possessive ("CNN's “State of the Union”", "NBC's ''Meet the Press''")."""
        alpha = [t for t in q if t.is_alpha]
        if not alpha or len(alpha) > 6:
            return False
        capitalised = all(t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in alpha)
        before = doc[q.start - 2] if q.start >= 2 else None
        if before is not None and before.text in ("'s", "’s") and q.start >= 3:
            before = doc[q.start - 3]
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

    @staticmethod
    def _closing_frames(doc: Doc, in_quote: set[int], frames: list[Frame]) -> list[Frame]:
        """A sentence that ends in ", <subject> said." (journalistic convention: the frame closes
        the report) reports all it says before the comma, whatever the parser made of a long
        sentence or of a verb it took for a noun ("…, campaign finance records show.")."""
        by_cue = {f.cue.i: f for f in frames}
        out = list(frames)
        for sent in doc.sents:
            end = sent.end
            while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            closing = _closing_frame(doc, sent.start, end)
            if closing is None or closing[0].i in in_quote:
                continue
            verb, subject, comma = closing
            start, stop = trim(doc, sent.start, comma)
            if stop - start < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[start:stop]):
                continue  # a clause, not "Then, last week, Smith called."
            frame = by_cue.get(verb.i)
            if frame is None:
                out.append(Frame(cue=verb, rule="en_verb", content=(start, stop), speaker=subject, head=None))
            elif frame.content[0] > start and frame.content[1] <= stop:
                frame.content = (start, stop)
        return out

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
            if source.text.casefold() in transcript_non_labels() or text.rstrip().endswith("?"):
                continue  # "Update: …" names no source; "REED: Do you think …?" asks, it reports nothing
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
        if comp is None and lemma in question_verbs():  # "asked him if he would run": a question, no condition
            comp = next((c for c in t.rights if c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.lefts)), None)
        if comp is None and lemma in CALL_FOR:  # "X called for an investigation"
            prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None:
                start, end = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                if end - start >= 2:
                    return Frame(cue=t, rule="en_call_for", content=(start, end), speaker=subject_of(t), head=pobj)
        rule = "en_belief" if cls == "cognition" else "en_verb"
        if comp is None and cls == "speech":
            content = nonfinite_content(t)
            if content is not None:
                start, end = trim(doc, *content)
                if end - start >= 2:
                    return Frame(cue=t, rule="en_verb", content=(start, end), speaker=subject_of(t), head=None)
            comp = stray_that_clause(t)
        if comp is None and intention is not None:
            comp = next((c for c in t.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)), None)
            rule = "en_infinitive"
        if comp is None and cls == "speech":
            # "The plan will fail, Smith said", "The plan, Smith said, will fail" (parataxis), "as
            # Smith noted, the plan failed": the frame is set into the clause it reports
            as_clause = t.dep_ == "advcl" and is_as_frame(doc, t)
            speaker = subject_of(t)
            if (t.dep_ == "parataxis" or as_clause and speaker is not None) and t.head.pos_ in ("VERB", "AUX"):
                content = host_clause(doc, t)
                if content is not None:
                    return Frame(cue=t, rule="en_verb", content=content, speaker=speaker, head=t.head)
            return None
        if comp is None or cls is None and rule != "en_infinitive":
            return None
        if comp.i < t.i and any(c.dep_ == "mark" for c in comp.children) and comp.dep_ != "ccomp":
            return None
        if comp.i < t.i and (is_passive(t) or _closes_itself(doc, t, comp)):
            return None  # "…; Thomas is charged with three", "…; the office denies any wrongdoing"
        start, end = comp.left_edge.i, comp.right_edge.i + 1
        if comp.i < t.i:  # content before the frame: up to the frame's own words
            end = min([end, t.i] + [c.left_edge.i for c in t.lefts if c.i > comp.right_edge.i])
        elif rule != "en_infinitive":
            end = continued_content_end(t, comp, end)
        start, end = trim(doc, start, end)
        if end - start < 2 and not (end - start == 1 and doc[start].pos_ in ("VERB", "AUX")):
            return None
        if rule == "en_infinitive" and (end - start < 2 or _says_nothing(comp)):
            return None
        speaker = subject_of(t)
        if is_passive(t) and speaker is None:
            rule = "en_passive"
        elif rule == "en_belief" and (speaker is None or speaker.lower_ == "it"):  # "it is hard to see how …"
            return None
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
        while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):  # "X did A and B, according to Y"
            head = head.head
        sent = t.sent
        clause_start = head.left_edge.i if head.dep_ != "ROOT" else sent.start
        clause_end = head.right_edge.i + 1 if head.dep_ != "ROOT" else sent.end
        frame_start, frame_end = t.i, max(x.i for x in t.subtree) + 1
        frame_end = max(frame_end, pobj.right_edge.i + 1)
        if frame_start > sent.start and doc[frame_start - 1].text == "," and frame_end < sent.end and doc[frame_end].text == ",":
            # set off by commas inside the sentence ("The plan, according to X, is to …"): the frame
            # stays inside the span, which is the sentence the parser may have split
            clause_start, clause_end = sent.start, sent.end
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
                and inner.head is not None  # "said he told them to stay": the non-finite report is part of the content
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
            # a content inside another report's content: beliefs give way to speech; a report made
            # inside the other's content ("X says A, conceding that B") is one of its own
            container = next(((a, b) for a, b in taken if a <= start and end <= b), None)
            if container is not None and not (f.rule == "en_verb" and container[0] <= f.cue.i < container[1]):
                continue
            span = doc[start:end]
            span._.kind = "indirect"
            span._.rule = f.rule
            span._.cue = doc[f.cue.i : f.cue.i + (2 if f.rule == "en_according" else 1)]
            speaker = noun_phrase(speaker_head(f.speaker)) if f.speaker is not None else None
            span._.speaker_mention = _mention_before(speaker, f.cue) if speaker is not None else None
            span._.via = [noun_phrase(v) for v in f.via]
            out.append(span)
            taken.append((start, end))
        return out


@Language.factory("en_quote_finder", requires=[*LINGUISTIC, "token.dep", "doc._.lines"], assigns=["doc.spans", *QUOTE_FINDINGS])
def make_en_quote_finder(nlp: Language, name: str) -> EnglishQuoteFinder:
    return EnglishQuoteFinder(nlp, name)
