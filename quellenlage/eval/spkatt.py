"""`quellenlage eval-spkatt DIR`: measure quote finding on SpkAtt-2023 (German Wikinews with gold
speaker attribution; CC BY-NC-SA, used here for measurement and error analysis only).

The corpus comes as tokens, so each article is first turned back into the plain text a reader
would paste in, with a map from every token to its characters; predictions are then mapped back
to tokens by character overlap and compared with the gold Message, Source and Cue spans.

Text layout (the data has no paragraph information): the title from `DocumentName` is the first
line (predictions there map to no token and are not scored); the body follows after a blank
line in paragraphs of `PARA_SENTENCES` sentences separated by blank lines, extended while a
quote or bracket is open or a sentence ends unfinished or in a colon (up to
`MAX_PARA_SENTENCES`); a short sentence without final punctuation ("Hintergrund", "Quellen") is
a heading on its own line.
Paragraphs rather than one sentence per line, because that is what news text looks like and
what the line-role and quote rules are built for (quotes and reported speech run across
sentences); short paragraphs rather than one block, so that paragraph-scoped rules do not see a
whole article as one paragraph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError
from ..schema import Analysis, Quote, TextSpan
from .metrics import (
    PRF,
    AnalyzeMany,
    DocErrors,
    Example,
    Ratio,
    Span,
    greedy_match,
    overlaps,
    pct,
    print_partial_and_worst,
    resolve_analyze_many,
    run_report,
)

TokenId = tuple[int, int]  # (SentenceId, token index)

FORM_KIND = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "FreeIndirect": "indirect",
    "Reported": "indirect",
}
# The forms our scheme must find; FreeIndirect and Reported (and nested annotations) are only
# reported for information and shield overlapping predictions from counting as false positives.
SCORED_FORMS = ("Direct", "Indirect", "IndirectFreeIndirect")
INFO_ROWS = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported", "nested")
MIN_MESSAGE_COVERAGE = 0.5
PARA_SENTENCES = 3
MAX_PARA_SENTENCES = 8
HEADING_MAX_TOKENS = 6
EXAMPLES_SHOWN = 3

_CLOSING_CHARS = set(",.;:!?)]}“”‘’…%")
_OPENING_CHARS = set("„([{‚")
# Quote marks that open and close with the same character: they alternate within a paragraph,
# and one also closes an open „ or ‚ (mixed marks occur: „Tod dem Diktator "). "''" is the
# Wikinews markup remnant used like '"'; » and « are paired either way round.
_AMBIGUOUS = {'"': '"', "''": '"', "»": "»", "«": "»", "'": "'"}
_QUOTE_MARKS = {"„", "‚", "“", "”", "‘", *_AMBIGUOUS}
_BRACKETS = {"(", ")", "[", "]"}
_APOSTROPHE = "’"  # "O ’ Keefe" → "O’Keefe"
_DOC_NAME = re.compile(r"^\s*\d+\s*-\s*(?P<title>.*?)(?:\s*\(\d{4}-\d{2}-\d{2}\))?\s*$")
_SENTENCE_END = set(".!?;“”\"'»«)…")


def _punct(token: str) -> bool:
    return not any(ch.isalnum() for ch in token)


class _Writer:
    """Builds a text token by token, deciding the space before each token and recording spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.glue = True  # no space before the next token (start of text/line, after an opener)
        self.quotes: list[str] = []  # open quote marks, innermost last
        self.brackets = 0

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def token(self, tok: str) -> Span:
        family = _AMBIGUOUS.get(tok)
        if family is not None:
            closing = bool(self.quotes) and self.quotes[-1] in (family, "„", "‚")
            opening = not closing
        else:
            closing = _punct(tok) and tok[0] in _CLOSING_CHARS
            opening = _punct(tok) and tok[-1] in _OPENING_CHARS
        if tok in _QUOTE_MARKS:
            if opening:
                self.quotes.append(family or tok)
            elif self.quotes:
                self.quotes.pop()
        elif tok in _BRACKETS:
            self.brackets = max(0, self.brackets + (1 if opening else -1))
        if not (self.glue or closing):
            self.write(" ")
        start = self.pos
        self.write(tok)
        self.glue = opening or tok == _APOSTROPHE
        return start, self.pos

    def paragraph_break(self, separator: str = "\n\n") -> None:
        self.write(separator)
        self.glue = True
        self.quotes.clear()
        self.brackets = 0

    @property
    def depth(self) -> int:
        """Open quotes and brackets: paragraphs do not break inside them."""
        return len(self.quotes) + self.brackets

    def at_sentence_end(self) -> bool:
        """Whether the text so far ends like a finished sentence (a colon announces more)."""
        return bool(self.parts) and self.parts[-1][-1] in _SENTENCE_END

    def text(self) -> str:
        return "".join(self.parts)


