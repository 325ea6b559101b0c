"""Suite 2: boilerplate removal on scraped plain text, through `quellenlage.eval.gold`.

Scraped text keeps the menus, share buttons and picture credits that an HTML extractor would
have dropped; the line classifier has to find them from the text alone. Every ANNOTATION.md gold
file found is scored (line-role accuracy, boilerplate precision/recall).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..eval.gold import evaluate_gold
from ..eval.metrics import AnalyzeMany
from .report import SuiteResult, table


def gold_dirs(data_dir: Path) -> list[Path]:
    """Folders holding NAME.txt + NAME.gold.json pairs: the shared examples next to the data."""
    return [d for d in (data_dir.parent / "examples",) if any(d.glob("*.gold.json"))]


def run(data_dir: Path, limit: Optional[int] = None, analyze_many: Optional[AnalyzeMany] = None) -> SuiteResult:
    """`limit` is accepted for a uniform signature; the gold set is small and always run whole."""
    result = SuiteResult(suite="boilerplate", title="Boilerplate removal on scraped plain text")
    dirs = gold_dirs(data_dir)
    if not dirs:
        result.status = "skipped"
        result.notes.append(f"no gold files under {data_dir.parent / 'examples'}")
        return result
    t = table("Line roles against the gold files", ("file", "text"), ("lines", "int"),
              ("role accuracy", "pct"), ("boilerplate P", "pct"), ("boilerplate R", "pct"),
              ("boilerplate F1", "pct"), ("gold boilerplate lines", "int"))
    for gold_dir in dirs:
        try:
            report = evaluate_gold(gold_dir, analyze_many=analyze_many)
        except InputError as err:
            result.status = "partial"
            result.notes.append(str(err))
            continue
        for f in report.files + ([report.overall] if len(report.files) > 1 else []):
            bp = f.boilerplate
            t.add(f.name, f.lines.total, f.lines.value, bp.precision, bp.recall, bp.f1, bp.n_gold)
    result.tables.append(t)
    result.notes.append(f"gold folders: {', '.join(str(d) for d in dirs)}; "
                        "the figures are counts over the lines the gold lists (micro average).")
    if sum(len(list(d.glob('*.gold.json'))) for d in dirs) < 5:
        result.notes.append("Few gold files: these figures show the method works end to end, "
                            "they are not a reliable estimate.")
    return result
