"""Train the line-role model (`make line-model`) on silver labels read off the web's own markup.

Recipe:
1. Every HTML page of the data folder that is not a measuring page is rendered as reader-view
   lines (`quellenlage.ingest.dom.render_page`, the way ../shared/dev/README.md describes).
   Pages: the 181 of article-extraction-benchmark, whose reference bodies say which lines are
   the article. The only other HTML of the data folder, trafilatura-eval's cache-de-news, is
   excluded as a whole: ../shared/dev is built from 24 of its 28 pages.
2. Each line gets a silver role from its DOM context (`silver_roles`): the line best matching
   og:title/<title> (preferring h1) is the headline; lines the page's reference body contains
   are paragraphs (h2–h6 among them subheadings, figcaptions captions); near the article,
   figcaption → caption, time/date/author markup → byline, a table inside the body → paragraph, the og:description or a standfirst
   class after the headline → teaser, a kicker class or the leading part of the headline's
   heading → section; everything else (nav, header, footer, aside, forms, link lists, share,
   cookie and newsletter widgets, teasers of other articles) → boilerplate.
   The markup features of each line include whether trafilatura's main text holds it
   (`with_main_text_marks`), as at run time.
3. Each page is a training sequence twice over: once with its markup features (the HTML path)
   and, several times, as scraped text without markup (`simulate_scraped`): the article with a
   random selection of the surrounding lines in page order, sometimes a site-name suffix on
   the headline, sometimes a kicker line above it.
4. A linear-chain CRF (python-crfsuite, L-BFGS with L1+L2) is trained on all sequences and
   written to quellenlage/structure/models/lines.crfsuite.

Run: `QL_DATA=../shared/data python training/line_model.py` (see `--help`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from quellenlage.ingest.dom import DomLine, Page, render_page
from quellenlage.ingest.html import with_main_text_marks
from quellenlage.ingest.text import decode_bytes
from quellenlage.structure.cues import Cues
from quellenlage.structure.features import CLOCK, DATE, READING_TIME, RELATIVE_TIME, PageFeatures, title_similarity
from quellenlage.structure.headline import strip_site_name, title_line

MODEL_PATH = Path(__file__).resolve().parents[1] / "quellenlage" / "structure" / "models" / "lines.crfsuite"
FURNITURE = frozenset({"nav", "footer", "aside", "form", "cls:nav", "cls:share", "cls:cookie", "cls:newsletter",
                       "cls:comment", "cls:ad", "cls:related", "cls:footer", "cls:sidebar"})
BYLINE_CONTEXT = frozenset({"time", "cls:date", "cls:byline", "address"})
WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    return " ".join(w.lower() for w in WORD.findall(text))


@dataclass
class SilverPage:
    name: str
    page: Page
    roles: list[str]
    site: str


def training_pages(data: Path) -> list[tuple[str, str, str, str]]:
    """(name, html, reference body, url) of every training page (article-extraction-benchmark)."""
    out = []
    root = data / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = decode_bytes(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), key)
        out.append((key, html, truth[key].get("articleBody") or "", truth[key].get("url") or ""))
    return out


def silver_roles(page: Page, body: str) -> list[str]:
    """One role per rendered line from its markup and the page's reference body (see module doc)."""
    lines = page.lines
    body_norm = " " + norm(body) + " "
    body_lines = {norm(b) for b in body.split("\n") if b.strip()}

    def in_body(line: DomLine) -> bool:
        n = norm(line.text)
        if not n:
            return False
        return n in body_lines or (len(n.split()) >= 4 and f" {n} " in body_norm)

    inside = [in_body(line) for line in lines]
    headline = title_line([line.text for line in lines], [line.context for line in lines], page.og_title, page.title,
                          site=page.site)
    prose = [i for i, line in enumerate(lines) if inside[i] and "heading" not in line.context]
    if not prose:
        return ["boilerplate"] * len(lines)
    first, last = prose[0], prose[-1]
    top = min(first, headline if headline is not None else first)
    cues = Cues()
    roles = []
    for i, line in enumerate(lines):
        ctx = line.context
        words = len(line.text.split())
        near = top - 3 <= i <= last + 3
        shape = cues.shape(i, 0, line.text)
        furniture = bool(ctx & FURNITURE) or cues.boilerplate_cue(shape) is not None or line.link_density > 0.6
        dated = bool(DATE.search(line.text) or CLOCK.search(line.text) or RELATIVE_TIME.search(line.text)
                     or READING_TIME.search(line.text))
        header = headline is not None and headline < i < first and i - headline <= 6
        if i == headline:
            role = "headline"
        elif inside[i] and first <= i <= last or inside[i] and i > (headline or -1):
            if "heading" in ctx and words <= 20:
                role = "subheading"
            elif ctx & {"figcaption", "cls:caption"}:
                role = "caption"
            elif i < first and words >= 6:
                role = "teaser"
            else:
                role = "paragraph"
        elif not near:
            role = "boilerplate"
        elif (ctx & {"figcaption", "cls:caption"} or cues.is_caption(shape)) and not ctx & FURNITURE:
            role = "caption"
        elif header and not furniture and (ctx & BYLINE_CONTEXT or cues.is_byline(shape) or dated) and words <= 20:
            role = "byline"
        elif header and not furniture and words >= 6 and shape.terminal and "figure" in ctx:
            role = "caption"
        elif header and not furniture and words >= 6 and (
            title_similarity(line.text, page.description) >= 0.7 or "cls:standfirst" in ctx or shape.terminal
        ):
            role = "teaser"
        elif ctx & BYLINE_CONTEXT and not ctx & (FURNITURE - {"footer"}) and (words <= 20 or "cls:byline" in ctx and words <= 80):
            role = "byline"
        elif last < i <= last + 3 and (cues.is_byline(shape) or shape.text.lower().startswith(("source:", "quelle:"))):
            role = "byline"
        elif headline is not None and headline - 2 <= i < headline and ctx & {"cls:kicker", "heading-lead"}:
            role = "section"
        elif headline is not None and i == headline - 1 and words <= 3 and not furniture and not dated:
            role = "section"
        elif "heading" in ctx and first < i < last and not ctx & FURNITURE and words <= 20 and line.link_density < 0.5:
            role = "subheading"
        elif "table" in ctx and first < i < last and not furniture:
            role = "paragraph"  # a table in the article is part of its body
        else:
            role = "boilerplate"
        roles.append(role)
    return roles


