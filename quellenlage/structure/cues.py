"""Cues of a single line: its shape (length, final punctuation, bullet) and what the lexicons say
about it (boilerplate kind, photo credit, byline shape). Shared by the rules and the features of
the line-role model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quellenlage.lexicons import grouped, patterns
from quellenlage.names import is_first_name

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
class Shape:
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


class Cues:
    """The lexicon cues of a line (loaded once: building the patterns is not per-page work)."""

    def __init__(self) -> None:
        self.boilerplate = patterns("de", "boilerplate.tsv")
        self.credits = [rx for _, rx in patterns("de", "credits.tsv", flags=0)]
        agencies = grouped("de", "bylines.tsv")["agency"]
        alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
        self.agency_byline = re.compile(
            rf"^[\s(/]*((quelle|mit material von|material|text|mitarbeit)\s*:\s*)?"
            rf"((\w[\w.-]*\.(de|at|ch|com|net|org)|{alt})\s*[/,|&]?\s*){{1,5}}\)?\s*$",
            re.IGNORECASE,
        )
        self.author_byline = re.compile(
            r"^\W*(von|by|text|autor(in)?|(geschrieben|verfasst) von|eine?\s+[a-zäöü]+\s+von)\s*:?\s+[A-ZÄÖÜ][\w.-]+"
            r"|^\W*quelle\s*:\s*\S.{0,40}$",  # a source line: "Quelle: Golem", "(Quelle: APA/dpa)"
            re.IGNORECASE,
        )

    def shape(self, index: int, start: int, raw: str) -> Shape:
        return Shape(index, start, raw, *self._measure(raw))

    @lru_cache(maxsize=16384)  # noqa: B019 - see _cue
    def _measure(self, raw: str) -> tuple[str, bool, int, bool, bool]:
        m = BULLET.match(raw)
        text = (raw[m.end():] if m else raw).strip()
        return text, bool(m), len(WORD.findall(text)), bool(TERMINAL.search(text)), text.endswith(":")

    def boilerplate_cue(self, s: Shape) -> str | None:
        """The kind of boilerplate a line announces, or None."""
        return self._cue(s.text, s.words)

    @lru_cache(maxsize=8192)  # noqa: B019 - one Cues per process; pages repeat their furniture
    def _cue(self, text: str, words: int) -> str | None:
        for kind, rx in self.boilerplate:
            if rx.search(text):
                return kind
        if words > LONG_PROSE_WORDS:
            return None  # an interview paragraph asks "Sie"; promotions are short
        outside_quotes = outside_quotes_of(text)
        if READER_IMPERATIVE.search(outside_quotes):
            return "reader-imperative"
        if len(READER_ADDRESS.findall(outside_quotes)) >= 2:
            return "reader-address"
        return None

    def is_caption(self, s: Shape) -> bool:
        return s.words <= 60 and self._credit(s.text)

    @lru_cache(maxsize=8192)  # noqa: B019 - see _cue
    def _credit(self, text: str) -> bool:
        return any(rx.search(text) for rx in self.credits)

    def is_author_box_heading(self, s: Shape) -> bool:
        return bool(AUTHOR_BOX_HEADING.match(s.text))

    def is_byline(self, s: Shape) -> bool:
        if s.words > 10 or s.bullet:
            return False
        return self._byline(s.text)

    @lru_cache(maxsize=8192)  # noqa: B019 - see _cue
    def _byline(self, text: str) -> bool:
        return bool(self.agency_byline.match(text) or self.author_byline.match(text) or AGENCY_CODES.match(text)
                    or AUTHOR_BOX_HEADING.match(text))


#: The heading of an author box: "Über den Autor", "Die Autorin", "AUTOR".
AUTHOR_BOX_HEADING = re.compile(r"^\W*(über (den|die) autor(in)?|(der|die) autor(in)?|autor(in)?|autoren)\W*$", re.IGNORECASE)
#: A person's name alone on a line: two or three capitalised words ("Hanna Petersen",
#: "Jan-Ole von Berg" is left to the "Von …" shape).
NAME_LINE = re.compile(r"^(Dr\.\s+)?([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,2}$")


@lru_cache(maxsize=4096)
def is_name_line(text: str) -> bool:
    """The line is a person's name and nothing else: a name's shape whose first word is a
    known first name (gender-guesser's list), so that "Neue Rechte" or "Weitere Themen" is not."""
    m = NAME_LINE.match(text.strip())
    return bool(m) and is_first_name(m.group(2))


def outside_quotes_of(text: str) -> str:
    """The line without quoted words: someone quoted saying "Sie" does not address the reader."""
    rest = QUOTED.sub(" ", text)
    return START_TO_CLOSE_QUOTE.sub(" ", OPEN_QUOTE_TO_END.sub(" ", rest))
