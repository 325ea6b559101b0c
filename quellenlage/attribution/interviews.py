"""`InterviewFinder`: direct quotes that German pages print without quotation marks.

Three conventions of ANNOTATION.md ("Interviews and embedded posts"):

- An interview: questions (a paragraph ending in "?", or labelled "Frage:"/"F:"/with the
  outlet's name) alternate with answers. Each answer paragraph is a direct quote of the
  interviewee, without a leading "Name:" label; questions are not quotes. A page is taken for
  an interview when the answers carry the interviewee's label, or when at least
  `MIN_EXCHANGES` question/answer pairs show the roles: questions that address someone ("Sie",
  "du", "Herr Müller, …") and answers that speak in the first person (a page that calls
  itself an interview before the first question needs fewer pairs and one of the signs).
  Paragraphs under the interviewer's label ("SPIEGEL: …") are questions even when they
  state rather than ask. The interviewee is the label, else the person the questions
  address, else the person the intro names most.
- An embedded post: the post's text, then its embed signature "— Name (@handle) date".
- A block quotation: a line ending in a colon after a speech frame ("Sie schreibt:"), then
  a paragraph without quotation marks.

The quotes join `doc.spans["quotes"]` with `speaker_mention` and `cue` set, so that the
`speaker_resolver` names their speakers like those of every other quote.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from quellenlage.attribution.frames import Frame, FrameFinder
from quellenlage.attribution.sentences import sentences
from quellenlage.extensions import LINGUISTIC, QUOTE_FINDINGS, doc_text
from quellenlage.lexicons import grouped
from quellenlage.schema import GermanRule

MIN_EXCHANGES = 3  # question/answer pairs that make an unlabelled interview
MIN_PRESENTED_EXCHANGES = 2  # … on a page that calls itself an interview
MIN_LABELLED_ANSWERS = 2  # answers under one label that make a labelled interview
MAX_LABEL_WORDS = 4
MAX_THANKS_WORDS = 12
MIN_WRAPPED_WORDS = 12  # a line this long without final punctuation is a wrapped paragraph, not a heading
WORD = re.compile(r"\w+(?:-\w+)*")
# "Christoph Vilanek: …", "Frage 2: …", "F: …", "K. B.: …" at the start of a line.
LABEL = re.compile(r"^\s*(?P<label>[A-ZÄÖÜ][\w.’'&*-]*(?:\s+(?:[A-ZÄÖÜ][\w.’'&*-]*|\d+\.?)){0,3})\s*:\s+(?=\S)")
QUESTION_END = re.compile(r"\?[\s“”\"»«)]*$")
TERMINAL = re.compile(r"[.!?…:;\"“”»«)]\s*$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"»])")
QUOTE_MARKS = "„“”\"»«‚‘"
BULLETS = "•-–*·▪► \t"
# "— Anna Muster (@amuster) 3. Mai 2019" / "— Anna Muster (@amuster) May 3, 2019": a post's signature.
SIGNATURE = re.compile(r"^\s*[—–-]\s*(?P<name>[^()@\n]+?)\s*\(@(?P<handle>\w+)\)\s*(?P<date>.{0,40}\b\d{4})\s*$")
POST_ROLES = ("paragraph", "caption", "subheading")
QUESTION_ROLES = ("paragraph", "subheading")  # bold questions may come out as subheadings
ASKING_ROLES = ("teaser", "boilerplate")  # roles a question may wrongly get
SKIPPED_ROLES = ("caption", "boilerplate", "byline")  # photos, ads ("Anzeige") inside an interview do not end it
INTRO_ROLES = ("section", "headline", "teaser", "caption", "subheading", "paragraph")


@lru_cache(maxsize=1)
def interview_words() -> dict[str, frozenset[str]]:
    return {kind: frozenset(words) for kind, words in grouped("de", "interview_words.tsv").items()}


@dataclass
class Paragraph:
    """Consecutive lines of one paragraph (a hard-wrapped line continues in the next)."""

    start: int  # character offsets in the Doc
    end: int
    role: str
    text: str
    label: str | None = None
    label_end: int = 0  # character offset where the text after "Label: " starts
    interviewer: bool = False  # under the interviewer's label ("SPIEGEL: …"), asking or not

    @property
    def question(self) -> bool:
        words = interview_words()
        return self.interviewer or bool(QUESTION_END.search(self.text)) or (
            self.label is not None and _label_head(self.label) in words["question_label"]
        )


def _label_head(label: str) -> str:
    """'Frage 2' -> 'Frage': the word that says what the label is."""
    return label.split()[0].rstrip(".")


def addresses(text: str) -> bool:
    """The interviewer speaks to someone: a vocative "Herr Müller, …" at the start, or a
    2nd-person form ("Sie", "Ihre" only inside a sentence, where they cannot be "sie"/"ihre")."""
    words = interview_words()
    matches = list(WORD.finditer(text))
    if len(matches) >= 2 and matches[0].group() in words["honorific"] and text[matches[1].end() :].lstrip().startswith(","):
        return True
    for m in matches:
        w = m.group()
        if w not in words["address"]:
            continue
        initial = text[: m.start()].rstrip()[-1:] in ("", ".", "!", "?", ":", "…", "„", "\"", "»", "–")
        if w.islower() or not w.startswith(("Sie", "Ihr", "Ihn")) or not initial:
            return True
    return False


def speaks_for_self(text: str) -> bool:
    """The answer speaks in the first person ("Wir prüfen …", "Ich glaube …")."""
    return any(m.group().lower() in interview_words()["self"] for m in WORD.finditer(text))


def mentions_interview(text: str) -> bool:
    """The noun "Interview"/"Gespräch", also as a compound head ("ERP-Interview")."""
    nouns = interview_words()["interview_noun"]
    for m in WORD.finditer(text):
        if not m.group()[:1].isupper():
            continue  # German nouns are capitalised
        w = m.group().lower()
        if w in nouns or w.endswith(_interview_noun_heads()):
            return True
    return False


@lru_cache(maxsize=1)
def _interview_noun_heads() -> tuple[str, ...]:
    """How a compound ends in an interview noun: "-interview" for every noun, the noun itself
    for those of eight letters or more ("Hintergrundgespräch")."""
    nouns = interview_words()["interview_noun"]
    return tuple(["-" + n for n in nouns] + [n for n in nouns if len(n) >= 8])


def is_thanks(text: str) -> bool:
    """The interviewer's closing line: "Vielen Dank für das Gespräch!"."""
    words = [m.group().lower() for m in WORD.finditer(text)]
    return len(words) <= MAX_THANKS_WORDS and bool(set(words) & interview_words()["thanks"]) and mentions_interview(text)


