"""The corpus report: figures researchers ask for, as one self-contained HTML file.

Only the needed columns are loaded; plots are PNGs embedded as base64 (no external resource),
and every string from the corpus passes through Jinja2 autoescaping.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from quellenlage.batch.store import dataset
from quellenlage.errors import InputError

ARTICLE_COLS = ["article_id", "outlet", "month", "n_quotes", "n_direct", "n_indirect", "n_words",
                "body_sentences", "attributed_sentences", "anonymous_sources", "named_sources", "status"]


def _load(root: Path, table: str, columns: list[str]) -> pd.DataFrame:
    return dataset(root, table).to_table(columns=columns).to_pandas()


def _share(num: float, den: float) -> float | None:
    return num / den if den else None


@dataclass
class CorpusStats:
    """Everything the report shows; plain data so the console summary and HTML agree."""

    totals: dict[str, float | int | None]
    top_speakers: list[dict] = field(default_factory=list)
    top_sources: list[dict] = field(default_factory=list)
    speaker_types: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    by_outlet: list[dict] = field(default_factory=list)
    by_month: list[dict] = field(default_factory=list)
    error_stages: dict[str, int] = field(default_factory=dict)
    error_reasons: list[dict] = field(default_factory=list)


def _group(articles: pd.DataFrame, sources: pd.DataFrame, headlines: pd.DataFrame, key: str) -> list[dict]:
    """Per outlet or month: volume, quoting style, anonymity, attribution, wire use, headlines."""
    known = articles.dropna(subset=[key])
    if known.empty:
        return []
    anon = sources[sources.type == "anonymous"].groupby("article_id").size()
    agency = set(sources.loc[sources.type == "agency", "article_id"])
    unsupported = set(headlines.loc[headlines.verdict == "unsupported_as_fact", "article_id"])
    with_headline = set(headlines.article_id)
    rows = []
    for value, g in known.groupby(key, sort=True):
        ids = g.article_id
        quotes = g.n_quotes.sum()
        n_src = sources.article_id.isin(ids).sum()
        rows.append({
            key: value, "articles": len(g), "quotes_per_article": quotes / len(g),
            "direct_share": _share(g.n_direct.sum(), quotes),
            "anonymous_share": _share(anon.reindex(ids).fillna(0).sum(), n_src),
            "attributed_share": _share(g.attributed_sentences.sum(), g.body_sentences.sum()),
            "agency_share": ids.isin(agency).mean(),
            "unsupported_headlines": _share(ids.isin(unsupported).sum(), ids.isin(with_headline).sum()),
        })
    return sorted(rows, key=lambda r: -r["articles"]) if key == "outlet" else rows


def compute(root: Path, top: int = 20) -> CorpusStats:
    """Read a results folder and compute the corpus figures."""
    if not (root / "articles").is_dir():
        raise InputError(f"{root}: not a results folder (no articles/ dataset); run `quellenlage batch` first")
    articles = _load(root, "articles", ARTICLE_COLS)
    quotes = _load(root, "quotes", ["article_id", "kind", "speaker", "speaker_type"])
    sources = _load(root, "sources", ["article_id", "name", "type", "n_quotes"])
    headlines = _load(root, "headlines", ["article_id", "verdict"])
    errors = _load(root, "errors", ["article_id", "stage", "reason"])
    n = len(articles)
    body = articles.body_sentences.sum()
    totals = {
        "articles": n, "failed": errors.article_id.nunique(), "words": int(articles.n_words.sum()),
        "quotes": len(quotes), "quotes_per_article": _share(len(quotes), n),
        "median_quotes": float(articles.n_quotes.median()) if n else None,
        "direct_share": _share((quotes.kind == "direct").sum(), len(quotes)),
        "indirect_share": _share((quotes.kind == "indirect").sum(), len(quotes)),
        "anonymous_source_share": _share((sources.type == "anonymous").sum(), len(sources)),
        "articles_with_anonymous": _share(articles.article_id.isin(
            sources.loc[sources.type == "anonymous", "article_id"]).sum(), n),
        "attributed_share": _share(articles.attributed_sentences.sum(), body) if body else None,
        "agency_share": _share(articles.article_id.isin(sources.loc[sources.type == "agency", "article_id"]).sum(), n),
        "partial": int((articles.status == "partial").sum()),
    }
    speakers = (quotes.dropna(subset=["speaker"]).groupby(["speaker", "speaker_type"]).size()
                .sort_values(ascending=False).head(top))
    srcs = (sources.groupby(["name", "type"]).agg(articles=("article_id", "nunique"), quotes=("n_quotes", "sum"))
            .sort_values(["articles", "quotes"], ascending=False).head(top))
    reasons = errors.reason.str.replace(r"^[^:]*: ", "", regex=True).str.slice(0, 120)
    return CorpusStats(
        totals=totals,
        top_speakers=[{"name": k[0], "type": k[1], "quotes": int(v)} for k, v in speakers.items()],
        top_sources=[{"name": k[0], "type": k[1], "articles": int(r.articles), "quotes": int(r.quotes)}
                     for k, r in srcs.iterrows()],
        speaker_types={str(k): int(v) for k, v in quotes.speaker_type.value_counts().items()},
        verdicts={str(k): int(v) for k, v in headlines.verdict.value_counts().items()},
        by_outlet=_group(articles, sources, headlines, "outlet")[:top],
        by_month=_group(articles, sources, headlines, "month"),
        error_stages={str(k): int(v) for k, v in errors.stage.value_counts().items()},
        error_reasons=[{"reason": str(k), "count": int(v)} for k, v in reasons.value_counts().head(10).items()],
    )


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def plots(root: Path, stats: CorpusStats) -> list[tuple[str, str]]:
    """(caption, base64 PNG) pairs; matplotlib on the Agg backend, no display needed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: list[tuple[str, str]] = []
    n_quotes = _load(root, "articles", ["n_quotes"]).n_quotes
    if len(n_quotes):
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.hist(n_quotes.clip(upper=30), bins=range(0, 32), color="#4a6fa5")
        ax.set_xlabel("quotes per article (30 = 30 or more)")
        ax.set_ylabel("articles")
        out.append(("Quotes per article", _png(fig)))
        plt.close(fig)
    if stats.speaker_types:
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.barh(list(stats.speaker_types), list(stats.speaker_types.values()), color="#7a9e7e")
        ax.invert_yaxis()
        ax.set_xlabel("quotes")
        out.append(("Who is quoted: speaker types", _png(fig)))
        plt.close(fig)
    if len(stats.by_month) > 1:
        months = [r["month"] for r in stats.by_month]
        fig, ax = plt.subplots(figsize=(7, 3))
        ax.plot(range(len(months)), [r["quotes_per_article"] for r in stats.by_month], marker=".", color="#4a6fa5")
        ax.set_ylabel("quotes per article")
        ax.set_xticks(range(0, len(months), max(1, len(months) // 12)))  # at most ~12 labels
        ax.set_xticklabels(months[:: max(1, len(months) // 12)])
        ax.tick_params(axis="x", rotation=60, labelsize=7)
        out.append(("Quotes per article by month", _png(fig)))
        plt.close(fig)
    if stats.by_outlet:
        rows = stats.by_outlet[:12]
        direct = [(r["direct_share"] or 0) for r in rows]
        fig, ax = plt.subplots(figsize=(6, 0.4 * len(rows) + 1))
        names = [str(r["outlet"])[:30] for r in rows]
        ax.barh(names, direct, color="#4a6fa5", label="direct")
        ax.barh(names, [1 - d for d in direct], left=direct, color="#c9a66b", label="indirect")
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.legend(loc="lower right", fontsize=8)
        out.append(("Direct vs indirect quotes by outlet", _png(fig)))
        plt.close(fig)
    return out


def fmt_pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def fmt_num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def render_report(root: Path, top: int = 20) -> tuple[str, CorpusStats]:
    """The HTML report and the figures it shows."""
    stats = compute(root, top)
    env = Environment(loader=PackageLoader("quellenlage.batch", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["pct"] = fmt_pct
    env.filters["num"] = fmt_num
    html = env.get_template("report.html.j2").render(stats=stats, plots=plots(root, stats), root=root.name)
    return html, stats
