"""The custom attributes our components set on spaCy objects (registered once, on import).

Findings live on the Doc, as spaCy does it: quotes are `doc.spans["quotes"]` whose spans
carry `id`, `kind`, `cue`, `speaker_mention`, `speaker`, `via`, `via_names` and `rule`; line roles
are `doc.spans["lines"]` (the role is the label), entity mentions `doc.spans["entities"]`
(the type is the label, the entity id the `kb_id`). Everything stored is a plain value
(str, int, float, list, dict) or a SpanGroup, so `Doc.to_bytes()` and `nlp.pipe(n_process=…)`
work; `quellenlage.convert` reads the JSON off these attributes.

The components work with objects (`schema.Line`, `EntityCluster`, `schema.Source`, Spans):
the getters and setters below convert. A setter keeps the object in the Doc's cache and
`store_findings` (run after every component) writes its plain form, so a component may still
complete an object after assigning it. The cache lives outside `doc.user_data` (see
`doc_cache`), beside the memos of frames and terms, and is rebuilt from the plain form when a
Doc comes back from bytes.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable, NamedTuple

from pydantic import BaseModel
from spacy.tokens import Doc, Span, SpanGroup

from quellenlage.schema import Claim, HeadlineCheck, Line, Source, Speaker, Transparency

#: What the attribution components read of the language pipeline (their declared `requires`).
LINGUISTIC = ["token.tag", "token.pos", "token.morph", "token.lemma", "token.is_sent_start"]
#: What a quote finder sets on the spans it adds to `doc.spans["quotes"]` (its declared `assigns`).
QUOTE_FINDINGS = ["span._.kind", "span._.cue", "span._.speaker_mention", "span._.via", "span._.rule"]
QUOTES = "quotes"  # doc.spans key of the quotes
LINES = "lines"  # doc.spans key of the line roles
ENTITIES = "entities"  # doc.spans key of the entity mentions

#: The key of our memos in `doc.user_hooks` (see `doc_cache`).
_CACHE_KEY = "quellenlage.cache"
# spaCy warns that user hooks are not saved with a Doc's bytes: ours are memos, meant to stay behind
warnings.filterwarnings("ignore", message=r"\[W109\]", category=UserWarning)


def doc_cache(doc: Doc) -> dict[Any, Any]:
    """A dict of memos for one Doc that is not serialised with it (unlike `doc.user_data`).

    It lives in `doc.user_hooks`, which spaCy neither serialises nor reads for other keys, so
    it goes when the Doc goes: memos hold Spans of their Doc, and a table keyed by the Doc
    outside it (a WeakKeyDictionary) would keep every Doc alive through its own values."""
    hooks: dict[str, Any] = doc.user_hooks  # asked for hundreds of thousands of times per corpus: no cast() call
    cache = hooks.get(_CACHE_KEY)
    if cache is None:
        cache = hooks[_CACHE_KEY] = {}
    return cache


class TokenWords(NamedTuple):
    """The words of a Doc's tokens as plain lists, indexed by token: `doc[i]` and iterating a
    Doc or Span build a new Token object each time, and the attribution rules test the same
    words many times before they need a Token."""

    texts: list[str]
    lowers: list[str]  # Token.lower_
    lemmas: list[str]  # the lemma in lower case, or the text where the lemmatizer gave none
    spaces: list[bool]  # Token.is_space


def token_words(doc: Doc) -> TokenWords:
    """The Doc's `TokenWords`, read in one pass once per Doc (after the language pipeline:
    its lemmas are final)."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.token_words")
    if known is None or len(known.texts) != len(doc):
        texts: list[str] = []
        lowers: list[str] = []
        lemmas: list[str] = []
        spaces: list[bool] = []
        for t in doc:
            text = t.text
            texts.append(text)
            lowers.append(t.lower_)
            lemmas.append((t.lemma_ or text).lower())
            spaces.append(t.is_space)
        known = cache["quellenlage.token_words"] = TokenWords(texts, lowers, lemmas, spaces)
    return known


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once per Doc (`Doc.text` joins its tokens anew on each access)."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.text")
    if known is None or known[0] != len(doc):
        known = cache["quellenlage.text"] = (len(doc), doc.text)
    return known[1]