def _continues(last: Paragraph, text: str) -> bool:
    """A hard-wrapped paragraph goes on in the next line: the line before ends without final
    punctuation, and the next one starts in lower case or the line before is too long for a
    heading."""
    if TERMINAL.search(last.text) or LABEL.match(text) or last.question:
        return False
    last_line = last.text.rsplit("\n", 1)[-1]
    return text[:1].islower() or len(last_line.split()) >= MIN_WRAPPED_WORDS


def paragraphs(doc: Doc) -> list[Paragraph | str]:
    """The body as paragraphs in page order; lines of other roles stay as their role name, so
    that a run of paragraphs can see where it is interrupted. A teaser or boilerplate line
    ending in "?" is kept as a paragraph: a question of an interview may come out as one."""
    out: list[Paragraph | str] = []
    previous_index = -2
    for line in doc._.lines:
        text = line.text.rstrip()
        if line.role not in QUESTION_ROLES and not (line.role in ASKING_ROLES and QUESTION_END.search(text)):
            out.append(line.role)
            continue
        last = out[-1] if out else None
        if isinstance(last, Paragraph) and line.index == previous_index + 1 and _continues(last, text):
            last.text = doc_text(doc)[last.start : line.start + len(text)]
            last.end = line.start + len(text)
            if line.role == "paragraph":
                last.role = "paragraph"
        else:
            para = Paragraph(start=line.start, end=line.start + len(text), role=line.role, text=text)
            m = LABEL.match(text)
            if m and len(m.group("label").split()) <= MAX_LABEL_WORDS:
                para.label = m.group("label")
                para.label_end = line.start + m.end()
            out.append(para)
        previous_index = line.index
    return out


