"""The three views of an `Analysis`: JSON round-trips, HTML is safe and well-formed, text is readable."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

import pytest

from quellenlage.render import render_html, render_json, render_text
from quellenlage.schema import (
    Analysis,
    Claim,
    HeadlineCheck,
    HeadlineFinding,
    Line,
    LineRole,
    Meta,
    Quote,
    QuoteKind,
    Reaction,
    SensationalWord,
    Source,
    Speaker,
    TextSpan,
    Transparency,
)

ROLES: list[Optional[LineRole]] = ["section", None, "headline", None, "boilerplate", None, "paragraph", None, "paragraph", None, "byline"]
TEXT = "\n".join(
    [
        "Lokales",
        "",
        "Streit um <script>alert(1)</script> & Brücke: Stadt soll Abriss planen",
        "",
        "Artikel teilen: Facebook & X – mehr unter https://example.org/teilen",
        "",
        "Die Stadt will die alte Brücke abreißen, sagte Bürgermeisterin Anna Weber am Montag. "
        "„Das ist ein Fehler & völlig <b>überteuert</b> [bold]“, sagte Anwohner Jonas Krüger. "
        "Laut „Stadtanzeiger“ soll der Bau 40 Millionen Euro kosten.",
        "",
        "Ein Sprecher der Stadt widersprach: Die Kosten seien noch nicht bekannt.",
        "",
        "/dpa",
    ]
)


def span(needle: str, after: int = 0) -> TextSpan:
    """Locate `needle` in TEXT, as the analyzer would report it."""
    start = TEXT.find(needle, after)
    assert start >= 0, needle
    return TextSpan(start=start, end=start + len(needle), text=needle)


def quote(qid: str, kind: QuoteKind, text: str, speaker: Optional[Speaker], cue: Optional[str] = None, via: tuple[str, ...] = ()) -> Quote:
    s = span(text)
    return Quote(
        id=qid,
        kind=kind,
        text=s.text,
        start=s.start,
        end=s.end,
        speaker=speaker,
        speaker_type=speaker.type if speaker else "unknown",
        cue=span(cue, s.start - 30 if s.start > 30 else 0) if cue else None,
        rule="verb" if cue else "",
        via=list(via),
    )


def lines() -> list[Line]:
    out, offset = [], 0
    for i, (raw, role) in enumerate(zip(TEXT.split("\n"), ROLES)):
        if role:
            out.append(Line(index=i, role=role, text=raw, start=offset))
        offset += len(raw) + 1
    return out


WEBER = Speaker(name="Anna Weber", type="person")
KRUEGER = Speaker(name="Jonas Krüger", type="person")
ANZEIGER = Speaker(name="Stadtanzeiger", type="media")
SPRECHER = Speaker(name="ein Sprecher der Stadt", type="anonymous")


def analysis(krueger: Speaker = KRUEGER) -> Analysis:
    """A complete, realistic analysis of TEXT; `krueger` lets a test inject a hostile speaker name."""
    quotes = [
        quote("q1", "indirect", "Die Stadt will die alte Brücke abreißen", WEBER, cue="sagte"),
        quote("q2", "direct", "Das ist ein Fehler & völlig <b>überteuert</b> [bold]", krueger, cue="sagte Anwohner"),
        quote("q3", "indirect", "soll der Bau 40 Millionen Euro kosten", ANZEIGER, cue="Laut"),
        quote("q4", "indirect", "Die Kosten seien noch nicht bekannt", SPRECHER, via=("Stadtanzeiger",)),
    ]
    claim, denial, assertion = span("soll der Bau 40 Millionen Euro kosten"), span("Die Kosten seien noch nicht bekannt"), span("Stadt soll Abriss planen")
    return Analysis(
        id="test-bruecke",
        text=TEXT,
        meta=Meta(site="Stadtanzeiger Online", date="2024-05-06", url="https://example.org/artikel"),
        lines=lines(),
        quotes=quotes,
        sources=[
            Source(name="Anna Weber", type="person", quote_ids=["q1"]),
            Source(name=krueger.name, type="person", quote_ids=["q2"]),
            Source(name="Stadtanzeiger", type="media", quote_ids=["q3"]),
            Source(name="ein Sprecher der Stadt", type="anonymous", quote_ids=["q4"]),
            Source(name="dpa", type="agency"),
        ],
        claims=[
            Claim(
                id="c1",
                text=claim.text,
                start=claim.start,
                end=claim.end,
                source=ANZEIGER,
                status="hedged",
                quote_ids=["q3"],
                reactions=[Reaction(by=SPRECHER, status="disputed", text=denial.text, start=denial.start, end=denial.end, quote_id="q4")],
            )
        ],
        headline_check=HeadlineCheck(
            text=TEXT.split("\n")[2],
            findings=[
                HeadlineFinding(
                    assertion=assertion.text,
                    start=assertion.start,
                    end=assertion.end,
                    verdict="attributed_only",
                    evidence=[span("Die Stadt will die alte Brücke abreißen")],
                    why="only the mayor says so",
                )
            ],
            sensational=[SensationalWord(word="Streit", start=span("Streit").start, end=span("Streit").end, in_body=False)],
        ),
        transparency=Transparency(named_sources=3, anonymous_sources=1, body_sentences=4, attributed_sentences=4, attributed_share=1.0),
        errors=["parser & <tagger> warning"],
    )


class TreeCheck(HTMLParser):
    """Checks that tags balance and collects what the report shows of the article."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.classes: dict[str, str] = {}
        self.article_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            if found["id"] in self.classes:
                self.problems.append(f"duplicate id {found['id']}")
            self.classes[found["id"] or ""] = found.get("class") or ""
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "article" in self.stack and "summary" not in self.stack:
            self.article_text.append(data)