# --------------------------------------------------------------------------- Doc findings


def _findings(doc: Doc) -> tuple[dict[str, Any], set[str]]:
    """(objects by attribute name, names assigned since they were last stored)."""
    cache = doc_cache(doc)
    if "findings" not in cache:
        cache["findings"] = ({}, set())
    return cache["findings"]


def _store_lines(doc: Doc, lines: list[Line]) -> None:
    spans = []
    for line in lines:
        span = doc.char_span(line.start, line.start + len(line.text), label=line.role, alignment_mode="expand")
        if span is None:
            continue
        span._.line = {"index": line.index, "start": line.start, "end": line.start + len(line.text), "why": line.why}
        spans.append(span)
    doc.spans[LINES] = SpanGroup(doc, name=LINES, spans=spans)


def _load_lines(doc: Doc) -> list[Line] | None:
    if LINES not in doc.spans:
        return None
    out, full = [], doc_text(doc)
    for span in doc.spans[LINES]:
        info = span._.line
        text = full[info["start"] : info["end"]]
        out.append(Line(index=info["index"], role=span.label_, text=text, start=info["start"], why=info["why"]))
    return out


def _store_entities(doc: Doc, clusters: list) -> None:
    spans = [Span(doc, m.start, m.end, label=c.type, kb_id=c.id) for c in clusters for m in c.mentions]
    doc.spans[ENTITIES] = SpanGroup(doc, name=ENTITIES, spans=spans)
    doc._.entity_records = [
        {"id": c.id, "name": c.name, "type": c.type, "roles": sorted(c.roles), "gender": c.gender} for c in clusters
    ]


def _load_entities(doc: Doc) -> list | None:
    from quellenlage.attribution.entities import EntityCluster  # the attribution layer imports this module

    if ENTITIES not in doc.spans:
        return None
    clusters = {
        r["id"]: EntityCluster(id=r["id"], name=r["name"], type=r["type"], roles=set(r["roles"]), gender=r["gender"])
        for r in doc._.entity_records
    }
    for span in doc.spans[ENTITIES]:
        clusters[span.kb_id_].mentions.append(doc[span.start : span.end])
    return list(clusters.values())


def _models(name: str, model: type[BaseModel]) -> tuple[Callable, Callable]:
    """Store and load a list of pydantic objects as a list of dicts in `doc._.<name>_records`."""
    key = f"{name}_records"

    def store(doc: Doc, value: list[BaseModel]) -> None:
        doc._.set(key, [v.model_dump() for v in value])

    def load(doc: Doc) -> list[BaseModel] | None:
        records = doc._.get(key)
        return None if records is None else [model.model_validate(r) for r in records]

    return store, load


def _model(name: str, model: type[BaseModel]) -> tuple[Callable, Callable]:
    """Store and load one pydantic object (or None) as a dict in `doc._.<name>_record`."""
    key = f"{name}_record"

    def store(doc: Doc, value: BaseModel | None) -> None:
        doc._.set(key, None if value is None else value.model_dump())

    def load(doc: Doc) -> BaseModel | None:
        record = doc._.get(key)
        return None if record is None else model.model_validate(record)

    return store, load


_DOC_FINDINGS: dict[str, tuple[Callable, Callable, Callable]] = {  # name -> (store, load, empty)
    "lines": (_store_lines, _load_lines, list),  # list[schema.Line]
    "entities": (_store_entities, _load_entities, list),  # list[attribution.entities.EntityCluster]
    "sources": (*_models("sources", Source), list),  # list[schema.Source]
    "claims": (*_models("claims", Claim), list),  # list[schema.Claim]
    "headline_check": (*_model("headline_check", HeadlineCheck), lambda: None),  # schema.HeadlineCheck | None
    "transparency": (*_model("transparency", Transparency), lambda: None),  # schema.Transparency | None
}


def _getter(name: str) -> Callable[[Doc], Any]:
    _, load, empty = _DOC_FINDINGS[name]

    def get(doc: Doc) -> Any:
        objects, _ = _findings(doc)
        if name not in objects:
            stored = load(doc)
            if stored is None:
                return empty()
            objects[name] = stored
        return objects[name]

    return get


def _setter(name: str) -> Callable[[Doc, Any], None]:
    def set_(doc: Doc, value: Any) -> None:
        objects, dirty = _findings(doc)
        objects[name] = value
        dirty.add(name)

    return set_


def store_findings(doc: Doc) -> None:
    """Write the plain form of the findings assigned since the last call (after each component),
    and number the quotes: "q1", "q2", … in the order of `doc.spans["quotes"]`, so that every
    later component and the output name a quote by the same `span._.id`."""
    objects, dirty = _findings(doc)
    for name in sorted(dirty):
        _DOC_FINDINGS[name][0](doc, objects[name])
    dirty.clear()
    for n, quote in enumerate(doc.spans.get(QUOTES, []), start=1):
        quote._.id = f"q{n}"


# --------------------------------------------------------------------------- Span findings


def _span_ref(name: str) -> tuple[Callable[[Span], Span | None], Callable[[Span, Span | None], None]]:
    """A Span-valued attribute stored as its token bounds [start, end]."""
    key = f"{name}_tokens"

    def get(span: Span) -> Span | None:
        bounds = span._.get(key)
        return None if bounds is None else span.doc[bounds[0] : bounds[1]]

    def set_(span: Span, value: Span | None) -> None:
        span._.set(key, None if value is None else [value.start, value.end])

    return get, set_


def _get_via(span: Span) -> list[Span]:
    return [span.doc[a:b] for a, b in span._.via_tokens or []]


def _set_via(span: Span, value: list[Span]) -> None:
    span._.via_tokens = [[v.start, v.end] for v in value]


def _get_speaker(span: Span) -> Speaker | None:
    record = span._.speaker_record
    return None if record is None else Speaker.model_validate(record)


def _set_speaker(span: Span, value: Speaker | None) -> None:
    span._.speaker_record = None if value is None else value.model_dump()


_DOC_PLAIN: dict[str, Any] = {
    "errors": [],  # list[str]: "component: ExceptionType: message" (assigned, never appended to)
    "entity_records": [],  # [{id, name, type, roles, gender}] of the entities whose mentions are doc.spans["entities"]
    "sources_records": None,
    "claims_records": None,
    "headline_check_record": None,
    "transparency_record": None,
}
_SPAN_PLAIN: dict[str, Any] = {
    "id": None,  # on doc.spans["quotes"]: "q1", "q2", … (assigned by `store_findings`)
    "kind": None,  # "direct" | "indirect"
    "rule": "",  # which rule found it
    "via_names": [],  # the names of the chain a quote came through, nearest first, without its speaker
    "line": None,  # on doc.spans["lines"]: {index, start, end, why}
    "cue_tokens": None,
    "speaker_mention_tokens": None,
    "via_tokens": None,
    "speaker_record": None,
}
_SPAN_OBJECTS: dict[str, tuple[Callable[[Span], Any], Callable[[Span, Any], None]]] = {
    "cue": _span_ref("cue"),  # Span | None
    "speaker_mention": _span_ref("speaker_mention"),  # Span | None: what the attribution rests on
    "via": (_get_via, _set_via),  # list[Span]: mentions of the chain, nearest first
    "speaker": (_get_speaker, _set_speaker),  # schema.Speaker | None
}

for _name, _default in _DOC_PLAIN.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in _DOC_FINDINGS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter(_name), setter=_setter(_name))
for _name, _default in _SPAN_PLAIN.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
for _name, (_get, _set) in _SPAN_OBJECTS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_get, setter=_set)
