"""The corpus rows: what one analysed article contributes to each table, as plain dicts.

Workers make rows and the reading process turns them into Arrow tables (`tables.to_tables`),
so a worker never imports Arrow: about 25 MiB less in every worker process.
"""

from __future__ import annotations

from typing import Any

from quellenlage.schema import Analysis

#: The tables of a results folder, in the order they are written.
TABLES = ("articles", "quotes", "sources", "entities", "claims", "headlines", "errors")

Row = dict[str, Any]


def _month(date: str | None) -> str | None:
    """`YYYY-MM` from an ISO-ish date; anything else is not a month we can group by."""
    if date and len(date) >= 7 and date[:4].isdigit() and date[4] == "-" and date[5:7].isdigit():
        return date[:7]
    return None


def _outlet(meta: dict[str, str | None], site: str | None, url: str | None) -> str | None:
    if meta.get("outlet"):
        return meta["outlet"]
    if site:
        return site
    if url and "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0].lower()
        return host.removeprefix("www.") or None
    return None


def analysis_rows(analysis: Analysis, input_name: str, position: str, raw_meta: dict) -> dict[str, list[Row]]:
    """All rows one analysed article contributes, keyed by table name."""
    aid = analysis.id or ""
    m, t = analysis.meta, analysis.transparency
    date = m.date or raw_meta.get("crawl_date")
    kinds = [q.kind for q in analysis.quotes]
    headline = analysis.headline_check.text if analysis.headline_check else None
    article = {
        "article_id": aid, "input": input_name, "position": position, "input_format": m.input_format,
        "title": m.title, "date": date, "month": _month(date), "outlet": _outlet(raw_meta, m.site, m.url),
        "url": m.url, "author": m.author, "language": m.language, "n_chars": len(analysis.text),
        "n_words": len(analysis.text.split()), "n_quotes": len(kinds),
        "n_direct": kinds.count("direct"), "n_indirect": kinds.count("indirect"),
        "n_entities": len(analysis.entities), "n_sources": len(analysis.sources),
        "n_claims": len(analysis.claims), "named_sources": t.named_sources,
        "anonymous_sources": t.anonymous_sources, "body_sentences": t.body_sentences,
        "attributed_sentences": t.attributed_sentences, "attributed_share": t.attributed_share,
        "single_source_claims": t.single_source_claims, "headline": headline,
        "status": "partial" if analysis.errors else "ok", "model": m.model,
        "quellenlage_version": m.quellenlage_version,
    }
    quotes = [{
        "article_id": aid, "quote_id": q.id, "kind": q.kind, "text": q.text, "start": q.start, "end": q.end,
        "speaker": q.speaker.name if q.speaker else None, "speaker_type": q.speaker_type,
        "speaker_entity_id": q.speaker.entity_id if q.speaker else None,
        "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
        "speaker_mention_start": q.speaker_mention.start if q.speaker_mention else None,
        "speaker_mention_end": q.speaker_mention.end if q.speaker_mention else None,
        "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None, "rule": q.rule, "via": list(q.via),
    } for q in analysis.quotes]
    sources = [{
        "article_id": aid, "name": s.name, "type": s.type, "entity_id": s.entity_id,
        "n_quotes": len(s.quote_ids), "quote_ids": list(s.quote_ids), "n_mentions": len(s.mentions),
        "first_start": min((x.start for x in s.mentions), default=None),
    } for s in analysis.sources]
    entities = [{
        "article_id": aid, "entity_id": e.id, "name": e.name, "type": e.type, "n_mentions": len(e.mentions),
        "first_start": min((x.start for x in e.mentions), default=None),
    } for e in analysis.entities]
    claims = []
    for c in analysis.claims:
        statuses = [r.status for r in c.reactions]
        claims.append({
            "article_id": aid, "claim_id": c.id, "text": c.text, "start": c.start, "end": c.end,
            "status": c.status, "source": c.source.name if c.source else None,
            "source_type": c.source.type if c.source else None, "via": list(c.via),
            "quote_ids": list(c.quote_ids), "n_denied": statuses.count("denied"),
            "n_confirmed": statuses.count("confirmed"), "n_disputed": statuses.count("disputed"),
        })
    findings = analysis.headline_check.findings if analysis.headline_check else []
    headlines = [{
        "article_id": aid, "assertion": f.assertion, "start": f.start, "end": f.end,
        "verdict": f.verdict, "why": f.why, "n_evidence": len(f.evidence),
    } for f in findings]
    errors = [error_row(aid, input_name, position, "analysis", e) for e in analysis.errors]
    return {"articles": [article], "quotes": quotes, "sources": sources, "entities": entities,
            "claims": claims, "headlines": headlines, "errors": errors}


def error_row(article_id: str, input_name: str, position: str, stage: str, reason: str) -> Row:
    return {"article_id": article_id, "input": input_name, "position": position, "stage": stage, "reason": reason}