class InterviewFinder:
    def __init__(self, nlp: Language, name: str = "interview_finder") -> None:
        self.name = name
        self.frames = FrameFinder()

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.lines:
            return doc
        units = paragraphs(doc)
        answers, exchanges = self._interview(doc, units)
        existing = [q for q in doc.spans.get("quotes", []) if not _own_report(q, exchanges)]
        found = answers + self._posts(doc) + self._blocks(doc, units, existing)
        # a quote the other finders found without a frame takes this one's speaker
        spans = {(q.start, q.end) for q in found}
        existing = [q for q in existing if q._.speaker_mention is not None or (q.start, q.end) not in spans]
        taken = {(q.start, q.end) for q in existing}
        new = [q for q in found if (q.start, q.end) not in taken]
        doc.spans["quotes"] = sorted(existing + new, key=lambda s: s.start)
        return doc

    # --- interviews ----------------------------------------------------------------------

    def _interview(self, doc: Doc, units: list[Paragraph | str]) -> tuple[list[Span], list[tuple[int, int]]]:
        """The answers as quotes, and the character ranges of the questions and answers."""
        paras = [u for u in units if isinstance(u, Paragraph)]
        if not any(p.question for p in paras):
            return [], []
        answer_labels = self._answer_labels(paras)
        interviewer = self._interviewer_labels(paras)
        for p in paras:  # a label that mostly asks marks the interviewer's statements too
            p.interviewer = p.label is not None and p.label in interviewer
        labelled = bool(answer_labels) or self._anonymous_labels(paras) >= MIN_LABELLED_ANSWERS
        answers = self._answers(units, labelled)
        if not answers or (not labelled and not self._looks_like_interview(paras, answers, self._presented(doc, answers))):
            return [], []
        current = self._interviewee(doc, answers, answer_labels)
        anonymous = interview_words()["answer_label"]
        quotes = []
        for para, question in answers:
            start, cue = para.start, None
            if para.label is not None:
                label = _label_span(doc, para)
                if para.label in answer_labels or (not labelled and _names_someone(doc, label)):
                    current = cue = label  # "Christoph Vilanek: …"
                elif _label_head(para.label) in anonymous:
                    cue = label  # "A: …"
                else:
                    continue  # a label of someone else: a second interviewer, a note
                start = para.label_end
            span = doc.char_span(start, para.end, alignment_mode="contract")
            if span is None or not len(span):
                continue
            if cue is None:
                cue = doc.char_span(question.start, question.end, alignment_mode="contract")
            quotes.append(_quote(span, "interview", cue, current))
        exchanges = sorted({(p.start, p.end) for pair in answers for p in pair})
        return quotes, exchanges

    @staticmethod
    def _answer_labels(paras: list[Paragraph]) -> set[str]:
        """Labels of answers: a label on at least two paragraphs that are mostly not questions,
        and not an interviewer's ("Frage", "F") or an anonymous one ("Antwort", "A")."""
        words = interview_words()
        counts = Counter(p.label for p in paras if p.label is not None)
        labels = set()
        for label, n in counts.items():
            head = _label_head(label)
            if n < MIN_LABELLED_ANSWERS or head in words["question_label"] or head in words["answer_label"]:
                continue
            if sum(p.question for p in paras if p.label == label) * 2 < n:
                labels.add(label)
        return labels

    @staticmethod
    def _interviewer_labels(paras: list[Paragraph]) -> set[str]:
        """Labels on at least two paragraphs of which at least half are questions ("SPIEGEL:")."""
        counts = Counter(p.label for p in paras if p.label is not None)
        return {
            label for label, n in counts.items()
            if n >= MIN_LABELLED_ANSWERS and sum(QUESTION_END.search(p.text) is not None for p in paras if p.label == label) * 2 >= n
        }

    @staticmethod
    def _presented(doc: Doc, answers: list[tuple[Paragraph, Paragraph]]) -> bool:
        """The page calls itself an interview before the first question (kicker, headline,
        teaser or intro: "Im Interview spricht …", "Das Gespräch führte …")."""
        first = min(q.start for _, q in answers)
        return any(line.start < first and line.role in INTRO_ROLES and mentions_interview(line.text) for line in doc._.lines)

    @staticmethod
    def _anonymous_labels(paras: list[Paragraph]) -> int:
        return sum(p.label is not None and _label_head(p.label) in interview_words()["answer_label"] for p in paras)

    @staticmethod
    def _answers(units: list[Paragraph | str], labelled: bool) -> list[tuple[Paragraph, Paragraph]]:
        """(answer paragraph, the question it answers) from the first question on.

        Paragraphs after a question answer it. After an intertitle (a subheading that asks
        nothing), and in a labelled interview after an unlabelled paragraph, they are the
        article's own unless another question follows. The interview ends at a line of
        another role (a byline, the footer), at a note on the interview or at the
        interviewer's thanks."""
        out: list[tuple[Paragraph, Paragraph]] = []
        pending: list[tuple[Paragraph, Paragraph]] = []
        question: Paragraph | None = None
        settled = False  # paragraphs answer the question for sure (no intertitle since)
        for unit in units:
            if isinstance(unit, str):
                if unit in SKIPPED_ROLES:
                    continue
                if out:
                    break
                question = None
                continue
            if unit.question:
                out += pending
                pending, question, settled = [], unit, True
                continue
            if question is None:
                continue
            if is_thanks(unit.text) or (unit.label is None and mentions_interview(unit.text) and not speaks_for_self(unit.text)):
                if out:
                    break
                question = None
                continue
            if unit.role == "subheading":
                settled = False
                continue
            if settled and not (labelled and unit.label is None):
                out += pending
                pending = []
                out.append((unit, question))
            elif out or not labelled:
                pending.append((unit, question))
        return out

    @staticmethod
    def _looks_like_interview(paras: list[Paragraph], answers: list[tuple[Paragraph, Paragraph]], presented: bool) -> bool:
        """Enough exchanges, questions that address someone, answers in the first person; a
        page that calls itself an interview needs fewer exchanges and one of the two signs."""
        exchanges: dict[int, Paragraph] = {}
        for answer, question in answers:
            exchanges.setdefault(question.start, answer)  # the first answer paragraph
        asked = [p for p in paras if p.question and p.start in exchanges]
        if len(asked) < (MIN_PRESENTED_EXCHANGES if presented else MIN_EXCHANGES):
            return False
        addressing = sum(addresses(q.text) for q in asked) * 2 >= len(asked)
        first_person = sum(speaks_for_self(a.text) for a in exchanges.values()) * 2 >= len(exchanges)
        return (addressing or first_person) if presented else (addressing and first_person)

    def _interviewee(self, doc: Doc, answers: list[tuple[Paragraph, Paragraph]], answer_labels: set[str]) -> Span | None:
        """The mention that names the interviewee: an answer label, a vocative in a question
        ("Herr Vilanek, …", "Jan, …") tied to the person it names, the person the intro names
        with the word "Interview" ("Im Interview äußert sich X", "X im Interview"), else the
        person the text before the first question names most."""
        for para, _ in answers:
            if para.label is not None and para.label in answer_labels:
                return _label_span(doc, para)
        people = [c for c in doc._.entities if c.type == "person"]
        vocative = self._vocative(doc, [q for _, q in answers])
        if vocative is not None:
            for cluster in people:
                if any(t.text in cluster.name.split() for t in vocative):
                    return min(cluster.mentions, key=lambda m: m.start)
            return vocative
        first = min(q.start for _, q in answers)
        presenting = self._presenting_mention(doc, people, first)
        if presenting is not None:
            return presenting
        named = Counter({c.id: sum(m.start_char < first for m in c.mentions) for c in people})
        best = max(people, key=lambda c: (named[c.id], -min(m.start for m in c.mentions)), default=None)
        if best is None or not named[best.id]:
            return None
        return min(best.mentions, key=lambda m: m.start)

    @staticmethod
    def _presenting_mention(doc: Doc, people: list, first: int) -> Span | None:
        """In a sentence before the first question that mentions the interview, the person
        named first after the word (else last before it); a sentence naming who conducted it
        ("Das Interview führte X", "Ein Interview von X") names the interviewer and is passed
        over."""
        words = interview_words()
        mentions = sorted((m for c in people for m in c.mentions), key=lambda m: m.start)
        for line in doc._.lines:
            if line.start >= first or line.role not in INTRO_ROLES:
                continue
            pos = 0
            for sent in SENTENCE_SPLIT.split(line.text):
                pos = line.text.index(sent, pos)
                offset = line.start + pos
                tokens = list(WORD.finditer(sent))
                nouns = [k for k, m in enumerate(tokens) if mentions_interview(m.group())]
                if not nouns or any(m.group() in words["conducted"] for m in tokens):
                    continue
                if nouns[0] + 1 < len(tokens) and tokens[nouns[0] + 1].group() in words["conducted_by"]:
                    continue  # "Ein Interview von X": X asked
                at = offset + tokens[nouns[0]].start()
                inside = [m for m in mentions if offset <= m.start_char < offset + len(sent)]
                after = [m for m in inside if m.start_char > at]
                if after or inside:
                    return after[0] if after else inside[-1]
        return None

    @staticmethod
    def _vocative(doc: Doc, questions: list[Paragraph]) -> Span | None:
        """'Herr Vilanek, …' / 'Frau Berger, …' / 'Jan, …' opening a question: the name."""
        honorifics = interview_words()["honorific"]
        for q in questions:
            span = doc.char_span(q.label_end or q.start, q.end, alignment_mode="contract")
            if span is None or len(span) < 3:
                continue
            k = 1 if span[0].text in honorifics else 0
            end = k
            while end < min(len(span), k + 3) and span[end].text[:1].isupper() and span[end].pos_ in ("PROPN", "NOUN", "X"):
                end += 1
            if end > k and end < len(span) and span[end].text == ",":
                return span[k:end]
        return None

    # --- embedded posts ------------------------------------------------------------------

    @staticmethod
    def _posts(doc: Doc) -> list[Span]:
        """The paragraph right above an embed signature, quoted from the signature's author."""
        quotes = []
        lines = doc._.lines
        for k, line in enumerate(lines):
            m = SIGNATURE.match(line.text)
            if m is None:
                continue
            name = doc.char_span(line.start + m.start("name"), line.start + m.end("name"), alignment_mode="contract")
            author = _as_named(doc, _name_part(name) if name is not None else None, m.group("handle"))
            cue = doc.char_span(line.start, line.start + len(line.text.rstrip()), alignment_mode="contract")
            post = _post_line(lines, k)
            if post is None or _in_marks(post.text):  # words in marks may be someone the author quotes
                continue
            text = post.text.rstrip()
            span = doc.char_span(post.start, post.start + len(text), alignment_mode="contract")
            if span is not None and len(span):
                quotes.append(_quote(span, "post", cue, author))
        return quotes

    # --- block quotations ----------------------------------------------------------------

    def _blocks(self, doc: Doc, units: list[Paragraph | str], existing: list[Span]) -> list[Span]:
        """'X schreibt:' closing a paragraph, then a paragraph without quotation marks (one
        with quotes in marks, '• Putin: „…“', is the direct-quote finder's)."""
        quotes = []
        for before, block in zip(units, units[1:]):
            if not isinstance(block, Paragraph) or block.role != "paragraph" or block.question:
                continue
            if block.text.lstrip(BULLETS)[:1] in QUOTE_MARKS:
                continue  # a quotation in marks
            if any(q._.kind == "direct" for q in existing if block.start <= q.start_char and q.end_char <= block.end):
                continue
            frame = self._intro_frame(doc, before)
            span = doc.char_span(block.start, block.end, alignment_mode="contract")
            if frame is not None and span is not None and len(span):
                quotes.append(_quote(span, "block", frame.cue, frame.speaker))
        return quotes

    def _intro_frame(self, doc: Doc, before: Paragraph | str) -> Frame | None:
        """The speech frame of a paragraph that ends in a colon ('…, schreibt sie:')."""
        if not isinstance(before, Paragraph) or not before.text.endswith(":"):
            return None
        intro = doc.char_span(before.start, before.end, alignment_mode="contract")
        if intro is None:
            return None
        last = sentences(intro, set())[-1]
        frames = [f for f in self.frames.find(last) if f.rule == "verb" and f.speaker is not None and f.verb_class in ("speech", "writing")]
        return max(frames, key=lambda f: f.cue.start) if frames else None


