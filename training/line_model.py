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
from quellenlage.structure.headline_model import MODEL_PATH as HEADLINE_MODEL_PATH
from quellenlage.structure.headline_model import candidate_features, candidates
from quellenlage.structure.lines import LineClassifier

MODEL_PATH = Path(__file__).resolve().parents[1] / "quellenlage" / "structure" / "models" / "lines.crfsuite"
FURNITURE = frozenset({"nav", "footer", "aside", "form", "cls:nav", "cls:share", "cls:cookie", "cls:newsletter",
                       "cls:comment", "cls:ad", "cls:related", "cls:footer", "cls:sidebar"})
BYLINE_CONTEXT = frozenset({"time", "cls:date", "cls:byline", "address"})
WORD = re.compile(r"\w+")
#: A description this long can stand as the teaser under the headline.
MIN_TEASER_WORDS = 8


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


def simulate_scraped(sp: SilverPage, rng: random.Random, others: list[tuple[str, str]] = (),
                     nav: list[str] = ()) -> tuple[list[str], list[str]]:
    """The page as a scraper's text file: the article plus a random selection of its surrounding
    lines in page order, sometimes a site-name suffix on the headline or a kicker above it, a
    block of date and author lines under it, a navigation run above it, and a box of `others`'
    titles (of `others`: title, description) inside the body, and an author box after it."""
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
        if "section" not in out_r and rng.random() < 0.5:
            kicker = topic_words(out_t, out_r, rng) if rng.random() < 0.5 else None
            kickers = [t for t in texts if 1 <= len(t.split()) <= 2 and t[:1].isupper() and len(t) < 25]
            if kicker or kickers:
                out_t.insert(h, kicker or rng.choice(kickers))
                out_r.insert(h, "section")
        h = out_r.index("headline")
        clause = sp.page.description.split(",")[0].split(".")[0].strip()
        if "teaser" not in out_r[h + 1:h + 3] and 3 <= len(clause.split()) <= 10 and rng.random() < 0.2:
            out_t.insert(h + 1, clause)  # a subtitle (Unterzeile) under the headline, part of the teaser
            out_r.insert(h + 1, "teaser")
        if "teaser" not in out_r[h + 1:h + 4] and len(sp.page.description.split()) >= MIN_TEASER_WORDS \
                and sp.page.description not in out_t and rng.random() < 0.6:
            out_t.insert(h + 1, sp.page.description)  # the Vorspann German pages set under the headline
            out_r.insert(h + 1, "teaser")
        if "byline" not in out_r[max(0, h - 3):h + 4] and rng.random() < 0.6:
            with_header_block(out_t, out_r, rng)
        if nav and rng.random() < 0.4:
            with_navigation(out_t, out_r, list(nav), rng)
    if rng.random() < 0.4:
        with_box(out_t, out_r, [t for t, _ in others], rng)
    if rng.random() < 0.2:
        with_author_box(out_t, out_r, rng)
    return out_t, out_r


#: Material for the layouts German scraped text has and the English training pages lack: the
#: date, author and reading-time lines of an article's header, and the lead-ins of boxes that
#: announce other articles. Invented for the simulation; nothing here comes from ../shared/dev.
MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember")
FIRST_NAMES = ("Anna", "Jonas", "Miriam", "Peter", "Lea", "Tobias", "Sabine", "Mehmet", "Julia", "Karl")
LAST_NAMES = ("Berger", "Schmitt", "Yilmaz", "Hoffmann", "Krause", "Neumann", "Wagner", "Vogel", "Lange", "Roth")
AGENCIES = ("dpa", "AFP", "epd", "KNA", "Reuters", "dpa/AFP")
KICKERS = ("Politik", "Wirtschaft", "Digital", "Kultur", "Sport", "Wissen", "Panorama", "Gesundheit", "Auto", "Reise")
BOX_LEADS = ("Lesen Sie auch", "Lesen Sie auch:", "Mehr zum Thema", "Mehr zum Thema:", "Auch interessant",
             "Das könnte Sie auch interessieren", "Weitere Artikel", "Empfehlungen der Redaktion", "Zum Thema")


def header_line(rng: random.Random) -> str:
    """A date, author, agency or reading-time line as German news pages print them under or
    above the headline."""
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2012, 2024)
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return rng.choice([
        f"{d:02d}.{m:02d}.{y}", f"{d}. {MONTH_NAMES[m - 1]} {y}", f"{d}. {MONTH_NAMES[m - 1]} {y}, {clock} Uhr",
        f"{d:02d}.{m:02d}.{y}, {clock} Uhr", f"Aktualisiert am {d:02d}.{m:02d}.{y}", f"Stand: {d:02d}.{m:02d}.{y} {clock} Uhr",
        f"Von {name}", f"Von {name} und {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", name,
        f"Lesezeit: {rng.randint(1, 12)} Min.", f"{rng.randint(1, 12)} Min", f"Quelle: {rng.choice(AGENCIES)}",
        f"{d}. {MONTH_NAMES[m - 1][:3]} {y}", f"{rng.choice(AGENCIES)}", f"vor {rng.randint(1, 23)} Std.",
    ])


def topic_words(texts: list[str], roles: list[str], rng: random.Random) -> str | None:
    """A kicker (Dachzeile) as German pages set it above the headline: the article's topic in
    one to three words, here taken from its own body."""
    body = [t for t, r in zip(texts, roles) if r == "paragraph"]
    if not body:
        return None
    words = re.findall(r"[A-ZÄÖÜ][\w-]+(?:\s+[\w-]+){0,2}", rng.choice(body))
    return rng.choice(words) if words else None