def as_read(lines: list[DomLine], roles: list[str]) -> list[str]:
    """The silver roles as a reader of the text alone assigns them (../shared/dev was annotated
    from the text): in the body, a short line without final punctuation is a subheading and a
    sentence a paragraph, whatever tags the site used; table cells and list items stay body."""
    cues = Cues()
    out = list(roles)
    for i, (line, role) in enumerate(zip(lines, roles)):
        text = line.text
        if role in ("paragraph", "subheading") and not line.context & {"table", "li"}:
            s = cues.shape(i, 0, text)
            out[i] = "subheading" if s.heading_like and s.words <= 15 and not s.bullet else "paragraph"
    return out


def simulate_scraped(sp: SilverPage, rng: random.Random) -> tuple[list[str], list[str]]:
    """The page as a scraper's text file: the article plus a random selection of its surrounding
    lines in page order, sometimes a site-name suffix on the headline or a kicker above it."""
    texts = [line.text for line in sp.page.lines]
    roles = as_read(sp.page.lines, sp.roles)
    article = [i for i, r in enumerate(roles) if r != "boilerplate"]
    if not article:
        return [], []
    lo, hi = article[0], article[-1]
    keep = [lo <= i <= hi for i in range(len(texts))]
    i = 0
    while i < len(texts):  # runs of surrounding lines: each kept whole or in part, or dropped
        if keep[i]:
            i += 1
            continue
        j = i
        while j < len(texts) and not keep[j] and not (lo <= j <= hi):
            j += 1
        if rng.random() < 0.5:
            start = rng.randint(i, j - 1)
            for m in range(start, min(j, start + rng.randint(1, 15))):
                keep[m] = True
        i = j
    out_t = [t for t, k in zip(texts, keep) if k]
    out_r = [r for r, k in zip(roles, keep) if k]
    if "headline" in out_r:
        h = out_r.index("headline")
        if sp.site and rng.random() < 0.3:
            sep = rng.choice([" | ", " - ", " – ", " :: "])
            out_t[h] = out_t[h] + sep + sp.site
        if "section" not in out_r and rng.random() < 0.3:
            kickers = [t for t in texts if 1 <= len(t.split()) <= 2 and t[:1].isupper() and len(t) < 25]
            if kickers:
                out_t.insert(h, rng.choice(kickers))
                out_r.insert(h, "section")
    return out_t, out_r


def site_name(page: Page, url: str) -> str:
    title = page.og_title or page.title
    stripped = strip_site_name(title)
    if stripped != title:
        rest = title[len(stripped):].strip(" |–—-:·•»")
        if rest:
            return rest
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    return host


def build(data: Path) -> list[SilverPage]:
    pages = []
    for name, html, body, url in training_pages(data):
        page = render_page(html)
        if not page.lines:
            continue
        for line, ctx in zip(page.lines, with_main_text_marks(html, page.lines)):
            line.context = ctx
        pages.append(SilverPage(name, page, silver_roles(page, body), site_name(page, url)))
    return pages


def sequences(pages: list[SilverPage], copies: int, seed: int, markup: bool = True) -> list[tuple[list[list[str]], list[str]]]:
    rng = random.Random(seed)
    feats = PageFeatures(Cues())
    out = []
    for sp in pages:
        if sum(r == "paragraph" for r in sp.roles) < 2:
            continue
        texts = [line.text for line in sp.page.lines]
        title = sp.page.og_title or sp.page.title
        if markup:
            out.append((feats.page(texts, [line.context for line in sp.page.lines],
                                   [line.link_density for line in sp.page.lines], title), sp.roles))
        for _ in range(copies):
            t, r = simulate_scraped(sp, rng)
            if t:
                out.append((feats.page(t), r))
    return out


def train(seqs, path: Path, c1: float, c2: float, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in seqs:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--copies", type=int, default=4, help="scraped-text simulations per page")
    ap.add_argument("--c1", type=float, default=1.0)
    ap.add_argument("--c2", type=float, default=0.02)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-markup", action="store_true", help="train on the scraped-text simulations only")
    ap.add_argument("--dump", type=Path, help="write the silver pages as text + roles here, to read them")
    args = ap.parse_args(argv)
    if not (args.data / "article-extraction-benchmark").is_dir():
        print(f"no data in {args.data}", file=sys.stderr)
        return 2
    t0 = time.time()
    pages = build(args.data)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for sp in pages:
            (args.dump / f"{sp.name[:16]}.tsv").write_text(
                "\n".join(f"{r}\t{line.text[:150]}" for r, line in zip(sp.roles, sp.page.lines)), encoding="utf-8")
    seqs = sequences(pages, args.copies, args.seed, markup=not args.no_markup)
    print(f"{len(pages)} pages, {len(seqs)} sequences, {sum(len(y) for _, y in seqs)} lines ({time.time() - t0:.0f} s)")
    train(seqs, args.out, args.c1, args.c2, args.iterations)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB, {time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
