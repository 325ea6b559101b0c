"""`LineRules`: line roles from general line features alone, the classifier before the model.

A line's role follows from its shape (length, final punctuation, bullet), what it says to the
reader (imperative "Melden Sie sich…", "unser Newsletter"), lexicon cues, and its position
relative to the body (before the first body paragraph: section, headline, caption, teaser;
after the last: byline and footer). The line model (`lines.py`) reads these roles as features:
they carry German newsroom conventions the silver training pages, mostly English, cannot teach.
"""

from __future__ import annotations

from quellenlage.schema import Line
from quellenlage.structure.cues import BREADCRUMB, DATE_LINE, Cues, Shape
from quellenlage.structure.headline import strip_site_name


#: A label of a navigation run or a kicker: a title of at most this many words.
MAX_LABEL_WORDS = 3


def is_label(s: Shape) -> bool:
    """A short title: a navigation item or a kicker (Dachzeile), not a headline."""
    return s.words <= MAX_LABEL_WORDS and s.heading_like and not s.bullet


class LineRules:
    """The rule roles of ANNOTATION.md section 1."""

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues or Cues()

    def classify(self, text: str) -> list[Line]:
        """Roles by the rules alone, as lines of the text."""
        shapes: list[Shape] = []
        offset = 0
        for i, raw in enumerate(text.split("\n")):
            if raw.strip():
                shapes.append(self.cues.shape(i, offset, raw))
            offset += len(raw) + 1
        return [Line(index=s.index, role=role, text=s.raw, start=s.start, why=why)
                for s, (role, why) in zip(shapes, self.roles(shapes))]

    def roles(self, shapes: list[Shape]) -> list[tuple[str, str]]:
        """The (role, why) of each of the non-blank lines' shapes, in order (the line model
        takes the roles as features)."""
        if not shapes:
            return []
        if len(shapes) == 1:  # a lone line is a text to read, not a page
            return [("paragraph", "the only line")]
        roles: dict[int, tuple[str, str]] = {}
        cues = {s.index: self.cues.boilerplate_cue(s) for s in shapes}

        body = [s for s in shapes if s.paragraph_like and not s.bullet and not cues[s.index] and not self.cues.is_caption(s)]
        first_body = body[0].index if body else shapes[-1].index + 1
        last_body = body[-1].index if body else -1

        # Before the body: section, headline, caption, teaser.
        head = [s for s in shapes if s.index < first_body]
        headline_seen = False
        for k, s in enumerate(head):
            cue = cues[s.index]
            if cue:
                roles[s.index] = ("boilerplate", cue)
            elif self.cues.is_caption(s) and headline_seen:
                roles[s.index] = ("caption", "credit")
            elif self.cues.is_byline(s) and headline_seen:
                roles[s.index] = ("byline", "byline shape")
            elif DATE_LINE.match(s.text):
                roles[s.index] = ("boilerplate", "date line")
            elif BREADCRUMB.match(strip_site_name(s.text, language=self.cues.language)) and not s.terminal:
                role = "boilerplate" if headline_seen else "section"
                roles[s.index] = (role, "breadcrumb")
            elif not headline_seen:
                nxt = next((h for h in head[k + 1:] if not cues[h.index]), None)
                if is_label(s) and nxt is not None and is_label(nxt):
                    roles[s.index] = ("boilerplate", "a run of short labels (navigation)")
                elif is_label(s) and nxt is not None and nxt.words > s.words and not nxt.bullet:
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
            if self.cues.is_byline(s):
                roles[s.index] = ("byline", "byline shape")
                byline_seen = True
            elif self.cues.is_caption(s) and not s.paragraph_like:
                roles[s.index] = ("caption", "credit")
            elif s.index > last_body and (byline_seen or s.words <= 3) and not s.paragraph_like:
                roles[s.index] = ("boilerplate", "short line after the article")
            elif s.heading_like and not s.bullet:
                roles[s.index] = ("subheading", "title-like line inside the body")
            elif s.text.endswith("?") and s.words <= 12 and not s.bullet:
                roles[s.index] = ("subheading", "short question line inside the body")
            else:
                roles[s.index] = ("paragraph", "body text")

        return [roles[s.index] for s in shapes]