def with_header_block(texts: list[str], roles: list[str], rng: random.Random) -> None:
    """One to three header lines (dates, authors, reading time) under the headline, or under
    the teaser that follows it, as German pages set them."""
    h = roles.index("headline")
    at = h + 1
    if at < len(roles) and roles[at] == "teaser" and rng.random() < 0.5:
        at += 1
    for _ in range(rng.randint(1, 3)):
        texts.insert(at, header_line(rng))
        roles.insert(at, "byline")
        at += 1


def with_box(texts: list[str], roles: list[str], others: list[str], rng: random.Random) -> None:
    """A box announcing other articles between two paragraphs of the body: an optional lead-in,
    one to three titles of other pages, each sometimes with its date."""
    gaps = [k for k in range(1, len(roles)) if roles[k - 1] == "paragraph" and roles[k] == "paragraph"]
    if not gaps or not others:
        return
    at = rng.choice(gaps)
    box = [rng.choice(BOX_LEADS)] if rng.random() < 0.6 else []
    for title in rng.sample(others, min(len(others), rng.randint(1, 3))):
        box.append(title)
        if rng.random() < 0.4:
            box.append(header_line(rng))
    texts[at:at] = box
    roles[at:at] = ["boilerplate"] * len(box)


def with_author_box(texts: list[str], roles: list[str], rng: random.Random) -> None:
    """An author box after the article: the author's name and a sentence about them (bylines)."""
    body = [k for k, r in enumerate(roles) if r == "paragraph"]
    if not body:
        return
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    box = ([rng.choice(("Über den Autor", "Über die Autorin", "Autor", "Autorin"))] if rng.random() < 0.5 else []) + [
        name, f"{name} ist seit {rng.randint(1995, 2022)} Redakteur im Ressort {rng.choice(KICKERS)} und schreibt über "
              f"{rng.choice(('Verkehr', 'Energie', 'Bildung', 'Gesundheit', 'die Region'))}."]
    at = body[-1] + 1
    texts[at:at] = box
    roles[at:at] = ["byline"] * len(box)


def with_navigation(texts: list[str], roles: list[str], words: list[str], rng: random.Random) -> None:
    """A navigation run of one- and two-word lines above the kicker and headline."""
    h = roles.index("headline")
    at = h - 1 if h > 0 and roles[h - 1] == "section" else h
    run = rng.sample(words, min(len(words), rng.randint(3, 10)))
    texts[at:at] = run
    roles[at:at] = ["boilerplate"] * len(run)


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


def simulated(pages: list[SilverPage], copies: int, seed: int) -> list[tuple[SilverPage, list[str], list[str]]]:
    """`copies` simulated scraped texts (page, lines, roles) of every page with a body."""
    rng = random.Random(seed)
    headlines = [(t.text, sp.page.description) for sp in pages for t, r in zip(sp.page.lines, sp.roles) if r == "headline"]
    nav = sorted({t.text for sp in pages for t, r in zip(sp.page.lines, sp.roles)
                  if r == "boilerplate" and 1 <= len(t.text.split()) <= 2 and "nav" in t.context})
    out = []
    for sp in pages:
        if sum(r == "paragraph" for r in sp.roles) < 2:
            continue
        own = {t.text for t, r in zip(sp.page.lines, sp.roles) if r == "headline"}
        for _ in range(copies):
            t, r = simulate_scraped(sp, rng, [x for x in headlines if x[0] not in own], nav)
            if t:
                out.append((sp, t, r))
    return out


def sequences(pages: list[SilverPage], copies: int, seed: int, markup: bool = True) -> list[tuple[list[list[str]], list[str]]]:
    """Feature sequences and silver roles of every page: with its markup, and `copies` times as
    simulated scraped text."""
    feats = PageFeatures(Cues())
    out = []
    if markup:
        for sp in pages:
            if sum(r == "paragraph" for r in sp.roles) >= 2:
                out.append((feats.page([line.text for line in sp.page.lines], [line.context for line in sp.page.lines],
                                       [line.link_density for line in sp.page.lines], sp.page.og_title or sp.page.title),
                            sp.roles))
    out += [(feats.page(t), r) for _, t, r in simulated(pages, copies, seed)]
    return out


def train(seqs, path: Path, c1: float, c2: float, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in seqs:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def headline_items(texts: list[tuple[list[str], list[str]]]) -> list[tuple[list[str], str]]:
    """One item per headline candidate of each simulated text: its features and whether it is
    the silver headline."""
    classifier = LineClassifier()
    cues = classifier.features.cues
    items = []
    for t, r in texts:
        shapes = [cues.shape(k, 0, x) for k, x in enumerate(t)]
        ks = candidates(shapes, [classifier.title_like(s) for s in shapes])
        for k, f in zip(ks, candidate_features(shapes, cues, ks)):
            items.append((f, "headline" if r[k] == "headline" else "other"))
    return items


def train_headline(items: list[tuple[list[str], str]], path: Path, c1: float, c2: float) -> None:
    """The headline chooser: a maximum-entropy classifier (one-item CRF sequences)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for f, y in items:
        trainer.append([f], [y])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 200, "feature.minfreq": 2})
    trainer.train(str(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--headline-out", type=Path, default=HEADLINE_MODEL_PATH)
    ap.add_argument("--copies", type=int, default=4, help="scraped-text simulations per page")
    ap.add_argument("--headline-copies", type=int, default=12, help="simulations per page for the headline chooser")
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
    items = headline_items([(t, r) for _, t, r in simulated(pages, args.headline_copies, args.seed + 1)])
    train_headline(items, args.headline_out, args.c1, args.c2)
    print(f"wrote {args.headline_out} ({len(items)} candidates, {args.headline_out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