def detokenize(tokens: list[str]) -> tuple[str, list[Span]]:
    """German text from tokens as one paragraph, with each token's character span."""
    writer = _Writer()
    spans = [writer.token(tok) for tok in tokens]
    return writer.text(), spans


def _is_heading(tokens: list[str]) -> bool:
    """Short, with words, without final punctuation: "Hintergrund", not a stray "''" sentence."""
    return (
        0 < len(tokens) <= HEADING_MAX_TOKENS
        and tokens[-1][-1] not in _SENTENCE_END | {":"}
        and not all(map(_punct, tokens))
    )


def _closes(tokens: list[str]) -> bool:
    return bool(tokens) and _punct(tokens[0]) and tokens[0][0] in _CLOSING_CHARS


@dataclass
class SpkDoc:
    """One article rebuilt as text: token spans index into `text`."""

    doc_id: str
    title: str
    text: str
    token_spans: dict[TokenId, Span]
    annotations: list[dict]


def build_document(doc_id: str, doc: dict) -> SpkDoc:
    """Rebuild an article's text (layout in the module docstring) with its token → span map."""
    match = _DOC_NAME.match(doc.get("DocumentName", ""))
    title = match.group("title") if match else doc.get("DocumentName", "")
    writer = _Writer()
    if title:
        writer.write(title)
        writer.paragraph_break()
    spans: dict[TokenId, Span] = {}
    in_paragraph = 0
    for sentence in doc["Sentences"]:
        tokens = sentence["Tokens"]
        # a quote or bracket is open, the previous sentence is unfinished, or the data's sentence
        # split cut before a "?" or "“"
        runs_on = writer.depth > 0 or not writer.at_sentence_end() or _closes(tokens)
        heading = _is_heading(tokens) and not (in_paragraph and runs_on)
        full = in_paragraph >= PARA_SENTENCES and (not runs_on or in_paragraph >= MAX_PARA_SENTENCES)
        if in_paragraph and (heading or full):
            writer.paragraph_break()
            in_paragraph = 0
        for index, tok in enumerate(tokens):
            spans[(sentence["SentenceId"], index)] = writer.token(tok)
        in_paragraph += 1
        if heading:
            writer.paragraph_break()
            in_paragraph = 0
    return SpkDoc(doc_id, title, writer.text().rstrip("\n"), spans, doc.get("Annotations", []))


def tokens_in(doc: SpkDoc, span: Optional[Span]) -> set[TokenId]:
    """The tokens a character span touches."""
    if span is None:
        return set()
    return {tid for tid, tok in doc.token_spans.items() if overlaps(span, tok)}


def _ids(refs: list[str]) -> set[TokenId]:
    return {(int(s), int(t)) for s, t in (ref.split(":") for ref in refs)}


def _text_span(span: Optional[TextSpan]) -> Optional[Span]:
    return (span.start, span.end) if span else None


