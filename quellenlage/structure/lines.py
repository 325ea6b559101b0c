"""`LineClassifier`: one role per non-blank input line (ANNOTATION.md section 1).

Scraped article text keeps the site's furniture (navigation, share bars, promotions, teasers of
other articles, tags, footers). The roles come from a linear-chain CRF over per-line features
(`quellenlage.structure.features`), trained on silver labels read off web pages' markup
(training/line_model.py, docs/line-roles.md); text that is an extracted article rather than
a whole page keeps the rules (`LineRules`) it was written for. The model's sequence step is completed by two
constraints of a news page: at most one headline, and one article body (paragraphs far from
the main run of prose are furniture, e.g. a cookie notice or an author box in the footer).
For HTML input the same model also sees the markup each line came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc

from quellenlage.extensions import doc_text
from quellenlage.schema import Line
from quellenlage.structure.cues import BREADCRUMB, DATE_LINE, WORD, Cues, Shape, is_name_line, lexicon_language
from quellenlage.structure.features import (CLOCK, DATE, DOMAIN, READING_TIME, PageFeatures, main_prose_run, overlap, stems,
                                            title_similarity)
from quellenlage.structure.headline import strip_site_name, title_line
from quellenlage.structure.headline_model import HeadlineChooser
from quellenlage.structure.rules import is_label

MODEL_PATH = Path(__file__).parent / "models" / "lines.crfsuite"
#: Text with at most this many lines before its body's prose and after it is an extracted
#: article (reader view, an agency text), not a scraped page: the rules, written for it, read
#: it better than the model trained on whole pages (docs/line-roles.md).
EXTRACTED_MAX_HEAD = 8
EXTRACTED_MAX_TAIL = 5
BODY_ROLES = frozenset({"paragraph", "subheading"})
#: A heading with this share of its text in a link is a link to another page (a card's title).
CARD_LINK_DENSITY = 0.9
#: A news page has a headline: when the model tags none, the most probable title-like line of
#: the lines this close above the body is it.
HEADLINE_WINDOW = 15
#: Two titles with this share of their content words in each other say the same (a page label
#: repeating the headline in other words); both need this many content words.
REPEAT_SHARE = 0.5
MIN_REPEAT_WORDS = 3
#: A sentence: a line ending in a period, question or exclamation mark.
TERMINAL_SENTENCE = re.compile(r"\w[.!?]\W*$")
#: What a title above the article's headline can be.
ABOVE_HEADLINE_ROLES = ("section", "boilerplate")
#: Share of words a teaser shares with the page's description (og:description).
MIN_DESCRIPTION_SIMILARITY = 0.7
LINK_TRAIL = re.compile(r"\s[>›»/|]\s")
#: A line this short with a date in it, or a date with a clock time, is a date line.
MAX_DATE_LABEL_WORDS = 6
#: A teaser is a sentence or two, not a label.
MIN_TEASER_WORDS = 8
#: A line the model calls furniture but trafilatura keeps is body from this many words on.
MIN_KEPT_WORDS = 5
#: "Von Vorname Nachname" in a byline; the name may come back in the author box.
AUTHOR = re.compile(r"\b(?:[Vv]on|[Bb]y|VON|BY)\s+((?:Dr\.\s+)?[A-ZÄÖÜ][\w-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w-]+){1,2})")
#: An author box's biography is a few sentences, not an article.
MAX_BIO_WORDS = 80
#: The author's initials (Kürzel) that close a German article, right under its last line or
#: another byline: "kb", "(as)", "/jul".
INITIALS = re.compile(r"^\W{0,2}[a-zäöü]{2,3}\W{0,2}$")
#: A card announcing another article: kicker, title, sentence and at most this many lines in all.
CARD_LINES = 5
#: A list announced by a colon: at most this many items are read as its own.
MAX_LIST_ITEMS = 10
#: The signature under an embedded tweet as a scraped page prints it: "— Anna Muster (@amuster)
#: 3. Mai 2026".
POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\)\s*\S.*\d{4}\s*$")
#: A numbered heading of a listicle: "3. Anna Muster, Autorin (12.000 Follower): Klar Stellung
#: beziehen" ("5. Dez 2018" is a date).
NUMBERED_HEADING = re.compile(r"^(\d{1,2})\.\s+[A-ZÄÖÜ„\"»]")
#: A numbered list of headings counts from one, in order, at least this far.
MAX_NUMBERED_HEADING_WORDS = 30
MIN_NUMBERED_HEADINGS = 3
#: A subheading is a short title.
MAX_SUBHEADING_WORDS = 12
#: An author box: the name and a biography of a few lines.
AUTHOR_BOX_LINES = 3
#: Lines this close above or below the body are where bylines stand.
BYLINE_REACH = 8
#: Body lines separated from the main run of prose by more furniture lines than this are not
#: the article (a cookie text, an author box, a comment under the article).
MAX_BODY_GAP = 6
#: ... and have fewer words than this share of the main run (an article continued after a
#: product box or a gallery is still the article).
MINOR_BODY_SHARE = 0.25


#: Languages whose news pages open with a teaser (Vorspann) under the headline; an English
#: article's first paragraph is its lede, part of the body.
LEAD_TEASER_LANGUAGES = frozenset({"de"})


@lru_cache(maxsize=None)
def _shared(language: str = "de") -> tuple[PageFeatures, pycrfsuite.Tagger]:
    """One feature extractor (on the language's lexicons) and tagger per language and process:
    loading them is not per-page work. The model is the same for every language."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return PageFeatures(Cues(language)), tagger


class LineClassifier:
    """Assigns every non-blank line a role of ANNOTATION.md section 1, reading the lexicon cues
    of `language` (a code such as "en", or a tag such as "en-US"; German when Quellenlage
    has no word lists for it)."""

    def __init__(self, language: str = "de") -> None:
        self.language = lexicon_language(language)
        self.features, self.tagger = _shared(self.language)
        self.rules = self.features.rules
        self.headline = HeadlineChooser(self.features.cues)

    def is_extracted_article(self, texts: Sequence[str]) -> bool:
        """Few lines around the body's prose: an extracted article rather than a whole page."""
        shapes = [self.features.cues.shape(i, 0, t) for i, t in enumerate(texts)]
        first, last = main_prose_run(shapes)
        if last < 0:  # no run of prose: a short text of a few lines is no page either
            return len(texts) <= EXTRACTED_MAX_HEAD + EXTRACTED_MAX_TAIL
        return first <= EXTRACTED_MAX_HEAD and len(texts) - 1 - last <= EXTRACTED_MAX_TAIL

    def classify(
        self,
        text: str,
        context: Sequence[frozenset[str]] | None = None,
        link_density: Sequence[float] | None = None,
        title: str | None = None,
        titles: Sequence[str] = (),
        site: str | None = None,
        description: str | None = None,
    ) -> list[Line]:
        """Roles of the non-blank lines of `text`. `context` and `link_density` (one per
        non-blank line) describe the markup of HTML input; `title` is the page's title, and
        `titles` (og:title, <title>) with `site` find the headline line in the markup, and
        the page's `description` its teaser."""
        spans = []
        offset = 0
        for i, raw in enumerate(text.split("\n")):
            if raw.strip():
                spans.append((i, offset, raw))
            offset += len(raw) + 1
        if not spans:
            return []
        if len(spans) == 1:  # a lone line is a text to read, not a page
            i, start, raw = spans[0]
            return [Line(index=i, role="paragraph", text=raw, start=start, why="the only line")]
        texts = [raw for _, _, raw in spans]
        if context is None and self.is_extracted_article(texts):
            return self.cleaned(self.rules.classify(text), site, self.language)
        xseq = self.features.page(texts, context, link_density, title)
        self.tagger.set(xseq)
        roles = self.tagger.tag()
        labels = self.tagger.labels()
        marginals = Marginals(self.tagger, labels)
        why = ["line model"] * len(roles)
        keep = None
        if context is not None:
            keep = title_line([raw for _, _, raw in spans], context, *titles, site=site, language=self.language)
            if keep is not None:
                roles[keep], why[keep] = "headline", "the page title's line (markup)"
        shapes = [self.features.cues.shape(k, 0, raw) for k, (_, _, raw) in enumerate(spans)]
        first, _ = main_prose_run(shapes)
        title_like = [self.title_like(s) for s in shapes]
        if context is None:  # plain text: the headline chooser weighs the candidates the CRF cannot
            keep = self.headline.choose(shapes, title_like, lambda k: marginals[k]["headline"])
            if keep is not None:
                keep = repeated_title(texts, title_like, keep, first)
                roles[keep], why[keep] = "headline", "the most probable headline candidate"
        one_headline(roles, marginals, why, keep, title_like, first if first < len(shapes) else None)
        if context is None:
            titles_above_the_headline(roles, marginals, why, title_like)
            self.kicker_above_the_headline(roles, marginals, why)
            numbered_subheadings(roles, shapes, why)
        if context is not None and description:
            standfirst(roles, [raw for _, _, raw in spans], description, why)
        if context is not None:
            second_opinion(roles, context, shapes, why)
            other_articles_cards(roles, context, link_density or [0.0] * len(roles), why)
        one_body(roles, [len(raw.split()) for _, _, raw in spans], why)
        if context is not None:
            lead_under_the_headline(roles, context, shapes, why)
        if context is None:  # markup says where the article ends and what its teaser is; plain text needs the conventions
            body_below_the_headline(roles, shapes, why)
            self.body_goes_on(roles, shapes, why)
            body_ends_with_prose(roles, shapes, why)
            if self.language in LEAD_TEASER_LANGUAGES:
                lead_is_teaser(roles, shapes, why)
        if context is None:
            self.subheadings_between_paragraphs(roles, shapes, why)
            self.shop_boxes(roles, shapes, why)
            embedded_posts(roles, shapes, why)
            self.credits_in_the_article(roles, shapes, why)
            self.bylines_away_from_the_article(roles, shapes, why)
            self.announced_lists(roles, shapes, why)
            self.teaser_cards(roles, shapes, why)
        self.bylines_at_the_body(roles, shapes, why)
        self.read_more_blocks(roles, shapes, why)
        if context is None:
            self.comment_section(roles, shapes, why)
        self.author_box(roles, shapes, why)
        return self.cleaned(
            [Line(index=i, role=roles[k], text=raw, start=start, why=why[k]) for k, (i, start, raw) in enumerate(spans)],
            site, self.language,
        )

    def title_like(self, s: Shape) -> bool:
        """Could the line be a headline: a title of 2 to 25 words without a final period, and
        not a credit, byline, date line, link trail, web address, call to the reader or label
        (a headline may name a date: "Contest am 19. August in Dormagen"). A scraped headline
        often ends in its site's name ("… | Beispielzeitung.de"): the address, the separators
        and the link-trail shape are looked for in the line without it."""
        cues = self.features.cues
        own = strip_site_name(s.text, language=self.language)
        return (2 <= s.words <= 25 and not s.bullet and not s.colon_end and not s.text.endswith(".")
                and not s.text.isupper() and not cues.boilerplate_cue(s) and not cues.is_caption(s)
                and not cues.is_byline(s) and not (DATE.search(s.text) and (s.words <= MAX_DATE_LABEL_WORDS or CLOCK.search(s.text)))
                and len(WORD.findall(own)) >= 2 and not BREADCRUMB.match(own)
                and not DOMAIN.search(own) and len(LINK_TRAIL.findall(own)) < 2)

    @staticmethod
    def kicker_above_the_headline(roles: list[str], marginals: Marginals, why: list[str]) -> None:
        """The kicker (Dachzeile) stands over the headline: a line below it that the model calls
        the section ("Zum Shop" in a product box) takes its next most probable role."""
        if "headline" not in roles:
            return
        for k in range(roles.index("headline") + 1, len(roles)):
            if roles[k] == "section":
                roles[k] = max((r for r in marginals[k] if r != "section"), key=lambda r: marginals[k][r])
                why[k] = "under the headline: not its kicker, next most probable role"

    def dated_or_signed(self, s: Shape) -> bool:
        """A byline's shape: a date line, a reading time or an author, source or agency line."""
        return bool(self.features.cues.is_byline(s) or DATE_LINE.match(s.text) or READING_TIME.search(s.text))

    def bylines_at_the_body(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """Dates ("Stand: …"), reading times, "Von …", source and agency lines and an author's
        name alone just above the body, in its first lines (under a teaser read as body) or
        just below it, "Von" alone with the author's name on the next line, "Quelle" alone over a
        byline, and the author's initials (Kürzel)
        below it, are bylines (ANNOTATION.md, "Line roles"), whatever
        role the model gave them."""
        body = [k for k, r in enumerate(roles) if r == "paragraph"]
        if not body:
            return
        head = roles.index("headline") if "headline" in roles else -1
        for k, s in enumerate(shapes):
            near = body[0] - BYLINE_REACH <= k < body[0] + BYLINE_REACH or body[-1] < k <= body[-1] + BYLINE_REACH
            if k < head and self.features.cues.is_author_box_heading(s):
                continue  # "Autoren" in the navigation
            if near and roles[k] not in ("headline", "byline") and s.words <= 12 and (
                self.features.cues.is_byline(s) or DATE_LINE.match(s.text) or READING_TIME.search(s.text)
                or is_name_line(s.text) or self.features.cues.dated_label.match(s.text) or (k > body[-1] and roles[k - 1] in ("paragraph", "byline") and INITIALS.match(s.text))
            ):
                roles[k], why[k] = "byline", "date, reading time or author line at the body"
        for k in range(len(shapes) - 1):
            if self.features.cues.author_intro_alone.match(shapes[k].text) and is_name_line(shapes[k + 1].text):
                for j in (k, k + 1):
                    roles[j], why[j] = "byline", "'Von' and the author's name on the next line"
            elif self.features.cues.source_intro_alone.match(shapes[k].text) and roles[k + 1] == "byline":
                roles[k], why[k] = "byline", "'Quelle' over a byline"

    def body_goes_on(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """The article goes on after a box of other articles: a long sentence of prose close
        below the body's last paragraph is body."""
        cues = self.features.cues
        last = None
        for k, s in enumerate(shapes):
            if roles[k] == "paragraph":
                last = k
            elif (last is not None and k - last <= MAX_BODY_GAP + 1 and roles[k] == "boilerplate" and s.terminal
                  and s.words >= 15 and not cues.boilerplate_cue(s) and not cues.is_caption(s)):
                roles[k], why[k] = "paragraph", "prose close below the body"
                last = k

    def subheadings_between_paragraphs(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """A short title between two paragraphs of the body is a subheading (Zwischenüberschrift),
        unless it is a credit, a byline, a date or a furniture cue; titles announced by a "read
        more" line are boxes (`read_more_blocks` runs after this)."""
        cues = self.features.cues
        for k in range(1, len(roles) - 1):
            s = shapes[k]
            if (roles[k] == "boilerplate" and roles[k - 1] == "paragraph" and roles[k + 1] == "paragraph"
                    and s.heading_like and s.words <= MAX_SUBHEADING_WORDS and not cues.boilerplate_cue(s)
                    and not cues.is_caption(s) and not cues.is_byline(s) and not DATE.search(s.text)):
                roles[k], why[k] = "subheading", "a short title between two paragraphs"

    def shop_boxes(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """An affiliate or price box between two lines of prose: when its links ("Zum Shop", "Bei
        Amazon") recur, the box's other lines (its title, column heads, product names and prices)
        are furniture too, up to its last link."""
        cues = self.features.cues
        start = 0
        links: list[int] = []
        for k, s in enumerate(shapes + [None]):
            if s is None or s.paragraph_like:
                if len(links) >= 2:
                    for j in range(start, links[-1] + 1):
                        if roles[j] != "boilerplate":
                            roles[j], why[j] = "boilerplate", "in a shop box (product names, prices, links)"
                start, links = k + 1, []
            elif cues.boilerplate_cue(s) == "shop":
                links.append(k)

    def teaser_cards(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """Other articles announced as cards: a kicker label, a title and one sentence of prose
        (then perhaps a "weiterlesen" or date line), one card after another. Two or more cards
        in a row are furniture, however much their sentences read like body; the article's own
        kicker, headline and teaser make one card, never a row."""
        cues = self.features.cues

        def card_at(k: int) -> int | None:
            """The line after the card starting at `k`, or None."""
            if k + 2 >= len(shapes) or not is_label(shapes[k]) or not self.title_like(shapes[k + 1]) \
                    or not shapes[k + 2].paragraph_like:
                return None
            end = k + 3
            while end < len(shapes) and end - k < CARD_LINES and roles[end] == "boilerplate" and (
                    cues.boilerplate_cue(shapes[end]) or not (shapes[end].terminal or is_label(shapes[end]))):
                end += 1
            return end

        k = 0
        while k < len(shapes):
            cards = []
            at = k
            while (end := card_at(at)) is not None:
                cards.append((at, end))
                at = end
            if len(cards) >= 2 and "headline" not in roles[cards[0][0]:cards[-1][1]]:
                for j in range(cards[0][0], cards[-1][1]):
                    if roles[j] != "boilerplate":
                        roles[j], why[j] = "boilerplate", "a row of other articles' cards (kicker, title, sentence)"
            k = at + 1 if cards else k + 1

    def bylines_away_from_the_article(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """A byline belongs to its article: date and author lines far below the body's last
        paragraph, or above the headline and far from the body, are those of other articles'
        teasers or of readers' comments; only the article's own dated label ("Veröffentlicht am
        …", "Stand: …") is its wherever it stands (an author box is found again by its heading
        and the author's name, `author_box`)."""
        body = [k for k, r in enumerate(roles) if r == "paragraph"]
        if not body:
            return
        head = min(roles.index("headline") if "headline" in roles else body[0], body[0] - BYLINE_REACH)
        for k, role in enumerate(roles):
            if role == "byline" and (k > body[-1] + BYLINE_REACH or k < head) \
                    and not self.features.cues.dated_label.match(shapes[k].text):
                roles[k], why[k] = "boilerplate", "a byline far from the article"

    def announced_lists(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """A clause of the body that ends in a colon ("Hier die genauen Maße:", "So sieht der
        Zeitplan aus:") announces a list: its items, the short lines after it up to the next
        line of prose, are body too (paragraphs), not furniture, bylines or subheadings."""
        cues = self.features.cues
        for k, s in enumerate(shapes):
            if roles[k] != "paragraph" or not s.colon_end:
                continue
            for j in range(k + 1, min(len(shapes), k + 1 + MAX_LIST_ITEMS)):
                item = shapes[j]
                if item.paragraph_like or roles[j] in ("paragraph", "headline") or cues.boilerplate_cue(item) \
                        or cues.is_caption(item) or item.words > MAX_SUBHEADING_WORDS:
                    break
                roles[j], why[j] = "paragraph", "an item of a list the body announces with a colon"

    def credits_in_the_article(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """A line with a photo credit ("Foto: …", "© …", "(Bild: …)") between the headline and the
        body's last paragraph belongs to an image of the article: a caption (ANNOTATION.md: a
        caption with or without its credit)."""
        body = [k for k, r in enumerate(roles) if r == "paragraph"]
        if not body:
            return
        start = roles.index("headline") if "headline" in roles else body[0]
        for k in range(start + 1, body[-1]):
            if roles[k] not in ("caption", "byline") and self.features.cues.is_caption(shapes[k]) \
                    and self.features.cues.boilerplate_cue(shapes[k]) is None:
                roles[k], why[k] = "caption", "a photo credit inside the article"

    def comment_section(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """Readers' comments follow the article: from a comments heading ("Kommentare (4)", "12
        Kommentare") with most of the body's words above it on, names, dates and comment texts
        are furniture, not the article's bylines or body (the author box, found after this by the
        author's name, may stand under a comment count). (A "Kommentieren" button in the share
        bar under the headline has the body below it.)"""
        words = [s.words if r == "paragraph" else 0 for s, r in zip(shapes, roles)]
        total, above = sum(words), 0
        start = None
        for k, s in enumerate(shapes):
            if above > total / 2 and self.features.cues.boilerplate_cue(s) == "comments":
                start = k
                break
            above += words[k]
        if start is None:
            return
        for k in range(start, len(roles)):
            if roles[k] != "boilerplate":
                roles[k], why[k] = "boilerplate", "in the comment section after the article"

    def read_more_blocks(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """After a "Lesen Sie auch" / "Mehr zum Thema" line, the titles it announces (lines that
        are not prose) are links to other articles, up to the next sentence of prose or the
        heading of an author box ("Über den Autor" is no other article's title). A link followed
        by a date, reading time or author line ("weiterlesen" under the article's teaser, then
        "5 Minuten", "von …") announces no titles."""
        cues = self.features.cues
        in_block = False
        for k, s in enumerate(shapes):
            if cues.boilerplate_cue(s) == "related":
                in_block = k + 1 < len(shapes) and not self.dated_or_signed(shapes[k + 1])
            elif in_block and not s.paragraph_like and not cues.is_author_box_heading(s):
                if roles[k] not in ("boilerplate", "headline"):
                    roles[k], why[k] = "boilerplate", "a title announced by a 'read more' line"
            else:
                in_block = False

    def author_box(self, roles: list[str], shapes: list[Shape], why: list[str]) -> None:
        """The author named in a byline ("Von Hanna Petersen", or the name alone) introduces the
        author box: a line that is the name, or begins with it ("Hanna Petersen ist Redakteurin
        …"), is byline; so are a box's heading ("Über den Autor") and the name and biography
        under it (up to AUTHOR_BOX_LINES lines without a furniture cue), and the sentences right
        under the author's name that are not the body's prose ("Redakteur in der Wirtschaft.").
        Above the headline, "Autoren" is an item of the site's navigation."""
        cues = self.features.cues
        head = roles.index("headline") if "headline" in roles else -1
        for k, s in enumerate(shapes):
            if cues.is_author_box_heading(s) and k > head:
                roles[k], why[k] = "byline", "the author box's heading"
                for j in range(k + 1, min(len(shapes), k + 1 + AUTHOR_BOX_LINES)):
                    if shapes[j].words > MAX_BIO_WORDS or cues.boilerplate_cue(shapes[j]) or roles[j] == "headline":
                        break
                    roles[j], why[j] = "byline", "under the author box's heading"
        names = {m.group(1) for k, s in enumerate(shapes) if roles[k] == "byline" for m in AUTHOR.finditer(s.text)}
        names |= {s.text for k, s in enumerate(shapes) if roles[k] == "byline" and is_name_line(s.text)}
        if not names:
            return
        first, last = main_prose_run(shapes)
        for k, s in enumerate(shapes):
            if roles[k] not in ("headline", "byline") and s.words <= MAX_BIO_WORDS and not is_post_signature(s) and any(
                s.text == name or s.text.startswith(name + " ") for name in names
            ):
                roles[k], why[k] = "byline", "the byline's author (author box)"
        for k, s in enumerate(shapes):
            if roles[k] == "byline" and s.text in names:
                for j in range(k + 1, min(len(shapes), k + 1 + AUTHOR_BOX_LINES)):
                    bio = shapes[j]
                    if (first <= j <= last and bio.paragraph_like) or roles[j] in ("headline", "byline") or not bio.terminal \
                            or bio.words > MAX_BIO_WORDS or cues.boilerplate_cue(bio):
                        break
                    roles[j], why[j] = "byline", "the author's biography under the name"

    @staticmethod
    def cleaned(lines: list[Line], site: str | None, language: str = "de") -> list[Line]:
        for line in lines:
            if line.role == "headline":
                clean_headline(line, site, language)
        return lines


def clean_headline(line: Line, site: str | None = None, language: str = "de") -> None:
    """The headline line without a site-name part ("… | ZEIT ONLINE"): its text and start
    become those of the headline proper, which stays a substring of the input at `start`."""
    clean = strip_site_name(line.text, site, language)
    if clean and clean != line.text.strip():
        offset = line.text.find(clean)
        if offset >= 0:
            line.start += offset
            line.text = clean
            line.why += ", site name cut"


class Marginals:
    """Per-line role probabilities of the tagged sequence, computed only where asked for."""

    def __init__(self, tagger: pycrfsuite.Tagger, labels: list[str]) -> None:
        self.tagger, self.labels, self.cache = tagger, labels, {}

    def __getitem__(self, k: int) -> dict[str, float]:
        if k not in self.cache:
            self.cache[k] = {label: self.tagger.marginal(label, k) for label in self.labels}
        return self.cache[k]


def lead_is_teaser(roles: list[str], shapes: list[Shape], why: list[str]) -> None:
    """German news pages open with a teaser (Vorspann) under the headline: the first line of
    prose after the headline, with only bylines, captions, a kicker or furniture between them,
    is the teaser rather than the first paragraph."""
    if "headline" not in roles:
        return
    for k in range(roles.index("headline") + 1, len(roles)):
        if roles[k] in ("teaser", "subheading"):
            return
        if roles[k] == "paragraph":
            if shapes[k].words >= MIN_TEASER_WORDS and k + 1 < len(roles) and roles[k + 1] != "teaser":
                roles[k], why[k] = "teaser", "first prose under the headline (Vorspann)"
            return


def second_opinion(roles: list[str], context: Sequence[frozenset[str]], shapes: list[Shape], why: list[str]) -> None:
    """Inside the article (from the headline to the last paragraph), a sentence that
    trafilatura's main text holds ("traf") is body, whatever the model said: two readers of
    the page agree, and losing an article line costs more than keeping a teaser. A page
    with markup has an article: when the model finds no paragraph at all, trafilatura's main
    text below the headline is the body."""
    body = [k for k, r in enumerate(roles) if r == "paragraph"]
    if not body:
        start = roles.index("headline") + 1 if "headline" in roles else 0
        for k in range(start, len(roles)):
            if "traf" in context[k] and roles[k] == "boilerplate":
                roles[k] = "subheading" if "heading" in context[k] else "paragraph"
                why[k] = "trafilatura's main text: the model found no body"
        return
    start = roles.index("headline") if "headline" in roles else body[0]
    for k in range(start + 1, body[-1]):
        if roles[k] == "boilerplate" and "traf" in context[k] and shapes[k].words >= MIN_KEPT_WORDS:
            roles[k], why[k] = "paragraph", "in trafilatura's main text, inside the article"


def lead_under_the_headline(roles: list[str], context: Sequence[frozenset[str]], shapes: list[Shape],
                            why: list[str]) -> None:
    """The article begins under its headline: sentences between the headline and the body
    that trafilatura's main text holds are the article's lead or introduction, however many
    lines of a media player or rating widget stand between them and the body."""
    if "headline" not in roles or "paragraph" not in roles:
        return
    start = roles.index("headline") + 1
    end = next((k for k in range(start, len(roles)) if roles[k] == "paragraph"), start)
    for k in range(start, end):
        if roles[k] == "boilerplate" and "traf" in context[k] and shapes[k].paragraph_like:
            roles[k], why[k] = "paragraph", "a sentence between the headline and the body, in trafilatura's main text"


def other_articles_cards(roles: list[str], context: Sequence[frozenset[str]], link_density: Sequence[float],
                         why: list[str]) -> None:
    """A card of another article set in the page (a box between paragraphs): a heading that is
    wholly a link, and under it a description that ends in a link ("… mehr", "Read more"). The
    article's own headings and paragraphs are not links to elsewhere."""
    for k in range(len(roles) - 1):
        if ("heading" in context[k] and "h1" not in context[k] and roles[k] != "headline"
                and link_density[k] >= CARD_LINK_DENSITY and "heading" not in context[k + 1]
                and "end-link" in context[k + 1] and link_density[k + 1] < CARD_LINK_DENSITY):
            for j in (k, k + 1):
                if roles[j] != "boilerplate":
                    roles[j], why[j] = "boilerplate", "another article's card (linked heading, description ending in a link)"


def standfirst(roles: list[str], texts: list[str], description: str, why: list[str]) -> None:
    """The teaser of a page with markup: the first line after the headline, before the body,
    that says what the page's description (og:description) says."""
    if "headline" not in roles:
        return
    for k in range(roles.index("headline") + 1, min(len(roles), roles.index("headline") + 1 + HEADLINE_WINDOW)):
        if roles[k] == "paragraph" and k > 0 and roles[k - 1] == "paragraph":
            return  # the body has begun
        if len(texts[k].split()) >= 6 and title_similarity(texts[k], description) >= MIN_DESCRIPTION_SIMILARITY:
            roles[k], why[k] = "teaser", "the page description's line (markup)"
            return


def repeated_title(texts: Sequence[str], title_like: Sequence[bool], keep: int, body_start: int) -> int:
    """A title printed twice above the body (in the page's navigation or breadcrumb, then as the
    article's heading) is the headline where it stands last, next to the article. So is a title
    that says the same in other words right under it, with only a date, byline or labels
    between (a page label "Ikigai macht dich glücklicher!" over the headline "Mit der
    Ikigai-Methode wirst du glücklicher")."""
    same = " ".join(texts[keep].split()).casefold()
    later = [k for k in range(keep + 1, min(body_start, len(texts))) if title_like[k] and " ".join(texts[k].split()).casefold() == same]
    if later:
        return later[-1]
    below = next((k for k in range(keep + 1, min(body_start, len(texts))) if title_like[k]), None)
    if below is not None and same_content(stems(texts[keep]), stems(texts[below])) \
            and not any(TERMINAL_SENTENCE.search(texts[j]) for j in range(keep + 1, below)):
        return below
    return keep


def same_content(a: set[str], b: set[str]) -> bool:
    """Two titles say the same: each has at least REPEAT_SHARE of its content words in the other."""
    return min(len(a), len(b)) >= MIN_REPEAT_WORDS and min(overlap(a, b), overlap(b, a)) >= REPEAT_SHARE


def one_headline(roles: list[str], marginals: Marginals, why: list[str], keep: int | None = None,
                 title_like: Sequence[bool] | None = None, body_start: int | None = None) -> None:
    """A page has one headline, and a headline is a title (`title_like`): `keep` (the line the
    markup names) or else the most probable title-like line of those tagged stays, the others
    take their next most probable role; with none tagged, the most probable title-like line
    above the body (`body_start`) or above the first paragraph."""
    eligible = title_like or [True] * len(roles)
    tagged = [k for k, r in enumerate(roles) if r == "headline" and (k == keep or eligible[k])]
    for k, r in enumerate(roles):
        if r == "headline" and k not in tagged:
            roles[k] = max((r for r in marginals[k] if r != "headline"), key=lambda r: marginals[k][r])
            why[k] = "not a title: next most probable role"
    if not tagged:
        starts = {k for k in (body_start, next((k for k, r in enumerate(roles) if r == "paragraph"), None)) if k}
        head = sorted({k for start in starts for k in range(max(0, start - HEADLINE_WINDOW), start) if eligible[k]})
        best = max(head, key=lambda k: marginals[k]["headline"], default=None)
        if best is not None:
            roles[best], why[best] = "headline", "most probable headline above the body"
        return
    if len(tagged) == 1:
        return
    if keep is None:
        keep = max(tagged, key=lambda k: marginals[k]["headline"])
    for k in tagged:
        if k != keep:
            roles[k] = max((r for r in marginals[k] if r != "headline"), key=lambda r: marginals[k][r])
            why[k] = "a second headline candidate: next most probable role"


def titles_above_the_headline(roles: list[str], marginals: Marginals, why: list[str], title_like: Sequence[bool]) -> None:
    """A title above the headline is its kicker or furniture (navigation, other articles'
    titles), not a caption, teaser or body line of the article below it: it takes the more
    probable of the two. Only the page's head counts: up from the headline to the first line of
    prose (a headline chosen inside an article has its subheadings above it). A caption with
    its credit is no title and may stand above."""
    if "headline" not in roles:
        return
    for k in range(roles.index("headline") - 1, -1, -1):
        if roles[k] == "paragraph":
            return
        if title_like[k] and roles[k] not in ABOVE_HEADLINE_ROLES and roles[k] != "byline":
            roles[k] = max(ABOVE_HEADLINE_ROLES, key=lambda r: marginals[k][r])
            why[k] = "a title above the headline: kicker or furniture"


def one_body(roles: list[str], words: list[int], why: list[str]) -> None:
    """The article body is one stretch: body lines are grouped where no more than
    MAX_BODY_GAP other lines separate them, and body lines of groups much smaller than the
    largest become boilerplate."""
    groups: list[list[int]] = []
    last = None
    for k, role in enumerate(roles):
        if role in BODY_ROLES:
            if last is None or k - last > MAX_BODY_GAP + 1:
                groups.append([])
            groups[-1].append(k)
            last = k
    if len(groups) <= 1:
        return
    size = [sum(words[k] for k in g) for g in groups]
    main = max(size)
    for group, n in zip(groups, size):
        if n < MINOR_BODY_SHARE * main:
            for k in group:
                roles[k] = "boilerplate"
                why[k] = "body-like line away from the article body"


def numbered_subheadings(roles: list[str], shapes: list[Shape], why: list[str]) -> None:
    """A listicle's entries: titles numbered 1., 2., 3. … in page order, each followed by prose,
    are the article's subheadings however long they are (a numbered list of short items with no
    prose under each stays body)."""
    heads = []
    for k, s in enumerate(shapes[:-1]):
        m = NUMBERED_HEADING.match(s.text)
        if m and not s.terminal and s.words <= MAX_NUMBERED_HEADING_WORDS and not DATE.match(s.text[m.end() - 1:]) \
                and shapes[k + 1].paragraph_like and int(m.group(1)) == len(heads) + 1:
            heads.append(k)
    if len(heads) < MIN_NUMBERED_HEADINGS:
        return
    for k in heads:
        if roles[k] != "subheading":
            roles[k], why[k] = "subheading", "a numbered entry of a listicle"


def body_below_the_headline(roles: list[str], shapes: list[Shape], why: list[str]) -> None:
    """The article's body stands under its headline: a few body-like lines above it (a
    promotion, another article's teaser in the page's head) are furniture. Only when they are a
    small part (MINOR_BODY_SHARE) of the body below: a headline chosen inside the body leaves it."""
    if "headline" not in roles:
        return
    head = roles.index("headline")
    above = [k for k in range(head) if roles[k] in BODY_ROLES]
    words_below = sum(s.words for k, s in enumerate(shapes) if k > head and roles[k] in BODY_ROLES)
    if above and sum(shapes[k].words for k in above) < MINOR_BODY_SHARE * words_below:
        for k in above:
            roles[k], why[k] = "boilerplate", "body-like line above the headline"


def embedded_posts(roles: list[str], shapes: list[Shape], why: list[str]) -> None:
    """A post embedded in the article (its text, then "— Name (@handle) date") is the article's:
    a quote of its author (ANNOTATION.md), body like the paragraphs around it, not furniture,
    a subheading or a byline; only between the headline and the body's last paragraph."""
    body = [k for k, r in enumerate(roles) if r == "paragraph"]
    if not body or "headline" not in roles:
        return
    for k in range(roles.index("headline") + 2, min(len(roles), body[-1] + 2)):
        if is_post_signature(shapes[k]):
            for j in (k - 1, k):
                if roles[j] != "headline" and (j == k or not is_post_signature(shapes[j])):
                    roles[j], why[j] = "paragraph", "an embedded post and its signature"


def is_post_signature(s: Shape) -> bool:
    return bool(POST_SIGNATURE.match(s.raw))


def body_ends_with_prose(roles: list[str], shapes: list[Shape], why: list[str]) -> None:
    """An article ends with a sentence: short body-like lines after the last line of prose
    the model gave the body (pagination, share buttons, links to other articles) are furniture."""
    prose = [k for k, r in enumerate(roles) if r == "paragraph" and shapes[k].paragraph_like]
    if not prose:
        return
    for k in range(prose[-1] + 1, len(roles)):
        if roles[k] in BODY_ROLES and not shapes[k].paragraph_like:
            roles[k], why[k] = "boilerplate", "short line after the article's last sentence"


@Language.factory("line_classifier", assigns=["doc._.lines"])
def make_line_classifier(nlp: Language, name: str):
    """The first component: sets `doc._.lines` from the raw text, unless the HTML reader has
    already set them from the page's markup. The lexicon cues are those of the pipeline's
    language (`doc.lang_`)."""
    classifier = LineClassifier(nlp.lang)

    def line_classifier(doc: Doc) -> Doc:
        if not doc._.lines:
            doc._.lines = (classifier if doc.lang_ == nlp.lang else LineClassifier(doc.lang_)).classify(doc_text(doc))
        return doc

    return line_classifier
