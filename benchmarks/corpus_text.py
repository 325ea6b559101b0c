"""Real German text for corpus benchmarks and test fixtures (read from /work/shared/data)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path("/work/shared/data")
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "''", "“", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "„", "‚"}


def detokenize(tokens: list[str]) -> str:
    """Join tokens as a newspaper would print them: no space before punctuation or after an
    opening bracket; straight double quotes alternate between opening and closing."""
    out: list[str] = []
    glue = True  # no space before the next token
    quote_open = False
    for tok in tokens:
        if tok == '"':
            quote_open = not quote_open
            if quote_open:
                out.append(("" if glue else " ") + tok)
                glue = True
            else:
                out.append(tok)
                glue = False
            continue
        space = not glue and tok not in _NO_SPACE_BEFORE
        out.append((" " if space else "") + tok)
        glue = tok in _NO_SPACE_AFTER
    return "".join(out)


def spkatt_docs(folder: Path = DATA / "spkatt2023" / "train") -> Iterator[dict]:
    """Wikinews articles: the document name holds the title and the date in parentheses."""
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        name = doc["DocumentName"]
        m = re.match(r"\d+ - (.*?)\s*\((\d{4}-\d{2}-\d{2})\)\s*$", name)
        title, date = (m.group(1), m.group(2)) if m else (name, None)
        body = detokenize([t for s in doc["Sentences"] for t in s["Tokens"]])
        yield {"id": f"spkatt-{path.stem}", "title": title, "date": date, "outlet": "Wikinews",
               "text": f"{title}\n\n{body}"}


def germeval_docs(path: Path = DATA / "germeval2014" / "NER-de-test.tsv", per_doc: int = 12) -> Iterator[dict]:
    """GermEval sentences grouped into documents of `per_doc` sentences (they are independent
    sentences, so the documents have no headline and little attribution: a realistic mix)."""
    sentences: list[str] = []
    tokens: list[str] = []
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(detokenize(tokens))
                tokens = []
            if len(sentences) >= per_doc:
                yield {"id": f"germeval-{n}", "outlet": "GermEval", "text": " ".join(sentences)}
                sentences, n = [], n + 1
            continue
        tokens.append(line.split("\t")[1])
    if sentences:
        yield {"id": f"germeval-{n}", "outlet": "GermEval", "text": " ".join(sentences)}


def html_docs(folder: Path = DATA / "trafilatura-eval" / "cache-de-news") -> Iterator[dict]:
    for path in sorted(folder.glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield {"id": f"html-{path.name.removesuffix('.html.gz')}", "html": html}
