"""`LineClassifier`: one role per non-blank input line, from general line features.

Scraped article text keeps the site's furniture (share bars, promotions, link blocks, tag
headers). A line's role follows from its shape (length, final punctuation, bullet), what it
says to the reader (imperative "Melden Sie sich…", "unser Newsletter"), lexicon cues, and its
position relative to the body (before the first body paragraph: section, headline, caption,
teaser; after the last: byline and footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from quellenlage.lexicons import grouped, patterns
from quellenlage.schema import Line

BULLET = re.compile(r"^\s*([•·▪►▶■□◦‣➤→✓✔*]|[-–—](?=\s))\s*")
TERMINAL = re.compile(r"[.!?…]([\"'“”»«‘’)]*)\s*$|[\"“”»«]\s*$")
# A formal imperative or question addressed to the reader: "Melden Sie sich", "Folgen Sie uns".
READER_IMPERATIVE = re.compile(r"(^|[.!?]\s+)[A-ZÄÖÜ][a-zäöüß]+(en|ln|rn) Sie\b")
READER_ADDRESS = re.compile(r"(?<![.!?:]\s)(?<!^)\b(Sie|Ihnen|Ihre[nmrs]?|Ihr)\b")
QUOTED = re.compile(r"[„“\"»«][^„“\"»«]*[“”\"«»]")
# What is left of a quote that runs over a line break: from an unclosed German opener to the end
# of the line, or from the line start to a German closer with no opener before it.
OPEN_QUOTE_TO_END = re.compile(r"[„»][^„“”»«]*$")
START_TO_CLOSE_QUOTE = re.compile(r"^[^„»]*[“«]")
# Agency codes in parentheses or slashes at the end of wire copy: "(sda/awp)", "(dpa/AFP/ots)".
AGENCY_CODES = re.compile(
    r"^\s*(\(\s*{c}(\s*/\s*{c}){{0,4}}\s*\)|{c}(\s*/\s*{c}){{1,4}})\s*$".format(c=r"(?:[a-z]{2,5}|[A-Z]{2,5})")
)
BREADCRUMB = re.compile(r"^\W*[\w .&-]{2,40}(\s[>›»/|]\s[\w .&-]{2,40}){1,5}\W*$")
DATE_LINE = re.compile(
    r"^\W*(\w+,?\s+)?\d{1,2}\.\s*(\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s*\d{2,4}\b[\d\s:.,|-]*(Uhr)?\W*$"
)
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Longer lines are article prose even when they address someone as "Sie".
LONG_PROSE_WORDS = 60


@dataclass
class _Shape:
    index: int
    start: int
    raw: str
    text: str
    bullet: bool
    words: int
    terminal: bool
    colon_end: bool

    @property
    def heading_like(self) -> bool:
        return not self.terminal and not self.colon_end and 1 <= self.words <= 20

    @property
    def paragraph_like(self) -> bool:
        """Body text: a sentence of some length, or a clause introducing a quote ("…, sagte er:")."""
        return (self.terminal and self.words >= 12) or (self.colon_end and self.words >= 5)


class LineClassifier:
    """Assigns every non-blank line a role of ANNOTATION.md section 1."""

    def __init__(self) -> None:
        self.boilerplate = patterns("quellenlage.structure", "boilerplate.tsv")
        self.credits = [rx for _, rx in patterns("quellenlage.structure", "credits.tsv", flags=0)]
        agencies = grouped("quellenlage.structure", "bylines.tsv")["agency"]
        alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
        self.agency_byline = re.compile(
            rf"^[\s(/]*((quelle|mit material von|material|text|mitarbeit)\s*:\s*)?"
            rf"((\w[\w.-]*\.(de|at|ch|com|net|org)|{alt})\s*[/,|&]?\s*){{1,5}}\)?\s*$",
            re.IGNORECASE,
        )
        self.author_byline = re.compile(
            r"^\W*(von|by|text|autor(in)?|ein (kommentar|gastbeitrag) von)\s*:?\s+[A-ZÄÖÜ][\w.-]+", re.IGNORECASE
        )

    # -- features -------------------------------------------------------------------------
    def _shape(self, index: int, start: int, raw: str) -> _Shape:
        m = BULLET.match(raw)
        text = raw[m.end():] if m else raw.strip()
        text = text.strip()
        return _Shape(
            index=index,
            start=start,
            raw=raw,
            text=text,
            bullet=bool(m),
            words=len(WORD.findall(text)),
            terminal=bool(TERMINAL.search(text)),
            colon_end=text.endswith(":"),
        )

    def boilerplate_cue(self, s: _Shape) -> str | None:
        """The kind of boilerplate a line announces, or None."""
        for kind, rx in self.boilerplate:
            if rx.search(s.text):
                return kind
        if s.words > LONG_PROSE_WORDS:
            return None  # an interview paragraph asks "Sie"; promotions are short
        outside_quotes = outside_quotes_of(s.text)
        if READER_IMPERATIVE.search(outside_quotes):
            return "reader-imperative"
        if len(READER_ADDRESS.findall(outside_quotes)) >= 2:
            return "reader-address"
        return None

    def is_caption(self, s: _Shape) -> bool:
        return s.words <= 60 and any(rx.search(s.text) for rx in self.credits)

    def is_byline(self, s: _Shape) -> bool:
        if s.words > 10 or s.bullet:
            return False
        return bool(
            self.agency_byline.match(s.text) or self.author_byline.match(s.text) or AGENCY_CODES.match(s.text)
        )

    # -- roles ----------------------------------------------------------------------------
    def classify(self, text: str) -> list[Line]:
        shapes: list[_Shape] = []
        offset = 0
        for i, raw in enumerate(text.split("\n")):
            if raw.strip():
                shapes.append(self._shape(i, offset, raw))
            offset += len(raw) + 1
        if not shapes:
            return []
        if len(shapes) == 1:  # a lone line is a text to read, not a page
            s = shapes[0]
            return [Line(index=s.index, role="paragraph", text=s.raw, start=s.start, why="the only line")]
        roles: dict[int, tuple[str, str]] = {}
        cues = {s.index: self.boilerplate_cue(s) for s in shapes}

        body = [s for s in shapes if s.paragraph_like and not s.bullet and not cues[s.index] and not self.is_caption(s)]
        first_body = body[0].index if body else shapes[-1].index + 1
        last_body = body[-1].index if body else -1

        # Before the body: section, headline, caption, teaser.
        head = [s for s in shapes if s.index < first_body]
        headline_seen = False
        for k, s in enumerate(head):
            cue = cues[s.index]
            if cue:
                roles[s.index] = ("boilerplate", cue)
            elif self.is_caption(s) and headline_seen:
                roles[s.index] = ("caption", "credit")
            elif self.is_byline(s) and headline_seen:
                roles[s.index] = ("byline", "byline shape")
            elif DATE_LINE.match(s.text):
                roles[s.index] = ("boilerplate", "date line")
            elif BREADCRUMB.match(s.text) and not s.terminal:
                role = "boilerplate" if headline_seen else "section"
                roles[s.index] = (role, "breadcrumb")
            elif not headline_seen:
                nxt = next((h for h in head[k + 1:] if not cues[h.index]), None)
                if s.words <= 3 and s.heading_like and nxt is not None and nxt.words > s.words and not nxt.bullet:
                    roles[s.index] = ("section", "short kicker above the headline")
                else:
                    roles[s.index] = ("headline", "first title-like line")
                    headline_seen = True
            else:
                roles[s.index] = ("teaser", "before the first body paragraph")

        # The body and after it.
        related_block = bulleted_block = False  # a bulleted link list ends with its bullets
        byline_seen = False
        for s in shapes:
            if s.index < first_body:
                continue
            cue = cues[s.index]
            if cue:
                roles[s.index] = ("boilerplate", cue)
                related_block, bulleted_block = cue == "related", False
                continue
            if related_block and not s.paragraph_like and not (bulleted_block and not s.bullet):
                roles[s.index] = ("boilerplate", "linked title after a 'read more' cue")
                bulleted_block = bulleted_block or s.bullet
                continue
            related_block = bulleted_block = False
            if self.is_byline(s):
                roles[s.index] = ("byline", "byline shape")
                byline_seen = True
            elif self.is_caption(s) and not s.paragraph_like:
                roles[s.index] = ("caption", "credit")
            elif s.index > last_body and (byline_seen or s.words <= 3) and not s.paragraph_like:
                roles[s.index] = ("boilerplate", "short line after the article")
            elif s.heading_like and not s.bullet:
                roles[s.index] = ("subheading", "title-like line inside the body")
            elif s.text.endswith("?") and s.words <= 12 and not s.bullet:
                roles[s.index] = ("subheading", "short question line inside the body")
            else:
                roles[s.index] = ("paragraph", "body text")

        return [
            Line(index=s.index, role=roles[s.index][0], text=s.raw, start=s.start, why=roles[s.index][1])
            for s in shapes
        ]


def outside_quotes_of(text: str) -> str:
    """The line without quoted words: someone quoted saying "Sie" does not address the reader."""
    rest = QUOTED.sub(" ", text)
    return START_TO_CLOSE_QUOTE.sub(" ", OPEN_QUOTE_TO_END.sub(" ", rest))


@Language.factory("line_classifier", assigns=["doc._.lines"])
def make_line_classifier(nlp: Language, name: str):
    """The first component: sets `doc._.lines` from the raw text."""
    classifier = LineClassifier()

    def line_classifier(doc: Doc) -> Doc:
        doc._.lines = classifier.classify(doc.text)
        return doc

    return line_classifier