def _own_report(q: Span, exchanges: list[tuple[int, int]]) -> bool:
    """Reported speech inside an interview's questions and answers whose speaker is the one
    talking or the one addressed ("Ich glaube, dass …", "Würden Sie sagen, dass …"): the
    answer itself is the quote, and a question is none."""
    if q._.kind != "indirect" or not any(a <= q.start_char and q.end_char <= b for a, b in exchanges):
        return False
    mention = q._.speaker_mention
    words = interview_words()
    return mention is None or (len(mention) == 1 and (mention.text.lower() in words["self"] or mention.text in words["address"]))


def _in_marks(text: str) -> bool:
    """A paragraph that is one quotation in marks is the direct-quote finder's."""
    text = text.strip().lstrip(BULLETS)
    return len(text) > 1 and text[0] in QUOTE_MARKS and text.rstrip(".!?…,;: ")[-1:] in QUOTE_MARKS


def _label_span(doc: Doc, para: Paragraph) -> Span | None:
    """The label's words, without the colon."""
    start = para.start + para.text.index(para.label)
    return doc.char_span(start, start + len(para.label), alignment_mode="contract")


def _names_someone(doc: Doc, label: Span | None) -> bool:
    """A label that is a person's or organisation's name (not "Das Ergebnis: …")."""
    if label is None:
        return False
    mentioned = {i for c in doc._.entities if c.type in ("person", "organization", "media") for m in c.mentions for i in range(m.start, m.end)}
    return any(t.i in mentioned for t in label)


