"""The headline check and the reactions against `NAME.claims.json` gold (ANNOTATION.md §4–§5).

Four figures per page, summed over a folder: whether the analysis found the headline text,
whether a fair headline (gold without an `unsupported_as_fact` finding) was wrongly flagged,
how many gold findings got the same verdict, and reactions precision/recall, where a reaction
matches when its reactor (speaker rule of §2) and status agree.

The headline line comes from the line classifier; `analyze_with_gold_headline` marks the gold
headline line instead, so that the verdict logic can be judged apart from the line roles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import InputError
from ..schema import Analysis, Reaction
from .matching import names_match
from .metrics import PRF, Ratio, covered_fraction, greedy_match, jaccard, pct, word_spans

FLAG = "unsupported_as_fact"
CLAIMS_SUFFIX = ".claims.json"


class ClaimsCheckScores(BaseModel):
    """Counts of one page (or, summed, of a folder); total 0 where the page has no claims gold."""

    headline_found: Ratio = Ratio()
    fair_flagged: Ratio = Ratio()  # correct = fair headlines that were wrongly flagged
    verdicts: Ratio = Ratio()
    reactions: PRF = PRF()
    notes: list[str] = []

    def __add__(self, other: ClaimsCheckScores) -> ClaimsCheckScores:
        return ClaimsCheckScores(
            headline_found=self.headline_found + other.headline_found,
            fair_flagged=self.fair_flagged + other.fair_flagged,
            verdicts=self.verdicts + other.verdicts,
            reactions=self.reactions + other.reactions,
        )


def load_claims_gold(gold_dir: Path, name: str) -> Optional[dict]:
    """The page's `NAME.claims.json`, or None when there is none."""
    path = gold_dir / f"{name}{CLAIMS_SUFFIX}"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: {err}") from err


def normalise(text: Optional[str]) -> str:
    return " ".join((text or "").split())


def analysis_headline(analysis: Analysis) -> Optional[str]:
    if analysis.headline_check is not None:
        return analysis.headline_check.text
    return next((line.text for line in analysis.lines if line.role == "headline"), None)


def predicted_reactions(analysis: Analysis) -> list[Reaction]:
    """Every reaction once, though it may answer several claims."""
    seen: dict[tuple, Reaction] = {}
    for claim in analysis.claims:
        for r in claim.reactions:
            seen.setdefault((r.by.name, r.status, r.start, r.end), r)
    return list(seen.values())


def score_claims_check(gold: dict, analysis: Analysis) -> ClaimsCheckScores:
    """The four figures of one page against its claims gold."""
    scores = ClaimsCheckScores()
    scores.headline_found.add(normalise(analysis_headline(analysis)) == normalise(gold.get("headline")))
    findings = analysis.headline_check.findings if analysis.headline_check else []
    gold_findings = gold.get("findings", [])
    if not any(g["verdict"] == FLAG for g in gold_findings):
        flagged = [f for f in findings if f.verdict == FLAG]
        scores.fair_flagged.add(bool(flagged))
        scores.notes += [f"wrongly flagged: {f.assertion!r} ({f.why})" for f in flagged]
    for g in gold_findings:
        best = max(findings, key=lambda f: jaccard(g["assertion"], f.assertion), default=None)
        ok = best is not None and jaccard(g["assertion"], best.assertion) > 0 and best.verdict == g["verdict"]
        scores.verdicts.add(ok)
        if not ok:
            got = f"{best.verdict} for {best.assertion!r}" if best is not None else "no finding"
            scores.notes.append(f"verdict: gold {g['verdict']} for {g['assertion']!r}, got {got}")
    preds = predicted_reactions(analysis)
    golds = gold.get("reactions", [])
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.status == g["status"] and names_match(p.by.name, g["by"]):
                candidates.append((1.0 + _evidence_overlap(analysis.text, p, g.get("evidence", "")), i, j))
    pairs = greedy_match(candidates)
    scores.reactions = PRF(tp=len(pairs), n_pred=len(preds), n_gold=len(golds))
    scores.notes += [f"reaction false positive: {p.by.name} {p.status}: {p.text[:80]!r}"
                     for i, p in enumerate(preds) if i not in pairs]
    matched = set(pairs.values())
    scores.notes += [f"reaction missed: {g['by']} {g['status']}: {g.get('evidence', '')[:80]!r}"
                     for j, g in enumerate(golds) if j not in matched]
    return scores


def _evidence_overlap(text: str, pred: Reaction, evidence: str) -> float:
    """Share of the gold evidence's tokens the predicted reaction covers (pairs the right ones)."""
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return 0.0
    return covered_fraction((pred.start, pred.end), word_spans(text, at, at + len(evidence)), text)


def analyze_with_gold_headline(texts: Iterable[str], golds: list[dict]) -> Iterator[Analysis]:
    """Analyses in which the gold's headline line (and only it) has the role `headline`: the
    line classifier's roles for every other line, its headline choice replaced by the gold's
    role for that line."""
    from ..convert import doc_to_analysis

    for doc in docs_with_gold_headline(texts, golds):
        yield doc_to_analysis(doc)


def docs_with_gold_headline(texts: Iterable[str], golds: list[dict]) -> Iterator:
    """The pipeline's Docs, with the gold headline line given to the components after the line
    classifier (the line whose text is the claims gold's headline, else the gold's headline lines)."""
    from ..pipeline import get_pipeline

    nlp = get_pipeline()
    for text, gold in zip(texts, golds, strict=True):
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            doc = component(doc)
            if name == "line_classifier":
                _inject_headline(doc, gold)
        yield doc


def _inject_headline(doc, gold: dict) -> None:
    gold_lines: dict[str, str] = gold.get("lines", {})
    wanted = normalise(gold.get("claims_check", {}).get("headline"))
    heads = {line.index for line in doc._.lines if wanted and normalise(line.text) == wanted}
    heads = heads or {int(i) for i, role in gold_lines.items() if role == "headline"}
    for line in doc._.lines:
        if line.index in heads:
            line.role = "headline"
        elif line.role == "headline":
            line.role = gold_lines.get(str(line.index), "boilerplate")


def print_claims_report(rows: list[tuple[str, ClaimsCheckScores]], console: Console) -> None:
    """One row per page with claims gold, the overall row, then what went wrong per page."""
    rows = [(n, s) for n, s in rows if s.headline_found.total]
    if not rows:
        return
    overall = sum((s for _, s in rows), ClaimsCheckScores())
    table = Table(title="Headline check and reactions (claims gold)")
    for col in ("file", "headline found", "fair headline flagged", "verdicts", "reactions P / R"):
        table.add_column(col, justify="left" if col == "file" else "right", overflow="fold")
    for name, s in [*rows, ("overall", overall)]:
        table.add_row(
            escape(name),
            f"{s.headline_found.correct}/{s.headline_found.total}",
            f"{s.fair_flagged.correct}/{s.fair_flagged.total}" if s.fair_flagged.total else "–",
            f"{s.verdicts.correct}/{s.verdicts.total}" if s.verdicts.total else "–",
            f"{pct(s.reactions.precision)} / {pct(s.reactions.recall)} "
            f"({s.reactions.tp}/{s.reactions.n_pred}/{s.reactions.n_gold})",
        )
    console.print(table)
    for name, s in rows:
        for note in s.notes:
            console.print(f"  [dim]{escape(name)}[/] {escape(note)}")
