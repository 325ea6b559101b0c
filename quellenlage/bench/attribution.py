"""Suite 4: speaker attribution on SpkAtt-2023 and the accuracy of the German pipeline, beside
published anchors. The scoring lives in `quellenlage.eval.spkatt` and `quellenlage.eval.models`;
this suite only runs them and sets their figures next to the field's."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import QuellenlageError
from ..eval.metrics import AnalyzeMany
from ..eval.spkatt import MIN_MESSAGE_COVERAGE, evaluate_spkatt
from .report import SuiteResult, table

# Gender Gap Tracker (Asr et al. 2021), English rule-based quote extraction on Canadian news.
GGT = {"quote_f1_lenient": 0.837, "quote_f1_strict": 0.761, "speaker_accuracy": 0.860}
# spaCy de_core_news_sm 3.x model card (its own held-out splits: TIGER/UD for syntax, WikiNER).
SPACY_SM = {"UPOS": 0.980, "MORPH": 0.907, "LEMMA": 0.975, "LAS": 0.899, "NER F1": 0.821}


def _spkatt(data_dir: Path, limit: Optional[int], analyze_many: Optional[AnalyzeMany],
            result: SuiteResult) -> None:
    report = evaluate_spkatt(data_dir / "spkatt2023", limit=limit, worst=0, analyze_many=analyze_many)
    t = table(f"SpkAtt-2023 (German Wikinews, train split): {report.documents} articles",
              ("figure", "text"), ("P", "pct"), ("R", "pct"), ("F1 / accuracy", "pct"),
              ("gold", "int"), ("English anchor (GGT rules)", "pct"), ("anchor", "text"))
    for kind, prf in report.quotes.items():
        anchor = (GGT["quote_f1_lenient"], "quote F1, lenient") if kind == "all" else (None, "")
        t.add(f"quotes: {kind}", prf.precision, prf.recall, prf.f1, prf.n_gold, *anchor)
    t.add("speaker (Source) of matched quotes", None, None, report.source.value, report.source.total,
          GGT["speaker_accuracy"], "speaker accuracy")
    t.add("cue of matched quotes", None, None, report.cue.value, report.cue.total, None, "")
    result.tables.append(t)
    result.notes.append(
        f"A quote matches when it covers ≥ {MIN_MESSAGE_COVERAGE:.0%} of a gold Message's tokens "
        "(one-to-one): closer to GGT's lenient match (83.7) than to its strict one (76.1). GGT is "
        "English and rule-based on a different corpus: an anchor, not a head-to-head. SpkAtt's "
        "Reported and FreeIndirect forms are not scored as targets (see `quellenlage eval-spkatt`)."
    )


def _models(data_dir: Path, result: SuiteResult) -> None:
    """Pipeline accuracy through `quellenlage.eval.models.run_all` (needs the shipped model)."""
    from ..eval.models import run_all

    res = run_all(None, data_dir, skip_speed=True)
    pud, ner = res.get("pud", {}), res.get("germeval_dev", {})
    t = table(f"German pipeline {res.get('version') or ''}: accuracy on held-out data",
              ("figure", "text"), ("ours", "pct"), ("test set (ours)", "text"),
              ("spaCy de_core_news_sm", "pct"))
    for name, value, test in (
        ("UPOS", pud.get("upos_acc"), "UD German-PUD"),
        ("MORPH", pud.get("morph_acc"), "UD German-PUD"),
        ("LEMMA", pud.get("lemma_acc"), "UD German-PUD"),
        ("LAS", pud.get("las"), "UD German-PUD"),
        ("NER F1", ner.get("f1"), "GermEval 2014 dev"),
    ):
        t.add(name, value, test, SPACY_SM[name])
    result.tables.append(t)
    result.notes.append(
        "spaCy's figures are from its model card, on its own evaluation splits (not PUD or "
        "GermEval; its NER is WikiNER-trained and tested): indicative, not a controlled comparison."
    )


def run(data_dir: Path, limit: Optional[int] = None, analyze_many: Optional[AnalyzeMany] = None) -> SuiteResult:
    result = SuiteResult(suite="attribution", title="Speaker attribution and pipeline accuracy")
    if (data_dir / "spkatt2023").is_dir():
        _spkatt(data_dir, limit, analyze_many, result)
    else:
        result.status = "partial"
        result.notes.append(f"SpkAtt-2023 skipped: {data_dir / 'spkatt2023'} missing")
    if limit is not None:
        result.notes.append("Pipeline accuracy skipped: full runs only (no --limit).")
        return result
    try:
        _models(data_dir, result)
    except (ImportError, OSError, QuellenlageError) as err:
        result.status = "partial"
        result.notes.append(f"Pipeline accuracy skipped: {type(err).__name__}: {err} "
                            "(step: quellenlage.eval.models.run_all)")
    return result