def _name_part(span: Span) -> Span | None:
    """The name in a signature without emoji or hashtags after it ('Anna Muster 🐬 #Tag')."""
    end = span.start
    for t in span:
        if not t.text[:1].isalpha():
            break
        end = t.i + 1
    return span.doc[span.start : end] if end > span.start else None


def _post_line(lines: list, k: int):
    """The post whose signature is line k: the line right above it (a post is one paragraph
    of the embed; the lines above it are the article's)."""
    if k == 0:
        return None
    line = lines[k - 1]
    if line.role not in POST_ROLES or SIGNATURE.match(line.text) or line.text.rstrip().endswith(":"):
        return None
    return line


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _as_named(doc: Doc, name: Span | None, handle: str = "") -> Span | None:
    """A post's author as the article names that person ('RobertHabeck' or 'Anja' for
    'Robert Habeck' / 'Anja Amaranth' named before, '@c_muster' for 'Carla Muster'): a mention
    of the person whose name has the display name's letters or all of its words, or whose
    name or initial and surname make up the handle; the fullest name first."""
    if name is None:
        return None
    letters = _letters(name.text)
    words = set(name.text.casefold().split())
    handle = _letters(handle)

    def named(full: str) -> bool:
        parts = full.split()
        return (
            _letters(full) in (letters, handle)
            or words <= set(full.casefold().split())
            or (len(parts) >= 2 and handle == _letters(parts[0][:1] + parts[-1]))
        )

    matching = [c for c in doc._.entities if c.type == "person" and named(c.name)]
    for cluster in sorted(matching, key=lambda c: -len(c.name)):
        earlier = [m for m in cluster.mentions if m.start < name.start]
        if earlier:
            return max(earlier, key=lambda m: m.start)
    return name


def _quote(span: Span, rule: GermanRule, cue: Span | None, mention: Span | None) -> Span:
    span._.kind = "direct"
    span._.rule = rule
    span._.cue = cue
    span._.speaker_mention = mention
    span._.via = []
    return span


@Language.factory(
    "interview_finder", requires=[*LINGUISTIC, "doc._.lines", "doc._.entities", "doc.spans"], assigns=["doc.spans", *QUOTE_FINDINGS]
)
def make_interview_finder(nlp: Language, name: str) -> InterviewFinder:
    return InterviewFinder(nlp, name)