def _snippet(doc: SpkDoc, tokens: set[TokenId], width: int = 100) -> str:
    spans = [doc.token_spans[t] for t in tokens if t in doc.token_spans]
    if not spans:
        return ""
    text = " ".join(doc.text[min(s for s, _ in spans): max(e for _, e in spans)].split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class _Gold:
    form: str
    nested: bool
    message: set[TokenId]
    words: set[TokenId]  # message tokens with a letter or digit: what the 50% rule counts
    source: set[TokenId]
    cue: set[TokenId]

    @property
    def scored(self) -> bool:
        return not self.nested and self.form in SCORED_FORMS

    @property
    def row(self) -> str:
        return "nested" if self.nested else self.form


def _gold(doc: SpkDoc, ann: dict) -> _Gold:
    message = _ids(ann.get("Message", []))
    words = {t for t in message if t in doc.token_spans and not _punct(_token_text(doc, t))}
    return _Gold(
        form=ann["Form"],
        nested=bool(ann.get("IsNested")),
        message=message,
        words=words or message,
        source=_ids(ann.get("Source", [])),
        cue=_ids(ann.get("Cue", [])),
    )


def _token_text(doc: SpkDoc, tid: TokenId) -> str:
    start, end = doc.token_spans[tid]
    return doc.text[start:end]


class SpkattReport(BaseModel):
    """Overall figures. `quotes` has rows direct, indirect (Indirect + IndirectFreeIndirect) and
    all; `recall_by_form` covers every Form among top-level annotations plus the nested ones."""

    documents: int = 0
    quotes: dict[str, PRF] = {"direct": PRF(), "indirect": PRF(), "all": PRF()}
    recall_by_form: dict[str, Ratio] = {row: Ratio() for row in INFO_ROWS}
    source: Ratio = Ratio()
    source_absent_in_gold: int = 0  # matched quotes whose gold has no Source (right iff null)
    cue: Ratio = Ratio()
    cue_absent_in_gold: int = 0  # matched quotes whose gold has no Cue (not scored)
    neutral_predictions: int = 0  # overlap a gold annotation they do not match: not false positives
    wrong_kind: int = 0  # of those, the ones that would match an unmatched annotation but for kind
    outside_predictions: int = 0  # cover no token (e.g. in the title line): not scored
    analyzer_errors: dict[str, list[str]] = {}  # doc id → Analysis.errors, where the analysis is partial
    worst: list[DocErrors] = []


def score_document(doc: SpkDoc, analysis: Analysis, report: SpkattReport) -> DocErrors:
    """Match one article's predictions to its annotations, add the counts to the report and
    return its errors."""
    golds = [_gold(doc, ann) for ann in doc.annotations]
    preds: list[tuple[Quote, set[TokenId]]] = [
        (q, tokens_in(doc, (q.start, q.end))) for q in analysis.quotes
    ]

    def coverage(toks: set[TokenId], g: _Gold) -> float:
        return len(toks & g.words) / len(g.words) if g.words else 0.0

    def candidates(gold_ids: list[int], pred_ids: list[int]) -> list[tuple[float, int, int]]:
        out = []
        for i in pred_ids:
            quote, toks = preds[i]
            for j in gold_ids:
                cov = coverage(toks, golds[j])
                if FORM_KIND[golds[j].form] == quote.kind and cov >= MIN_MESSAGE_COVERAGE:
                    out.append((cov, i, j))
        return out

    all_preds = list(range(len(preds)))
    scored = [j for j, g in enumerate(golds) if g.scored]
    pairs = greedy_match(candidates(scored, all_preds))
    info = [j for j, g in enumerate(golds) if not g.scored]
    info_pairs = greedy_match(candidates(info, [i for i in all_preds if i not in pairs]))
    matched_gold = set(pairs.values()) | set(info_pairs.values())
    any_message = set().union(*(g.message for g in golds))

    errors = DocErrors(doc_id=doc.doc_id, title=doc.title)
    tp = {"direct": 0, "indirect": 0}
    fp = {"direct": 0, "indirect": 0}
    for i, (quote, toks) in enumerate(preds):
        if i in pairs:
            tp[quote.kind] += 1
        elif not toks:
            report.outside_predictions += 1
        elif i in info_pairs or toks & any_message:
            report.neutral_predictions += 1
            report.wrong_kind += any(
                coverage(toks, golds[j]) >= MIN_MESSAGE_COVERAGE and j not in matched_gold for j in scored
            )
        else:
            fp[quote.kind] += 1
            errors.false_positives.append(
                Example(kind=quote.kind, text=_snippet(doc, toks), detail=quote.rule)
            )
    for kind in tp:
        n_gold = sum(1 for j in scored if FORM_KIND[golds[j].form] == kind)
        report.quotes[kind] += PRF(tp=tp[kind], n_pred=tp[kind] + fp[kind], n_gold=n_gold)
    report.quotes["all"] = report.quotes["direct"] + report.quotes["indirect"]

    for j, g in enumerate(golds):
        report.recall_by_form.setdefault(g.row, Ratio()).add(j in matched_gold)
        if g.scored and j not in matched_gold:
            errors.missed.append(Example(kind=g.form, text=_snippet(doc, g.message)))

    for i, j in pairs.items():
        quote, g = preds[i][0], golds[j]
        mention = tokens_in(doc, _text_span(quote.speaker_mention))
        if g.source:
            ok = bool(mention & g.source)
        else:
            report.source_absent_in_gold += 1
            ok = quote.speaker_mention is None
        report.source.add(ok)
        if not ok:
            errors.wrong_sources.append(Example(
                kind=g.form,
                text=_snippet(doc, g.message, 60),
                detail=f"predicted {quote.speaker_mention.text if quote.speaker_mention else None!r}, "
                       f"gold {_snippet(doc, g.source, 40) or None!r}",
            ))
        if g.cue:
            report.cue.add(bool(tokens_in(doc, _text_span(quote.cue)) & g.cue))
        else:
            report.cue_absent_in_gold += 1
    if analysis.errors:
        report.analyzer_errors[doc.doc_id] = analysis.errors
    report.documents += 1
    return errors


def load_spkatt(spkatt_dir: Path, limit: Optional[int] = None) -> list[SpkDoc]:
    """The articles of the folder (or of its one-level subfolders, e.g. `train/`), by file name.

    Raises InputError when there is nothing to read, so that the CLI prints one line.
    """
    if not spkatt_dir.is_dir():
        raise InputError(f"{spkatt_dir}: not a folder")
    files = sorted(spkatt_dir.glob("*.json")) or sorted(spkatt_dir.glob("*/*.json"))
    if not files:
        raise InputError(f"{spkatt_dir}: no SpkAtt *.json files")
    docs = []
    for path in files[:limit]:
        try:
            docs.append(build_document(path.stem, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, KeyError) as err:
            raise InputError(f"{path}: not a SpkAtt article ({err})") from err
    return docs


def evaluate_spkatt(
    spkatt_dir: Path,
    limit: Optional[int] = None,
    worst: int = 10,
    analyze_many: Optional[AnalyzeMany] = None,
) -> SpkattReport:
    """Analyse the articles in one stream and score them; keeps the `worst` documents' errors."""
    docs = load_spkatt(spkatt_dir, limit)
    analyze = resolve_analyze_many(analyze_many)
    report = SpkattReport()
    all_errors = [
        score_document(doc, analysis, report)
        for doc, analysis in zip(docs, analyze(d.text for d in docs), strict=True)
    ]
    report.worst = sorted(all_errors, key=lambda e: -e.errors)[:worst]
    return report


def print_spkatt_report(report: SpkattReport, console: Optional[Console] = None) -> None:
    """The overall table, recall per Form, source and cue accuracy, then the worst documents with
    example misses and false positives."""
    console = console or Console()
    table = Table(title=f"SpkAtt-2023: quotes in {report.documents} articles (%)")
    for col in ("kind", "P", "R", "F1", "matched", "predicted", "gold"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, prf in report.quotes.items():
        table.add_row(kind, pct(prf.precision), pct(prf.recall), pct(prf.f1),
                      str(prf.tp), str(prf.n_pred), str(prf.n_gold))
    console.print(table)

    forms = Table(title="Recall by Form (top-level; nested separately)")
    for col in ("form", "R", "found", "gold"):
        forms.add_column(col, justify="left" if col == "form" else "right")
    for form, ratio in report.recall_by_form.items():
        forms.add_row(form, pct(ratio.value), str(ratio.correct), str(ratio.total))
    console.print(forms)

    console.print(
        f"source accuracy {pct(report.source.value)} ({report.source.correct}/{report.source.total}; "
        f"{report.source_absent_in_gold} without gold Source)   "
        f"cue accuracy {pct(report.cue.value)} ({report.cue.correct}/{report.cue.total}; "
        f"{report.cue_absent_in_gold} without gold Cue)"
    )
    console.print(
        f"[dim]{report.neutral_predictions} predictions overlap a gold annotation they do not match "
        f"(not counted as false positives), {report.wrong_kind} of them cover a missed one but "
        f"have the other kind; {report.outside_predictions} lie outside the tokens (title line)[/]"
    )
    print_partial_and_worst(
        console, report.analyzer_errors, report.worst, kind_width=20, shown=EXAMPLES_SHOWN,
        heading=lambda doc: f"{escape(doc.doc_id)}: {len(doc.missed)} missed, "
        f"{len(doc.false_positives)} false positive(s) — {escape(doc.title)}",
    )


def eval_spkatt_command(
    spkatt_dir: Annotated[Path, typer.Argument(help="folder of SpkAtt-2023 task-2 JSON files")],
    limit: Annotated[Optional[int], typer.Option(help="only the first N articles (quick run)")] = None,
    worst: Annotated[int, typer.Option(help="show the N documents with most errors")] = 10,
    json_out: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
) -> int:
    """Score the analyzer on SpkAtt-2023; returns the exit code (2: unusable input)."""
    return run_report(lambda: evaluate_spkatt(spkatt_dir, limit=limit, worst=worst), print_spkatt_report, json_out)