def parse(html: str) -> TreeCheck:
    checker = TreeCheck()
    checker.feed(html)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
    return checker


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_json_round_trips_and_keeps_umlauts() -> None:
    a = analysis()
    out = render_json(a)
    assert Analysis.model_validate_json(out) == a
    assert "Brücke" in out and "\\u00fc" not in out


def test_html_escapes_article_quote_and_speaker_text() -> None:
    hostile = Speaker(name="Jonas <script>Krüger</script> & Sohn", type="person")
    html = render_html(analysis(krueger=hostile))
    assert "<script" not in html.lower()
    assert "<b>überteuert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Brücke" in html
    assert "Fehler &amp; völlig &lt;b&gt;überteuert&lt;/b&gt;" in html
    assert "Jonas &lt;script&gt;Krüger&lt;/script&gt; &amp; Sohn" in html
    assert "parser &amp; &lt;tagger&gt; warning" in html
    parse(html)


def test_html_is_self_contained() -> None:
    html = render_html(analysis())
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(", html, re.I)
    assert "<link" not in html and "<script" not in html.lower()


def test_every_quote_is_highlighted_with_its_kind() -> None:
    a = analysis()
    checker = parse(render_html(a))
    for n, q in enumerate(a.quotes, 1):
        assert f"q-{q.kind}" in checker.classes[f"q-{n}"].split()
    assert "reaction-disputed" in checker.classes["c-1-r-1"]
    assert "evidence" in checker.classes["h-1-e-1"]
    assert squeeze("".join(checker.article_text)) == squeeze(TEXT)


def test_overlapping_and_out_of_range_spans_stay_well_formed() -> None:
    a = analysis()
    outer = span("Die Stadt will die alte Brücke abreißen, sagte Bürgermeisterin Anna Weber am Montag. „Das ist ein Fehler")
    crossing = span("Millionen Euro kosten.\n\nEin Sprecher")  # crosses a line and the end of quote q3
    a.quotes.append(Quote(id="q5", kind="indirect", text=outer.text, start=outer.start, end=outer.end))
    a.quotes.append(Quote(id="q6", kind="direct", text="?", start=len(TEXT) - 2, end=len(TEXT) + 40))
    a.claims.append(Claim(id="c2", text=crossing.text, start=crossing.start, end=crossing.end, status="asserted"))
    checker = parse(render_html(a))
    assert {"q-5", "q-6", "c-2"} <= checker.classes.keys()
    assert squeeze("".join(checker.article_text)) == squeeze(TEXT)


def test_text_view_shows_speakers_counts_and_findings() -> None:
    out = render_text(analysis(), ui_language="en")
    for name in ("Anna Weber", "Jonas Krüger", "Stadtanzeiger", "ein Sprecher der Stadt"):
        assert name in out
    assert "Boilerplate lines removed: 1" in out
    assert "[bold]" in out  # article text is never read as Rich markup
    assert "disputed by ein Sprecher der Stadt" in out
    assert "the headline names its source" in out and "Transparency" in out and "parser & <tagger> warning" in out
    assert "\x1b" not in out
    assert "\x1b[" in render_text(analysis(), color=True)


@pytest.mark.parametrize("a", [Analysis(text=""), Analysis(text="Nur ein Satz ohne Struktur.\nUnd noch einer.")])
def test_minimal_analysis_renders_everywhere(a: Analysis) -> None:
    assert Analysis.model_validate_json(render_json(a)) == a
    checker = parse(render_html(a, ui_language="en"))
    assert squeeze("".join(checker.article_text)) == (squeeze(a.text) or "No text.")
    out = render_text(a, ui_language="en")
    assert "No quotes found." in out and "Boilerplate lines removed: 0" in out
    assert "Claims" not in out and "Transparency" not in out
