"""Suite 3: German speech representation on the Redewiedergabe corpus (eval-only licence).

The non-fiction samples (metadata `fictional == no`: Grenzboten and historical newspapers,
1840–1919) are rebuilt as text from their tokens with the SpkAtt layout of
`quellenlage.eval.spkatt` (paragraphs of a few sentences), analysed in one `analyze_many`
stream, and scored per token: a token is predicted `direct` when one of our direct quotes covers
it. Only word tokens are scored, so that whether quote marks belong to a span does not count.

Category mapping: our `direct` ↔ their direct; our `indirect` ↔ their indirect (including the
ambiguous indirect/freeIndirect). Their reported and freeIndirect speech have no counterpart in
our two kinds: they are scored in the lenient row, where our `indirect` may match any of
indirect, reported and freeIndirect. All media count (speech, writing, thought), as in the
published figures.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path
from typing import Optional

from ..eval.metrics import PRF, AnalyzeMany, overlaps, resolve_analyze_many
from ..eval.spkatt import build_document
from ..schema import Analysis
from .report import SuiteResult, table

STWR_TYPES = ("direct", "indirect", "reported", "freeIndirect")
# Brunner et al. 2020 (KONVENS), fine-tuned BERT taggers, token-level F1 on their fiction test set.
PUBLISHED_F1 = {"direct": 0.9076, "indirect": 0.7916, "reported": 0.7047}
# (row, our kind or None for either, the gold types it is scored against)
ROWS = (
    ("direct", "direct", {"direct"}),
    ("indirect", "indirect", {"indirect"}),
    ("indirect, lenient (+ reported, freeIndirect)", "indirect", {"indirect", "reported", "freeIndirect"}),
    ("any speech representation", None, set(STWR_TYPES)),
)


class Sample:
    """One corpus sample: its text as we analyse it, and per token its span and gold types."""

    def __init__(self, name: str, rows: list[dict[str, str]]) -> None:
        sentences: list[list[str]] = []
        for row in rows:
            if row["sentstart"] == "yes" or not sentences:
                sentences.append([])
            sentences[-1].append(row["tok"])
        doc = build_document(name, {"DocumentName": "", "Sentences": [
            {"SentenceId": i, "Tokens": toks} for i, toks in enumerate(sentences)]})
        self.name = name
        self.text = doc.text
        self.spans = [doc.token_spans[(s, i)] for s, toks in enumerate(sentences) for i in range(len(toks))]
        self.words = [any(ch.isalnum() for ch in row["tok"]) for row in rows]
        self.gold = [gold_types(row["stwr"]) for row in rows]


def gold_types(stwr: str) -> set[str]:
    """STWR types of a token over all nesting levels: 'direct.speech.3|reported.thought.6' →
    {direct, reported}; an ambiguous 'indirect_freeIndirect' counts as both."""
    if stwr == "-":
        return set()
    return {t for ann in stwr.split("|") for t in ann.split(".", 1)[0].split("_")}


def nonfiction_files(root: Path) -> list[Path]:
    with (root / "main" / "tsv" / "metadata.tsv").open(encoding="utf-8") as f:
        names = sorted(r["file"] for r in csv.DictReader(f, delimiter="\t") if r["fictional"] == "no")
    return [root / "main" / "tsv" / f"{n}.gz" for n in names]


def read_sample(path: Path) -> Sample:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    return Sample(path.name.removesuffix(".tsv.gz"), rows)


def score(sample: Sample, analysis: Analysis, totals: dict[str, PRF]) -> None:
    """Add one sample's token counts to the row totals."""
    covered: dict[str, set[int]] = {"direct": set(), "indirect": set()}
    for quote in analysis.quotes:
        q = (quote.start, quote.end)
        covered[quote.kind] |= {i for i, span in enumerate(sample.spans) if overlaps(q, span)}
    words = {i for i, w in enumerate(sample.words) if w}
    for row, kind, types in ROWS:
        pred = covered[kind] if kind else covered["direct"] | covered["indirect"]
        gold = {i for i, g in enumerate(sample.gold) if g & types}
        totals[row] += PRF(tp=len(pred & gold & words), n_pred=len(pred & words), n_gold=len(gold & words))


def run(data_dir: Path, limit: Optional[int] = None, analyze_many: Optional[AnalyzeMany] = None) -> SuiteResult:
    result = SuiteResult(suite="speech", title="German speech representation (Redewiedergabe)")
    root = data_dir / "redewiedergabe"
    if not (root / "main" / "tsv" / "metadata.tsv").is_file():
        result.status = "skipped"
        result.notes.append(f"data missing: {root}")
        return result
    samples = [read_sample(p) for p in nonfiction_files(root)[:limit]]
    analyze = resolve_analyze_many(analyze_many)
    totals = {row: PRF() for row, _, _ in ROWS}
    for sample, analysis in zip(samples, analyze(s.text for s in samples), strict=True):
        if analysis.text != sample.text:
            raise ValueError(f"{sample.name}: analysis.text differs from the input; offsets unusable")
        score(sample, analysis, totals)
    n_words = sum(sum(s.words) for s in samples)
    t = table(f"Token-level P/R/F1 on {len(samples)} non-fiction samples ({n_words:,} word tokens)",
              ("category", "text"), ("P", "pct"), ("R", "pct"), ("F1", "pct"), ("gold tokens", "int"),
              ("published F1 (BERT, fiction)", "pct"))
    for row, _, _ in ROWS:
        prf = totals[row]
        t.add(row, prf.precision, prf.recall, prf.f1, prf.n_gold, PUBLISHED_F1.get(row))
    t.add("reported (no counterpart in our scheme)", None, None, None, None, PUBLISHED_F1["reported"])
    result.tables.append(t)
    result.notes += [
        "Domain: 19th-century German (1840–1919) periodicals, Die Grenzboten and historical "
        "newspapers, historical spelling; our rules target modern news. The published taggers "
        "(Brunner et al. 2020, redewiedergabe.de) were fine-tuned on this corpus family and scored "
        "on fiction; ours are rules and a model trained on modern data, never on this corpus.",
        "Their indirect/reported split differs from ours: much of their 'reported' speech "
        "(a speech act named, 'er berichtete von …') we either ignore or call indirect; the "
        "lenient row shows how much of our indirect falls on any of their indirect categories.",
        "Text rebuilt from CAB tokens (no original whitespace or paragraphs); word tokens only.",
    ]
    return result
