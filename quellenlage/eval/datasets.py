"""Readers of the annotated data sets, shared by model evaluation and the training recipe:
UD CoNLL-U (multiword tokens merged, as spaCy tokenizes) and GermEval 2014 NER (outer level)."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span


def read_conllu(path: Path):
    """Sentences as token dicts; multiword tokens ("im" = in + dem) merged into one token:
    UPOS/lemma/head from the first part, FEATS from the last."""
    sent: list[list[str]] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield _merge(sent)
                sent = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." not in cols[0]:
                    sent.append(cols)
    if sent:
        yield _merge(sent)


def _merge(rows):
    words = {int(c[0]): c for c in rows if "-" not in c[0]}
    ranges = {}
    for c in rows:
        if "-" in c[0]:
            a, b = map(int, c[0].split("-"))
            ranges[a] = (b, c[1], "SpaceAfter=No" in c[9])
    toks, tok_of, i, ids = [], {}, 0, sorted(words)
    while i < len(ids):
        wid = ids[i]
        if wid in ranges:
            b, form, nsp = ranges[wid]
            span = list(range(wid, b + 1))
            first, last = words[wid], words[b]
            toks.append(dict(form=form, lemma=first[2], upos=first[3], xpos=first[4],
                             feats="" if last[5] == "_" else last[5], space=not nsp, ids=span))
            i += len(span)
        else:
            c = words[wid]
            span = [wid]
            toks.append(dict(form=c[1], lemma=c[2], upos=c[3], xpos=c[4],
                             feats="" if c[5] == "_" else c[5],
                             space="SpaceAfter=No" not in c[9], ids=span))
            i += 1
        for k in span:
            tok_of[k] = len(toks) - 1
    for t in toks:
        t["head_i"], t["dep"] = None, "ROOT"
        for wid in t["ids"]:
            h = int(words[wid][6])
            if h not in t["ids"]:
                t["head_i"] = tok_of[h] if h else None
                t["dep"] = words[wid][7] if h else "ROOT"
                break
    return toks


def conllu_doc(vocab, toks) -> Doc:
    """A gold Doc of one sentence (tags, UPOS, features, lemmas, dependencies)."""
    return Doc(vocab, words=[t["form"] for t in toks], spaces=[t["space"] for t in toks],
               lemmas=[t["lemma"] for t in toks], pos=[t["upos"] for t in toks],
               tags=[t["xpos"] for t in toks], morphs=[t["feats"] for t in toks],
               heads=[t["head_i"] if t["head_i"] is not None else i for i, t in enumerate(toks)],
               deps=[t["dep"] for t in toks],
               sent_starts=[True] + [False] * (len(toks) - 1))  # type: ignore[arg-type]  # list is invariant


def read_germeval(path: Path):
    """(words, [(start, end, label)]) per sentence of a GermEval .tsv (id, token, outer, inner); outer level only."""
    with open(path, encoding="utf8") as fh:
        yield from germeval_sentences(fh, word_col=1)


def germeval_sentences(lines, word_col: int, normalise=lambda w: w):
    """(words, outer spans) per blank-line separated sentence of GermEval-style rows; the tag
    is the column after the word; '#' comment rows are skipped."""
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("#\t") or line.startswith("# "):
            continue
        if not line.strip():
            if words:
                yield words, germeval_spans(tags)
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(normalise(cols[word_col]))
        tags.append(cols[word_col + 1])
    if words:
        yield words, germeval_spans(tags)


def germeval_spans(tags):
    """Outer entity spans of GermEval tags: derived and partial names (-deriv, -part) are no
    entities, OTH is MISC."""
    def label(lab: str) -> str | None:
        return None if "deriv" in lab or "part" in lab else {"OTH": "MISC"}.get(lab, lab)

    return iob_spans(tags, label)


def iob_spans(tags, label=lambda lab: lab):
    """(start, end, label) of each entity in a list of IOB tags; `label` maps a tag's label
    (None drops it)."""
    out, start, current = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        lab = label(t[2:]) if t != "O" else None
        if start is not None and (lab is None or t.startswith("B-") or lab != current):
            out.append((start, i, current))
            start, current = None, None
        if lab is not None and start is None:
            start, current = i, lab
    return out


def germeval_doc(vocab, words, spans) -> Doc:
    """A gold Doc of one GermEval sentence; the set's stray C1 control characters repaired."""
    words = [w.replace("\x96", "–").replace("\x94", "”") for w in words]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc
