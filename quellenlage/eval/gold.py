"""`quellenlage eval GOLD_DIR`: score the analyzer on a folder of ANNOTATION.md gold files.

Every `NAME.txt` with a `NAME.gold.json` beside it is analysed in one `analyze_many` stream and
compared with its gold: line roles, boilerplate, quotes (ANNOTATION.md overlap rule) and their
speakers, sources, and, where the gold has them, claims with reactions and headline verdicts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError
from ..schema import Analysis, Quote
from .claims import ClaimsCheckScores, analyze_with_gold_headline, load_claims_gold, print_claims_report, score_claims_check
from .lines import confusion_table, html_checks, line_scores, print_html_checks
from .matching import ARTICLES, name_words, names_match, normalise_name, source_score, sources_match
from .metrics import (
    PRF,
    AnalyzeMany,
    Ratio,
    Span,
    covered_fraction,
    greedy_match,
    jaccard,
    pct,
    resolve_analyze_many,
    run_report,
    term_overlap,
    word_spans,
    words,
)

QUOTE_KINDS = ("direct", "indirect")
MIN_QUOTE_OVERLAP = 0.5  # share of the gold quote's tokens a prediction must cover (ANNOTATION.md)
MIN_CLAIM_OVERLAP = 0.3  # share of the gold claim's content terms a prediction must contain
MAX_ERRORS_SHOWN = 15


class QuoteError(BaseModel):
    """One quote the analyzer got wrong, kept so that errors can be read, not only counted;
    `category` sorts it among the error kinds ("missed direct: found as indirect")."""

    what: Literal["missed", "false_positive", "wrong_speaker"]
    kind: str
    text: str
    detail: str = ""
    category: str = ""


class FileScores(BaseModel):
    """The figures for one gold file (or, summed, for all of them). Ratios with total 0 mean the
    gold has nothing of that kind (e.g. no claims)."""

    name: str
    lines: Ratio = Ratio()
    boilerplate: PRF = PRF()
    quotes: dict[str, PRF] = {kind: PRF() for kind in (*QUOTE_KINDS, "all")}
    speaker: Ratio = Ratio()
    speaker_end_to_end: Ratio = Ratio()
    speaker_type: Ratio = Ratio()
    source_precision: Ratio = Ratio()  # predicted sources (each name once) that match a gold source
    source_recall: Ratio = Ratio()  # gold sources that a predicted source matches
    source_type: Ratio = Ratio()
    claims: Ratio = Ratio()
    reactions_by: Ratio = Ratio()
    reactions: Ratio = Ratio()
    headline: Ratio = Ratio()
    claims_check: ClaimsCheckScores = ClaimsCheckScores()
    headline_line: Ratio = Ratio()  # the gold headline line predicted as headline
    line_confusion: dict[str, int] = {}  # "gold>predicted" -> lines
    unlocated_quotes: int = 0
    warnings: list[str] = []
    errors: list[QuoteError] = []
    error_kinds: dict[str, int] = {}


class GoldReport(BaseModel):
    files: list[FileScores]
    overall: FileScores


def load_gold_dir(gold_dir: Path) -> list[tuple[str, str, dict]]:
    """(name, text, gold) for every NAME.txt + NAME.gold.json pair, sorted by name.

    Raises InputError for a missing folder, a folder without gold files, or a gold file whose
    text is missing, so that the CLI can print one line instead of a traceback.
    """
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder")
    pairs = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        text_path = gold_dir / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{gold_path}: no {text_path.name} beside it")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise InputError(f"{gold_path}: {err}") from err
        claims_gold = load_claims_gold(gold_dir, name)
        if claims_gold is not None:
            gold = {**gold, "claims_check": claims_gold}
        pairs.append((name, text_path.read_text(encoding="utf-8"), gold))
    if not pairs:
        raise InputError(f"{gold_dir}: no NAME.txt + NAME.gold.json pairs")
    return pairs


def evaluate_gold(
    gold_dir: Path, analyze_many: Optional[AnalyzeMany] = None, gold_headline: bool = False,
    lang: str = "auto",
) -> GoldReport:
    """Analyse every text of the folder in one stream and score it against its gold; with
    `gold_headline`, the gold's headline line is given to the analyzer (claims.py).

    `lang` is the language to analyse in; 'auto' takes each gold file's `lang` where it has one
    (else the text's detected language)."""
    pairs = load_gold_dir(gold_dir)
    if gold_headline:
        golds = [gold for _, _, gold in pairs]
        analyze = lambda texts: analyze_with_gold_headline(texts, golds)  # noqa: E731
    else:
        analyze = resolve_analyze_many(analyze_many or _analyzer_in(lang, [gold.get("lang") for _, _, gold in pairs]))
    analyses = analyze(text for _, text, _ in pairs)
    files = [
        score_file(name, text, gold, analysis)
        for (name, text, gold), analysis in zip(pairs, analyses, strict=True)
    ]
    return GoldReport(files=files, overall=sum_scores(files))


def _analyzer_in(lang: str, declared: list[Optional[str]]) -> AnalyzeMany:
    """The real pipeline in `lang`, or ('auto') in each text's declared gold language."""
    from .. import Settings
    from .. import analyze_many as real
    from ..ingest.article import Article
    from ..lang import get_language

    if lang != "auto":
        get_language(lang)  # an unknown code fails here, as a one-line error
        return lambda texts: real(texts, Settings(language=lang))

    def run(texts: Iterable[str]) -> Iterator[Analysis]:
        articles = (Article(text=t, meta={"language": d} if d else {}) for t, d in zip(texts, declared, strict=True))
        return real(articles, Settings(language="auto"))

    return run


def score_file(name: str, text: str, gold: dict, analysis: Analysis) -> FileScores:
    """All figures for one article."""
    scores = FileScores(name=name)
    _score_lines(scores, gold.get("lines", {}), analysis)
    _score_quotes(scores, gold.get("quotes", []), analysis)
    _score_sources(scores, gold.get("sources", []), analysis)
    _score_claims(scores, gold.get("claims", []), analysis)
    if gold.get("headline_check"):
        _score_headline(scores, gold["headline_check"].get("findings", []), analysis)
    if gold.get("claims_check"):
        scores.claims_check = score_claims_check(gold["claims_check"], analysis)
    if scores.unlocated_quotes:
        scores.warnings.append(
            f"{scores.unlocated_quotes} gold quote(s) not found in the text; scored by word overlap"
        )
    scores.warnings += [f"analyzer: {err}" for err in analysis.errors]
    if analysis.text != text:
        scores.warnings.append("analysis.text differs from the input; gold quotes were located in it")
    return scores


def sum_scores(files: list[FileScores]) -> FileScores:
    """Micro average: the counts of all files added up."""
    total = FileScores(name="overall")
    for f in files:
        for field in ("lines", "boilerplate", "speaker", "speaker_end_to_end", "speaker_type", "source_precision",
                      "source_recall", "source_type",
                      "claims", "reactions_by", "reactions", "headline", "headline_line"):
            setattr(total, field, getattr(total, field) + getattr(f, field))
        total.claims_check = total.claims_check + f.claims_check
        total.line_confusion = dict(Counter(total.line_confusion) + Counter(f.line_confusion))
        total.quotes = {k: total.quotes[k] + f.quotes[k] for k in total.quotes}
        total.unlocated_quotes += f.unlocated_quotes
        for category, n in f.error_kinds.items():
            total.error_kinds[category] = total.error_kinds.get(category, 0) + n
    return total


def _score_lines(scores: FileScores, gold_lines: dict[str, str], analysis: Analysis) -> None:
    """Role accuracy and boilerplate P/R over the lines the gold lists (blank lines are not)."""
    predicted = {line.index: line.role for line in analysis.lines}
    figures = line_scores(gold_lines, predicted)
    scores.line_confusion = {f"{g}>{p}": n for (g, p), n in figures.confusion.items()}
    if gold_lines:
        scores.headline_line.add(figures.headline_found)
    for index, role in gold_lines.items():
        pred = predicted.get(int(index))
        scores.lines.add(pred == role)
        pred_bp, gold_bp = pred == "boilerplate", role == "boilerplate"
        scores.boilerplate += PRF(tp=int(pred_bp and gold_bp), n_pred=int(pred_bp), n_gold=int(gold_bp))


def locate(text: str, quote: str) -> list[list[Span]]:
    """Token spans of every occurrence of a gold quote in the text. Gold quote texts are exact
    substrings; whitespace is matched loosely so a re-wrapped text still locates them."""
    parts = quote.split()
    if not parts:
        return []
    pattern = r"\s+".join(map(re.escape, parts))
    return [word_spans(text, m.start(), m.end()) for m in re.finditer(pattern, text)]


def quote_coverage(pred: Quote, occurrences: list[list[Span]], gold_text: str, text: str) -> float:
    """Share of the gold quote's tokens the prediction covers, at the best occurrence; for a gold
    text not found in the input, the share of its words that the predicted text contains."""
    if occurrences:
        return max(covered_fraction((pred.start, pred.end), occ, text) for occ in occurrences)
    gold_words = set(words(gold_text))
    return len(gold_words & set(words(pred.text))) / len(gold_words) if gold_words else 0.0


def _speaker_name(quote: Quote) -> Optional[str]:
    return quote.speaker.name if quote.speaker else None


def _score_quotes(scores: FileScores, gold_quotes: list[dict], analysis: Analysis) -> None:
    """Per kind, one-to-one matching by overlap; speakers are judged on the matched pairs, and
    end to end over all gold quotes (a missed quote has no right speaker)."""
    located = {id(g): locate(analysis.text, g["text"]) for g in gold_quotes}
    speakers = {g["speaker"] for g in gold_quotes if g.get("speaker")}
    scores.unlocated_quotes += sum(not occ for occ in located.values())
    for kind in QUOTE_KINDS:
        golds = [g for g in gold_quotes if g["kind"] == kind]
        preds = [q for q in analysis.quotes if q.kind == kind]
        candidates = []
        for i, pred in enumerate(preds):
            for j, gold in enumerate(golds):
                cov = quote_coverage(pred, located[id(gold)], gold["text"], analysis.text)
                if cov >= MIN_QUOTE_OVERLAP:
                    candidates.append((cov, i, j))
        pairs = greedy_match(candidates)
        scores.quotes[kind] = PRF(tp=len(pairs), n_pred=len(preds), n_gold=len(golds))
        right = set()
        for i, j in pairs.items():
            pred, gold = preds[i], golds[j]
            ok = names_match(_speaker_name(pred), gold.get("speaker"))
            scores.speaker.add(ok)
            scores.speaker_type.add(pred.speaker_type == gold.get("speaker_type"))
            if ok:
                right.add(j)
            else:
                scores.errors.append(QuoteError(
                    what="wrong_speaker", kind=kind, text=gold["text"],
                    detail=f"predicted {_speaker_name(pred)!r}, gold {gold.get('speaker')!r}",
                    category=speaker_error_kind(_speaker_name(pred), gold.get("speaker"), speakers),
                ))
        for j in range(len(golds)):
            scores.speaker_end_to_end.add(j in right)
        matched_gold = set(pairs.values())
        scores.errors += [
            QuoteError(what="missed", kind=kind, text=g["text"], detail=f"speaker {g.get('speaker')!r}",
                       category=missed_kind(g, located[id(g)], analysis.quotes, analysis.text))
            for j, g in enumerate(golds) if j not in matched_gold
        ]
        scores.errors += [
            QuoteError(what="false_positive", kind=kind, text=p.text,
                       detail=f"speaker {_speaker_name(p)!r}, rule {p.rule!r}",
                       category=f"false {kind}: rule {p.rule or 'none'}")
            for i, p in enumerate(preds) if i not in pairs
        ]
    scores.quotes["all"] = sum((scores.quotes[k] for k in QUOTE_KINDS), PRF())
    for err in scores.errors:
        scores.error_kinds[err.category] = scores.error_kinds.get(err.category, 0) + 1


def speaker_error_kind(pred: Optional[str], gold: Optional[str], gold_speakers: AbstractSet[str] = frozenset()) -> str:
    """Why a matched quote has the wrong speaker, in words that point at the stage to fix:
    speaker choice (another speaker of the article, none) or naming (extra words, a
    description, a name the gold does not use)."""
    if pred is None:
        return "wrong speaker: none given, gold names one"
    if gold is None:
        return "wrong speaker: one given, gold has none"
    pred_words, gold_words = name_words(pred), name_words(gold)
    if gold_words < pred_words:
        return "wrong speaker: gold name plus extra words"
    if any(names_match(pred, other) for other in gold_speakers if other != gold):
        return "wrong speaker: another speaker of the article"
    if pred_words & gold_words:
        return "wrong speaker: overlapping but other name"
    if pred[:1].islower() or pred.split()[0].casefold() in ARTICLES:
        return "wrong speaker: a description, not the gold name"
    return "wrong speaker: a name the gold does not use"


def missed_kind(gold: dict, occurrences: list[list[Span]], preds: list[Quote], text: str) -> str:
    """Why a gold quote found no match: taken for the other kind, found too short, or not at all."""
    kind = gold["kind"]
    best = {k: max((quote_coverage(q, occurrences, gold["text"], text) for q in preds if q.kind == k), default=0.0)
            for k in QUOTE_KINDS}
    other = next(k for k in QUOTE_KINDS if k != kind)
    if best[other] >= MIN_QUOTE_OVERLAP:
        return f"missed {kind}: found as {other}"
    if best[kind] >= MIN_QUOTE_OVERLAP:
        return f"missed {kind}: its prediction matched another gold quote"
    if best[kind] > 0:
        return f"missed {kind}: found under 50 % of it"
    return f"missed {kind}: nothing found"


def _score_sources(scores: FileScores, gold_sources: list[dict], analysis: Analysis) -> None:
    """ANNOTATION.md §5: a predicted source counts when its name matches a gold source's (each
    predicted name once: "die Polizei" and "Polizei" are one source); a gold source is found
    when a predicted one matches it. Types are compared on a one-to-one pairing, same names first."""
    preds = list({normalise_name(s.name): s for s in reversed(analysis.sources)}.values())[::-1]
    golds = [g["name"] for g in gold_sources]
    for pred in preds:
        scores.source_precision.add(any(sources_match(pred.name, g) for g in golds))
    for gold in golds:
        scores.source_recall.add(any(sources_match(p.name, gold) for p in preds))
    candidates = [
        (s, i, j)
        for i, pred in enumerate(preds)
        for j, gold in enumerate(golds)
        if (s := source_score(pred.name, gold)) > 0
    ]
    for i, j in greedy_match(candidates).items():
        scores.source_type.add(preds[i].type == gold_sources[j].get("type"))


def _score_claims(scores: FileScores, gold_claims: list[dict], analysis: Analysis) -> None:
    """Claim recall (same source, and the claim or one of its quotes shares ≥30% of the gold
    claim's content terms) and recall of the gold reactions on matched claims."""
    quotes = {q.id: q.text for q in analysis.quotes}
    candidates = []
    for i, pred in enumerate(analysis.claims):
        pred_source = pred.source.name if pred.source else None
        texts = [pred.text, *(quotes[qid] for qid in pred.quote_ids if qid in quotes)]
        for j, gold in enumerate(gold_claims):
            if not (names_match(pred_source, gold.get("source")) or names_match(gold.get("source"), pred_source)):
                continue
            overlap = max(term_overlap(gold["claim"], t) for t in texts)
            if overlap >= MIN_CLAIM_OVERLAP:
                candidates.append((overlap, i, j))
    matched = {j: analysis.claims[i] for i, j in greedy_match(candidates).items()}
    for j, gold in enumerate(gold_claims):
        scores.claims.add(j in matched)
        pred_reactions = matched[j].reactions if j in matched else []
        for reaction in gold.get("reactions", []):
            by = [r for r in pred_reactions if names_match(r.by.name, reaction["by"])]  # the speaker rule
            scores.reactions_by.add(bool(by))
            scores.reactions.add(any(r.status == reaction["status"] for r in by))


def _score_headline(scores: FileScores, gold_findings: list[dict], analysis: Analysis) -> None:
    """Each gold finding is judged by the predicted finding whose assertion overlaps it most."""
    preds = analysis.headline_check.findings if analysis.headline_check else []
    for gold in gold_findings:
        best = max(preds, key=lambda f: jaccard(gold["assertion"], f.assertion), default=None)
        ok = best is not None and jaccard(gold["assertion"], best.assertion) > 0
        scores.headline.add(ok and best is not None and best.verdict == gold["verdict"])


def print_gold_report(report: GoldReport, console: Optional[Console] = None) -> None:
    """Two tables (quotes; structure, sources and claims) with one row per file and the overall
    row, the error kinds counted, then each file's quote errors so that they can be studied."""
    console = console or Console()
    rows = [*report.files, report.overall] if len(report.files) > 1 else report.files

    quotes = Table(title="Quotes (P / R / F1, %)")
    quotes.add_column("file", overflow="fold")
    for kind in (*QUOTE_KINDS, "all"):
        quotes.add_column(kind, justify="right")
    quotes.add_column("speaker end to end", justify="right")
    quotes.add_column("speaker on matched", justify="right")
    quotes.add_column("speaker type", justify="right")
    for f in rows:
        quotes.add_row(
            escape(f.name),
            *(_prf(f.quotes[k]) for k in (*QUOTE_KINDS, "all")),
            _acc(f.speaker_end_to_end),
            _acc(f.speaker),
            _acc(f.speaker_type),
        )
    console.print(quotes)

    other = Table(title="Lines, sources, claims (%)")
    for col in ("file", "line roles", "boilerplate P / R", "headline line", "sources P / R", "source type",
                "claims R", "reactions by", "reactions by+status", "headline"):
        other.add_column(col, justify="left" if col == "file" else "right", overflow="fold")
    for f in rows:
        other.add_row(
            escape(f.name),
            _acc(f.lines),
            f"{pct(f.boilerplate.precision)} / {pct(f.boilerplate.recall)}",
            _acc(f.headline_line),
            f"{pct(f.source_precision.value)} / {pct(f.source_recall.value)}",
            _acc(f.source_type),
            _acc(f.claims),
            _acc(f.reactions_by),
            _acc(f.reactions),
            _acc(f.headline),
        )
    console.print(other)
    print_claims_report([(f.name, f.claims_check) for f in report.files], console)

    kinds = Table(title="Quote error kinds (all files)")
    kinds.add_column("kind")
    kinds.add_column("count", justify="right")
    for category, n in sorted(report.overall.error_kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        kinds.add_row(escape(category), str(n))
    console.print(kinds)

    for f in report.files:
        for warning in f.warnings:
            console.print(f"[yellow]{escape(f.name)}: {escape(warning)}[/]")
        if f.errors:
            console.print(f"[bold]{escape(f.name)}[/]: {len(f.errors)} quote error(s)")
            for err in f.errors[:MAX_ERRORS_SHOWN]:
                console.print(f"  {err.what:<14} {err.kind:<8} {escape(_snippet(err.text))}  "
                              f"[dim]{escape(err.detail)}[/]")


def _prf(prf: PRF) -> str:
    return f"{pct(prf.precision)} / {pct(prf.recall)} / {pct(prf.f1)}"


def _acc(ratio: Ratio) -> str:
    return f"{pct(ratio.value)} ({ratio.correct}/{ratio.total})" if ratio.total else "–"


def _snippet(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_confusion(report: GoldReport, console: Optional[Console] = None) -> None:
    """The confusion matrix of line roles over all files (rows gold, columns predicted)."""
    confusion = Counter({tuple(k.split(">", 1)): n for k, n in report.overall.line_confusion.items()})
    (console or Console(soft_wrap=True)).print(escape(confusion_table(confusion)), highlight=False)


def eval_gold_command(
    gold_dir: Annotated[Path, typer.Argument(help="folder of NAME.txt + NAME.gold.json pairs")],
    json_out: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    gold_headline: bool = False,
    confusion: bool = False,
    html_dir: Optional[Path] = None,
    lang: str = "auto",
) -> int:
    """Score the analyzer on a gold folder; returns the exit code (2: unusable input). With
    `gold_headline`, the analyzer is given the gold headline line; with `confusion`, also the
    confusion matrix of line roles; with `html_dir`, also the HTML path on the pages the gold's
    `origin.path` names there (quotes inside the text, headline)."""

    def show(report: GoldReport) -> None:
        print_gold_report(report)
        if confusion:
            print_confusion(report)
        if html_dir is not None:
            checks = print_html_checks(html_checks(load_gold_dir(gold_dir), html_dir))
            Console(soft_wrap=True).print(escape(checks), highlight=False)

    return run_report(lambda: evaluate_gold(gold_dir, gold_headline=gold_headline, lang=lang), show, json_out)
