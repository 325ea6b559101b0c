"""Cues of a single line: its shape (length, final punctuation, bullet) and what the lexicons say
about it (boilerplate kind, photo credit, byline shape). Shared by the rules and the features of
the line-role model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quellenlage.lang import SHIPPED
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
#: A line that is a date: "15. Mai 2019, 05:28 Uhr", "Montag, 09.12.2019", and the numeric and
#: English shapes pages also print ("05/08/2019", "3rd August 2017").
DATE_LINE = re.compile(
    r"^\W*(\w+,?\s+)?(\d{1,2}\.\s*(\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s*\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}(st|nd|rd|th)\s+[A-Z][a-z]+\s+\d{4})"
    r"\b[\d\s:.,|-]*(Uhr)?\W*$"
)
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Longer lines are article prose even when they address someone as "Sie".
LONG_PROSE_WORDS = 60


def lexicon_language(language: str | None) -> str:
    """The language whose line lexicons read a text in `language` (a spaCy `doc.lang_`, a
    page's declared tag such as "en-US"): its own when Quellenlage ships them, else German."""
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if code in SHIPPED else "de"


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
    """The lexicon cues of a line in one language (loaded once per language: building the
    patterns is not per-page work). The word lists are the language's own
    (`quellenlage/lang/<language>/lexicons/`: boilerplate.tsv, credits.tsv, bylines.tsv);
    the features built on them are the same in every language, so the line model reads an
    English page's "Share this article" as it reads a German page's "Artikel teilen"."""

    def __init__(self, language: str = "de") -> None:
        self.language = language = lexicon_language(language)
        self.boilerplate = patterns(language, "boilerplate.tsv")
        self.credits = [rx for _, rx in patterns(language, "credits.tsv", flags=0)]
        by = grouped(language, "bylines.tsv")
        alt = "|".join(re.escape(a) for a in sorted(by["agency"], key=len, reverse=True))
        prefix = "|".join(by.get("agency_prefix", ()))
        self.agency_byline = re.compile(
            rf"^[\s(/]*(({prefix})\s*:\s*)?"
            rf"((\w[\w.-]*\.(de|at|ch|com|net|org)|{alt})\s*[/,|&]?\s*){{1,5}}\)?\s*$",
            re.IGNORECASE,
        )
        intro, source = "|".join(by.get("author_intro", ())), "|".join(by.get("source_intro", ()))
        self.author_byline = re.compile(
            rf"^\W*({intro})\s*:?\s+[A-ZÄÖÜ][\w.-]+"
            rf"|^\W*({source})\s*:\s*\S.{{0,40}}$",  # a source line: "Quelle: Golem", "(Quelle: APA/dpa)"
            re.IGNORECASE,
        )
        #: "Von" on a line of its own, the author's name (a link) on the next.
        self.author_intro_alone = re.compile(rf"^\W*({intro})\W*$", re.IGNORECASE)
        #: "Quelle" on a line of its own, above the source or the article's date line.
        self.source_intro_alone = re.compile(rf"^\W*({source})\W*$", re.IGNORECASE)
        self.author_box_heading = re.compile(rf"^\W*({'|'.join(by.get('author_box', ()))})\W*$", re.IGNORECASE)
        #: "Stand: 05/08/2019, 5:30", "Veröffentlicht am …", "Updated 3:45 p.m. ET": the article's date.
        self.dated_label = re.compile(rf"^\W*({'|'.join(by.get('dated', ()))})\b.*\d", re.IGNORECASE)
        #: Whole lines that are bylines by the language's conventions (English datelines, "5 min read").
        self.byline_lines = [re.compile(rx, re.IGNORECASE) for rx in by.get("line", ())]

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
        return bool(self.author_box_heading.match(s.text))

    def is_byline(self, s: Shape) -> bool:
        if s.words > 10 or s.bullet:
            return False
        return self._byline(s.text)

    @lru_cache(maxsize=8192)  # noqa: B019 - see _cue
    def _byline(self, text: str) -> bool:
        return bool(self.agency_byline.match(text) or self.author_byline.match(text) or AGENCY_CODES.match(text)
                    or self.author_box_heading.match(text) or any(rx.match(text) for rx in self.byline_lines))


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
